#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# The C++ tools for the arm64 QEMU board: the end-to-end suite, the stress
# run, the benchmark and the bring-up tool, cross-built with
# aarch64-linux-gnu-g++ (tools/qemu/aarch64.cmake) against a static
# libgpiod 2 for arm64 (tools/libgpiod.sh arm64) and GoogleTest compiled
# from Debian's source. The binaries are static. Each build is kept in the
# cache under a key of everything that goes into it, as tools/uml/build.sh
# keeps the host's; the two newest are kept.
#
# usage: tools.sh     prints the folder of the binaries and then the
#                     folder of libgpiod 2's tools, one per line
set -euo pipefail
# shellcheck source=tools/uml/lib.sh
. "$(dirname "$0")/../uml/lib.sh"

gtest=/usr/src/googletest
[ -f "$gtest/CMakeLists.txt" ] || die "no $gtest: run 'make deps' (googletest)"
pc=$("$TOP/tools/libgpiod.sh" arm64)
gpiod_bin=$(dirname "$(dirname "$pc")")/bin
bins=(gpioclx gpioclx-bench gpioclx-e2e gpioclx-stress)
key=$( (cd "$TOP/tools" && find . -path ./qemu/guest -prune -o -type f \( -name '*.cpp' \
	-o -name '*.hpp' -o -name CMakeLists.txt -o -name aarch64.cmake \) -print |
	LC_ALL=C sort | xargs sha256sum
	echo "$pc"; dpkg-query -W googletest; aarch64-linux-gnu-g++ --version
	cmake --version) | sha256sum | cut -c1-16)
kept=$CACHE/tools-arm64-$key
build=$OUT/tools-arm64

if [ ! -f "$kept/.built" ]; then
	log "building the C++ tools for arm64"
	PKG_CONFIG_LIBDIR=$pc PKG_CONFIG_PATH='' \
		cmake -S "$TOP/tools" -B "$build" -DCMAKE_BUILD_TYPE=RelWithDebInfo \
		-DCMAKE_TOOLCHAIN_FILE="$TOP/tools/qemu/aarch64.cmake" \
		-DGPIOCLX_GTEST_SOURCE="$gtest" > /dev/null
	nice -n 10 cmake --build "$build" -j"$(nproc)" --target "${bins[@]}" >&2
	rm -rf "$kept"
	mkdir -p "$kept"
	cp "${bins[@]/#/$build/}" "$kept/"
	touch "$kept/.built"
	# shellcheck disable=SC2012 # our own folder names, newest first
	ls -dt "$CACHE"/tools-arm64-* | tail -n +3 | xargs -r rm -rf
fi
echo "$kept"
echo "$gpiod_bin"
