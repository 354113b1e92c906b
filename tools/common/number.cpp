// SPDX-License-Identifier: GPL-2.0
#include "common/number.hpp"

#include <algorithm>

#include "common/usage_error.hpp"

namespace gpioclx {
namespace common {

namespace {

constexpr ::std::uint64_t max_seconds = 2147483647;
constexpr unsigned int ns_digits = 9;

bool is_digits(const ::std::string &text)
{
	return !text.empty() && ::std::all_of(text.begin(), text.end(), [](char c) {
		return c >= '0' && c <= '9';
	});
}

} /* namespace */

::std::uint64_t parse_number(const ::std::string &text, const ::std::string &what,
			     ::std::uint64_t max)
{
	::std::uint64_t value = 0;

	if (!is_digits(text))
		throw usage_error(what + ": '" + text + "' is not a decimal number");
	for (char c : text) {
		unsigned int digit = c - '0';

		if (digit > max || value > (max - digit) / 10)
			throw usage_error(what + ": " + text + " is too large (at most " +
					  ::std::to_string(max) + ")");
		value = value * 10 + digit;
	}
	return value;
}

::std::chrono::nanoseconds parse_seconds(const ::std::string &text,
					 const ::std::string &what)
{
	auto dot = text.find('.');
	auto whole = text.substr(0, dot);
	auto fraction = dot == ::std::string::npos ? "0" : text.substr(dot + 1);

	if (!is_digits(whole) || !is_digits(fraction))
		throw usage_error(what + ": '" + text + "' is not a number of seconds");
	if (fraction.size() > ns_digits)
		throw usage_error(what + ": '" + text + "' has more than nine decimals");
	fraction.resize(ns_digits, '0');
	auto ns = parse_number(whole, what, max_seconds) * 1000000000 +
		  parse_number(fraction, what, 999999999);
	if (!ns)
		throw usage_error(what + ": must be more than 0 seconds");
	return ::std::chrono::nanoseconds(ns);
}

} /* namespace common */
} /* namespace gpioclx */
