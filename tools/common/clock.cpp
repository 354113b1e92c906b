// SPDX-License-Identifier: GPL-2.0
#include "common/clock.hpp"

#include <chrono>
#include <thread>
#include <time.h>

namespace gpioclx {
namespace common {

::std::int64_t now_ns()
{
	struct timespec ts;

	::clock_gettime(CLOCK_MONOTONIC, &ts);
	return ::std::int64_t(ts.tv_sec) * 1000000000 + ts.tv_nsec;
}

void sleep_ms(double ms)
{
	::std::this_thread::sleep_for(::std::chrono::duration<double, ::std::milli>(ms));
}

} /* namespace common */
} /* namespace gpioclx */
