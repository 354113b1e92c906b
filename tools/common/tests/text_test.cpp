// SPDX-License-Identifier: GPL-2.0
/*
 * Unit tests of the common text helpers: fields, lines, words and the
 * generator's "key value" lines.
 */
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "common/text.hpp"

namespace {

namespace common = ::gpioclx::common;
using words = ::std::vector<::std::string>;

/* Test that split drops empty fields, as in "1,,2". */
TEST(Text, Split)
{
	EXPECT_EQ(common::split("a,b,,c,", ','), (words{ "a", "b", "c" }));
	EXPECT_EQ(common::split("", ','), words{});
	EXPECT_EQ(common::split("x\ny\n", '\n'), (words{ "x", "y" }));
}

/* Test that lines keep their empty ones and words split at any space. */
TEST(Text, LinesAndWords)
{
	EXPECT_EQ(common::split_lines("a b\n\nc\n"), (words{ "a b", "", "c" }));
	EXPECT_TRUE(common::split_lines("").empty());
	EXPECT_TRUE(common::split_words(" \t ").empty());
	EXPECT_EQ(common::split_words("  bank 0:\tin 0x1 "),
		  (words{ "bank", "0:", "in", "0x1" }));
	EXPECT_EQ(common::trim("gpio-sim.0\n"), "gpio-sim.0");
	EXPECT_EQ(common::trim(" \n"), "");
}

/* Test that the generator's file reads as keys and the rest of their line. */
TEST(Text, KeyValues)
{
	auto g = common::parse_key_values("state done\npins 0-3,8\nempty\n\nhz 10\n");

	EXPECT_EQ(g["state"], "done");
	EXPECT_EQ(g["pins"], "0-3,8");
	EXPECT_EQ(g["empty"], "");
	EXPECT_EQ(g["hz"], "10");
	EXPECT_EQ(g.size(), 4U);
	EXPECT_EQ(g.count("edges"), 0U);
}

/* Test that widths are counted in terminal columns, not bytes. */
TEST(Text, DisplayWidth)
{
	EXPECT_EQ(common::display_width("BTN_A"), 5U);
	EXPECT_EQ(common::display_width("Taste\u00e4"), 6U);        /* 2-byte letter */
	EXPECT_EQ(common::display_width("a\u0308"), 1U);            /* combining mark */
	EXPECT_EQ(common::display_width("\u30dc\u30bf\u30f3"), 6U); /* wide kana */
	EXPECT_EQ(common::display_width("\U0001f514"), 2U);         /* emoji */
	EXPECT_EQ(common::display_width("\xff\xc3"), 2U); /* not UTF-8: a column each */
	EXPECT_EQ(common::pad_right("\u00e4", 3), "\u00e4  ");
	EXPECT_EQ(common::pad_left("\u30dc", 3), " \u30dc");
	EXPECT_EQ(common::pad_right("long", 2), "long");
}

} /* namespace */
