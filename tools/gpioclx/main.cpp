// SPDX-License-Identifier: GPL-2.0
/*
 * gpioclx: a command-line tool for bringing up a board whose GPIO
 * controller runs on the gpio-clx core. It lists the chips the core drives
 * with their interrupt counters, watches line events, and drives the
 * simulated controller (pins, registers, signal generator) of the test
 * board. See Documentation/tool.rst.
 */
#include <exception>
#include <iostream>
#include <string>
#include <vector>

#include "cli.hpp"
#include "commands.hpp"
#include "common/usage_error.hpp"

namespace {

namespace tool = ::gpioclx::tool;

void run(const tool::invocation &inv)
{
	switch (inv.cmd) {
	case tool::command::help:
		::std::cout << tool::help_text(inv.topic);
		break;
	case tool::command::version:
		::std::cout << "gpioclx " << tool::version << '\n';
		break;
	case tool::command::list:
		tool::run_list(inv);
		break;
	case tool::command::set:
		tool::run_set(inv);
		break;
	case tool::command::regs:
		tool::run_regs(inv);
		break;
	case tool::command::gen:
		tool::run_gen(inv);
		break;
	case tool::command::watch:
		tool::run_watch(inv);
		break;
	}
}

} /* namespace */

int main(int argc, char **argv)
{
	::std::vector<::std::string> args(argv + 1, argv + argc);
	::std::string prefix = "gpioclx: ";

	if (!args.empty() && tool::is_command(args[0]))
		prefix += args[0] + ": ";
	try {
		run(tool::parse_command_line(args));
	} catch (const ::gpioclx::common::usage_error &e) {
		::std::cerr << prefix << e.what() << " (" << tool::usage_hint(args)
			    << ")\n";
		return 2;
	} catch (const ::std::exception &e) {
		::std::cerr << prefix << e.what() << '\n';
		return 1;
	}
	return 0;
}
