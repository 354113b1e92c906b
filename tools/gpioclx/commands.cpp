// SPDX-License-Identifier: GPL-2.0
/*
 * list, set, regs and gen: the commands that read and write debugfs.
 */
#include <iostream>
#include <stdexcept>
#include <system_error>
#include <utility>
#include <vector>

#include "chips.hpp"
#include "commands.hpp"
#include "common/clock.hpp"
#include "common/debugfs_dirs.hpp"
#include "common/file.hpp"
#include "common/text.hpp"
#include "debugfs.hpp"
#include "generator.hpp"

namespace gpioclx {
namespace tool {

namespace {

/* A debugfs file parsed by @parse; errors name the file. */
template <typename F>
auto parse_file(const ::std::string &path, F parse)
{
	auto text = common::read_file(path);

	try {
		return parse(text);
	} catch (const ::std::runtime_error &e) {
		throw ::std::runtime_error(path + ": " + e.what());
	}
}

/* The chips --chip names, each driven by gpio-clx; or all such chips. */
::std::vector<::gpiod::chip> clx_chips(const ::std::vector<::std::string> &specs)
{
	::std::vector<::gpiod::chip> chips;

	for (const auto &spec : specs) {
		auto chip = open_chip(spec);

		if (device_dir(chip, common::clx_root).empty()) {
			auto info = chip.get_info();

			throw ::std::runtime_error(info.name() + " [" + info.label() +
						   "] is not driven by gpio-clx");
		}
		chips.push_back(::std::move(chip));
	}
	if (!specs.empty())
		return chips;
	for (auto &chip : all_chips())
		if (!device_dir(chip, common::clx_root).empty())
			chips.push_back(::std::move(chip));
	if (chips.empty())
		throw ::std::runtime_error("no GPIO chip is driven by gpio-clx");
	return chips;
}

} /* namespace */

void run_list(const invocation &inv)
{
	const char *sep = "";

	need_root(common::clx_root, "is gpio-clx loaded, and debugfs mounted?");
	for (const auto &chip : clx_chips(inv.chips)) {
		auto stats = parse_file(device_dir(chip, common::clx_root) + "/stats",
					parse_stats);

		::std::cout << sep << format_chip_report(view_of(chip), stats, inv.all);
		sep = "\n";
	}
}

void run_set(const invocation &inv)
{
	auto chip = open_chip(inv.chip);
	auto dir = sim_dir(chip);
	auto names = line_names(chip);
	::std::vector<::std::pair<unsigned int, bool>> levels;

	/* Every argument is checked before the first pin moves. */
	for (const auto &a : inv.levels)
		for (auto pin :
		     resolve_pins(a.pins, num_lines(chip), names, chip_title(chip)))
			levels.emplace_back(pin, a.high);
	for (auto [pin, high] : levels)
		common::write_file(dir + "/pin" + ::std::to_string(pin),
				   high ? "1" : "0");
}

void run_regs(const invocation &inv)
{
	auto path = sim_dir(open_chip(inv.chip)) + "/regs";

	if (inv.raw)
		::std::cout << common::read_file(path);
	else
		::std::cout << format_regs(parse_file(path, parse_regs));
}

void run_gen(const invocation &inv)
{
	auto chip = open_chip(inv.chip);
	auto path = sim_dir(chip) + "/generator";
	auto command = gen_command(inv.gen, num_lines(chip), chip_title(chip));

	if (!command.empty()) {
		try {
			common::write_file(path, command);
		} catch (const ::std::system_error &e) {
			throw ::std::runtime_error(
				gen_refused(path, command, e.code().value()));
		}
	}
	while (inv.wait &&
	       parse_file(path, common::parse_key_values)["state"] == "running")
		common::sleep_ms(10);
	if (command.empty() || inv.wait)
		::std::cout << common::read_file(path);
}

} /* namespace tool */
} /* namespace gpioclx */
