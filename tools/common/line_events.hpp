// SPDX-License-Identifier: GPL-2.0
/*
 * Lines requested through libgpiod 2 (the character device's v2
 * interface) and their edge events as the tests and the benchmarks wait
 * for them: the next one within a timeout, a number of them, or none for
 * a quiet period. One request's events come in one queue, in the order
 * they happened, with sequence numbers per line and per request.
 */
#ifndef GPIOCLX_COMMON_LINE_EVENTS_HPP
#define GPIOCLX_COMMON_LINE_EVENTS_HPP

#include <chrono>
#include <deque>
#include <optional>
#include <string>
#include <vector>

#include <gpiod.hpp>

namespace gpioclx {
namespace common {

/* Input settings that detect @edge, debounced by @debounce if not zero. */
::gpiod::line_settings
input_settings(::gpiod::line::edge edge = ::gpiod::line::edge::NONE,
	       ::std::chrono::microseconds debounce = ::std::chrono::microseconds(0));

/*
 * What @next(@timeout), a function that gives an optional event, gives
 * until @count events have come or it gives none.
 */
template <typename Next>
auto collect_events(Next &&next, size_t count, ::std::chrono::milliseconds timeout)
{
	::std::vector<typename decltype(next(timeout))::value_type> events;

	while (events.size() < count) {
		auto ev = next(timeout);

		if (!ev)
			break;
		events.push_back(*ev);
	}
	return events;
}

class line_events {
public:
	/* @offsets of @chip with @settings, requested as @consumer. */
	line_events(::gpiod::chip &chip, const ::gpiod::line::offsets &offsets,
		    const ::gpiod::line_settings &settings,
		    const ::std::string &consumer);
	/* A request made elsewhere (lines with settings of their own). */
	explicit line_events(::gpiod::line_request &&request);

	::gpiod::line_request &request() { return request_; }

	/* The next event, or nothing within @timeout. */
	::std::optional<::gpiod::edge_event> next(::std::chrono::milliseconds timeout);

	/*
	 * Events until @count have come, each within @timeout of the one
	 * before; fewer if one never came.
	 */
	::std::vector<::gpiod::edge_event> read(size_t count,
						::std::chrono::milliseconds timeout);

	/* Every event that comes within @period of the one before. */
	::std::vector<::gpiod::edge_event>
	read_until_quiet(::std::chrono::milliseconds period);

	/* No event within @period. */
	bool quiet(::std::chrono::milliseconds period);

	/* The level of line @offset, 0 or 1. */
	int value(unsigned int offset);

	void release() { request_.release(); }

private:
	::gpiod::line_request request_;
	::gpiod::edge_event_buffer buffer_;
	::std::deque<::gpiod::edge_event> pending_; /* read, not yet taken */
};

} /* namespace common */
} /* namespace gpioclx */

#endif /* GPIOCLX_COMMON_LINE_EVENTS_HPP */
