#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# Boot the UML test board once: host root over hostfs (read-only), our
# device tree, and a guest init script that writes into RESULTS (mounted
# read-write inside the guest at /mnt). The whole process group is killed
# after TIMEOUT seconds. The console goes to RESULTS/console.log.
#
# Only emergencies (panics) reach the console: UML's console driver takes a
# sleeping spinlock, so any message printed from hard-IRQ context or under a
# raw spinlock (genirq's own warnings, for one) would trip lockdep's
# raw-lock nesting check and switch lockdep off for the rest of the boot.
# The guest copies the full kernel log from /dev/kmsg to RESULTS/kmsg.log
# instead; GPIOCLX_LOGLEVEL=8 puts everything back on the console.
#
# GPIOCLX_TTY=1 puts the console on this terminal instead (make shell).
#
# usage: boot.sh KERNEL_BUILD DTB INIT RESULTS TIMEOUT [VAR=VALUE...]
# exit:  the guest's own status (RESULTS/exit-status), 124 on timeout,
#        125 when the guest died without reporting one
set -euo pipefail

kbuild=$1 dtb=$2 init=$3 results=$4 limit=$5
shift 5

mkdir -p "$results"
rm -f "$results/exit-status"
# Guest RAM is a file under TMPDIR that is mapped executable: /dev/shm allows it.
export TMPDIR=/dev/shm

boot() {
	timeout -k 10 "$limit" "$kbuild/linux" mem=512M root=/dev/root \
		rootfstype=hostfs rootflags=/ ro dtb="$dtb" init="$init" \
		con=null ssl=null log_buf_len=4M loglevel="${GPIOCLX_LOGLEVEL:-1}" \
		GPIOCLX_RESULTS="$results" "$@"
}

set +e
if [ -n "${GPIOCLX_TTY:-}" ]; then
	# make shell: the console is this terminal, both ways.
	boot con0=fd:0,fd:1 "$@"
else
	boot con0=null,fd:1 "$@" </dev/null >"$results/console.log" 2>&1
fi
rc=$?
set -e

if [ $rc = 124 ] || [ $rc = 137 ]; then
	echo "boot: guest timed out after ${limit}s; console: $results/console.log" >&2
	exit 124
fi
if [ ! -f "$results/exit-status" ]; then
	echo "boot: guest ended ($rc) without a status; console: $results/console.log" >&2
	exit 125
fi
exit "$(cat "$results/exit-status")"
