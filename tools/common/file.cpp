// SPDX-License-Identifier: GPL-2.0
#include "common/file.hpp"

#include <cerrno>
#include <dirent.h>
#include <fcntl.h>
#include <memory>
#include <sys/stat.h>
#include <system_error>
#include <unistd.h>

namespace gpioclx {
namespace common {

namespace {

/* Closes the descriptor it holds. */
class fd_guard {
public:
	explicit fd_guard(int fd) : fd_(fd) {}
	~fd_guard()
	{
		if (fd_ >= 0)
			::close(fd_);
	}

	fd_guard(const fd_guard &) = delete;
	fd_guard &operator=(const fd_guard &) = delete;

	int get() const { return fd_; }

private:
	int fd_;
};

[[noreturn]] void fail(int err, const ::std::string &what)
{
	throw ::std::system_error(err, ::std::generic_category(), what);
}

} /* namespace */

::std::string read_file(const ::std::string &path)
{
	fd_guard fd(::open(path.c_str(), O_RDONLY | O_CLOEXEC));
	::std::string text;
	char buf[4096];
	ssize_t n;

	if (fd.get() < 0)
		fail(errno, path);
	while ((n = ::read(fd.get(), buf, sizeof(buf))) != 0) {
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0)
			fail(errno, "reading " + path);
		text.append(buf, n);
	}
	return text;
}

void write_file(const ::std::string &path, const ::std::string &text)
{
	auto what = "writing '" + text + "' to " + path;
	fd_guard fd(::open(path.c_str(), O_WRONLY | O_CLOEXEC));
	ssize_t n;

	if (fd.get() < 0)
		fail(errno, what);
	do {
		n = ::write(fd.get(), text.data(), text.size());
	} while (n < 0 && errno == EINTR);
	if (n < 0)
		fail(errno, what);
	/* A store handler takes the whole value or refuses it. */
	if (static_cast<size_t>(n) != text.size())
		fail(EIO, what + " (" + ::std::to_string(n) + " bytes taken)");
}

::std::vector<::std::string> list_dir(const ::std::string &path)
{
	::std::unique_ptr<DIR, int (*)(DIR *)> dir(::opendir(path.c_str()), ::closedir);
	::std::vector<::std::string> names;

	if (!dir)
		fail(errno, path);
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

} /* namespace common */
} /* namespace gpioclx */
