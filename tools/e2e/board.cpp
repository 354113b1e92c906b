// SPDX-License-Identifier: GPL-2.0
#include "board.hpp"

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cstdio>
#include <fcntl.h>
#include <fstream>
#include <memory>
#include <sstream>
#include <stdexcept>
#include <sys/wait.h>
#include <system_error>
#include <thread>
#include <unistd.h>

#include "common/debugfs_dirs.hpp"
#include "common/file.hpp"
#include "common/gpio_chips.hpp"

namespace gpioclx {

namespace {

const ::std::string debugfs_root = "/sys/kernel/debug/gpio-clx-sim/";

::std::uint64_t field(const ::std::string &line, const ::std::string &name)
{
	auto pos = line.find(" " + name + " ");

	if (pos == ::std::string::npos)
		throw ::std::runtime_error("regs: no field " + name + " in: " + line);
	return ::std::stoull(line.substr(pos + name.size() + 2), nullptr, 16);
}

} /* namespace */

board::board(const ::std::string &node, unsigned int pins_per_bank)
	: node_(node), pins_per_bank_(pins_per_bank),
	  chip_(common::open_chip_by_label(node))
{
}

::std::string board::debugfs_path(const ::std::string &file) const
{
	return debugfs_root + node_ + "/" + file;
}

void board::set_input(unsigned int offset, bool high) const
{
	auto path = debugfs_path("pin" + ::std::to_string(offset));
	int err = write_file(path, high ? "1" : "0");

	if (err)
		throw ::std::system_error(err, ::std::generic_category(), path);
}

::std::vector<bank_regs> board::regs_file(const ::std::string &file) const
{
	::std::ifstream in(debugfs_path(file));
	::std::vector<bank_regs> banks;
	::std::string line;

	while (::std::getline(in, line)) {
		banks.push_back({ field(line, "in"), field(line, "out"),
				  field(line, "dir"), field(line, "en"),
				  field(line, "mask"), field(line, "edge"),
				  field(line, "pol"), field(line, "both"),
				  field(line, "status") });
	}
	if (banks.empty())
		throw ::std::runtime_error("cannot read " + debugfs_path(file));
	return banks;
}

::std::uint64_t board::stat(unsigned int offset, const ::std::string &column) const
{
	auto path = "/sys/kernel/debug/gpio-clx/" + node_ + "/stats";
	::std::ifstream in(path);
	::std::vector<::std::string> columns;
	::std::string line, word;

	while (::std::getline(in, line)) {
		::std::istringstream f(line);

		if (line.rfind("pin ", 0) == 0) {
			columns.clear();
			while (f >> word)
				columns.push_back(word);
			continue;
		}
		::std::vector<::std::uint64_t> values;
		::std::uint64_t v;
		while (f >> v)
			values.push_back(v);
		if (values.size() != columns.size() || values.empty() ||
		    values[0] != offset)
			continue;
		for (size_t i = 1; i < columns.size(); i++)
			if (columns[i] == column)
				return values[i];
		throw ::std::runtime_error(path + ": no column " + column);
	}
	if (columns.empty())
		throw ::std::runtime_error("cannot read " + path);
	return 0; /* never interrupted: the core lists only pins with counts */
}

::std::uint64_t board::coalesced(unsigned int offset) const
{
	return common::sim_coalesced(node_, offset);
}

::std::map<::std::string, ::std::string> board::generator() const
{
	return common::sim_generator(node_);
}

bool board::wait_enabled(unsigned int offset) const
{
	/*
	 * The bit is set in the middle of the request; an edge driven from
	 * here on reaches the consumer, even on an emulated both-edge pin the
	 * core has yet to point at its next edge (KUnit
	 * gpio_clx_test_emulated_both_edge_in_enable).
	 */
	return wait_until(
		[&] {
			auto r = regs().at(offset / pins_per_bank_);

			return (r.en >> (offset % pins_per_bank_) & 1) != 0;
		},
		::std::chrono::milliseconds(5000));
}

requested_watch::requested_watch(const ::std::string &label,
				 const ::std::vector<unsigned int> &offsets)
	: chip_(common::open_chip_by_label(label)), left_(offsets)
{
	for (auto offset : offsets)
		chip_.watch_line_info(offset);
}

bool requested_watch::wait(::std::chrono::milliseconds timeout)
{
	auto end = ::std::chrono::steady_clock::now() + timeout;

	while (!left_.empty()) {
		auto left = end - ::std::chrono::steady_clock::now();

		if (left <= ::std::chrono::nanoseconds(0) ||
		    !chip_.wait_info_event(
			    ::std::chrono::duration_cast<::std::chrono::nanoseconds>(
				    left)))
			return false;

		auto ev = chip_.read_info_event();

		if (ev.type() != ::gpiod::info_event::event_type::LINE_REQUESTED)
			continue;
		left_.erase(::std::remove(left_.begin(), left_.end(),
					  ev.get_line_info().offset()),
			    left_.end());
	}
	return true;
}

bool wait_until(const ::std::function<bool()> &done, ::std::chrono::milliseconds timeout)
{
	auto end = ::std::chrono::steady_clock::now() + timeout;

	while (!done()) {
		if (::std::chrono::steady_clock::now() >= end)
			return done();
		::std::this_thread::sleep_for(::std::chrono::milliseconds(1));
	}
	return true;
}

bool holds_for(const ::std::function<bool()> &same, ::std::chrono::milliseconds period)
{
	return !wait_until([&] { return !same(); }, period);
}

::std::vector<::std::string> file_lines(const ::std::string &path)
{
	::std::ifstream in(path);
	::std::vector<::std::string> lines;
	::std::string line;

	/* A line still being written has no newline yet: not counted. */
	while (::std::getline(in, line))
		if (!in.eof())
			lines.push_back(line);
	return lines;
}

int write_file(const ::std::string &path, const ::std::string &text)
{
	try {
		common::write_file(path, text);
	} catch (const ::std::system_error &e) {
		return e.code().value();
	}
	return 0;
}

::std::string run(const ::std::string &command, int *status)
{
	::std::unique_ptr<FILE, int (*)(FILE *)> pipe(::popen(command.c_str(), "r"),
						      ::pclose);
	::std::string out;
	char buf[512];
	size_t n;

	if (!pipe)
		throw ::std::runtime_error("cannot run: " + command);
	while ((n = ::fread(buf, 1, sizeof(buf), pipe.get())) > 0)
		out.append(buf, n);
	int rc = ::pclose(pipe.release());
	if (status)
		*status = WIFEXITED(rc) ? WEXITSTATUS(rc) : -1;
	return out;
}

::std::vector<::std::string> kernel_log(const ::std::string &needle)
{
	::std::vector<::std::string> found;
	int fd = ::open("/dev/kmsg", O_RDONLY | O_NONBLOCK);
	char buf[8192];
	ssize_t n;

	if (fd < 0)
		throw ::std::system_error(errno, ::std::generic_category(), "/dev/kmsg");
	for (;;) {
		n = ::read(fd, buf, sizeof(buf) - 1);
		if (n < 0 && errno == EPIPE)
			continue; /* overwritten records: skip on */
		if (n <= 0)
			break;
		::std::string rec(buf, n);
		auto text = rec.substr(rec.find(';') + 1);

		text = text.substr(0, text.find('\n'));
		if (text.find(needle) != ::std::string::npos)
			found.push_back(text);
	}
	::close(fd);
	return found;
}

size_t kernel_splats()
{
	size_t n = 0;

	for (const char *what : { "BUG:", "WARNING:", "Oops", "UBSAN:" })
		n += kernel_log(what).size();
	return n;
}

namespace {

::std::string sample_file(const char *dev, const char *file)
{
	return ::std::string("/sys/bus/platform/devices/") + dev + "/" + file;
}

void sample_write_trigger(const char *dev, const char *value)
{
	auto path = sample_file(dev, "trigger");
	int err = write_file(path, value);

	if (err)
		throw ::std::system_error(err, ::std::generic_category(), path);
}

} /* namespace */

unsigned long sample_events(const char *dev)
{
	return ::std::stoul(run("cat " + sample_file(dev, "events")));
}

void sample_trigger(const char *dev)
{
	sample_write_trigger(dev, "1");
}

void sample_trigger_in_sleep(const char *dev)
{
	sample_write_trigger(dev, "2");
}

bool sample_wait(const char *dev, unsigned long count)
{
	return wait_until([&] { return sample_events(dev) >= count; },
			  ::std::chrono::milliseconds(2000));
}

} /* namespace gpioclx */

namespace gpiod {

void PrintTo(edge_event::event_type type, ::std::ostream *os)
{
	*os << (type == edge_event::event_type::RISING_EDGE ? "rising" : "falling");
}

} /* namespace gpiod */
