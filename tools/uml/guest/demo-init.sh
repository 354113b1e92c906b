#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# PID 1 of a "make demo" boot: a short tour of the simulated board.
set -u
# shellcheck source=tools/uml/guest/common.sh
. "$(dirname "$0")/common.sh"

guest_mounts
exec >"$R/demo.log" 2>&1

say() { printf '\n### %s\n' "$*"; }
pin() { echo "$2" > "/sys/kernel/debug/gpio-clx-sim/gpio-controller-0/pin$1"; }

guest_load_modules || guest_halt 1
chip=$(gpiochip_of gpio-controller-0)

say "gpiodetect: the board's simulated controllers, probed from its device tree"
gpiodetect
say "gpioinfo $chip (first lines; names come from the device tree)"
gpioinfo "$chip" | head -6

say "gpiomon on lines 0 and 1 (BTN_A, BTN_B), both edges; edges injected through debugfs"
gpiomon -b -n 6 -F '  line %o: %e   (1 = rising, 0 = falling)' \
	"$chip" 0 1 &
mon=$!
sleep 0.5
for step in "0 1" "1 1" "0 0" "1 0" "0 1" "0 0"; do
	# shellcheck disable=SC2086
	pin $step
	sleep 0.05
done
wait $mon

say "a level-low line (IRQ_LEVEL) shared by two sample peripherals, threaded handlers"
for dev in sample-a sample-b sample-a; do
	echo 1 > "/sys/bus/platform/devices/$dev/trigger"
	sleep 0.1
done
for dev in sample-a sample-b; do
	echo "  $dev serviced $(cat /sys/bus/platform/devices/$dev/events) interrupt(s)"
done
grep -w sample-a /proc/interrupts | sed 's/^/  \/proc\/interrupts:/'

say "the simulated controller's registers, bank by bank"
sed 's/^/  /' /sys/kernel/debug/gpio-clx-sim/gpio-controller-0/regs

say "the core's per-pin interrupt statistics for that controller"
sed 's/^/  /' /sys/kernel/debug/gpio-clx/gpio-controller-0/stats

guest_halt 0
