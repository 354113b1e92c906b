// SPDX-License-Identifier: GPL-2.0
#include "cli.hpp"

#include <algorithm>
#include <limits>
#include <map>

#include "common/number.hpp"
#include "common/usage_error.hpp"
#include "generator.hpp"
#include "values.hpp"

namespace gpioclx {
namespace tool {

const char version[] = "1.0";

namespace {

constexpr auto u32_max = ::std::numeric_limits<::std::uint32_t>::max();
constexpr auto u64_max = ::std::numeric_limits<::std::uint64_t>::max();

const char tool_help[] =
	"usage: gpioclx [--help] [--version] COMMAND [ARGS]\n"
	"\n"
	"Bring-up helper for GPIO controllers driven by the gpio-clx core (run as\n"
	"root: it reads debugfs and opens the GPIO character devices).\n"
	"\n"
	"Commands:\n"
	"  list [--chip CHIP]... [--all]  the chips gpio-clx drives, their banks and\n"
	"                                 per-pin interrupt counters, line names and\n"
	"                                 consumers\n"
	"  watch CHIP PIN... [OPTIONS]    print interrupts on lines as they arrive\n"
	"  set CHIP PIN=0|1...            drive input pins of a simulated controller\n"
	"  regs CHIP [--raw]              a simulated controller's registers\n"
	"  gen CHIP [ACTION]              a simulated controller's signal generator\n"
	"  help [COMMAND]                 this text, or the help of COMMAND\n"
	"\n"
	"CHIP is a chip name (gpiochip0), its number (0) or its label\n"
	"(gpio-controller-0). PIN is an offset, a list such as 0-3,8, or a line name:\n"
	"a word that is not a list (3V3_EN, BTN_A) is a name.\n"
	"\n"
	"Exit status: 0 done, 1 failed at run time, 2 bad command line.\n";

const char list_help[] =
	"usage: gpioclx list [--chip CHIP]... [--all]\n"
	"\n"
	"Every GPIO chip driven by gpio-clx (those with a folder in\n"
	"/sys/kernel/debug/gpio-clx/), with the core's view of each bank (enabled,\n"
	"masked, edge, emulated both-edge, mask_failed and wake-up pins) and, for\n"
	"each line that is in use or has interrupted, its name, its consumer and\n"
	"the core's counters: primary (found active by the primary ISR),\n"
	"dispatched, spurious, masked_pending, replayed and debounced.\n"
	"\n"
	"Options:\n"
	"  --chip CHIP  only this chip (repeatable)\n"
	"  --all        every line, not only those in use or with counters\n";

const char watch_help[] =
	"usage: gpioclx watch CHIP PIN... [--edge rising|falling|both] [--count N]\n"
	"                     [--timeout SEC]\n"
	"\n"
	"Request the lines for events (consumer \"gpioclx\") and print one line per\n"
	"event: the kernel's timestamp in seconds.nanoseconds (CLOCK_MONOTONIC), the\n"
	"offset, the line name (- if it has none) and the edge, e.g.\n"
	"  153.000120436 0 BTN_A rising\n"
	"\n"
	"Options:\n"
	"  --edge EDGE    rising, falling or both (default both)\n"
	"  --count N      stop after N events\n"
	"  --timeout SEC  stop after SEC seconds (decimals allowed); with --count,\n"
	"                 fewer than N events by then is a failure (status 1)\n";

const char set_help[] =
	"usage: gpioclx set CHIP PIN=0|1...\n"
	"\n"
	"Drive input pins of a simulated controller (gpio-clx-sim) low (0) or\n"
	"high (1), in the order given, through\n"
	"/sys/kernel/debug/gpio-clx-sim/<device>/pin<N>. Every argument is checked\n"
	"before the first pin is driven. Example: gpioclx set 0 BTN_A=1 8-11=0\n";

const char regs_help[] =
	"usage: gpioclx regs CHIP [--raw]\n"
	"\n"
	"A simulated controller's registers, one column per bank: input level,\n"
	"output latch, direction, interrupt enable, mask, edge (1) or level (0),\n"
	"polarity, both-edge select and latched status.\n"
	"\n"
	"Options:\n"
	"  --raw  the simulator's regs file as it is\n";

const char gen_help[] =
	"usage: gpioclx gen CHIP [square PINS HZ PERIODS | pulse PINS HZ PULSES WIDTH_NS\n"
	"                         | stop] [--wait]\n"
	"\n"
	"The signal generator of a simulated controller. Without an action: its\n"
	"state, settings and counters.\n"
	"  square PINS HZ PERIODS          each pin toggles every half period\n"
	"  pulse PINS HZ PULSES WIDTH_NS   each pin leaves its level for WIDTH_NS\n"
	"                                  once per period\n"
	"  stop                            stop a running generator\n"
	"PINS is a list such as 0-3,8. HZ, PERIODS and PULSES are 1 to 4294967295;\n"
	"neither phase of a period may be shorter than 1000 ns.\n"
	"\n"
	"Options:\n"
	"  --wait  wait until the generator is no longer running, then print its\n"
	"          state\n";

struct option_spec {
	const char *name;
	bool takes_value;
	bool repeatable;
};

/* The positional arguments and options of one command. */
struct split_args {
	::std::vector<::std::string> positional;
	::std::multimap<::std::string, ::std::string> options;

	bool has(const ::std::string &name) const { return options.count(name); }
};

struct command_spec {
	command cmd;
	const char *help;
	::std::vector<option_spec> options;
	void (*parse)(invocation &inv, const split_args &a);
};

const option_spec *find_option(const command_spec &spec, const ::std::string &name)
{
	for (const auto &opt : spec.options)
		if (name == opt.name)
			return &opt;
	return nullptr;
}

/* "--name VALUE" and "--name=VALUE"; everything after "--" is positional. */
split_args split(const command_spec &spec, const ::std::vector<::std::string> &args)
{
	split_args out;
	bool options_done = false;

	for (size_t i = 1; i < args.size(); i++) {
		const auto &arg = args[i];

		if (options_done || arg.size() < 2 || arg[0] != '-') {
			out.positional.push_back(arg);
			continue;
		}
		if (arg == "--") {
			options_done = true;
			continue;
		}
		auto eq = arg.find('=');
		auto name = arg.substr(0, eq);
		auto *opt = find_option(spec, name);
		if (!opt)
			throw common::usage_error("unknown option '" + name + "'");
		if (!opt->repeatable && out.has(name))
			throw common::usage_error(name + " given twice");
		if (!opt->takes_value && eq != ::std::string::npos)
			throw common::usage_error(name + " takes no value");
		if (!opt->takes_value)
			out.options.emplace(name, "");
		else if (eq != ::std::string::npos)
			out.options.emplace(name, arg.substr(eq + 1));
		else if (i + 1 < args.size())
			out.options.emplace(name, args[++i]);
		else
			throw common::usage_error(name + " needs a value");
	}
	return out;
}

/* The first positional argument: the chip. */
const ::std::string &chip_argument(const split_args &a)
{
	if (a.positional.empty())
		throw common::usage_error("no CHIP given");
	return a.positional[0];
}

void expect_at_most(const split_args &a, size_t n)
{
	if (a.positional.size() > n)
		throw common::usage_error("unexpected argument '" + a.positional[n] +
					  "'");
}

level_assignment parse_assignment(const ::std::string &text)
{
	auto eq = text.rfind('=');

	if (eq == ::std::string::npos)
		throw common::usage_error("'" + text + "' is not PIN=0 or PIN=1");
	auto pins = text.substr(0, eq);
	auto level = text.substr(eq + 1);
	if (pins.empty())
		throw common::usage_error("'" + text + "' names no pin");
	if (level != "0" && level != "1")
		throw common::usage_error("'" + text + "': the level must be 0 or 1");
	/* A list's syntax now; pins and names against the chip when it runs. */
	if (is_pin_list(pins))
		parse_pin_list(pins);
	return { pins, level == "1" };
}

::std::uint32_t positive_u32(const ::std::string &text, const ::std::string &what)
{
	auto value = common::parse_number(text, what, u32_max);

	if (!value)
		throw common::usage_error(what + " must be more than 0");
	return value;
}

void parse_list(invocation &inv, const split_args &a)
{
	if (!a.positional.empty())
		throw common::usage_error("takes options only, not '" + a.positional[0] +
					  "'");
	auto chips = a.options.equal_range("--chip");
	for (auto it = chips.first; it != chips.second; ++it)
		inv.chips.push_back(it->second);
	inv.all = a.has("--all");
}

void parse_set(invocation &inv, const split_args &a)
{
	inv.chip = chip_argument(a);
	if (a.positional.size() < 2)
		throw common::usage_error("no PIN=0|1 given");
	for (size_t i = 1; i < a.positional.size(); i++)
		inv.levels.push_back(parse_assignment(a.positional[i]));
}

void parse_regs(invocation &inv, const split_args &a)
{
	inv.chip = chip_argument(a);
	expect_at_most(a, 1);
	inv.raw = a.has("--raw");
}

void parse_gen(invocation &inv, const split_args &a)
{
	const auto &p = a.positional;
	auto &gen = inv.gen;

	inv.chip = chip_argument(a);
	inv.wait = a.has("--wait");
	if (p.size() == 1)
		return;
	const auto &action = p[1];
	if (action == "stop") {
		expect_at_most(a, 2);
		if (inv.wait)
			throw common::usage_error(
				"--wait goes with square, pulse or no action");
		gen.action = gen_action::stop;
		return;
	}
	if (action == "square" && p.size() != 5)
		throw common::usage_error("square takes PINS HZ PERIODS");
	if (action == "pulse" && p.size() != 6)
		throw common::usage_error("pulse takes PINS HZ PULSES WIDTH_NS");
	if (action != "square" && action != "pulse")
		throw common::usage_error("unknown action '" + action +
					  "' (square, pulse or stop)");
	gen.action = action == "square" ? gen_action::square : gen_action::pulse;
	gen.pins = parse_pin_list(p[2]);
	gen.hz = positive_u32(p[3], "HZ");
	gen.periods = positive_u32(p[4], action == "square" ? "PERIODS" : "PULSES");
	if (gen.action == gen_action::pulse)
		gen.width_ns = common::parse_number(p[5], "WIDTH_NS", u64_max);
	check_gen_request(gen);
}

edge parse_edge(const ::std::string &text)
{
	if (text == "rising")
		return edge::rising;
	if (text == "falling")
		return edge::falling;
	if (text == "both")
		return edge::both;
	throw common::usage_error("--edge: '" + text +
				  "' is not rising, falling or both");
}

void parse_watch(invocation &inv, const split_args &a)
{
	inv.chip = chip_argument(a);
	if (a.positional.size() < 2)
		throw common::usage_error("no PIN given");
	inv.pins.assign(a.positional.begin() + 1, a.positional.end());
	for (const auto &word : inv.pins) {
		if (word.empty())
			throw common::usage_error("an empty PIN");
		if (is_pin_list(word))
			parse_pin_list(word);
	}
	for (const auto &[name, value] : a.options) {
		if (name == "--edge")
			inv.edges = parse_edge(value);
		else if (name == "--count")
			inv.count = common::parse_number(value, "--count", u64_max);
		else
			inv.timeout = common::parse_seconds(value, "--timeout");
	}
	if (a.has("--count") && !inv.count)
		throw common::usage_error("--count must be more than 0");
}

const ::std::map<::std::string, command_spec> commands = {
	{ "list",
	  { command::list,
	    list_help,
	    { { "--chip", true, true }, { "--all", false, false } },
	    parse_list } },
	{ "watch",
	  { command::watch,
	    watch_help,
	    { { "--edge", true, false },
	      { "--count", true, false },
	      { "--timeout", true, false } },
	    parse_watch } },
	{ "set", { command::set, set_help, {}, parse_set } },
	{ "regs",
	  { command::regs, regs_help, { { "--raw", false, false } }, parse_regs } },
	{ "gen", { command::gen, gen_help, { { "--wait", false, false } }, parse_gen } },
};

bool asks_for_help(const ::std::vector<::std::string> &args)
{
	auto end = ::std::find(args.begin(), args.end(), "--");

	return ::std::find(args.begin(), end, "--help") != end ||
	       ::std::find(args.begin(), end, "-h") != end;
}

} /* namespace */

bool is_command(const ::std::string &word)
{
	return commands.count(word);
}

::std::string usage_hint(const ::std::vector<::std::string> &args)
{
	if (!args.empty() && is_command(args[0]))
		return "see 'gpioclx " + args[0] + " --help'";
	return "see 'gpioclx --help'";
}

const char *help_text(const ::std::string &topic)
{
	if (topic.empty())
		return tool_help;
	auto it = commands.find(topic);
	if (it == commands.end())
		throw common::usage_error("no command '" + topic + "'");
	return it->second.help;
}

invocation parse_command_line(const ::std::vector<::std::string> &args)
{
	invocation inv;

	if (args.empty())
		throw common::usage_error("no command given");
	const auto &first = args[0];
	if (first == "--help" || first == "-h")
		return inv;
	if (first == "--version") {
		inv.cmd = command::version;
		return inv;
	}
	if (first == "help") {
		if (args.size() > 2)
			throw common::usage_error("help takes one command at the most");
		inv.topic = args.size() == 2 ? args[1] : "";
		help_text(inv.topic);
		return inv;
	}
	auto it = commands.find(first);
	if (it == commands.end())
		throw common::usage_error(::std::string(first[0] == '-' ?
								"unknown option '" :
								"unknown command '") +
					  first + "'");
	if (asks_for_help(args)) {
		inv.topic = first;
		return inv;
	}
	auto a = split(it->second, args);
	inv.cmd = it->second.cmd;
	it->second.parse(inv, a);
	return inv;
}

} /* namespace tool */
} /* namespace gpioclx */
