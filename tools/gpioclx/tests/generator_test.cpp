// SPDX-License-Identifier: GPL-2.0
/*
 * Unit tests of the generator commands: what is written, and what the tool
 * refuses before the simulator would.
 */
#include <cerrno>
#include <stdexcept>
#include <string>

#include <gtest/gtest.h>

#include "common/usage_error.hpp"
#include "generator.hpp"

namespace {

namespace common = ::gpioclx::common;
namespace tool = ::gpioclx::tool;

tool::gen_request square(::std::vector<unsigned int> pins, ::std::uint32_t hz,
			 ::std::uint32_t periods)
{
	return { tool::gen_action::square, pins, hz, periods, 0 };
}

tool::gen_request pulse(::std::vector<unsigned int> pins, ::std::uint32_t hz,
			::std::uint32_t pulses, ::std::uint64_t width_ns)
{
	return { tool::gen_action::pulse, pins, hz, pulses, width_ns };
}

/* The command for @req on a chip of 40 lines, checked as the tool checks it. */
::std::string command(const tool::gen_request &req)
{
	tool::check_gen_request(req);
	return tool::gen_command(req, 40, "gpio-controller-0");
}

/* Test that valid requests become the simulator's command, pins as a list. */
TEST(Gen, Commands)
{
	EXPECT_EQ(command(square({ 0, 1, 2, 3, 8 }, 10, 5)), "square 0-3,8 10 5");
	EXPECT_EQ(command(pulse({ 33 }, 50, 10, 8000000)), "pulse 33 50 10 8000000");
	EXPECT_EQ(command({ tool::gen_action::stop, {}, 0, 0, 0 }), "stop");
	EXPECT_EQ(command({}), "");
}

/* Test that the phase limits are the simulator's: 1000 ns either way. */
TEST(Gen, PhaseLimits)
{
	EXPECT_EQ(command(square({ 0 }, 500000, 1)), "square 0 500000 1");
	EXPECT_THROW(command(square({ 0 }, 500001, 1)), common::usage_error);
	EXPECT_THROW(command(square({ 0 }, 4294967295U, 1)), common::usage_error);
	/* 1000 Hz: a 1000000 ns period. */
	EXPECT_EQ(command(pulse({ 0 }, 1000, 1, 1000)), "pulse 0 1000 1 1000");
	EXPECT_EQ(command(pulse({ 0 }, 1000, 1, 999000)), "pulse 0 1000 1 999000");
	EXPECT_THROW(command(pulse({ 0 }, 1000, 1, 999)), common::usage_error);
	EXPECT_THROW(command(pulse({ 0 }, 1000, 1, 0)), common::usage_error);
	EXPECT_THROW(command(pulse({ 0 }, 1000, 1, 999001)), common::usage_error);
	EXPECT_THROW(command(pulse({ 0 }, 1000, 1, 1000000)), common::usage_error);
	EXPECT_THROW(command(pulse({ 0 }, 10, 1, 200000000)), common::usage_error);
	EXPECT_THROW(command(pulse({ 0 }, 10, 1, UINT64_MAX)), common::usage_error);
}

/* Test that empty or zero settings are usage errors, found without a chip. */
TEST(Gen, BadRequestsRefused)
{
	EXPECT_THROW(tool::check_gen_request(square({}, 10, 1)), common::usage_error);
	EXPECT_THROW(tool::check_gen_request(square({ 1 }, 0, 1)), common::usage_error);
	EXPECT_THROW(tool::check_gen_request(square({ 1 }, 10, 0)), common::usage_error);
	EXPECT_NO_THROW(tool::check_gen_request({ tool::gen_action::stop, {}, 0, 0, 0 }));
	try {
		tool::check_gen_request(pulse({ 0 }, 10, 1, 200000000));
		FAIL() << "no error";
	} catch (const common::usage_error &e) {
		EXPECT_STREQ(e.what(),
			     "a pulse of 200000000 ns does not fit in the 100000000 ns "
			     "period of 10 Hz");
	}
}

/* Test that pins the chip does not have are a runtime error, not a usage error. */
TEST(Gen, PinsBeyondTheChip)
{
	for (const auto &pins : { ::std::vector<unsigned int>{ 40 },
				  ::std::vector<unsigned int>{ 30, 45 } }) {
		try {
			command(square(pins, 10, 1));
			FAIL() << "no error";
		} catch (const common::usage_error &e) {
			FAIL() << "usage error: " << e.what();
		} catch (const ::std::runtime_error &e) {
			EXPECT_NE(::std::string(e.what()).find(
					  "is not on gpio-controller-0"),
				  ::std::string::npos)
				<< e.what();
		}
	}
}

/* Test that the kernel's refusal names the file, the command and the errno. */
TEST(Gen, RefusedMessage)
{
	const ::std::string path = "/sys/kernel/debug/gpio-clx-sim/c/generator";
	auto text = tool::gen_refused(path, "square 0 10 1", EINVAL);

	EXPECT_EQ(text.rfind(path + " refused 'square 0 10 1': Invalid argument", 0), 0U)
		<< text;
	EXPECT_NE(text.find("sim.rst"), ::std::string::npos) << text;
	EXPECT_EQ(tool::gen_refused(path, "stop", ENOENT).find("sim.rst"),
		  ::std::string::npos);
}

} /* namespace */
