// SPDX-License-Identifier: GPL-2.0
/*
 * watch: line events through libgpiod 2, printed as they come.
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

::gpiod::line::edge request_edge(edge e)
{
	switch (e) {
	case edge::rising:
		return ::gpiod::line::edge::RISING;
	case edge::falling:
		return ::gpiod::line::edge::FALLING;
	default:
		return ::gpiod::line::edge::BOTH;
	}
}

::std::vector<unsigned int> watched_pins(const invocation &inv, const ::gpiod::chip &chip)
{
	auto names = line_names(chip);
	::std::vector<unsigned int> pins;

	for (const auto &word : inv.pins)
		for (auto pin :
		     resolve_pins(word, num_lines(chip), names, chip_title(chip)))
			pins.push_back(pin);
	::std::sort(pins.begin(), pins.end());
	pins.erase(::std::unique(pins.begin(), pins.end()), pins.end());
	return pins;
}

/* The lines @pins of @chip, detecting @which edges, requested as "gpioclx". */
::gpiod::line_request request_lines(::gpiod::chip &chip,
				    const ::std::vector<unsigned int> &pins, edge which)
{
	::gpiod::line_settings settings;

	settings.set_direction(::gpiod::line::direction::INPUT)
		.set_edge_detection(request_edge(which));
	try {
		return chip.prepare_request()
			.set_consumer("gpioclx")
			.add_line_settings(
				::gpiod::line::offsets(pins.begin(), pins.end()),
				settings)
			.do_request();
	} catch (const ::std::system_error &e) {
		throw ::std::runtime_error("cannot watch " + chip_title(chip) + " " +
					   format_pin_list(pins) + ": " +
					   e.code().message());
	}
}

} /* namespace */

void run_watch(const invocation &inv)
{
	auto chip = open_chip(inv.chip);
	auto pins = watched_pins(inv, chip);
	::std::map<unsigned int, ::std::string> names;
	::std::uint64_t seen = 0;
	auto deadline = steady_clock::now() + inv.timeout.value_or(idle_wait);
	::gpiod::edge_event_buffer events;

	for (auto pin : pins)
		names[pin] = chip.get_line_info(pin).name();
	auto lines = request_lines(chip, pins, inv.edges);
	/* One request's events come in one queue, in the order they happened. */
	while (!inv.count || seen < inv.count) {
		auto wait = inv.timeout ? deadline - steady_clock::now() : idle_wait;

		if (wait <= steady_clock::duration::zero())
			break;
		if (!lines.wait_edge_events(wait))
			continue;
		lines.read_edge_events(events);
		for (const auto &ev : events) {
			auto offset = ev.line_offset();
			bool rising =
				ev.type() == ::gpiod::edge_event::event_type::RISING_EDGE;

			if (inv.count && seen == inv.count)
				break;
			::std::cout << format_event(ev.timestamp_ns().ns(), offset,
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
