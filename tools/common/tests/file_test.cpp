// SPDX-License-Identifier: GPL-2.0
/*
 * Unit tests of the common file helpers, on files of the host: what is
 * read and written, and how a refused write is reported.
 */
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <fcntl.h>
#include <string>
#include <system_error>
#include <unistd.h>

#include <gtest/gtest.h>

#include "common/file.hpp"

namespace {

namespace common = ::gpioclx::common;

/* A fresh folder under $TMPDIR, removed with what is in it. */
class Files : public ::testing::Test {
protected:
	void SetUp() override
	{
		const char *tmp = ::getenv("TMPDIR");
		::std::string pattern = ::std::string(tmp ? tmp : "/tmp") + "/clx-XXXXXX";

		ASSERT_NE(::mkdtemp(pattern.data()), nullptr) << ::std::strerror(errno);
		dir_ = pattern;
	}

	void TearDown() override
	{
		for (const auto &name : common::list_dir(dir_))
			::unlink((dir_ + "/" + name).c_str());
		::rmdir(dir_.c_str());
	}

	/* The error @write throws: its errno and message. */
	template <typename F>
	static ::std::pair<int, ::std::string> error_of(F write)
	{
		try {
			write();
		} catch (const ::std::system_error &e) {
			return { e.code().value(), e.what() };
		}
		return { 0, "" };
	}

	::std::string dir_;
};

/* Test that a written value reads back, and that writing does not append. */
TEST_F(Files, WriteThenRead)
{
	auto path = dir_ + "/value";

	::close(::creat(path.c_str(), 0644));
	common::write_file(path, "square 0-3,8 10 5\n");
	EXPECT_EQ(common::read_file(path), "square 0-3,8 10 5\n");
	common::write_file(path, "stop");
	EXPECT_EQ(common::read_file(path).substr(0, 4), "stop");
	EXPECT_TRUE(common::exists(path));
	EXPECT_EQ(common::list_dir(dir_), ::std::vector<::std::string>{ "value" });
}

/*
 * Test that write_file never creates a file (a sysfs attribute that is not
 * there is an error) and says which file and why.
 */
TEST_F(Files, MissingFileNamed)
{
	auto path = dir_ + "/pin40";
	auto [err, what] = error_of([&] { common::write_file(path, "1"); });

	EXPECT_EQ(err, ENOENT);
	EXPECT_EQ(what, "writing '1' to " + path + ": " + ::std::strerror(ENOENT));
	EXPECT_FALSE(common::exists(path));
	EXPECT_THROW(common::read_file(path), ::std::system_error);
}

/*
 * Test that a write the kernel refuses (here /dev/full's -ENOSPC, as a
 * store handler's -EINVAL) throws with the file, the text and strerror.
 */
TEST_F(Files, RefusedWriteNamed)
{
	auto [err, what] = error_of([] { common::write_file("/dev/full", "1"); });

	EXPECT_EQ(err, ENOSPC);
	EXPECT_EQ(what,
		  ::std::string("writing '1' to /dev/full: ") + ::std::strerror(ENOSPC));
	auto [dir_err, dir_what] = error_of([&] { common::write_file(dir_, "1"); });
	EXPECT_EQ(dir_err, EISDIR);
	EXPECT_NE(dir_what.find(dir_), ::std::string::npos) << dir_what;
}

} /* namespace */
