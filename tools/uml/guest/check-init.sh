#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# PID 1 of a "make check" boot: load the modules, run the KUnit suites and
# the end-to-end tests, unload everything, load it again for the short
# reliability run, and write the results to $R.
# Pass/fail is decided by the host from those files and the console log.
set -u
# shellcheck source=tools/uml/guest/common.sh
. "$(dirname "$0")/common.sh"

guest_mounts
exec >"$R/guest.log" 2>&1
set -x

status=0
run_kunit() {
	local mod=$1 suite
	shift
	insmod "$GPIOCLX_MODULES/$(modpath "$mod")" || { status=1; return; }
	for suite in "$@"; do
		cp "/sys/kernel/debug/kunit/$suite/results" "$R/kunit-$suite.ktap" ||
			status=1
	done
	rmmod "$mod" || status=1
}

# The benchmark tool, briefly, on this board's controllers: every command
# runs (the numbers mean nothing under lockdep and KASAN). One test.
bench_smoke() {
	local b=$GPIOCLX_TOOLS/gpioclx-bench out=/run/bench-smoke

	mkdir -p "$out"
	insmod "$GPIOCLX_MODULES/$(modpath gpio-clx-bench)" &&
		"$b" dispatch --quick --out "$out" --clx gpio-controller-1 \
			--gpio-sim-lines 32 &&
		"$b" events --quick --out "$out" --clx gpio-controller-1 &&
		"$b" burst --quick --out "$out" --clx gpio-controller-1 &&
		"$b" memory --quick --out "$out" --clx gpio-controller-2 \
			--clx gpio-controller-1 --gpio-sim-lines 16,64 &&
		"$b" report --out "$out" > "$R/bench-smoke.txt" &&
		rmmod gpio-clx-bench
	echo $? > "$R/bench-smoke.status"
}

# The docs' board commands (tools/doccheck.sh extracted them into $R/docs),
# each block a test: it passes when every command in it succeeds.
doc_blocks() {
	local s

	for s in "$R"/docs/board/*.sh; do
		[ -e "$s" ] || continue
		(cd /run && PATH=$GPIOCLX_TOOLS:$PATH timeout 60 bash -e "$s") \
			> "${s%.sh}.log" 2>&1
		echo $? > "${s%.sh}.status"
	done
}

if guest_load_modules; then
	run_kunit gpio-clx-test gpio-clx
	run_kunit gpio-clx-sim-test gpio-clx-sim
	GPIOCLX_CHIP=$(gpiochip_of gpio-controller-0) \
		"$GPIOCLX_TOOLS/gpioclx-e2e" --gtest_output=json:"$R/e2e.json" ||
		true
	bench_smoke
	doc_blocks
	# Unloading exercises every teardown path under lockdep and KASAN.
	rmmod gpio-clx-sample gpio-clx-sim irq-clx-sim-intc gpio-clx || status=1
	# The short reliability run, on freshly loaded modules, last.
	guest_load_modules && run_stress short || status=1
else
	status=1
fi
guest_halt $status
