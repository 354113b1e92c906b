// SPDX-License-Identifier: GPL-2.0
#include "gpio_sim.hpp"

#include <cerrno>
#include <stdexcept>
#include <sys/stat.h>
#include <system_error>
#include <unistd.h>

#include "common/file.hpp"
#include "common/text.hpp"

namespace gpioclx {
namespace bench {

namespace {

const ::std::string configfs = "/sys/kernel/config/gpio-sim/";

void make_dir(const ::std::string &path)
{
	if (::mkdir(path.c_str(), 0755))
		throw ::std::system_error(errno, ::std::generic_category(),
					  "mkdir " + path);
}

} /* namespace */

gpio_sim_chip::gpio_sim_chip(const ::std::string &name, unsigned int lines, bool live)
	: name_(name), lines_(lines)
{
	if (!common::exists(configfs))
		throw ::std::runtime_error(configfs +
					   " missing: no gpio-sim in this kernel?");
	make_dir(dir());
	try {
		make_dir(dir() + "/bank0");
		common::write_file(dir() + "/bank0/num_lines", ::std::to_string(lines));
		common::write_file(dir() + "/bank0/label", name);
		if (live)
			set_live(true);
	} catch (...) {
		::rmdir((dir() + "/bank0").c_str());
		::rmdir(dir().c_str());
		throw;
	}
}

gpio_sim_chip::~gpio_sim_chip()
{
	try {
		set_live(false);
	} catch (...) {
	}
	::rmdir((dir() + "/bank0").c_str());
	::rmdir(dir().c_str());
}

::std::string gpio_sim_chip::dir() const
{
	return configfs + name_;
}

void gpio_sim_chip::set_live(bool live)
{
	if (live == live_)
		return;
	common::write_file(dir() + "/live", live ? "1" : "0");
	live_ = live;
	chip_dir_.clear();
	if (!live)
		return;

	auto platform = "/sys/devices/platform/" +
			common::trim(common::read_file(dir() + "/dev_name"));

	for (const auto &entry : common::list_dir(platform))
		if (entry.rfind("gpiochip", 0) == 0)
			chip_dir_ = platform + "/" + entry;
	if (chip_dir_.empty())
		throw ::std::runtime_error("gpio-sim " + name_ + ": no gpiochip under " +
					   platform);
}

::std::string gpio_sim_chip::pull_path(unsigned int line) const
{
	if (!live_)
		throw ::std::logic_error("gpio-sim " + name_ + " is not live");
	return chip_dir_ + "/sim_gpio" + ::std::to_string(line) + "/pull";
}

} /* namespace bench */
} /* namespace gpioclx */
