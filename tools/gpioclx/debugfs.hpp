// SPDX-License-Identifier: GPL-2.0
/*
 * The debugfs files gpioclx reads, parsed: the core's statistics
 * (gpio-clx/<device>/stats) and the simulator's registers and generator
 * state (gpio-clx-sim/<device>/regs, generator). Text that does not have
 * the expected shape is a ::std::runtime_error naming the line.
 */
#ifndef GPIOCLX_TOOL_DEBUGFS_HPP
#define GPIOCLX_TOOL_DEBUGFS_HPP

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

namespace gpioclx {
namespace tool {

/* "bank N: name 0x1f name 0 ...", the values in hex. */
struct bank_line {
	unsigned int index;
	::std::vector<::std::pair<::std::string, ::std::uint64_t>> values;
};

/* One line of the per-pin counters. */
struct pin_counters {
	unsigned int pin;
	::std::vector<::std::uint64_t> values; /* one per column */
};

/*
 * The core's statistics: a line per bank, a header naming the counters
 * ("pin primary dispatched ..."), then a line per pin that ever
 * interrupted.
 */
struct chip_stats {
	::std::vector<bank_line> banks;
	::std::vector<::std::string> columns; /* the header without "pin" */
	::std::vector<pin_counters> pins;

	/* The counters of @pin, or nullptr if it never interrupted. */
	const pin_counters *find(unsigned int pin) const;
	/* One counter of @pin; 0 if it never interrupted. */
	::std::uint64_t counter(unsigned int pin, const ::std::string &column) const;
};

bank_line parse_bank_line(const ::std::string &line);

/* 0x1f -> "0x1f", 0 -> "0x0", as the kernel's "%#llx" prints them. */
::std::string hex(::std::uint64_t value);

chip_stats parse_stats(const ::std::string &text);

/* The simulator's "regs" file: one bank line each. */
::std::vector<bank_line> parse_regs(const ::std::string &text);

/* Registers as a table: one row per register, one column per bank. */
::std::string format_regs(const ::std::vector<bank_line> &banks);

} /* namespace tool */
} /* namespace gpioclx */

#endif /* GPIOCLX_TOOL_DEBUGFS_HPP */
