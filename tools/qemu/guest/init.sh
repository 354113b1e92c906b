#!/bin/busybox sh
# SPDX-License-Identifier: GPL-2.0
# shellcheck shell=dash
#
# /init of the arm64 QEMU board's initramfs (busybox sh): mount the kernel's
# file systems, load our modules and run the KUnit suites, unload them, and
# write everything the host judges to the console between marker lines:
#
#   ==== gpioclx: begin NAME / ==== gpioclx: end NAME   a section
#                                (ktap-SUITE, gpiodetect, lockdep, kmsg)
#   ==== gpioclx: took NAME SECONDS                     how long it ran
#   ==== gpioclx: skip SUITE: REASON                    a suite not run
#   ==== gpioclx: exit STATUS                           the last line
#
# then power off. tools/qemu/results.sh reads them (Documentation/testing.rst).

/bin/busybox --install -s
export PATH=/sbin:/usr/sbin:/bin:/usr/bin
M=/lib/modules/gpioclx
status=0

mark() {
	echo "==== gpioclx: $*"
}

uptime_s() {
	cut -d' ' -f1 /proc/uptime
}

# section NAME CMD...: CMD's output as section NAME; its failure fails the run.
section() {
	name=$1
	shift
	mark "begin $name"
	"$@" 2>&1 || { echo "$name: status $?"; status=1; }
	mark "end $name"
}

load() {
	insmod "$M/$1.ko" || { echo "insmod $1 failed"; status=1; return 1; }
}

# run_kunit MODULE SUITE: load the suite's module (it runs on load) and
# copy its results from debugfs.
run_kunit() {
	t0=$(uptime_s)
	load "kunit/$1" || return
	mark "took kunit-$2 $(echo "$(uptime_s) $t0" | awk '{ print $1 - $2 }')"
	section "ktap-$2" cat "/sys/kernel/debug/kunit/$2/results"
	rmmod "$1" || status=1
}

mount -t devtmpfs devtmpfs /dev
mount -t proc proc /proc
mount -t sysfs sysfs /sys
mount -t debugfs debugfs /sys/kernel/debug
mount -t configfs configfs /sys/kernel/config
mount -t tmpfs tmpfs /tmp
mark "kernel $(uname -r) on $(uname -m)"

for m in drivers/gpio/gpio-clx drivers/irqchip/irq-clx-sim-intc \
	drivers/gpio/gpio-clx-sim drivers/misc/gpio-clx-sample; do
	load "$m"
done

run_kunit gpio-clx-test gpio-clx
# The simulator's suite drives /gpio-controller-1, which only a tree with
# the board's overlay has (dts/qemu-arm64-sim.dtso).
if [ -d /proc/device-tree/gpio-controller-1 ]; then
	run_kunit gpio-clx-sim-test gpio-clx-sim
else
	mark "skip gpio-clx-sim: no /gpio-controller-1 in the device tree (boot with the board's overlay)"
fi

# Debian's arm64 libgpiod tools see the chips (v1 character device).
section gpiodetect gpiodetect

# Unloading runs every teardown path under lockdep and KASAN.
rmmod gpio-clx-sample gpio-clx-sim irq-clx-sim-intc gpio-clx || status=1

# A lockdep report switches lockdep off: debug_locks says it stayed on.
section lockdep grep debug_locks /proc/lockdep_stats
mark "took boot $(uptime_s)"
section kmsg dmesg
mark "exit $status"
poweroff -f
