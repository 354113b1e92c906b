// SPDX-License-Identifier: GPL-2.0
/*
 * Unit tests of thread_ran_late() and alternation_broken(): what tells a
 * character device thread that ran late (two interrupts, one event) from
 * events that were lost.
 */
#include <cstdint>
#include <vector>

#include <gtest/gtest.h>

#include "common/cdev_events.hpp"

namespace {

using ::gpioclx::common::alternation_broken;
using ::gpioclx::common::cdev_abi;
using ::gpioclx::common::cdev_event;
using ::gpioclx::common::thread_ran_late;

/* @n events of a square wave starting with a rising edge, numbered from 1. */
std::vector<cdev_event> square(unsigned int n, bool numbered)
{
	std::vector<cdev_event> events;

	for (unsigned int i = 0; i < n; i++)
		events.push_back(
			{ 34, i % 2 == 0, 10000000ULL * i, numbered ? i + 1UL : 0UL });
	return events;
}

/* Test that every interrupt made its event: no late thread, on either interface. */
TEST(ThreadRanLate, EveryInterruptItsEvent)
{
	EXPECT_FALSE(thread_ran_late(cdev_abi::v1, square(16, false), 16));
	EXPECT_FALSE(thread_ran_late(cdev_abi::v2, square(16, true), 16));
	EXPECT_FALSE(thread_ran_late(cdev_abi::v1, {}, 16));
	EXPECT_FALSE(thread_ran_late(cdev_abi::v2, {}, 16));
}

/*
 * Test that v1's events short of the dispatch count in strict alternation
 * are a loss, not a late thread: its queue drops only the newest.
 */
TEST(ThreadRanLate, V1TailLossIsNotLate)
{
	EXPECT_FALSE(thread_ran_late(cdev_abi::v1, square(15, false), 16));
	EXPECT_FALSE(thread_ran_late(cdev_abi::v1, square(8, false), 16));
}

/*
 * Test that two v1 events of one type in a row, or a falling one first,
 * mean a late thread.
 */
TEST(ThreadRanLate, V1RepeatedTypeIsLate)
{
	auto events = square(16, false);

	/* Edges 5 and 6 woke the thread once; it read the level after edge 6. */
	events.erase(events.begin() + 5);
	ASSERT_EQ(events[4].rising, events[5].rising);
	EXPECT_TRUE(thread_ran_late(cdev_abi::v1, events, 16));

	/* Edges 1 and 2 did. */
	auto first = square(16, false);
	first.erase(first.begin());
	EXPECT_TRUE(thread_ran_late(cdev_abi::v1, first, 16));
}

/*
 * Test that v2 is late when the last line_seqno is short of the dispatch
 * count, whatever the order of types, and not when the queue dropped the
 * oldest (numbers missing at the start).
 */
TEST(ThreadRanLate, V2LastSeqnoShort)
{
	auto events = square(15, true);

	EXPECT_TRUE(thread_ran_late(cdev_abi::v2, events, 16));
	EXPECT_FALSE(thread_ran_late(cdev_abi::v2, events, 15));

	auto newest = square(32, true);
	newest.erase(newest.begin(), newest.begin() + 16);
	EXPECT_FALSE(thread_ran_late(cdev_abi::v2, newest, 32));

	auto repeated = square(16, true);
	repeated[3].rising = repeated[2].rising;
	EXPECT_FALSE(thread_ran_late(cdev_abi::v2, repeated, 16));
}

/* Test the rule on event types alone, as the tools' outputs give them. */
TEST(AlternationBroken, Types)
{
	EXPECT_FALSE(alternation_broken({}));
	EXPECT_FALSE(alternation_broken({ true }));
	EXPECT_FALSE(alternation_broken({ true, false, true, false }));
	EXPECT_FALSE(alternation_broken({ true, false, true }));
	EXPECT_TRUE(alternation_broken({ false }));
	EXPECT_TRUE(alternation_broken({ false, true }));
	EXPECT_TRUE(alternation_broken({ true, false, false, true }));
	EXPECT_TRUE(alternation_broken({ true, true }));
}

} /* namespace */
