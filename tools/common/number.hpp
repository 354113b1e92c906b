// SPDX-License-Identifier: GPL-2.0
/*
 * Numbers on a command line: decimal counts and durations in seconds.
 * They are checked from the text alone, so every error is a usage_error
 * that names the option or argument.
 */
#ifndef GPIOCLX_COMMON_NUMBER_HPP
#define GPIOCLX_COMMON_NUMBER_HPP

#include <chrono>
#include <cstdint>
#include <string>

namespace gpioclx {
namespace common {

/*
 * A decimal number of at most @max: digits only, no sign, spaces or base
 * prefix. Throws usage_error naming @what.
 */
::std::uint64_t parse_number(const ::std::string &text, const ::std::string &what,
			     ::std::uint64_t max);

/* Seconds with up to nine decimals ("2", "0.25"), more than zero. */
::std::chrono::nanoseconds parse_seconds(const ::std::string &text,
					 const ::std::string &what);

} /* namespace common */
} /* namespace gpioclx */

#endif /* GPIOCLX_COMMON_NUMBER_HPP */
