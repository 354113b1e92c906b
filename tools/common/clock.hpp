// SPDX-License-Identifier: GPL-2.0
/*
 * Time as the tools measure and wait: the monotonic clock of the GPIO event
 * timestamps, and sleeping.
 */
#ifndef GPIOCLX_COMMON_CLOCK_HPP
#define GPIOCLX_COMMON_CLOCK_HPP

#include <cstdint>

namespace gpioclx {
namespace common {

/* CLOCK_MONOTONIC in nanoseconds: the clock of the GPIO event timestamps. */
::std::int64_t now_ns();

void sleep_ms(double ms);

} /* namespace common */
} /* namespace gpioclx */

#endif /* GPIOCLX_COMMON_CLOCK_HPP */
