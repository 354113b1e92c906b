// SPDX-License-Identifier: GPL-2.0
/*
 * The pins of a gpioclx command line: pin lists in the kernel's syntax
 * ("0-3,8") and words that name pins either by number or by line name.
 * What the text alone shows to be wrong is a usage_error; what takes the
 * chip to find out (a pin beyond its lines, a name it does not have) is a
 * ::std::runtime_error.
 */
#ifndef GPIOCLX_TOOL_VALUES_HPP
#define GPIOCLX_TOOL_VALUES_HPP

#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace gpioclx {
namespace tool {

/* The highest pin number: a gpio_chip has at most 65535 lines (u16 ngpio). */
constexpr unsigned int max_pin = 65534;

/*
 * Does @text have the shape of a pin list: decimal numbers and ranges of
 * them, separated by commas ("8", "0-3,8")? Only such a word is read as a
 * pin list; any other (3V3_EN, 1V8, BTN_A) is a line name.
 */
bool is_pin_list(const ::std::string &text);

/* "0-3,8" -> { 0, 1, 2, 3, 8 }: sorted, each pin once; throws usage_error. */
::std::vector<unsigned int> parse_pin_list(const ::std::string &text);

/* { 0, 1, 2, 3, 8 } -> "0-3,8", as the kernel prints a pin list. */
::std::string format_pin_list(const ::std::vector<unsigned int> &pins);

/* Throws ::std::runtime_error unless every pin is below @ngpio, @chip's lines. */
void check_pins(const ::std::vector<unsigned int> &pins, unsigned int ngpio,
		const ::std::string &chip);

/* The offset of the line called @name, or nothing. */
using name_lookup = ::std::function<::std::optional<unsigned int>(const ::std::string &)>;

/*
 * The pins that one command-line word names on @chip: a pin list when
 * is_pin_list() says so, otherwise a line name found through @by_name.
 */
::std::vector<unsigned int> resolve_pins(const ::std::string &word, unsigned int ngpio,
					 const name_lookup &by_name,
					 const ::std::string &chip);

} /* namespace tool */
} /* namespace gpioclx */

#endif /* GPIOCLX_TOOL_VALUES_HPP */
