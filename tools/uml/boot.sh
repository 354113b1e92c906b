#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# Boot the UML test board once: host root over hostfs (read-only), our
# device tree, and a guest init script that writes into RESULTS (mounted
# read-write inside the guest at /run/results). The whole process group is
# killed after TIMEOUT seconds. The console goes to RESULTS/console.log.
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
# A guest whose kernel stops scheduling userspace (a loop in the kernel, an
# interrupt storm) is caught before TIMEOUT: the guest rewrites
# RESULTS/heartbeat every few seconds, and when it is older than
# GPIOCLX_STALL seconds (default 300) the kernel's host process gets a few
# backtraces through gdb, our modules' symbols included
# (RESULTS/stall.txt), and the board is stopped. A board still running
# 15 s before TIMEOUT gets the same report.
#
# usage: boot.sh KERNEL_BUILD DTB INIT RESULTS TIMEOUT [VAR=VALUE...]
# exit:  the guest's own status (RESULTS/exit-status), 124 on timeout or
#        stall, 125 when the guest died without reporting one
set -euo pipefail

# The guest sees the host's root: every path it is given must be absolute
# (a relative init= panics the board).
kbuild=$(realpath -m "$1") dtb=$(realpath -m "$2") init=$(realpath -m "$3")
results=$(realpath -m "$4") limit=$5
shift 5
[ -f "$dtb" ] || { echo "boot: no device tree $dtb" >&2; exit 2; }
[ -x "$init" ] || { echo "boot: no executable init $init" >&2; exit 2; }
guest_vars=("$@")

mkdir -p "$results"
rm -f "$results/exit-status" "$results/heartbeat" "$results/stall.txt"
# Guest RAM is a file under TMPDIR that is mapped executable: /dev/shm allows it.
export TMPDIR=/dev/shm

boot() {
	timeout -k 10 "$((limit + 30))" "$kbuild/linux" mem=512M root=/dev/root \
		rootfstype=hostfs rootflags=/ ro dtb="$dtb" init="$init" \
		con=null ssl=null log_buf_len=4M loglevel="${GPIOCLX_LOGLEVEL:-1}" \
		GPIOCLX_RESULTS="$results" "$@"
}

# Backtraces of the UML kernel's host process (PID $1), three of them a
# second apart so that a loop shows as a loop. The guest lists where our
# modules' code is (RESULTS/modules-text: name and .text address) so gdb
# can name their functions too.
backtraces() {
	local i name addr ko dir=/nonexistent args=() a

	if ! command -v gdb >/dev/null; then
		echo "gdb is not installed: no backtrace"
		return
	fi
	for a in "${guest_vars[@]}"; do
		case $a in GPIOCLX_MODULES=*) dir=${a#*=} ;; esac
	done
	if [ -f "$results/modules-text" ]; then
		while read -r name addr; do
			ko=$(find "$dir" -name "${name//_/?}.ko" 2>/dev/null |
				head -n 1)
			[ -n "$ko" ] && args+=(-ex "add-symbol-file $ko $addr")
		done < "$results/modules-text"
	fi
	for i in 1 2 3; do
		echo "== backtrace $i of the kernel's host process $1"
		gdb -q -n -batch -p "$1" -ex 'set confirm off' "${args[@]}" \
			-ex 'bt 40' -ex detach 2>&1 | grep -v '^\[New LWP'
		sleep 1
	done
}

# The UML kernel's own host process under PID $1: the first process
# running our kernel binary (its children run the guest's processes).
uml_kernel_pid() {
	local p todo=("$1")

	while [ ${#todo[@]} -gt 0 ]; do
		p=${todo[0]}
		todo=("${todo[@]:1}")
		if [ "$(readlink "/proc/$p/exe" 2>/dev/null)" = \
			"$(readlink -f "$kbuild/linux")" ]; then
			echo "$p"
			return
		fi
		# shellcheck disable=SC2207
		todo+=($(pgrep -P "$p"))
	done
}

# PID $1 and every process under it, killed: a stalled UML kernel may not
# answer SIGTERM, and its guest processes are its children.
kill_tree() {
	local p all=() todo=("$1")

	while [ ${#todo[@]} -gt 0 ]; do
		p=${todo[0]}
		todo=("${todo[@]:1}")
		all+=("$p")
		# shellcheck disable=SC2207
		todo+=($(pgrep -P "$p"))
	done
	kill -KILL "${all[@]}" 2>/dev/null || true
}

# Stop the board when its heartbeat goes stale, or a little before its
# time is up, with backtraces and the guest's processes (each one a host
# process under the kernel's: CPU time and state) in RESULTS/stall.txt.
stall_watch() {
	local pid=$1 beat=$results/heartbeat stall=${GPIOCLX_STALL:-300}
	local kpid age why end=$((SECONDS + limit - 15))

	while kill -0 "$pid" 2>/dev/null; do
		sleep 5
		why=
		if [ "$SECONDS" -ge "$end" ]; then
			why="guest still running after ${limit}s"
		elif [ -f "$beat" ]; then
			age=$(( $(date +%s) - $(stat -c %Y "$beat") ))
			[ "$age" -gt "$stall" ] &&
				why="guest stalled: no heartbeat for ${age}s"
		fi
		[ -n "$why" ] || continue
		kpid=$(uml_kernel_pid "$pid")
		{
			echo "$why"
			if [ -n "$kpid" ]; then
				echo "== the guest's processes (host view)"
				ps -o pid,stat,time,pcpu --ppid "$kpid"
				backtraces "$kpid"
			fi
		} > "$results/stall.txt" 2>&1
		# The board, not only the shell that started it: left running,
		# it would take a CPU from every boot after it until its timeout.
		kill_tree "$pid"
		return
	done
}

set +e
if [ -n "${GPIOCLX_TTY:-}" ]; then
	# make shell: the console is this terminal, both ways.
	boot con0=fd:0,fd:1 "$@"
	rc=$?
else
	boot con0=null,fd:1 "$@" </dev/null >"$results/console.log" 2>&1 &
	pid=$!
	stall_watch "$pid" &
	watcher=$!
	wait "$pid"
	rc=$?
	kill "$watcher" 2>/dev/null
	wait "$watcher" 2>/dev/null
fi
set -e

if [ -s "$results/stall.txt" ]; then
	echo "boot: $(head -n 1 "$results/stall.txt"); backtraces: $results/stall.txt" >&2
	exit 124
fi
if [ $rc = 124 ] || [ $rc = 137 ]; then
	echo "boot: guest timed out after ${limit}s; console: $results/console.log" >&2
	exit 124
fi
if [ ! -f "$results/exit-status" ]; then
	echo "boot: guest ended ($rc) without a status; console: $results/console.log" >&2
	exit 125
fi
exit "$(cat "$results/exit-status")"
