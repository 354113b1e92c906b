// SPDX-License-Identifier: GPL-2.0
/*
 * watch: line events through libgpiod, printed as they come.
 */
#include <algorithm>
#include <chrono>
#include <iostream>
#include <map>
#include <stdexcept>
#include <system_error>
#include <vector>

#include "chips.hpp"
#include "commands.hpp"
#include "report.hpp"

namespace gpioclx {
namespace tool {

namespace {

using ::std::chrono::steady_clock;

/* How long one wait lasts when there is no deadline. */
constexpr auto idle_wait = ::std::chrono::seconds(1);

int request_type(edge e)
{
	switch (e) {
	case edge::rising:
		return ::gpiod::line_request::EVENT_RISING_EDGE;
	case edge::falling:
		return ::gpiod::line_request::EVENT_FALLING_EDGE;
	default:
		return ::gpiod::line_request::EVENT_BOTH_EDGES;
	}
}

::std::vector<unsigned int> watched_pins(const invocation &inv, const ::gpiod::chip &chip)
{
	auto names = line_names(chip);
	::std::vector<unsigned int> pins;

	for (const auto &word : inv.pins)
		for (auto pin :
		     resolve_pins(word, chip.num_lines(), names, chip_title(chip)))
			pins.push_back(pin);
	::std::sort(pins.begin(), pins.end());
	pins.erase(::std::unique(pins.begin(), pins.end()), pins.end());
	return pins;
}

/* Every event waiting on the lines of @ready, oldest first. */
::std::vector<::gpiod::line_event> read_events(::gpiod::line_bulk ready)
{
	::std::vector<::gpiod::line_event> events;

	for (const auto &line : ready)
		for (auto &ev : line.event_read_multiple())
			events.push_back(ev);
	::std::sort(events.begin(), events.end(), [](const auto &a, const auto &b) {
		return a.timestamp < b.timestamp;
	});
	return events;
}

} /* namespace */

void run_watch(const invocation &inv)
{
	auto chip = open_chip(inv.chip);
	auto pins = watched_pins(inv, chip);
	auto lines = chip.get_lines(pins);
	::std::map<unsigned int, ::std::string> names;
	::std::uint64_t seen = 0;
	auto deadline = steady_clock::now() + inv.timeout.value_or(idle_wait);

	for (auto pin : pins)
		names[pin] = chip.get_line(pin).name();
	try {
		lines.request({ "gpioclx", request_type(inv.edges), 0 });
	} catch (const ::std::system_error &e) {
		throw ::std::runtime_error("cannot watch " + chip_title(chip) + " " +
					   format_pin_list(pins) + ": " +
					   e.code().message());
	}
	while (!inv.count || seen < inv.count) {
		auto wait = inv.timeout ? deadline - steady_clock::now() : idle_wait;

		if (wait <= steady_clock::duration::zero())
			break;
		for (const auto &ev : read_events(lines.event_wait(wait))) {
			auto offset = ev.source.offset();
			bool rising = ev.event_type == ::gpiod::line_event::RISING_EDGE;

			if (inv.count && seen == inv.count)
				break;
			::std::cout << format_event(ev.timestamp.count(), offset,
						    names[offset], rising)
				    << '\n';
			seen++;
		}
		::std::cout.flush();
	}
	if (inv.count && seen < inv.count)
		throw ::std::runtime_error("timed out after " + ::std::to_string(seen) +
					   " of " + ::std::to_string(inv.count) +
					   " events");
}

} /* namespace tool */
} /* namespace gpioclx */
