// SPDX-License-Identifier: GPL-2.0
#include "debounced_line.hpp"

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <linux/gpio.h>
#include <poll.h>
#include <sys/ioctl.h>
#include <system_error>
#include <unistd.h>

namespace gpioclx {

debounced_line::debounced_line(const ::std::string &chip, unsigned int offset,
			       unsigned int period_us)
{
	auto path = "/dev/" + chip;
	int chip_fd = ::open(path.c_str(), O_RDWR | O_CLOEXEC);
	struct gpio_v2_line_request req;

	if (chip_fd < 0)
		throw ::std::system_error(errno, ::std::generic_category(), path);
	::memset(&req, 0, sizeof(req));
	req.offsets[0] = offset;
	req.num_lines = 1;
	::strncpy(req.consumer, "gpioclx-e2e", sizeof(req.consumer) - 1);
	req.config.flags = GPIO_V2_LINE_FLAG_INPUT | GPIO_V2_LINE_FLAG_EDGE_RISING |
			   GPIO_V2_LINE_FLAG_EDGE_FALLING;
	req.config.num_attrs = 1;
	req.config.attrs[0].attr.id = GPIO_V2_LINE_ATTR_ID_DEBOUNCE;
	req.config.attrs[0].attr.debounce_period_us = period_us;
	req.config.attrs[0].mask = 1;
	int ret = ::ioctl(chip_fd, GPIO_V2_GET_LINE_IOCTL, &req);
	int err = errno;
	::close(chip_fd);
	if (ret < 0)
		throw ::std::system_error(err, ::std::generic_category(),
					  "GPIO_V2_GET_LINE_IOCTL on " + path);
	fd_ = req.fd;
}

debounced_line::~debounced_line()
{
	::close(fd_);
}

::std::optional<bool> debounced_line::next(::std::chrono::milliseconds timeout)
{
	struct pollfd pfd = { fd_, POLLIN, 0 };
	struct gpio_v2_line_event ev;

	if (::poll(&pfd, 1, static_cast<int>(timeout.count())) <= 0)
		return ::std::nullopt;
	if (::read(fd_, &ev, sizeof(ev)) != static_cast<ssize_t>(sizeof(ev)))
		throw ::std::system_error(errno, ::std::generic_category(),
					  "reading a line event");
	return ev.id == GPIO_V2_LINE_EVENT_RISING_EDGE;
}

} /* namespace gpioclx */
