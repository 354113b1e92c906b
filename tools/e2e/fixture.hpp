// SPDX-License-Identifier: GPL-2.0
/*
 * What the end-to-end tests share: the board's first controller, the
 * timeouts every wait is bounded by, and the fixture that drives its pins
 * and reads the events a consumer (a libgpiod 2 request, or a GPIO tool
 * printing into a scratch file) gets for them.
 *
 * A pin keeps its interrupt descriptor from its first event request until
 * its controller is unbound, and the board has few to spare (testing.rst,
 * UML facts): a new test takes its events on pins other tests map anyway,
 * so that the benchmark tool's smoke run after the suite still finds
 * descriptors for its own lines.
 */
#ifndef GPIOCLX_E2E_FIXTURE_HPP
#define GPIOCLX_E2E_FIXTURE_HPP

#include <chrono>
#include <cstdlib>
#include <optional>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

#include <gpiod.hpp>
#include <gtest/gtest.h>

#include "board.hpp"
#include "common/cdev_events.hpp"
#include "common/child_process.hpp"
#include "common/line_events.hpp"
#include "common/text.hpp"

namespace gpioclx {
namespace e2e {

inline const char consumer[] = "gpioclx-e2e";
inline const ::std::string node = "gpio-controller-0";
constexpr unsigned int pins_per_bank = 32;
constexpr auto event_timeout = ::std::chrono::milliseconds(2000);
/* How long "no further event" is watched for; not a speed requirement. */
constexpr auto quiet_period = ::std::chrono::milliseconds(100);

constexpr auto rising = ::gpiod::edge_event::event_type::RISING_EDGE;
constexpr auto falling = ::gpiod::edge_event::event_type::FALLING_EDGE;

/*
 * Whether the both-edge events a GPIO tool printed into @path, one a
 * line with its type last ("1" or "rising", "0" or "falling"), show that
 * the character device's thread ran late (common::alternation_broken()):
 * the reason, not the driver, when such a tool saw fewer events than
 * were driven.
 */
inline bool printed_late_thread(const ::std::string &path)
{
	::std::vector<bool> rising;

	for (const auto &line : common::split_lines(run("cat " + path))) {
		auto words = common::split_words(line);

		if (!words.empty())
			rising.push_back(words.back() == "1" || words.back() == "rising");
	}
	return common::alternation_broken(rising);
}

/*
 * A debounced line on each kind of controller: hardware debounce
 * (gpio-controller-0), the core's software debounce on a memory-mapped
 * controller (gpio-controller-2) and on a passive one (gpio-controller-3).
 */
struct debounce_case {
	const char *name;
	const char *node;
	unsigned int ppb;
	unsigned int offset;
};

inline const debounce_case debounce_cases[] = {
	{ "hardware", "gpio-controller-0", 32, 12 },
	{ "core", "gpio-controller-2", 16, 12 },
	{ "passive", "gpio-controller-3", 8, 12 },
};

struct seen_edge {
	unsigned int offset;
	::gpiod::edge_event::event_type type;
};

/* The type of the next event of @line (true = rising), or nothing by @timeout. */
inline ::std::optional<bool> next_rising(common::line_events &line,
					 ::std::chrono::milliseconds timeout)
{
	auto ev = line.next(timeout);

	if (!ev)
		return ::std::nullopt;
	return ev->type() == rising;
}

/*
 * Bounce pin @offset of @b high, low, high, low, high; "" if that took
 * less than half of @period, else why a test of debounce by @period
 * proves nothing on this machine.
 */
inline ::std::string bounce(board &b, unsigned int offset,
			    ::std::chrono::milliseconds period)
{
	auto start = ::std::chrono::steady_clock::now();

	for (bool level : { true, false, true, false, true })
		b.set_input(offset, level);
	auto took = ::std::chrono::duration_cast<::std::chrono::milliseconds>(
		::std::chrono::steady_clock::now() - start);
	if (took < period / 2)
		return "";
	return "the burst took " + ::std::to_string(took.count()) +
	       " ms, too close to the " + ::std::to_string(period.count()) +
	       " ms period to prove anything on this machine";
}

/*
 * Rule 22 on line @offset of @b, requested in @line with a debounce
 * @period: a burst of bounces shorter than the period gives one rising
 * event, and the fall after it one falling event. Skips the test when the
 * burst took too long to tell. Each event is waited for as long as any in
 * the suite past the period: a late one is no fault of the debounce.
 */
inline void expect_debounced_burst(board &b, common::line_events &line,
				   unsigned int offset,
				   ::std::chrono::milliseconds period)
{
	auto why = bounce(b, offset, period);

	if (!why.empty())
		GTEST_SKIP() << why;
	auto ev = next_rising(line, period + event_timeout);
	ASSERT_TRUE(ev.has_value()) << "no event after the burst settled high";
	EXPECT_TRUE(*ev) << "not a rising edge";
	EXPECT_FALSE(next_rising(line, 2 * period).has_value()) << "a bounce got through";

	b.set_input(offset, false);
	ev = next_rising(line, period + event_timeout);
	ASSERT_TRUE(ev.has_value());
	EXPECT_FALSE(*ev) << "not a falling edge";
}

class E2E : public ::testing::Test {
protected:
	E2E(const ::std::string &chip_node = node, unsigned int ppb = pins_per_bank)
		: board_(chip_node, ppb)
	{
	}

	void TearDown() override
	{
		for (auto offset : driven_)
			board_.set_input(offset, false);
	}

	/* @offsets, driven low first, as inputs that detect @which edges. */
	common::line_events request(const ::gpiod::line::offsets &offsets,
				    ::gpiod::line::edge which)
	{
		for (auto offset : offsets) {
			board_.set_input(offset, false);
			driven_.push_back(offset);
		}
		return common::line_events(board_.chip(), offsets,
					   common::input_settings(which), consumer);
	}

	/*
	 * Drive @offset to @high and wait until the consumer has read the
	 * event it causes on @lines: it must be on @offset and of @type.
	 */
	void drive(common::line_events &lines, unsigned int offset, bool high,
		   ::gpiod::edge_event::event_type type)
	{
		board_.set_input(offset, high);
		auto ev = next_event(lines);
		EXPECT_EQ(ev.offset, offset);
		EXPECT_EQ(ev.type, type)
			<< "driving " << offset << (high ? " high" : " low");
	}

	/*
	 * Start @argv, a GPIO tool that watches @offsets (appended), which are
	 * driven low first, printing line by line into gpiomon_out(), and wait
	 * until its requests are complete (requested_watch) and their
	 * interrupts enabled in the controller: a line shows as used before
	 * its interrupt is requested.
	 */
	common::child_process start_monitor(::std::vector<::std::string> argv,
					    const ::std::vector<unsigned int> &offsets)
	{
		requested_watch requested(board_.node(), offsets);

		for (auto offset : offsets) {
			board_.set_input(offset, false);
			driven_.push_back(offset);
			argv.push_back(::std::to_string(offset));
		}
		common::child_process monitor(argv, gpiomon_out());
		if (!requested.wait(::std::chrono::milliseconds(5000)))
			throw ::std::runtime_error(argv[2] +
						   " never completed its request");
		for (auto offset : offsets)
			if (!board_.wait_enabled(offset))
				throw ::std::runtime_error(argv[2] +
							   " never enabled pin " +
							   ::std::to_string(offset));
		return monitor;
	}

	/*
	 * Start Debian 12's gpiomon (libgpiod 1.6, the v1 interface) for
	 * @events events on @offsets (plus @flags), printing "offset type"
	 * lines (it prints line-buffered).
	 */
	common::child_process start_gpiomon(const ::std::vector<unsigned int> &offsets,
					    const char *flags, int events)
	{
		::std::vector<::std::string> argv = { "timeout", "20",
						      "gpiomon", "-b",
						      "-n",      ::std::to_string(events),
						      "-F",      "%o %e" };
		if (*flags)
			argv.push_back(flags);
		argv.push_back(board_.chip_name());
		return start_monitor(argv, offsets);
	}

	/*
	 * Drive @offset to @high and, if the tool is to see that edge, wait
	 * until it has printed its @printed-th line: the tool's own thread has
	 * read the event, not just the core dispatched it.
	 */
	void drive_gpiomon(unsigned int offset, bool high, bool seen, size_t &printed)
	{
		board_.set_input(offset, high);
		if (!seen)
			return;
		printed++;
		ASSERT_TRUE(wait_until(
			[&] { return file_lines(gpiomon_out()).size() >= printed; },
			event_timeout))
			<< "no line " << printed << " printed after driving " << offset
			<< (high ? " high" : " low");
	}

	/*
	 * Pulse lines 5 and 38, in two banks, twice, in turn (5 up, 38 up, 5
	 * down, 38 down). Each edge a tool watching for @which edges is to see
	 * is printed before the next is driven, so the order across the two
	 * lines is defined too.
	 */
	void pulse_two_banks(::gpiod::line::edge which)
	{
		const ::std::vector<::std::pair<unsigned int, bool>> steps = {
			{ 5, true }, { 38, true }, { 5, false }, { 38, false }
		};
		size_t printed = 0;

		for (int i = 0; i < 2; i++) {
			for (auto [offset, high] : steps) {
				bool seen =
					which == ::gpiod::line::edge::BOTH ||
					(which == ::gpiod::line::edge::RISING) == high;

				drive_gpiomon(offset, high, seen, printed);
			}
		}
	}

	/* gpiomon catches two pulses on @offset, exactly. */
	void expect_gpiomon_pulses(unsigned int offset)
	{
		auto gpiomon = start_gpiomon({ offset }, "", 4);
		auto up = ::std::to_string(offset) + " 1\n";
		auto down = ::std::to_string(offset) + " 0\n";
		size_t printed = 0;

		for (int i = 0; i < 2; i++) {
			drive_gpiomon(offset, true, true, printed);
			drive_gpiomon(offset, false, true, printed);
		}
		EXPECT_EQ(gpiomon.wait(), 0);
		EXPECT_EQ(run("cat " + gpiomon_out()), up + down + up + down);
	}

	static ::std::string gpiomon_out()
	{
		const char *tmp = ::getenv("TMPDIR");

		return ::std::string(tmp ? tmp : "/tmp") + "/gpiomon.txt";
	}

	static seen_edge next_event(common::line_events &lines)
	{
		auto ev = lines.next(event_timeout);

		if (!ev)
			throw ::std::runtime_error("no event within the timeout");
		return { ev->line_offset(), ev->type() };
	}

	/* No event of @lines within the quiet period. */
	static bool quiet(common::line_events &lines)
	{
		return lines.quiet(quiet_period);
	}

	board board_;
	::std::vector<unsigned int> driven_;
};

} /* namespace e2e */
} /* namespace gpioclx */

#endif /* GPIOCLX_E2E_FIXTURE_HPP */
