# SPDX-License-Identifier: GPL-2.0
# shellcheck shell=bash
#
# Shared settings of the host-side scripts: where things are built and
# cached. Sourced, never run.

TOP=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
OUT=${OUT:-$TOP/out}
CACHE=${GPIOCLX_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/gpioclx}
export GPIOCLX_CACHE=$CACHE

log() { printf '== %(%H:%M:%S)T %s\n' -1 "$*" >&2; }
die() { printf 'error: %s\n' "$*" >&2; exit 1; }

# The kernel series the board is built from, oldest first: Debian 12's
# own and Debian 13's (tools/debian.sh fetches those). make check boots the
# oldest and the newest, make check-all every one (Documentation/testing.rst).
KERNELS=(6.1 6.12 7.3)
KERNEL_OLDEST=${KERNELS[0]}
# shellcheck disable=SC2034 # for the scripts that source this file
KERNEL_NEWEST=${KERNELS[-1]}

# The unpacked source of a series (default: the oldest).
uml_src() {
	"$TOP/tools/debian.sh" kernel "${1:-$KERNEL_OLDEST}"
}

# What build.sh made for config NAME (debug, bench) and a series: the
# kernel's build folder, and the folder our modules were built in.
kernel_build() {
	cat "$OUT/kernel-$1-${2:-$KERNEL_OLDEST}"
}
module_dir() {
	echo "$OUT/uml-$1-${2:-$KERNEL_OLDEST}/modules"
}

# Copy the project as a clone has it (tracked and new, not ignored, files)
# into DEST: builds for other kernels happen there, never in the work tree.
stage_tree() {
	local dest=$1
	rm -rf "$dest"
	mkdir -p "$dest"
	(
		cd "$TOP" || exit 1
		if [ -d .git ] || [ -f .git ]; then
			git ls-files -co --exclude-standard
		else
			find . -path ./out -prune -o -type f -print
		fi
	) | rsync -a --files-from=- "$TOP/" "$dest/"
}

# The headers of Debian's current distro kernel (linux-headers-amd64).
distro_headers() {
	local pkg
	pkg=$(dpkg-query -W -f='${Depends}' linux-headers-amd64 2>/dev/null |
		grep -o 'linux-headers-[^ ,]*') || return 1
	[ -f "/usr/src/$pkg/include/config/kernel.release" ] || return 1
	echo "/usr/src/$pkg"
}

# dtc with every check on. Debian 12's dtc (1.6.1) has no -Wall; these are
# the checks it leaves off by default, its always_fail self-test aside.
dtc_wall() {
	dtc -Wnode_name_chars_strict -Wproperty_name_chars_strict \
		-Wunique_unit_address_if_enabled -Wdeprecated_gpio_property "$@"
}

# A tree a user gives (make shell DTB=, OVERLAY=): relative to the top of
# the tree, where make runs; an absolute path as it is.
user_path() {
	case $1 in
	/*) echo "$1" ;;
	*) echo "$TOP/$1" ;;
	esac
}

# compile_overlay SOURCE DTBO: an overlay as a .dtbo, from a .dtbo (copied)
# or a .dtso (through cpp, for the kernel's dt-bindings headers, and dtc).
compile_overlay() {
	local src
	case $1 in
	*.dtbo) cp "$1" "$2" ;;
	*.dtso | *.dts)
		src=$(uml_src "$KERNEL_OLDEST")
		cpp -nostdinc -undef -x assembler-with-cpp -I "$src/include" \
			-I "$TOP/dts" "$1" | dtc -q -@ -I dts -O dtb -o "$2" - ||
			die "cannot compile the overlay $1"
		;;
	*) die "an overlay is a .dtso or a .dtbo: $1" ;;
	esac
}

# with_overlay BASE OUT: BASE with make shell's OVERLAY applied, into OUT
# (BASE as it is without one).
with_overlay() {
	if [ -z "${OVERLAY:-}" ]; then
		cp "$1" "$2"
		return
	fi
	compile_overlay "$(user_path "$OVERLAY")" "$2.overlay.dtbo"
	fdtoverlay -i "$1" -o "$2" "$2.overlay.dtbo" ||
		die "OVERLAY does not apply to $1"
}

# What fails an arm64 QEMU board's run when its kernel log has it
# (tools/qemu/results.sh, tools/qemu/acpi.sh), as an extended regex.
QEMU_SPLATS='BUG:|WARNING:|KASAN|Oops|Kernel panic|circular locking|recursive locking|inconsistent lock|Invalid wait context|suspicious RCU usage|UBSAN|blocked for more than|irq lock inversion|bad unlock balance|sleeping function called from invalid context|nobody cared|detected stalls'
export QEMU_SPLATS

# For the results scripts, which define count NAME PASSED FAILED SKIPPED:
# a GoogleTest JSON report; a missing report counts as one failure.
gtest_count() {	# name json log
	local t f d sk

	if [ ! -f "$2" ]; then
		echo "  $1: no report (see $3)"
		count "$1" 0 1 0
		return
	fi
	read -r t f d < <(jq -r '"\(.tests) \(.failures) \(.disabled)"' "$2")
	sk=$(jq '[.testsuites[].testsuite[] | select(.result == "SKIPPED")] | length' "$2")
	# Each failure with the first lines of its first message, so that a
	# run whose board is gone (CI) still says what was expected.
	jq -r '.testsuites[].testsuite[] | select(.failures) |
		"    FAILED \(.classname).\(.name)",
		(.failures[0].failure | split("\n")[:6][] | "      \(.)")' "$2"
	count "$1" $((t - f - sk)) "$f" $((sk + d))
}

# qemu_begin RESULTS: how each check or shell of the arm64 QEMU board
# starts: the host's packages; $kbuild, its debug kernel
# (tools/qemu/kernel.sh, cached); $work, out/qemu-arm64; $results, an
# empty out/results/RESULTS; $start, the time.
# shellcheck disable=SC2034 # the caller's variables
qemu_begin() {
	start=$(date +%s)
	"$TOP/tools/uml/deps.sh"
	kbuild=$("$TOP/tools/qemu/kernel.sh")
	work=$OUT/qemu-arm64
	results=$OUT/results/$1
	rm -rf "$results"
	mkdir -p "$work" "$results"
}
