# SPDX-License-Identifier: GPL-2.0
#
# CMake toolchain of the arm64 QEMU board (tools/qemu/tools.sh): Debian's
# cross compilers, and static binaries, so that the initramfs needs no
# C++ library.
set(CMAKE_SYSTEM_NAME Linux)
set(CMAKE_SYSTEM_PROCESSOR aarch64)
set(CMAKE_C_COMPILER aarch64-linux-gnu-gcc)
set(CMAKE_CXX_COMPILER aarch64-linux-gnu-g++)
set(CMAKE_EXE_LINKER_FLAGS_INIT -static)
set(CMAKE_FIND_ROOT_PATH_MODE_PROGRAM NEVER)
