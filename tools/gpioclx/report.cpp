// SPDX-License-Identifier: GPL-2.0
#include "report.hpp"

#include <algorithm>
#include <cinttypes>
#include <cstdio>

#include "common/text.hpp"

namespace gpioclx {
namespace tool {

namespace {

/* The columns before the counters: offset, name, consumer. */
constexpr size_t fixed_columns = 3;

bool is_digits(const ::std::string &text)
{
	return !text.empty() &&
	       text.find_first_not_of("0123456789") == ::std::string::npos;
}

::std::string or_dash(const ::std::string &text)
{
	return text.empty() ? "-" : text;
}

::std::string bank_summary(const bank_line &bank)
{
	auto text = "  bank " + ::std::to_string(bank.index) + ":";

	for (const auto &[name, value] : bank.values)
		text += " " + name + " " + hex(value);
	return text + "\n";
}

/* Name and consumer to the left, numbers to the right, two spaces apart. */
::std::string format_table(const ::std::vector<::std::vector<::std::string>> &rows)
{
	::std::vector<size_t> width(rows[0].size());
	::std::string out;

	for (const auto &row : rows)
		for (size_t c = 0; c < row.size(); c++)
			width[c] = ::std::max(width[c], common::display_width(row[c]));
	for (const auto &row : rows) {
		::std::string line;

		for (size_t c = 0; c < row.size(); c++) {
			bool left = c > 0 && c < fixed_columns;

			line += "  " + (left ? common::pad_right(row[c], width[c]) :
					       common::pad_left(row[c], width[c]));
		}
		out += line.erase(line.find_last_not_of(' ') + 1) + "\n";
	}
	return out;
}

} /* namespace */

::std::string format_chip_report(const chip_view &chip, const chip_stats &stats, bool all)
{
	auto out = chip.name + " [" + chip.label + "] " +
		   ::std::to_string(chip.lines.size()) + " lines\n";
	::std::vector<::std::vector<::std::string>> rows = { { "line", "name",
							       "consumer" } };

	for (const auto &bank : stats.banks)
		out += bank_summary(bank);
	rows[0].insert(rows[0].end(), stats.columns.begin(), stats.columns.end());
	for (const auto &line : chip.lines) {
		const auto *counters = stats.find(line.offset);

		if (!all && !counters && line.consumer.empty())
			continue;
		rows.push_back({ ::std::to_string(line.offset), or_dash(line.name),
				 or_dash(line.consumer) });
		for (size_t c = 0; c < stats.columns.size(); c++)
			rows.back().push_back(
				::std::to_string(counters ? counters->values[c] : 0));
	}
	if (rows.size() == 1)
		return out + "  no line in use or interrupted (--all lists every line)\n";
	return out + format_table(rows);
}

::std::string format_event(::std::uint64_t timestamp_ns, unsigned int offset,
			   const ::std::string &name, bool rising)
{
	char stamp[48];

	::snprintf(stamp, sizeof(stamp), "%" PRIu64 ".%09" PRIu64,
		   timestamp_ns / 1000000000, timestamp_ns % 1000000000);
	return ::std::string(stamp) + " " + ::std::to_string(offset) + " " +
	       or_dash(name) + " " + (rising ? "rising" : "falling");
}

int chip_match(const ::std::string &spec, const ::std::string &name,
	       const ::std::string &label)
{
	if (spec == name || (is_digits(spec) && name == "gpiochip" + spec))
		return 2;
	return spec == label ? 1 : 0;
}

} /* namespace tool */
} /* namespace gpioclx */
