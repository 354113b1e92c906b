// SPDX-License-Identifier: GPL-2.0
#include "csv.hpp"

#include <cstdio>
#include <stdexcept>

#include "common/file.hpp"
#include "common/text.hpp"

namespace gpioclx {
namespace bench {

namespace {

const char header[] = "group,target,case,metric,unit,median,min,max,samples";

::std::string number(double v)
{
	char buf[64];

	::std::snprintf(buf, sizeof(buf), "%.6g", v);
	return buf;
}

} /* namespace */

csv_file::csv_file(const ::std::string &path) : path_(path)
{
	bool fresh = !common::exists(path) || common::read_file(path).empty();

	out_.open(path, ::std::ios::app);
	if (!out_)
		throw ::std::runtime_error("cannot write " + path);
	if (fresh)
		out_ << header << '\n' << ::std::flush;
}

void csv_file::add(const ::std::string &group, const ::std::string &target,
		   const ::std::string &test, const ::std::string &metric,
		   const ::std::string &unit, const summary &value)
{
	for (const auto *field : { &group, &target, &test, &metric, &unit })
		if (field->empty() || field->find_first_of(",\n") != ::std::string::npos)
			throw ::std::logic_error("bad csv field: '" + *field + "'");
	out_ << group << ',' << target << ',' << test << ',' << metric << ',' << unit
	     << ',' << number(value.median) << ',' << number(value.min) << ','
	     << number(value.max) << ',' << value.samples << '\n'
	     << ::std::flush;
	if (!out_)
		throw ::std::runtime_error("cannot write " + path_);
}

::std::vector<csv_row> csv_file::read(const ::std::string &path)
{
	::std::vector<csv_row> rows;

	for (const auto &line : common::split(common::read_file(path), '\n')) {
		if (line == header)
			continue;
		auto f = common::split(line, ',');

		if (f.size() != 9)
			throw ::std::runtime_error(path + ": bad row: " + line);
		summary value = { ::std::stod(f[5]), ::std::stod(f[6]), ::std::stod(f[7]),
				  static_cast<::std::size_t>(::std::stoul(f[8])) };
		rows.push_back({ f[0], f[1], f[2], f[3], f[4], value });
	}
	return rows;
}

} /* namespace bench */
} /* namespace gpioclx */
