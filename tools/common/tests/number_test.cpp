// SPDX-License-Identifier: GPL-2.0
/*
 * Unit tests of the command-line numbers: decimal counts and seconds, and
 * that every bad one is a usage error.
 */
#include <chrono>
#include <cstdint>
#include <string>

#include <gtest/gtest.h>

#include "common/number.hpp"
#include "common/usage_error.hpp"

namespace {

namespace common = ::gpioclx::common;

/* Test that decimal numbers parse up to their limit and nothing else does. */
TEST(Number, DigitsUpToTheLimit)
{
	EXPECT_EQ(common::parse_number("0", "n", 10), 0U);
	EXPECT_EQ(common::parse_number("007", "n", 10), 7U);
	EXPECT_EQ(common::parse_number("10", "n", 10), 10U);
	EXPECT_EQ(common::parse_number("18446744073709551615", "n", UINT64_MAX),
		  UINT64_MAX);
	EXPECT_THROW(common::parse_number("11", "n", 10), common::usage_error);
	EXPECT_THROW(common::parse_number("18446744073709551616", "n", UINT64_MAX),
		     common::usage_error);
	EXPECT_THROW(common::parse_number("99999999999999999999999", "n", UINT64_MAX),
		     common::usage_error);
	for (auto bad : { "", "-1", "+1", " 1", "1 ", "0x10", "1.5", "1e3", "abc" })
		EXPECT_THROW(common::parse_number(bad, "n", 100), common::usage_error)
			<< bad;
}

/* Test that the error names the value and says what was wrong. */
TEST(Number, ErrorNamesTheValue)
{
	try {
		common::parse_number("70000", "HZ", 65535);
		FAIL() << "no error";
	} catch (const common::usage_error &e) {
		EXPECT_STREQ(e.what(), "HZ: 70000 is too large (at most 65535)");
	}
}

/* Test that seconds take up to nine decimals and must be positive. */
TEST(Seconds, DecimalsToNanoseconds)
{
	using ::std::chrono::nanoseconds;

	EXPECT_EQ(common::parse_seconds("2", "t"), nanoseconds(2000000000));
	EXPECT_EQ(common::parse_seconds("0.25", "t"), nanoseconds(250000000));
	EXPECT_EQ(common::parse_seconds("0.000000001", "t"), nanoseconds(1));
	EXPECT_EQ(common::parse_seconds("2147483647", "t"),
		  nanoseconds(2147483647000000000));
	for (auto bad : { "", "0", "0.0", "-1", ".5", "1.", "1.0000000001", "1e3", "1,5",
			  "x", "2147483648", "1.5s" })
		EXPECT_THROW(common::parse_seconds(bad, "t"), common::usage_error) << bad;
}

} /* namespace */
