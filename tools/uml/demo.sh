#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# "make demo": build what is missing, boot the simulated board, and show
# gpioinfo, gpiomon catching injected interrupts, and threaded handlers
# serving a shared level-triggered line.
set -euo pipefail
# shellcheck source=tools/uml/lib.sh
. "$(dirname "$0")/lib.sh"

"$TOP/tools/uml/build.sh" "$TOP/tools/uml/debug.config"
results=$OUT/results/demo
rm -rf "$results"
log "booting the UML board"
status=0
"$TOP/tools/uml/boot.sh" "$(kernel_build debug)" \
	"$OUT/dts/uml-board.dtb" "$TOP/tools/uml/guest/demo-init.sh" \
	"$results" 300 GPIOCLX_MODULES="$(module_dir debug)" || status=$?
cat "$results/demo.log" 2>/dev/null || true
[ "$status" = 0 ] || die "the demo boot failed ($status); see $results/"
