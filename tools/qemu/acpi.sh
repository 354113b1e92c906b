#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# "make qemu-acpi": the arm64 QEMU board booted with ACPI instead of a
# device tree (tools/qemu/boot.sh with GPIOCLX_ACPI=1: UEFI firmware,
# virt-4.1 with acpi=on), on the same kernel and initramfs as make
# qemu-check, with a table of our own in front of it; /init runs its acpi
# mode (tools/qemu/guest/init.sh): our PL061 client on QEMU's PL061 as the
# ACPI scan makes it, and the power button as the PL061's ACPI event; the
# simulated controller and its consumers from our SSDT
# (dts/acpi/gpioclx-ssdt.asl), one GpioInt each. Judged here from the
# console: each check line, a clean kernel log, lockdep on to the end and the guest's
# status. Results in out/results/qemu-acpi, with "passed failed skipped" in
# its counts file; the last line is "N passed, N failed".
set -euo pipefail
# shellcheck source=tools/uml/lib.sh
. "$(dirname "$0")/../uml/lib.sh"

start=$(date +%s)
"$TOP/tools/uml/deps.sh"
kbuild=$("$TOP/tools/qemu/kernel.sh")
work=$OUT/qemu-arm64
results=$OUT/results/qemu-acpi
rm -rf "$results"
mkdir -p "$work" "$results"
"$TOP/tools/qemu/initramfs.sh" "$kbuild" "$work/initramfs.cpio"

# Our SSDT, compiled by iasl (warnings are errors) into out/acpi, goes in an
# uncompressed cpio of its own at kernel/firmware/acpi/, in front of the
# initramfs: the kernel's table upgrade (ACPI_TABLE_UPGRADE) installs each
# table it finds there before ACPICA loads the firmware's, and the namespace
# has its devices from the start, as if the firmware had them. The
# device-tree boot's initramfs stays without it.
tables=$OUT/acpi
rm -rf "$tables"
mkdir -p "$tables"
for asl in "$TOP"/dts/acpi/*.asl; do
	name=$(basename "$asl" .asl)
	# The table upgrade takes file names of 16 characters at most, .aml too.
	[ ${#name} -le 12 ] || die "$asl: name too long for the table upgrade (12 at most)"
	if ! iasl -we -vs -p "$tables/$name" "$asl" > "$tables/$name.log" 2>&1; then
		cat "$tables/$name.log" >&2
		die "iasl: $asl does not compile cleanly"
	fi
done
{
	echo "dir /kernel 0755 0 0"
	echo "dir /kernel/firmware 0755 0 0"
	echo "dir /kernel/firmware/acpi 0755 0 0"
	for aml in "$tables"/*.aml; do
		echo "file /kernel/firmware/acpi/${aml##*/} $aml 0644 0 0"
	done
} > "$tables/tables.list"
"$work/gen_init_cpio" "$tables/tables.list" > "$tables/tables.cpio"
cat "$tables/tables.cpio" "$work/initramfs.cpio" > "$work/initramfs-acpi.cpio"
log "ACPI tables: $(cd "$tables" && echo *.aml) in front of the initramfs"

log "booting the arm64 QEMU board with ACPI (UEFI firmware, virt-4.1)"
status=0
GPIOCLX_ACPI=1 GPIOCLX_APPEND=GPIOCLX_MODE=acpi "$TOP/tools/qemu/boot.sh" \
	"$kbuild/arch/arm64/boot/Image" "$work/initramfs-acpi.cpio" "$results" 600 ||
	status=$?

console() {
	tr -d '\r' < "$results/console.log" 2>/dev/null || true
}

section() {
	console | awk -v b="==== gpioclx: begin $1" -v e="==== gpioclx: end $1" '
		$0 == e { exit } on { print } $0 == b { on = 1 }'
}

passed=0 failed=0
verdict() {	# TITLE OK DETAIL
	if [ "$2" = 0 ]; then
		passed=$((passed + 1))
		printf '  %-48s ok   %s\n' "$1" "$3"
	else
		failed=$((failed + 1))
		printf '  %-48s FAIL %s\n' "$1" "$3"
	fi
}

log "results ($results)"
# One check per consumer of our SSDT, by its device name in the table.
consumers=(ERIS EFAL EBTH LHIG LSHA LSHB LLOW EWAK LWAK EDEB)
for name in acpi-boot acpi-pl061-probe acpi-aei acpi-button acpi-power-button \
	acpi-unbind acpi-rebind acpi-unload acpi-ssdt acpi-sim-probe \
	"${consumers[@]/#/acpi-gpioint-}" acpi-sim-aei acpi-sim-notify acpi-sim-unbind; do
	line=$(console | sed -n "s/^==== gpioclx: check $name //p" | head -n1)
	case $line in
	ok*) verdict "$name" 0 "${line#ok }" ;;
	FAIL*) verdict "$name" 1 "${line#FAIL }" ;;
	*) verdict "$name" 1 "did not run" ;;
	esac
done
console | grep -E '^(acpi-[a-z0-9]*: interrupts|FADT flags)' | sed 's/^/    /' || true

section kmsg > "$results/kmsg.log"
splats=$( (cat "$results/kmsg.log"; console) | grep -E "$QEMU_SPLATS" |
	awk '!seen[$0]++' || true)
if [ -n "$splats" ] || [ ! -s "$results/kmsg.log" ]; then
	verdict "kernel log clean" 1 ""
	printf '    %s\n' "${splats:-no kernel log captured}" | head -20
else
	verdict "kernel log clean" 0 ""
fi
section lockdep | grep -Eq '^ *debug_locks: +1$'
verdict "lockdep on to the end (debug_locks)" $? ""
verdict "guest ran to completion" "$status" "status $status"

guest=$(console | sed -n 's/^==== gpioclx: took boot \(.*\)$/\1/p')
echo "  boot: $(cat "$results/boot-seconds") s (host, QEMU start to exit), guest uptime at the end ${guest:-?} s"
log "make qemu-acpi took $(( $(date +%s) - start )) s"
echo "$passed $failed 0" > "$results/counts"
echo "$passed passed, $failed failed"
[ "$failed" = 0 ]
