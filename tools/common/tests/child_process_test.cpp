// SPDX-License-Identifier: GPL-2.0
/*
 * Unit tests of child_process with the host's sh and sleep: exit status,
 * output, signals, and that no child outlives its owner.
 */
#include <cerrno>
#include <chrono>
#include <csignal>
#include <cstdlib>
#include <string>
#include <system_error>
#include <utility>

#include <gtest/gtest.h>

#include "common/child_process.hpp"
#include "common/file.hpp"

namespace {

namespace common = ::gpioclx::common;
using ::std::chrono::steady_clock;

::std::string out_path()
{
	const char *tmp = ::getenv("TMPDIR");

	return ::std::string(tmp ? tmp : "/tmp") + "/clx-child-" +
	       ::std::to_string(::getpid()) + ".txt";
}

/* Has @pid been reaped (no such process left)? */
bool gone(pid_t pid)
{
	return ::kill(pid, 0) < 0 && errno == ESRCH;
}

common::child_process sh(const ::std::string &script)
{
	return common::child_process({ "sh", "-c", script }, out_path());
}

/* Removes the children's output file after each test. */
class ChildProcess : public ::testing::Test {
protected:
	void TearDown() override { ::unlink(out_path().c_str()); }
};

/* Test that wait() gives the exit status, again when asked again. */
TEST_F(ChildProcess, ExitStatusAndOutput)
{
	auto child = sh("echo out; echo err >&2; exit 3");

	EXPECT_GT(child.pid(), 0);
	EXPECT_EQ(child.wait(), 3);
	EXPECT_EQ(child.wait(), 3);
	EXPECT_EQ(child.pid(), -1);
	EXPECT_EQ(common::read_file(out_path()), "out\nerr\n");
}

/* Test that a child ended by a signal waits as -1. */
TEST_F(ChildProcess, Signalled)
{
	auto child = sh("exec sleep 30");

	child.signal(SIGTERM);
	EXPECT_EQ(child.wait(), -1);
	EXPECT_NO_THROW(child.signal(SIGTERM)); /* reaped: nothing to signal */
}

/* Test that a child still running is killed and reaped by the destructor. */
TEST_F(ChildProcess, DestructorReaps)
{
	pid_t pid;
	auto start = steady_clock::now();

	{
		auto child = sh("exec sleep 30");

		pid = child.pid();
		ASSERT_FALSE(gone(pid));
	}
	EXPECT_TRUE(gone(pid));
	EXPECT_LT(steady_clock::now() - start, common::child_process::term_grace);
}

/* Test that a child that ignores SIGTERM gets SIGKILL after the grace period. */
TEST_F(ChildProcess, DestructorKillsStubbornChild)
{
	pid_t pid;
	auto start = steady_clock::now();

	{
		auto child = sh("trap '' TERM; exec sleep 30");

		pid = child.pid();
		/* Let the shell ignore SIGTERM before it is sent. */
		::usleep(200000);
	}
	auto took = steady_clock::now() - start;
	EXPECT_TRUE(gone(pid));
	EXPECT_GE(took, common::child_process::term_grace);
	EXPECT_LT(took, common::child_process::term_grace + ::std::chrono::seconds(2));
}

/* Test that a moved-from owner leaves the child to the new one. */
TEST_F(ChildProcess, MoveHandsOver)
{
	auto first = sh("exit 4");
	pid_t pid = first.pid();
	auto second = ::std::move(first);

	EXPECT_EQ(first.pid(), -1);
	EXPECT_EQ(second.pid(), pid);
	EXPECT_EQ(second.wait(), 4);

	auto third = sh("exec sleep 30");
	pid = third.pid();
	third = sh("exit 0");
	EXPECT_TRUE(gone(pid)); /* the one replaced was stopped */
	EXPECT_EQ(third.wait(), 0);
}

/* Test that a program that is not there fails at once, naming it. */
TEST_F(ChildProcess, NoSuchProgram)
{
	try {
		common::child_process child({ "no-such-program-clx" }, out_path());
		FAIL() << "started";
	} catch (const ::std::system_error &e) {
		EXPECT_EQ(e.code().value(), ENOENT);
		EXPECT_NE(::std::string(e.what()).find("no-such-program-clx"),
			  ::std::string::npos)
			<< e.what();
	}
}

} /* namespace */
