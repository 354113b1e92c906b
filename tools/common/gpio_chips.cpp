// SPDX-License-Identifier: GPL-2.0
#include "gpio_chips.hpp"

#include <algorithm>
#include <stdexcept>

namespace gpioclx {
namespace common {

namespace {

const char chip_prefix[] = "gpiochip";

/* N of /dev/gpiochipN. */
unsigned long chip_number(const ::std::filesystem::path &path)
{
	return ::std::stoul(path.filename().string().substr(sizeof(chip_prefix) - 1));
}

} /* namespace */

::std::vector<::std::filesystem::path> gpiochip_paths()
{
	::std::vector<::std::filesystem::path> paths;

	for (const auto &entry : ::std::filesystem::directory_iterator("/dev")) {
		auto name = entry.path().filename().string();

		if (name.rfind(chip_prefix, 0) == 0 &&
		    name.find_first_not_of("0123456789", sizeof(chip_prefix) - 1) ==
			    ::std::string::npos &&
		    name.size() > sizeof(chip_prefix) - 1 &&
		    ::gpiod::is_gpiochip_device(entry.path()))
			paths.push_back(entry.path());
	}
	::std::sort(paths.begin(), paths.end(), [](const auto &a, const auto &b) {
		return chip_number(a) < chip_number(b);
	});
	return paths;
}

::gpiod::chip open_chip_by_label(const ::std::string &label)
{
	for (const auto &path : gpiochip_paths()) {
		::gpiod::chip chip(path);

		if (chip.get_info().label() == label)
			return chip;
	}
	throw ::std::runtime_error("no GPIO chip labelled " + label);
}

} /* namespace common */
} /* namespace gpioclx */
