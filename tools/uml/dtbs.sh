#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# Build the device trees into OUT/dts: each dts/*.dts as a base tree (with
# -@, so that overlays can refer to its labels), each overlay, and the
# trees the board boots, merged with fdtoverlay. Every dtc check is on and
# any warning is an error. The overlays in dts/overlays/ are compiled by dtc
# alone, as on a real board; the rest go through cpp for the kernel's
# dt-bindings headers. Prints nothing on stdout.
#
# usage: dtbs.sh    (needs the unpacked kernel source: make uml)
set -euo pipefail
# shellcheck source=tools/uml/lib.sh
. "$(dirname "$0")/lib.sh"

src=$(uml_src "$KERNEL_OLDEST")
[ -d "$src/include/dt-bindings" ] || die "no $src: run 'make uml' first"
dst=$OUT/dts
rm -rf "$dst"
mkdir -p "$dst/overlays"

# dtc_strict NAME DTC_ARGS...: dtc with every check on, for the tree NAME;
# any warning fails. dtc 1.6.1 holds nodes that it makes itself against its
# strict name checks: the __overlay__ of each overlay fragment, and
# __symbols__ with the labels in it once read back from a dtb. Those
# messages go, no others.
dtc_strict() {
	local name=$1 log=$dst/$1.log
	shift

	if ! dtc_wall "$@" 2> "$log"; then
		cat "$log" >&2
		die "dtc failed on $name"
	fi
	sed -i -e "/\/fragment@[0-9]*\/__overlay__: Character '_' not recommended in node name/d" \
		-e "/\/__symbols__\(:[^:]*\)\?: Character '_' not recommended in \(node\|property\) name/d" \
		"$log"
	if [ -s "$log" ]; then
		cat "$log" >&2
		die "dtc warnings in $name: the board must be described exactly"
	fi
	rm -f "$log"
}

# dt_cpp NAME SOURCE: compile SOURCE through cpp into OUT/dts/NAME.
dt_cpp() {
	cpp -nostdinc -undef -x assembler-with-cpp -I "$src/include" \
		-I "$TOP/dts" "$2" |
		dtc_strict "$1" -@ -I dts -O dtb -o "$dst/$1" -
}

# dt_merge NAME BASE OVERLAY...: apply the overlays with fdtoverlay, which
# checks nothing itself, then check the result: a specifier of the wrong
# size in an overlay only shows once its phandle resolves.
dt_merge() {
	local name=$1 base=$2
	shift 2

	fdtoverlay -i "$dst/$base" -o "$dst/$name" "${@/#/$dst/}"
	dtc_strict "$name" -I dtb -O dtb -o /dev/null "$dst/$name"
}

for dts in "$TOP"/dts/*.dts; do
	dt_cpp "$(basename "$dts" .dts).dtb" "$dts"
done
for dtso in "$TOP"/dts/*.dtso; do
	dt_cpp "$(basename "$dtso" .dtso).dtbo" "$dtso"
done
for dtso in "$TOP"/dts/overlays/*.dtso; do
	name=overlays/$(basename "$dtso" .dtso).dtbo
	dtc_strict "$name" -@ -I dts -O dtb -o "$dst/$name" "$dtso"
done

# The test board with the sample overlays is the board as documented;
# make check boots it with the malformed nodes of the probe-failure tests
# on top, which live in overlays of their own so that everything else
# validates (tools/dt-check.sh): those the bindings reject, and those only
# the drivers can.
dt_merge uml-board-overlays.dtb uml-board.dtb \
	overlays/gpio-clx-sample.dtbo overlays/uml-board-sample.dtbo
dt_merge uml-board-check.dtb uml-board-overlays.dtb uml-malformed.dtbo \
	uml-malformed-semantic.dtbo
