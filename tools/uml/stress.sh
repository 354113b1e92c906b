#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# "make stress": the long reliability run (Documentation/reliability.rst)
# on the debug kernel (lockdep, raw-lock nesting, DEBUG_SHIRQ, KASAN,
# kmemleak): boot the board once, run every block of tools/stress with
# GPIOCLX_STRESS=long, and judge it like make check (any report in the
# kernel log fails). make check runs the short version in its own boot.
set -euo pipefail
# shellcheck source=tools/uml/lib.sh
. "$(dirname "$0")/lib.sh"

start=$(date +%s)
"$TOP/tools/uml/build.sh" "$TOP/tools/uml/debug.config"
kbuild=$(kernel_build debug)
results=$OUT/results/stress
rm -rf "$results"
mkdir -p "$results"

log "booting the UML board for the long reliability run"
set +e
"$TOP/tools/uml/boot.sh" "$kbuild" "$OUT/dts/uml-board-check.dtb" \
	"$TOP/tools/uml/guest/stress-init.sh" "$results" \
	"${GPIOCLX_STRESS_TIMEOUT:-5400}" \
	GPIOCLX_MODULES="$(module_dir debug)" GPIOCLX_TOOLS="$OUT/tools" \
	GPIOCLX_STRESS_SCALE="${GPIOCLX_STRESS_SCALE:-1}"
boot_status=$?
set -e

log "results ($results)"
GPIOCLX_STRESS_ONLY=1 "$TOP/tools/uml/results.sh" "$results" "$boot_status"
read -r passed failed skipped < "$results/counts"
log "make stress took $(( $(date +%s) - start )) s"
echo "$passed passed, $failed failed, $skipped skipped"
[ "$failed" = 0 ]
