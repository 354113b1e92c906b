// SPDX-License-Identifier: GPL-2.0
#include "clx_device.hpp"

#include <stdexcept>

#include "common/file.hpp"

namespace gpioclx {
namespace bench {

namespace {

const ::std::string driver = "/sys/bus/platform/drivers/gpio-clx-sim/";

/* A one-cell device-tree property of platform device @name. */
unsigned int dt_cell(const ::std::string &name, const ::std::string &prop)
{
	auto path = "/sys/bus/platform/devices/" + name + "/of_node/" + prop;
	auto bytes = common::read_file(path);
	unsigned int value = 0;

	if (bytes.size() != 4)
		throw ::std::runtime_error(path + ": not one cell");
	for (unsigned char b : bytes)
		value = value << 8 | b;
	return value;
}

} /* namespace */

clx_device::clx_device(const ::std::string &name) : name_(name), bound_here_(!bound(name))
{
	if (bound_here_)
		bind(name);
}

clx_device::~clx_device()
{
	if (!bound_here_)
		return;
	try {
		unbind(name_);
	} catch (...) {
	}
}

unsigned int clx_device::pins(const ::std::string &name)
{
	return dt_cell(name, "ngpios");
}

unsigned int clx_device::pins_per_bank(const ::std::string &name)
{
	return dt_cell(name, "linux,pins-per-bank");
}

bool clx_device::bound(const ::std::string &name)
{
	return common::exists(driver + name);
}

void clx_device::bind(const ::std::string &name)
{
	common::write_file(driver + "bind", name);
}

void clx_device::unbind(const ::std::string &name)
{
	common::write_file(driver + "unbind", name);
}

} /* namespace bench */
} /* namespace gpioclx */
