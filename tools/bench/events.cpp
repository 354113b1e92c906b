// SPDX-License-Identifier: GPL-2.0
/*
 * "events" and "burst": our chip and gpio-sim as userspace sees them, through
 * libgpiod 2's C++ bindings (the v2 interface of the character device) and,
 * for the bursts, through the v1 interface too.
 *
 * Latency: one line, both edges. Each sample writes one edge into the
 * simulator's control file and waits for the event; a random pause of up
 * to one timer tick before each write spreads the writes over the tick, as
 * real edges would be (gpio-sim delivers on the tick). The latency is
 * taken when read_edge_events() returns; the event's own timestamp, taken by the
 * kernel in hard-IRQ context, gives the kernel's share.
 *
 * Events/s: N lines, each with at most one edge in flight, so no two edges
 * of one line can merge in hardware: toggle every line, wait for all N
 * events, repeat for the duration. An edge whose event never comes is lost.
 *
 * Burst: the simulator's signal generator puts 16 edges (the size of the
 * character device's queue for one line, on either interface) on a line
 * at a given rate while the reader does not read; then every event must be
 * there. Each run is made once on each interface. The simulator's
 * "coalesced" count tells the edges the controller merged before an
 * interrupt; the generator's "delivered", the interrupts the core
 * dispatched; what was dispatched and not read was merged in the character
 * device. On v2 the gaps in line_seqno count what its queue dropped; the
 * rest are interrupts that came before the device's thread had run for the
 * one before (our edge pins use handle_edge_irq, on which IRQF_ONESHOT
 * masks nothing), so that one run of the thread made one event of two.
 */
#include <chrono>
#include <fstream>
#include <iostream>
#include <map>
#include <memory>
#include <random>
#include <stdexcept>

#include <gpiod.hpp>

#include "clx_device.hpp"
#include "commands.hpp"
#include "common/cdev_events.hpp"
#include "common/clock.hpp"
#include "common/debugfs_dirs.hpp"
#include "common/file.hpp"
#include "common/gpio_chips.hpp"
#include "common/line_events.hpp"
#include "common/text.hpp"
#include "common/usage_error.hpp"
#include "csv.hpp"
#include "edge_source.hpp"
#include "gpio_sim.hpp"

namespace gpioclx {
namespace bench {

namespace {

using ::std::chrono::milliseconds;

const char consumer[] = "gpioclx-bench";
constexpr auto event_timeout = milliseconds(2000);
constexpr double tick_ms = 10.0; /* HZ=100 */

struct target {
	::std::string name;
	::gpiod::chip chip;
	::std::vector<edge_source> inputs;
};

/* Both edges of lines 0 .. @lines - 1 of @chip. */
common::line_events both_edges(::gpiod::chip &chip, unsigned int lines)
{
	::gpiod::line::offsets offsets;

	for (unsigned int i = 0; i < lines; i++)
		offsets.push_back(i);
	return common::line_events(chip, offsets,
				   common::input_settings(::gpiod::line::edge::BOTH),
				   consumer);
}

struct latency_run {
	::std::vector<double> user_us, kernel_us;
	unsigned int lost = 0, wrong = 0;
};

latency_run measure_latency(target &t, unsigned int samples, ::std::mt19937 &rng)
{
	::std::uniform_real_distribution<double> pause(0.0, tick_ms);
	latency_run run;
	bool level = false;

	t.inputs[0].set(false);
	auto line = both_edges(t.chip, 1);
	line.read_until_quiet(milliseconds(20));
	for (unsigned int i = 0; i < samples; i++) {
		common::sleep_ms(pause(rng));
		level = !level;
		auto start = common::now_ns();
		t.inputs[0].set(level);
		auto ev = line.next(event_timeout);
		auto end = common::now_ns();

		if (!ev) {
			run.lost++;
			continue;
		}
		if (ev->type() != (level ? ::gpiod::edge_event::event_type::RISING_EDGE :
					   ::gpiod::edge_event::event_type::FALLING_EDGE))
			run.wrong++;
		run.user_us.push_back((end - start) / 1e3);
		run.kernel_us.push_back(
			(static_cast<::std::int64_t>(ev->timestamp_ns().ns()) - start) /
			1e3);
	}
	line.release();
	t.inputs[0].set(false);
	return run;
}

struct rate_run {
	double events_per_s;
	unsigned long lost;
};

rate_run measure_rate(target &t, unsigned int lines, double seconds)
{
	::std::vector<bool> levels(lines, false);
	unsigned long sent = 0, received = 0;

	for (unsigned int i = 0; i < lines; i++)
		t.inputs[i].set(false);
	auto bulk = both_edges(t.chip, lines);

	auto start = common::now_ns();
	auto end = start + static_cast<::std::int64_t>(seconds * 1e9);
	while (common::now_ns() < end) {
		unsigned int got = 0;

		for (unsigned int i = 0; i < lines; i++) {
			levels[i] = !levels[i];
			t.inputs[i].set(levels[i]);
			sent++;
		}
		while (got < lines && bulk.next(event_timeout))
			got++;
		received += got;
	}
	double elapsed = (common::now_ns() - start) / 1e9;

	bulk.release();
	for (unsigned int i = 0; i < lines; i++)
		t.inputs[i].set(false);
	return { received / elapsed, sent > received ? sent - received : 0 };
}

summary of(const ::std::vector<double> &v)
{
	return summarize(v);
}

void write_samples(const ::std::string &path, const ::std::vector<double> &user,
		   const ::std::vector<double> &kernel)
{
	::std::ofstream out(path);

	out << "# write->event latency, us: read() returned, kernel timestamp\n";
	for (::std::size_t i = 0; i < user.size(); i++)
		out << user[i] << ' ' << kernel[i] << '\n';
	if (!out)
		throw ::std::runtime_error("cannot write " + path);
}

::std::string clx_node(const options &opt)
{
	return opt.clx.empty() ? "gpio-bench-events" : opt.clx.front();
}

} /* namespace */

void run_events(const options &opt)
{
	unsigned int runs = opt.runs ? opt.runs : opt.quick ? 2 : 5;
	unsigned int samples = opt.samples ? opt.samples : opt.quick ? 20 : 200;
	unsigned int lines = opt.lines ? opt.lines : 8;
	double seconds = opt.seconds > 0 ? opt.seconds : opt.quick ? 0.2 : 1.0;
	auto node = clx_node(opt);
	clx_device dev(node);
	gpio_sim_chip sim("bench-events-sim", lines);
	::std::vector<target> targets;
	::std::mt19937 rng(4);

	targets.push_back({ "gpio-clx", common::open_chip_by_label(node), {} });
	targets.push_back({ "gpio-sim", common::open_chip_by_label(sim.label()), {} });
	for (unsigned int i = 0; i < lines; i++) {
		targets[0].inputs.push_back(edge_source::clx(node, i));
		targets[1].inputs.push_back(edge_source::gpio_sim(sim.pull_path(i)));
	}

	struct results {
		::std::vector<double> p50, p99, k50, k99, rate, lost, all_user,
			all_kernel;
		double lat_lost = 0, wrong = 0;
	};
	::std::vector<results> res(targets.size());

	for (unsigned int r = 0; r < runs; r++) {
		for (::std::size_t i = 0; i < targets.size(); i++) {
			auto lat = measure_latency(targets[i], samples, rng);

			if (lat.user_us.empty())
				throw ::std::runtime_error(targets[i].name +
							   ": no event at all");
			res[i].p50.push_back(percentile(lat.user_us, 50));
			res[i].p99.push_back(percentile(lat.user_us, 99));
			res[i].k50.push_back(percentile(lat.kernel_us, 50));
			res[i].k99.push_back(percentile(lat.kernel_us, 99));
			res[i].all_user.insert(res[i].all_user.end(), lat.user_us.begin(),
					       lat.user_us.end());
			res[i].all_kernel.insert(res[i].all_kernel.end(),
						 lat.kernel_us.begin(),
						 lat.kernel_us.end());
			res[i].lat_lost += lat.lost;
			res[i].wrong += lat.wrong;
		}
		for (::std::size_t i = 0; i < targets.size(); i++) {
			auto rate = measure_rate(targets[i], lines, seconds);

			res[i].rate.push_back(rate.events_per_s);
			res[i].lost.push_back(rate.lost);
		}
	}

	csv_file csv(opt.out + "/bench.csv");
	for (::std::size_t i = 0; i < targets.size(); i++) {
		const auto &name = targets[i].name;
		const auto &x = res[i];
		auto n = x.all_user.size();

		csv.add("latency", name, "1 line", "p50", "us", of(x.p50));
		csv.add("latency", name, "1 line", "p99", "us", of(x.p99));
		csv.add("latency", name, "1 line", "p50 kernel stamp", "us", of(x.k50));
		csv.add("latency", name, "1 line", "p99 kernel stamp", "us", of(x.k99));
		csv.add("latency", name, "1 line", "lost", "edges",
			{ x.lat_lost, x.lat_lost, x.lat_lost, n });
		csv.add("latency", name, "1 line", "wrong edge type", "events",
			{ x.wrong, x.wrong, x.wrong, n });
		csv.add("events", name, ::std::to_string(lines) + " lines", "throughput",
			"events/s", of(x.rate));
		csv.add("events", name, ::std::to_string(lines) + " lines", "lost",
			"edges", of(x.lost));
		write_samples(opt.out + "/latency-" + name + ".dat", x.all_user,
			      x.all_kernel);
	}
}

namespace {

struct burst_run {
	unsigned long edges, delivered, coalesced, events, gaps;
	double edges_per_s;
	unsigned long late;
};

/* @edges edges at @rate edges/s on line 0 of @node, read by @line afterwards. */
burst_run burst(common::cdev_events &line, const ::std::string &node, unsigned int rate,
		unsigned int edges)
{
	::std::map<::std::string, ::std::string> g;
	burst_run run{};

	line.read_until_quiet(milliseconds(20));
	auto gaps0 = line.dropped(0).value_or(0);
	auto coalesced0 = common::sim_coalesced(node, 0);
	common::write_file(common::sim_file(node, "generator"),
			   "square 0 " + ::std::to_string(rate / 2) + " " +
				   ::std::to_string(edges / 2));
	for (int i = 0; i < 10000; i++) {
		g = common::sim_generator(node);
		if (g["state"] != "running")
			break;
		common::sleep_ms(1);
	}
	if (g["state"] != "done")
		throw ::std::runtime_error(node + ": generator " + g["state"]);
	/*
	 * The last edges may still be on their way through the core: wait
	 * (2 s at most) until it has accounted for every one, delivered or
	 * merged in the latch. On the board's one CPU the character device's
	 * threads for what was delivered have run once this process sees it.
	 */
	for (int i = 0; i < 2000; i++) {
		g = common::sim_generator(node);
		if (::std::stoul(g["delivered"]) + common::sim_coalesced(node, 0) -
			    coalesced0 >=
		    ::std::stoul(g["edges"]))
			break;
		common::sleep_ms(1);
	}
	run.events = line.read_until_quiet(milliseconds(100)).size();
	g = common::sim_generator(node);
	run.edges = ::std::stoul(g["edges"]);
	run.delivered = ::std::stoul(g["delivered"]);
	run.coalesced = common::sim_coalesced(node, 0) - coalesced0;
	run.gaps = line.dropped(0).value_or(0) - gaps0;
	run.late = ::std::stoul(g["late"]);
	run.edges_per_s = run.edges / (::std::stod(g["elapsed_ns"]) / 1e9);
	return run;
}

/* The bursts of @rates, then one past the queue, through @abi. */
void bursts(csv_file &csv, ::gpiod::chip &chip, const ::std::string &node,
	    const ::std::vector<unsigned int> &rates, unsigned int runs,
	    common::cdev_abi abi)
{
	common::cdev_events line(chip, { 0 }, ::gpiod::line::edge::BOTH, abi, consumer);
	auto target = "gpio-clx " + ::std::string(common::abi_name(abi));

	auto record = [&](unsigned int rate, unsigned int edges) {
		::std::vector<double> driver, coalesced, cdev, gaps, woken, achieved,
			late;
		::std::string test = ::std::to_string(edges) + " edges at " +
				     ::std::to_string(rate) + "/s";

		for (unsigned int r = 0; r < runs; r++) {
			auto b = burst(line, node, rate, edges);

			driver.push_back(double(b.edges) - b.delivered);
			coalesced.push_back(b.coalesced);
			cdev.push_back(double(b.delivered) - b.events);
			gaps.push_back(b.gaps);
			woken.push_back(double(b.delivered) - b.events - b.gaps);
			achieved.push_back(b.edges_per_s);
			late.push_back(b.late);
		}
		csv.add("burst", target, test, "driver lost", "edges", summarize(driver));
		csv.add("burst", target, test, "driver coalesced", "edges",
			summarize(coalesced));
		csv.add("burst", target, test, "cdev merged", "events", summarize(cdev));
		if (abi == common::cdev_abi::v2) {
			csv.add("burst", target, test, "seqno gaps", "events",
				summarize(gaps));
			csv.add("burst", target, test, "thread merged", "events",
				summarize(woken));
		}
		csv.add("burst", target, test, "achieved", "edges/s",
			summarize(achieved));
		csv.add("burst", target, test, "late steps", "steps", summarize(late));
	};

	for (auto rate : rates)
		record(rate, 16);
	/* Past the queue: the check that a loss is seen when there is one. */
	record(1000, 32);
}

} /* namespace */

void run_burst(const options &opt)
{
	unsigned int runs = opt.runs ? opt.runs : opt.quick ? 1 : 5;
	auto rates = opt.rates;
	auto node = clx_node(opt);
	clx_device dev(node);
	auto chip = common::open_chip_by_label(node);
	csv_file csv(opt.out + "/bench.csv");

	if (rates.empty())
		rates = opt.quick ?
				::std::vector<unsigned int>{ 1000 } :
				::std::vector<unsigned int>{ 1000,  2000,  5000,  10000,
							     20000, 50000, 100000 };
	for (auto rate : rates)
		if (rate < 2 || rate % 2)
			throw common::usage_error("--rates: even numbers of edges/s");
	edge_source::clx(node, 0).set(false);
	for (auto abi : { common::cdev_abi::v1, common::cdev_abi::v2 })
		bursts(csv, chip, node, rates, runs, abi);
}

} /* namespace bench */
} /* namespace gpioclx */
