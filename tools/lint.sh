#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# "make lint": the checks a kernel reviewer runs first. checkpatch --strict
# on every C file, sparse (C=2) and kernel-doc on the modules, dt-doc-validate
# on the bindings, get_abi.pl on the sysfs ABI, iasl on the ACPI tables,
# every script through shellcheck, clang-format (.clang-format) on the C++
# tools, docutils on the docs. Needs the unpacked kernel source and the test
# board's kernel build (make uml or make check makes both).
set -euo pipefail
# shellcheck source=tools/uml/lib.sh
. "$(dirname "$0")/uml/lib.sh"
cd "$TOP"

fail=0
checkpatch=$(uml_src "$KERNEL_OLDEST")/scripts/checkpatch.pl
[ -f "$checkpatch" ] || die "no $checkpatch: run 'make uml' first"

# The compat header is the one file that tests LINUX_VERSION_CODE, by
# design (testing.rst, "Kernels"): only those two checks are off for it.
compat=drivers/gpio/gpio-clx-compat.h
mapfile -t cfiles < <( (git ls-files --cached --others --exclude-standard '*.c' '*.h' 2>/dev/null ||
	find drivers include kunit -name '*.[ch]') | grep -vx "$compat")
if ! perl "$checkpatch" --strict --no-tree --terse --quiet -f "${cfiles[@]}" ||
	! perl "$checkpatch" --strict --no-tree --terse --quiet \
		--ignore LINUX_VERSION_CODE,CONSTANT_COMPARISON -f "$compat"; then
	echo "lint: checkpatch found problems" >&2
	fail=1
fi
# Nothing else may test the kernel's version.
if grep -n 'LINUX_VERSION_CODE\|KERNEL_VERSION(' "${cfiles[@]}"; then
	echo "lint: a kernel version test outside $compat" >&2
	fail=1
fi

# One probe path for a device tree and ACPI: a driver tests CONFIG_ACPI
# nowhere; the stubs of what gpiolib does not hand an ACPI consumer live in
# one header.
acpi_stubs=drivers/gpio/gpio-clx-acpi.h
if grep -nE '^\s*#\s*(if|ifdef|ifndef|elif)\b.*CONFIG_(GPIO_)?ACPI\b' "${cfiles[@]}" |
	grep -v "^$acpi_stubs:"; then
	echo "lint: a CONFIG_ACPI test outside $acpi_stubs" >&2
	fail=1
fi

# sparse over every module (C=2: checked whether rebuilt or not), built
# against the test board's kernel, which also has KUnit for the suites.
kbuild=$(kernel_build debug 2>/dev/null || true)
if [ -z "$kbuild" ] || [ ! -f "$kbuild/.built" ]; then
	echo "lint: no UML kernel build for sparse: run 'make uml' first" >&2
	fail=1
else
	stage_tree "$OUT/lint/sparse"
	make -s -C "$(uml_src "$KERNEL_OLDEST")" O="$kbuild" ARCH=um M="$OUT/lint/sparse" C=2 \
		CONFIG_GPIO_CLX_BENCH=m CONFIG_GPIO_CLX_TORTURE=m modules > "$OUT/lint/sparse.log" 2>&1 ||
		echo "lint: build for sparse failed" >> "$OUT/lint/sparse.log"
	sed "s|$OUT/lint/sparse/||" "$OUT/lint/sparse.log" > "$OUT/lint/sparse.txt"
	if grep -qE 'warning|error|failed' "$OUT/lint/sparse.txt"; then
		cat "$OUT/lint/sparse.txt"
		echo "lint: sparse found problems" >&2
		fail=1
	fi
fi

# kernel-doc over every module and the client API, and every exported
# function documented.
kerneldoc=$(uml_src "$KERNEL_OLDEST")/scripts/kernel-doc
for f in drivers/*/*.[ch] include/linux/gpio/*.h; do
	if perl "$kerneldoc" -none -v "$f" 2>&1 | grep -v ' info: ' | grep .; then
		echo "lint: kernel-doc problems in $f" >&2
		fail=1
	fi
done
for f in drivers/*/*.c; do
	while read -r sym; do
		if ! grep -q "^ \* $sym() - " "$f"; then
			echo "lint: $f: exported $sym() has no kernel-doc" >&2
			fail=1
		fi
	done < <(sed -n 's/^EXPORT_SYMBOL_GPL(\(.*\));/\1/p' "$f")
done

# The bindings against dt-schema's meta-schema (make check also validates
# the trees against them: tools/dt-check.sh).
for y in Documentation/devicetree/bindings/*/*.yaml; do
	if ! dt-doc-validate -u Documentation/devicetree/bindings "$y"; then
		echo "lint: dt-doc-validate failed on $y" >&2
		fail=1
	fi
done

# The sysfs ABI entries, through the kernel's own checker (which warns on
# stdout and exits 0 either way).
abi=$(perl "$(uml_src "$KERNEL_OLDEST")/scripts/get_abi.pl" validate --dir Documentation/ABI 2>&1)
if [ -n "$abi" ]; then
	echo "$abi"
	echo "lint: get_abi.pl found problems in Documentation/ABI" >&2
	fail=1
fi

# The ACPI tables of the arm64 board, through iasl with warnings as errors
# (tools/qemu/acpi.sh builds them the same way for the boot).
mkdir -p "$OUT/lint/acpi"
for asl in dts/acpi/*.asl; do
	if ! iasl -we -vs -p "$OUT/lint/acpi/$(basename "$asl" .asl)" "$asl" \
		> "$OUT/lint/acpi/iasl.log" 2>&1; then
		cat "$OUT/lint/acpi/iasl.log"
		echo "lint: iasl found problems in $asl" >&2
		fail=1
	fi
done

mapfile -t scripts < <(git ls-files --cached --others --exclude-standard '*.sh' .ci/run 2>/dev/null)
if ! shellcheck -x "${scripts[@]}"; then
	echo "lint: shellcheck found problems" >&2
	fail=1
fi

# C++ only: the C files follow checkpatch.
mapfile -t cxxfiles < <(git ls-files --cached --others --exclude-standard \
	'tools/*.cpp' 'tools/*.hpp' 2>/dev/null || find tools -name '*.[ch]pp')
if ! clang-format --dry-run -Werror "${cxxfiles[@]}"; then
	echo "lint: clang-format found problems" >&2
	fail=1
fi

for rst in Documentation/*.rst; do
	if ! python3 - "$rst" <<'PY'
import sys
import docutils.core
import docutils.utils

class Quiet:
    def write(self, s):
        # Sphinx-only directives are fine; anything else is a real error.
        if "toctree" not in s:
            sys.stderr.write(s)
            Quiet.bad = True

Quiet.bad = False
with open(sys.argv[1]) as f:
    docutils.core.publish_doctree(
        f.read(), source_path=sys.argv[1],
        settings_overrides={"report_level": 2, "halt_level": 5,
                            "warning_stream": Quiet()})
sys.exit(1 if Quiet.bad else 0)
PY
	then
		echo "lint: $rst has reST problems" >&2
		fail=1
	fi
done

[ "$fail" = 0 ] && echo "lint: clean"
exit "$fail"
