// SPDX-License-Identifier: GPL-2.0
/*
 * Load: the simulators' generators drive pins of a memory-mapped and of a
 * passive controller at high rates into rising-edge consumers, while the
 * torture module churns the interrupt life cycle of other pins from kernel
 * threads (request, retype, disable/enable, wake on/off, free) and
 * userspace loops gpioset/gpioget and gpiomon. Then every edge driven is
 * accounted for: dispatched by the core, or merged in a latch that was
 * still set (the simulator counts those), nothing unexplained; and no
 * more events were read, plus dropped by the character device's queue (the
 * gaps in their line_seqno, on its v2 interface), than the core dispatched.
 */
#include <atomic>
#include <chrono>
#include <fstream>
#include <map>
#include <memory>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include <gtest/gtest.h>

#include "board.hpp"
#include "common/cdev_events.hpp"
#include "common/child_process.hpp"
#include "stress.hpp"

namespace {

using ::std::chrono::milliseconds;
namespace stress = ::gpioclx::stress;

const char torture[] = "/sys/kernel/debug/gpio-clx-torture/";

/* One generator and the rising-edge consumer of each of its pins. */
struct driven {
	const char *node;
	unsigned int pins_per_bank;
	unsigned int first, count; /* pins first .. first + count - 1 */
	unsigned int hz;
};

struct pin_account {
	::std::uint64_t dispatched0, coalesced0;
	::std::atomic<unsigned long> read{ 0 };
};

TEST(Load, EveryEdgeAccountedForUnderChurn)
{
	const unsigned int seconds = stress::cycles(3, 60);
	const driven trains[] = {
		{ "gpio-controller-0", 32, 24, 4, 1000 }, /* memory-mapped */
		{ "gpio-controller-3", 8, 4, 2, 100 },    /* passive */
	};
	auto splats0 = ::gpioclx::kernel_splats();
	int status = 0;

	auto out = ::gpioclx::run(
		"insmod " + stress::module_path("drivers/misc/gpio-clx-torture.ko") +
			" 2>&1",
		&status);
	ASSERT_EQ(status, 0) << out;
	for (const char *start :
	     { "start gpio-controller-0 28-31", "start gpio-controller-2 0-3",
	       "start gpio-controller-3 0-1" })
		ASSERT_EQ(
			::gpioclx::write_file(::std::string(torture) + "control", start),
			0)
			<< start;

	/* Userspace load on controllers the accounting does not look at. */
	::gpioclx::board b1("gpio-controller-1", 64), b2("gpio-controller-2", 16);
	ASSERT_EQ(
		::gpioclx::write_file(b2.debugfs_path("generator"),
				      "square 5 500 " + ::std::to_string(500 * seconds)),
		0);
	::gpioclx::common::child_process gpiomon({ "gpiomon", b2.chip_name(), "5" },
						 "/dev/null");
	::gpioclx::common::child_process loops(
		{ "sh", "-c",
		  "while :; do gpioset " + b1.chip_name() + " 40=1 41=0; gpioget " +
			  b1.chip_name() + " 42 43 > /dev/null; done" },
		"/dev/null");

	::std::vector<::std::unique_ptr<::gpioclx::board>> boards;
	::std::vector<::gpioclx::common::cdev_events> lines;
	::std::vector<::std::unique_ptr<pin_account>> accounts;
	::std::atomic<bool> done{ false };
	::std::vector<::std::thread> readers;

	for (const auto &t : trains) {
		boards.push_back(
			::std::make_unique<::gpioclx::board>(t.node, t.pins_per_bank));
		auto &board = *boards.back();
		for (unsigned int p = t.first; p < t.first + t.count; p++) {
			board.set_input(p, false);
			lines.emplace_back(board.chip(), ::gpiod::line::offsets{ p },
					   ::gpiod::line::edge::RISING,
					   ::gpioclx::common::cdev_abi::v2,
					   "gpioclx-stress");
			auto acc = ::std::make_unique<pin_account>();
			acc->dispatched0 = board.stat(p, "dispatched");
			acc->coalesced0 = board.coalesced(p);
			accounts.push_back(::std::move(acc));
		}
	}
	for (size_t i = 0; i < lines.size(); i++)
		readers.emplace_back([&, i] {
			while (!done)
				if (lines[i].next(milliseconds(100)))
					accounts[i]->read++;
		});
	for (size_t i = 0; i < sizeof(trains) / sizeof(trains[0]); i++) {
		const auto &t = trains[i];
		auto pins = ::std::to_string(t.first) + "-" +
			    ::std::to_string(t.first + t.count - 1);
		ASSERT_EQ(::gpioclx::write_file(boards[i]->debugfs_path("generator"),
						"square " + pins + " " +
							::std::to_string(t.hz) + " " +
							::std::to_string(t.hz * seconds)),
			  0);
	}
	for (const auto &b : boards)
		EXPECT_TRUE(::gpioclx::wait_until(
			[&] { return b->generator()["state"] == "done"; },
			milliseconds(1000 * (seconds + 30))));
	/*
	 * Each pin in the order of @accounts and @lines: its train, its
	 * board, the pin, its index k, the rising edges its train drove, the
	 * interrupts the core dispatched and the edges the latch merged.
	 */
	auto each_pin = [&](auto &&f) {
		size_t k = 0;

		for (size_t i = 0; i < sizeof(trains) / sizeof(trains[0]); i++) {
			const auto &t = trains[i];
			auto &board = *boards[i];
			::std::uint64_t rising =
				::std::stoull(board.generator()["edges"]) / t.count / 2;

			for (unsigned int p = t.first; p < t.first + t.count; p++, k++)
				f(t, board, p, k, rising,
				  board.stat(p, "dispatched") - accounts[k]->dispatched0,
				  board.coalesced(p) - accounts[k]->coalesced0);
		}
	};
	/*
	 * The last edges may still be on their way through a passive
	 * controller's thread under the churn: wait until the kernel has
	 * accounted for every one, or for long enough that the check below
	 * says what is missing. Then the readers get a moment for the events
	 * queued last; what they read is only bounded from above.
	 */
	::gpioclx::wait_until(
		[&] {
			bool all = true;

			each_pin([&](auto &, auto &, unsigned int, size_t,
				     ::std::uint64_t rising, ::std::uint64_t dispatched,
				     ::std::uint64_t merged) {
				all = all && dispatched + merged >= rising;
			});
			return all;
		},
		milliseconds(10000));
	::std::this_thread::sleep_for(milliseconds(500));
	done = true;
	for (auto &r : readers)
		r.join();

	each_pin([&](const driven &t, ::gpioclx::board &board, unsigned int p, size_t k,
		     ::std::uint64_t rising, ::std::uint64_t dispatched,
		     ::std::uint64_t merged) {
		auto &acc = *accounts[k];
		::std::uint64_t late = ::std::stoull(board.generator()["late"]);
		::std::string where =
			::std::string(t.node) + " pin " + ::std::to_string(p);

		EXPECT_EQ(dispatched + merged, rising)
			<< where << ": driven " << rising << ", dispatched " << dispatched
			<< ", merged in the latch " << merged << ": unexplained";
		/* v2: the queue's drops are the gaps in line_seqno. */
		auto dropped = lines[k].dropped(p).value_or(0);
		EXPECT_LE(acc.read.load() + dropped, dispatched) << where;
		::testing::Test::RecordProperty(where + " driven",
						static_cast<int>(rising));
		::testing::Test::RecordProperty(where + " dispatched",
						static_cast<int>(dispatched));
		::testing::Test::RecordProperty(where + " merged",
						static_cast<int>(merged));
		::testing::Test::RecordProperty(where + " read",
						static_cast<int>(acc.read.load()));
		::testing::Test::RecordProperty(where + " dropped in the queue",
						static_cast<int>(dropped));
		::testing::Test::RecordProperty(::std::string(t.node) + " late",
						static_cast<int>(late));
	});
	lines.clear();

	ASSERT_EQ(::gpioclx::write_file(::std::string(torture) + "control", "stop"), 0);
	auto st = ::gpioclx::run(::std::string("cat ") + torture + "status");
	::std::istringstream in(st);
	::std::string line;
	unsigned long rounds = 0;
	while (::std::getline(in, line)) {
		auto pos = line.find(" failures ");
		if (pos == ::std::string::npos)
			continue;
		EXPECT_EQ(::std::stoul(line.substr(pos + 10)), 0UL) << line;
		auto r = line.find(" rounds ");
		if (r != ::std::string::npos)
			rounds += ::std::stoul(line.substr(r + 8));
	}
	EXPECT_GT(rounds, 0UL) << st;
	::testing::Test::RecordProperty("torture rounds", static_cast<int>(rounds));
	::gpioclx::run("rmmod gpio-clx-torture 2>&1", &status);
	EXPECT_EQ(status, 0);
	EXPECT_EQ(::gpioclx::kernel_splats(), splats0);
	unsigned int others = 0;
	auto leaks = stress::new_leaks_of_ours(&others);
	EXPECT_TRUE(leaks.empty()) << stress::joined(leaks);
	::testing::Test::RecordProperty("kmemleak_others", static_cast<int>(others));
}

} /* namespace */
