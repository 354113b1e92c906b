// SPDX-License-Identifier: GPL-2.0
/*
 * Life cycle under stress: controllers unbound and bound again while their
 * generator runs, the modules unloaded and loaded again, unload refused
 * while a line is held, and controllers unbound while something holds one
 * of their interrupts (reliability fault 1). Each test ends with a kmemleak
 * scan.
 */
#include <chrono>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "board.hpp"
#include "common/child_process.hpp"
#include "common/line_events.hpp"
#include "stress.hpp"

namespace {

using ::std::chrono::milliseconds;
namespace stress = ::gpioclx::stress;

constexpr auto event_timeout = milliseconds(2000);
using ::gpiod::line::edge;

/* Line @offset of @board's chip, requested with @settings. */
::gpioclx::common::line_events hold(::gpioclx::board &board, unsigned int offset,
				    const ::gpiod::line_settings &settings)
{
	return ::gpioclx::common::line_events(board.chip(), { offset }, settings,
					      "gpioclx-stress");
}

/* Line @offset of @board's chip, an input that detects @which edges. */
::gpioclx::common::line_events hold(::gpioclx::board &board, unsigned int offset,
				    edge which)
{
	return hold(board, offset, ::gpioclx::common::input_settings(which));
}

/* Whatever boot left for kmemleak is not ours to judge. */
class Baseline : public ::testing::Environment {
public:
	void SetUp() override { stress::new_leaks(); }
};

const auto *baseline = ::testing::AddGlobalTestEnvironment(new Baseline);

/*
 * A controller is unbound and bound again, over and over, while its
 * generator drives four of its pins and a consumer takes their events:
 * the unbind stops the generator with interrupts in flight. gpio-controller-1
 * (memory-mapped) and gpio-controller-3 (passive; its consumer sample-f is
 * unbound and probed again with it).
 */
class BindCycles : public ::testing::TestWithParam<const char *> {};

TEST_P(BindCycles, GeneratorRunningLogClean)
{
	const ::std::string node = GetParam();
	const unsigned int ppb = node == "gpio-controller-1" ? 64 : 8;
	auto splats0 = ::gpioclx::kernel_splats();
	unsigned int n = stress::cycles(20, 200), done = 0;

	for (unsigned int i = 0; i < n; i++) {
		{
			::gpioclx::board board(node, ppb);

			board.set_input(1, false);
			auto line = hold(board, 1, edge::BOTH);
			ASSERT_EQ(::gpioclx::write_file(board.debugfs_path("generator"),
							"square 0-3 2000 1000000"),
				  0);
			ASSERT_TRUE(line.next(event_timeout).has_value())
				<< "cycle " << i;
			line.release();
		}
		ASSERT_EQ(stress::unbind(node), 0) << "cycle " << i;
		ASSERT_EQ(stress::bind(node), 0) << "cycle " << i;
		done++;
	}
	EXPECT_EQ(done, n);
	EXPECT_EQ(::gpioclx::kernel_splats(), splats0);
	if (node == "gpio-controller-3") {
		EXPECT_TRUE(::gpioclx::wait_until(
			[] { return stress::bound("sample-f"); }, milliseconds(5000)))
			<< "sample-f did not come back";
	}
	unsigned int others = 0;
	auto leaks = stress::new_leaks_of_ours(&others);
	EXPECT_TRUE(leaks.empty()) << stress::joined(leaks);
	::testing::Test::RecordProperty("kmemleak_others", static_cast<int>(others));
	::testing::Test::RecordProperty("cycles", static_cast<int>(done));
}

INSTANTIATE_TEST_SUITE_P(Lifecycle, BindCycles,
			 ::testing::Values("gpio-controller-1", "gpio-controller-3"),
			 [](const ::testing::TestParamInfo<const char *> &info) {
				 return ::std::string(info.param).back() == '1' ?
						::std::string("memory_mapped") :
						::std::string("passive");
			 });

/*
 * The modules go and come back, over and over: every controller is torn
 * down and probed again from its device-tree node, and works after.
 */
TEST(Lifecycle, ModuleReloadCycles)
{
	const ::std::vector<::std::string> load = { "drivers/gpio/gpio-clx.ko",
						    "drivers/irqchip/irq-clx-sim-intc.ko",
						    "drivers/gpio/gpio-clx-sim.ko",
						    "drivers/misc/gpio-clx-sample.ko" };
	auto splats0 = ::gpioclx::kernel_splats();
	unsigned int n = stress::cycles(3, 50), done = 0;
	int status = -1;

	for (unsigned int i = 0; i < n; i++) {
		auto out = ::gpioclx::run(
			"rmmod gpio-clx-sample gpio-clx-sim irq-clx-sim-intc gpio-clx 2>&1",
			&status);
		ASSERT_EQ(status, 0) << "unload, cycle " << i << ": " << out;
		for (const auto &m : load) {
			out = ::gpioclx::run("insmod " + stress::module_path(m) + " 2>&1",
					     &status);
			ASSERT_EQ(status, 0) << m << ", cycle " << i << ": " << out;
		}
		done++;
	}
	EXPECT_EQ(done, n);
	ASSERT_TRUE(::gpioclx::wait_until([] { return stress::bound("sample-f"); },
					  milliseconds(5000)));

	::gpioclx::board board("gpio-controller-0", 32);
	board.set_input(2, false);
	auto line = hold(board, 2, edge::RISING);
	board.set_input(2, true);
	EXPECT_TRUE(line.next(event_timeout).has_value()) << "no edge after the reloads";
	line.release();
	board.set_input(2, false);
	EXPECT_EQ(::gpioclx::kernel_splats(), splats0);
	unsigned int others = 0;
	auto leaks = stress::new_leaks_of_ours(&others);
	EXPECT_TRUE(leaks.empty()) << stress::joined(leaks);
	::testing::Test::RecordProperty("kmemleak_others", static_cast<int>(others));
	::testing::Test::RecordProperty("cycles", static_cast<int>(done));
}

/* A held line keeps its controller's module loaded. */
TEST(Lifecycle, RmmodRefusedWhileHeld)
{
	::gpioclx::board board("gpio-controller-0", 32);
	auto line = hold(board, 2, edge::NONE);
	int status = 0;

	::gpioclx::run("rmmod gpio-clx-sim 2>&1", &status);
	EXPECT_NE(status, 0) << "unloaded under a held line";
	EXPECT_EQ(::gpioclx::run("test -d /sys/module/gpio_clx_sim && echo yes"),
		  "yes\n");
	line.release();
}

/*
 * Reliability fault 1: a controller unbound while userspace holds one of
 * its lines (an event request through libgpiod 2, Debian 12's gpiomon on
 * the v1 interface, or a plain output request), the holder letting go afterwards. Nothing freed
 * may be touched (KASAN would say BUG), the log stays clean, and the
 * controller binds again and delivers an edge. Run last: on 6.1 gpiolib
 * keeps a reference to the controller's module and its gpio_device for
 * every line released after its chip is gone (see reliability.rst), so the
 * module cannot be unloaded afterwards.
 */
struct held_case {
	const char *name;
	const char *node;
	unsigned int pins_per_bank;
	const char *holder; /* "events", "gpiomon" or "output" */
};

class UnbindWhileHeld : public ::testing::TestWithParam<held_case> {};

TEST_P(UnbindWhileHeld, LettingGoLaterIsClean)
{
	const auto &c = GetParam();
	const ::std::string holder = c.holder;
	auto before = ::gpioclx::kernel_splats();
	{
		::gpioclx::board board(c.node, c.pins_per_bank);
		::std::optional<::gpioclx::common::line_events> line;
		::std::unique_ptr<::gpioclx::common::child_process> gpiomon;

		board.set_input(3, false);
		if (holder == "gpiomon")
			gpiomon = ::std::make_unique<::gpioclx::common::child_process>(
				::std::vector<::std::string>{ "gpiomon",
							      board.chip_name(), "3" },
				"/dev/null");
		else if (holder == "events")
			line.emplace(hold(board, 3, edge::BOTH));
		else
			line.emplace(hold(board, 3,
					  ::gpiod::line_settings().set_direction(
						  ::gpiod::line::direction::OUTPUT)));
		if (holder != "output") {
			ASSERT_TRUE(board.wait_enabled(3));
		}
		ASSERT_EQ(stress::unbind(c.node), 0);
		if (gpiomon)
			gpiomon.reset(); /* SIGTERM: gpiomon closes its request */
		else
			line->release();
	}
	EXPECT_EQ(::gpioclx::kernel_splats(), before)
		<< "the log after the holder let go:\n"
		<< ::gpioclx::run("dmesg | tail -40");

	ASSERT_EQ(stress::bind(c.node), 0);
	::gpioclx::board board(c.node, c.pins_per_bank);

	board.set_input(3, false);
	auto line = hold(board, 3, edge::RISING);
	board.set_input(3, true);
	auto ev = line.next(event_timeout);
	ASSERT_TRUE(ev.has_value()) << "no edge after the rebind";
	EXPECT_EQ(ev->type(), ::gpiod::edge_event::event_type::RISING_EDGE);
	board.set_input(3, false);
}

INSTANTIATE_TEST_SUITE_P(
	Lifecycle, UnbindWhileHeld,
	::testing::Values(
		held_case{ "mmio_events", "gpio-controller-2", 16, "events" },
		held_case{ "mmio_gpiomon", "gpio-controller-2", 16, "gpiomon" },
		held_case{ "mmio_output", "gpio-controller-2", 16, "output" },
		held_case{ "passive_events", "gpio-controller-3", 8, "events" },
		held_case{ "passive_gpiomon", "gpio-controller-3", 8, "gpiomon" },
		held_case{ "passive_output", "gpio-controller-3", 8, "output" }),
	[](const ::testing::TestParamInfo<held_case> &info) {
		return ::std::string(info.param.name);
	});

} /* namespace */
