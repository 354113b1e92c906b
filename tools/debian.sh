#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# Packages from Debian 13 ("trixie" and "trixie-backports") for a Debian 12
# machine, without installing any of them: newer kernel sources for the
# boards and the build matrix, libgpiod 2's source for the C++ tools.
#
# apt runs on a state of its own under the cache folder: a deb822 sources
# file whose mirror is the one the system's own apt sources name (read at
# run time, so the project names no host), its package lists, its
# downloads and an empty dpkg status. Packages are fetched with
# "apt-get download" or "apt-get source --download-only" and unpacked with
# dpkg-source or dpkg -x into the cache; nothing reaches the system's dpkg.
#
# usage: debian.sh kernel SERIES   unpack linux-source-SERIES (6.1 comes
#                                  from the system's own package), print
#                                  the source folder
#        debian.sh source PACKAGE  unpack PACKAGE's source package from
#                                  trixie, print the source folder
#        debian.sh version PACKAGE print the version trixie would give
#        debian.sh mirror          print the system's Debian mirror
#                                  (tools/qemu/initramfs.sh's apt state)
set -euo pipefail

cache=${GPIOCLX_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/gpioclx}
state=$cache/apt-trixie
suites="trixie trixie-updates trixie-backports"

log() { printf 'debian: %s\n' "$*" >&2; }
die() { printf 'debian: error: %s\n' "$*" >&2; exit 1; }

# The system's Debian mirror: the first URIs (deb822) or "deb" line (one
# line style) whose suite is bookworm, trixie or a stable alias.
system_mirror() {
	local uri
	uri=$(cat /etc/apt/sources.list.d/*.sources 2>/dev/null | awk '
		/^URIs:/ { uri = $2 }
		/^Suites:/ && uri != "" && / (bookworm|trixie|stable)( |$)/ {
			print uri; exit
		}')
	[ -n "$uri" ] || uri=$(cat /etc/apt/sources.list \
		/etc/apt/sources.list.d/*.list 2>/dev/null | awk '
		$1 == "deb" && $0 !~ /security/ && / (bookworm|trixie|stable) / {
			for (i = 2; i <= NF; i++)
				if ($i ~ /^[a-z]+:\/\//) { print $i; exit }
		}')
	[ -n "$uri" ] || die "no Debian mirror in the system's apt sources"
	echo "$uri"
}

apt_opts=(
	-o "Dir::Etc::SourceList=/dev/null"
	-o "Dir::Etc::SourceParts=$state/sources.list.d"
	-o "Dir::Etc::Preferences=/dev/null"
	-o "Dir::Etc::PreferencesParts=$state/preferences.d"
	-o "Dir::State=$state"
	-o "Dir::State::Lists=$state/lists"
	-o "Dir::State::status=$state/status"
	-o "Dir::Cache=$state/cache"
	-o "APT::Sandbox::User=root"
	-o "Debug::NoLocking=1"
	-o "Acquire::Languages=none"
	-q
)

# Our apt state, its lists refreshed when older than a week (or $1=force).
apt_state() {
	local stamp=$state/lists/.updated
	mkdir -p "$state/sources.list.d" "$state/preferences.d" \
		"$state/lists/partial" "$state/cache/archives/partial"
	touch "$state/status"
	cat > "$state/sources.list.d/trixie.sources" <<EOF
Types: deb deb-src
URIs: $(system_mirror)
Suites: $suites
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg
EOF
	if [ "${1:-}" = force ] || [ -z "$(find "$stamp" -mtime -7 2>/dev/null)" ]; then
		log "updating the package lists of $suites (in $state)"
		if apt-get "${apt_opts[@]}" update >&2; then
			touch "$stamp"
		elif [ -f "$stamp" ]; then
			log "apt-get update failed: keeping the lists of $(date -r "$stamp" +%F)"
		else
			die "apt-get update failed for $suites"
		fi
	fi
}

candidate() {
	apt-cache "${apt_opts[@]}" policy "$1" |
		sed -n 's/^  Candidate: //p' | grep -v '(none)' || true
}

# The version of binary package $1, the backports taken when they have it.
version_of() {
	local v
	apt_state
	v=$(candidate "$1")
	if [ -z "$v" ]; then
		apt_state force
		v=$(candidate "$1")
	fi
	[ -n "$v" ] || die "no package $1 in $suites"
	echo "$v"
}

# Download binary package $1 version $2 into $3 (a folder), retrying once
# with fresh lists when the mirror has moved on.
download() {
	(cd "$3" && apt-get "${apt_opts[@]}" download "$1=$2" >&2) && return 0
	apt_state force
	(cd "$3" && apt-get "${apt_opts[@]}" download "$1=$2" >&2)
}

kernel() {
	local series=$1 pkg=linux-source-$1 version src tmp tarball
	if [ "$series" = 6.1 ]; then
		# Debian 12's own kernel: installed by "make deps".
		tarball=/usr/src/linux-source-6.1.tar.xz
		[ -r "$tarball" ] || die "missing $tarball: run 'make deps'"
		version=$(dpkg-query -W -f='${Version}' linux-source-6.1)
	else
		version=$(version_of "$pkg")
	fi
	src=$cache/linux-source-$version
	if [ ! -f "$src/.unpacked" ]; then
		tmp=$(mktemp -d "$cache/.unpack.XXXXXX")
		if [ "$series" != 6.1 ]; then
			log "downloading $pkg $version"
			download "$pkg" "$version" "$tmp" || die "cannot download $pkg"
			dpkg -x "$tmp"/"$pkg"_*.deb "$tmp/deb"
			tarball=$(find "$tmp/deb/usr/src" -name 'linux-source-*.tar.*' | head -n 1)
			[ -n "$tarball" ] || die "$pkg holds no source tarball"
		fi
		log "unpacking $pkg $version into $src"
		rm -rf "$src"
		mkdir -p "$tmp/src"
		tar -xf "$tarball" -C "$tmp/src" --strip-components=1
		touch "$tmp/src/.unpacked"
		mv "$tmp/src" "$src"
		rm -rf "$tmp"
	fi
	echo "$src"
}

# A source package from trixie, unpacked with its Debian patches applied.
# A point release's .dsc may be missing from the mirror; then the upstream
# tarball of that version is unpacked alone.
source_pkg() {
	local pkg=$1 version upstream src tmp orig
	apt_state
	version=$(apt-cache "${apt_opts[@]}" showsrc "$pkg" |
		sed -n 's/^Version: //p' | sort -V | tail -n 1)
	[ -n "$version" ] || die "no source package $pkg in $suites"
	src=$cache/$pkg-$version
	if [ ! -f "$src/.unpacked" ]; then
		tmp=$(mktemp -d "$cache/.unpack.XXXXXX")
		log "downloading the source of $pkg $version"
		upstream=${version#*:}
		upstream=${upstream%-*}
		if (cd "$tmp" && apt-get "${apt_opts[@]}" source --download-only \
			"$pkg=$version" >&2) && ls "$tmp"/*.dsc >/dev/null 2>&1; then
			dpkg-source -x "$tmp"/*.dsc "$tmp/src" >&2
		else
			orig=$(find "$tmp" -name "${pkg}_${upstream}.orig.tar.*" | head -n 1)
			[ -n "$orig" ] || die "cannot download the source of $pkg $version"
			mkdir -p "$tmp/src"
			tar -xf "$orig" -C "$tmp/src" --strip-components=1
		fi
		touch "$tmp/src/.unpacked"
		rm -rf "$src"
		mv "$tmp/src" "$src"
		rm -rf "$tmp"
	fi
	echo "$src"
}

mkdir -p "$cache"
# One fetch at a time (two builds may want the same source at once).
exec 9>"$cache/.debian.lock"
flock 9
case "${1:-}" in
kernel) kernel "${2:?series}" ;;
source) source_pkg "${2:?package}" ;;
version) version_of "${2:?package}" ;;
mirror) system_mirror ;;
*) die "usage: debian.sh kernel SERIES | source PACKAGE | version PACKAGE | mirror" ;;
esac
