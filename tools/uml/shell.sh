#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# "make shell": boot the test board (the tree with the sample overlays) with
# every module loaded and a root shell on this terminal, for trying the
# board commands of the docs by hand. Leave with "exit" or Ctrl-D; the
# board powers off. UML reads its console only from a terminal; to run
# commands without one, give them in CMD and the shell runs them instead:
#   make shell CMD='gpioclx list'
# KERNEL=SERIES boots another kernel series than the oldest (make shell
# KERNEL=7.3; tools/uml/lib.sh lists them). DTB=FILE boots a tree of one's
# own instead of the test board's, OVERLAY=FILE (.dtso or .dtbo) applies an
# overlay to it; relative paths are relative to the top of the tree.
# BOARD=arm64 boots the arm64 QEMU board instead (tools/qemu/shell.sh).
set -euo pipefail
# shellcheck source=tools/uml/lib.sh
. "$(dirname "$0")/lib.sh"

case ${BOARD:-uml} in
uml) ;;
arm64 | qemu-arm64) exec "$TOP/tools/qemu/shell.sh" ;;
*) die "BOARD is uml or arm64, not '$BOARD'" ;;
esac

series=${KERNEL:-$KERNEL_OLDEST}
"$TOP/tools/uml/build.sh" "$TOP/tools/uml/debug.config" "$series"
results=$OUT/results/shell
mkdir -p "$results"
rm -f "$results/cmd.sh"
[ -z "${CMD:-}" ] || printf '%s\n' "$CMD" > "$results/cmd.sh"

dtb=$OUT/dts/uml-board-overlays.dtb
if [ -n "${DTB:-}" ]; then
	dtb=$(user_path "$DTB")
	[ -f "$dtb" ] || die "DTB: no file $dtb"
fi
with_overlay "$dtb" "$results/board.dtb"
dtb=$results/board.dtb

log "booting the UML board ($dtb); ${CMD:+running: $CMD; }'exit' powers it off"
GPIOCLX_TTY=1 "$TOP/tools/uml/boot.sh" "$(kernel_build debug "$series")" \
	"$dtb" "$TOP/tools/uml/guest/shell-init.sh" \
	"$results" "${GPIOCLX_SHELL_TIMEOUT:-3600}" \
	GPIOCLX_MODULES="$(module_dir debug "$series")" GPIOCLX_TOOLS="$OUT/tools"
