// SPDX-License-Identifier: GPL-2.0
#include "edge_source.hpp"

#include <cerrno>
#include <fcntl.h>
#include <system_error>
#include <unistd.h>
#include <utility>

#include "common/debugfs_dirs.hpp"

namespace gpioclx {
namespace bench {

edge_source::edge_source(const ::std::string &path, const ::std::string &high,
			 const ::std::string &low)
	: fd_(::open(path.c_str(), O_WRONLY)), path_(path), high_(high), low_(low)
{
	if (fd_ < 0)
		throw ::std::system_error(errno, ::std::generic_category(), path);
}

edge_source::edge_source(edge_source &&other) noexcept
	: fd_(other.fd_), path_(::std::move(other.path_)),
	  high_(::std::move(other.high_)), low_(::std::move(other.low_))
{
	other.fd_ = -1;
}

edge_source::~edge_source()
{
	if (fd_ >= 0)
		::close(fd_);
}

edge_source edge_source::clx(const ::std::string &node, unsigned int offset)
{
	return edge_source(common::sim_file(node, "pin" + ::std::to_string(offset)), "1",
			   "0");
}

edge_source edge_source::gpio_sim(const ::std::string &pull_path)
{
	return edge_source(pull_path, "pull-up", "pull-down");
}

void edge_source::set(bool high) const
{
	const auto &text = high ? high_ : low_;

	/* Offset 0 each time: sysfs attributes take a whole value per write. */
	if (::pwrite(fd_, text.data(), text.size(), 0) < 0)
		throw ::std::system_error(errno, ::std::generic_category(),
					  "writing '" + text + "' to " + path_);
}

} /* namespace bench */
} /* namespace gpioclx */
