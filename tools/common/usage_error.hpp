// SPDX-License-Identifier: GPL-2.0
/*
 * The error of a command line that cannot be right, whatever the system it
 * runs on: an unknown command or option, a missing or malformed argument.
 * Only what is decided from the arguments alone is a usage error; what
 * needs the kernel to be found wrong (no such chip, a pin beyond a chip's
 * lines, a refused write) is a runtime error. The tools print a usage
 * error with a pointer to their help and exit with status 2; every other
 * failure exits with status 1.
 */
#ifndef GPIOCLX_COMMON_USAGE_ERROR_HPP
#define GPIOCLX_COMMON_USAGE_ERROR_HPP

#include <stdexcept>

namespace gpioclx {
namespace common {

class usage_error : public ::std::invalid_argument {
public:
	using ::std::invalid_argument::invalid_argument;
};

} /* namespace common */
} /* namespace gpioclx */

#endif /* GPIOCLX_COMMON_USAGE_ERROR_HPP */
