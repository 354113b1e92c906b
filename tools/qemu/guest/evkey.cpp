// SPDX-License-Identifier: GPL-2.0
/*
 * evkey: print the key events of an evdev device, one "KEY CODE VALUE" line
 * each (VALUE 1 pressed, 0 released), until COUNT of them came or TIMEOUT
 * seconds passed. A program of the arm64 QEMU board's initramfs
 * (tools/qemu/initramfs.sh builds it statically with aarch64-linux-gnu-g++).
 *
 * usage: evkey DEVICE COUNT TIMEOUT [READY]
 * READY: a file created once DEVICE is open, so that a caller can wait
 * for it before it makes the events
 * exit:  0 when COUNT key events came, 1 on timeout, 2 on an error
 */
#include <linux/input.h>

#include <cerrno>
#include <chrono>
#include <cstdlib>
#include <cstring>
#include <iostream>
#include <string>

#include <fcntl.h>
#include <poll.h>
#include <unistd.h>

namespace {

int usage()
{
	::std::cerr << "usage: evkey DEVICE COUNT TIMEOUT [READY]\n";
	return 2;
}

} /* namespace */

int main(int argc, char **argv)
{
	if (argc != 4 && argc != 5)
		return usage();

	const ::std::string device = argv[1];
	const long count = ::std::strtol(argv[2], nullptr, 10);
	const long timeout_s = ::std::strtol(argv[3], nullptr, 10);

	if (count <= 0 || timeout_s <= 0)
		return usage();

	int fd = ::open(device.c_str(), O_RDONLY | O_CLOEXEC);

	if (fd < 0) {
		::std::cerr << "evkey: " << device << ": " << ::std::strerror(errno)
			    << '\n';
		return 2;
	}
	if (argc == 5) {
		int ready = ::open(argv[4], O_WRONLY | O_CREAT | O_CLOEXEC, 0644);

		if (ready < 0) {
			::std::cerr << "evkey: " << argv[4] << ": "
				    << ::std::strerror(errno) << '\n';
			return 2;
		}
		::close(ready);
	}

	auto end = ::std::chrono::steady_clock::now() + ::std::chrono::seconds(timeout_s);
	long seen = 0;

	while (seen < count) {
		auto left = ::std::chrono::duration_cast<::std::chrono::milliseconds>(
			end - ::std::chrono::steady_clock::now());

		if (left.count() <= 0)
			break;

		struct pollfd pfd = { fd, POLLIN, 0 };
		int n = ::poll(&pfd, 1, static_cast<int>(left.count()));

		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0) {
			::std::cerr << "evkey: poll: " << ::std::strerror(errno) << '\n';
			return 2;
		}
		if (n == 0)
			break;

		struct input_event ev;
		ssize_t got = ::read(fd, &ev, sizeof(ev));

		if (got != static_cast<ssize_t>(sizeof(ev))) {
			::std::cerr << "evkey: short read from " << device << '\n';
			return 2;
		}
		if (ev.type != EV_KEY)
			continue;
		::std::cout << "KEY " << ev.code << ' ' << ev.value << ::std::endl;
		seen++;
	}
	::close(fd);
	return seen == count ? 0 : 1;
}
