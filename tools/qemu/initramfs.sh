#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# The initramfs of the arm64 QEMU board: busybox, glibc and libgpiod's
# tools from Debian 12's arm64 packages, our modules built for the board's
# kernel, the kernel's own modules, tools/qemu/guest/init.sh as /init and
# our guest programs (tools/qemu/guest/*.cpp, cross-built).
#
# The packages come through apt state of the project's own under the cache
# (an apt configuration file for arm64, a deb822 sources file for bookworm
# whose mirror is read at run time from the system's apt sources by
# tools/debian.sh, its package lists, refreshed weekly, and an empty dpkg
# status); they are fetched with "apt-get download", kept in the cache and
# unpacked with dpkg -x. Nothing reaches the system's dpkg. The archive is
# written by the kernel's own gen_init_cpio, so no file needs to be owned
# by root or be a device node on this machine.
#
# usage: initramfs.sh KERNEL_BUILD CPIO   (KERNEL_BUILD: tools/qemu/kernel.sh)
set -euo pipefail
# shellcheck source=tools/uml/lib.sh
. "$(dirname "$0")/../uml/lib.sh"

kbuild=$1 cpio=$2
src=$(readlink -f "$kbuild/source")
# Everything is built next to the archive: the check and the benchmark
# boards have kernels of their own.
work=$(dirname "$(realpath -m "$cpio")")
state=$CACHE/apt-bookworm-arm64
debs=$CACHE/debs-bookworm-arm64
# What the guest runs: busybox, and gpiodetect/gpioinfo/gpiomon with the
# libraries they link (checked below).
packages=(busybox-static libc6 libgcc-s1 gpiod libgpiod2)

# ---- our modules, from a copy of the tree (as tools/uml/build.sh does) --

build_modules() {
	local mdir=$work/modules

	stage_tree "$work/tree"
	log "building our modules for arm64 ($(cat "$kbuild/include/config/kernel.release"))"
	# Warnings are errors here, as for every other kernel.
	nice -n 19 make -s -C "$src" O="$kbuild" ARCH=arm64 \
		CROSS_COMPILE=aarch64-linux-gnu- M="$work/tree" W=1 KCFLAGS=-Werror \
		CONFIG_GPIO_CLX_BENCH=m CONFIG_GPIO_CLX_TORTURE=m -j2 modules >&2
	rm -rf "$mdir"
	mkdir -p "$mdir"
	(cd "$work/tree" && find . -name '*.ko' -print0 |
		xargs -0 cp --parents -t "$mdir")
}

# ---- Debian 12 arm64 packages --------------------------------------------

# apt on our state: every path under $state, arm64 only. The mirror is in
# the sources file only, which lives in the cache.
apt_config() {
	mkdir -p "$state/sources.list.d" "$state/preferences.d" \
		"$state/lists/partial" "$state/cache/archives/partial" "$debs"
	touch "$state/status"
	cat > "$state/apt.conf" <<CONF
Dir::Etc::SourceList "/dev/null";
Dir::Etc::SourceParts "$state/sources.list.d";
Dir::Etc::Preferences "/dev/null";
Dir::Etc::PreferencesParts "$state/preferences.d";
Dir::State "$state";
Dir::State::Lists "$state/lists";
Dir::State::status "$state/status";
Dir::Cache "$state/cache";
APT::Architecture "arm64";
APT::Architectures { "arm64"; };
APT::Sandbox::User "root";
Debug::NoLocking "1";
Acquire::Languages "none";
CONF
	cat > "$state/sources.list.d/bookworm.sources" <<SOURCES
Types: deb
URIs: $("$TOP/tools/debian.sh" mirror)
Suites: bookworm bookworm-updates
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg
SOURCES
}

# apt-get or apt-cache on our state; their messages name the mirror, which
# is kept out of every log.
apt_run() {
	local status

	APT_CONFIG=$state/apt.conf "$@" 2>&1 | sed -E 's|[a-z]+://[^ ]*|<mirror>|g'
	status=${PIPESTATUS[0]}
	return "$status"
}

# The package lists, refreshed when older than a week (or $1=force).
apt_lists() {
	local stamp=$state/lists/.updated

	[ "${1:-}" = force ] || [ -z "$(find "$stamp" -mtime -7 2>/dev/null)" ] ||
		return 0
	log "updating the arm64 package lists of bookworm (in $state)"
	if apt_run apt-get -q update >&2; then
		touch "$stamp"
	elif [ -f "$stamp" ]; then
		log "apt-get update failed: keeping the lists of $(date -r "$stamp" +%F)"
	else
		die "apt-get update failed for bookworm arm64"
	fi
}

# The candidate version of package $1.
candidate() {
	local version

	version=$(apt_run apt-cache policy "$1" | sed -n 's/^  Candidate: //p')
	if [ -z "$version" ] || [ "$version" = '(none)' ]; then
		die "no arm64 package $1 in bookworm"
	fi
	echo "$version"
}

# The .deb of package $1's candidate version, from the cache or downloaded
# into it; once more with fresh lists when the mirror has moved on.
deb_of() {
	local pkg=$1 version file try

	for try in cached fresh; do
		[ "$try" = cached ] || apt_lists force
		version=$(candidate "$pkg")
		file=$debs/${pkg}_${version//:/%3a}_arm64.deb
		[ -f "$file" ] && echo "$file" && return 0
		log "downloading $pkg $version (arm64)"
		(cd "$debs" && apt_run apt-get -q download "$pkg:arm64=$version" >&2) &&
			[ -f "$file" ] && echo "$file" && return 0
	done
	die "cannot download $pkg (arm64)"
}

# ---- the root file system -------------------------------------------------

# Every shared library an arm64 ELF file in the root's bin folders (and
# in each further DIR) needs must be in the root: a missing package shows
# here, not as a guest that cannot run.
check_libraries() {	# ROOT [DIR...]
	local root=$1 f lib missing=0
	shift

	while read -r f; do
		for lib in $(aarch64-linux-gnu-readelf -d "$f" 2>/dev/null |
			sed -n 's/.*(NEEDED).*\[\(.*\)\]/\1/p'); do
			[ -e "$root/lib/aarch64-linux-gnu/$lib" ] ||
				[ -e "$root/usr/lib/aarch64-linux-gnu/$lib" ] || {
				echo "error: ${f#"$root"} needs $lib, which no package gave" >&2
				missing=1
			}
		done
	done < <(find "$root/bin" "$root/usr/bin" "$@" -type f)
	return "$missing"
}

make_root() {
	local root=$work/root pkg deb ko

	rm -rf "$root"
	mkdir -p "$root"
	for pkg in "${packages[@]}"; do
		deb=$(deb_of "$pkg")
		dpkg -x "$deb" "$root"
	done
	# Documentation, locales and charset converters: nothing runs them.
	rm -rf "${root:?}/usr/share" "$root/usr/lib/aarch64-linux-gnu/gconv"

	# busybox --install links its applets into all four bin folders.
	mkdir -p "$root/dev" "$root/proc" "$root/sys" "$root/tmp" \
		"$root/sbin" "$root/usr/sbin" \
		"$root/lib/modules/gpioclx" "$root/lib/modules/kernel"
	cp -r "$work/modules/." "$root/lib/modules/gpioclx/"
	# The kernel's own modules (gpio-pl061, gpio-sim, gpio_keys), flat.
	while read -r ko; do
		cp "$ko" "$root/lib/modules/kernel/"
	done < <(find "$kbuild" -name '*.ko')
	install -m 0755 "$TOP/tools/qemu/guest/init.sh" "$root/init"
	# Our own guest program, static: it needs no library from the packages.
	aarch64-linux-gnu-g++ -std=c++17 -O2 -Wall -Wextra -Werror -static \
		-o "$root/bin/evkey" "$TOP/tools/qemu/guest/evkey.cpp"
	# The C++ tools (static, in /opt/gpioclx) and libgpiod 2's tools, at
	# the path the tools were built to find them (tools/qemu/tools.sh).
	# Their debugging information stays in the cache.
	mapfile -t tools < <("$TOP/tools/qemu/tools.sh")
	mkdir -p "$root/opt/gpioclx" "$root${tools[1]}"
	for f in "${tools[0]}"/*; do
		aarch64-linux-gnu-strip -o "$root/opt/gpioclx/${f##*/}" "$f"
	done
	for f in "${tools[1]}"/*; do
		aarch64-linux-gnu-strip -o "$root${tools[1]}/${f##*/}" "$f"
	done
	check_libraries "$root" "$root/opt" "$root${tools[1]}"
}

# gen_init_cpio's list of the root: the console node first (the kernel
# opens it for init before anything is mounted), then every entry, parents
# before their contents, all owned by root.
cpio_list() {
	local root=$1

	echo "dir /dev 0755 0 0"
	echo "nod /dev/console 0600 0 0 c 5 1"
	find "$root" -mindepth 1 ! -path "$root/dev" \
		\( -type d -printf 'dir /%P %m 0 0\n' \) -o \
		\( -type f -printf "file /%P $root/%P %m 0 0\n" \) -o \
		\( -type l -printf 'slink /%P %l 777 0 0\n' \)
}

mkdir -p "$work"
build_modules
apt_config
apt_lists
make_root
gcc -O2 -o "$work/gen_init_cpio" "$src/usr/gen_init_cpio.c"
cpio_list "$work/root" > "$work/initramfs.list"
"$work/gen_init_cpio" "$work/initramfs.list" > "$cpio"
log "initramfs: $cpio ($(du -h "$cpio" | cut -f1))"
