// SPDX-License-Identifier: GPL-2.0
/*
 * The torture module (drivers/misc/gpio-clx-torture.c), loaded for these
 * tests only: its control file refuses what it must and changes nothing
 * then; a run on every kind of controller goes round after round without
 * a failure and leaves no interrupt behind when stopped; a controller
 * unbound in the middle of a run stops its pins' threads first.
 */
#include <cerrno>
#include <chrono>
#include <cstdlib>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "board.hpp"
#include "common/file.hpp"

namespace {

using ::std::chrono::milliseconds;

const ::std::string dir = "/sys/kernel/debug/gpio-clx-torture/";
/* How long a few rounds may take on a busy host; not a speed requirement. */
constexpr auto rounds_timeout = milliseconds(60000);

/* One pin line of the status file: "CONTROLLER PIN name value ...". */
struct pin_status {
	::std::string controller;
	unsigned int pin;
	::std::map<::std::string, ::std::string> fields;

	unsigned long long count(const ::std::string &name) const
	{
		return ::std::stoull(fields.at(name));
	}
};

struct torture_status {
	::std::string state;
	::std::vector<pin_status> pins;

	const pin_status *find(const ::std::string &controller, unsigned int pin) const
	{
		for (const auto &p : pins)
			if (p.controller == controller && p.pin == pin)
				return &p;
		return nullptr;
	}
};

torture_status read_status()
{
	::std::istringstream in(gpioclx::common::read_file(dir + "status"));
	torture_status st;
	::std::string line, key;

	::std::getline(in, line);
	::std::istringstream head(line);
	head >> key >> st.state;
	if (key != "state")
		throw ::std::runtime_error("status: first line is '" + line + "'");
	while (::std::getline(in, line)) {
		::std::istringstream f(line);
		pin_status p;
		::std::string value;

		f >> p.controller >> p.pin;
		while (f >> key >> value)
			p.fields[key] = value;
		st.pins.push_back(p);
	}
	return st;
}

int control(const ::std::string &command)
{
	return gpioclx::write_file(dir + "control", command);
}

struct pin_ref {
	const char *controller;
	unsigned int pins_per_bank;
	unsigned int pin;
};

/* A memory-mapped, an emulating and a passive controller, clear of the samples. */
const ::std::vector<pin_ref> run_pins = {
	{ "gpio-controller-1", 64, 40 }, { "gpio-controller-1", 64, 41 },
	{ "gpio-controller-1", 64, 42 }, { "gpio-controller-1", 64, 43 },
	{ "gpio-controller-2", 16, 12 }, { "gpio-controller-2", 16, 13 },
	{ "gpio-controller-3", 8, 8 },   { "gpio-controller-3", 8, 9 },
};

class Torture : public ::testing::Test {
protected:
	static void SetUpTestSuite()
	{
		const char *modules = ::getenv("GPIOCLX_MODULES");
		int status = -1;

		if (!modules)
			return;
		gpioclx::run(::std::string("insmod ") + modules +
				     "/drivers/misc/gpio-clx-torture.ko 2>&1",
			     &status);
		loaded_ = status == 0;
	}

	static void TearDownTestSuite()
	{
		int status = -1;

		if (!loaded_)
			return;
		gpioclx::run("rmmod gpio-clx-torture 2>&1", &status);
		EXPECT_EQ(status, 0) << "rmmod gpio-clx-torture";
		loaded_ = false;
	}

	void SetUp() override
	{
		if (!::getenv("GPIOCLX_MODULES"))
			GTEST_SKIP() << "GPIOCLX_MODULES is not set: not on the board";
		ASSERT_TRUE(loaded_) << "insmod gpio-clx-torture.ko failed";
	}

	void TearDown() override
	{
		if (loaded_) {
			EXPECT_EQ(control("stop"), 0);
		}
	}

	/* Wait until each of @pins has gone @rounds rounds and interrupted. */
	static bool wait_rounds(const ::std::vector<pin_ref> &pins,
				unsigned long long rounds)
	{
		return gpioclx::wait_until(
			[&] {
				auto st = read_status();

				for (const auto &r : pins) {
					const auto *p = st.find(r.controller, r.pin);

					if (!p || p->count("rounds") < rounds ||
					    !p->count("irqs"))
						return false;
				}
				return true;
			},
			rounds_timeout);
	}

	static bool loaded_;
};

bool Torture::loaded_ = false;

/*
 * Malformed commands, devices that are no bound simulated controller and
 * pins a controller does not have get EINVAL, pins already churned EBUSY;
 * none of them changes what runs, idle or running.
 */
TEST_F(Torture, RejectsBadWritesChangesNothing)
{
	const char *bad[] = { "",
			      "begin",
			      "start",
			      "start gpio-controller-1",
			      "start gpio-controller-1 40 41",
			      "start gpio-controller-1 64",
			      "start gpio-controller-1 60-70",
			      "start gpio-controller-1 x",
			      "start gpio-controller-1 -1",
			      "start gpio-controller-1 ,",
			      "start no-such-node 0",
			      "start sample-a 0",
			      "start bad-no-ngpios 0",
			      "stop now" };

	ASSERT_EQ(read_status().state, "idle");
	for (auto b : bad)
		EXPECT_EQ(control(b), EINVAL) << "writing '" << b << "'";
	auto idle = read_status();
	EXPECT_EQ(idle.state, "idle");
	EXPECT_TRUE(idle.pins.empty());

	ASSERT_EQ(control("start gpio-controller-1 40-41"), 0);
	auto before = read_status();
	EXPECT_EQ(before.state, "running");
	ASSERT_EQ(before.pins.size(), 2U);
	for (auto b : bad)
		EXPECT_EQ(control(b), EINVAL) << "writing '" << b << "' while running";
	EXPECT_EQ(control("start gpio-controller-1 41-42"), EBUSY);
	EXPECT_EQ(control("start gpio-controller-1 40"), EBUSY);
	auto after = read_status();
	EXPECT_EQ(after.state, "running");
	ASSERT_EQ(after.pins.size(), 2U);
	for (size_t i = 0; i < after.pins.size(); i++) {
		EXPECT_EQ(after.pins[i].controller, "gpio-controller-1");
		EXPECT_EQ(after.pins[i].pin, before.pins[i].pin);
		EXPECT_EQ(after.pins[i].fields.at("thread"), "running");
	}

	ASSERT_EQ(control("stop"), 0);
	auto stopped = read_status();
	EXPECT_EQ(stopped.state, "stopped");
	ASSERT_EQ(stopped.pins.size(), 2U);
	for (const auto &p : stopped.pins)
		EXPECT_EQ(p.fields.at("thread"), "stopped");
}

/*
 * One run on a memory-mapped, an emulating and a passive controller: every
 * pin goes round after round and interrupts, nothing fails, and once
 * stopped no interrupt is left enabled nor requested.
 */
TEST_F(Torture, RoundsOnEveryKindOfController)
{
	auto logged = gpioclx::kernel_log("gpio_clx_torture: ").size();

	ASSERT_EQ(control("start gpio-controller-1 40-43"), 0);
	ASSERT_EQ(control("start gpio-controller-2 12-13"), 0);
	ASSERT_EQ(control("start gpio-controller-3 8-9"), 0);
	ASSERT_EQ(read_status().pins.size(), run_pins.size());

	EXPECT_TRUE(wait_rounds(run_pins, 20))
		<< gpioclx::common::read_file(dir + "status");
	ASSERT_EQ(control("stop"), 0);

	auto st = read_status();
	EXPECT_EQ(st.state, "stopped");
	for (const auto &r : run_pins) {
		const auto *p = st.find(r.controller, r.pin);

		ASSERT_NE(p, nullptr) << r.controller << " " << r.pin;
		EXPECT_EQ(p->fields.at("thread"), "stopped");
		EXPECT_EQ(p->count("failures"), 0U)
			<< r.controller << " " << r.pin << ": last_error "
			<< p->fields.at("last_error") << " in "
			<< p->fields.at("last_op");
		EXPECT_GE(p->count("requests"), 20U);

		gpioclx::board b(r.controller, r.pins_per_bank);
		auto regs = b.regs().at(r.pin / r.pins_per_bank);
		EXPECT_EQ(regs.en >> (r.pin % r.pins_per_bank) & 1, 0U)
			<< r.controller << " " << r.pin << " left enabled";
	}
	EXPECT_EQ(gpioclx::run("grep -c gpio-clx-torture /proc/interrupts"), "0\n");
	EXPECT_EQ(gpioclx::kernel_log("gpio_clx_torture: ").size(), logged);
}

/*
 * A controller unbound during a run: its pins' threads stop before the
 * driver goes (thread "unbound", no failure), the other controller's keep
 * going, and the controller binds again.
 */
TEST_F(Torture, ControllerUnboundMidRun)
{
	const ::std::string drv = "/sys/bus/platform/drivers/gpio-clx-sim/";
	const ::std::vector<pin_ref> emul = { { "gpio-controller-2", 16, 12 } };
	const ::std::vector<pin_ref> mmio = { { "gpio-controller-1", 64, 44 } };

	ASSERT_EQ(control("start gpio-controller-2 12"), 0);
	ASSERT_EQ(control("start gpio-controller-1 44"), 0);
	ASSERT_TRUE(wait_rounds(emul, 5));

	ASSERT_EQ(gpioclx::write_file(drv + "unbind", "gpio-controller-2"), 0);
	auto st = read_status();
	const auto *p = st.find("gpio-controller-2", 12);
	ASSERT_NE(p, nullptr);
	EXPECT_EQ(p->fields.at("thread"), "unbound");
	EXPECT_EQ(p->count("failures"), 0U) << p->fields.at("last_op");
	EXPECT_EQ(st.state, "running");
	auto rounds = st.find("gpio-controller-1", 44)->count("rounds");
	EXPECT_TRUE(wait_rounds(mmio, rounds + 5));

	ASSERT_EQ(gpioclx::write_file(drv + "bind", "gpio-controller-2"), 0);
	EXPECT_EQ(gpioclx::common::exists(drv + "gpio-controller-2"), true);
	ASSERT_EQ(control("stop"), 0);
	EXPECT_EQ(read_status().find("gpio-controller-1", 44)->count("failures"), 0U);
}

} /* namespace */
