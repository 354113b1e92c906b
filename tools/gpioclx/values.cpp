// SPDX-License-Identifier: GPL-2.0
#include "values.hpp"

#include <algorithm>
#include <set>
#include <stdexcept>

#include "common/number.hpp"
#include "common/usage_error.hpp"

namespace gpioclx {
namespace tool {

namespace {

unsigned int list_pin(const ::std::string &text, const ::std::string &list)
{
	return common::parse_number(text, "pin list '" + list + "'", max_pin);
}

/* Digits at @pos onwards; false if there are none. */
bool skip_digits(const ::std::string &text, ::std::string::size_type &pos)
{
	auto start = pos;

	while (pos < text.size() && text[pos] >= '0' && text[pos] <= '9')
		pos++;
	return pos > start;
}

} /* namespace */

bool is_pin_list(const ::std::string &text)
{
	::std::string::size_type pos = 0;

	for (;;) {
		if (!skip_digits(text, pos))
			return false;
		if (pos < text.size() && text[pos] == '-' && !skip_digits(text, ++pos))
			return false;
		if (pos == text.size())
			return true;
		if (text[pos++] != ',')
			return false;
	}
}

::std::vector<unsigned int> parse_pin_list(const ::std::string &text)
{
	::std::set<unsigned int> pins;
	::std::string::size_type start = 0, end;

	do {
		end = text.find(',', start);
		auto field = text.substr(start,
					 end == ::std::string::npos ? end : end - start);
		auto dash = field.find('-');

		if (field.empty())
			throw common::usage_error("pin list '" + text +
						  "' has an empty entry");
		unsigned int first = list_pin(field.substr(0, dash), text);
		unsigned int last = dash == ::std::string::npos ?
					    first :
					    list_pin(field.substr(dash + 1), text);
		if (last < first)
			throw common::usage_error("pin list '" + text + "': range " +
						  field + " runs backwards");
		for (unsigned int pin = first; pin <= last; pin++)
			pins.insert(pin);
		start = end + 1;
	} while (end != ::std::string::npos);
	return { pins.begin(), pins.end() };
}

::std::string format_pin_list(const ::std::vector<unsigned int> &pins)
{
	::std::vector<unsigned int> sorted(pins);
	::std::string text;

	::std::sort(sorted.begin(), sorted.end());
	sorted.erase(::std::unique(sorted.begin(), sorted.end()), sorted.end());
	for (size_t i = 0; i < sorted.size();) {
		size_t j = i;

		while (j + 1 < sorted.size() && sorted[j + 1] == sorted[j] + 1)
			j++;
		if (!text.empty())
			text += ',';
		text += ::std::to_string(sorted[i]);
		if (j > i)
			text += '-' + ::std::to_string(sorted[j]);
		i = j + 1;
	}
	return text;
}

void check_pins(const ::std::vector<unsigned int> &pins, unsigned int ngpio,
		const ::std::string &chip)
{
	for (auto pin : pins) {
		if (pin < ngpio)
			continue;
		throw ::std::runtime_error(
			"pin " + ::std::to_string(pin) + " is not on " + chip +
			", which has " + ::std::to_string(ngpio) + " lines" +
			(ngpio ? " (0-" + ::std::to_string(ngpio - 1) + ")" : ""));
	}
}

::std::vector<unsigned int> resolve_pins(const ::std::string &word, unsigned int ngpio,
					 const name_lookup &by_name,
					 const ::std::string &chip)
{
	if (word.empty())
		throw common::usage_error("an empty pin");
	if (is_pin_list(word)) {
		auto pins = parse_pin_list(word);

		check_pins(pins, ngpio, chip);
		return pins;
	}
	auto offset = by_name(word);
	if (offset)
		return { *offset };
	/* Was it meant as a list? Say that it is not one either. */
	if (word[0] >= '0' && word[0] <= '9')
		throw ::std::runtime_error("'" + word +
					   "' is neither a pin list (such as 0-3,8) nor "
					   "a line name on " +
					   chip);
	throw ::std::runtime_error("no line named '" + word + "' on " + chip);
}

} /* namespace tool */
} /* namespace gpioclx */
