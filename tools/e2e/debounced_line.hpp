// SPDX-License-Identifier: GPL-2.0
/*
 * A line requested through the GPIO character device's v2 interface with a
 * debounce period. libgpiod 1.6 speaks only the v1 interface, which has no
 * debounce, so this one request goes to the kernel directly.
 */
#ifndef GPIOCLX_E2E_DEBOUNCED_LINE_HPP
#define GPIOCLX_E2E_DEBOUNCED_LINE_HPP

#include <chrono>
#include <optional>
#include <string>

namespace gpioclx {

class debounced_line {
public:
	/* Both edges of @offset on /dev/@chip, debounced by @period_us. */
	debounced_line(const ::std::string &chip, unsigned int offset,
		       unsigned int period_us);
	~debounced_line();
	debounced_line(const debounced_line &) = delete;
	debounced_line &operator=(const debounced_line &) = delete;

	/* The next event's type (true = rising), or nothing by @timeout. */
	::std::optional<bool> next(::std::chrono::milliseconds timeout);

private:
	int fd_;
};

} /* namespace gpioclx */

#endif /* GPIOCLX_E2E_DEBOUNCED_LINE_HPP */
