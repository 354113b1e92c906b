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
#   ARCH-SERIES  make KDIR=<ARCH defconfig + tools/matrix.config +
#            modules_prepare> ARCH=ARCH [CROSS_COMPILE=aarch64-linux-gnu-]
#            for arm64, x86_64 and um and every kernel series of
#            tools/uml/lib.sh (the trees are cached), W=1, no warnings
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

# ---- every kernel series, every architecture ---------------------------

# prepared_tree ARCH SERIES: ARCH's defconfig of kernel SERIES with
# tools/matrix.config on top, prepared for external modules and cached like
# the UML kernels (keyed by the source version, the fragment and the
# compiler).
prepared_tree() {
	local arch=$1 series=$2 src version key tree
	local args=(ARCH="$arch")

	[ "$arch" = arm64 ] && args+=(CROSS_COMPILE=aarch64-linux-gnu-)
	src=$(uml_src "$series") || return 1
	version=${src##*/linux-source-}
	key=$( (echo "$version $arch defconfig modules_prepare"
		cat "$TOP/tools/matrix.config"
		if [ "$arch" = arm64 ]; then
			aarch64-linux-gnu-gcc --version | head -n 1
		else
			gcc --version | head -n 1
		fi) | sha256sum | cut -c1-16)
	tree=$CACHE/prep-$arch-$key
	if [ ! -f "$tree/.prepared" ]; then
		rm -rf "$tree"
		mkdir -p "$tree"
		make -s -C "$src" O="$tree" "${args[@]}" defconfig >&2 &&
			(cd "$src" && scripts/kconfig/merge_config.sh -m -O "$tree" \
				"$tree/.config" "$TOP/tools/matrix.config" >/dev/null) &&
			make -s -C "$src" O="$tree" "${args[@]}" olddefconfig >&2 &&
			make -s -C "$src" O="$tree" "${args[@]}" -j"$(nproc)" \
				modules_prepare >&2 || return 1
		touch "$tree/.prepared"
	fi
	echo "$tree"
}

# series_build ARCH SERIES: a warning-free W=1 build of every module
# (the KUnit suites too, where the tree has KUnit) for ARCH against SERIES.
series_build() {
	local arch=$1 series=$2 tree rel m dir=$work/$1-$2 kind
	local args=(ARCH="$arch")

	[ "$arch" = arm64 ] && args+=(CROSS_COMPILE=aarch64-linux-gnu-)
	tree=$(prepared_tree "$arch" "$series") || return 1
	rel=$(kernel_release "$tree")
	stage_tree "$dir"
	# modules_prepare makes no Module.symvers, so modpost cannot resolve
	# the kernel's own symbols: only those warnings are expected (newer
	# kernels make them errors unless told otherwise).
	build "$dir" "$dir.log" \
		'modpost: .* undefined!|modpost: suppressed .* unresolved|Symbol info of vmlinux is missing|You may get many unresolved symbol|Module.symvers is missing|set KBUILD_MODPOST_WARN=1 to turn errors' \
		KDIR="$tree" "${args[@]}" KBUILD_MODPOST_WARN=1 \
		CONFIG_GPIO_CLX_BENCH=m \
		CONFIG_GPIO_CLX_TORTURE=m &&
		have_modules "$dir" || return 1
	case $arch in
	arm64) kind='ARM aarch64' ;;
	um | x86_64) kind='x86-64' ;;
	esac
	for m in "${modules[@]}" drivers/misc/gpio-clx-bench.ko \
		drivers/misc/gpio-clx-torture.ko kunit/gpio-clx-test.ko; do
		file "$dir/$m" | grep -q "$kind" ||
			{ echo "$m is not an $arch object"; return 1; }
		modinfo -F vermagic "$dir/$m" | grep -q "^$rel " ||
			{ echo "$m vermagic is not $rel"; return 1; }
	done
	echo "$arch modules for $rel"
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
# Debian 12's amd64 headers and the UML board kernels (tools/uml/build.sh)
# are built against elsewhere; here every other pair.
for series in "${KERNELS[@]}"; do
	for arch in arm64 x86_64 um; do
		case $arch-$series in x86_64-"$KERNEL_OLDEST") continue ;; esac
		run "$arch-$series" series_build "$arch" "$series"
	done
done
run dkms dkms_build
exit "$fail"
