#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# Judge one boot of the arm64 QEMU board from its console log (the marker
# lines of tools/qemu/guest/init.sh): each KUnit suite's KTAP, parsed by the
# booted kernel's own tools/testing/kunit/kunit.py; a suite the guest
# skipped counts as skipped, with its reason; the gpiod tools; the kernel
# log, where any lockdep, KASAN, BUG or WARNING report fails the run;
# lockdep still on at the end; the end-to-end suite's GoogleTest report;
# and the guest's own status. Leaves
# kunit-SUITE.{ktap,json,txt}, kmsg.log and timings in RESULTS, and
# "passed failed skipped" in RESULTS/counts.
#
# usage: results.sh KERNEL_BUILD RESULTS BOOT_STATUS SUITE...
set -euo pipefail
# shellcheck source=tools/uml/lib.sh
. "$(dirname "$0")/../uml/lib.sh"

kbuild=$1 results=$2 boot_status=$3
shift 3
kunit_py=$(readlink -f "$kbuild/source")/tools/testing/kunit/kunit.py
console=$results/console.log
passed=0 failed=0 skipped=0

count() {	# name passed failed skipped
	printf '  %-42s %3d passed, %d failed, %d skipped\n' "$1" "$2" "$3" "$4"
	passed=$((passed + $2)) failed=$((failed + $3)) skipped=$((skipped + $4))
}

# The console without the serial line's carriage returns.
console() {
	tr -d '\r' < "$console" 2>/dev/null || true
}

# The lines between "==== gpioclx: begin NAME" and "... end NAME".
section() {
	console | awk -v b="==== gpioclx: begin $1" -v e="==== gpioclx: end $1" '
		$0 == e { exit } on { print } $0 == b { on = 1 }'
}

# How many leaf cases of kunit.py's JSON report have status $2.
cases() {
	jq --arg s "$2" '[.. | objects | .test_cases? // empty | .[] |
		select(.status == $s)] | length' "$1"
}

for suite in "$@"; do
	reason=$(console | sed -n "s/^==== gpioclx: skip $suite: //p")
	if [ -n "$reason" ]; then
		echo "    $suite skipped: $reason"
		count "kunit $suite" 0 0 1
		continue
	fi
	ktap=$results/kunit-$suite.ktap json=$results/kunit-$suite.json
	section "ktap-$suite" > "$ktap"
	python3 "$kunit_py" parse --json="$json" "$ktap" \
		> "$results/kunit-$suite.txt" 2>&1 || true
	p=0 f=0 s=0
	if [ -s "$json" ]; then
		p=$(cases "$json" PASS) s=$(cases "$json" SKIP)
		f=$(( $(cases "$json" FAIL) + $(cases "$json" ERROR) ))
	fi
	if ! grep -q "^ok 1 $suite\$" "$ktap"; then
		grep -q "^not ok 1 $suite\$" "$ktap" ||
			{ echo "    kunit $suite: no results (see $console)"; f=$((f + 1)); }
	fi
	grep -E '\[(FAILED|CRASHED|SKIPPED)\]|ERROR' "$results/kunit-$suite.txt" |
		sed 's/^/    /' || true
	count "kunit $suite" "$p" "$f" "$s"
done

# The end-to-end suite (its report came through the guest's archive).
gtest_count "end-to-end (gtest)" "$results/e2e.json" "$results/e2e.log"

# Debian 12's arm64 gpiod tools ran against the board's kernel.
if console | grep -q '^==== gpioclx: end gpiodetect$' &&
	! section gpiodetect | grep -q '^gpiodetect: status'; then
	count "gpiodetect (Debian arm64 libgpiod)" 1 0 0
else
	section gpiodetect | sed 's/^/    /'
	count "gpiodetect (Debian arm64 libgpiod)" 0 1 0
fi

# The guest's own tests: the PL061 client and QEMU's power button through
# three consumers. Each must report; one that did not run fails.
for name in pl061-probe button-gpiomon button-threaded button-gpio-keys pl061-level; do
	line=$(console | sed -n "s/^==== gpioclx: check $name //p" | head -n1)
	case $name in
	pl061-probe) title="gpio-clx-pl061 probes QEMU's PL061" ;;
	button-gpiomon) title="power button: gpiomon, both edges" ;;
	button-threaded) title="power button: threaded consumer, once" ;;
	button-gpio-keys) title="power button: gpio-keys KEY_POWER" ;;
	pl061-level) title="PL061 level interrupt, once per event" ;;
	esac
	case $line in
	ok*)
		echo "    $name: ${line#ok }"
		count "$title" 1 0 0
		;;
	FAIL*)
		echo "    $name: ${line#FAIL }"
		count "$title" 0 1 0
		;;
	*)
		echo "    $name: did not run"
		count "$title" 0 1 0
		;;
	esac
done

# Any report in the kernel log fails; the console alone holds a panic.
section kmsg > "$results/kmsg.log"
splats=$( (cat "$results/kmsg.log"; console) | grep -E "$QEMU_SPLATS" |
	awk '!seen[$0]++' || true)
if [ -n "$splats" ] || [ ! -s "$results/kmsg.log" ]; then
	printf '    %s\n' "${splats:-no kernel log captured}" | head -20
	count "kernel log clean" 0 1 0
else
	count "kernel log clean" 1 0 0
fi

# Lockdep stops at its first report, so a run whose report went unseen
# still shows here.
if section lockdep | grep -Eq '^ *debug_locks: +1$'; then
	count "lockdep on to the end (debug_locks)" 1 0 0
else
	section lockdep | sed 's/^/    /'
	count "lockdep on to the end (debug_locks)" 0 1 0
fi

if [ "$boot_status" = 0 ]; then
	count "guest ran to completion" 1 0 0
else
	echo "    guest: status $boot_status (see $console)"
	count "guest ran to completion" 0 1 0
fi

# Seconds: the boot as the host saw it, and what the guest measured.
{
	echo "boot (host, QEMU start to exit) $(cat "$results/boot-seconds" 2>/dev/null)"
	console | sed -n 's/^==== gpioclx: took \([^ ]*\) \(.*\)$/\1 (guest) \2/p'
} > "$results/timings"
echo "$passed $failed $skipped" > "$results/counts"
