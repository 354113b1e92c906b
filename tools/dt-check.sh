#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# Device trees against their bindings with dt-schema, the way the kernel's
# dt_binding_check and dtbs_check do it:
#
#  - each binding in Documentation/devicetree/bindings passes dt-doc-validate,
#    and its examples compile and pass dt-validate;
#  - our bindings and dt-schema's core schemas process into one schema;
#  - each tree tools/uml/dtbs.sh built passes dt-validate, and every node
#    with a compatible has a binding (the board's own root compatible aside);
#  - in the tree make check boots, which carries the malformed nodes of the
#    probe-failure tests, dt-validate rejects each node that
#    dts/uml-malformed.dtso adds and nothing else, and accepts each node of
#    dts/uml-malformed-semantic.dtso: those are wrong only in what the
#    schemas cannot see, so the drivers alone refuse them.
#
# One line per check, "ok NAME" or "FAIL NAME" followed by the reasons,
# indented; the last line is "dt-check: N passed, N failed". Exits 1 if any
# check failed.
#
# usage: dt-check.sh    (after tools/uml/dtbs.sh; "make dt-check" runs both)
set -euo pipefail
# shellcheck source=tools/uml/lib.sh
. "$(dirname "$0")/uml/lib.sh"

command -v dt-validate >/dev/null ||
	die "dt-validate not found: run 'make deps' (Debian package dt-schema)"
src=$(uml_src "$KERNEL_OLDEST")
bindings=$TOP/Documentation/devicetree/bindings
dtbs=$OUT/dts
work=$OUT/dt-check
rm -rf "$work"
mkdir -p "$work"
schema=$work/processed-schema.json
passed=0 failed=0

# report NAME OUTPUT: the check passed if it said nothing.
report() {
	if [ -z "$2" ]; then
		echo "ok $1"
		passed=$((passed + 1))
	else
		echo "FAIL $1"
		printf '%s\n' "$2" | sed 's/^/    /'
		failed=$((failed + 1))
	fi
}

# dt-validate prints its findings and exits 0 either way. The board's root
# compatible names a board, not a device: it needs no binding.
validate() {
	dt-validate -m -s "$schema" "$1" 2>&1 |
		grep -v ': /: failed to match any schema with compatible' || true
}

# A binding's examples, compiled as the kernel's dt_binding_check does: the
# wrapper dt-extract-example puts around each example declares address
# cells that the example may not use.
check_examples() {
	local y=$1 base

	base=$work/$(basename "$y" .yaml).example
	dt-extract-example "$y" > "$base.dts" &&
		cpp -nostdinc -undef -x assembler-with-cpp -I "$src/include" \
			"$base.dts" |
		dtc_wall -Wno-avoid_unnecessary_addr_size -I dts -O dtb \
			-o "$base.dtb" - 2>&1 &&
		validate "$base.dtb"
}

# The nodes an overlay adds, by name.
overlay_nodes() {
	local frag

	for frag in $(fdtget -l "$1" / | grep '^fragment@'); do
		fdtget -l "$1" "/$frag/__overlay__"
	done
}

# dt-validate reports a property whose size does not fit its type while
# it decodes the tree, before it knows the node: "PROP: size (N) error for
# type T". attribute_sizes DTB NODE...: dt-validate's report on stdin with
# each such line turned into "FILE: NODE: ..." for the NODE that has a
# property PROP of N bytes, or left as it was if none has.
attribute_sizes() {
	local dtb=$1 line prop len node found
	shift

	while IFS= read -r line; do
		if [[ $line =~ ^([^\ :]+):\ size\ \(([0-9]+)\)\ error\ for\ type ]]; then
			prop=${BASH_REMATCH[1]} len=${BASH_REMATCH[2]} found=
			for node in "$@"; do
				[ "$(fdtget -t bx "$dtb" "/$node" "$prop" 2>/dev/null | wc -w)" = "$len" ] ||
					continue
				echo "$dtb: $node: $line"
				found=1
			done
			[ -n "$found" ] || echo "$line"
		else
			echo "$line"
		fi
	done
}

# check_malformed DTB REJECTED ACCEPTED: dt-validate names each node the
# overlay REJECTED adds at least once, none of the nodes of the overlay
# ACCEPTED, and nothing else. Errors start "FILE: NODE: "; their details
# follow on lines indented with a tab.
check_malformed() {
	local dtb=$1 out bad good node others problems=

	bad=$(overlay_nodes "$2")
	good=$(overlay_nodes "$3")
	[ -n "$bad" ] || problems+="no nodes in $2"$'\n'
	[ -n "$good" ] || problems+="no nodes in $3"$'\n'
	# shellcheck disable=SC2086 # node names are words
	out=$(dt-validate -s "$schema" "$dtb" 2>&1 | attribute_sizes "$dtb" $bad $good)
	for node in $bad; do
		grep -qF "$dtb: $node: " <<<"$out" ||
			problems+="$node: accepted, but its driver refuses it"$'\n'
	done
	for node in $good; do
		! grep -qF "$dtb: $node: " <<<"$out" ||
			problems+="$node: rejected, but the schemas are not meant to see what is wrong with it (move it to ${2##*/})"$'\n'
	done
	others=$(grep -v $'^\t' <<<"$out" |
		grep -vF -f <(sed "s|^|$dtb: |; s|$|: |" <<<"$bad"$'\n'"$good") || true)
	[ -z "$others" ] || problems+="$others"
	printf '%s' "$problems"
}

for y in $(find "$bindings" -name '*.yaml' | sort); do
	report "dt-doc-validate ${y#"$bindings"/}" \
		"$(dt-doc-validate -u "$bindings" "$y" 2>&1 || echo "(exit status $?)")"
done

report "dt-mk-schema (our bindings and dt-schema's core)" \
	"$(dt-mk-schema -j "$bindings" 2>&1 > "$schema" || echo "(exit status $?)")"

for y in $(find "$bindings" -name '*.yaml' | sort); do
	report "examples of ${y#"$bindings"/}" \
		"$(check_examples "$y" 2>&1 || echo "(exit status $?)")"
done

for dtb in "$dtbs"/*.dtb; do
	if [ "$(basename "$dtb")" = uml-board-check.dtb ]; then
		report "dt-validate rejects the nodes of uml-malformed.dtso, accepts those of uml-malformed-semantic.dtso" \
			"$(check_malformed "$dtb" "$dtbs/uml-malformed.dtbo" \
				"$dtbs/uml-malformed-semantic.dtbo")"
	else
		report "dt-validate ${dtb##*/}" "$(validate "$dtb")"
	fi
done

echo "dt-check: $passed passed, $failed failed"
[ "$failed" = 0 ]
