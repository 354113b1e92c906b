// SPDX-License-Identifier: GPL-2.0
/*
 * A gpio-clx-sim controller of the board, bound to its driver for as long
 * as the object lives. The benchmark board loads the driver without binding
 * anything: gpiolib's GPIO numbers (512 on UML's 6.1) do not fit every
 * controller at once, so each benchmark binds the one it measures. A
 * controller found bound is left bound.
 */
#ifndef GPIOCLX_BENCH_CLX_DEVICE_HPP
#define GPIOCLX_BENCH_CLX_DEVICE_HPP

#include <string>

namespace gpioclx {
namespace bench {

class clx_device {
public:
	explicit clx_device(const ::std::string &name);
	~clx_device();

	clx_device(const clx_device &) = delete;
	clx_device &operator=(const clx_device &) = delete;

	/* From the device tree: ngpios and linux,pins-per-bank. */
	static unsigned int pins(const ::std::string &name);
	static unsigned int pins_per_bank(const ::std::string &name);

	static bool bound(const ::std::string &name);
	static void bind(const ::std::string &name);
	static void unbind(const ::std::string &name);

private:
	::std::string name_;
	bool bound_here_;
};

} /* namespace bench */
} /* namespace gpioclx */

#endif /* GPIOCLX_BENCH_CLX_DEVICE_HPP */
