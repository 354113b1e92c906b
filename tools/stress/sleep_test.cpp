// SPDX-License-Identifier: GPL-2.0
/*
 * System sleep, over and over, with a wake-up source of every kind
 * asserted while the board suspends: level (gpio-controller-0 pin 20),
 * edge on a memory-mapped and on a passive controller (gpio-controller-0
 * pin 22, gpio-controller-3 pin 15), both edges detected by the hardware
 * (gpio-controller-0 pin 23) and emulated by the core (gpio-controller-2
 * pin 10). Each wake-up reaches its handler exactly once per cycle, the
 * primary ISR does not run into masked pins (no storm), and every mask
 * register is as it was before.
 */
#include <cerrno>
#include <chrono>
#include <cstring>
#include <map>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "board.hpp"
#include "stress.hpp"

namespace {

using ::std::chrono::milliseconds;
namespace stress = ::gpioclx::stress;

struct wake_source {
	const char *sample;
	const char *node;
	unsigned int pins_per_bank;
	unsigned int pin;
};

const wake_source sources[] = {
	{ "sample-c", "gpio-controller-0", 32, 20 }, /* level */
	{ "sample-e", "gpio-controller-0", 32, 22 }, /* falling edge */
	{ "sample-h", "gpio-controller-0", 32, 23 }, /* both, in hardware */
	{ "sample-g", "gpio-controller-2", 16, 10 }, /* both, emulated */
	{ "sample-f", "gpio-controller-3", 8, 15 },  /* edge, passive */
};

/* Every bank's mask register of every controller with a wake-up source. */
::std::map<::std::string, ::std::vector<::std::uint64_t>> masks()
{
	::std::map<::std::string, ::std::vector<::std::uint64_t>> all;

	for (const auto &s : sources) {
		::gpioclx::board board(s.node, s.pins_per_bank);
		auto &m = all[s.node];

		m.clear();
		for (const auto &bank : board.regs())
			m.push_back(bank.mask);
	}
	return all;
}

TEST(Sleep, WakeSourcesOfEveryKindOncePerCycle)
{
	unsigned int n = stress::cycles(10, 100);
	::std::map<::std::string, unsigned long> events0;
	::std::map<::std::string, ::std::uint64_t> storm0;
	auto masks0 = masks();
	auto splats0 = ::gpioclx::kernel_splats();

	for (const auto &s : sources) {
		ASSERT_TRUE(stress::bound(s.sample)) << s.sample << " is not bound";
		events0[s.sample] = ::gpioclx::sample_events(s.sample);
		storm0[s.sample] = ::gpioclx::board(s.node, s.pins_per_bank)
					   .stat(s.pin, "masked_pending");
	}
	for (unsigned int i = 1; i <= n; i++) {
		for (const auto &s : sources)
			::gpioclx::sample_trigger_in_sleep(s.sample);
		int err = stress::suspend_once();
		ASSERT_TRUE(err == 0 || err == EBUSY)
			<< ::strerror(err) << ", cycle " << i;
		for (const auto &s : sources)
			ASSERT_TRUE(
				::gpioclx::sample_wait(s.sample, events0[s.sample] + i))
				<< s.sample << ": wake-up lost in cycle " << i;
	}
	/* Exactly once each: nothing more comes after the last cycle. */
	EXPECT_TRUE(::gpioclx::holds_for(
		[&] {
			for (const auto &s : sources)
				if (::gpioclx::sample_events(s.sample) !=
				    events0[s.sample] + n)
					return false;
			return true;
		},
		milliseconds(200)));
	for (const auto &s : sources) {
		EXPECT_EQ(::gpioclx::sample_events(s.sample), events0[s.sample] + n)
			<< s.sample;
		auto storm = ::gpioclx::board(s.node, s.pins_per_bank)
				     .stat(s.pin, "masked_pending") -
			     storm0[s.sample];
		EXPECT_LE(storm, n)
			<< s.sample << ": the primary ISR ran into its masked pin";
		::testing::Test::RecordProperty(::std::string(s.sample) +
							"_masked_pending",
						static_cast<int>(storm));
	}
	EXPECT_EQ(masks(), masks0) << "mask registers differ after the cycles";
	EXPECT_EQ(::gpioclx::kernel_splats(), splats0);
	unsigned int others = 0;
	auto leaks = stress::new_leaks_of_ours(&others);
	EXPECT_TRUE(leaks.empty()) << stress::joined(leaks);
	::testing::Test::RecordProperty("kmemleak_others", static_cast<int>(others));
	::testing::Test::RecordProperty("cycles", static_cast<int>(n));
}

} /* namespace */
