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
# KERNEL=7.3; tools/uml/lib.sh lists them).
set -euo pipefail
# shellcheck source=tools/uml/lib.sh
. "$(dirname "$0")/lib.sh"

series=${KERNEL:-$KERNEL_OLDEST}
"$TOP/tools/uml/build.sh" "$TOP/tools/uml/debug.config" "$series"
results=$OUT/results/shell
mkdir -p "$results"
rm -f "$results/cmd.sh"
[ -z "${CMD:-}" ] || printf '%s\n' "$CMD" > "$results/cmd.sh"
log "booting the UML board; ${CMD:+running: $CMD; }'exit' powers it off"
GPIOCLX_TTY=1 "$TOP/tools/uml/boot.sh" "$(kernel_build debug "$series")" \
	"$OUT/dts/uml-board-overlays.dtb" "$TOP/tools/uml/guest/shell-init.sh" \
	"$results" "${GPIOCLX_SHELL_TIMEOUT:-3600}" \
	GPIOCLX_MODULES="$(module_dir debug "$series")" GPIOCLX_TOOLS="$OUT/tools"
