// SPDX-License-Identifier: GPL-2.0
#include "line_events.hpp"

#include <cstdint>
#include <utility>

namespace gpioclx {
namespace common {

::gpiod::line_settings input_settings(::gpiod::line::edge edge,
				      ::std::chrono::microseconds debounce)
{
	::gpiod::line_settings settings;

	settings.set_direction(::gpiod::line::direction::INPUT)
		.set_edge_detection(edge)
		.set_debounce_period(debounce);
	return settings;
}

line_events::line_events(::gpiod::chip &chip, const ::gpiod::line::offsets &offsets,
			 const ::gpiod::line_settings &settings,
			 const ::std::string &consumer)
	: request_(chip.prepare_request()
			   .set_consumer(consumer)
			   .add_line_settings(offsets, settings)
			   .do_request())
{
}

line_events::line_events(::gpiod::line_request &&request) : request_(::std::move(request))
{
}

::std::optional<::gpiod::edge_event>
line_events::next(::std::chrono::milliseconds timeout)
{
	if (pending_.empty()) {
		if (!request_.wait_edge_events(timeout))
			return ::std::nullopt;
		request_.read_edge_events(buffer_);
		pending_.insert(pending_.end(), buffer_.begin(), buffer_.end());
	}
	auto ev = pending_.front();
	pending_.pop_front();
	return ev;
}

::std::vector<::gpiod::edge_event> line_events::read(size_t count,
						     ::std::chrono::milliseconds timeout)
{
	return collect_events([this](auto t) { return next(t); }, count, timeout);
}

::std::vector<::gpiod::edge_event>
line_events::read_until_quiet(::std::chrono::milliseconds period)
{
	return read(SIZE_MAX, period);
}

bool line_events::quiet(::std::chrono::milliseconds period)
{
	return pending_.empty() && !request_.wait_edge_events(period);
}

int line_events::value(unsigned int offset)
{
	return request_.get_value(offset) == ::gpiod::line::value::ACTIVE ? 1 : 0;
}

} /* namespace common */
} /* namespace gpioclx */
