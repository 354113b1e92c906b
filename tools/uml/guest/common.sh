# SPDX-License-Identifier: GPL-2.0
# shellcheck shell=bash
#
# Guest side of the UML board, sourced by the init scripts (PID 1 inside
# UML). The host root is mounted read-only; the results folder
# GPIOCLX_RESULTS (from the kernel command line) is mounted read-write at
# $R. Scratch space is a tmpfs on /run: mounting over /tmp or /mnt would
# hide a checkout that lives there on the host.

export PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin
export HOME=/run TMPDIR=/run
R=/run/results

guest_mounts() {
	mount -t proc proc /proc
	mount -t sysfs sysfs /sys
	mount -t debugfs debugfs /sys/kernel/debug
	mount -t configfs configfs /sys/kernel/config
	mount -t tmpfs tmpfs /run
	mkdir -p "$R"
	mount -t hostfs hostfs "$R" -o "$GPIOCLX_RESULTS"
	# Every kernel message, as it is logged (see boot.sh for why not the
	# console). cat writes each record as soon as it reads it.
	cat /dev/kmsg > "$R/kmsg.log" &
	guest_heartbeat &
}

# Tell the host every few seconds that userspace still runs (boot.sh's
# stall watch), and where our modules' code is, for its backtraces.
guest_heartbeat() {
	local m
	while :; do
		for m in /sys/module/gpio_clx* /sys/module/irq_clx*; do
			[ -r "$m/sections/.text" ] &&
				echo "${m##*/} $(cat "$m/sections/.text")"
		done > "$R/modules-text.new" 2>/dev/null
		mv -f "$R/modules-text.new" "$R/modules-text"
		date +%s > "$R/heartbeat"
		sleep 5
	done
}

# Power off without systemd; the status file tells the host how it went.
guest_halt() {
	sleep 0.2	# let the kmsg copy catch up
	echo "$1" > "$R/exit-status"
	sync
	echo o > /proc/sysrq-trigger
	sleep 10
}

# The modules every boot needs. The benchmark and torture modules are
# loaded by whoever uses them: each keeps gpio-clx-sim from being unloaded.
guest_load_modules() {
	local m
	for m in gpio-clx irq-clx-sim-intc gpio-clx-sim gpio-clx-sample; do
		insmod "$GPIOCLX_MODULES/$(modpath "$m")" || return 1
	done
}

modpath() {
	case "$1" in
	irq-*) echo "drivers/irqchip/$1.ko" ;;
	gpio-clx-sample | gpio-clx-bench | gpio-clx-torture) echo "drivers/misc/$1.ko" ;;
	*-test) echo "kunit/$1.ko" ;;
	*) echo "drivers/gpio/$1.ko" ;;
	esac
}

# The gpiochip that a device-tree node became, e.g. gpiochip_of gpio-controller-0.
gpiochip_of() {
	local d
	for d in /sys/bus/platform/devices/"$1"/gpiochip*; do
		[ -e "$d" ] && basename "$d" && return 0
	done
	return 1
}

# The reliability run (tools/stress), GPIOCLX_STRESS=$1 ("short" or
# "long"), one block per run of the binary so the order is fixed: the last
# block leaves the controllers' module pinned on 6.1 (reliability.rst), so
# nothing that unloads it may follow. Each block writes stress-N.json; the
# names go to stress-blocks for the host to count a block that never
# reported.
run_stress() {
	local filter i=0

	: > "$R/stress-blocks"
	for filter in 'Sleep.*' 'Input.*' 'Load.*' \
		'Lifecycle/BindCycles.*:Lifecycle.*' \
		'Lifecycle/UnbindWhileHeld.*'; do
		i=$((i + 1))
		echo "stress-$i $filter" >> "$R/stress-blocks"
		GPIOCLX_STRESS=$1 "$GPIOCLX_TOOLS/gpioclx-stress" \
			--gtest_filter="$filter" \
			--gtest_output=json:"$R/stress-$i.json" || true
	done
}
