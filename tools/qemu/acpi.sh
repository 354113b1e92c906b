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

qemu_begin qemu-acpi
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

# QEMU's FADT says hardware-reduced and no more; a laptop's also says
# low-power S0 idle, and only then does gpiolib report a GpioInt as
# wake-capable to its consumer (acpi_dev_gpio_irq_wake_get()). The board's
# FADT is QEMU's with that flag, a higher OEM revision (the upgrade
# replaces only an older table) and a new checksum. It points at the DSDT
# where the firmware put it, so it comes from a boot of this QEMU and
# firmware (GPIOCLX_MODE=fadt: the guest sends the FADT back), once per
# QEMU, firmware and boot script, kept in the cache.
firmware=$("$TOP/tools/qemu/boot.sh" firmware)
[ -f "$firmware" ] || die "no $firmware: run 'make deps' (qemu-efi-aarch64)"
fkey=$({ qemu-system-aarch64 --version; sha256sum < "$firmware"
	cat "$TOP/tools/qemu/boot.sh"; } | sha256sum | cut -c1-16)
fadt=$CACHE/acpi-fadt-$fkey/FACP
if [ ! -s "$fadt" ]; then
	log "the firmware's FADT: one boot ($fadt)"
	rm -rf "$work/fadt"
	GPIOCLX_ACPI=1 GPIOCLX_APPEND=GPIOCLX_MODE=fadt "$TOP/tools/qemu/boot.sh" \
		"$kbuild/arch/arm64/boot/Image" "$work/initramfs.cpio" "$work/fadt" 300 ||
		die "the FADT boot failed: $work/fadt/console.log"
	[ "$(head -c 4 "$work/fadt/FACP" 2>/dev/null)" = FACP ] ||
		die "the FADT boot sent no FADT: $work/fadt"
	mkdir -p "${fadt%/*}"
	cp "$work/fadt/FACP" "$fadt.tmp"
	mv "$fadt.tmp" "$fadt"
	# shellcheck disable=SC2012 # our own names, no odd characters
	ls -dt "$CACHE"/acpi-fadt-* | tail -n +3 | xargs -r rm -rf
fi

# fadt_lps0 IN OUT: the FADT IN with low-power S0 idle (flags, offset 112,
# bit 21), OEM revision (offset 24) one higher, checksum (offset 9) anew.
fadt_lps0() {
	local -a b
	local i x sum=0 rev out=
	read -r -a b <<< "$(od -An -tu1 -v "$1" | tr '\n' ' ')"
	[ "${#b[@]}" -ge 116 ] || die "$1: too short for an FADT"
	b[114]=$((b[114] | 0x20))
	rev=$((b[24] | b[25] << 8 | b[26] << 16 | b[27] << 24))
	rev=$(((rev + 1) & 0xffffffff))
	for i in 0 1 2 3; do
		b[24 + i]=$((rev >> (8 * i) & 0xff))
	done
	b[9]=0
	for i in "${b[@]}"; do
		sum=$((sum + i))
	done
	b[9]=$(((256 - sum % 256) % 256))
	for i in "${b[@]}"; do
		printf -v x '\\x%02x' "$i"
		out+=$x
	done
	printf '%b' "$out" > "$2"
}
fadt_lps0 "$fadt" "$tables/facp.dat"
echo "file /kernel/firmware/acpi/facp.dat $tables/facp.dat 0644 0 0" >> "$tables/tables.list"
"$work/gen_init_cpio" "$tables/tables.list" > "$tables/tables.cpio"
cat "$tables/tables.cpio" "$work/initramfs.cpio" > "$work/initramfs-acpi.cpio"
log "ACPI tables: $(cd "$tables" && echo *.aml facp.dat) in front of the initramfs"

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
consumers=(ERIS EFAL EBTH LHIG LSHA LSHB LLOW EWAK LWAK EDEB PBTH PDEB PLVL)
for name in acpi-boot acpi-pl061-probe acpi-aei acpi-button acpi-power-button \
	acpi-unbind acpi-rebind acpi-unload acpi-ssdt acpi-fadt acpi-sim-probe acpi-sim1-probe \
	"${consumers[@]/#/acpi-gpioint-}" acpi-gpioint-exclusive acpi-gpioint-badpin \
	acpi-wake-EWAK acpi-wake-LWAK acpi-sim-aei acpi-sim-notify \
	acpi-sim-aei-level acpi-sim-level-notify acpi-sim-unbind \
	acpi-sim-rebind; do
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
