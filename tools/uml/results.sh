#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# Judge one "make check" boot from the files it left in RESULTS: KUnit
# results (taken from the kernel log, parsed by the kernel's kunit.py), the
# GoogleTest reports of the end-to-end tests and of the gpioclx tool's unit
# tests (run on the host), and the kernel log itself, where any lockdep,
# KASAN, BUG or WARNING report fails the run.
#
# usage: results.sh RESULTS BOOT_STATUS SUITE...
# GPIOCLX_KERNEL=SERIES names the kernel that booted (default: the oldest).
# GPIOCLX_STRESS_ONLY=1 judges a make stress boot: no end-to-end suite,
# tool unit tests or bench run are expected there.
# Prints one line per group and writes "passed failed skipped" to
# RESULTS/counts.
set -euo pipefail
# shellcheck source=tools/uml/lib.sh
. "$(dirname "$0")/lib.sh"

results=$1 boot_status=$2
shift 2
# The booted kernel's own KTAP parser.
kunit_py=$(uml_src "${GPIOCLX_KERNEL:-$KERNEL_OLDEST}")/tools/testing/kunit/kunit.py
passed=0 failed=0 skipped=0

count() {	# name passed failed skipped
	printf '  %-42s %3d passed, %d failed, %d skipped\n' "$1" "$2" "$3" "$4"
	passed=$((passed + $2)) failed=$((failed + $3)) skipped=$((skipped + $4))
}

# The kernel log without the /dev/kmsg record prefix and dictionary lines.
kmsg() {
	sed 's/^[^;]*;//' "$results/kmsg.log" 2>/dev/null | grep -v '^ [A-Z_]*=' || true
}

# The kernel log and the console, which alone holds a panic's last words.
all_logs() {
	kmsg
	cat "$results/console.log" 2>/dev/null || true
}

# 6.1's debugfs results keep only the last parameter of a parameterised
# case, so each suite's KTAP is cut out of the kernel log instead.
suite_ktap() {
	kmsg | awk -v s="$1" '
		BEGIN { print "KTAP version 1"; print "1..1" }
		/^    KTAP version 1$/ { head = $0; next }
		$0 ~ "^    # Subtest: " s "$" { on = 1; print head }
		on { print }
		on && $0 ~ "^(not )?ok [0-9]+ " s "$" { exit }'
}

for suite in "$@"; do
	ktap=$results/kunit-$suite.parsed.ktap
	suite_ktap "$suite" > "$ktap"
	summary=$(python3 "$kunit_py" parse "$(realpath "$ktap")" 2>&1 |
		tee "$results/kunit-$suite.txt" | grep 'Testing complete' || true)
	p=$(grep -o 'passed: [0-9]*' <<<"$summary" | grep -o '[0-9]*' || echo 0)
	f=$(grep -oE '(failed|crashed|errors): [0-9]*' <<<"$summary" |
		grep -o '[0-9]*' | paste -sd+ | bc || true)
	s=$(grep -o 'skipped: [0-9]*' <<<"$summary" | grep -o '[0-9]*' || echo 0)
	f=${f:-0}
	if ! grep -q "ok [0-9]* $suite\$" "$ktap"; then
		echo "  kunit $suite: no results (see $results/kmsg.log)"
		f=$((f + 1))
	fi
	grep -E '\[(FAILED|CRASHED|SKIPPED)\]|ERROR' "$results/kunit-$suite.txt" |
		sed 's/^/    /' || true
	count "kunit $suite" "$p" "$f" "$s"
done

if [ -z "${GPIOCLX_STRESS_ONLY:-}" ]; then
	gtest_count "end-to-end (gtest)" "$results/e2e.json" "$results/guest.log"
fi
# Run on the host before the first boot (check.sh).
if [ -f "$results/tool-unit.log" ]; then
	gtest_count "tool unit tests (gtest)" "$results/tool-unit.json" \
		"$results/tool-unit.log"
fi

# The reliability run (run_stress in guest/common.sh): one report per block.
if [ -f "$results/stress-blocks" ]; then
	while read -r name filter; do
		gtest_count "stress $filter" "$results/$name.json" "$results/guest.log"
	done < "$results/stress-blocks"
else
	echo "  stress: did not run (see $results/guest.log)"
	count "stress" 0 1 0
fi

# One maple_tree RCU warning from UML's fork path is known and harmless;
# every other report fails.
splats=$(all_logs | awk '
	/WARNING: suspicious RCU usage/ { rcu = NR; next }
	rcu && NR <= rcu + 3 && /lib\/maple_tree\.c/ { rcu = 0; next }
	rcu && NR > rcu + 3 { print "suspicious RCU usage"; rcu = 0 }
	/BUG:|WARNING:|KASAN|Oops|Kernel panic|circular locking|recursive locking|inconsistent lock|Invalid wait context|UBSAN|blocked for more than|irq lock inversion|bad unlock balance|nobody cared|detected stalls/ { print }')
if [ -n "$splats" ] || [ ! -s "$results/kmsg.log" ]; then
	printf '    %s\n' "${splats:-no kernel log captured}" | head -20
	count "kernel log clean" 0 1 0
else
	count "kernel log clean" 1 0 0
fi

# One check from an exit status: 0 passes, anything else (or nothing,
# for a step that never ran) fails and points at its log.
check_status() {	# name status log
	if [ "$2" = 0 ]; then
		count "$1" 1 0 0
	else
		echo "  $1: status ${2:-missing} (see $3)"
		count "$1" 0 1 0
	fi
}

# make check runs the benchmark tool once, briefly (check-init.sh).
if [ -z "${GPIOCLX_STRESS_ONLY:-}" ]; then
	check_status "bench tool smoke run" \
		"$(cat "$results/bench-smoke.status" 2>/dev/null)" "$results/guest.log"
fi
check_status "guest ran to completion" "$boot_status" "$results/guest.log"

# tools/dt-check.sh, run by check.sh on the host: one count per check.
if [ -f "$results/dt-check.log" ]; then
	if read -r p f < <(sed -n 's/^dt-check: \([0-9]*\) passed, \([0-9]*\) failed$/\1 \2/p' \
			   "$results/dt-check.log"); then
		grep '^FAIL ' "$results/dt-check.log" | sed 's/^/    /' || true
		count "device trees (dt-schema)" "$p" "$f" 0
	else
		echo "  dt-check: no summary (see $results/dt-check.log)"
		count "device trees (dt-schema)" 0 1 0
	fi
fi

if [ -n "${GPIOCLX_LINT_STATUS:-}" ]; then
	check_status "lint (checkpatch, sparse, kernel-doc, ...)" \
		"$GPIOCLX_LINT_STATUS" "$results/lint.log"
fi

# The build matrix (tools/matrix.sh): one check per NAME.status.
if [ -d "$results/matrix" ]; then
	ran=0
	for st in "$results"/matrix/*.status; do
		[ -e "$st" ] || continue
		ran=1
		check_status "matrix: $(basename "$st" .status)" "$(cat "$st")" \
			"${st%.status}.log"
	done
	[ "$ran" = 1 ] || count "matrix: did not run" 0 1 0
fi

# The docs' commands (tools/doccheck.sh): one test per console block, on
# the host or in the board; a block that never ran fails.
if [ -n "${GPIOCLX_DOC_STATUS:-}" ]; then
	check_status "docs: commands only in console blocks" \
		"$GPIOCLX_DOC_STATUS" "$results/docs-extract.log"
	for where in host board; do
		p=0 f=0
		for sh in "$results/docs/$where"/*.sh; do
			[ -e "$sh" ] || continue
			if [ "$(cat "${sh%.sh}.status" 2>/dev/null)" = 0 ]; then
				p=$((p + 1))
			else
				f=$((f + 1))
				echo "    FAILED $(sed -n '1s/^# //p' "$sh") (${sh%.sh}.log)"
			fi
		done
		count "docs: $where command blocks" "$p" "$f" 0
	done
fi

echo "$passed $failed $skipped" > "$results/counts"
