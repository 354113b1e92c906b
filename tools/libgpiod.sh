#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# libgpiod 2 for the C++ tools, with its C++ bindings and its tools.
#
# A system whose pkg-config already has libgpiodcxx >= 2 (Debian 13,
# Ubuntu 24.04, Fedora...) uses its own: nothing is built, nothing is
# printed. Debian 12 has only libgpiod 1.6, whose C++ API is gone in 2.x:
# there the source of Debian 13's package (tools/debian.sh) is built once
# into the cache, in a folder named after a hash of its version and of the
# build options here, and its pkg-config folder is printed, for
# PKG_CONFIG_PATH. The UML board sees the host's root over hostfs, so the
# tools run from the cache at the same path inside the board; libtool gives
# the tools, and CMake our binaries, an rpath to its library folder.
#
# "arm64" builds it for the arm64 QEMU board instead, with the cross
# compiler and static libraries only (the board's initramfs carries no
# C++ library): the tools and our C++ binaries that link it run there from
# the same path as here, which tools/qemu/initramfs.sh keeps.
#
# usage: libgpiod.sh [arm64]    print the pkg-config folder, or nothing
set -euo pipefail
# shellcheck source=tools/uml/lib.sh
. "$(dirname "$0")/uml/lib.sh"

options=(--enable-bindings-cxx --enable-tools --disable-tests --disable-examples
	--disable-bindings-python --disable-bindings-rust --disable-bindings-glib
	--disable-dbus --disable-gpioset-interactive)
if [ "${1:-}" = arm64 ]; then
	options+=(--host=aarch64-linux-gnu --enable-static --disable-shared)
	flavour=arm64-
elif pkg-config --atleast-version=2 libgpiodcxx 2>/dev/null; then
	exit 0
else
	flavour=
fi

# A built prefix from before, for when the archive cannot be reached to
# learn the current version: the newest one.
cached_prefix() {
	local p

	p=$(find "$CACHE" -mindepth 3 -maxdepth 3 \
		-path "$CACHE/libgpiod-${flavour}[0-9]*/prefix/.complete" \
		-printf '%T@ %h\n' 2>/dev/null | sort -n | tail -n 1)
	[ -n "$p" ] && echo "${p#* }"
}

if ! src=$("$TOP/tools/debian.sh" source libgpiod); then
	prefix=$(cached_prefix) ||
		die "no libgpiod source (tools/debian.sh source libgpiod) and none built"
	log "libgpiod: the archive cannot be reached; using $prefix"
	echo "$prefix/lib/pkgconfig"
	exit 0
fi
version=$(sed -n "s/^PACKAGE_VERSION='\(.*\)'$/\1/p" "$src/configure")
[ -n "$version" ] || die "$src/configure names no version"
key=$(printf '%s\n' "$(basename "$src")" "${options[@]}" | sha256sum | cut -c1-16)
dir=$CACHE/libgpiod-$flavour$version-$key
prefix=$dir/prefix

mkdir -p "$dir"
exec 9> "$dir/.lock"
flock 9
if [ ! -f "$prefix/.complete" ]; then
	log "building libgpiod $version ${flavour:+for arm64 }with C++ bindings and tools into $prefix"
	rm -rf "$dir/build" "$prefix"
	mkdir -p "$dir/build"
	(
		cd "$dir/build"
		"$src/configure" --prefix="$prefix" "${options[@]}" > configure.log 2>&1 ||
			{ tail -n 30 configure.log; exit 1; }
		make -j"$(nproc)" > make.log 2>&1 || { tail -n 30 make.log; exit 1; }
		make install > install.log 2>&1 || { tail -n 30 install.log; exit 1; }
	) >&2 || die "building libgpiod $version failed (logs in $dir/build)"
	touch "$prefix/.complete"
	rm -rf "$dir/build"
fi
echo "$prefix/lib/pkgconfig"
