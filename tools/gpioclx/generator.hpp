// SPDX-License-Identifier: GPL-2.0
/*
 * The simulator's signal generator, seen from the command line: the
 * command to write to its debugfs file, checked first with the rules the
 * simulator applies (Documentation/sim.rst), so that a mistake is reported
 * here, in words, rather than as the kernel's bare -EINVAL.
 */
#ifndef GPIOCLX_TOOL_GENERATOR_HPP
#define GPIOCLX_TOOL_GENERATOR_HPP

#include <cstdint>
#include <string>

#include "cli.hpp"

namespace gpioclx {
namespace tool {

/* The simulator's shortest high or low phase. */
constexpr ::std::uint64_t gen_min_phase_ns = 1000;

/*
 * Throw usage_error for what the simulator would refuse in @req whatever
 * the chip: no pins, a zero rate or count, a phase under gen_min_phase_ns
 * or a pulse that does not fit in its period. The command line checks
 * this before anything is opened.
 */
void check_gen_request(const gen_request &req);

/*
 * The text to write for @req on @chip, a controller of @ngpio lines:
 * "square 0-3,8 10 5", "pulse 8 10 5 2000000" or "stop"; empty for the
 * status. A pin beyond the chip's lines is a ::std::runtime_error.
 */
::std::string gen_command(const gen_request &req, unsigned int ngpio,
			  const ::std::string &chip);

/* What to say when the simulator's @path refuses @command with @err anyway. */
::std::string gen_refused(const ::std::string &path, const ::std::string &command,
			  int err);

} /* namespace tool */
} /* namespace gpioclx */

#endif /* GPIOCLX_TOOL_GENERATOR_HPP */
