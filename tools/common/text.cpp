// SPDX-License-Identifier: GPL-2.0
#include "common/text.hpp"

#include <cstdint>
#include <sstream>

namespace gpioclx {
namespace common {

::std::vector<::std::string> split(const ::std::string &text, char sep)
{
	::std::vector<::std::string> fields;
	::std::string::size_type start = 0;

	while (start <= text.size()) {
		auto end = text.find(sep, start);

		if (end == ::std::string::npos)
			end = text.size();
		if (end > start)
			fields.push_back(text.substr(start, end - start));
		start = end + 1;
	}
	return fields;
}

::std::vector<::std::string> split_lines(const ::std::string &text)
{
	::std::istringstream in(text);
	::std::vector<::std::string> out;
	::std::string line;

	while (::std::getline(in, line))
		out.push_back(line);
	return out;
}

::std::vector<::std::string> split_words(const ::std::string &line)
{
	::std::istringstream in(line);
	::std::vector<::std::string> out;
	::std::string word;

	while (in >> word)
		out.push_back(word);
	return out;
}

::std::string trim(::std::string text)
{
	return text.erase(text.find_last_not_of(" \t\n") + 1);
}

::std::map<::std::string, ::std::string> parse_key_values(const ::std::string &text)
{
	::std::map<::std::string, ::std::string> fields;

	for (const auto &line : split_lines(text)) {
		auto space = line.find(' ');

		if (!line.empty())
			fields[line.substr(0, space)] = space == ::std::string::npos ?
								"" :
								line.substr(space + 1);
	}
	return fields;
}

namespace {

struct code_range {
	char32_t first, last;
};

/* Marks that combine with the character before them, and zero-width ones. */
constexpr code_range zero_width[] = {
	{ 0x0300, 0x036f }, { 0x0483, 0x0489 }, { 0x0591, 0x05bd }, { 0x0610, 0x061a },
	{ 0x064b, 0x065f }, { 0x0e31, 0x0e31 }, { 0x0e34, 0x0e3a }, { 0x0e47, 0x0e4e },
	{ 0x1ab0, 0x1aff }, { 0x1dc0, 0x1dff }, { 0x200b, 0x200f }, { 0x2028, 0x202e },
	{ 0x2060, 0x2064 }, { 0x20d0, 0x20ff }, { 0xfe00, 0xfe0f }, { 0xfe20, 0xfe2f },
	{ 0xfeff, 0xfeff },
};

/* East Asian wide and full-width characters, and emoji. */
constexpr code_range double_width[] = {
	{ 0x1100, 0x115f },   { 0x231a, 0x231b },   { 0x2e80, 0x303e },
	{ 0x3041, 0x33ff },   { 0x3400, 0x4dbf },   { 0x4e00, 0x9fff },
	{ 0xa000, 0xa4cf },   { 0xac00, 0xd7a3 },   { 0xf900, 0xfaff },
	{ 0xfe30, 0xfe4f },   { 0xff00, 0xff60 },   { 0xffe0, 0xffe6 },
	{ 0x1f300, 0x1f64f }, { 0x1f900, 0x1f9ff }, { 0x20000, 0x3fffd },
};

template <size_t n>
bool in(const code_range (&table)[n], char32_t c)
{
	for (const auto &r : table)
		if (c >= r.first && c <= r.last)
			return true;
	return false;
}

/*
 * The code point at @text[@i], advancing @i past it; a byte that does not
 * start a well-formed sequence is taken alone (as U+FFFD).
 */
char32_t next_code_point(const ::std::string &text, size_t &i)
{
	auto byte = [&](size_t k) { return static_cast<uint8_t>(text[k]); };
	uint8_t lead = byte(i);
	size_t len = lead < 0x80         ? 1 :
		     (lead >> 5) == 0x6  ? 2 :
		     (lead >> 4) == 0xe  ? 3 :
		     (lead >> 3) == 0x1e ? 4 :
					   0;
	char32_t c = len == 1 ? lead :
		     len == 2 ? lead & 0x1f :
		     len == 3 ? lead & 0x0f :
				lead & 0x07;

	if (len == 0 || i + len > text.size()) {
		i++;
		return 0xfffd;
	}
	for (size_t k = 1; k < len; k++) {
		if ((byte(i + k) & 0xc0) != 0x80) {
			i++;
			return 0xfffd;
		}
		c = (c << 6) | (byte(i + k) & 0x3f);
	}
	i += len;
	return c;
}

} /* namespace */

size_t display_width(const ::std::string &text)
{
	size_t width = 0;

	for (size_t i = 0; i < text.size();) {
		char32_t c = next_code_point(text, i);

		if (in(zero_width, c))
			continue;
		width += in(double_width, c) ? 2 : 1;
	}
	return width;
}

::std::string pad_right(const ::std::string &text, size_t width)
{
	size_t used = display_width(text);

	return used >= width ? text : text + ::std::string(width - used, ' ');
}

::std::string pad_left(const ::std::string &text, size_t width)
{
	size_t used = display_width(text);

	return used >= width ? text : ::std::string(width - used, ' ') + text;
}

} /* namespace common */
} /* namespace gpioclx */
