#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# "make shell BOARD=arm64": boot the arm64 QEMU board with our modules and
# the PL061 client loaded and a root shell on this terminal, or run CMD
# instead (make shell BOARD=arm64 CMD='gpiodetect'). DTB=FILE boots a tree
# of one's own instead of the board's, OVERLAY=FILE (.dtso or .dtbo) applies
# an overlay to the board's tree (or to DTB); relative paths are relative
# to the top of the tree. Leave the shell with "exit".
set -euo pipefail
# shellcheck source=tools/uml/lib.sh
. "$(dirname "$0")/../uml/lib.sh"

qemu_begin qemu-shell

"$TOP/tools/uml/dtbs.sh"
dtb=$results/board.dtb
if [ -n "${DTB:-}" ]; then
	[ -f "$(user_path "$DTB")" ] || die "DTB: no file $(user_path "$DTB")"
	with_overlay "$(user_path "$DTB")" "$dtb"
else
	"$TOP/tools/qemu/tree.sh" "$dtb" ${OVERLAY:+"$OVERLAY"}
fi

"$TOP/tools/qemu/initramfs.sh" "$kbuild" "$work/initramfs.cpio"
# CMD goes in as /cmd.sh, a second archive after the first: the kernel
# unpacks both.
cpio=$work/initramfs.cpio
if [ -n "${CMD:-}" ]; then
	printf '%s\n' "$CMD" > "$results/cmd.sh"
	echo "file /cmd.sh $results/cmd.sh 0755 0 0" > "$results/cmd.list"
	"$work/gen_init_cpio" "$results/cmd.list" > "$results/cmd.cpio"
	cat "$work/initramfs.cpio" "$results/cmd.cpio" > "$results/initramfs.cpio"
	cpio=$results/initramfs.cpio
fi

log "booting the arm64 QEMU board ($dtb); ${CMD:+running: $CMD; }'exit' powers it off"
GPIOCLX_TTY=1 GPIOCLX_APPEND=GPIOCLX_MODE=shell "$TOP/tools/qemu/boot.sh" \
	"$kbuild/arch/arm64/boot/Image" "$cpio" "$results" \
	"${GPIOCLX_SHELL_TIMEOUT:-3600}" "$dtb"
