# SPDX-License-Identifier: GPL-2.0
# shellcheck shell=bash
#
# Shared settings of the host-side scripts: where things are built and
# cached. Sourced, never run.

TOP=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
OUT=${OUT:-$TOP/out}
CACHE=${GPIOCLX_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/gpioclx}
export GPIOCLX_CACHE=$CACHE

log() { printf '== %s\n' "$*" >&2; }
die() { printf 'error: %s\n' "$*" >&2; exit 1; }

# The unpacked source (kernel.sh creates it).
uml_src() {
	local version
	version=$(dpkg-query -W -f='${Version}' linux-source-6.1)
	echo "$CACHE/linux-source-$version"
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
