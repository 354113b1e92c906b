#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# Inside the test board: pulse trains of rising at 50 to 1600 pulses/s (200
# pulses, each a quarter of the period wide) into Debian's gpiomon on pin 12
# of each kind of controller, rising edges only and both edges. One line per
# train: the interrupts the core dispatched (replays included), the edges
# the simulated latch merged (coalesced), the events gpiomon printed, and
# the generator's late steps. How reliability.rst's pulse-rate table was
# made:
#   make shell CMD='bash $$GPIOCLX_TOOLS/../../tools/stress/pulse-rates.sh'
set -u

coalesced() {
	awk -v p="$2" '$1 == p { print $2 }' "/sys/kernel/debug/gpio-clx-sim/$1/coalesced"
}

# One column of the core's statistics (stats: pin primary dispatched ...).
stat() {
	awk -v p="$2" -v c="$3" '$1 == p { print $c }' "/sys/kernel/debug/gpio-clx/$1/stats"
}

pin=12
for node in gpio-controller-0 gpio-controller-2 gpio-controller-3; do
	chip=$(basename "/sys/bus/platform/devices/$node/"gpiochip*)
	d=/sys/kernel/debug/gpio-clx-sim/$node
	for mode in rising both; do
		for hz in 50 100 200 400 800 1600; do
			echo 0 > "$d/pin$pin"
			flag=
			[ "$mode" = rising ] && flag=-r
			# shellcheck disable=SC2086 # no flag is no word
			gpiomon $flag -b "$chip" "$pin" > /run/pulse-mon.txt 2>&1 &
			mon=$!
			sleep 0.3
			c0=$(coalesced "$node" "$pin")
			p0=$(stat "$node" "$pin" 3)
			r0=$(stat "$node" "$pin" 6)
			echo "pulse $pin $hz 200 $((250000000 / hz))" > "$d/generator"
			sleep "$((200 / hz + 1)).5"
			kill "$mon"
			wait "$mon" 2> /dev/null
			c1=$(coalesced "$node" "$pin")
			p1=$(stat "$node" "$pin" 3)
			r1=$(stat "$node" "$pin" 6)
			echo "$node $mode $hz/s: dispatched $((${p1:-0} - ${p0:-0}))" \
				"(replayed $((${r1:-0} - ${r0:-0})))" \
				"coalesced $((c1 - c0))" \
				"rising $(grep -c RISING /run/pulse-mon.txt)" \
				"falling $(grep -c FALLING /run/pulse-mon.txt)" \
				"late $(awk '$1 == "late" { print $2 }' "$d/generator")"
		done
	done
done
