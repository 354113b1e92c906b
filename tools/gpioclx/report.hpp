// SPDX-License-Identifier: GPL-2.0
/*
 * What gpioclx prints about chips and events, built from plain data so
 * that it can be tested without a kernel: the "list" report of a chip, one
 * "watch" event, and which chip a command-line CHIP names.
 */
#ifndef GPIOCLX_TOOL_REPORT_HPP
#define GPIOCLX_TOOL_REPORT_HPP

#include <cstdint>
#include <string>
#include <vector>

#include "debugfs.hpp"

namespace gpioclx {
namespace tool {

/* A line as libgpiod reports it. */
struct line_view {
	unsigned int offset;
	::std::string name;     /* empty: unnamed */
	::std::string consumer; /* empty: not in use */
};

/* A chip as libgpiod reports it. */
struct chip_view {
	::std::string name; /* gpiochipN */
	::std::string label;
	::std::vector<line_view> lines;
};

/*
 * A chip's banks and, for each line in use or with counters (every line
 * with @all), its name, consumer and counters.
 */
::std::string format_chip_report(const chip_view &chip, const chip_stats &stats,
				 bool all);

/* "153.000120436 0 BTN_A rising": timestamp, offset, name or "-", edge. */
::std::string format_event(::std::uint64_t timestamp_ns, unsigned int offset,
			   const ::std::string &name, bool rising);

/*
 * How well command-line @spec names the chip @name labelled @label: 2 for
 * its name or number ("gpiochip3", "3"), 1 for its label, 0 not at all.
 */
int chip_match(const ::std::string &spec, const ::std::string &name,
	       const ::std::string &label);

} /* namespace tool */
} /* namespace gpioclx */

#endif /* GPIOCLX_TOOL_REPORT_HPP */
