// SPDX-License-Identifier: GPL-2.0
/*
 * Bad input and permissions: malformed writes to every file the board's
 * drivers create, refused and changing nothing; the character device's
 * answers to invalid requests on our chips; who may change state, and
 * that nothing we print is a raw kernel pointer.
 */
#include <algorithm>
#include <cerrno>
#include <cstring>
#include <dirent.h>
#include <fcntl.h>
#include <linux/gpio.h>
#include <map>
#include <random>
#include <regex>
#include <string>
#include <sys/ioctl.h>
#include <sys/stat.h>
#include <unistd.h>
#include <vector>

#include <gtest/gtest.h>

#include "board.hpp"
#include "common/file.hpp"
#include "stress.hpp"

namespace {

namespace stress = ::gpioclx::stress;

const char *const controllers[] = { "gpio-controller-0", "gpio-controller-1",
				    "gpio-controller-2", "gpio-controller-3" };
const char *const samples[] = { "sample-a", "sample-b", "sample-c", "sample-d",
				"sample-e", "sample-f", "sample-g", "sample-h" };

::std::vector<::std::string> files_in(const ::std::string &dir)
{
	::std::vector<::std::string> names;
	DIR *d = ::opendir(dir.c_str());

	if (!d)
		return names;
	while (auto *e = ::readdir(d))
		if (e->d_name[0] != '.')
			names.push_back(dir + "/" + e->d_name);
	::closedir(d);
	return names;
}

/* Every regular file the board's drivers create, in debugfs and sysfs. */
::std::vector<::std::string> our_files()
{
	::std::vector<::std::string> all;

	for (const char *dir :
	     { "/sys/kernel/debug/gpio-clx-sim", "/sys/kernel/debug/gpio-clx" })
		for (const auto &sub : files_in(dir))
			for (const auto &f : files_in(sub))
				all.push_back(f);
	for (const char *s : samples)
		for (const char *attr : { "trigger", "events" })
			all.push_back(::std::string("/sys/bus/platform/devices/") + s +
				      "/" + attr);
	return all;
}

bool writable(const ::std::string &path)
{
	struct stat st;

	return ::stat(path.c_str(), &st) == 0 && (st.st_mode & 0222);
}

/*
 * Everything a write could change: every register and the generator of
 * every controller, the core's statistics, the samples' counts.
 */
::std::string state()
{
	::std::string all;

	for (const char *c : controllers) {
		::gpioclx::board board(c, 8);
		for (const char *f : { "regs", "generator" })
			all += ::gpioclx::run("cat " + board.debugfs_path(f));
		all += ::gpioclx::run(::std::string("cat /sys/kernel/debug/gpio-clx/") +
				      c + "/stats");
	}
	for (const char *s : samples)
		all += ::std::to_string(::gpioclx::sample_events(s)) + "\n";
	return all;
}

/*
 * Inputs no file of ours accepts: too long, negative, not a number, pins
 * and rates out of range, commands with words missing or extra, bytes
 * that are not text. @rng adds random binary ones. (A valid value followed
 * by a NUL byte is taken, as the kernel's string parsers stop at the NUL:
 * not an input we count as malformed.)
 */
::std::vector<::std::string> bad_inputs(::std::mt19937 &rng, unsigned int random_count)
{
	::std::vector<::std::string> in = {
		::std::string(5000, 'A'),
		::std::string(300, '1'),
		"-1",
		"-2147483648",
		"18446744073709551616",
		"abc",
		"on",
		"0x",
		"1 1 1 1 1 1 1",
		"7",
		"256",
		"999 1",
		"1 2",
		"64 0",
		"-5 1",
		"square",
		"square 999 10 1",
		"square 0 0 1",
		"square 0 10 0",
		"pulse 0 10 1",
		"pulse 0 10 1 0",
		"pulse 0-999 10 1 100",
		"square 3-1 10 1",
		"stop now",
		"start",
		"squarely 0 10 1",
		"0 0 0",
		"1 extra",
		"\x01",
		"1\x7f",
		"\xff\xfe",
		"3",
		"9",
	};
	::std::uniform_int_distribution<int> len(1, 40), byte(0x80, 0xff), any(0, 255);

	for (unsigned int i = 0; i < random_count; i++) {
		::std::string s;
		int n = len(rng);

		/* At least one byte no parser of ours takes as text. */
		s.push_back(static_cast<char>(byte(rng)));
		for (int j = 1; j < n; j++)
			s.push_back(static_cast<char>(any(rng)));
		::std::shuffle(s.begin(), s.end(), rng);
		in.push_back(s);
	}
	return in;
}

/*
 * At least 1,000 malformed writes (10,000 in the long run) across every
 * writable file: each one fails, and the board's state is what it was.
 */
TEST(Input, MalformedWritesRefusedNothingChanges)
{
	::std::mt19937 rng(20261130);
	auto files = our_files();
	::std::vector<::std::string> targets;
	unsigned int tried = 0;
	::std::map<int, unsigned int> errnos;

	for (const auto &f : files)
		if (writable(f))
			targets.push_back(f);
	ASSERT_GE(targets.size(), 10U) << "fewer writable files than the board has";
	auto before = state();
	unsigned int per_file = stress::cycles(1000, 10000) / targets.size() + 1;
	auto inputs = bad_inputs(rng, per_file);

	for (const auto &f : targets) {
		for (unsigned int i = 0; i < per_file && i < inputs.size(); i++) {
			int err = ::gpioclx::write_file(f, inputs[i]);

			tried++;
			errnos[err]++;
			EXPECT_NE(err, 0)
				<< f << " took " << ::testing::PrintToString(inputs[i]);
		}
	}
	EXPECT_GE(tried, stress::cycles(1000, 10000));
	EXPECT_EQ(state(), before) << "a refused write changed something";
	for (auto [err, n] : errnos)
		::testing::Test::RecordProperty("errno_" + ::std::to_string(err),
						static_cast<int>(n));
	::testing::Test::RecordProperty("writes", static_cast<int>(tried));
	::testing::Test::RecordProperty("files", static_cast<int>(targets.size()));
	unsigned int others = 0;
	auto leaks = stress::new_leaks_of_ours(&others);
	EXPECT_TRUE(leaks.empty()) << stress::joined(leaks);
	::testing::Test::RecordProperty("kmemleak_others", static_cast<int>(others));
}

/* An ioctl's errno, 0 on success (then the returned fd is closed). */
int request_errno(int chip_fd, unsigned long req, void *arg, int *fd_field)
{
	int ret = ::ioctl(chip_fd, req, arg);

	if (ret < 0)
		return errno;
	if (fd_field && *fd_field >= 0)
		::close(*fd_field);
	return 0;
}

/*
 * Requests the character device must refuse with EINVAL on each of our
 * chips: offsets past the last line, no lines or too many, contradictory
 * or unknown flags, debounce on an output; line info of a line that does
 * not exist. The same requests with a valid offset succeed, so the
 * refusals are about what is wrong.
 */
TEST(Input, InvalidRequestsGetEinval)
{
	for (const char *c : controllers) {
		::gpioclx::board board(c, 8);
		auto path = board.chip().path().string();
		unsigned int n = board.chip().get_info().num_lines();
		int fd = ::open(path.c_str(), O_RDWR);

		ASSERT_GE(fd, 0) << path;
		auto v2 = [&](unsigned int offset, unsigned int count, __u64 flags,
			      bool debounce) {
			struct gpio_v2_line_request r = {};

			r.offsets[0] = offset;
			r.num_lines = count;
			r.config.flags = flags;
			if (debounce) {
				r.config.num_attrs = 1;
				r.config.attrs[0].attr.id = GPIO_V2_LINE_ATTR_ID_DEBOUNCE;
				r.config.attrs[0].attr.debounce_period_us = 1000;
				r.config.attrs[0].mask = 1;
			}
			::strcpy(r.consumer, "gpioclx-stress");
			r.fd = -1;
			return request_errno(fd, GPIO_V2_GET_LINE_IOCTL, &r, &r.fd);
		};
		const __u64 in = GPIO_V2_LINE_FLAG_INPUT, out = GPIO_V2_LINE_FLAG_OUTPUT;

		EXPECT_EQ(v2(0, 1, in, false), 0) << c;
		EXPECT_EQ(v2(n, 1, in, false), EINVAL) << c << ": offset past the end";
		EXPECT_EQ(v2(~0U, 1, in, false), EINVAL) << c;
		EXPECT_EQ(v2(0, 0, in, false), EINVAL) << c << ": no lines";
		EXPECT_EQ(v2(0, GPIO_V2_LINES_MAX + 1, in, false), EINVAL) << c;
		EXPECT_EQ(v2(0, 1, in | out, false), EINVAL) << c << ": input and output";
		EXPECT_EQ(v2(0, 1, in | (1ULL << 40), false), EINVAL)
			<< c << ": unknown flag";
		EXPECT_EQ(v2(0, 1, out | GPIO_V2_LINE_FLAG_EDGE_RISING, false), EINVAL)
			<< c << ": edge on an output";
		EXPECT_EQ(v2(0, 1, out, true), EINVAL) << c << ": debounce on an output";

		struct gpioline_info info = {};
		info.line_offset = n;
		EXPECT_EQ(request_errno(fd, GPIO_GET_LINEINFO_IOCTL, &info, nullptr),
			  EINVAL)
			<< c;
		struct gpio_v2_line_info info2 = {};
		info2.offset = n;
		EXPECT_EQ(request_errno(fd, GPIO_V2_GET_LINEINFO_IOCTL, &info2, nullptr),
			  EINVAL)
			<< c;
		struct gpioevent_request ev = {};
		ev.lineoffset = n;
		ev.handleflags = GPIOHANDLE_REQUEST_INPUT;
		ev.eventflags = GPIOEVENT_REQUEST_BOTH_EDGES;
		ev.fd = -1;
		EXPECT_EQ(request_errno(fd, GPIO_GET_LINEEVENT_IOCTL, &ev, &ev.fd),
			  EINVAL)
			<< c;
		::close(fd);
	}
}

/*
 * Every file of ours that changes state is root's alone: no write bit for
 * group or others; the character devices are root's; a user other than
 * root can neither drive a pin nor request a line.
 */
TEST(Input, OnlyRootChangesState)
{
	for (const auto &f : our_files()) {
		struct stat st;

		ASSERT_EQ(::stat(f.c_str(), &st), 0) << f;
		EXPECT_EQ(st.st_mode & 022, 0U) << f << " is writable by others";
		EXPECT_EQ(st.st_uid, 0U) << f;
	}
	::gpioclx::board board("gpio-controller-0", 32);
	auto chip = board.chip_name();
	auto before = board.regs();
	int status = 0;

	::gpioclx::run(
		"setpriv --reuid=65534 --regid=65534 --clear-groups sh -c 'echo 1 > " +
			board.debugfs_path("pin5") + "' 2>/dev/null",
		&status);
	EXPECT_NE(status, 0) << "nobody drove pin 5";
	::gpioclx::run("setpriv --reuid=65534 --regid=65534 --clear-groups gpioset " +
			       chip + " 5=1 2>/dev/null",
		       &status);
	EXPECT_NE(status, 0) << "nobody set a line";
	::gpioclx::run("setpriv --reuid=65534 --regid=65534 --clear-groups gpioget " +
			       chip + " 5 2>/dev/null",
		       &status);
	EXPECT_NE(status, 0) << "nobody read a line";
	EXPECT_EQ(board.regs()[0].in, before[0].in);
	EXPECT_EQ(board.regs()[0].out, before[0].out);
}

/*
 * Nothing the board's drivers print, in their files or in the kernel log,
 * is a kernel address: no word of 16 hex digits (what %px and an address
 * printed as a number look like; %p prints a hash of the same width, so a
 * match is a finding either way: we print no pointers at all).
 */
TEST(Input, NoKernelPointersPrinted)
{
	const ::std::regex pointer("\\b(0x)?[0-9a-f]{16}\\b");
	::std::vector<::std::string> found;

	for (const auto &f : our_files()) {
		struct stat st;

		if (::stat(f.c_str(), &st) || !(st.st_mode & 0444))
			continue;
		auto text = ::gpioclx::run("cat " + f + " 2>/dev/null");
		if (::std::regex_search(text, pointer))
			found.push_back(f);
	}
	for (const char *who :
	     { "gpio-clx", "gpio_clx", "clx-sim", "clx_sim", "sample-" })
		for (const auto &line : ::gpioclx::kernel_log(who))
			if (::std::regex_search(line, pointer) &&
			    line.find("Call Trace") == ::std::string::npos)
				found.push_back(line);
	EXPECT_TRUE(found.empty()) << ::testing::PrintToString(found);
}

} /* namespace */
