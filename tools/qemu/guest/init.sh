#!/bin/busybox sh
# SPDX-License-Identifier: GPL-2.0
# shellcheck shell=dash
#
# /init of the arm64 QEMU board's initramfs (busybox sh): mount the kernel's
# file systems, load our modules and run the KUnit suites, the end-to-end
# suite and the power-button tests, unload them, and write everything the
# host judges to the console between marker lines:
#
#   ==== gpioclx: begin NAME / ==== gpioclx: end NAME   a section
#                                (ktap-SUITE, gpiodetect, lockdep, kmsg)
#   ==== gpioclx: took NAME SECONDS                     how long it ran
#   ==== gpioclx: skip SUITE: REASON                    a suite not run
#   ==== gpioclx: check NAME ok|FAIL [DETAIL]           one test's verdict
#   ==== gpioclx: press NAME                            the host presses
#                                 the power button (tools/qemu/boot.sh)
#   ==== gpioclx: exit STATUS                           the last line
#
# and the files of $R (the end-to-end suite's report, its output) as a tar
# archive to the virtio serial port "gpioclx.results" (tools/qemu/boot.sh
# unpacks it into the results folder); then power off.
# tools/qemu/results.sh reads them (Documentation/testing.rst).

/bin/busybox --install -s
export PATH=/sbin:/usr/sbin:/bin:/usr/bin
M=/lib/modules/gpioclx
# The C++ tools (tools/qemu/tools.sh); what the guest leaves for the host.
T=/opt/gpioclx
R=/tmp/results
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

# check NAME CONDITION-STATUS DETAIL: a test's verdict for the host.
check() {
	if [ "$2" = 0 ]; then
		mark "check $1 ok $3"
	else
		mark "check $1 FAIL $3"
	fi
}

# wait_for SECONDS CMD...: run CMD every 0.1 s until it succeeds.
# Its counter has a name of its own: busybox sh has no local variables,
# and a CMD that set it (notifications() sets n) would end the wait at once.
wait_for() {
	wait_tries=$(($1 * 10))
	shift
	while ! "$@" 2>/dev/null; do
		wait_tries=$((wait_tries - 1))
		[ "$wait_tries" -gt 0 ] || return 1
		sleep 0.1
	done
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
mkdir -p "$R"
mark "kernel $(uname -r) on $(uname -m)"

# $R to the host, once, before power-off.
send_results() {
	for p in /sys/class/virtio-ports/*; do
		[ "$(cat "$p/name" 2>/dev/null)" = gpioclx.results ] || continue
		tar -cf "/dev/${p##*/}" -C "$R" . || status=1
		return
	done
	echo "no virtio port gpioclx.results: the results stay in the guest"
}

# The end of every mode: $R to the host, the status, power off.
power_off() {
	send_results
	mark "exit $status"
	poweroff -f
}

# The end of a checking boot: lockdep still on (a report switches it off:
# debug_locks says it stayed on), the time, the kernel log, power off.
end_checks() {
	section lockdep grep debug_locks /proc/lockdep_stats
	mark "took boot $(uptime_s)"
	section kmsg dmesg
	power_off
}

# The firmware's FADT for tools/qemu/acpi.sh (GPIOCLX_MODE=fadt), before
# any module: the ACPI boot's FADT is this one with one flag more.
if [ "${GPIOCLX_MODE:-}" = fadt ]; then
	cp /sys/firmware/acpi/tables/FACP "$R/FACP" || status=1
	power_off
fi

for m in drivers/gpio/gpio-clx drivers/irqchip/irq-clx-sim-intc \
	drivers/gpio/gpio-clx-sim drivers/misc/gpio-clx-sample; do
	load "$m"
done

# make shell BOARD=arm64 (GPIOCLX_MODE=shell on the kernel command line):
# the PL061 client too, then /cmd.sh (make shell CMD=...) or a shell on the
# console; its status is the boot's.
if [ "${GPIOCLX_MODE:-}" = shell ]; then
	load drivers/gpio/gpio-clx-pl061
	echo "gpioclx arm64 board: $(gpiodetect | wc -l) GPIO chips; gpiodetect, gpioinfo, gpiomon..."
	if [ -f /cmd.sh ]; then
		sh -e /cmd.sh || status=$?
	else
		setsid cttyhack sh || status=$?
	fi
	power_off
fi

# The ACPI boot (GPIOCLX_MODE=acpi, with tools/qemu/boot.sh's GPIOCLX_ACPI):
# no device tree, so only our PL061 client has a device to bind, QEMU's
# PL061 as the ACPI scan makes it (ARMH0061, an AMBA device); the simulator
# and the sample bind the devices of our SSDT (acpi_ssdt below, checked
# after these). The core requests the PL061's
# ACPI event (_AEI: pin 3, rising edge), whose _E03 notifies the power
# button device (PNP0C0C), which the ACPI button driver reports as
# KEY_POWER. Each press must take the event's interrupt once and give one
# press and release. The event holds its interrupt, and so the client's
# module, for as long as the controller is bound: the unbind frees it, a
# bind takes it again, and only then can the client be unloaded.
A=/sys/bus/amba/devices/ARMH0061:00
AD=/sys/bus/amba/drivers/gpio-clx-pl061

# The count of controller $1's ACPI event interrupt (the PL061's by
# default) on pin $2 (any pin by default), or "none". The line ends with
# "HWIRQ TRIGGER ACPI:Event".
acpi_irq_count() {
	awk -v dev="${1:-ARMH0061:00}" -v pin="${2:-}" '
		/ACPI:Event/ && index($0, " " dev " ") &&
		(pin == "" || $(NF - 2) == pin) { print $2; found = 1 }
		END { if (!found) print "none" }' /proc/interrupts
}

# The gpio chip of the device at sysfs path $1 (the PL061 by default);
# false when it has none.
acpi_chip() {
	for d in "${1:-$A}"/gpiochip*; do
		[ -e "$d" ] && echo "${d##*/}" && return 0
	done
	return 1
}

# The Linux interrupt of GSI $1 (the GIC's hwirq), or nothing.
gsi_irq() {
	grep -l "^$1\$" /sys/kernel/irq/*/hwirq | cut -d/ -f5 | head -n1
}

# press_keys NAME COUNT SECONDS: one press of the power button (the host's,
# on the "press NAME" marker) while evkey reads up to COUNT key events from
# $ev for at most SECONDS; what it read, on one line, in $got.
press_keys() {
	rm -f /tmp/keys.ready
	/bin/evkey "${ev:-/dev/input/none}" "$2" "$3" /tmp/keys.ready > /tmp/keys.out 2>&1 &
	pid=$!
	# Pressed once the reader has the device open, not before.
	wait_for 5 test -e /tmp/keys.ready
	mark "press $1"
	wait "$pid"
	got=$(tr '\n' ' ' < /tmp/keys.out)
}

# acpi_press NAME: one press, read from the power button's input device;
# four key events asked for, the press and release of this press and a
# second pair that must not come within 3 s. True when the event's
# interrupt came once and KEY_POWER was pressed and released once.
acpi_press() {
	before=$(acpi_irq_count)
	press_keys "$1" 4 3
	after=$(acpi_irq_count)
	echo "$1: interrupts $before -> $after, keys: $got"
	[ "$got" = "KEY 116 1 KEY 116 0 " ] && [ "$after" = $((before + 1)) ]
}

acpi_mode() {
	[ -d /sys/firmware/acpi/tables ] && [ ! -e /sys/firmware/devicetree/base ]
	check acpi-boot $? "ACPI tables, no device tree"
	load drivers/gpio/gpio-clx-pl061 || { check acpi-pl061-probe 1; return; }
	drv=$(readlink "$A/driver" 2>/dev/null)
	chip=$(acpi_chip)
	[ "${drv##*/}" = gpio-clx-pl061 ] && [ -n "$chip" ]
	check acpi-pl061-probe $? "ARMH0061:00 (AMBA id $(cat "$A/id" 2>/dev/null)) bound to ${drv##*/}, $chip"
	[ -n "$chip" ] || return

	gpioinfo "$chip" | grep 'line   3:'
	grep ACPI:Event /proc/interrupts
	[ "$(acpi_irq_count)" != none ]
	check acpi-aei $? "pin 3 requested as ACPI:Event"

	ev=
	for d in /sys/class/input/input*; do
		[ "$(cat "$d/name" 2>/dev/null)" = "Power Button" ] || continue
		for e in "$d"/event*; do
			[ -e "$e" ] && ev=/dev/input/${e##*/}
		done
	done
	[ -n "$ev" ]
	check acpi-button $? "Power Button input device: ${ev:-none}"

	ok=0
	for n in 1 2 3; do
		acpi_press "acpi-$n" && ok=$((ok + 1))
	done
	[ "$ok" = 3 ]
	check acpi-power-button $? "$ok of 3 presses ran the event once and gave KEY_POWER once"
	cat "/sys/kernel/debug/gpio-clx/ARMH0061:00/stats"

	echo ARMH0061:00 > "$AD/unbind"
	[ "$(acpi_irq_count)" = none ]
	check acpi-unbind $? "the event freed at the unbind"
	echo ARMH0061:00 > "$AD/bind"
	acpi_chip > /dev/null && [ "$(acpi_irq_count)" != none ] &&
		acpi_press acpi-rebound
	check acpi-rebind $? "bound again: the event requested again, one press, once"

	echo ARMH0061:00 > "$AD/unbind"
	rmmod gpio-clx-pl061
	check acpi-unload $? "unbound and unloaded"
}

# Our SSDT (dts/acpi/gpioclx-ssdt.asl, installed from the initramfs by the
# kernel's table upgrade): the simulated controllers GCLX0001:00 (GCL0, on
# GSI 232) and GCLX0001:01 (GCL1, passive, emulating both edges and
# debounce, on GSI 233) and their consumers GCLX0002, one GpioInt each.
# Each consumer is known by its device name in the table; its row says what
# the table asks for:
#   NAME CTRL PIN TYPE SHARERS WAKE BIAS DEBOUNCE
# CTRL the controller's _UID; TYPE as genirq has it (1 rising, 2 falling,
# 3 both, 4 high, 8 low); WAKE 1 for ExclusiveAndWake and SharedAndWake;
# BIAS as gpioinfo prints it, - for PullDefault (no flag); DEBOUNCE the
# period in microseconds the controller's hardware has (hwN) or the core
# debounces in software (swN), or 0.
SD=/sys/bus/platform/devices/GCLX0001:00
SSDT_CONSUMERS="ERIS 0 0 1 1 0 pull-down 0
EFAL 0 1 2 1 0 pull-up 0
EBTH 0 2 3 1 0 bias-disabled 0
LHIG 0 3 4 1 0 pull-down 0
LSHA 0 4 8 2 0 pull-up 0
LSHB 0 4 8 2 0 pull-up 0
LLOW 0 5 8 1 0 - 0
EWAK 0 8 2 1 1 pull-up 0
LWAK 0 9 8 1 1 pull-up 0
EDEB 0 10 2 1 0 pull-up hw5000
PBTH 1 0 3 1 0 bias-disabled 0
PDEB 1 1 2 1 0 pull-up sw2000
PLVL 1 2 4 1 0 pull-down 0"

# The Linux interrupt whose actions include device $1, or nothing. One
# grep for all of them, and the shell's own read for single values below: a
# process costs much under emulation and KASAN.
irq_of() {
	grep -E "(^|,)$1(,|\$)" /sys/kernel/irq/*/actions |
		sed -n 's|^/sys/kernel/irq/\([0-9]*\)/actions:.*|\1|p' | grep .
}

# The debugfs folders of controller $1 (its _UID): the simulator's $SDBG,
# the core's $CDBG.
sim_dirs() {
	SDBG=/sys/kernel/debug/gpio-clx-sim/GCLX0001:0$1
	CDBG=/sys/kernel/debug/gpio-clx/GCLX0001:0$1
}
sim_dirs 0

# The bits of pin $1 in the simulator's registers: "en mask edge pol both".
sim_bits() {
	bit=$(($1 % 8))
	# bank B: in X out X dir X en X mask X edge X pol X both X status X
	while read -r _ b _ _ _ _ _ _ _ en _ mask _ edge _ pol _ both _; do
		[ "$b" = "$(($1 / 8)):" ] || continue
		echo "$((en >> bit & 1)) $((mask >> bit & 1)) $((edge >> bit & 1))" \
			"$((pol >> bit & 1)) $((both >> bit & 1))"
	done < "$SDBG/regs"
}

# The level driven onto pin $1 from outside, in the simulator's registers.
sim_in() {
	while read -r _ b _ in _; do
		[ "$b" = "$(($1 / 8)):" ] && echo $((in >> ($1 % 8) & 1))
	done < "$SDBG/regs"
}

sample_events() {	# DEV COUNT
	read -r n < "/sys/bus/platform/devices/$1/events"
	[ "$n" = "$2" ]
}

# ssdt_consumer DEV NAME CTRL PIN TYPE SHARERS WAKE BIAS DEBOUNCE: one
# check line for one consumer. What the kernel made of its GpioInt: the
# trigger genirq has (irq debugfs dstate), what the controller's registers
# hold for the pin (on GCL1 both edges are the core's: one edge at a time,
# and the pin emulated in the core's stats), how many actions share the
# interrupt, whether the device may wake (its power/wakeup), the line's
# bias flag (gpioinfo, in /tmp/ginfoCTRL), the debounce period in the
# simulator's hardware or the core's software; then the device asserts its
# line once and its threaded handler must run once.
ssdt_consumer() {
	dev=$1 name=$2 ctrl=$3 pin=$4 type=$5 sharers=$6 wake=$7 bias=$8 deb=$9
	sim_dirs "$ctrl"
	P=/sys/bus/platform/devices/$dev
	bad=
	irq=$(irq_of "$dev") || { check "acpi-gpioint-$name" 1 "$dev: no interrupt requested"; return; }
	while read -r k v; do
		[ "$k" = dstate: ] && got_type=$((v & 15))
	done < "/sys/kernel/debug/irq/irqs/$irq"
	[ "$got_type" = "$type" ] || bad="$bad type"
	read -r hwirq < "/sys/kernel/irq/$irq/hwirq"
	[ "$hwirq" = "$pin" ] || bad="$bad hwirq"
	case $type in
	1) want="1 0 1 1 0" ;;
	2) want="1 0 1 0 0" ;;
	3) want="1 0 1 0 1" ;;
	4) want="1 0 0 1 0" ;;
	*) want="1 0 0 0 0" ;;
	esac
	hw=$(sim_bits "$pin")
	if [ "$ctrl" = 1 ] && [ "$type" = 3 ]; then
		emul=$(sed -n 's/^bank 0: .* emulated \([^ ]*\) .*/\1/p' "$CDBG/stats")
		case "$hw" in
		"1 0 1 "?" 0") [ $((emul >> pin & 1)) = 1 ] || bad="$bad emulation" ;;
		*) bad="$bad registers" ;;
		esac
	else
		[ "$hw" = "$want" ] || bad="$bad registers"
	fi
	read -r acts < "/sys/kernel/irq/$irq/actions"
	# shellcheck disable=SC2086 # split at the commas
	actions=$(IFS=,; set -- $acts; echo $#)
	[ "$actions" = "$sharers" ] || bad="$bad sharing"
	pw=no
	[ -e "$P/power/wakeup" ] && read -r pw < "$P/power/wakeup"
	if [ "$wake" = 1 ] && [ "$lps0" = 1 ]; then
		[ "$pw" = enabled ] || bad="$bad wake"
	else
		[ "$pw" = no ] || bad="$bad wake"
	fi
	info=
	while read -r k n rest; do
		[ "$k $n" = "line $pin:" ] && info=$rest
	done < "/tmp/ginfo$ctrl"
	case "$bias $info" in
	"- "*pull-up* | "- "*pull-down* | "- "*bias-disabled*) bad="$bad bias" ;;
	"- "*) ;;
	"$bias "*"$bias"*) ;;
	*) bad="$bad bias" ;;
	esac
	got_deb=
	while read -r p us; do
		[ "$p" = "$pin" ] && got_deb=hw$us
	done < "$SDBG/debounce"
	while read -r p us; do
		[ "$p" = "$pin" ] && got_deb=${got_deb}sw$us
	done < "$CDBG/debounce"
	got_deb=${got_deb:-0}
	[ "$got_deb" = "$deb" ] || bad="$bad debounce"
	read -r before < "$P/events"
	echo 1 > "$P/trigger"
	wait_for 5 sample_events "$dev" $((before + 1))
	sleep 0.2
	read -r after < "$P/events"
	[ "$after" = $((before + 1)) ] || bad="$bad events"
	echo "$name: $dev irq $irq ($acts); gpioinfo: $info"
	[ -z "$bad" ]
	check "acpi-gpioint-$name" $? \
		"GCL$ctrl pin $pin type $got_type (want $type), en/mask/edge/pol/both $hw, actions $actions, wakeup $pw, debounce $got_deb us, events $before -> $after${bad:+; wrong:$bad}"
}

# LDUP's GpioInt (Shared) names pin 3, which LHIG's holds Exclusive: LDUP
# must have been refused the interrupt, with one probe error line, and pin
# 3's interrupt have LHIG alone.
ssdt_exclusive() {
	dup=$(echo "$1" | sed -n 's/^\([^ ]*\) .*\.LDUP$/\1/p')
	hig=$(echo "$1" | sed -n 's/^\([^ ]*\) .*\.LHIG$/\1/p')
	err=$(dmesg | grep -E "${dup:-none}: error (-16|-EBUSY): cannot request interrupt" |
		sed 's/^\[[^]]*\] //' | head -n1)
	acts=none
	irq=$(irq_of "${hig:-none}") && read -r acts < "/sys/kernel/irq/$irq/actions"
	[ -n "$dup" ] && [ ! -e "/sys/bus/platform/devices/$dup/driver" ] &&
		[ -n "$err" ] && [ "$acts" = "$hig" ]
	check acpi-gpioint-exclusive $? "LDUP (${dup:-missing}) on LHIG's exclusive pin 3: ${err:-no -EBUSY probe error}; pin 3's actions: $acts"

	# BADP names pin 40 of 16: not bound, and one error line of ours.
	bad=$(echo "$1" | sed -n 's/^\([^ ]*\) .*\.BADP$/\1/p')
	errs=$(dmesg | grep -F "gpio-clx-sample ${bad:-none}: " | grep -v 'probe with driver' |
		sed 's/^\[[^]]*\] //')
	echo "$errs"
	[ -n "$bad" ] && [ ! -e "/sys/bus/platform/devices/$bad/driver" ] &&
		[ "$(echo "$errs" | grep -c .)" = 1 ]
	check acpi-gpioint-badpin $? "BADP (${bad:-missing}), pin 40 of 16: ${errs:-no probe error}"
}

# ssdt_wake DEV NAME: a wake-capable consumer's wake-up, end to end. Its
# device asserts its line in suspend_noirq (trigger 2, after interrupts
# were suspended); a suspend with pm_test at "platform" must be aborted by
# exactly its interrupt (pm_wakeup_irq), and its handler run once after
# resume. Only a wake the driver armed (from the GpioInt's wake bit, which
# needs the board's FADT) gets through a suspended interrupt.
ssdt_wake() {
	P=/sys/bus/platform/devices/${1:-none}
	[ -e "$P/trigger" ] || { check "acpi-wake-$2" 1 "no bound device for $2"; return; }
	irq=$(irq_of "$1")
	read -r before < "$P/events"
	echo 2 > "$P/trigger"
	echo 1 > /sys/module/suspend/parameters/pm_test_delay
	echo platform > /sys/power/pm_test
	echo mem > /sys/power/state 2> /tmp/sleep.err
	echo none > /sys/power/pm_test
	read -r woke < /sys/power/pm_wakeup_irq
	wait_for 5 sample_events "$1" $((before + 1))
	sleep 0.2
	read -r after < "$P/events"
	serr=$(tr '\n' ' ' < /tmp/sleep.err)
	[ "$woke" = "$irq" ] && [ "$after" = $((before + 1)) ]
	check "acpi-wake-$2" $? "suspend (${serr:-no error}) woken by irq ${woke:-none} (its irq $irq), events $before -> $after"
}

acpi_ssdt() {
	found=
	for t in /sys/firmware/acpi/tables/SSDT*; do
		[ "$(dd if="$t" bs=1 skip=16 count=7 2>/dev/null)" = GCLXBRD ] &&
			found=${t##*/}
	done
	dmesg | grep 'Table Upgrade'
	[ -n "$found" ]
	check acpi-ssdt $? "our SSDT (GCLXBRD) installed from the initramfs: ${found:-not found}"

	# The FADT's flags (offset 112): bit 21 is low-power S0 idle, without
	# which gpiolib reports no GpioInt as wake-capable. QEMU's FADT lacks
	# it; the board's (tools/qemu/acpi.sh) has it, from the initramfs.
	fadt=$(od -An -tu4 -j112 -N4 /sys/firmware/acpi/tables/FACP | tr -d ' ')
	lps0=$((fadt >> 21 & 1))
	printf 'FADT flags %#x: hardware-reduced %d, low-power S0 idle %d\n' \
		"$fadt" $((fadt >> 20 & 1)) "$lps0"
	dmesg | grep -q 'Table Upgrade: override \[FACP-' && [ "$lps0" = 1 ]
	check acpi-fadt $? "the board's FADT installed: flags $(printf %#x "$fadt"), low-power S0 idle $lps0"

	drv=$(readlink "$SD/driver" 2>/dev/null)
	schip=$(acpi_chip "$SD")
	# The GIC's interrupt 232 (hwirq of GSI 232), there with its handler.
	pirq=$(gsi_irq 232)
	grep -H . "/sys/kernel/irq/${pirq:-none}"/* 2>/dev/null
	grep -E '^(handler|chip|domain|hwirq):' "/sys/kernel/debug/irq/irqs/${pirq:-none}"
	handler=$(sed -n 's/^handler: *//p' "/sys/kernel/debug/irq/irqs/${pirq:-none}" 2>/dev/null)
	[ "${drv##*/}" = gpio-clx-sim ] && [ -n "$schip" ] &&
		[ "${handler%% *}" = clx_sim_latched_handler ]
	check acpi-sim-probe $? "GCLX0001:00 ($(cat "$SD/firmware_node/path" 2>/dev/null)) bound to ${drv##*/}, ${schip:-no chip}, parent GSI 232 = irq ${pirq:-none}, handler ${handler:-none}"
	[ -n "$schip" ] || return

	# GCL1, passive: its parent, GSI 233, has the simulator's threaded
	# handler as an action of its own (the chained handler cannot sleep).
	S1=/sys/bus/platform/devices/GCLX0001:01
	drv1=$(readlink "$S1/driver" 2>/dev/null)
	schip1=$(acpi_chip "$S1")
	pirq1=$(gsi_irq 233)
	acts1=none
	[ -n "$pirq1" ] && read -r acts1 < "/sys/kernel/irq/$pirq1/actions"
	[ "${drv1##*/}" = gpio-clx-sim ] && [ -n "$schip1" ] &&
		[ "$acts1" = GCLX0001:01 ]
	check acpi-sim1-probe $? "GCLX0001:01 ($(cat "$S1/firmware_node/path" 2>/dev/null)) bound to ${drv1##*/}, ${schip1:-no chip}, parent GSI 233 = irq ${pirq1:-none}, actions $acts1"

	# "GCLX0002:NN \_SB_.NAME" for each consumer the ACPI scan made.
	paths=$(grep . /sys/bus/platform/devices/GCLX0002:*/firmware_node/path |
		sed 's|^/sys/bus/platform/devices/\([^/]*\)/firmware_node/path:|\1 |')
	t0=$(uptime_s)
	gpioinfo "$schip" > /tmp/ginfo0
	gpioinfo "${schip1:-none}" > /tmp/ginfo1
	echo "$SSDT_CONSUMERS" | while read -r name rest; do
		dev=$(echo "$paths" | sed -n "s/^\([^ ]*\) .*\.$name\$/\1/p")
		if [ -z "$dev" ] || [ ! -e "/sys/bus/platform/devices/$dev/driver" ]; then
			check "acpi-gpioint-$name" 1 "no bound GCLX0002 device for $name"
			continue
		fi
		# shellcheck disable=SC2086 # the row's fields
		ssdt_consumer "$dev" "$name" $rest
	done
	mark "took ssdt-consumers $(echo "$(uptime_s) $t0" | awk '{ print $1 - $2 }')"
	ssdt_exclusive "$paths"
	for name in EWAK LWAK; do
		ssdt_wake "$(echo "$paths" | sed -n "s/^\([^ ]*\) .*\.$name\$/\1/p")" "$name"
	done
	sim_dirs 0
	acpi_sim_event
	for c in 0 1; do
		sim_dirs "$c"
		grep -H . "$SDBG/regs" "$SDBG/debounce" "$CDBG/stats" "$CDBG/debounce"
	done
	sim_dirs 0
	gpioinfo "$schip" "${schip1:-none}"
	grep -E 'GCLX|ACPI:Event' /proc/interrupts
	grep -H . /sys/kernel/irq/*/wakeup | grep -v disabled
}

notifications() {	# DEVICE COUNT
	read -r ntf_count < "$1/notifications"
	[ "$ntf_count" = "$2" ]
}

# three_events DEVICE PIN RAISE [LOWER]: three events on the simulated
# controller's ACPI event pin PIN, each raised by writing 1 to the file
# RAISE (and then 0 to LOWER, if given). Sets ok (how many notifications
# of DEVICE came within 5 s of their event), n0 -> n (its notifications)
# and irq0 -> irq (the event's interrupts), read 0.5 s after the last.
three_events() {
	irq0=$(acpi_irq_count GCLX0001:00 "$2")
	read -r n0 < "$1/notifications"
	ok=0
	for i in 1 2 3; do
		echo 1 > "$3"
		wait_for 5 notifications "$1" $((n0 + i)) && ok=$((ok + 1))
		[ -z "${4:-}" ] || echo 0 > "$4"
		sleep 0.2
	done
	sleep 0.5
	read -r n < "$1/notifications"
	irq=$(acpi_irq_count GCLX0001:00 "$2")
}

# The simulated controller's _AEI: pin 15, rising edge, whose _E0F
# notifies GCLX0003 (gpio-clx-acpi-notify counts). The core requested the
# event when the controller registered (the PL061's is gone by now, so
# ACPI:Event is this one). Three pulses on the pin: each rising edge must
# take the event's interrupt once and give one notification; the falling
# edges none.
NTF=/sys/bus/platform/devices/GCLX0003:00
acpi_sim_event() {
	gpioinfo "$schip" | grep 'line  15:'
	drv=$(readlink "$NTF/driver" 2>/dev/null)
	# gpiolib gives an event its GpioInt's debounce too: 100 x 10 us.
	edeb=0
	while read -r p us; do
		[ "$p" = 15 ] && edeb=$us
	done < "$SDBG/debounce"
	[ "$(acpi_irq_count GCLX0001:00 15)" != none ] &&
		[ "${drv##*/}" = gpio-clx-acpi-notify ] && [ "$edeb" = 1000 ]
	check acpi-sim-aei $? "pin 15 requested as ACPI:Event, debounce $edeb us; GCLX0003:00 bound to ${drv##*/}"
	[ -e "$NTF/notifications" ] || return
	three_events "$NTF" 15 "$SDBG/pin15" "$SDBG/pin15"
	[ "$ok" = 3 ] && [ "$n" = $((n0 + 3)) ] && [ "$irq" = $((irq0 + 3)) ]
	check acpi-sim-notify $? "3 pulses on pin 15: notifications $n0 -> $n, event interrupts $irq0 -> $irq"
	acpi_sim_level_event
}

# The level event: pin 14, high, ExclusiveAndWake. Its source is GLVL (a
# GCLX0003 whose interrupt output is wired to the pin): "trigger" latches
# its status, and _L0E clears it through GLVL's register before it
# notifies GLVL. Three assertions: each must run the method once (one
# notification, one interrupt), and the line must be low after it, which
# only the method's acknowledgement makes it. gpiolib arms a wake-capable
# event for wake-up itself (the FADT plays no part here); the edge event
# on pin 15 is not wake-capable.
# The Linux interrupt of the ACPI event on pin $1, or nothing.
event_irq() {
	irq_of ACPI:Event | while read -r i; do
		read -r hw < "/sys/kernel/irq/$i/hwirq"
		[ "$hw" = "$1" ] && echo "$i"
	done
}

acpi_sim_level_event() {
	lvl=$(grep -l 'GLVL$' /sys/bus/platform/devices/GCLX0003:*/firmware_node/path 2>/dev/null |
		cut -d/ -f6)
	L=/sys/bus/platform/devices/${lvl:-none}
	gpioinfo "$schip" | grep 'line  14:'
	irq_l=$(event_irq 14)
	irq_e=$(event_irq 15)
	wl=none we=none
	[ -n "$irq_l" ] && read -r wl < "/sys/kernel/irq/$irq_l/wakeup"
	[ -n "$irq_e" ] && read -r we < "/sys/kernel/irq/$irq_e/wakeup"
	# Bad writes are refused: a value other than 1, a device with no wire.
	refused=yes
	echo 2 > "$L/trigger" 2> /dev/null && refused=no
	echo 1 > "$NTF/trigger" 2> /dev/null && refused=no
	[ -e "$L/trigger" ] && [ "$(acpi_irq_count GCLX0001:00 14)" != none ] &&
		[ "$wl" = enabled ] && [ "$we" = disabled ] && [ "$refused" = yes ]
	check acpi-sim-aei-level $? "pin 14 requested as ACPI:Event, level high (irq ${irq_l:-none}, wakeup $wl; pin 15's irq ${irq_e:-none}, wakeup $we); GLVL is ${lvl:-missing}; bad trigger writes refused: $refused"
	[ -e "$L/trigger" ] || return
	three_events "$L" 14 "$L/trigger"
	low=$(sim_in 14)
	[ "$ok" = 3 ] && [ "$n" = $((n0 + 3)) ] && [ "$irq" = $((irq0 + 3)) ] &&
		[ "$low" = 0 ]
	check acpi-sim-level-notify $? "3 assertions of pin 14: notifications $n0 -> $n, event interrupts $irq0 -> $irq, line after: ${low:-?}"
}

if [ "${GPIOCLX_MODE:-}" = acpi ]; then
	acpi_mode
	load drivers/misc/gpio-clx-acpi-notify
	acpi_ssdt
	# The controller's ACPI event holds its module until the unbind.
	rmmod gpio-clx-sample || status=1
	# GLVL drives GCL0's pin 14: its link to GCL0 unbinds it first, and
	# binds it again after GCL0.
	SP=/sys/bus/platform/drivers/gpio-clx-sim
	echo GCLX0001:00 > "$SP/unbind" || status=1
	[ "$(acpi_irq_count GCLX0001:00)" = none ] && [ ! -e "$L/driver" ]
	check acpi-sim-unbind $? "the events freed at the controller's unbind; GLVL unbound first: $([ -e "$L/driver" ] && echo no || echo yes)"
	echo GCLX0001:00 > "$SP/bind" || status=1
	wait_for 5 test -e "$L/driver"
	[ "$(acpi_irq_count GCLX0001:00 14)" != none ] && [ -e "$L/driver" ]
	check acpi-sim-rebind $? "bound again: events requested ($(acpi_irq_count GCLX0001:00 14) interrupts on pin 14), GLVL bound again: $([ -e "$L/driver" ] && echo yes || echo no)"
	echo GCLX0001:00 > "$SP/unbind" || status=1
	rmmod gpio-clx-acpi-notify gpio-clx-sim irq-clx-sim-intc gpio-clx || status=1
	end_checks
fi

# make bench (GPIOCLX_MODE=bench, tools/qemu/bench.sh): gpioclx-bench's
# commands for this board, their CSV in $R. The sample driver goes first:
# its power-button listener would hold pin 3, which the pl061 command's
# reader needs with both edges.
if [ "${GPIOCLX_MODE:-}" = bench ]; then
	rmmod gpio-clx-sample || status=1
	insmod /lib/modules/kernel/gpio-sim.ko || status=1
	load drivers/misc/gpio-clx-bench
	for cmd in "dispatch --clx gpio-controller-0 --gpio-sim-lines 32" \
		"events --clx gpio-controller-0" \
		"pl061 --ours $M/drivers/gpio/gpio-clx-pl061.ko --mainline /lib/modules/kernel/gpio-pl061.ko"; do
		# shellcheck disable=SC2086 # the command and its options
		"$T/gpioclx-bench" $cmd ${GPIOCLX_BENCH_ARGS:-} --out "$R" ||
			{ echo "gpioclx-bench $cmd: status $?"; status=1; }
	done
	power_off
fi

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

# The UML board's end-to-end suite, unchanged, on the same controllers with
# GIC parents; gpio-sim, the peer some of its tests compare with, is a
# module here. Its report goes to the host in $R; one that is missing
# fails there.
e2e() {
	insmod /lib/modules/kernel/gpio-sim.ko || status=1
	chip=
	for d in /sys/bus/platform/devices/gpio-controller-0/gpiochip*; do
		[ -e "$d" ] && chip=${d##*/} && break
	done
	t0=$(uptime_s)
	HOME=/tmp TMPDIR=/tmp GPIOCLX_TOOLS=$T GPIOCLX_MODULES=$M \
		GPIOCLX_CHIP=$chip "$T/gpioclx-e2e" \
		--gtest_output=json:"$R/e2e.json" > "$R/e2e.log" 2>&1
	mark "took e2e $(echo "$(uptime_s) $t0" | awk '{ print $1 - $2 }')"
	grep -E '^\[  (FAILED|PASSED|SKIPPED) ' "$R/e2e.log" | sort -u
	rmmod gpio-sim || status=1
}
e2e

# QEMU's power button: pin 3 of its PL061 goes high for 100 ms on each
# system_powerdown, which the host gives on its monitor for each "press"
# marker. Our PL061 client serves it; three consumers take turns: gpiomon
# (the character device), gpio-clx-sample's threaded handler
# (/power-button-listener in the board's overlay) and gpio-keys (evdev).
L=/sys/bus/platform/devices/power-button-listener
LD=/sys/bus/platform/drivers/gpio-clx-sample

line_used() {
	gpioinfo "$chip" | grep -q 'line   3:.*\[used'
}

listener_events() {
	[ "$(cat "$L/events")" -ge "$1" ]
}

power_button() {
	load drivers/gpio/gpio-clx-pl061 || { check pl061-probe 1; return; }
	chip=
	for d in /sys/bus/amba/devices/9030000.pl061/gpiochip*; do
		[ -e "$d" ] && chip=${d##*/} && break
	done
	[ -n "$chip" ]
	check pl061-probe $? "$chip"
	[ -n "$chip" ] || return

	# The listener bound as soon as the PL061 did. It goes first: its
	# interrupt specifier maps pin 3 as a rising edge, and genirq refuses
	# to map it again with that type once gpiomon has set both edges.
	wait_for 5 test -e "$L/driver"
	mark "press listener"
	wait_for 10 listener_events 1
	sleep 1
	got=$(cat "$L/events")
	[ "$got" = 1 ]
	check button-threaded $? "threaded handler ran $got times"
	echo power-button-listener > "$LD/unbind"

	timeout 20 gpiomon --num-events=2 --format=%e "$chip" 3 \
		> /tmp/gpiomon.out 2>&1 &
	pid=$!
	wait_for 5 line_used
	mark "press gpiomon"
	wait "$pid"
	st=$?
	got=$(tr '\n' ' ' < /tmp/gpiomon.out)
	[ "$got" = "1 0 " ]
	check button-gpiomon $? "rising then falling: $got(status $st)"

	insmod /lib/modules/kernel/gpio_keys.ko || status=1
	ev=
	for d in /sys/bus/platform/devices/gpio-keys/input/input*/event*; do
		[ -e "$d" ] && ev=/dev/input/${d##*/} && break
	done
	press_keys gpio-keys 2 20
	[ "$got" = "KEY 116 1 KEY 116 0 " ]
	check button-gpio-keys $? "KEY_POWER (116) pressed, released: $got"
	rmmod gpio_keys || status=1
	pl061_level
	rmmod gpio-clx-pl061 || status=1
}

# A level-high interrupt on pin 7, an output that gpio-clx-bench drives
# high and its handler drives low, 100 times: each event reaches the
# handler once, and no run finds the pin low. QEMU's PL061 keeps a level
# status latched until it is cleared, so a driver that leaves it there
# takes the interrupt for ever ("nobody cared" in the kernel log).
pl061_level() {
	load drivers/misc/gpio-clx-bench || { check pl061-level 1; return; }
	exec 3<> /sys/kernel/debug/gpio-clx-bench/run
	echo "pl061-irq 9030000.pl061 7 1 100 1" >&3
	got=$(cat <&3)
	exec 3>&-
	# shellcheck disable=SC2086 # the fields of the result line
	set -- $got
	[ "${5:-}" = 100 ] && [ "${6:-}" = 100 ] && [ "${7:-}" = 0 ]
	check pl061-level $? "events, handler runs, runs finding it low: ${5:-?} ${6:-?} ${7:-?}"
	rmmod gpio-clx-bench || status=1
}
power_button

# Unloading runs every teardown path under lockdep and KASAN.
rmmod gpio-clx-sample gpio-clx-sim irq-clx-sim-intc gpio-clx || status=1

end_checks
