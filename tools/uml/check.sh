#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# "make check": build the debug UML kernel (cached), our modules, device
# trees and tools, boot the board once, and judge the run. The last line is
# "N passed, N failed, N skipped" over every KUnit case and end-to-end test.
set -euo pipefail
# shellcheck source=tools/uml/lib.sh
. "$(dirname "$0")/lib.sh"

start=$(date +%s)
"$TOP/tools/uml/build.sh" "$TOP/tools/uml/debug.config"
kbuild=$(cat "$OUT/kernel-debug")

results=$OUT/results/check
rm -rf "$results"
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
log "build matrix: distro headers, install, modalias, arm64, DKMS"
"$TOP/tools/matrix.sh" "$results/matrix" || true
log "docs: extracting their commands"
doc_status=0
"$TOP/tools/doccheck.sh" extract "$results/docs" 2> "$results/docs-extract.log" ||
	doc_status=$?
cat "$results/docs-extract.log" >&2
log "booting the UML board (lockdep + KASAN kernel)"
set +e
"$TOP/tools/uml/boot.sh" "$kbuild" "$OUT/dts/uml-board-check.dtb" \
	"$TOP/tools/uml/guest/check-init.sh" "$results" 900 \
	GPIOCLX_MODULES="$OUT/uml-debug/modules" GPIOCLX_TOOLS="$OUT/tools"
boot_status=$?
set -e

log "docs: running their host commands"
"$TOP/tools/doccheck.sh" host "$results/docs" || true

log "results ($results)"
GPIOCLX_LINT_STATUS=$lint_status GPIOCLX_DOC_STATUS=$doc_status \
	"$TOP/tools/uml/results.sh" "$results" "$boot_status" gpio-clx gpio-clx-sim
read -r passed failed skipped < "$results/counts"
log "make check took $(( $(date +%s) - start )) s"
echo "$passed passed, $failed failed, $skipped skipped"
[ "$failed" = 0 ]
