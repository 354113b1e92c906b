#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# "make bench": build the benchmark kernel (the debug fragment without
# lockdep and KASAN, cached), our modules, the benchmark board's device tree
# and the tools; boot the board once and run every benchmark in it; then
# print the table and write out/bench/: bench.csv, table.txt, bench.png
# (latency distribution, cost against pin count) and the raw samples.
# GPIOCLX_BENCH_QUICK=1 runs every command with --quick: the whole path in
# a fraction of the time, with figures that mean little (make check's run
# of the docs' commands uses it).
set -euo pipefail
# shellcheck source=tools/uml/lib.sh
. "$(dirname "$0")/lib.sh"

start=$(date +%s)
"$TOP/tools/uml/deps.sh" gnuplot-nox
"$TOP/tools/uml/build.sh" "$TOP/tools/uml/bench.config"
kbuild=$(kernel_build bench)
bench=$OUT/bench
boot=$bench/boot
rm -rf "$bench"
mkdir -p "$boot"

# What the figures were taken on; the load shows whether the machine was
# busy with something else at the time.
{
	echo "gpioclx benchmarks, $(date -u '+%Y-%m-%d %H:%M UTC')"
	echo "host: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//'), $(nproc) CPUs, Linux $(uname -r)"
	echo "board: UML $(cat "$kbuild/include/config/kernel.release") (tools/uml/bench.config: no lockdep, no KASAN), 1 CPU, HZ=100"
	echo "load average at start: $(cut -d' ' -f1-3 /proc/loadavg)"
	[ -z "${GPIOCLX_BENCH_QUICK:-}" ] ||
		echo "quick run (GPIOCLX_BENCH_QUICK): few samples, figures mean little"
} > "$bench/machine.txt"

log "booting the benchmark board (no lockdep, no KASAN)"
status=0
# slab_nomerge: the memory benchmark names the caches the bytes went to, and
# merged caches would hide them under an unrelated name.
"$TOP/tools/uml/boot.sh" "$kbuild" "$OUT/dts/uml-bench.dtb" \
	"$TOP/tools/uml/guest/bench-init.sh" "$boot" 900 slab_nomerge \
	GPIOCLX_MODULES="$(module_dir bench)" GPIOCLX_TOOLS="$OUT/tools" \
	${GPIOCLX_BENCH_QUICK:+GPIOCLX_BENCH_ARGS=--quick} ||
	status=$?
if [ "$status" != 0 ] || [ ! -s "$boot/bench.csv" ]; then
	grep -i 'gpioclx-bench\|error' "$boot/guest.log" 2>/dev/null | tail -20 >&2 || true
	die "the benchmark boot failed ($status); see $boot/"
fi
mv "$boot/bench.csv" "$boot"/latency-*.dat "$bench/"

log "report"
"$OUT/tools/gpioclx-bench" report --out "$bench" --machine "$bench/machine.txt"
gnuplot -e "dir='$bench'" "$TOP/tools/bench/plot.gp"
log "make bench took $(( $(date +%s) - start )) s; results in $bench/"
