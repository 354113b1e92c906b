// SPDX-License-Identifier: GPL-2.0
/*
 * The text of the kernel's files cut into pieces: lines, words, fields,
 * and the "key value" lines of the simulator's generator file.
 */
#ifndef GPIOCLX_COMMON_TEXT_HPP
#define GPIOCLX_COMMON_TEXT_HPP

#include <map>
#include <string>
#include <vector>

namespace gpioclx {
namespace common {

/* "a,b,,c" -> {"a", "b", "c"}: empty fields are dropped. */
::std::vector<::std::string> split(const ::std::string &text, char sep);

/* The lines of @text, without their newlines; empty lines are kept. */
::std::vector<::std::string> split_lines(const ::std::string &text);

/* The words of @line, split at white space. */
::std::vector<::std::string> split_words(const ::std::string &line);

/* @text without the white space at its end, such as a sysfs value's newline. */
::std::string trim(::std::string text);

/* "key value" lines, such as the generator's state: the value is the rest. */
::std::map<::std::string, ::std::string> parse_key_values(const ::std::string &text);

/*
 * The columns @text takes on a terminal: UTF-8 decoded, combining marks and
 * zero-width characters take none, East Asian wide characters and emoji
 * two, anything else (a byte that is not UTF-8 among them) one. Line names
 * come from device trees, in any script.
 */
size_t display_width(const ::std::string &text);

/* @text followed (pad_right) or preceded (pad_left) by spaces up to @width columns. */
::std::string pad_right(const ::std::string &text, size_t width);
::std::string pad_left(const ::std::string &text, size_t width);

} /* namespace common */
} /* namespace gpioclx */

#endif /* GPIOCLX_COMMON_TEXT_HPP */
