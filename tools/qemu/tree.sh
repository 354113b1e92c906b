#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# The arm64 QEMU board's device tree: the one QEMU makes for the machine
# (-machine dumpdtb=), whose PL061 and GIC get the labels "pl061" and "gic"
# (QEMU's tree has no labels), with dts/qemu-arm64-sim.dtso (the UML board's
# controllers and samples on GIC SPIs), the sample overlays of
# dts/overlays/ as on the UML board, and then each OVERLAY (.dtso or .dtbo;
# relative to the top of the tree) applied by fdtoverlay.
#
# usage: tree.sh DTB [OVERLAY...]   (after tools/uml/dtbs.sh)
set -euo pipefail
# shellcheck source=tools/uml/lib.sh
. "$(dirname "$0")/../uml/lib.sh"

out=$(realpath -m "$1")
shift
# QEMU's tree is made next to the result: boards built side by side (the
# check's and the benchmark's) each have their own.
work=$(dirname "$out")
mkdir -p "$work"
"$TOP/tools/qemu/boot.sh" dumpdtb "$work/virt.dtb"
fdtput -c "$work/virt.dtb" /__symbols__
fdtput -t s "$work/virt.dtb" /__symbols__ pl061 /pl061@9030000
fdtput -t s "$work/virt.dtb" /__symbols__ gic /intc@8000000
overlays=("$OUT/dts/qemu-arm64-sim.dtbo" "$OUT/dts/overlays/gpio-clx-sample.dtbo"
	"$OUT/dts/overlays/uml-board-sample.dtbo")
i=0
for o in "$@"; do
	i=$((i + 1))
	compile_overlay "$(user_path "$o")" "$work/user-$i.dtbo"
	overlays+=("$work/user-$i.dtbo")
done
fdtoverlay -i "$work/virt.dtb" -o "$out" "${overlays[@]}" ||
	die "an overlay does not apply to the board's tree"
