// SPDX-License-Identifier: GPL-2.0
/*
 * "pl061": QEMU's PL061 on the arm64 board under our client (gpio-clx-pl061)
 * and under mainline's gpio-pl061, one driver loaded at a time, in turns
 * (ours, mainline, ours, ...), so that a slow spell of the machine lands on
 * both. Each turn measures:
 *
 *   dispatch  ns per interrupt, the driver's chained handler entered as the
 *             GIC would enter it (gpio-clx-bench.ko case "pl061")
 *   irq       ns per interrupt that the GIC delivers (case "pl061-irq"),
 *             and the handler runs that found the pin already low
 *   gpiomon   us from an edge's kernel timestamp to the moment a reader
 *             of the character device, as gpiomon is, wakes up with it:
 *             the power button's edges, one press per "press" line on the
 *             console, which tools/qemu/boot.sh turns into QEMU's
 *             system_powerdown (pin 3 high for 100 ms)
 *
 * The ratios ours/mainline are taken turn by turn.
 */
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <stdexcept>
#include <string>
#include <vector>

#include <gpiod.hpp>

#include "commands.hpp"
#include "common/clock.hpp"
#include "common/gpio_chips.hpp"
#include "csv.hpp"

namespace gpioclx {
namespace bench {

namespace {

namespace fs = ::std::filesystem;

/* QEMU virt's PL061: its device name is the chip's label with either driver. */
const ::std::string device = "9030000.pl061";
/* A pin nothing is wired to, which the bench drives; the power button. */
constexpr unsigned int bench_pin = 7, button_pin = 3;

void shell(const ::std::string &command)
{
	if (::std::system(command.c_str()) != 0)
		throw ::std::runtime_error("'" + command + "' failed");
}

/* Load a driver's module and wait until it has the PL061 as a GPIO chip. */
void load(const ::std::string &ko)
{
	shell("insmod " + ko);
	for (int i = 0; i < 100; i++) {
		try {
			common::open_chip_by_label(device);
			return;
		} catch (const ::std::runtime_error &) {
			common::sleep_ms(50);
		}
	}
	throw ::std::runtime_error(ko + " did not make " + device + " a GPIO chip");
}

void unload(const ::std::string &ko)
{
	shell("rmmod " + fs::path(ko).stem().string());
}

/* The host presses the power button once for each such console line. */
void press()
{
	::std::ofstream console("/dev/console");

	console << "==== gpioclx: press bench" << ::std::endl;
	if (!console)
		throw ::std::runtime_error("cannot write to /dev/console");
}

/* Both edges of @presses presses: wake-up latency of each, in us. */
::std::vector<double> button_latencies(unsigned int presses)
{
	auto chip = common::open_chip_by_label(device);
	auto request =
		chip.prepare_request()
			.set_consumer("gpioclx-bench")
			.add_line_settings(button_pin,
					   ::gpiod::line_settings().set_edge_detection(
						   ::gpiod::line::edge::BOTH))
			.do_request();
	::gpiod::edge_event_buffer events(16);
	::std::vector<double> us;

	for (unsigned int p = 0; p < presses; p++) {
		press();
		for (unsigned int got = 0; got < 2;) {
			if (!request.wait_edge_events(::std::chrono::seconds(5)))
				throw ::std::runtime_error(
					"no edge from the power button within 5 s");
			auto now = common::now_ns();
			auto n = request.read_edge_events(events);

			for (::std::size_t i = 0; i < n; i++, got++)
				us.push_back(double(now -
						    ::std::int64_t(events.get_event(i)
									   .timestamp_ns()
									   .ns())) /
					     1e3);
		}
	}
	return us;
}

struct driver {
	::std::string name, ko;
	/* every run, and each turn's median for the paired ratios */
	::std::map<::std::string, ::std::vector<double>> all, turns;
};

void measure_turn(driver &d, unsigned int runs, unsigned int iterations,
		  unsigned int presses)
{
	::std::map<::std::string, ::std::vector<double>> turn;

	for (unsigned int r = 0; r < runs; r++) {
		turn["dispatch"].push_back(
			kernel_case("pl061", device, bench_pin, 1, iterations).ns);
		auto irq = kernel_case("pl061-irq", device, bench_pin, 1, iterations);
		turn["irq"].push_back(irq.ns);
		turn["spurious"].push_back(irq.spurious);
	}
	if (presses)
		turn["gpiomon"] = button_latencies(presses);
	for (auto &[what, values] : turn) {
		d.all[what].insert(d.all[what].end(), values.begin(), values.end());
		d.turns[what].push_back(summarize(values).median);
	}
}

} /* namespace */

void run_pl061(const options &opt)
{
	unsigned int turns = opt.runs ? opt.runs : opt.quick ? 1 : 5;
	unsigned int runs = opt.quick ? 1 : 3;
	unsigned int iterations =
		opt.iterations ? opt.iterations : (opt.quick ? 200 : 5000);
	unsigned int presses = opt.presses ? opt.presses : opt.quick ? 2 : 10;
	::std::vector<driver> drivers = { { "gpio-clx-pl061", opt.ours, {}, {} },
					  { "gpio-pl061", opt.mainline, {}, {} } };

	for (const auto &d : drivers)
		if (d.ko.empty() || !fs::exists(d.ko))
			throw ::std::runtime_error(
				"pl061 needs --ours and --mainline, the "
				"drivers' modules (" +
				d.name + ": '" + d.ko + "')");
	for (unsigned int t = 0; t < turns; t++) {
		for (auto &d : drivers) {
			load(d.ko);
			try {
				measure_turn(d, runs, iterations, presses);
			} catch (...) {
				unload(d.ko);
				throw;
			}
			unload(d.ko);
		}
	}

	csv_file csv(opt.out + "/bench.csv");
	const ::std::map<::std::string, ::std::pair<const char *, const char *>>
		metrics = {
			{ "dispatch", { "cost", "ns" } },
			{ "irq", { "cost", "ns" } },
			{ "spurious", { "runs", "per interrupt" } },
			{ "gpiomon", { "latency", "us" } },
		};
	for (const auto &d : drivers)
		for (const auto &[what, values] : d.all)
			csv.add("pl061", d.name, what, metrics.at(what).first,
				metrics.at(what).second, summarize(values));
	for (const char *what : { "dispatch", "irq", "gpiomon" }) {
		const auto &a = drivers[0].turns[what], &b = drivers[1].turns[what];
		::std::vector<double> r;

		if (a.empty() || a.size() != b.size())
			continue;
		for (::std::size_t i = 0; i < a.size(); i++)
			r.push_back(a[i] / b[i]);
		csv.add("ratio", ::std::string("pl061 ") + what, "gpio-pl061", "paired",
			"x", summarize(r));
	}
}

} /* namespace bench */
} /* namespace gpioclx */
