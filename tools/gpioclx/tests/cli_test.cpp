// SPDX-License-Identifier: GPL-2.0
/*
 * Unit tests of gpioclx's command line: every command, its options, and
 * what is refused.
 */
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "cli.hpp"
#include "common/usage_error.hpp"

namespace {

namespace common = ::gpioclx::common;
namespace tool = ::gpioclx::tool;
using args = ::std::vector<::std::string>;
using ::std::chrono::nanoseconds;

tool::invocation parse(const args &a)
{
	return tool::parse_command_line(a);
}

/* The usage error's message for @a, or "" if it parses. */
::std::string error_of(const args &a)
{
	try {
		parse(a);
	} catch (const common::usage_error &e) {
		return e.what();
	}
	return "";
}

/* Test that help and version are found wherever they are asked for. */
TEST(Cli, HelpAndVersion)
{
	EXPECT_EQ(parse({ "--help" }).cmd, tool::command::help);
	EXPECT_EQ(parse({ "-h" }).topic, "");
	EXPECT_EQ(parse({ "--version" }).cmd, tool::command::version);
	auto inv = parse({ "gen", "--help" });
	EXPECT_EQ(inv.cmd, tool::command::help);
	EXPECT_EQ(inv.topic, "gen");
	/* Help wins over arguments that would not parse. */
	EXPECT_EQ(parse({ "set", "chip", "8=7", "--help" }).topic, "set");
	EXPECT_EQ(parse({ "help", "watch" }).topic, "watch");
	EXPECT_EQ(parse({ "help" }).topic, "");
	/* After "--", --help is an argument. */
	EXPECT_EQ(parse({ "watch", "c", "--", "--help" }).cmd, tool::command::watch);
	for (auto topic : { "", "list", "set", "regs", "gen", "watch" })
		EXPECT_NE(::std::string(tool::help_text(topic)).find("usage: gpioclx"),
			  ::std::string::npos)
			<< topic;
}

/* Test that unknown commands, options and help topics are usage errors. */
TEST(Cli, UnknownRefused)
{
	EXPECT_NE(error_of({}), "");
	EXPECT_EQ(error_of({ "frob" }), "unknown command 'frob'");
	EXPECT_EQ(error_of({ "--frob" }), "unknown option '--frob'");
	EXPECT_EQ(error_of({ "list", "--frob" }), "unknown option '--frob'");
	EXPECT_EQ(error_of({ "list", "--count", "3" }), "unknown option '--count'");
	EXPECT_NE(error_of({ "help", "frob" }), "");
	EXPECT_NE(error_of({ "help", "list", "gen" }), "");
	EXPECT_THROW(tool::help_text("frob"), common::usage_error);
	EXPECT_FALSE(tool::is_command("frob"));
	EXPECT_TRUE(tool::is_command("watch"));
}

/* Test that list takes repeated --chip and --all, and no positional argument. */
TEST(Cli, List)
{
	auto inv = parse({ "list" });
	EXPECT_EQ(inv.cmd, tool::command::list);
	EXPECT_TRUE(inv.chips.empty());
	EXPECT_FALSE(inv.all);

	inv = parse(
		{ "list", "--chip", "gpiochip0", "--all", "--chip=gpio-controller-2" });
	EXPECT_EQ(inv.chips, (args{ "gpiochip0", "gpio-controller-2" }));
	EXPECT_TRUE(inv.all);

	EXPECT_NE(error_of({ "list", "gpiochip0" }), "");
	EXPECT_EQ(error_of({ "list", "--chip" }), "--chip needs a value");
	EXPECT_EQ(error_of({ "list", "--all=yes" }), "--all takes no value");
	EXPECT_EQ(error_of({ "list", "--all", "--all" }), "--all given twice");
}

/* Test that set reads PIN=LEVEL words and refuses anything else. */
TEST(Cli, Set)
{
	auto inv = parse({ "set", "0", "8=1", "BTN_A=0", "0-3,9=1" });
	EXPECT_EQ(inv.cmd, tool::command::set);
	EXPECT_EQ(inv.chip, "0");
	ASSERT_EQ(inv.levels.size(), 3U);
	EXPECT_EQ(inv.levels[0].pins, "8");
	EXPECT_TRUE(inv.levels[0].high);
	EXPECT_EQ(inv.levels[1].pins, "BTN_A");
	EXPECT_FALSE(inv.levels[1].high);
	EXPECT_EQ(inv.levels[2].pins, "0-3,9");

	EXPECT_EQ(error_of({ "set" }), "no CHIP given");
	EXPECT_EQ(error_of({ "set", "0" }), "no PIN=0|1 given");
	for (auto bad : { "8", "8=2", "8=", "=1", "8=high", "8=-1", "8=01", "3-1=1",
			  "99999999999=1", "65535=1", "0-65535=0" })
		EXPECT_NE(error_of({ "set", "0", "8=1", bad }), "") << bad;
}

/*
 * Test that a word which is not a pin list is kept as a line name, even
 * when it starts with a digit (3V3_EN), and that a list's syntax is
 * checked when the command line is read.
 */
TEST(Cli, PinWordsThatStartWithDigits)
{
	auto inv = parse({ "set", "0", "3V3_EN=1", "1V8=0", "1,,2=1", "3=1", "0-3,8=0" });
	ASSERT_EQ(inv.levels.size(), 5U);
	EXPECT_EQ(inv.levels[0].pins, "3V3_EN");
	EXPECT_EQ(inv.levels[1].pins, "1V8");
	EXPECT_EQ(inv.levels[2].pins, "1,,2");
	EXPECT_EQ(inv.levels[3].pins, "3");
	EXPECT_EQ(inv.levels[4].pins, "0-3,8");
	EXPECT_EQ(parse({ "watch", "c", "3V3_EN", "1V8", "0-3,8" }).pins,
		  (args{ "3V3_EN", "1V8", "0-3,8" }));
	EXPECT_EQ(error_of({ "set", "0", "3-1=1" }),
		  "pin list '3-1': range 3-1 runs backwards");
	EXPECT_EQ(error_of({ "watch", "c", "70000" }),
		  "pin list '70000': 70000 is too large (at most 65534)");
	EXPECT_EQ(error_of({ "watch", "c", "" }), "an empty PIN");
}

/* Test that a usage error points at the help of its command, or of the tool. */
TEST(Cli, UsageHint)
{
	EXPECT_EQ(tool::usage_hint({ "set", "0" }), "see 'gpioclx set --help'");
	EXPECT_EQ(tool::usage_hint({ "frob" }), "see 'gpioclx --help'");
	EXPECT_EQ(tool::usage_hint({}), "see 'gpioclx --help'");
}

/* Test that regs takes one chip and --raw. */
TEST(Cli, Regs)
{
	auto inv = parse({ "regs", "gpio-controller-0", "--raw" });
	EXPECT_EQ(inv.cmd, tool::command::regs);
	EXPECT_EQ(inv.chip, "gpio-controller-0");
	EXPECT_TRUE(inv.raw);
	EXPECT_FALSE(parse({ "regs", "x" }).raw);
	EXPECT_EQ(error_of({ "regs" }), "no CHIP given");
	EXPECT_EQ(error_of({ "regs", "a", "b" }), "unexpected argument 'b'");
}

/* Test that gen reads each action with exactly its arguments. */
TEST(Cli, Gen)
{
	auto inv = parse({ "gen", "0" });
	EXPECT_EQ(inv.gen.action, tool::gen_action::status);

	inv = parse({ "gen", "0", "square", "0-3,8", "10", "5", "--wait" });
	EXPECT_EQ(inv.gen.action, tool::gen_action::square);
	EXPECT_EQ(inv.gen.pins, (::std::vector<unsigned int>{ 0, 1, 2, 3, 8 }));
	EXPECT_EQ(inv.gen.hz, 10U);
	EXPECT_EQ(inv.gen.periods, 5U);
	EXPECT_TRUE(inv.wait);

	inv = parse({ "gen", "0", "pulse", "33", "1000", "4294967295", "999000" });
	EXPECT_EQ(inv.gen.action, tool::gen_action::pulse);
	EXPECT_EQ(inv.gen.hz, 1000U);
	EXPECT_EQ(inv.gen.periods, 4294967295U);
	EXPECT_EQ(inv.gen.width_ns, 999000U);
	/* The largest values are read, then refused by the generator's rules. */
	EXPECT_EQ(error_of({ "gen", "0", "pulse", "33", "4294967295", "1",
			     "18446744073709551615" }),
		  "a pulse of 18446744073709551615 ns does not fit in the 0 ns period "
		  "of 4294967295 Hz");

	EXPECT_EQ(parse({ "gen", "0", "stop" }).gen.action, tool::gen_action::stop);
}

/* Test that gen refuses missing, extra and malformed arguments. */
TEST(Cli, GenRefused)
{
	const ::std::vector<args> bad = {
		{ "gen" },
		{ "gen", "0", "sine", "1", "10", "1" },
		{ "gen", "0", "square" },
		{ "gen", "0", "square", "1", "10" },
		{ "gen", "0", "square", "1", "10", "1", "5" },
		{ "gen", "0", "pulse", "1", "10", "1" },
		{ "gen", "0", "pulse", "1", "10", "1", "5", "6" },
		{ "gen", "0", "square", "1", "0", "1" },
		{ "gen", "0", "square", "1", "10", "0" },
		{ "gen", "0", "square", "1", "4294967296", "1" },
		{ "gen", "0", "square", "1", "-5", "1" },
		{ "gen", "0", "square", "x", "10", "1" },
		{ "gen", "0", "square", "3-1", "10", "1" },
		{ "gen", "0", "pulse", "1", "10", "1", "18446744073709551616" },
		{ "gen", "0", "stop", "now" },
		{ "gen", "0", "stop", "--wait" },
	};

	for (const auto &a : bad) {
		::std::string line;

		for (const auto &word : a)
			line += word + " ";
		EXPECT_NE(error_of(a), "") << line;
	}
	EXPECT_EQ(error_of({ "gen", "0", "square", "1", "0", "1" }),
		  "HZ must be more than 0");
	EXPECT_EQ(error_of({ "gen", "0", "pulse", "1", "1", "0", "5" }),
		  "PULSES must be more than 0");
	/* The generator's phase rules need no chip: they are usage errors too. */
	EXPECT_EQ(error_of({ "gen", "0", "pulse", "12", "100", "3", "20000000" }),
		  "a pulse of 20000000 ns does not fit in the 10000000 ns period of "
		  "100 Hz");
	EXPECT_NE(error_of({ "gen", "0", "square", "1", "500001", "1" }), "");
	/* A pin beyond the chip's lines is found when the chip is opened. */
	EXPECT_EQ(error_of({ "gen", "0", "square", "0-99", "10", "1" }), "");
}

/* Test that watch reads its pins and options in any order. */
TEST(Cli, Watch)
{
	auto inv = parse({ "watch", "gpiochip0", "0", "--edge", "rising", "BTN_B",
			   "--count=2", "--timeout", "1.5" });
	EXPECT_EQ(inv.cmd, tool::command::watch);
	EXPECT_EQ(inv.chip, "gpiochip0");
	EXPECT_EQ(inv.pins, (args{ "0", "BTN_B" }));
	EXPECT_EQ(inv.edges, tool::edge::rising);
	EXPECT_EQ(inv.count, 2U);
	ASSERT_TRUE(inv.timeout.has_value());
	EXPECT_EQ(*inv.timeout, nanoseconds(1500000000));

	inv = parse({ "watch", "c", "1" });
	EXPECT_EQ(inv.edges, tool::edge::both);
	EXPECT_EQ(inv.count, 0U);
	EXPECT_FALSE(inv.timeout.has_value());
	EXPECT_EQ(parse({ "watch", "c", "1", "--edge", "falling" }).edges,
		  tool::edge::falling);
}

/* Test that watch refuses missing pins and bad option values. */
TEST(Cli, WatchRefused)
{
	EXPECT_EQ(error_of({ "watch" }), "no CHIP given");
	EXPECT_EQ(error_of({ "watch", "c" }), "no PIN given");
	EXPECT_EQ(error_of({ "watch", "c", "1", "--count", "0" }),
		  "--count must be more than 0");
	for (const auto &a : ::std::vector<args>{
		     { "watch", "c", "1", "--edge", "up" },
		     { "watch", "c", "1", "--edge" },
		     { "watch", "c", "1", "--count", "x" },
		     { "watch", "c", "1", "--count", "-1" },
		     { "watch", "c", "1", "--count", "18446744073709551616" },
		     { "watch", "c", "1", "--timeout", "0" },
		     { "watch", "c", "1", "--timeout", "soon" },
		     { "watch", "c", "1", "--count", "1", "--count", "2" },
		     { "watch", "c", "1", "--raw" },
	     })
		EXPECT_NE(error_of(a), "") << a.back();
}

} /* namespace */
