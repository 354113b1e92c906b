// SPDX-License-Identifier: GPL-2.0
/*
 * Edge events of one line through the GPIO character device's v1
 * interface (GPIO_GET_LINEEVENT_IOCTL of <linux/gpio.h>), which libgpiod 2
 * no longer speaks; Debian 12's libgpiod 1.6 tools are its other clients.
 * The kernel still offers it (CONFIG_GPIO_CDEV_V1). Its queue holds 16
 * events and, when full, drops the new one; v1 events carry no sequence
 * number, so a loss shows only against a count kept elsewhere.
 */
#ifndef GPIOCLX_COMMON_V1_LINE_EVENTS_HPP
#define GPIOCLX_COMMON_V1_LINE_EVENTS_HPP

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include <gpiod.hpp>

namespace gpioclx {
namespace common {

class v1_line_events {
public:
	struct event {
		::std::uint64_t timestamp_ns; /* CLOCK_MONOTONIC */
		bool rising;
	};

	/*
	 * Request @edges (not NONE) of line @offset of @chip as @consumer.
	 * Throws ::std::system_error with the kernel's errno.
	 */
	v1_line_events(const ::std::filesystem::path &chip, unsigned int offset,
		       ::gpiod::line::edge edges, const ::std::string &consumer);
	~v1_line_events();

	v1_line_events(v1_line_events &&other) noexcept;
	v1_line_events &operator=(v1_line_events &&other) noexcept;
	v1_line_events(const v1_line_events &) = delete;
	v1_line_events &operator=(const v1_line_events &) = delete;

	/* Whether an event is waiting, or comes within @timeout. */
	bool wait(::std::chrono::milliseconds timeout) const;

	/* The next event; blocks until there is one. */
	event read() const;

	/* Every event waiting now; none if none is. */
	::std::vector<event> read_waiting() const;

	/* The line's level, 0 or 1. */
	int value() const;

	/* The file descriptor to poll, -1 once the line was given back. */
	int fd() const { return fd_; }

	/* Give the line back; nothing happens if it was given back already. */
	void release() noexcept;

private:
	int fd_ = -1;
	::std::string what_; /* "line N of /dev/gpiochipM", for errors */
};

} /* namespace common */
} /* namespace gpioclx */

#endif /* GPIOCLX_COMMON_V1_LINE_EVENTS_HPP */
