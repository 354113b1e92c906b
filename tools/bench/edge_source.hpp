// SPDX-License-Identifier: GPL-2.0
/*
 * Drives the level outside a chip puts on one input line, through the file
 * its simulator offers: a gpio-clx-sim debugfs "pin<N>" file or a gpio-sim
 * sysfs "pull" attribute. The file stays open, so one level change costs
 * one write(2).
 */
#ifndef GPIOCLX_BENCH_EDGE_SOURCE_HPP
#define GPIOCLX_BENCH_EDGE_SOURCE_HPP

#include <string>

namespace gpioclx {
namespace bench {

class edge_source {
public:
	edge_source(const ::std::string &path, const ::std::string &high,
		    const ::std::string &low);
	~edge_source();

	edge_source(edge_source &&other) noexcept;
	edge_source(const edge_source &) = delete;
	edge_source &operator=(const edge_source &) = delete;
	edge_source &operator=(edge_source &&) = delete;

	/* gpio-clx-sim pin @offset of device @node. */
	static edge_source clx(const ::std::string &node, unsigned int offset);
	/* The gpio-sim pull attribute at @pull_path. */
	static edge_source gpio_sim(const ::std::string &pull_path);

	void set(bool high) const;

private:
	int fd_;
	::std::string path_, high_, low_;
};

} /* namespace bench */
} /* namespace gpioclx */

#endif /* GPIOCLX_BENCH_EDGE_SOURCE_HPP */
