// SPDX-License-Identifier: GPL-2.0
/*
 * Order statistics of repeated measurements: the benchmarks report medians
 * with the minimum and maximum, and percentiles of latency samples.
 */
#ifndef GPIOCLX_BENCH_STATS_HPP
#define GPIOCLX_BENCH_STATS_HPP

#include <algorithm>
#include <cstddef>
#include <stdexcept>
#include <vector>

namespace gpioclx {
namespace bench {

struct summary {
	double median;
	double min;
	double max;
	::std::size_t samples;
};

/* Nearest-rank percentile (0 < @p <= 100) of @values. */
inline double percentile(::std::vector<double> values, double p)
{
	if (values.empty())
		throw ::std::invalid_argument("percentile of no samples");
	::std::sort(values.begin(), values.end());
	auto rank = static_cast<::std::size_t>(p / 100.0 * values.size() + 0.999999);

	return values[::std::min(::std::max<::std::size_t>(rank, 1), values.size()) - 1];
}

inline summary summarize(::std::vector<double> values)
{
	if (values.empty())
		throw ::std::invalid_argument("summary of no samples");
	::std::sort(values.begin(), values.end());
	auto n = values.size();
	double median = n % 2 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;

	return { median, values.front(), values.back(), n };
}

} /* namespace bench */
} /* namespace gpioclx */

#endif /* GPIOCLX_BENCH_STATS_HPP */
