#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# Build everything the UML board runs: the kernel (cached), our modules
# against it, the device trees and the C++ tools. Prints nothing on stdout.
#
# usage: build.sh [FRAGMENT [SERIES]]  default: the debug (lockdep + KASAN)
#                                     kernel of the oldest series
set -euo pipefail
# shellcheck source=tools/uml/lib.sh
. "$(dirname "$0")/lib.sh"

fragment=${1:-$TOP/tools/uml/debug.config}
series=${2:-$KERNEL_OLDEST}
"$TOP/tools/uml/deps.sh"
kbuild=$("$TOP/tools/uml/kernel.sh" "$fragment" "$series")
src=$(uml_src "$series")
name=$(basename "$fragment" .config)
mkdir -p "$OUT"
echo "$kbuild" > "$OUT/kernel-$name-$series"

# Kbuild of this kernel version builds external modules in their source
# folder; build from a copy so the work tree stays clean and host and UML
# builds never mix objects.
mdir=$(module_dir "$name" "$series")
mkdir -p "$mdir"
rsync -a --delete --exclude '*.o' --exclude '*.ko' --exclude '.*.cmd' \
	--exclude '*.mod' --exclude '*.mod.c' --exclude 'modules.order' \
	--exclude 'Module.symvers' "$TOP/Kbuild" "$TOP/drivers" "$TOP/include" "$TOP/kunit" \
	"$mdir/"
log "building modules for UML ($name, $series)"
# Warnings are errors here: the modules must build clean with W=1.
make -s -C "$src" O="$kbuild" ARCH=um M="$mdir" W=1 KCFLAGS=-Werror \
	CONFIG_GPIO_CLX_BENCH=m CONFIG_GPIO_CLX_TORTURE=m modules >&2

log "building device trees"
"$TOP/tools/uml/dtbs.sh"

# libgpiod 2: the system's, or built once into the cache (tools/libgpiod.sh).
pc=$("$TOP/tools/libgpiod.sh")

# The C++ tools. A work tree builds them incrementally in OUT/tools, and
# each build it finishes is kept in the cache under a key of everything
# that goes into them (their sources, libgpiod, the compiler and CMake); an
# OUT/tools that was never configured, as in a fresh clone, takes them from
# there instead of compiling for minutes. The three newest are kept.
bins=(gpioclx gpioclx-bench gpioclx-e2e gpioclx-stress gpioclx-unit)
key=$( (cd "$TOP/tools" && find . -path ./qemu -prune -o -type f \( -name '*.cpp' -o -name '*.hpp' \
	-o -name CMakeLists.txt \) -print | LC_ALL=C sort | xargs sha256sum
	echo "$pc"; c++ --version; cmake --version) | sha256sum | cut -c1-16)
kept=$CACHE/tools-$key
if [ ! -f "$OUT/tools/CMakeCache.txt" ] && [ -f "$kept/.built" ]; then
	log "C++ tools: from the cache ($kept)"
	mkdir -p "$OUT/tools"
	cp "${bins[@]/#/$kept/}" "$OUT/tools/"
	echo "$pc" > "$OUT/tools/libgpiod-pc"
	exit 0
fi

# CMake caches what pkg-config found: a libgpiod elsewhere than last time
# configures the tools afresh.
if [ "$(cat "$OUT/tools/libgpiod-pc" 2>/dev/null)" != "$pc" ]; then
	rm -f "$OUT/tools/CMakeCache.txt"
fi
log "building C++ tools"
PKG_CONFIG_PATH=$pc${PKG_CONFIG_PATH:+:$PKG_CONFIG_PATH} \
	cmake -S "$TOP/tools" -B "$OUT/tools" -DCMAKE_BUILD_TYPE=RelWithDebInfo \
	>/dev/null
echo "$pc" > "$OUT/tools/libgpiod-pc"
cmake --build "$OUT/tools" -j"$(nproc)" >&2
if [ ! -f "$kept/.built" ]; then
	rm -rf "$kept"
	mkdir -p "$kept"
	cp "${bins[@]/#/$OUT/tools/}" "$kept/"
	touch "$kept/.built"
	# shellcheck disable=SC2012 # our own folder names, newest first
	ls -dt "$CACHE"/tools-* | tail -n +4 | xargs -r rm -rf
fi
