#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# Install the Debian packages the build and the tests need, and those given
# as arguments. Idempotent: does nothing when everything is there.
set -euo pipefail

pkgs=(
	linux-source-6.1 build-essential flex bison bc libelf-dev libssl-dev
	device-tree-compiler gpiod googletest libgtest-dev cmake pkg-config
	xz-utils python3 kmod rsync jq shellcheck python3-docutils
	linux-headers-amd64 gcc-aarch64-linux-gnu g++-aarch64-linux-gnu dkms sparse file
	dt-schema clang-format qemu-system-arm qemu-efi-aarch64 acpica-tools
)
# Packages only some commands need, from the caller (make bench: gnuplot-nox).
pkgs+=("$@")

missing=()
for p in "${pkgs[@]}"; do
	dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'ok installed' ||
		missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0

echo "== installing: ${missing[*]}" >&2
if [ "$(id -u)" != 0 ]; then
	echo "error: run 'make deps' as root (apt-get) or install: ${missing[*]}" >&2
	exit 1
fi
export DEBIAN_FRONTEND=noninteractive
apt-get update -q >&2
apt-get install -y -q --no-install-recommends "${missing[@]}" >&2
