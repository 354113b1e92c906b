#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# "make qemu-check": the arm64 QEMU virt board. Build its kernel (cached,
# tools/qemu/kernel.sh), our modules and the initramfs
# (tools/qemu/initramfs.sh), the board's tree (QEMU's own with
# dts/qemu-arm64-sim.dtso applied), boot it once and judge the run
# (tools/qemu/results.sh). Results in out/results/qemu-arm64; the last
# line is "N passed, N failed, N skipped".
set -euo pipefail
# shellcheck source=tools/uml/lib.sh
. "$(dirname "$0")/../uml/lib.sh"

qemu_begin qemu-arm64

log "the board's device tree: QEMU's own, dts/qemu-arm64-sim.dtso and the malformed nodes"
"$TOP/tools/uml/dtbs.sh"
# The malformed nodes of the probe-failure tests, as on the UML board.
"$TOP/tools/qemu/tree.sh" "$work/board.dtb" "$OUT/dts/uml-malformed.dtbo" \
	"$OUT/dts/uml-malformed-semantic.dtbo"

"$TOP/tools/qemu/initramfs.sh" "$kbuild" "$work/initramfs.cpio"

log "booting the arm64 QEMU board (lockdep + KASAN kernel)"
status=0
"$TOP/tools/qemu/boot.sh" "$kbuild/arch/arm64/boot/Image" \
	"$work/initramfs.cpio" "$results" 600 "$work/board.dtb" || status=$?
log "results ($results)"
"$TOP/tools/qemu/results.sh" "$kbuild" "$results" "$status" gpio-clx gpio-clx-sim
echo "kernel build $(cat "$kbuild/.build-seconds") (cached in $kbuild)" \
	>> "$results/timings"
sed 's/^/  /' "$results/timings"
read -r passed failed skipped < "$results/counts"
log "make qemu-check took $(( $(date +%s) - start )) s"
echo "$passed passed, $failed failed, $skipped skipped"
[ "$failed" = 0 ]
