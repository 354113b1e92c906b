// SPDX-License-Identifier: GPL-2.0
#include "debugfs.hpp"

#include <algorithm>
#include <iomanip>
#include <limits>
#include <sstream>
#include <stdexcept>

#include "common/text.hpp"

namespace gpioclx {
namespace tool {

namespace {

::std::uint64_t parse_base(const ::std::string &digits, const char *allowed, int base,
			   const ::std::string &shown)
{
	if (digits.empty() || digits.find_first_not_of(allowed) != ::std::string::npos)
		throw ::std::runtime_error("'" + shown + "' is not a number");
	try {
		return ::std::stoull(digits, nullptr, base);
	} catch (const ::std::out_of_range &) {
		throw ::std::runtime_error("'" + shown + "' does not fit in 64 bits");
	}
}

::std::uint64_t parse_decimal(const ::std::string &text)
{
	return parse_base(text, "0123456789", 10, text);
}

/* The kernel's "%#llx" ("0x0", "0x1f"); a bare "0" is taken too. */
::std::uint64_t parse_hex(const ::std::string &text)
{
	auto digits = text.compare(0, 2, "0x") ? text : text.substr(2);

	return parse_base(digits, "0123456789abcdefABCDEF", 16, text);
}

/* Run @parse on every line of @text; errors name the line. */
template <typename F>
void each_line(const ::std::string &text, F parse)
{
	auto lines = common::split_lines(text);

	for (size_t i = 0; i < lines.size(); i++) {
		try {
			if (!common::split_words(lines[i]).empty())
				parse(lines[i]);
		} catch (const ::std::runtime_error &e) {
			throw ::std::runtime_error("line " + ::std::to_string(i + 1) +
						   ": " + e.what());
		}
	}
}

void add_bank(::std::vector<bank_line> &banks, const ::std::string &line)
{
	auto bank = parse_bank_line(line);

	if (bank.index != banks.size())
		throw ::std::runtime_error("bank " + ::std::to_string(bank.index) +
					   " where bank " +
					   ::std::to_string(banks.size()) + " was due");
	banks.push_back(bank);
}

void set_columns(chip_stats &st, const ::std::vector<::std::string> &w)
{
	if (w.size() < 2)
		throw ::std::runtime_error("a header without counters");
	st.columns.assign(w.begin() + 1, w.end());
	for (const auto &c : st.columns)
		if (::std::count(st.columns.begin(), st.columns.end(), c) > 1)
			throw ::std::runtime_error("counter '" + c + "' named twice");
}

void add_pin(chip_stats &st, const ::std::vector<::std::string> &w)
{
	pin_counters pc;

	if (w[0] == "bank" || w[0] == "pin")
		throw ::std::runtime_error("'" + w[0] + "' line after the header");
	if (w.size() != st.columns.size() + 1)
		throw ::std::runtime_error(::std::to_string(w.size()) +
					   " fields, the header has " +
					   ::std::to_string(st.columns.size() + 1));
	auto pin = parse_decimal(w[0]);
	if (pin > ::std::numeric_limits<unsigned int>::max())
		throw ::std::runtime_error("pin " + w[0] + " out of range");
	if (!st.pins.empty() && pin <= st.pins.back().pin)
		throw ::std::runtime_error("pin " + w[0] + " after pin " +
					   ::std::to_string(st.pins.back().pin));
	pc.pin = pin;
	for (size_t i = 1; i < w.size(); i++)
		pc.values.push_back(parse_decimal(w[i]));
	st.pins.push_back(pc);
}

/* @label padded to @label_width, then @cells two spaces apart. */
::std::string table_row(const ::std::string &label, size_t label_width,
			const ::std::vector<::std::string> &cells, size_t cell_width)
{
	::std::string row = common::pad_right(label, label_width);

	for (const auto &cell : cells)
		row += "  " + common::pad_right(cell, cell_width);
	return row.erase(row.find_last_not_of(' ') + 1) + '\n';
}

} /* namespace */

const pin_counters *chip_stats::find(unsigned int pin) const
{
	for (const auto &pc : pins)
		if (pc.pin == pin)
			return &pc;
	return nullptr;
}

::std::uint64_t chip_stats::counter(unsigned int pin, const ::std::string &column) const
{
	auto col = ::std::find(columns.begin(), columns.end(), column);
	const auto *pc = find(pin);

	if (col == columns.end())
		throw ::std::runtime_error("no counter '" + column +
					   "' in the statistics");
	return pc ? pc->values[col - columns.begin()] : 0;
}

bank_line parse_bank_line(const ::std::string &line)
{
	auto w = common::split_words(line);
	bank_line bank;

	if (w.size() < 2 || w[0] != "bank" || w[1].back() != ':')
		throw ::std::runtime_error("not a bank line");
	auto index = parse_decimal(w[1].substr(0, w[1].size() - 1));
	if (index > ::std::numeric_limits<unsigned int>::max())
		throw ::std::runtime_error("bank " + w[1] + " out of range");
	bank.index = index;
	if (w.size() < 4 || w.size() % 2)
		throw ::std::runtime_error("bank values are not name-value pairs");
	for (size_t i = 2; i < w.size(); i += 2)
		bank.values.emplace_back(w[i], parse_hex(w[i + 1]));
	return bank;
}

::std::string hex(::std::uint64_t value)
{
	::std::ostringstream out;

	out << "0x" << ::std::hex << value;
	return out.str();
}

chip_stats parse_stats(const ::std::string &text)
{
	chip_stats st;

	each_line(text, [&st](const ::std::string &line) {
		auto w = common::split_words(line);

		if (!st.columns.empty())
			add_pin(st, w);
		else if (w[0] == "pin")
			set_columns(st, w);
		else
			add_bank(st.banks, line);
	});
	if (st.columns.empty())
		throw ::std::runtime_error("no header line (pin primary dispatched ...)");
	return st;
}

::std::vector<bank_line> parse_regs(const ::std::string &text)
{
	::std::vector<bank_line> banks;

	each_line(text, [&banks](const ::std::string &line) { add_bank(banks, line); });
	if (banks.empty())
		throw ::std::runtime_error("no bank in the registers");
	return banks;
}

::std::string format_regs(const ::std::vector<bank_line> &banks)
{
	::std::vector<::std::string> names;
	size_t name_width = 0;
	int digits = 8;
	::std::string out;

	for (const auto &bank : banks) {
		for (const auto &[name, value] : bank.values) {
			if (::std::find(names.begin(), names.end(), name) == names.end())
				names.push_back(name);
			name_width = ::std::max(name_width, common::display_width(name));
			if (value >> 32)
				digits = 16;
		}
	}
	::std::vector<::std::string> header;
	for (const auto &bank : banks)
		header.push_back("bank " + ::std::to_string(bank.index));
	out += table_row("", name_width, header, digits + 2);
	for (const auto &name : names) {
		::std::vector<::std::string> cells;

		for (const auto &bank : banks) {
			auto it = ::std::find_if(
				bank.values.begin(), bank.values.end(),
				[&name](const auto &v) { return v.first == name; });
			::std::ostringstream cell;

			if (it == bank.values.end())
				cell << "-";
			else
				cell << "0x" << ::std::hex << ::std::setfill('0')
				     << ::std::setw(digits) << it->second;
			cells.push_back(cell.str());
		}
		out += table_row(name, name_width, cells, digits + 2);
	}
	return out;
}

} /* namespace tool */
} /* namespace gpioclx */
