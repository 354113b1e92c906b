# SPDX-License-Identifier: GPL-2.0
#
# gpioclx-linux. A board user runs "make" (or "make KDIR=... ARCH=...
# CROSS_COMPILE=...") to build the modules against a kernel; the project's
# own targets build a User Mode Linux board to test them on:
#
#   make demo     boot the simulated board and show it working
#   make check    every test: KUnit and end-to-end, under lockdep and KASAN
#   make bench    our interrupt path against gpio-sim and the floor: out/bench/

KDIR ?= /lib/modules/$(shell uname -r)/build

.PHONY: all modules clean deps uml demo check bench lint help

all: modules

modules:
	$(MAKE) -C $(KDIR) M=$(CURDIR) modules

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

check:
	tools/uml/check.sh

# Benchmarks on a kernel without lockdep and KASAN (cached separately).
bench:
	tools/uml/bench.sh

# checkpatch --strict, shellcheck, clang-format, reST; also part of make check.
lint:
	tools/lint.sh

help:
	@sed -n '3,10p' Makefile | sed 's/^# \{0,1\}//'
