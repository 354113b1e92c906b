#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# "make lint": the checks a kernel reviewer runs first. checkpatch --strict
# on every C file, shellcheck on every script, clang-format (.clang-format)
# on the C++ tools, docutils on the docs. Needs the unpacked kernel source
# (any make check or make uml unpacks it).
set -euo pipefail
# shellcheck source=tools/uml/lib.sh
. "$(dirname "$0")/uml/lib.sh"
cd "$TOP"

fail=0
checkpatch=$(uml_src)/scripts/checkpatch.pl
[ -f "$checkpatch" ] || die "no $checkpatch: run 'make uml' first"

mapfile -t cfiles < <(git ls-files --cached --others --exclude-standard '*.c' '*.h' 2>/dev/null ||
	find drivers kunit -name '*.[ch]')
if ! perl "$checkpatch" --strict --no-tree --terse --quiet -f "${cfiles[@]}"; then
	echo "lint: checkpatch found problems" >&2
	fail=1
fi

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
