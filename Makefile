# SPDX-License-Identifier: GPL-2.0
#
# gpioclx-linux. A board user runs "make" (or "make KDIR=... ARCH=...
# CROSS_COMPILE=...") to build the modules against a kernel; the project's
# own targets build a User Mode Linux board to test them on:
#
#   make demo     boot the simulated board and show it working
#   make check    every test: KUnit and end-to-end, under lockdep and KASAN,
#                 on the oldest and the newest kernel (check-all: every one)
#   make stress   the long reliability run (load, life cycle, sleep, input)
#   make bench    our interrupt path against gpio-sim and the floor, and on
#                 the arm64 board against mainline's gpio-pl061: out/bench/
#   make install  modules_install (to extra/) and depmod; KDIR= as for make

# The kernel to build against: the running one unless told otherwise.
# KERNELRELEASE picks an installed kernel's headers; KDIR any prepared tree
# (its release is then read from it, as the kernel's own vermagic has it).
# ARCH and CROSS_COMPILE pass through to Kbuild as they are.
KDIR ?= /lib/modules/$(or $(KERNELRELEASE),$(shell uname -r))/build
KREL = $(or $(KERNELRELEASE),$(shell sed -n 's/.*UTS_RELEASE "\(.*\)"/\1/p' \
	$(KDIR)/include/generated/utsrelease.h 2>/dev/null))
INSTALL_MOD_DIR ?= extra
DEPMOD ?= /sbin/depmod

.PHONY: all modules install clean deps uml demo check check-all stress bench lint matrix dt-check shell help qemu-check qemu-acpi

all: modules

modules:
	$(MAKE) -C $(KDIR) M=$(CURDIR) modules

# modules_install skips depmod without a System.map (distro headers have
# none), so run it here. INSTALL_MOD_PATH stages the install elsewhere.
# Modules are signed only by a tree that has its signing key (a distro's
# headers do not: see README.md for Secure Boot).
install: modules
	$(MAKE) -C $(KDIR) M=$(CURDIR) INSTALL_MOD_DIR=$(INSTALL_MOD_DIR) \
		$(if $(wildcard $(KDIR)/certs/signing_key.pem),,CONFIG_MODULE_SIG_ALL=) \
		modules_install
	$(DEPMOD) -a $(if $(INSTALL_MOD_PATH),-b $(INSTALL_MOD_PATH)) $(KREL)

clean:
	$(MAKE) -C $(KDIR) M=$(CURDIR) clean 2>/dev/null || true
	rm -rf out

deps:
	tools/uml/deps.sh

# Build everything the board needs (kernel cached under ~/.cache/gpioclx).
uml:
	tools/uml/build.sh

demo:
	tools/uml/demo.sh

# A root shell inside the test board, every module loaded (a terminal is
# needed), or CMD='...' run there.
shell:
	tools/uml/shell.sh

# Every test, on the oldest and the newest kernel series; check-all boots
# every series (tools/uml/lib.sh lists them).
check:
	tools/uml/check.sh

check-all:
	GPIOCLX_ALL=1 tools/uml/check.sh

# The long reliability run; make check runs a short version of it.
stress:
	tools/uml/stress.sh

# Benchmarks on kernels without lockdep and KASAN (cached separately): the
# UML board, then the arm64 board's column (out/bench/arm64).
bench:
	tools/uml/bench.sh
	tools/qemu/bench.sh

# checkpatch, sparse, kernel-doc, dt-doc-validate, iasl, shellcheck,
# clang-format, reST; also part of make check.
lint:
	tools/lint.sh

# The modules against the distro headers and for arm64, x86_64 and UML of
# every kernel series, installed, modinfo and DKMS: what a board user does;
# also part of make check.
matrix:
	tools/matrix.sh

# The device trees and their bindings, through dtc and dt-schema; also
# part of make check.
dt-check:
	tools/uml/dtbs.sh
	tools/dt-check.sh

# The arm64 QEMU virt board: KUnit under lockdep and KASAN (tools/qemu).
qemu-check:
	tools/qemu/check.sh

# The same board booted with ACPI (UEFI firmware): the PL061 and its power
# button event, the simulated controller and its GpioInt consumers from our
# SSDT (dts/acpi, compiled into out/acpi) (tools/qemu/acpi.sh).
qemu-acpi:
	tools/qemu/acpi.sh

help:
	@sed -n '3,12p' Makefile | sed 's/^# \{0,1\}//'
