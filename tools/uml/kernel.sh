#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# Build a User Mode Linux kernel out of tree from Debian's source of kernel
# SERIES (6.1 from Debian 12's linux-source-6.1; newer ones from Debian 13
# through tools/debian.sh) and a committed config fragment. The build
# folder is keyed by a hash of the fragment, the series' patches and the
# source version, so a fresh clone reuses an earlier build and any change
# triggers a new one.
#
# usage: kernel.sh FRAGMENT [SERIES]   prints the build folder on stdout
#                                      when done (default series: 6.1)
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
fragment=$(realpath "$1")
series=${2:-6.1}
cache=${GPIOCLX_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/gpioclx}

log() { printf 'kernel: %s\n' "$*" >&2; }

src=$("$here/../debian.sh" kernel "$series")
version=${src##*/linux-source-}

# Our patches to the board's kernel (tools/uml/patches/SERIES), each
# applied once, also to a tree unpacked before the patch existed.
patches=("$here/patches/$series"/*.patch)
[ -e "${patches[0]}" ] || patches=()
for p in "${patches[@]}"; do
	mark=$src/.applied-$(basename "$p" .patch)
	[ -f "$mark" ] && continue
	log "applying $(basename "$p")"
	patch -d "$src" -p1 -s -N < "$p"
	touch "$mark"
done

name=$(basename "$fragment" .config)
# A series may add lines to a fragment (tools/uml/patches/SERIES/NAME.config),
# e.g. a larger kernel stack where its debug build needs one.
fragments=("$fragment")
extra=$here/patches/$series/$name.config
[ ! -f "$extra" ] || fragments+=("$extra")
key=$( (echo "$version"; cat "${fragments[@]}" ${patches[@]+"${patches[@]}"}) |
	sha256sum | cut -c1-16)
build=$cache/build-$name-$key

if [ -f "$build/.built" ]; then
	echo "$build"
	exit 0
fi

log "building UML kernel '$name' ($series) in $build (a few minutes on 2 cores)"
mkdir -p "$build"
make -s -C "$src" O="$build" ARCH=um defconfig >&2
(cd "$src" && ARCH=um scripts/kconfig/merge_config.sh -m -O "$build" \
	"$build/.config" "${fragments[@]}") >&2
make -s -C "$src" O="$build" ARCH=um olddefconfig >&2

# Every line of the fragments must have survived olddefconfig (the last
# one wins): a symbol that silently vanished would give a kernel that tests
# something else.
missing=0
while IFS= read -r line; do
	if ! grep -qx "$line" "$build/.config"; then
		log "fragment line not in final .config: $line"
		missing=1
	fi
done < <(cat "${fragments[@]}" | grep -E '^CONFIG_[A-Z0-9_]+=' | grep -v '=n$' |
	tac | awk -F= '!seen[$1]++' | tac)
[ "$missing" = 0 ] || exit 1

jobs=$(nproc)
start=$(date +%s)
make -C "$src" O="$build" ARCH=um -j"$jobs" all 2>&1 |
	grep --line-buffered -E '^  (LD|AR) |error|Error|warning: ' |
	awk '{ n++; if (n % 25 == 0 || /rror/) { print; fflush() } }' >&2
[ "${PIPESTATUS[0]}" = 0 ] || { log "kernel build failed"; exit 1; }
log "built in $(( $(date +%s) - start )) s"
touch "$build/.built"
echo "$build"
