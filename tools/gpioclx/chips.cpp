// SPDX-License-Identifier: GPL-2.0
#include "chips.hpp"

#include <cerrno>
#include <cstdlib>
#include <memory>
#include <stdexcept>
#include <sys/stat.h>
#include <system_error>
#include <utility>

#include "common/debugfs_dirs.hpp"
#include "common/file.hpp"
#include "common/gpio_chips.hpp"

namespace gpioclx {
namespace tool {

namespace {

/* The device above the gpiochip in sysfs, e.g. gpio-controller-0. */
::std::string parent_device(const ::gpiod::chip &chip)
{
	auto link = "/sys/bus/gpio/devices/" + chip.get_info().name();
	::std::unique_ptr<char, void (*)(void *)> path(::realpath(link.c_str(), nullptr),
						       ::free);

	if (!path)
		return "";
	::std::string p = path.get();
	p = p.substr(0, p.rfind('/'));
	return p.substr(p.rfind('/') + 1);
}

} /* namespace */

::std::vector<::gpiod::chip> all_chips()
{
	::std::vector<::gpiod::chip> chips;

	try {
		for (const auto &path : common::gpiochip_paths())
			chips.emplace_back(path);
	} catch (const ::std::system_error &e) {
		throw ::std::runtime_error(
			"cannot open the GPIO chips: " + e.code().message() +
			(e.code().value() == EACCES ? " (run as root)" : ""));
	}
	return chips;
}

::gpiod::chip open_chip(const ::std::string &spec)
{
	::std::vector<::gpiod::chip> best;
	int rank = 1;

	for (auto &chip : all_chips()) {
		auto info = chip.get_info();
		int r = chip_match(spec, info.name(), info.label());

		if (r > rank)
			best.clear();
		if (r >= rank) {
			rank = r;
			best.push_back(::std::move(chip));
		}
	}
	if (best.empty())
		throw ::std::runtime_error(
			"no GPIO chip '" + spec +
			"' (give gpiochipN, N or a label, as gpiodetect shows them)");
	if (best.size() > 1)
		throw ::std::runtime_error(::std::to_string(best.size()) +
					   " chips are labelled '" + spec +
					   "': name one as gpiochipN");
	return ::std::move(best[0]);
}

::std::string chip_title(const ::gpiod::chip &chip)
{
	auto info = chip.get_info();

	return info.label().empty() ? info.name() : info.label();
}

::std::string device_dir(const ::gpiod::chip &chip, const ::std::string &root)
{
	for (const auto &device : { chip.get_info().label(), parent_device(chip) })
		if (!device.empty() && common::exists(root + "/" + device))
			return root + "/" + device;
	return "";
}

void need_root(const ::std::string &root, const ::std::string &hint)
{
	struct stat st;

	if (::stat(root.c_str(), &st) == 0)
		return;
	if (errno == EACCES)
		throw ::std::runtime_error(
			root + ": permission denied (debugfs is for root only)");
	throw ::std::runtime_error("no " + root + " (" + hint + ")");
}

::std::string sim_dir(const ::gpiod::chip &chip)
{
	need_root(common::sim_root, "is gpio-clx-sim loaded, and debugfs mounted?");
	auto dir = device_dir(chip, common::sim_root);
	if (dir.empty())
		throw ::std::runtime_error(
			chip.get_info().name() + " [" + chip.get_info().label() +
			"] is not a simulated controller: no folder in " +
			::std::string(common::sim_root));
	return dir;
}

chip_view view_of(const ::gpiod::chip &chip)
{
	auto info = chip.get_info();
	chip_view view = { info.name(), info.label(), {} };

	for (unsigned int offset = 0; offset < info.num_lines(); offset++) {
		auto line = chip.get_line_info(offset);

		view.lines.push_back({ offset, line.name(), line.consumer() });
	}
	return view;
}

name_lookup line_names(const ::gpiod::chip &chip)
{
	return [&chip](const ::std::string &name) -> ::std::optional<unsigned int> {
		int offset = chip.get_line_offset_from_name(name);

		if (offset < 0)
			return ::std::nullopt;
		return static_cast<unsigned int>(offset);
	};
}

unsigned int num_lines(const ::gpiod::chip &chip)
{
	return chip.get_info().num_lines();
}

} /* namespace tool */
} /* namespace gpioclx */
