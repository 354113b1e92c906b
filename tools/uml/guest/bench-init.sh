#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# PID 1 of a "make bench" boot: load the modules and the in-kernel benchmark,
# run every command of gpioclx-bench once, and leave the CSV and the latency
# samples in $R for the host to report and plot.
set -u
# shellcheck source=tools/uml/guest/common.sh
. "$(dirname "$0")/common.sh"

guest_mounts
exec >"$R/guest.log" 2>&1
set -x

status=0
# GPIOCLX_BENCH_ARGS: --quick from make bench's GPIOCLX_BENCH_QUICK=1.
bench() {
	# shellcheck disable=SC2086 # one option or none
	"$GPIOCLX_TOOLS/gpioclx-bench" "$@" ${GPIOCLX_BENCH_ARGS:-} --out "$R" ||
		status=1
}

# gpiolib numbers every GPIO below 512 on this kernel: the controllers do not
# all fit at once, so the driver binds none of them here and gpioclx-bench
# binds each one while it measures it.
load_modules() {
	local m

	for m in gpio-clx irq-clx-sim-intc; do
		insmod "$GPIOCLX_MODULES/$(modpath "$m")" || return 1
	done
	echo 0 > /sys/bus/platform/drivers_autoprobe
	insmod "$GPIOCLX_MODULES/$(modpath gpio-clx-sim)" || return 1
	echo 1 > /sys/bus/platform/drivers_autoprobe
	insmod "$GPIOCLX_MODULES/$(modpath gpio-clx-bench)"
}

rm -f "$R/bench.csv"
if load_modules; then
	bench dispatch
	bench events
	bench burst
	# Last: it unbinds and binds controllers and retunes the slab caches.
	bench memory
	rmmod gpio-clx-bench || status=1
else
	status=1
fi
guest_halt $status
