#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# The arm64 column of "make bench": the arm64 QEMU board on a kernel
# without the checkers (tools/qemu/kernel.sh bench, cached), booted once
# with GPIOCLX_MODE=bench; /init runs gpioclx-bench's dispatch and events
# commands on the simulated controller (its parent a GIC SPI) against
# gpio-sim, and the pl061 command on QEMU's PL061, our client against
# mainline's gpio-pl061. Writes out/bench/arm64/: bench.csv, table.txt.
# GPIOCLX_BENCH_QUICK=1 runs every command with --quick.
#
# usage: bench.sh    (after tools/uml/bench.sh, whose out/bench it adds to)
set -euo pipefail
# shellcheck source=tools/uml/lib.sh
. "$(dirname "$0")/../uml/lib.sh"

start=$(date +%s)
"$TOP/tools/uml/deps.sh"
kbuild=$("$TOP/tools/qemu/kernel.sh" bench)
work=$OUT/qemu-arm64-bench
bench=$OUT/bench/arm64
boot=$bench/boot
rm -rf "$bench"
mkdir -p "$work" "$boot"

"$TOP/tools/uml/dtbs.sh"
"$TOP/tools/qemu/tree.sh" "$work/board.dtb"
"$TOP/tools/qemu/initramfs.sh" "$kbuild" "$work/initramfs.cpio"
{
	echo "gpioclx arm64 benchmarks, $(date -u '+%Y-%m-%d %H:%M UTC')"
	echo "host: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//'), $(nproc) CPUs, Linux $(uname -r)"
	echo "board: QEMU $(qemu-system-aarch64 --version | head -n1 | awk '{ print $4 }') virt, cortex-a57 (TCG), GICv2, 1 CPU; Linux $(cat "$kbuild/include/config/kernel.release") (tools/qemu/bench.config: no lockdep, no KASAN)"
	echo "load average at start: $(cut -d' ' -f1-3 /proc/loadavg)"
	[ -z "${GPIOCLX_BENCH_QUICK:-}" ] ||
		echo "quick run (GPIOCLX_BENCH_QUICK): few samples, figures mean little"
} > "$bench/machine.txt"

log "booting the arm64 benchmark board (no lockdep, no KASAN)"
status=0
GPIOCLX_APPEND="GPIOCLX_MODE=bench ${GPIOCLX_BENCH_QUICK:+GPIOCLX_BENCH_ARGS=--quick}" \
	"$TOP/tools/qemu/boot.sh" "$kbuild/arch/arm64/boot/Image" \
	"$work/initramfs.cpio" "$boot" 900 "$work/board.dtb" || status=$?
if [ "$status" != 0 ] || [ ! -s "$boot/bench.csv" ]; then
	tr -d '\r' < "$boot/console.log" 2>/dev/null | grep -i 'gpioclx-bench\|error' |
		tail -20 >&2 || true
	die "the arm64 benchmark boot failed ($status); see $boot/"
fi
mv "$boot/bench.csv" "$boot"/latency-*.dat "$bench/" 2>/dev/null || true
"$OUT/tools/gpioclx-bench" report --out "$bench" --machine "$bench/machine.txt"
log "the arm64 bench took $(( $(date +%s) - start )) s; results in $bench/"
