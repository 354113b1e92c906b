#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# Build the arm64 kernel of the QEMU virt board out of tree, cross-compiled
# with gcc-aarch64-linux-gnu from Debian's source of kernel SERIES
# (tools/debian.sh) and tinyconfig plus the committed fragment
# tools/qemu/arm64.config, and for "bench" tools/qemu/bench.config on top
# (the checkers off): the Image QEMU boots and the kernel's own modules
# (mainline gpio-pl061, gpio-sim, gpio-keys). The build folder is keyed by
# a hash of the fragments and the source version, so a fresh clone
# reuses an earlier build and any change triggers a new one. It runs at
# the lowest priority, two jobs at most (the machine is shared), and
# records how long it took in .build-seconds.
#
# usage: kernel.sh [debug|bench [SERIES]]   prints the build folder on
#                                            stdout (default: debug, 6.12)
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
flavour=${1:-debug}
series=${2:-6.12}
case $flavour in
debug) fragments=("$here/arm64.config") ;;
bench) fragments=("$here/arm64.config" "$here/bench.config") ;;
*) echo "usage: kernel.sh [debug|bench [SERIES]]" >&2; exit 2 ;;
esac
cache=${GPIOCLX_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/gpioclx}
kmake=(nice -n 19 make ARCH=arm64 CROSS_COMPILE=aarch64-linux-gnu-)

log() { printf 'qemu kernel: %s\n' "$*" >&2; }

src=$("$here/../debian.sh" kernel "$series")
version=${src##*/linux-source-}
key=$( (echo "arm64 tinyconfig $version"; cat "${fragments[@]}") |
	sha256sum | cut -c1-16)
# The debug build keeps the name it always had, and so its cache.
name=arm64
[ "$flavour" = debug ] || name=arm64-$flavour
build=$cache/build-qemu-$name-$key

if [ -f "$build/.built" ]; then
	echo "$build"
	exit 0
fi

log "building the arm64 kernel ($version) in $build (7-11 minutes on 2 shared cores)"
mkdir -p "$build"
"${kmake[@]}" -s -C "$src" O="$build" tinyconfig >&2
(cd "$src" && ARCH=arm64 scripts/kconfig/merge_config.sh -m -O "$build" \
	"$build/.config" "${fragments[@]}") > "$build/merge_config.log" 2>&1
"${kmake[@]}" -s -C "$src" O="$build" olddefconfig >&2

# Every setting of the fragments (the last one of each symbol, "=n" aside)
# must be in the final .config as written: a symbol that olddefconfig
# dropped for a missing dependency would give a kernel that tests
# something else.
lost=$(cat "${fragments[@]}" | grep -E '^CONFIG_[A-Z0-9_]+=' |
	awk -F= '{ last[$1] = $0 } END { for (k in last) print last[k] }' |
	grep -Ev '=n$' | grep -Fxv -f "$build/.config" || true)
if [ -n "$lost" ]; then
	log "fragment lines not in the final .config:"
	printf '  %s\n' "$lost" >&2
	exit 1
fi

start=$(date +%s)
"${kmake[@]}" -C "$src" O="$build" -j2 Image modules 2>&1 |
	grep --line-buffered -E '^  (LD|AR) |error|Error|warning: ' |
	awk '{ n++; if (n % 25 == 0 || /rror/) { print; fflush() } }' >&2
[ "${PIPESTATUS[0]}" = 0 ] || { log "kernel build failed"; exit 1; }
seconds=$(( $(date +%s) - start ))
echo "$seconds" > "$build/.build-seconds"
log "built in $seconds s"
touch "$build/.built"
echo "$build"
