// SPDX-License-Identifier: GPL-2.0
#include "chips.hpp"

#include <algorithm>
#include <cerrno>
#include <cstdlib>
#include <memory>
#include <stdexcept>
#include <sys/stat.h>
#include <system_error>

#include "common/debugfs_dirs.hpp"
#include "common/file.hpp"

namespace gpioclx {
namespace tool {

namespace {

/* The device above the gpiochip in sysfs, e.g. gpio-controller-0. */
::std::string parent_device(const ::gpiod::chip &chip)
{
	auto link = "/sys/bus/gpio/devices/" + chip.name();
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
		for (const auto &chip : ::gpiod::make_chip_iter())
			chips.push_back(chip);
	} catch (const ::std::system_error &e) {
		throw ::std::runtime_error(
			"cannot open the GPIO chips: " + e.code().message() +
			(e.code().value() == EACCES ? " (run as root)" : ""));
	}
	::std::sort(chips.begin(), chips.end(), [](const auto &a, const auto &b) {
		return a.name().size() != b.name().size() ?
			       a.name().size() < b.name().size() :
			       a.name() < b.name();
	});
	return chips;
}

::gpiod::chip open_chip(const ::std::string &spec)
{
	::std::vector<::gpiod::chip> best;
	int rank = 1;

	for (const auto &chip : all_chips()) {
		int r = chip_match(spec, chip.name(), chip.label());

		if (r > rank)
			best.clear();
		if (r >= rank) {
			rank = r;
			best.push_back(chip);
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
	return best[0];
}

::std::string chip_title(const ::gpiod::chip &chip)
{
	return chip.label().empty() ? chip.name() : chip.label();
}

::std::string device_dir(const ::gpiod::chip &chip, const ::std::string &root)
{
	for (const auto &device : { chip.label(), parent_device(chip) })
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
			chip.name() + " [" + chip.label() +
			"] is not a simulated controller: no folder in " +
			::std::string(common::sim_root));
	return dir;
}

chip_view view_of(const ::gpiod::chip &chip)
{
	chip_view view = { chip.name(), chip.label(), {} };

	for (unsigned int offset = 0; offset < chip.num_lines(); offset++) {
		auto line = chip.get_line(offset);

		view.lines.push_back({ offset, line.name(), line.consumer() });
	}
	return view;
}

name_lookup line_names(const ::gpiod::chip &chip)
{
	return [chip](const ::std::string &name) -> ::std::optional<unsigned int> {
		auto line = chip.find_line(name);

		if (!line)
			return ::std::nullopt;
		return line.offset();
	};
}

} /* namespace tool */
} /* namespace gpioclx */
