// SPDX-License-Identifier: GPL-2.0
#include "v1_line_events.hpp"

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <linux/gpio.h>
#include <poll.h>
#include <stdexcept>
#include <sys/ioctl.h>
#include <system_error>
#include <unistd.h>
#include <utility>

namespace gpioclx {
namespace common {

namespace {

::std::uint32_t event_flags(::gpiod::line::edge edges)
{
	switch (edges) {
	case ::gpiod::line::edge::RISING:
		return GPIOEVENT_REQUEST_RISING_EDGE;
	case ::gpiod::line::edge::FALLING:
		return GPIOEVENT_REQUEST_FALLING_EDGE;
	case ::gpiod::line::edge::BOTH:
		return GPIOEVENT_REQUEST_BOTH_EDGES;
	default:
		throw ::std::invalid_argument("a v1 event request needs an edge");
	}
}

[[noreturn]] void fail(const ::std::string &what)
{
	throw ::std::system_error(errno, ::std::generic_category(), what);
}

} /* namespace */

v1_line_events::v1_line_events(const ::std::filesystem::path &chip, unsigned int offset,
			       ::gpiod::line::edge edges, const ::std::string &consumer)
	: what_("line " + ::std::to_string(offset) + " of " + chip.string())
{
	struct gpioevent_request req;
	int chip_fd = ::open(chip.c_str(), O_RDWR | O_CLOEXEC);

	if (chip_fd < 0)
		fail(chip.string());
	::memset(&req, 0, sizeof(req));
	req.lineoffset = offset;
	req.handleflags = GPIOHANDLE_REQUEST_INPUT;
	req.eventflags = event_flags(edges);
	::strncpy(req.consumer_label, consumer.c_str(), sizeof(req.consumer_label) - 1);
	int ret = ::ioctl(chip_fd, GPIO_GET_LINEEVENT_IOCTL, &req);
	int err = errno;
	::close(chip_fd);
	if (ret < 0) {
		errno = err;
		fail("GPIO_GET_LINEEVENT_IOCTL on " + what_);
	}
	fd_ = req.fd;
}

v1_line_events::~v1_line_events()
{
	release();
}

v1_line_events::v1_line_events(v1_line_events &&other) noexcept
	: fd_(::std::exchange(other.fd_, -1)), what_(::std::move(other.what_))
{
}

v1_line_events &v1_line_events::operator=(v1_line_events &&other) noexcept
{
	if (this != &other) {
		release();
		fd_ = ::std::exchange(other.fd_, -1);
		what_ = ::std::move(other.what_);
	}
	return *this;
}

void v1_line_events::release() noexcept
{
	if (fd_ >= 0)
		::close(fd_);
	fd_ = -1;
}

bool v1_line_events::wait(::std::chrono::milliseconds timeout) const
{
	struct pollfd pfd = { fd_, POLLIN, 0 };
	int ret = ::poll(&pfd, 1, static_cast<int>(timeout.count()));

	if (ret < 0)
		fail("waiting for an event of " + what_);
	return ret > 0;
}

v1_line_events::event v1_line_events::read() const
{
	struct gpioevent_data data;

	if (::read(fd_, &data, sizeof(data)) != static_cast<ssize_t>(sizeof(data)))
		fail("reading an event of " + what_);
	return { data.timestamp, data.id == GPIOEVENT_EVENT_RISING_EDGE };
}

::std::vector<v1_line_events::event> v1_line_events::read_waiting() const
{
	::std::vector<event> events;

	while (wait(::std::chrono::milliseconds(0)))
		events.push_back(read());
	return events;
}

int v1_line_events::value() const
{
	struct gpiohandle_data data;

	::memset(&data, 0, sizeof(data));
	if (::ioctl(fd_, GPIOHANDLE_GET_LINE_VALUES_IOCTL, &data) < 0)
		fail("GPIOHANDLE_GET_LINE_VALUES_IOCTL on " + what_);
	return data.values[0];
}

} /* namespace common */
} /* namespace gpioclx */
