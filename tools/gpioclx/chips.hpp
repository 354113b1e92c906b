// SPDX-License-Identifier: GPL-2.0
/*
 * The chips on this system through libgpiod 2, and the debugfs folders that
 * belong to them: the core's (gpio-clx/<device>/) and, on a simulated
 * controller, the simulator's (gpio-clx-sim/<device>/). Both folders are
 * named after the device, which is also the gpiochip's label.
 */
#ifndef GPIOCLX_TOOL_CHIPS_HPP
#define GPIOCLX_TOOL_CHIPS_HPP

#include <string>
#include <vector>

#include <gpiod.hpp>

#include "report.hpp"
#include "values.hpp"

namespace gpioclx {
namespace tool {

/* Every GPIO chip, in the order of their numbers (gpiochipN). */
::std::vector<::gpiod::chip> all_chips();

/* The chip that a command-line CHIP names; throws ::std::runtime_error. */
::gpiod::chip open_chip(const ::std::string &spec);

/* How messages name @chip: its label, or its name without one. */
::std::string chip_title(const ::gpiod::chip &chip);

/* @root/<device of @chip>, or "" when there is none. */
::std::string device_dir(const ::gpiod::chip &chip, const ::std::string &root);

/* Throw a ::std::runtime_error that says why @root cannot be seen. */
void need_root(const ::std::string &root, const ::std::string &hint);

/* The simulator's folder of @chip; throws ::std::runtime_error without one. */
::std::string sim_dir(const ::gpiod::chip &chip);

/* The chip and its lines as libgpiod shows them. */
chip_view view_of(const ::gpiod::chip &chip);

/* Finds lines of @chip by name; it refers to @chip, which must outlive it. */
name_lookup line_names(const ::gpiod::chip &chip);

/* The number of lines of @chip. */
unsigned int num_lines(const ::gpiod::chip &chip);

} /* namespace tool */
} /* namespace gpioclx */

#endif /* GPIOCLX_TOOL_CHIPS_HPP */
