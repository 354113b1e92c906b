// SPDX-License-Identifier: GPL-2.0
/*
 * The UML test board as the end-to-end tests see it: our GPIO chip through
 * libgpiod, and the simulated controller's debugfs files that drive its
 * input pins and show its registers.
 */
#ifndef GPIOCLX_E2E_BOARD_HPP
#define GPIOCLX_E2E_BOARD_HPP

#include <cstdint>
#include <string>
#include <vector>

#include <gpiod.hpp>

/* What the tests run in the background (gpiomon, gpioclx watch) is a child_process. */
#include "common/child_process.hpp"

namespace gpioclx {

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

	/* Drive the level outside the chip puts on input pin @offset. */
	void set_input(unsigned int offset, bool high) const;

	/* Registers of every bank, read in one piece each. */
	::std::vector<bank_regs> regs() const { return regs_file("regs"); }

	/* The same, from another register dump of the simulator (asleep_regs). */
	::std::vector<bank_regs> regs_file(const ::std::string &file) const;

	/*
	 * Wait until the controller has no undelivered interrupt status left
	 * on @offset and every handler the core started for it has returned
	 * (the core's statistics say so): the consumer has the event.
	 */
	void settle(unsigned int offset) const;

	/* Wait up to 5 s for @offset's interrupt enable bit; false if never. */
	bool wait_enabled(unsigned int offset) const;

	/* True when every interrupt the core found on @offset was handled. */
	bool handlers_done(unsigned int offset) const;

	::std::string debugfs_path(const ::std::string &file) const;

private:
	::std::string node_;
	unsigned int pins_per_bank_;
	::gpiod::chip chip_;
};

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

} /* namespace gpioclx */

#endif /* GPIOCLX_E2E_BOARD_HPP */
