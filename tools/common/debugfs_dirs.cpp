// SPDX-License-Identifier: GPL-2.0
#include "common/debugfs_dirs.hpp"

namespace gpioclx {
namespace common {

const char clx_root[] = "/sys/kernel/debug/gpio-clx";
const char sim_root[] = "/sys/kernel/debug/gpio-clx-sim";

::std::string sim_file(const ::std::string &device, const ::std::string &file)
{
	return ::std::string(sim_root) + "/" + device + "/" + file;
}

} /* namespace common */
} /* namespace gpioclx */
