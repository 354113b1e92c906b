#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# PID 1 of a "make stress" boot: load the modules and run the long
# reliability run (tools/stress); results in $R, judged by the host.
set -u
# shellcheck source=tools/uml/guest/common.sh
. "$(dirname "$0")/common.sh"

guest_mounts
exec >"$R/guest.log" 2>&1
set -x

status=0
if guest_load_modules; then
	run_stress long
else
	status=1
fi
guest_halt $status
