// SPDX-License-Identifier: GPL-2.0
#include "cdev_events.hpp"

#include <algorithm>
#include <cerrno>
#include <poll.h>
#include <system_error>

namespace gpioclx {
namespace common {

const char *abi_name(cdev_abi abi)
{
	return abi == cdev_abi::v1 ? "v1" : "v2";
}

cdev_events::cdev_events(::gpiod::chip &chip, const ::gpiod::line::offsets &offsets,
			 ::gpiod::line::edge edges, cdev_abi abi,
			 const ::std::string &consumer)
	: abi_(abi)
{
	if (abi == cdev_abi::v2) {
		v2_.emplace(chip, offsets, input_settings(edges), consumer);
		return;
	}
	for (auto offset : offsets)
		v1_.emplace_back(offset,
				 v1_line_events(chip.path(), offset, edges, consumer));
}

bool cdev_events::v1_wait(::std::chrono::milliseconds timeout) const
{
	::std::vector<struct pollfd> fds;

	for (const auto &[offset, line] : v1_)
		fds.push_back({ line.fd(), POLLIN, 0 });
	int ret = ::poll(fds.data(), fds.size(), static_cast<int>(timeout.count()));
	if (ret < 0)
		throw ::std::system_error(errno, ::std::generic_category(),
					  "waiting for v1 line events");
	return ret > 0;
}

::std::optional<cdev_event> cdev_events::next(::std::chrono::milliseconds timeout)
{
	cdev_event got;

	if (v2_) {
		auto ev = v2_->next(timeout);

		if (!ev)
			return ::std::nullopt;
		got = { ev->line_offset(),
			ev->type() == ::gpiod::edge_event::event_type::RISING_EDGE,
			ev->timestamp_ns().ns(), ev->line_seqno() };
		last_seqno_[got.offset] = got.line_seqno;
	} else {
		if (v1_pending_.empty() && v1_wait(timeout)) {
			/* Each line has a queue of its own: merge them in time. */
			for (const auto &[offset, line] : v1_)
				for (const auto &ev : line.read_waiting())
					v1_pending_.push_back({ offset, ev.rising,
								ev.timestamp_ns, 0 });
			::std::stable_sort(v1_pending_.begin(), v1_pending_.end(),
					   [](const auto &a, const auto &b) {
						   return a.timestamp_ns < b.timestamp_ns;
					   });
		}
		if (v1_pending_.empty())
			return ::std::nullopt;
		got = v1_pending_.front();
		v1_pending_.pop_front();
	}
	read_[got.offset]++;
	return got;
}

::std::vector<cdev_event> cdev_events::read(size_t count,
					    ::std::chrono::milliseconds timeout)
{
	return collect_events([this](auto t) { return next(t); }, count, timeout);
}

::std::vector<cdev_event>
cdev_events::read_until_quiet(::std::chrono::milliseconds period)
{
	return read(SIZE_MAX, period);
}

bool cdev_events::quiet(::std::chrono::milliseconds period)
{
	if (v2_)
		return v2_->quiet(period);
	return v1_pending_.empty() && !v1_wait(period);
}

int cdev_events::value(unsigned int offset)
{
	if (v2_)
		return v2_->value(offset);
	for (const auto &[o, line] : v1_)
		if (o == offset)
			return line.value();
	throw ::std::out_of_range("line " + ::std::to_string(offset) +
				  " is not requested");
}

::std::uint64_t cdev_events::events_read(unsigned int offset) const
{
	auto it = read_.find(offset);

	return it == read_.end() ? 0 : it->second;
}

::std::optional<::std::uint64_t> cdev_events::dropped(unsigned int offset) const
{
	if (abi_ == cdev_abi::v1)
		return ::std::nullopt;
	auto it = last_seqno_.find(offset);
	/* line_seqno counts from 1 for the request's first event of the line. */
	return it == last_seqno_.end() ? 0 : it->second - events_read(offset);
}

bool alternation_broken(const ::std::vector<bool> &rising)
{
	if (rising.empty())
		return false;
	if (!rising.front())
		return true;
	for (size_t i = 1; i < rising.size(); i++)
		if (rising[i] == rising[i - 1])
			return true;
	return false;
}

bool thread_ran_late(cdev_abi abi, const ::std::vector<cdev_event> &events,
		     ::std::uint64_t dispatched)
{
	::std::vector<bool> rising;

	if (events.empty())
		return false;
	if (abi == cdev_abi::v2)
		return events.back().line_seqno < dispatched;
	for (const auto &ev : events)
		rising.push_back(ev.rising);
	return alternation_broken(rising);
}

} /* namespace common */
} /* namespace gpioclx */
