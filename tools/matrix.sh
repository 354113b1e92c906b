#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# "make matrix" (and part of make check): build, install and package the
# modules the way a board user does, each from a fresh copy of the tree and
# only through the top-level Makefile and dkms.conf:
#
#   distro   make KERNELRELEASE=<Debian's linux-headers-amd64 release>
#            (KDIR follows from /lib/modules/<release>/build)
#   install  make KDIR=<those headers> INSTALL_MOD_PATH=<stage> install:
#            extra/ and depmod, the release read from KDIR
#   modalias modinfo and modules.alias carry an of: alias per compatible
#   arm64    make KDIR=<arm64 defconfig + modules_prepare> ARCH=arm64
#            CROSS_COMPILE=aarch64-linux-gnu- (the tree is cached)
#   dkms     dkms add + dkms build against the distro headers
#
# Nothing touches the machine's own /lib/modules or /var/lib/dkms: installs
# go to a stage and DKMS uses its own trees under out/.
#
# usage: matrix.sh [RESULTS]   one NAME.status and NAME.log per check in
#                              RESULTS (default out/results/matrix)

# The checks are functions that run() calls by name.
# shellcheck disable=SC2317
set -uo pipefail
# shellcheck source=tools/uml/lib.sh
. "$(dirname "$0")/uml/lib.sh"

results=${1:-$OUT/results/matrix}
work=$OUT/matrix
mkdir -p "$results"
rm -f "$results"/*.status
fail=0

# run NAME CMD...: one check; its output goes to NAME.log.
run() {
	local name=$1 status
	shift
	log "matrix: $name"
	"$@" > "$results/$name.log" 2>&1
	status=$?
	echo "$status" > "$results/$name.status"
	if [ "$status" != 0 ]; then
		echo "matrix: $name FAILED; last lines of $results/$name.log:" >&2
		tail -n 15 "$results/$name.log" >&2
		fail=1
	fi
}

# Compiler or modpost output that is neither progress nor expected.
warnings() {
	grep -E 'warning|error|Error' "$1" |
		grep -vE "$2" || true
}

# build TREE LOG IGNORE MAKEARGS...: a warning-free build from TREE.
build() {
	local tree=$1 out=$2 ignore=$3
	shift 3
	make -C "$tree" W=1 KCFLAGS=-Werror "$@" modules > "$out" 2>&1 || {
		cat "$out"
		return 1
	}
	cat "$out"
	local bad
	bad=$(warnings "$out" "$ignore")
	[ -z "$bad" ] || { echo "unexpected warnings:"; echo "$bad"; return 1; }
}

# The modules every build must produce (the bench module only on request).
modules=(drivers/gpio/gpio-clx.ko drivers/gpio/gpio-clx-sim.ko
	drivers/irqchip/irq-clx-sim-intc.ko drivers/misc/gpio-clx-sample.ko)

have_modules() {
	local tree=$1 m
	for m in "${modules[@]}"; do
		[ -f "$tree/$m" ] || { echo "missing $m"; return 1; }
	done
}

# The compatibles our of_device_id tables declare, from the source.
compatibles() {
	grep -ho '\.compatible = "[^"]*"' "$TOP"/drivers/*/*.c |
		sed 's/.*"\(.*\)"/\1/' | sort -u
}

# The release a tree's modules are built for (its vermagic), which is what
# /lib/modules is keyed by; Debian's headers differ from kernel.release.
kernel_release() {
	sed -n 's/.*UTS_RELEASE "\(.*\)"/\1/p' "$1/include/generated/utsrelease.h"
}

# ---- distro headers ---------------------------------------------------

distro_build() {
	stage_tree "$work/distro"
	build "$work/distro" "$work/distro.log" 'Skipping BTF generation' \
		KERNELRELEASE="$krel" &&
		have_modules "$work/distro"
}

distro_install() {
	local stage=$work/stage dir m
	rm -rf "$stage"
	make -C "$work/distro" KDIR="$kdir" \
		INSTALL_MOD_PATH="$stage" install || return 1
	dir=$stage/lib/modules/$krel
	for m in "${modules[@]}"; do
		[ -f "$dir/extra/$m" ] || { echo "not installed: extra/$m"; return 1; }
	done
	grep -q '^extra/drivers/gpio/gpio-clx-sim.ko: extra/drivers/gpio/gpio-clx.ko$' \
		"$dir/modules.dep" || {
		echo "modules.dep lacks gpio-clx-sim -> gpio-clx:"
		cat "$dir/modules.dep"
		return 1
	}
	echo "installed under $dir/extra; modules.dep:"
	cat "$dir/modules.dep"
}

# Autoload from device tree: udev loads "of:N<name>T<type>C<compatible>"
# modaliases, which depmod takes from each module's alias= tags.
distro_modalias() {
	local alias=$work/stage/lib/modules/$krel/modules.alias c found=0
	[ -f "$alias" ] || { echo "no $alias (install failed)"; return 1; }
	for c in $(compatibles); do
		found=$((found + 1))
		if ! grep -qF "alias of:N*T*C$c " "$alias"; then
			echo "no of: alias for $c in modules.alias"
			return 1
		fi
		grep -F "C$c " "$alias"
	done
	[ "$found" -ge 3 ] || { echo "only $found compatibles found"; return 1; }
	modinfo -F alias "$work/distro/drivers/gpio/gpio-clx-sim.ko" |
		grep -qx 'of:N\*T\*Clinux,gpio-clx-sim' || {
		echo "modinfo shows no of: alias on gpio-clx-sim.ko"
		return 1
	}
}

# ---- arm64 cross build ----------------------------------------------------

# An arm64 defconfig tree of the same source, prepared for external modules
# and cached like the UML kernel (keyed by source version and compiler).
arm64_tree() {
	local src version key tree
	src=$(uml_src)
	version=$(dpkg-query -W -f='${Version}' linux-source-6.1)
	key=$( (echo "$version arm64 defconfig modules_prepare"
		aarch64-linux-gnu-gcc --version | head -1) | sha256sum | cut -c1-16)
	tree=$CACHE/build-arm64-$key
	if [ ! -f "$tree/.prepared" ]; then
		rm -rf "$tree"
		mkdir -p "$tree"
		make -s -C "$src" O="$tree" ARCH=arm64 \
			CROSS_COMPILE=aarch64-linux-gnu- defconfig >&2 &&
			make -s -C "$src" O="$tree" ARCH=arm64 \
				CROSS_COMPILE=aarch64-linux-gnu- -j"$(nproc)" \
				modules_prepare >&2 || return 1
		touch "$tree/.prepared"
	fi
	echo "$tree"
}

arm64_build() {
	local tree rel m
	tree=$(arm64_tree) || return 1
	rel=$(kernel_release "$tree")
	stage_tree "$work/arm64"
	# modules_prepare makes no Module.symvers, so modpost cannot resolve
	# the kernel's own symbols: only those warnings are expected.
	build "$work/arm64" "$work/arm64.log" \
		'modpost: .* undefined!|modpost: suppressed .* unresolved|Symbol info of vmlinux is missing|You may get many unresolved symbol' \
		KDIR="$tree" ARCH=arm64 CROSS_COMPILE=aarch64-linux-gnu- &&
		have_modules "$work/arm64" || return 1
	for m in "${modules[@]}"; do
		file "$work/arm64/$m" | grep -q 'ARM aarch64' ||
			{ echo "$m is not an arm64 object"; return 1; }
		modinfo -F vermagic "$work/arm64/$m" | grep -q "^$rel " ||
			{ echo "$m vermagic is not $rel"; return 1; }
	done
	echo "arm64 modules for $rel"
}

# ---- DKMS -----------------------------------------------------------------

dkms_build() {
	local version src tree
	version=$(sed -n 's/^PACKAGE_VERSION="\(.*\)"/\1/p' "$TOP/dkms.conf")
	src=$work/dkms-src tree=$work/dkms-tree
	rm -rf "$src" "$tree"
	stage_tree "$src/gpio-clx-$version"
	mkdir -p "$tree"
	dkms add -m gpio-clx -v "$version" --sourcetree "$src" \
		--dkmstree "$tree" || return 1
	if ! dkms build -m gpio-clx -v "$version" -k "$krel" \
		--sourcetree "$src" --dkmstree "$tree" --kernelsourcedir "$kdir"; then
		cat "$tree/gpio-clx/$version/build/make.log" 2>/dev/null
		return 1
	fi
	dkms status -m gpio-clx --dkmstree "$tree" | tee /dev/stderr |
		grep -q "gpio-clx/$version, $krel, x86_64: built" || return 1
	[ "$(find "$tree/gpio-clx/$version/$krel" -name '*.ko*' | wc -l)" = \
		"${#modules[@]}" ] || { echo "dkms built the wrong modules"; return 1; }
}

kdir=$(distro_headers) || die "no distro headers: install linux-headers-amd64 ('make deps')"
krel=$(kernel_release "$kdir")
mkdir -p "$work"

run distro distro_build
run install distro_install
run modalias distro_modalias
run arm64 arm64_build
run dkms dkms_build
exit "$fail"
