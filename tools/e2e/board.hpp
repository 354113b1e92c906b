// SPDX-License-Identifier: GPL-2.0
/*
 * The UML test board as the end-to-end tests see it: our GPIO chip through
 * libgpiod 2, and the simulated controller's debugfs files that drive its
 * input pins and show its registers.
 */
#ifndef GPIOCLX_E2E_BOARD_HPP
#define GPIOCLX_E2E_BOARD_HPP

#include <chrono>
#include <cstdint>
#include <functional>
#include <map>
#include <ostream>
#include <string>
#include <vector>

#include <gpiod.hpp>

/* What the tests run in the background (gpiomon, gpioclx watch) is a child_process. */
#include "common/child_process.hpp"

namespace gpioclx {

/*
 * A line-info watch on @offsets of the chip labelled @label, made before
 * another process (gpiomon, gpioclx watch) requests them: wait() returns
 * once the kernel announced each one as requested, which it does only when
 * the request is complete. A line shows as used, and its interrupt as
 * enabled, a little earlier: the v2 character device drops an edge that
 * comes in between (its event thread does not know the edges it is to
 * report yet).
 */
class requested_watch {
public:
	requested_watch(const ::std::string &label,
			const ::std::vector<unsigned int> &offsets);
	bool wait(::std::chrono::milliseconds timeout);

private:
	::gpiod::chip chip_;
	::std::vector<unsigned int> left_;
};

/* One bank's registers, parsed from the simulator's "regs" file. */
struct bank_regs {
	::std::uint64_t in, out, dir, en, mask, edge, pol, both, status;
};

class board {
public:
	/* Open the simulated controller created from device-tree node @node. */
	board(const ::std::string &node, unsigned int pins_per_bank);

	::gpiod::chip &chip() { return chip_; }
	const ::std::string &node() const { return node_; }
	/* gpiochipN, as the GPIO tools name the chip. */
	::std::string chip_name() const { return chip_.get_info().name(); }

	/* Drive the level outside the chip puts on input pin @offset. */
	void set_input(unsigned int offset, bool high) const;

	/* Registers of every bank, read in one piece each. */
	::std::vector<bank_regs> regs() const { return regs_file("regs"); }

	/* The same, from another register dump of the simulator (asleep_regs). */
	::std::vector<bank_regs> regs_file(const ::std::string &file) const;

	/*
	 * Wait up to 5 s for @offset's interrupt enable bit; false if never.
	 * From then on the controller delivers every edge; whether the
	 * consumer queues it depends on its request being complete (see
	 * requested_watch).
	 */
	bool wait_enabled(unsigned int offset) const;

	/* One column of the core's statistics for @offset ("dispatched"...). */
	::std::uint64_t stat(unsigned int offset, const ::std::string &column) const;

	/* Edges @offset's status latch merged since probe (the simulator's count). */
	::std::uint64_t coalesced(unsigned int offset) const;

	/* The "key value" lines of the signal generator's file. */
	::std::map<::std::string, ::std::string> generator() const;

	::std::string debugfs_path(const ::std::string &file) const;

private:
	::std::string node_;
	unsigned int pins_per_bank_;
	::gpiod::chip chip_;
};

/*
 * Poll @done every millisecond until it holds, for at most @timeout; its
 * last answer. Every wait of the tests waits for the very thing they assert
 * next, through this or a blocking read with a timeout, never a sleep.
 */
bool wait_until(const ::std::function<bool()> &done, ::std::chrono::milliseconds timeout);

/*
 * The other way round: true if @same still holds after @period, false as
 * soon as it does not. For "nothing more happens" after what was awaited.
 */
bool holds_for(const ::std::function<bool()> &same, ::std::chrono::milliseconds period);

/* Lines of the text file @path so far (a tool's output while it runs). */
::std::vector<::std::string> file_lines(const ::std::string &path);

/*
 * common::write_file() as the tests assert on it: 0, or the errno of the
 * write the kernel refused (EINVAL from a store handler, ENOENT for a pin
 * the simulator does not have).
 */
int write_file(const ::std::string &path, const ::std::string &text);

/* Run a shell command; returns its standard output, sets @status. */
::std::string run(const ::std::string &command, int *status = nullptr);

/* Kernel log records (without their prefix) that contain @needle. */
::std::vector<::std::string> kernel_log(const ::std::string &needle);

/* Reports in the kernel log so far: BUG, WARNING, Oops, UBSAN lines. */
size_t kernel_splats();

/*
 * The board's sample peripherals (drivers/misc/gpio-clx-sample.c), by
 * device-tree node name: interrupts serviced so far, raising the interrupt
 * now or while the system next suspends, and waiting for a count.
 */
unsigned long sample_events(const char *dev);
void sample_trigger(const char *dev);
void sample_trigger_in_sleep(const char *dev);
bool sample_wait(const char *dev, unsigned long count);

} /* namespace gpioclx */

/* GoogleTest prints a libgpiod 2 event type it compares by this. */
namespace gpiod {
void PrintTo(edge_event::event_type type, ::std::ostream *os);
} /* namespace gpiod */

#endif /* GPIOCLX_E2E_BOARD_HPP */
