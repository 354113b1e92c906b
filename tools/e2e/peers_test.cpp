// SPDX-License-Identifier: GPL-2.0
/*
 * Peer clients of both interfaces of the character device: libgpiod 2's
 * tools (gpiodetect, gpioinfo, gpiomon, gpioset, gpioget, gpionotify, the
 * v2 interface), called by full path from where the build found libgpiod
 * 2, next to Debian 12's libgpiod 1.6 tools on $PATH (the v1 interface);
 * and what only v2 has, through libgpiod 2's C++ API: a debounce period
 * changed on a live request (set_config), line-info change events, and
 * the clock of event timestamps.
 */
#include <cerrno>
#include <chrono>
#include <csignal>
#include <cstdint>
#include <cstring>
#include <ctime>
#include <string>
#include <system_error>
#include <vector>

#include <gtest/gtest.h>

#include "board.hpp"
#include "common/child_process.hpp"
#include "common/gpio_chips.hpp"
#include "common/line_events.hpp"
#include "common/v1_line_events.hpp"
#include "fixture.hpp"

namespace {

using ::gpioclx::common::child_process;
using ::gpioclx::common::input_settings;
using ::gpioclx::common::line_events;
using ::gpioclx::common::v1_line_events;
using ::gpioclx::e2e::consumer;
using ::gpioclx::e2e::debounce_case;
using ::gpioclx::e2e::E2E;
using ::gpioclx::e2e::event_timeout;
using ::gpioclx::e2e::node;
using ::gpioclx::e2e::rising;
using ::gpiod::line::edge;
using ::std::chrono::milliseconds;
using info_type = ::gpiod::info_event::event_type;

/* A tool of libgpiod 2, by its full path: /usr/bin has libgpiod 1.6's. */
::std::string gpiod2(const char *tool)
{
	return ::std::string(GPIOCLX_GPIOD2_BINDIR) + "/" + tool;
}

::std::string scratch(const char *name)
{
	const char *tmp = ::getenv("TMPDIR");

	return ::std::string(tmp ? tmp : "/tmp") + "/" + name;
}

/* The time of @clock in nanoseconds. */
::std::uint64_t clock_ns(clockid_t clock)
{
	struct timespec ts;

	::clock_gettime(clock, &ts);
	return static_cast<::std::uint64_t>(ts.tv_sec) * 1000000000 + ts.tv_nsec;
}

/* "sec.nsec" as gpiomon's %S prints a timestamp, in nanoseconds. */
::std::uint64_t parse_seconds(const ::std::string &text)
{
	auto dot = text.find('.');

	if (dot == ::std::string::npos)
		throw ::std::runtime_error("not a timestamp: " + text);
	return ::std::stoull(text.substr(0, dot)) * 1000000000 +
	       ::std::stoull(text.substr(dot + 1));
}

class Peers : public E2E {
protected:
	Peers() = default;
	Peers(const char *chip_node, unsigned int ppb) : E2E(chip_node, ppb) {}

	/* libgpiod 2's gpiomon on @offsets for @events events, printing "%o %E". */
	child_process start_gpiomon2(const ::std::vector<unsigned int> &offsets,
				     const ::std::vector<::std::string> &options,
				     int events)
	{
		::std::vector<::std::string> argv = { "timeout",
						      "20",
						      gpiod2("gpiomon"),
						      "-c",
						      board_.chip_name(),
						      "-n",
						      ::std::to_string(events),
						      "-F",
						      "%o %E" };

		argv.insert(argv.end(), options.begin(), options.end());
		return start_monitor(argv, offsets);
	}

	/* Line @offset's info, as the v2 interface reports it. */
	::gpiod::line_info info(unsigned int offset)
	{
		return board_.chip().get_line_info(offset);
	}
};

/* Both generations are there: v1 tools on $PATH, v2 tools where built. */
TEST_F(Peers, ToolGenerations)
{
	int status = -1;

	EXPECT_NE(gpioclx::run("gpiomon --version", &status).find("(libgpiod) v1."),
		  ::std::string::npos);
	EXPECT_EQ(status, 0);
	EXPECT_NE(gpioclx::run(gpiod2("gpiomon") + " --version", &status)
			  .find("(libgpiod) v2."),
		  ::std::string::npos);
	EXPECT_EQ(status, 0);
}

/*
 * libgpiod 2's gpiodetect and gpioinfo list our chip and its names, and
 * gpioinfo shows a line a v1 client holds: an input, and the client's
 * name. The v1 interface keeps an event request's edges to itself: the
 * line info shows none (6.1, and still 7.3).
 */
TEST_F(Peers, GpiodetectAndGpioinfo)
{
	int status = -1;
	auto detect = gpioclx::run(gpiod2("gpiodetect"), &status);

	ASSERT_EQ(status, 0);
	EXPECT_NE(detect.find(board_.chip_name() + " [" + node + "] (40 lines)"),
		  ::std::string::npos)
		<< detect;
	auto all =
		gpioclx::run(gpiod2("gpioinfo") + " -c " + board_.chip_name(), &status);
	ASSERT_EQ(status, 0);
	EXPECT_NE(all.find("\"BTN_A\""), ::std::string::npos) << all;
	EXPECT_NE(all.find("\"B1_P7\""), ::std::string::npos) << all;

	board_.set_input(1, false);
	v1_line_events held(board_.chip().path(), 1, edge::BOTH, "gpioclx-v1");
	auto one = gpioclx::run(gpiod2("gpioinfo") + " --unquoted -c " +
					board_.chip_name() + " 1",
				&status);
	ASSERT_EQ(status, 0);
	EXPECT_NE(one.find("\tinput consumer=gpioclx-v1\n"), ::std::string::npos) << one;
}

struct gpiomon_case {
	const char *name;
	const char *edges; /* gpiomon's --edges */
	edge which;
	const char *expected; /* "%o %E" lines for pulses on lines 5 and 38 */
	int events;
};

class Gpiomon2 : public Peers, public ::testing::WithParamInterface<gpiomon_case> {};

/*
 * libgpiod 2's gpiomon catches the injected edges on two lines in two
 * banks: exactly the expected events, in order, as Debian 12's does on v1
 * (Tools/Gpiomon).
 */
TEST_P(Gpiomon2, CatchesInjectedEdges)
{
	const auto &c = GetParam();
	auto gpiomon = start_gpiomon2({ 5, 38 }, { "-e", c.edges }, c.events);

	pulse_two_banks(c.which);
	EXPECT_EQ(gpiomon.wait(), 0);
	EXPECT_EQ(gpioclx::run("cat " + gpiomon_out()), c.expected);
}

INSTANTIATE_TEST_SUITE_P(
	Tools, Gpiomon2,
	::testing::Values(gpiomon_case{ "rising", "rising", edge::RISING,
					"5 rising\n38 rising\n5 rising\n38 rising\n", 4 },
			  gpiomon_case{ "falling", "falling", edge::FALLING,
					"5 falling\n38 falling\n5 falling\n38 falling\n",
					4 },
			  gpiomon_case{ "both", "both", edge::BOTH,
					"5 rising\n38 rising\n5 falling\n38 falling\n"
					"5 rising\n38 rising\n5 falling\n38 falling\n",
					8 }),
	[](const auto &info) { return ::std::string(info.param.name); });

/* A debounced line on each kind of controller (rule 22). */
class Debounce2 : public Peers, public ::testing::WithParamInterface<debounce_case> {
protected:
	Debounce2() : Peers(GetParam().node, GetParam().ppb) {}
};

/*
 * libgpiod 2's gpiomon --debounce-period: the line info shows the period
 * while gpiomon holds the line, and a burst of bounces gives gpiomon one
 * rising event, the fall after it one falling event.
 */
TEST_P(Debounce2, GpiomonDebouncePeriod)
{
	const auto &c = GetParam();
	constexpr auto period = milliseconds(200);
	auto gpiomon = start_gpiomon2({ c.offset }, { "-p", "200ms" }, 2);
	auto line = ::std::to_string(c.offset);

	EXPECT_TRUE(info(c.offset).debounced());
	EXPECT_EQ(info(c.offset).debounce_period(), period);
	auto why = ::gpioclx::e2e::bounce(board_, c.offset, period);
	if (!why.empty())
		GTEST_SKIP() << why;
	ASSERT_TRUE(gpioclx::wait_until(
		[&] { return gpioclx::file_lines(gpiomon_out()).size() >= 1; },
		period + event_timeout))
		<< "no event after the burst settled high";
	EXPECT_TRUE(gpioclx::holds_for(
		[&] { return gpioclx::file_lines(gpiomon_out()).size() == 1; },
		2 * period))
		<< "a bounce got through";
	board_.set_input(c.offset, false);
	EXPECT_EQ(gpiomon.wait(), 0);
	EXPECT_EQ(gpioclx::run("cat " + gpiomon_out()),
		  line + " rising\n" + line + " falling\n");
}

/*
 * The v2 interface changes a live request's debounce period
 * (GPIO_V2_LINE_SET_CONFIG_IOCTL, libgpiod 2's reconfigure_lines): a line
 * requested without debounce gets one, the line info says so, and bounces
 * are filtered; set back to none, every edge comes through again.
 */
TEST_P(Debounce2, SetConfigChangesTheLiveRequest)
{
	const auto &c = GetParam();
	constexpr auto period = milliseconds(200);
	auto lines = request({ c.offset }, edge::BOTH);
	::gpiod::line_config config;

	EXPECT_FALSE(info(c.offset).debounced());
	config.add_line_settings(c.offset, input_settings(edge::BOTH, period));
	lines.request().reconfigure_lines(config);
	EXPECT_TRUE(info(c.offset).debounced());
	EXPECT_EQ(info(c.offset).debounce_period(), period);
	ASSERT_NO_FATAL_FAILURE(
		::gpioclx::e2e::expect_debounced_burst(board_, lines, c.offset, period));
	if (IsSkipped())
		return;

	config.reset().add_line_settings(c.offset, input_settings(edge::BOTH));
	lines.request().reconfigure_lines(config);
	EXPECT_FALSE(info(c.offset).debounced());
	drive(lines, c.offset, true, rising);
	drive(lines, c.offset, false, ::gpioclx::e2e::falling);
	EXPECT_TRUE(quiet(lines));
}

INSTANTIATE_TEST_SUITE_P(Rule22, Debounce2,
			 ::testing::ValuesIn(::gpioclx::e2e::debounce_cases),
			 [](const auto &info) { return ::std::string(info.param.name); });

/*
 * libgpiod 2's gpioset drives an output (the simulator's output latch and
 * direction follow) for as long as it runs, and its gpioget reads an
 * input's level.
 */
TEST_F(Peers, GpiosetDrivesGpiogetReads)
{
	constexpr unsigned int out = 25, in = 26;
	auto bit = ::std::uint64_t(1) << out;

	/* An output at 0 first, so that what gpioset drives shows. */
	line_events(board_.chip(), { out },
		    ::gpiod::line_settings()
			    .set_direction(::gpiod::line::direction::OUTPUT)
			    .set_output_value(::gpiod::line::value::INACTIVE),
		    consumer);
	ASSERT_EQ(board_.regs()[0].out & bit, 0U);
	{
		child_process gpioset({ gpiod2("gpioset"), "-c", board_.chip_name(),
					::std::to_string(out) + "=1" },
				      scratch("gpioset.txt"));
		ASSERT_TRUE(gpioclx::wait_until(
			[&] {
				auto r = board_.regs()[0];
				return (r.dir & bit) && (r.out & bit);
			},
			event_timeout))
			<< "gpioset did not drive pin " << out;
		/* The line was requested, consumer and all, before its value was set. */
		auto held = info(out);
		EXPECT_EQ(held.direction(), ::gpiod::line::direction::OUTPUT);
		EXPECT_EQ(held.consumer(), "gpioset");
	}
	EXPECT_TRUE(gpioclx::wait_until([&] { return !info(out).used(); }, event_timeout))
		<< "gpioset ended and the line is still held";

	int status = -1;
	auto get = gpiod2("gpioget") + " -c " + board_.chip_name() + " --numeric " +
		   ::std::to_string(in);
	driven_.push_back(in);
	for (bool high : { true, false, true }) {
		board_.set_input(in, high);
		EXPECT_EQ(gpioclx::run(get, &status), high ? "1\n" : "0\n");
		EXPECT_EQ(status, 0);
	}
}

/*
 * libgpiod 2's gpionotify sees a line requested and released by a v1
 * client, then requested, reconfigured and released by a v2 one, each
 * with the consumer the line info names then. 7.x also announces the
 * input direction a v1 event request sets, as a "reconfigured" event just
 * before "requested"; 6.1 does not, and either is right.
 */
TEST_F(Peers, GpionotifySeesV1AndV2Clients)
{
	constexpr unsigned int pin = 3;
	auto out = scratch("gpionotify.txt");
	child_process notify({ "timeout", "20", gpiod2("gpionotify"), "--banner", "-c",
			       board_.chip_name(), "-F", "%E %C", ::std::to_string(pin) },
			     out);
	auto printed = [&](size_t n) {
		return gpioclx::wait_until(
			[&] { return gpioclx::file_lines(out).size() >= n; },
			event_timeout);
	};
	size_t extra = 0;

	/* The banner comes once every line is watched. */
	ASSERT_TRUE(printed(1)) << "gpionotify never started";
	board_.set_input(pin, false);
	{
		v1_line_events v1(board_.chip().path(), pin, edge::RISING, "gpioclx-v1");
		ASSERT_TRUE(printed(2));
		if (gpioclx::file_lines(out)[1] == "reconfigured gpioclx-v1") {
			extra = 1;
			ASSERT_TRUE(printed(3));
		}
	}
	ASSERT_TRUE(printed(3 + extra));
	{
		auto v2 = request({ pin }, edge::NONE);
		ASSERT_TRUE(printed(4 + extra));
		::gpiod::line_config config;
		config.add_line_settings(pin, input_settings(edge::FALLING));
		v2.request().reconfigure_lines(config);
		ASSERT_TRUE(printed(5 + extra));
	}
	ASSERT_TRUE(printed(6 + extra));
	notify.signal(SIGTERM);
	notify.wait();
	auto lines = gpioclx::file_lines(out);
	lines.erase(lines.begin());
	::std::vector<::std::string> expected = {
		"requested gpioclx-v1", "released unused", "requested gpioclx-e2e",
		"reconfigured gpioclx-e2e", "released unused"
	};
	if (extra)
		expected.insert(expected.begin(), "reconfigured gpioclx-v1");
	EXPECT_EQ(lines, expected);
	::testing::Test::RecordProperty("v1_request_announces_direction",
					static_cast<int>(extra));
}

/*
 * Line-info change events through libgpiod 2's API: a v1 client (Debian
 * 12's gpiomon) requesting a line and letting it go, and a v2 request
 * whose debounce period changes, each show up on a watched line with the
 * line's info at that moment.
 */
TEST_F(Peers, InfoEventsOfBothInterfaces)
{
	constexpr unsigned int pin = 3;
	auto watcher = ::gpioclx::common::open_chip_by_label(node);
	auto next = [&]() -> ::gpiod::info_event {
		if (!watcher.wait_info_event(event_timeout))
			throw ::std::runtime_error("no line-info event");
		return watcher.read_info_event();
	};

	EXPECT_FALSE(watcher.watch_line_info(pin).used());
	{
		auto gpiomon = start_gpiomon({ pin }, "", 1);
		auto ev = next();
		/* 7.x announces the v1 request's input direction first. */
		if (ev.type() == info_type::LINE_CONFIG_CHANGED)
			ev = next();
		EXPECT_EQ(ev.type(), info_type::LINE_REQUESTED);
		EXPECT_EQ(ev.get_line_info().consumer(), "gpiomon");
		/* The v1 interface keeps an event request's edges to itself. */
		EXPECT_EQ(ev.get_line_info().edge_detection(), edge::NONE);
	}
	EXPECT_EQ(next().type(), info_type::LINE_RELEASED);
	{
		auto lines = request({ pin }, edge::RISING);
		auto ev = next();
		EXPECT_EQ(ev.type(), info_type::LINE_REQUESTED);
		EXPECT_EQ(ev.get_line_info().consumer(), consumer);
		EXPECT_EQ(ev.get_line_info().edge_detection(), edge::RISING);
		EXPECT_FALSE(ev.get_line_info().debounced());

		::gpiod::line_config config;
		config.add_line_settings(pin,
					 input_settings(edge::RISING, milliseconds(5)));
		lines.request().reconfigure_lines(config);
		ev = next();
		EXPECT_EQ(ev.type(), info_type::LINE_CONFIG_CHANGED);
		EXPECT_EQ(ev.get_line_info().debounce_period(), milliseconds(5));
	}
	auto ev = next();
	EXPECT_EQ(ev.type(), info_type::LINE_RELEASED);
	EXPECT_FALSE(ev.get_line_info().used());
	watcher.unwatch_line_info(pin);
}

struct clock_case {
	const char *name;
	::gpiod::line::clock clock;
	clockid_t id;
};

class EventClock : public Peers, public ::testing::WithParamInterface<clock_case> {};

/*
 * An event's timestamp comes from the clock the request asked for: the
 * line info names it, and the timestamp lies between that clock's readings
 * before the edge was driven and after the event was read.
 */
TEST_P(EventClock, TimestampFromThatClock)
{
	const auto &c = GetParam();
	constexpr unsigned int pin = 16;

	board_.set_input(pin, false);
	driven_.push_back(pin);
	line_events lines(board_.chip(), { pin },
			  input_settings(edge::RISING).set_event_clock(c.clock),
			  consumer);
	EXPECT_EQ(info(pin).event_clock(), c.clock);
	auto before = clock_ns(c.id);
	board_.set_input(pin, true);
	auto ev = lines.next(event_timeout);
	auto after = clock_ns(c.id);
	ASSERT_TRUE(ev.has_value());
	EXPECT_GE(ev->timestamp_ns().ns(), before);
	EXPECT_LE(ev->timestamp_ns().ns(), after);
}

INSTANTIATE_TEST_SUITE_P(
	Clocks, EventClock,
	::testing::Values(clock_case{ "monotonic", ::gpiod::line::clock::MONOTONIC,
				      CLOCK_MONOTONIC },
			  clock_case{ "realtime", ::gpiod::line::clock::REALTIME,
				      CLOCK_REALTIME }),
	[](const auto &info) { return ::std::string(info.param.name); });

/*
 * Hardware timestamps (HTE) as the kernel has them: without CONFIG_HTE the
 * request is refused with EOPNOTSUPP; with it, our controllers have no
 * timestamp engine, and the request fails all the same. Either way the
 * line is left unused.
 */
TEST_F(Peers, HteClockAsTheKernelHasIt)
{
	constexpr unsigned int pin = 16;
	int err = 0;

	if (gpioclx::run("test -r /proc/config.gz && echo yes") != "yes\n")
		GTEST_SKIP()
			<< "no /proc/config.gz: cannot tell whether the kernel has HTE";
	bool hte = gpioclx::run("zcat /proc/config.gz | grep '^CONFIG_HTE='") ==
		   "CONFIG_HTE=y\n";
	try {
		line_events lines(board_.chip(), { pin },
				  input_settings(edge::RISING)
					  .set_event_clock(::gpiod::line::clock::HTE),
				  consumer);
	} catch (const ::std::system_error &e) {
		err = e.code().value();
	}
	RecordProperty("errno", err);
	if (hte)
		EXPECT_NE(err, 0) << "an HTE request on a controller without an engine";
	else
		EXPECT_EQ(err, EOPNOTSUPP) << ::strerror(err);
	EXPECT_FALSE(info(pin).used());
}

/*
 * libgpiod 2's gpiomon --event-clock realtime prints timestamps of the
 * realtime clock.
 */
TEST_F(Peers, GpiomonRealtimeClock)
{
	constexpr unsigned int pin = 38;
	child_process mon = start_monitor({ "timeout", "20", gpiod2("gpiomon"), "-c",
					    board_.chip_name(), "-E", "realtime", "-e",
					    "rising", "-n", "1", "-F", "%S" },
					  { pin });
	auto before = clock_ns(CLOCK_REALTIME);

	board_.set_input(pin, true);
	EXPECT_EQ(mon.wait(), 0) << "gpiomon printed no event; the core dispatched "
				 << board_.stat(pin, "dispatched")
				 << " interrupts of the pin so far, the line is "
				 << (info(pin).used() ? "still held" : "free");
	auto after = clock_ns(CLOCK_REALTIME);
	auto lines = gpioclx::file_lines(gpiomon_out());
	ASSERT_EQ(lines.size(), 1U);
	auto ts = parse_seconds(lines[0]);
	EXPECT_GE(ts, before);
	EXPECT_LE(ts, after);
}

/*
 * A line held through one interface is busy for the other: a v2 request
 * of a line Debian 12's gpiomon (v1) holds fails with EBUSY, and so does a
 * v1 request of a line libgpiod 2's gpiomon (v2) holds.
 */
TEST_F(Peers, InterfacesExcludeEachOther)
{
	auto busy = [](auto request) {
		try {
			request();
		} catch (const ::std::system_error &e) {
			return e.code().value();
		}
		return 0;
	};
	{
		auto gpiomon = start_gpiomon({ 5 }, "", 1);
		EXPECT_EQ(busy([&] {
				  line_events(board_.chip(), { 5 },
					      input_settings(edge::BOTH), consumer);
			  }),
			  EBUSY);
	}
	{
		auto gpiomon = start_gpiomon2({ 38 }, {}, 1);
		EXPECT_EQ(busy([&] {
				  v1_line_events(board_.chip().path(), 38, edge::BOTH,
						 consumer);
			  }),
			  EBUSY);
	}
}

} /* namespace */
