// SPDX-License-Identifier: GPL-2.0
/*
 * The error of a command line that cannot be right: an unknown command or
 * option, a missing or malformed argument, a pin or line the chip does not
 * have. gpioclx prints its message and exits with status 2; every other
 * failure is a runtime error (status 1).
 */
#ifndef GPIOCLX_TOOL_USAGE_ERROR_HPP
#define GPIOCLX_TOOL_USAGE_ERROR_HPP

#include <stdexcept>

namespace gpioclx {
namespace tool {

class usage_error : public ::std::runtime_error {
public:
	using ::std::runtime_error::runtime_error;
};

} /* namespace tool */
} /* namespace gpioclx */

#endif /* GPIOCLX_TOOL_USAGE_ERROR_HPP */
