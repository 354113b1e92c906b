// SPDX-License-Identifier: GPL-2.0
/*
 * Unit tests of what gpioclx prints: the list report, watch events, and
 * how a command-line CHIP picks a chip.
 */
#include <string>

#include <gtest/gtest.h>

#include "debugfs.hpp"
#include "report.hpp"

namespace {

namespace tool = ::gpioclx::tool;

tool::chip_view board_chip()
{
	tool::chip_view chip = { "gpiochip0", "gpio-controller-0", {} };

	for (unsigned int offset = 0; offset < 6; offset++)
		chip.lines.push_back({ offset, "", "" });
	chip.lines[0].name = "BTN_A";
	chip.lines[1] = { 1, "BTN_B", "gpioclx-e2e" };
	chip.lines[4] = { 4, "IRQ_LEVEL", "sample-a" };
	return chip;
}

const char stats_text[] = "bank 0: enabled 0x12 masked 0x0 edge 0x2\n"
			  "pin primary dispatched spurious\n"
			  "1 4 4 0\n"
			  "3 1200 1199 1\n";

/* Test that the report shows banks, and lines in use or with counters only. */
TEST(Report, LinesInUseOrCounted)
{
	auto text = tool::format_chip_report(board_chip(), tool::parse_stats(stats_text),
					     false);

	EXPECT_EQ(text,
		  "gpiochip0 [gpio-controller-0] 6 lines\n"
		  "  bank 0: enabled 0x12 masked 0x0 edge 0x2\n"
		  "  line  name       consumer     primary  dispatched  spurious\n"
		  "     1  BTN_B      gpioclx-e2e        4           4         0\n"
		  "     3  -          -               1200        1199         1\n"
		  "     4  IRQ_LEVEL  sample-a           0           0         0\n");
}

/* Test that line names in any script keep the columns in line. */
TEST(Report, Utf8NamesAligned)
{
	auto chip = board_chip();

	chip.lines[1].name = "Taste_\u00c4";       /* 7 columns, 8 bytes */
	chip.lines[4].name = "\u30dc\u30bf\u30f3"; /* 6 columns, 9 bytes */
	auto text = tool::format_chip_report(chip, tool::parse_stats(stats_text), false);

	EXPECT_EQ(
		text,
		"gpiochip0 [gpio-controller-0] 6 lines\n"
		"  bank 0: enabled 0x12 masked 0x0 edge 0x2\n"
		"  line  name     consumer     primary  dispatched  spurious\n"
		"     1  Taste_\u00c4  gpioclx-e2e        4           4         0\n"
		"     3  -        -               1200        1199         1\n"
		"     4  \u30dc\u30bf\u30f3   sample-a           0           0         0\n");
}

/* Test that --all shows every line, with zeros where nothing happened. */
TEST(Report, AllLines)
{
	auto text = tool::format_chip_report(board_chip(), tool::parse_stats(stats_text),
					     true);

	EXPECT_NE(
		text.find(
			"     0  BTN_A      -                  0           0         0\n"),
		::std::string::npos)
		<< text;
	EXPECT_NE(text.find("     5  -"), ::std::string::npos) << text;
}

/* Test that a chip where nothing happened says so instead of an empty table. */
TEST(Report, NothingToShow)
{
	tool::chip_view chip = { "gpiochip3", "gpio-controller-3", { { 0, "", "" } } };
	auto text =
		tool::format_chip_report(chip, tool::parse_stats("pin primary\n"), false);

	EXPECT_EQ(text, "gpiochip3 [gpio-controller-3] 1 lines\n"
			"  no line in use or interrupted (--all lists every line)\n");
}

/* Test that events print as seconds.nanoseconds, offset, name and edge. */
TEST(Report, Event)
{
	EXPECT_EQ(tool::format_event(153000120436ULL, 0, "BTN_A", true),
		  "153.000120436 0 BTN_A rising");
	EXPECT_EQ(tool::format_event(5, 39, "", false), "0.000000005 39 - falling");
	EXPECT_EQ(tool::format_event(18446744073709551615ULL, 1, "X", true),
		  "18446744073.709551615 1 X rising");
}

/* Test that CHIP matches a name or number before a label, and nothing else. */
TEST(Report, ChipMatch)
{
	EXPECT_EQ(tool::chip_match("gpiochip2", "gpiochip2", "gpio-controller-2"), 2);
	EXPECT_EQ(tool::chip_match("2", "gpiochip2", "gpio-controller-2"), 2);
	EXPECT_EQ(tool::chip_match("gpio-controller-2", "gpiochip2", "gpio-controller-2"),
		  1);
	EXPECT_EQ(tool::chip_match("12", "gpiochip2", "gpio-controller-2"), 0);
	EXPECT_EQ(tool::chip_match("02", "gpiochip2", "gpio-controller-2"), 0);
	EXPECT_EQ(tool::chip_match("gpiochip", "gpiochip2", "x"), 0);
	EXPECT_EQ(tool::chip_match("", "gpiochip2", "x"), 0);
	/* A label that looks like a number still matches as a label. */
	EXPECT_EQ(tool::chip_match("7", "gpiochip2", "7"), 1);
}

} /* namespace */
