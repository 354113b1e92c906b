// SPDX-License-Identifier: GPL-2.0
/*
 * Unit tests of gpioclx's exit status, running the built tool next to this
 * binary: a bad command line is status 2 with a pointer to the help, and
 * what only the system can refuse is status 1, even on a host without our
 * chips or debugfs.
 */
#include <climits>
#include <cstdlib>
#include <string>
#include <unistd.h>
#include <vector>

#include <gtest/gtest.h>

#include "common/child_process.hpp"
#include "common/file.hpp"
#include "common/text.hpp"

namespace {

namespace common = ::gpioclx::common;

struct outcome {
	int status;
	::std::string err;
};

::std::string tool_path()
{
	char self[PATH_MAX];
	ssize_t n = ::readlink("/proc/self/exe", self, sizeof(self) - 1);

	if (n <= 0)
		return "gpioclx";
	::std::string path(self, n);
	return path.substr(0, path.rfind('/')) + "/gpioclx";
}

outcome run(const ::std::vector<::std::string> &args)
{
	const char *tmp = ::getenv("TMPDIR");
	auto out = ::std::string(tmp ? tmp : "/tmp") + "/clx-exit-" +
		   ::std::to_string(::getpid()) + ".txt";
	::std::vector<::std::string> argv = { tool_path() };

	argv.insert(argv.end(), args.begin(), args.end());
	common::child_process tool(argv, out);
	outcome o = { tool.wait(), common::read_file(out) };
	::unlink(out.c_str());
	return o;
}

/* Test that command lines wrong on any system exit 2 and point at the help. */
TEST(ExitStatus, UsageErrors)
{
	const ::std::vector<::std::vector<::std::string>> bad = {
		{},
		{ "frobnicate" },
		{ "set", "0" },
		{ "set", "no-such-chip", "3-1=1" },
		{ "set", "0", "8=2" },
		{ "watch", "0", "1", "--count", "0" },
		{ "gen", "no-such-chip", "pulse", "12", "100", "3", "20000000" },
	};

	for (const auto &args : bad) {
		auto r = run(args);
		auto lines = common::split_lines(r.err);

		EXPECT_EQ(r.status, 2) << r.err;
		ASSERT_EQ(lines.size(), 1U) << r.err;
		EXPECT_EQ(lines[0].rfind("gpioclx: ", 0), 0U) << r.err;
		EXPECT_NE(lines[0].find("--help')"), ::std::string::npos) << r.err;
	}
	EXPECT_EQ(run({ "set", "0" }).err,
		  "gpioclx: set: no PIN=0|1 given (see 'gpioclx set --help')\n");
}

/*
 * Test that a well-formed command line the system cannot satisfy (no such
 * chip, names that start with digits included) exits 1, without a usage
 * hint.
 */
TEST(ExitStatus, RuntimeErrors)
{
	const ::std::vector<::std::vector<::std::string>> refused = {
		{ "set", "no-such-chip-clx", "3V3_EN=1" },
		{ "watch", "no-such-chip-clx", "1V8", "0-3,8" },
		{ "gen", "no-such-chip-clx", "square", "0-99", "10", "1" },
		{ "regs", "no-such-chip-clx" },
	};

	for (const auto &args : refused) {
		auto r = run(args);

		EXPECT_EQ(r.status, 1) << r.err;
		EXPECT_EQ(common::split_lines(r.err).size(), 1U) << r.err;
		EXPECT_EQ(r.err.find("--help"), ::std::string::npos) << r.err;
	}
	EXPECT_EQ(run({ "--version" }).status, 0);
}

} /* namespace */
