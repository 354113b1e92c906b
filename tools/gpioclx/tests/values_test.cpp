// SPDX-License-Identifier: GPL-2.0
/*
 * Unit tests of the command-line pins: pin lists, and words that are pin
 * lists or line names.
 */
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "common/usage_error.hpp"
#include "values.hpp"

namespace {

namespace common = ::gpioclx::common;
namespace tool = ::gpioclx::tool;
using pins = ::std::vector<unsigned int>;

/* Test that pin lists give every pin once, sorted. */
TEST(PinList, RangesAndSingles)
{
	EXPECT_EQ(tool::parse_pin_list("0-3,8"), (pins{ 0, 1, 2, 3, 8 }));
	EXPECT_EQ(tool::parse_pin_list("8,0-3"), (pins{ 0, 1, 2, 3, 8 }));
	EXPECT_EQ(tool::parse_pin_list("5"), (pins{ 5 }));
	EXPECT_EQ(tool::parse_pin_list("3,3,2-4"), (pins{ 2, 3, 4 }));
	EXPECT_EQ(tool::parse_pin_list("7-7"), (pins{ 7 }));
	EXPECT_EQ(tool::parse_pin_list("65534"), (pins{ 65534 }));
	EXPECT_EQ(tool::parse_pin_list("0-65534").size(), 65535U);
}

/* Test that malformed pin lists are refused. */
TEST(PinList, BadListsRefused)
{
	for (auto bad : { "",
			  ",",
			  "1,",
			  ",1",
			  "1,,2",
			  "-",
			  "-3",
			  "3-",
			  "3-1",
			  "1-2-3",
			  "a",
			  "1-a",
			  "0x3",
			  " 1",
			  "1 ",
			  "1;2",
			  "65535",
			  "0-65535",
			  "99999999999999999999",
			  "4294967296" })
		EXPECT_THROW(tool::parse_pin_list(bad), common::usage_error) << bad;
}

/* Test that pin lists are printed as the kernel prints them. */
TEST(PinList, FormatRoundTrip)
{
	EXPECT_EQ(tool::format_pin_list({ 0, 1, 2, 3, 8 }), "0-3,8");
	EXPECT_EQ(tool::format_pin_list({ 8, 3, 2, 1, 0, 8 }), "0-3,8");
	EXPECT_EQ(tool::format_pin_list({ 1, 3 }), "1,3");
	EXPECT_EQ(tool::format_pin_list({ 4 }), "4");
	EXPECT_EQ(tool::format_pin_list({}), "");
	for (auto text : { "0-3,8", "33", "1,3,5-6", "0-39" })
		EXPECT_EQ(tool::format_pin_list(tool::parse_pin_list(text)), text);
}

/*
 * Test that a pin beyond the chip's lines is refused with the chip's range,
 * as a runtime error: the line count comes from the kernel.
 */
TEST(PinList, CheckAgainstChip)
{
	EXPECT_NO_THROW(tool::check_pins({ 0, 39 }, 40, "chip"));
	try {
		tool::check_pins({ 3, 40 }, 40, "gpio-controller-0");
		FAIL() << "no error";
	} catch (const ::std::runtime_error &e) {
		EXPECT_STREQ(
			e.what(),
			"pin 40 is not on gpio-controller-0, which has 40 lines (0-39)");
	}
	EXPECT_THROW(tool::check_pins({ 0 }, 0, "empty"), ::std::runtime_error);
}

/* Test which words have the shape of a pin list: digits, commas and ranges. */
TEST(PinList, Shape)
{
	for (auto list : { "3", "0-3,8", "8,0-3", "007", "3-1", "70000", "1,2,3" })
		EXPECT_TRUE(tool::is_pin_list(list)) << list;
	for (auto name : { "", "3V3_EN", "1V8", "12V", "BTN_A", "1,,2", ",1", "1,", "3-",
			   "-3", "1-2-3", "0x3", " 1", "1 ", "1;2" })
		EXPECT_FALSE(tool::is_pin_list(name)) << name;
}

class PinWords : public ::testing::Test {
protected:
	/* The lines of a board with names that start with digits. */
	static ::std::optional<unsigned int> by_name(const ::std::string &name)
	{
		if (name == "BTN_A")
			return 0;
		if (name == "3V3_EN")
			return 12;
		if (name == "1V8")
			return 13;
		if (name == "B1_P7")
			return 39;
		return ::std::nullopt;
	}

	static pins resolve(const ::std::string &word)
	{
		return tool::resolve_pins(word, 40, by_name, "gpio-controller-0");
	}

	/* The runtime error's message for @word, or "" if it resolves. */
	static ::std::string runtime_error_of(const ::std::string &word)
	{
		try {
			resolve(word);
		} catch (const common::usage_error &e) {
			return ::std::string("usage error: ") + e.what();
		} catch (const ::std::runtime_error &e) {
			return e.what();
		}
		return "";
	}
};

/* Test that a word is a pin list if it has a list's shape, else a line name. */
TEST_F(PinWords, NumbersAndNames)
{
	EXPECT_EQ(resolve("BTN_A"), (pins{ 0 }));
	EXPECT_EQ(resolve("B1_P7"), (pins{ 39 }));
	EXPECT_EQ(resolve("1-2,39"), (pins{ 1, 2, 39 }));
	EXPECT_THROW(resolve(""), common::usage_error);
}

/* Test that line names starting with a digit are names, not broken lists. */
TEST_F(PinWords, NamesThatStartWithDigits)
{
	EXPECT_EQ(resolve("3V3_EN"), (pins{ 12 }));
	EXPECT_EQ(resolve("1V8"), (pins{ 13 }));
	EXPECT_EQ(resolve("3"), (pins{ 3 }));
	EXPECT_EQ(resolve("0-3,8"), (pins{ 0, 1, 2, 3, 8 }));
}

/*
 * Test that what only the chip can refuse (a pin beyond its lines, a name
 * it does not have, a word that is neither a list nor one of its names) is
 * a runtime error that says so, not a usage error.
 */
TEST_F(PinWords, ChipRefusalsAreRuntimeErrors)
{
	EXPECT_EQ(runtime_error_of("40"),
		  "pin 40 is not on gpio-controller-0, which has 40 lines (0-39)");
	EXPECT_EQ(runtime_error_of("BTN_Z"),
		  "no line named 'BTN_Z' on gpio-controller-0");
	EXPECT_EQ(runtime_error_of("1,,2"),
		  "'1,,2' is neither a pin list (such as 0-3,8) "
		  "nor a line name on gpio-controller-0");
	EXPECT_EQ(runtime_error_of("3V3"), "'3V3' is neither a pin list (such as 0-3,8) "
					   "nor a line name on gpio-controller-0");
}

} /* namespace */
