// SPDX-License-Identifier: GPL-2.0
/*
 * Unit tests of the debugfs parsers: the core's statistics and the
 * simulator's registers and generator state, as the kernel prints them.
 */
#include <stdexcept>
#include <string>

#include <gtest/gtest.h>

#include "debugfs.hpp"

namespace {

namespace tool = ::gpioclx::tool;

/* As gpio_clx_stats_show() prints it. */
const char stats_text[] =
	"bank 0: enabled 0x1f masked 0x0 edge 0xe emulated 0x0 mask_failed 0x0 wake 0x100000\n"
	"bank 1: enabled 0x0 masked 0x0 edge 0x0 emulated 0x0 mask_failed 0x0 wake 0x0\n"
	"pin primary dispatched spurious masked_pending replayed debounced\n"
	"1 4 4 0 0 0 0\n"
	"4 12 11 1 3 0 0\n"
	"33 18446744073709551615 2 0 0 1 5\n";

/* As clx_sim_show_regs() prints it. */
const char regs_text[] =
	"bank 0: in 0x3 out 0x0 dir 0xffffffff en 0x12 mask 0x0 edge 0x2 pol 0x2 both 0x0 status 0x10\n"
	"bank 1: in 0x0 out 0x0 dir 0xff en 0x0 mask 0x0 edge 0x0 pol 0x0 both 0x0 status 0x0\n";

/* Test that banks, header and pins are read with their values. */
TEST(Stats, ParsesKernelFormat)
{
	auto st = tool::parse_stats(stats_text);

	ASSERT_EQ(st.banks.size(), 2U);
	EXPECT_EQ(st.banks[0].index, 0U);
	ASSERT_EQ(st.banks[0].values.size(), 6U);
	EXPECT_EQ(st.banks[0].values[0].first, "enabled");
	EXPECT_EQ(st.banks[0].values[0].second, 0x1fU);
	EXPECT_EQ(st.banks[0].values[5].first, "wake");
	EXPECT_EQ(st.banks[0].values[5].second, 0x100000U);
	EXPECT_EQ(st.columns.size(), 6U);
	EXPECT_EQ(st.columns[1], "dispatched");
	ASSERT_EQ(st.pins.size(), 3U);
	EXPECT_EQ(st.counter(4, "primary"), 12U);
	EXPECT_EQ(st.counter(4, "spurious"), 1U);
	EXPECT_EQ(st.counter(4, "masked_pending"), 3U);
	EXPECT_EQ(st.counter(33, "primary"), UINT64_MAX);
	EXPECT_EQ(st.counter(33, "debounced"), 5U);
	/* A pin that never interrupted has no line and counts 0. */
	EXPECT_EQ(st.find(2), nullptr);
	EXPECT_EQ(st.counter(2, "dispatched"), 0U);
	EXPECT_THROW(st.counter(1, "nonsense"), ::std::runtime_error);
}

/* Test that a bare 0 is read, and a file without pins or banks parses. */
TEST(Stats, NoPinsNoBanks)
{
	auto st = tool::parse_stats("bank 0: enabled 0 masked 0\n"
				    "pin primary dispatched\n");
	EXPECT_TRUE(st.pins.empty());
	EXPECT_EQ(st.banks.size(), 1U);
	EXPECT_TRUE(tool::parse_stats("pin primary\n").banks.empty());
}

/* Test that a column added to the header is followed by the pin lines. */
TEST(Stats, ColumnsFromTheHeader)
{
	auto st = tool::parse_stats("pin primary newcounter\n7 1 9\n");

	EXPECT_EQ(st.counter(7, "newcounter"), 9U);
}

/* Test that malformed statistics are refused, naming the line. */
TEST(Stats, MalformedRefused)
{
	const char *bad[] = {
		"",
		"bank 0: enabled 0x1\n",
		"1 4 4 0 0 0 0\npin primary dispatched spurious masked_pending replayed debounced\n",
		"pin primary dispatched\n1 4\n",
		"pin primary dispatched\n1 4 4 4\n",
		"pin primary dispatched\n1 4 x\n",
		"pin primary dispatched\n1 4 -4\n",
		"pin primary dispatched\n1 4 18446744073709551616\n",
		"pin primary dispatched\n4 1 1\n3 1 1\n",
		"pin primary dispatched\n4 1 1\n4 1 1\n",
		"pin primary dispatched\nbank 0: enabled 0\n",
		"pin primary dispatched\npin primary dispatched\n",
		"pin\n",
		"pin primary primary\n",
		"bank 1: enabled 0\npin primary\n",
		"bank 0 enabled 0\npin primary\n",
		"bank x: enabled 0\npin primary\n",
		"bank 0: enabled\npin primary\n",
		"bank 0: enabled 0 masked\npin primary\n",
		"bank 0: enabled 0xzz\npin primary\n",
		"bank 0: enabled 0x\npin primary\n",
		"bank 0: enabled 0x10000000000000000\npin primary\n",
		"bank 0:\npin primary\n",
		"garbage\npin primary\n",
	};

	for (auto text : bad)
		EXPECT_THROW(tool::parse_stats(text), ::std::runtime_error) << text;
	try {
		tool::parse_stats("pin primary dispatched\n1 4 4\n2 4\n");
		FAIL() << "no error";
	} catch (const ::std::runtime_error &e) {
		EXPECT_STREQ(e.what(), "line 3: 2 fields, the header has 3");
	}
}

/* Test that hex prints as the kernel's %#llx. */
TEST(Hex, AsTheKernelPrints)
{
	EXPECT_EQ(tool::hex(0), "0x0");
	EXPECT_EQ(tool::hex(0x1f), "0x1f");
	EXPECT_EQ(tool::hex(UINT64_MAX), "0xffffffffffffffff");
}

/* Test that the registers parse, and print one column per bank. */
TEST(Regs, ParseAndFormat)
{
	auto banks = tool::parse_regs(regs_text);

	ASSERT_EQ(banks.size(), 2U);
	EXPECT_EQ(banks[0].values.size(), 9U);
	EXPECT_EQ(banks[0].values[3].first, "en");
	EXPECT_EQ(banks[0].values[3].second, 0x12U);
	EXPECT_EQ(banks[1].values[2].second, 0xffU);
	EXPECT_EQ(tool::format_regs(banks), "        bank 0      bank 1\n"
					    "in      0x00000003  0x00000000\n"
					    "out     0x00000000  0x00000000\n"
					    "dir     0xffffffff  0x000000ff\n"
					    "en      0x00000012  0x00000000\n"
					    "mask    0x00000000  0x00000000\n"
					    "edge    0x00000002  0x00000000\n"
					    "pol     0x00000002  0x00000000\n"
					    "both    0x00000000  0x00000000\n"
					    "status  0x00000010  0x00000000\n");
}

/* Test that a 64-pin bank widens every value to 64 bits. */
TEST(Regs, WideBanks)
{
	auto text = tool::format_regs(tool::parse_regs("bank 0: in 0x100000000 en 0\n"));

	EXPECT_EQ(text, "    bank 0\n"
			"in  0x0000000100000000\n"
			"en  0x0000000000000000\n");
}

/* Test that registers that are not bank lines, or banks out of order, are refused. */
TEST(Regs, MalformedRefused)
{
	for (auto bad : { "", "\n", "bank 1: in 0\n", "bank 0: in 0\nbank 0: in 0\n",
			  "bank 0: in\n", "in 0 out 0\n", "bank 0: in 0\nstatus 0\n" })
		EXPECT_THROW(tool::parse_regs(bad), ::std::runtime_error) << bad;
}

} /* namespace */
