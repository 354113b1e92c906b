// SPDX-License-Identifier: GPL-2.0
#include "util.hpp"

#include <cerrno>
#include <chrono>
#include <dirent.h>
#include <fcntl.h>
#include <memory>
#include <stdexcept>
#include <sys/stat.h>
#include <system_error>
#include <thread>
#include <time.h>
#include <unistd.h>

namespace gpioclx {
namespace bench {

::std::string read_file(const ::std::string &path)
{
	int fd = ::open(path.c_str(), O_RDONLY);
	::std::string text;
	char buf[4096];
	ssize_t n;

	if (fd < 0)
		throw ::std::system_error(errno, ::std::generic_category(), path);
	while ((n = ::read(fd, buf, sizeof(buf))) > 0)
		text.append(buf, n);
	int err = n < 0 ? errno : 0;
	::close(fd);
	if (err)
		throw ::std::system_error(err, ::std::generic_category(), path);
	return text;
}

void write_file(const ::std::string &path, const ::std::string &text)
{
	int fd = ::open(path.c_str(), O_WRONLY);

	if (fd < 0)
		throw ::std::system_error(errno, ::std::generic_category(), path);
	ssize_t n = ::write(fd, text.data(), text.size());
	int err = n < 0 ? errno : 0;
	::close(fd);
	if (err)
		throw ::std::system_error(err, ::std::generic_category(),
					  "writing '" + text + "' to " + path);
}

::std::vector<::std::string> list_dir(const ::std::string &path)
{
	::std::unique_ptr<DIR, int (*)(DIR *)> dir(::opendir(path.c_str()), ::closedir);
	::std::vector<::std::string> names;

	if (!dir)
		throw ::std::system_error(errno, ::std::generic_category(), path);
	while (auto *ent = ::readdir(dir.get())) {
		::std::string name = ent->d_name;

		if (name != "." && name != "..")
			names.push_back(name);
	}
	return names;
}

bool exists(const ::std::string &path)
{
	struct stat st;

	return ::stat(path.c_str(), &st) == 0;
}

::std::int64_t now_ns()
{
	struct timespec ts;

	::clock_gettime(CLOCK_MONOTONIC, &ts);
	return ::std::int64_t(ts.tv_sec) * 1000000000 + ts.tv_nsec;
}

void sleep_ms(double ms)
{
	::std::this_thread::sleep_for(::std::chrono::duration<double, ::std::milli>(ms));
}

::std::vector<::std::string> split(const ::std::string &text, char sep)
{
	::std::vector<::std::string> fields;
	::std::string::size_type start = 0;

	while (start <= text.size()) {
		auto end = text.find(sep, start);

		if (end == ::std::string::npos)
			end = text.size();
		if (end > start)
			fields.push_back(text.substr(start, end - start));
		start = end + 1;
	}
	return fields;
}

unsigned long parse_unsigned(const ::std::string &text, const ::std::string &what)
{
	::std::size_t used = 0;
	unsigned long value;

	try {
		value = ::std::stoul(text, &used, 10);
	} catch (const ::std::exception &) {
		used = 0;
	}
	if (text.empty() || used != text.size() || text[0] == '-')
		throw ::std::invalid_argument(what + ": not a number: '" + text + "'");
	return value;
}

} /* namespace bench */
} /* namespace gpioclx */
