// SPDX-License-Identifier: GPL-2.0
#include "common/debugfs_dirs.hpp"

#include <sstream>
#include <stdexcept>

#include "common/file.hpp"
#include "common/text.hpp"

namespace gpioclx {
namespace common {

const char clx_root[] = "/sys/kernel/debug/gpio-clx";
const char sim_root[] = "/sys/kernel/debug/gpio-clx-sim";

::std::string sim_file(const ::std::string &device, const ::std::string &file)
{
	return ::std::string(sim_root) + "/" + device + "/" + file;
}

::std::uint64_t sim_coalesced(const ::std::string &device, unsigned int pin)
{
	auto path = sim_file(device, "coalesced");
	::std::istringstream in(read_file(path));
	unsigned int p;
	::std::uint64_t count;

	while (in >> p >> count)
		if (p == pin)
			return count;
	throw ::std::runtime_error(path + ": no count for pin " + ::std::to_string(pin));
}

::std::map<::std::string, ::std::string> sim_generator(const ::std::string &device)
{
	return parse_key_values(read_file(sim_file(device, "generator")));
}

} /* namespace common */
} /* namespace gpioclx */
