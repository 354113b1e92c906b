// SPDX-License-Identifier: GPL-2.0
/*
 * Edge events of some lines through either interface of the GPIO character
 * device, and the account of what the device did with them. The v2
 * interface (libgpiod 2) numbers each line's events, line_seqno, and its
 * queue drops the oldest event when full: the gaps in line_seqno are
 * exactly the events it dropped. The v1 interface (v1_line_events)
 * numbers nothing and its queue drops the newest: its losses show only
 * against the core's count of interrupts dispatched. Edges the controller
 * merged before any interrupt was raised (the simulator's "coalesced"
 * count) are not the character device's doing, on either interface.
 */
#ifndef GPIOCLX_COMMON_CDEV_EVENTS_HPP
#define GPIOCLX_COMMON_CDEV_EVENTS_HPP

#include <chrono>
#include <cstdint>
#include <deque>
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include <gpiod.hpp>

#include "line_events.hpp"
#include "v1_line_events.hpp"

namespace gpioclx {
namespace common {

enum class cdev_abi { v1, v2 };

/* "v1" or "v2". */
const char *abi_name(cdev_abi abi);

struct cdev_event {
	unsigned int offset;
	bool rising;
	::std::uint64_t timestamp_ns;
	unsigned long line_seqno; /* 0 on v1 */
};

class cdev_events {
public:
	/*
	 * @edges of @offsets of @chip through @abi, requested as @consumer.
	 * Throws ::std::system_error with the kernel's errno.
	 */
	cdev_events(::gpiod::chip &chip, const ::gpiod::line::offsets &offsets,
		    ::gpiod::line::edge edges, cdev_abi abi,
		    const ::std::string &consumer);

	cdev_abi abi() const { return abi_; }

	/* The next event, or nothing within @timeout. */
	::std::optional<cdev_event> next(::std::chrono::milliseconds timeout);

	/* Events until @count have come, each within @timeout of the one before. */
	::std::vector<cdev_event> read(size_t count, ::std::chrono::milliseconds timeout);

	/* Every event that comes within @period of the one before. */
	::std::vector<cdev_event> read_until_quiet(::std::chrono::milliseconds period);

	/* No event within @period. */
	bool quiet(::std::chrono::milliseconds period);

	/* The level of line @offset, 0 or 1. */
	int value(unsigned int offset);

	/* Events of line @offset read so far. */
	::std::uint64_t events_read(unsigned int offset) const;

	/*
	 * v2: the events of line @offset that the character device dropped
	 * before those read so far, from the gaps in their line_seqno. v1:
	 * nothing, as v1 events carry no sequence number.
	 */
	::std::optional<::std::uint64_t> dropped(unsigned int offset) const;

private:
	/* v1: whether an event is waiting on any line, within @timeout. */
	bool v1_wait(::std::chrono::milliseconds timeout) const;

	cdev_abi abi_;
	::std::optional<line_events> v2_;
	::std::vector<::std::pair<unsigned int, v1_line_events>> v1_;
	::std::deque<cdev_event> v1_pending_; /* read, not yet taken */
	::std::map<unsigned int, ::std::uint64_t> read_;
	::std::map<unsigned int, unsigned long> last_seqno_;
};

/*
 * Whether the types of a line's both-edge events (@rising, in the order
 * read) show a late interrupt thread, given an edge source whose level
 * starts low and alternates. Either interface's thread reads the line's
 * level to type an event: a thread that ran after the next edge had come
 * typed the first of the two by the second's level, and made one event of
 * both. So a falling event first, or two of one type in a row, mean it ran
 * late; a queue that drops its newest events never breaks the alternation.
 * (Three interrupts in one event keep it; this does not see them.)
 */
bool alternation_broken(const ::std::vector<bool> &rising);

/*
 * Whether the character device's interrupt thread ran late for one line:
 * after the line's next interrupt, so the two woke it once and made one
 * event, and fewer events were made than the core dispatched. It happens
 * on a busy host and is gpiolib's, not the controller's. @events are the
 * line's events in the order read, of an edge source whose level starts
 * low and alternates (a square wave or a pulse train on both edges);
 * @dispatched, the core's count of its interrupts. v2 numbers an event
 * when the thread runs, so the last line_seqno falls short of
 * @dispatched. v1 numbers nothing, and its queue drops only its newest
 * events: alternation_broken() tells. Only a shortfall of events read
 * says that anything was lost; this says whether a late thread explains
 * it.
 */
bool thread_ran_late(cdev_abi abi, const ::std::vector<cdev_event> &events,
		     ::std::uint64_t dispatched);

} /* namespace common */
} /* namespace gpioclx */

#endif /* GPIOCLX_COMMON_CDEV_EVENTS_HPP */
