// SPDX-License-Identifier: GPL-2.0
/*
 * The commands of gpioclx, each on a parsed command line. They print on
 * standard output and throw usage_error or ::std::runtime_error.
 */
#ifndef GPIOCLX_TOOL_COMMANDS_HPP
#define GPIOCLX_TOOL_COMMANDS_HPP

#include "cli.hpp"

namespace gpioclx {
namespace tool {

/* Chips driven by gpio-clx, their banks, lines and counters. */
void run_list(const invocation &inv);
/* Drive input pins of a simulated controller. */
void run_set(const invocation &inv);
/* A simulated controller's registers. */
void run_regs(const invocation &inv);
/* Start, stop or show the simulator's signal generator. */
void run_gen(const invocation &inv);
/* Print line events as they come. */
void run_watch(const invocation &inv);

} /* namespace tool */
} /* namespace gpioclx */

#endif /* GPIOCLX_TOOL_COMMANDS_HPP */
