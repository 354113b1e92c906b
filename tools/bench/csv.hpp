// SPDX-License-Identifier: GPL-2.0
/*
 * The benchmark results file: one row per measured quantity,
 *
 *   group,target,case,metric,unit,median,min,max,samples
 *
 * e.g. "scaling,gpio-clx/32,1024,cost,ns,...". Every command appends its
 * rows; "report" reads them back.
 */
#ifndef GPIOCLX_BENCH_CSV_HPP
#define GPIOCLX_BENCH_CSV_HPP

#include <fstream>
#include <string>
#include <vector>

#include "stats.hpp"

namespace gpioclx {
namespace bench {

struct csv_row {
	::std::string group, target, test, metric, unit;
	summary value;
};

class csv_file {
public:
	/* Open @path for appending; a new file gets the header line. */
	explicit csv_file(const ::std::string &path);

	void add(const ::std::string &group, const ::std::string &target,
		 const ::std::string &test, const ::std::string &metric,
		 const ::std::string &unit, const summary &value);

	static ::std::vector<csv_row> read(const ::std::string &path);

private:
	::std::ofstream out_;
	::std::string path_;
};

} /* namespace bench */
} /* namespace gpioclx */

#endif /* GPIOCLX_BENCH_CSV_HPP */
