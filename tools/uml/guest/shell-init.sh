#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# PID 1 of a "make shell" boot: load the modules and hand the console to a
# root shell with our tools on PATH, or run the commands of $R/cmd.sh
# (make shell CMD=...) with errexit. The shell's exit status is the boot's.
set -u
# shellcheck source=tools/uml/guest/common.sh
. "$(dirname "$0")/common.sh"

guest_mounts
export PATH=$GPIOCLX_TOOLS:$PATH PS1='board# '
guest_load_modules || guest_halt 1
echo "gpioclx board: $(gpiodetect | wc -l) GPIO chips; gpioclx, gpiomon, gpioinfo..."
cd /run || guest_halt 1
status=0
if [ -f "$R/cmd.sh" ]; then
	bash -e "$R/cmd.sh" > /dev/console 2>&1 || status=$?
else
	bash -i < /dev/console > /dev/console 2>&1 || status=$?
fi
guest_halt "$status"
