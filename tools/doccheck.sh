#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# The commands in README.md and Documentation/*.rst, run (part of make check)
# so the docs cannot drift from what works. Commands live in console blocks:
#
#   .. code-block:: console          ```console          (README.md)
#
#      $ make demo                   $ make demo
#      # gpiodetect                  ```
#
# "$ " lines run on the host, each block from a fresh copy of the tree as a
# reader would type them (one build folder for all blocks, so the C++ tools
# and modules build once); "# " lines run as root inside the test board.
# Other lines are sample output and are not compared. A line ending in "\"
# continues on the next. A block right after a ".. real-board" comment (in
# Markdown "<!-- real-board -->") needs a real machine (root, a board,
# Secure Boot keys): it is listed, not run. A shell command in any other
# kind of literal block is an error: it would escape the check.
#
# usage: doccheck.sh extract DIR   one script per block: DIR/host/*.sh,
#                                  DIR/board/*.sh, DIR/real-board.txt
#                                  ("make check" is this very run: it is
#                                  listed in DIR/covered.txt, not run)
#        doccheck.sh host DIR      run DIR/host/*.sh, NAME.status each
set -euo pipefail
# shellcheck source=tools/uml/lib.sh
. "$(dirname "$0")/uml/lib.sh"

docs() {
	(cd "$TOP" && ls README.md Documentation/*.rst)
}

# Print "FILE LINE KIND" then the block's command lines, one block per
# record separated by a line holding only "\f". KIND: host, board,
# real-board or bad (a command outside a console block).
blocks() {
	local f
	for f in $(docs); do
		awk -v file="$f" '
		function flush() {
			if (n) {
				if (real) kind = "real-board"
				else if (host && board) kind = "mixed"
				else if (host) kind = "host"
				else kind = "board"
				printf "%s %d %s\n%s\f\n", file, start, kind, cmds
			}
			n = 0; cmds = ""; host = board = 0; inblk = 0; cont = 0
		}
		function take(line) {
			if (cont) { cmds = cmds line "\n"; cont = line ~ /\\$/; return }
			if (line ~ /^\$ /) { host = 1 } else if (line ~ /^# /) { board = 1 }
			else return
			cmds = cmds substr(line, 3) "\n"; n++
			cont = line ~ /\\$/
		}
		# Markdown fences.
		/^```/ {
			if (inblk == 2) { flush(); next }
			if ($0 == "```console") { inblk = 2; start = NR; real = mdreal; mdreal = 0; next }
			lit = !lit; next
		}
		inblk == 2 { take($0); next }
		/^<!-- real-board -->$/ { mdreal = 1; next }
		# reST console blocks: the indented lines after the directive.
		inblk == 1 {
			if ($0 ~ /^[ \t]*$/) next
			match($0, /^[ \t]*/)
			if (RLENGTH <= indent) { flush() }
			else { sub(/^[ \t]*/, ""); take($0); next }
		}
		/^[ \t]*\.\. code-block:: console[ \t]*$/ {
			match($0, /^[ \t]*/); indent = RLENGTH
			inblk = 1; start = NR; real = rreal; rreal = 0; next
		}
		/^[ \t]*\.\. real-board[ \t]*$/ { rreal = 1; next }
		/^[ \t]*$/ { next }
		{ rreal = 0; if (!lit) mdreal = 0 }
		# Anything else that looks like a prompt or a make command.
		/^[ \t]*(\$ |# |make( |$)|sudo |gpio(mon|get|set|info|detect) |gpioclx (list|set|regs|gen|watch)|insmod |dkms |dtc )/ {
			if ((file ~ /\.rst$/ && /^[ \t]/) || (file ~ /\.md$/ && (lit || /^    /)))
				printf "%s %d bad\n%s\n\f\n", file, NR, $0
		}
		END { flush() }' "$TOP/$f"
	done
}

extract() {
	local dir=$1 rec head file line kind body key i=0 bad=0
	local -A seen=()
	rm -rf "$dir"
	mkdir -p "$dir/host" "$dir/board"
	: > "$dir/real-board.txt"
	: > "$dir/covered.txt"
	while IFS= read -r -d $'\f' rec; do
		rec=${rec#$'\n'}
		[ -n "$rec" ] || continue
		head=${rec%%$'\n'*} body=${rec#*$'\n'}
		read -r file line kind <<<"$head"
		i=$((i + 1))
		# "make check" is the run doing this: it is not started again.
		if [ "$kind" = host ] && grep -qx 'make check' <<<"$body"; then
			echo "$file:$line: make check (this run)" >> "$dir/covered.txt"
			body=$(grep -vx 'make check' <<<"$body" || true)
			[ -n "$body" ] || continue
			body+=$'\n'
		fi
		# The same commands twice (README and a page) run once.
		key="$kind $(sha1sum <<<"$body" | cut -c1-12)"
		if [ -n "${seen[$key]:-}" ]; then
			echo "$file:$line: as ${seen[$key]}" >> "$dir/covered.txt"
			continue
		fi
		seen[$key]=$file:$line
		case "$kind" in
		host | board)
			printf '# %s:%s\n%s' "$file" "$line" "$body" \
				> "$dir/$kind/$(printf '%03d' "$i")-$(basename "$file" | tr . -)-$line.sh"
			;;
		real-board)
			printf '%s:%s\n%s\n' "$file" "$line" "$body" >> "$dir/real-board.txt"
			;;
		mixed)
			echo "doccheck: $file:$line: host (\$) and board (#) commands in one block" >&2
			bad=1
			;;
		*)
			echo "doccheck: $file:$line: command outside a console block: $body" >&2
			bad=1
			;;
		esac
	done < <(blocks)
	return "$bad"
}

# Each host block runs in a fresh copy of the tree with errexit: a block
# passes when every command in it succeeds.
host() {
	local dir=$1 script name tree status
	tree=$OUT/doccheck/tree
	for script in "$dir"/host/*.sh; do
		[ -e "$script" ] || continue
		name=$(basename "$script" .sh)
		stage_tree "$tree"
		# One build folder for every block, where the docs say: out/.
		mkdir -p "$OUT/doccheck/out"
		ln -s "$OUT/doccheck/out" "$tree/out"
		log "doccheck: $(head -1 "$script" | cut -c3-)"
		status=0
		# make bench runs its whole path, with few samples.
		(cd "$tree" && unset OUT && export GPIOCLX_BENCH_QUICK=1 &&
			timeout 1800 bash -e "$script") \
			> "$dir/host/$name.log" 2>&1 || status=$?
		echo "$status" > "$dir/host/$name.status"
		if [ "$status" != 0 ]; then
			echo "doccheck: $name failed ($status):" >&2
			tail -n 15 "$dir/host/$name.log" >&2
		fi
	done
}

case "${1:-}" in
extract) extract "$2" ;;
host) host "$2" ;;
*) die "usage: doccheck.sh extract|host DIR" ;;
esac
