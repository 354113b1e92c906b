#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# Boot the arm64 QEMU virt board once: our kernel Image and initramfs
# (tools/qemu/initramfs.sh, whose /init runs the tests and powers off),
# QEMU's own device tree or DTB when one is given. The console (the PL011)
# goes to RESULTS/console.log; QEMU is killed after TIMEOUT seconds. No
# network: the board needs none, and QEMU's default NIC wants a boot ROM
# Debian ships in another package.
#
# GPIOCLX_TTY=1 keeps the console on this terminal (make shell BOARD=arm64),
# copied to the console log; GPIOCLX_APPEND adds to the kernel command line
# (a VAR=VALUE there is in /init's environment).
#
# The guest's files: /init writes a tar archive of its results folder to
# the virtio serial port "gpioclx.results", which QEMU writes to
# RESULTS/guest.tar; it is unpacked into RESULTS after the boot.
#
# The power button: QEMU's monitor reads RESULTS/monitor.in (a FIFO). Each
# "==== gpioclx: press NAME" line the guest prints gets one system_powerdown
# there, which raises pin 3 of the PL061 for 100 ms (QEMU's gpio-key).
#
# GPIOCLX_ACPI=1 boots the same board with ACPI instead of a device tree:
# UEFI firmware (Debian's qemu-efi-aarch64) starts the kernel and the
# initramfs given here and hands it QEMU's ACPI tables. The machine type is
# virt-4.1, the last one without the generic event device: there the power
# button is an ACPI event of the PL061 (its _AEI names pin 3, whose _E03
# method notifies the power button device), as the tree's gpio-keys node
# is here. No DTB then.
#
# usage: boot.sh KERNEL_IMAGE CPIO RESULTS TIMEOUT [DTB]
#        boot.sh dumpdtb FILE     write the tree QEMU makes for the machine
#        boot.sh firmware         print the ACPI boot's UEFI firmware file
# exit:  the guest's own status (its "exit" marker line), 124 on timeout,
#        125 when the guest ended without reporting one
set -euo pipefail

machine=(qemu-system-aarch64 -M virt -cpu cortex-a57 -m 512 -nographic
	-no-reboot -nic none)
firmware=/usr/share/qemu-efi-aarch64/QEMU_EFI.fd

if [ "$1" = dumpdtb ]; then
	# The same machine as the boots below, so the tree is theirs.
	"${machine[@]}" -M "virt,dumpdtb=$2" > /dev/null
	exit 0
fi
if [ "$1" = firmware ]; then
	echo "$firmware"
	exit 0
fi

image=$(realpath -m "$1") cpio=$(realpath -m "$2") results=$(realpath -m "$3")
limit=$4 dtb=${5:+$(realpath -m "$5")}
if [ -n "${GPIOCLX_ACPI:-}" ]; then
	[ -z "$dtb" ] || { echo "boot: an ACPI boot takes no DTB" >&2; exit 2; }
	[ -f "$firmware" ] ||
		{ echo "boot: no $firmware: run 'make deps' (qemu-efi-aarch64)" >&2; exit 2; }
	machine=(qemu-system-aarch64 -M "virt-4.1,acpi=on" -cpu cortex-a57 -m 512
		-bios "$firmware" -nographic -no-reboot -nic none)
fi
mkdir -p "$results"
console=$results/console.log

mon=$results/monitor
rm -f "$mon.in" "$mon.out" "$console" "$results/guest.tar"
mkfifo "$mon.in" "$mon.out"
: > "$console"
# QEMU opens both FIFOs read-write, so neither side waits for the other.
cat "$mon.out" > "$results/monitor.log" &
drain=$!
(
	tail -n +1 -s 0.2 -F "$console" 2>/dev/null |
		while read -r line; do
			case ${line%$'\r'} in
			"==== gpioclx: press "*) echo system_powerdown > "$mon.in" ;;
			esac
		done
) &
presser=$!

# panic=-1: a panic restarts at once, which -no-reboot turns into an exit.
start=$(date +%s.%N)
set +e
qemu=("${machine[@]}" -kernel "$image" -initrd "$cpio"
	${dtb:+-dtb "$dtb"} -monitor "pipe:$mon"
	-device virtio-serial-device
	-chardev "file,id=results,path=$results/guest.tar"
	-device "virtserialport,chardev=results,name=gpioclx.results"
	-append "console=ttyAMA0 loglevel=4 log_buf_len=4M panic=-1 ${GPIOCLX_APPEND:-}")
if [ -n "${GPIOCLX_TTY:-}" ]; then
	# --foreground: the terminal's keys reach QEMU, not just the shell.
	timeout --foreground -k 10 "$limit" "${qemu[@]}" 2>&1 | tee "$console"
	rc=${PIPESTATUS[0]}
else
	timeout -k 10 "$limit" "${qemu[@]}" < /dev/null > "$console" 2>&1
	rc=$?
fi
set -e
pkill -P "$presser" 2>/dev/null || true
kill "$presser" "$drain" 2>/dev/null || true
wait 2>/dev/null || true
echo "$(date +%s.%N) $start" | awk '{ printf "%.1f\n", $1 - $2 }' \
	> "$results/boot-seconds"

if [ -s "$results/guest.tar" ]; then
	tar -xf "$results/guest.tar" -C "$results" ||
		echo "boot: the guest's archive is damaged: $results/guest.tar" >&2
fi
if [ "$rc" = 124 ] || [ "$rc" = 137 ]; then
	echo "boot: guest timed out after ${limit}s; console: $console" >&2
	exit 124
fi
status=$(tr -d '\r' < "$console" | sed -n 's/^==== gpioclx: exit \([0-9]*\)$/\1/p')
if [ -z "$status" ]; then
	echo "boot: guest ended ($rc) without a status; console: $console" >&2
	exit 125
fi
exit "$status"
