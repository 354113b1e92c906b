#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# "make check": build the debug UML kernels (cached), our modules, device
# trees and tools, run the host checks, boot the UML board on the oldest and
# on the newest kernel series and the arm64 QEMU board, and judge the runs.
# The last line is "N passed, N failed, N skipped" over every KUnit case
# and end-to-end test of all of them.
set -euo pipefail
# shellcheck source=tools/uml/lib.sh
. "$(dirname "$0")/lib.sh"

start=$(date +%s)
"$TOP/tools/uml/build.sh" "$TOP/tools/uml/debug.config"

results=$OUT/results/check
rm -rf "$results" "$OUT/results/check-total"
mkdir -p "$results"
log "lint"
lint_status=0
"$TOP/tools/lint.sh" > "$results/lint.log" 2>&1 || lint_status=$?
grep -v '^total: 0 errors, 0 warnings, 0 checks' "$results/lint.log" >&2 || true
# The gpioclx tool's unit tests need no board: they run here, before the boot.
log "gpioclx tool unit tests"
"$OUT/tools/gpioclx-unit" --gtest_output=json:"$results/tool-unit.json" \
	> "$results/tool-unit.log" 2>&1 || true
log "device trees against their bindings (dt-schema)"
"$TOP/tools/dt-check.sh" > "$results/dt-check.log" 2>&1 || true
grep -Ev '^(ok |dt-check: )' "$results/dt-check.log" >&2 || true
# The build matrix compiles while the first board boots: the board runs on
# one CPU, and the matrix, niced, takes what it leaves. Its results are
# awaited before that boot is judged.
log "build matrix (in the background): distro headers, install, modalias, arm64, DKMS"
nice -n 19 "$TOP/tools/matrix.sh" "$results/matrix" > "$results/matrix.log" 2>&1 &
matrix_pid=$!
log "docs: extracting their commands"
doc_status=0
"$TOP/tools/doccheck.sh" extract "$results/docs" 2> "$results/docs-extract.log" ||
	doc_status=$?
cat "$results/docs-extract.log" >&2
# boot_check SERIES RESULTS: one boot of the board on kernel SERIES (KUnit,
# end-to-end, the bench smoke run, the docs' board commands, the short
# reliability run), judged into RESULTS/counts. Host checks are counted
# with the first.
boot_check() {
	local series=$1 res=$2 status=0

	log "booting the UML board on $series (lockdep + KASAN kernel)"
	"$TOP/tools/uml/boot.sh" "$(kernel_build debug "$series")" \
		"$OUT/dts/uml-board-check.dtb" \
		"$TOP/tools/uml/guest/check-init.sh" "$res" 900 \
		GPIOCLX_MODULES="$(module_dir debug "$series")" \
		GPIOCLX_TOOLS="$OUT/tools" || status=$?
	if [ "$series" = "$KERNEL_OLDEST" ]; then
		log "waiting for the build matrix"
		wait "$matrix_pid" || true
		sed 's/^/  /' "$res/matrix.log" >&2
		log "docs: running their host commands"
		"$TOP/tools/doccheck.sh" host "$res/docs" || true
	fi
	log "results on $series ($res)"
	GPIOCLX_KERNEL=$series GPIOCLX_LINT_STATUS=$lint_status \
		GPIOCLX_DOC_STATUS=$doc_status \
		"$TOP/tools/uml/results.sh" "$res" "$status" gpio-clx gpio-clx-sim
}

boot_check "$KERNEL_OLDEST" "$results"
read -r passed failed skipped < "$results/counts"

# The newer kernels, each with its own build and boot and the same suites:
# the newest in make check, every one in make check-all (GPIOCLX_ALL=1).
others=("$KERNEL_NEWEST")
[ -z "${GPIOCLX_ALL:-}" ] || others=("${KERNELS[@]:1}")
for series in "${others[@]}"; do
	res=$OUT/results/check-$series
	rm -rf "$res"
	mkdir -p "$res"
	if "$TOP/tools/uml/build.sh" "$TOP/tools/uml/debug.config" "$series"; then
		lint_status='' doc_status='' boot_check "$series" "$res"
		read -r p f s < "$res/counts"
	else
		echo "  build for $series failed"
		p=0 f=1 s=0
	fi
	passed=$((passed + p)) failed=$((failed + f)) skipped=$((skipped + s))
done

# The arm64 QEMU virt board: with its device tree (tools/qemu/check.sh:
# KUnit and the end-to-end suite on an arm64 kernel with a real GIC,
# lockdep and KASAN), then with ACPI (tools/qemu/acpi.sh).
for board in qemu-arm64:check qemu-acpi:acpi; do
	qlog=$OUT/results/${board%:*}.log
	if "$TOP/tools/qemu/${board#*:}.sh" > "$qlog" 2>&1 ||
		[ -f "$OUT/results/${board%:*}/counts" ]; then
		grep -E '^  ' "$qlog" || true
		read -r p f s < "$OUT/results/${board%:*}/counts"
	else
		echo "  ${board%:*} board: did not run (see $qlog)"
		p=0 f=1 s=0
	fi
	passed=$((passed + p)) failed=$((failed + f)) skipped=$((skipped + s))
done

log "make check took $(( $(date +%s) - start )) s"
# Every boot's counts together, for .ci/run's last line too.
echo "$passed $failed $skipped" > "$OUT/results/check-total"
echo "$passed passed, $failed failed, $skipped skipped"
[ "$failed" = 0 ]
