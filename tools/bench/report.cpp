// SPDX-License-Identifier: GPL-2.0
/*
 * "report": the table of "make bench" from the CSV the board wrote, with
 * the ratios against the floor and gpio-sim and the goals, met or
 * missed and by how much; also the data file of the cost-vs-pins plot.
 */
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <map>
#include <sstream>
#include <stdexcept>
#include <utility>

#include "commands.hpp"
#include "common/file.hpp"
#include "csv.hpp"

namespace gpioclx {
namespace bench {

namespace {

class results {
public:
	explicit results(::std::vector<csv_row> rows) : rows_(::std::move(rows)) {}

	const csv_row *find(const ::std::string &group, const ::std::string &target,
			    const ::std::string &test, const ::std::string &metric) const
	{
		for (const auto &r : rows_)
			if (r.group == group && r.target == target && r.test == test &&
			    r.metric == metric)
				return &r;
		return nullptr;
	}

	const ::std::vector<csv_row> &rows() const { return rows_; }

private:
	::std::vector<csv_row> rows_;
};

::std::string fmt(double v, int decimals = 1)
{
	char buf[64];

	::std::snprintf(buf, sizeof(buf), "%.*f", decimals, v);
	return buf;
}

::std::string cell(const csv_row *r, int decimals = 1)
{
	if (!r)
		return "n/a";
	return fmt(r->value.median, decimals) + " [" + fmt(r->value.min, decimals) +
	       ".." + fmt(r->value.max, decimals) + "]";
}

::std::string ratio(const csv_row *a, const csv_row *b)
{
	if (!a || !b || b->value.median == 0)
		return "n/a";
	return fmt(a->value.median / b->value.median, 2) + "x";
}

/* The run-by-run ratio when there is one, else the ratio of medians. */
::std::string pratio(const results &res, const ::std::string &num,
		     const ::std::string &den, const csv_row *a, const csv_row *b)
{
	auto r = res.find("ratio", num, den, "paired");

	return r ? fmt(r->value.median, 2) + "x" : ratio(a, b);
}

double pvalue(const results &res, const ::std::string &num, const ::std::string &den,
	      const csv_row *a, const csv_row *b)
{
	auto r = res.find("ratio", num, den, "paired");

	return r ? r->value.median : a->value.median / b->value.median;
}

::std::string pad(const ::std::string &s, ::std::size_t width)
{
	return s.size() >= width ? s + " " : s + ::std::string(width - s.size(), ' ');
}

struct goal {
	::std::ostream &out;

	/* "lower is better": @value must be <= @limit. */
	void at_most(const ::std::string &what, double value, double limit,
		     const ::std::string &shown, const ::std::string &unit)
	{
		bool met = value <= limit;

		out << "  [" << (met ? "met" : "MISSED") << "] " << what << ": " << shown;
		if (!met)
			out << ", over by " << fmt((value / limit - 1) * 100, 0) << "%"
			    << unit;
		out << '\n';
	}
};

void dispatch_section(::std::ostream &out, const results &res)
{
	auto floor = res.find("dispatch", "floor", "1 line", "cost");
	auto bare = res.find("dispatch", "floor-bare", "1 line", "cost");
	const csv_row *clx = nullptr, *sim = nullptr;

	for (const auto &r : res.rows()) {
		if (r.group == "dispatch" && r.target == "gpio-clx")
			clx = &r;
		if (r.group == "dispatch" && r.target == "gpio-sim")
			sim = &r;
	}
	out << "In-kernel dispatch, ns per interrupt from raise to handler"
	       " (median [min..max]);\nratios are medians of run-by-run ratios\n";
	out << "  " << pad("floor: null irq_chip, 1 hwirq", 40) << cell(floor) << '\n';
	out << "  " << pad("floor without raising the line", 40) << cell(bare) << '\n';
	out << "  " << pad("gpio-clx, " + (clx ? clx->test : ::std::string("?")), 40)
	    << pad(cell(clx), 24) << pratio(res, "gpio-clx", "floor", clx, floor)
	    << " floor, " << pratio(res, "gpio-clx", "gpio-sim", clx, sim)
	    << " gpio-sim\n";
	out << "  " << pad("gpio-sim, " + (sim ? sim->test : ::std::string("?")), 40)
	    << pad(cell(sim), 24) << pratio(res, "gpio-sim", "floor", sim, floor)
	    << " floor\n";
	out << "  " << pad("profile: register model, one edge", 40)
	    << cell(res.find("dispatch", "register model", "1 pin", "cost")) << "\n\n";
}

/* A controller of the scaling benchmark: one pin pending. */
struct scale_point {
	unsigned int pins, per_bank, banks;
	const csv_row *cost, *walk;
};

::std::vector<scale_point> scale_points(const results &res)
{
	::std::vector<scale_point> points;

	for (const auto &r : res.rows()) {
		if (r.group != "scaling" || r.target.rfind("gpio-clx/", 0) != 0)
			continue;
		unsigned int pins = ::std::stoul(r.test);
		unsigned int ppb = ::std::stoul(r.target.substr(9));

		points.push_back({ pins, ppb, (pins + ppb - 1) / ppb, &r,
				   res.find("walk", r.target, r.test, "cost") });
	}
	::std::sort(points.begin(), points.end(), [](const auto &a, const auto &b) {
		return a.banks != b.banks ? a.banks < b.banks : a.per_bank > b.per_bank;
	});
	return points;
}

/*
 * 1024 pins do not fit gpiolib's 512 GPIO numbers on this kernel; the core
 * walks banks, so 1024 pins are measured at their bank count with 512 pins
 * in narrower banks. Returns the point standing in for 1024 pins in banks
 * of @per_bank, and the one-bank point it is compared with.
 */
::std::pair<const scale_point *, const scale_point *>
pins_1024(const ::std::vector<scale_point> &points, unsigned int per_bank)
{
	const scale_point *big = nullptr, *one = nullptr;

	for (const auto &p : points) {
		if (p.banks == 1024 / per_bank && p.pins == 512)
			big = &p;
		if (p.banks == 1 && p.per_bank == per_bank && !one)
			one = &p;
	}
	return { big, one };
}

void scaling_section(::std::ostream &out, const results &res, const ::std::string &dat)
{
	auto points = scale_points(res);
	auto floor = res.find("dispatch", "floor", "1 line", "cost");

	if (points.empty())
		return;
	out << "Scaling: one pin pending (the last one), ns per interrupt;"
	       " walk = the chained handler\nwith nothing pending (every bank"
	       " queried)\n  "
	    << pad("pins", 6) << pad("per bank", 10) << pad("banks", 7) << pad("cost", 24)
	    << pad("vs 1 bank", 11) << "walk\n";
	for (const auto &p : points) {
		const scale_point *one = nullptr;

		for (const auto &q : points)
			if (q.banks == 1 && !one &&
			    q.per_bank == (p.per_bank == 16 ? 32 : p.per_bank))
				one = &q;
		out << "  " << pad(::std::to_string(p.pins), 6)
		    << pad(::std::to_string(p.per_bank), 10)
		    << pad(::std::to_string(p.banks), 7) << pad(cell(p.cost), 24)
		    << pad(one ? pratio(res, p.cost->target + " " + p.cost->test,
					"1 bank of " + ::std::to_string(one->per_bank),
					p.cost, one->cost) :
				 "n/a",
			   11)
		    << cell(p.walk);
		for (unsigned int ppb : { 32, 64 })
			if (p.pins == 512 && p.banks == 1024 / ppb)
				out << "  = 1024 pins in banks of " << ppb;
		out << '\n';
	}
	out << "  gpio-sim:";
	for (const auto &r : res.rows())
		if (r.group == "scaling" && r.target == "gpio-sim")
			out << "  " << r.test << " lines " << fmt(r.value.median);
	out << "\n  (1024 pins cannot register on this kernel: gpiolib numbers all"
	       " GPIOs below 512;\n  the core's cost follows the number of banks,"
	       " measured at 512 pins in narrower banks)\n\n";

	::std::ofstream plot(dat);
	auto value = [](const csv_row *r) {
		return r ? fmt(r->value.median) : ::std::string("NaN");
	};
	plot << "# pins gpio-clx/32 gpio-clx/64 gpio-sim floor (ns, medians);"
		" 1024: the same bank counts at 512 pins\n";
	for (unsigned int n : { 32, 128, 512, 1024 }) {
		auto test = ::std::to_string(n);
		const csv_row *b32 = res.find("scaling", "gpio-clx/32", test, "cost");
		const csv_row *b64 = res.find("scaling", "gpio-clx/64", test, "cost");

		if (n == 1024) {
			auto p32 = pins_1024(points, 32).first;
			auto p64 = pins_1024(points, 64).first;

			b32 = p32 ? p32->cost : nullptr;
			b64 = p64 ? p64->cost : nullptr;
		}
		plot << n << ' ' << value(b32) << ' ' << value(b64) << ' '
		     << value(res.find("scaling", "gpio-sim", test, "cost")) << ' '
		     << value(floor) << '\n';
	}

	out << "All pins of one bank pending, ns per interrupt\n";
	for (const auto &r : res.rows())
		if (r.group == "bank")
			out << "  " << pad(r.target + ", " + r.test + " pending", 40)
			    << cell(&r) << '\n';
	out << '\n';
}

void events_section(::std::ostream &out, const results &res)
{
	::std::string lines;

	for (const auto &r : res.rows())
		if (r.group == "events")
			lines = r.test;
	if (lines.empty())
		return;
	auto row = [&](const ::std::string &label, const ::std::string &group,
		       const ::std::string &test, const ::std::string &metric,
		       int decimals) {
		auto a = res.find(group, "gpio-clx", test, metric);
		auto b = res.find(group, "gpio-sim", test, metric);

		out << "  " << pad(label, 30) << pad(cell(a, decimals), 30)
		    << pad(cell(b, decimals), 30) << ratio(a, b) << '\n';
	};
	out << "Userspace through libgpiod 2 (v2 character device), median"
	       " [min..max]\n  "
	    << pad("", 30) << pad("gpio-clx", 30) << pad("gpio-sim", 30) << "ratio\n";
	row("events/s, " + lines, "events", lines, "throughput", 0);
	row("lost edges per run", "events", lines, "lost", 0);
	row("write->event p50, us", "latency", "1 line", "p50", 1);
	row("write->event p99, us", "latency", "1 line", "p99", 1);
	row("write->kernel stamp p50, us", "latency", "1 line", "p50 kernel stamp", 1);
	row("write->kernel stamp p99, us", "latency", "1 line", "p99 kernel stamp", 1);
	row("latency: lost edges (total)", "latency", "1 line", "lost", 0);
	out << '\n';
}

/* The burst tests run through each interface, in the order they ran. */
::std::vector<::std::string> burst_tests(const results &res, const ::std::string &target)
{
	::std::vector<::std::string> tests;

	for (const auto &r : res.rows())
		if (r.group == "burst" && r.target == target && r.metric == "achieved")
			tests.push_back(r.test);
	return tests;
}

void burst_section(::std::ostream &out, const results &res)
{
	static const char *const abis[] = { "v1", "v2" };

	if (burst_tests(res, "gpio-clx v1").empty() &&
	    burst_tests(res, "gpio-clx v2").empty())
		return;
	out << "Generator bursts on our chip; the reader reads only after the burst"
	       " (queue: 16 events on either interface)\n"
	       "  driver coalesced: edges the controller's latch merged (sim.rst);"
	       " cdev merged: dispatched, not read;\n"
	       "  v2 only: seqno gaps, what the queue dropped (line_seqno); thread merged,"
	       " two interrupts\n"
	       "  before the device's thread ran. Max over runs; achieved edges/s:"
	       " median.\n  "
	    << pad("burst", 22) << pad("cdev", 6) << pad("achieved", 10) << pad("late", 6)
	    << pad("driver coalesced", 18) << pad("cdev merged", 13)
	    << pad("seqno gaps", 12) << "thread merged\n";
	for (const char *abi : abis) {
		auto target = "gpio-clx " + ::std::string(abi);

		for (const auto &t : burst_tests(res, target)) {
			auto max = [&](const char *metric) {
				auto r = res.find("burst", target, t, metric);
				return r ? fmt(r->value.max, 0) : "n/a";
			};
			auto ach = res.find("burst", target, t, "achieved");

			out << "  " << pad(t, 22) << pad(abi, 6)
			    << pad(fmt(ach->value.median, 0), 10)
			    << pad(max("late steps"), 6)
			    << pad(max("driver coalesced"), 18)
			    << pad(max("cdev merged"), 13) << pad(max("seqno gaps"), 12)
			    << max("thread merged") << '\n';
		}
	}
	out << '\n';
}

/*
 * "zero events lost in 16-edge bursts below the FIFO limit" through @target:
 * met when no 16-edge burst lost an event in the character device.
 */
void burst_goal(::std::ostream &out, const results &res, const ::std::string &target)
{
	double lossless = 0, first_loss = 0, worst = 0, dropped = 0;
	bool any = false, numbered = false;

	for (const auto &t : burst_tests(res, target)) {
		auto cdev = res.find("burst", target, t, "cdev merged");
		auto gaps = res.find("burst", target, t, "seqno gaps");

		if (t.rfind("16 edges", 0) != 0 || !cdev)
			continue;
		any = true;
		if (gaps) {
			numbered = true;
			dropped = ::std::max(dropped, gaps->value.max);
		}
		auto rate = res.find("burst", target, t, "achieved")->value.median;
		if (cdev->value.max == 0 && rate > lossless && !first_loss)
			lossless = rate;
		if (cdev->value.max > 0 && !first_loss)
			first_loss = rate;
		worst = ::std::max(worst, cdev->value.max);
	}
	if (!any)
		return;
	auto abi = target.substr(target.rfind(' ') + 1);
	if (worst == 0) {
		out << "  [met] zero events lost in 16-edge bursts below the FIFO limit ("
		    << abi << ")\n";
		return;
	}
	out << "  [MISSED] zero events lost in 16-edge bursts below the FIFO limit ("
	    << abi << "): ";
	if (lossless > 0)
		out << "none lost up to " << fmt(lossless, 0) << " edges/s; ";
	out << "from " << fmt(first_loss, 0) << " edges/s up to " << fmt(worst, 0)
	    << " of 16 merged in the character device";
	if (numbered)
		out << " (its queue dropped " << fmt(dropped, 0)
		    << ", line_seqno says; the rest woke its thread once for two)";
	out << '\n';
}

void memory_section(::std::ostream &out, const results &res)
{
	auto chip_a = res.find("memory", "gpio-clx", "intercept", "per chip");
	auto chip_b = res.find("memory", "gpio-sim", "intercept", "per chip");
	auto pin_a = res.find("memory", "gpio-clx", "slope", "per pin");
	auto pin_b = res.find("memory", "gpio-sim", "slope", "per pin");

	if (!chip_a && !chip_b)
		return;
	out << "Memory: slab bytes around probe, median [min..max]\n  " << pad("", 16)
	    << pad("gpio-clx", 30) << pad("gpio-sim", 30) << "ratio\n";
	out << "  " << pad("per chip", 16) << pad(cell(chip_a, 0), 30)
	    << pad(cell(chip_b, 0), 30) << ratio(chip_a, chip_b) << '\n';
	out << "  " << pad("per pin", 16) << pad(cell(pin_a, 0), 30)
	    << pad(cell(pin_b, 0), 30) << ratio(pin_a, pin_b) << '\n';
	for (const auto &r : res.rows())
		if (r.group == "memory" && r.metric == "probe")
			out << "  " << pad(r.target + ", " + r.test, 30) << cell(&r, 0)
			    << '\n';
	for (const auto &r : res.rows())
		if (r.group == "memory-cache")
			out << "  " << pad(r.target + ", " + r.test + ", " + r.metric, 48)
			    << fmt(r.value.median, 0) << '\n';
	out << '\n';
}

/* The arm64 board's PL061 under both drivers (the pl061 command). */
void pl061_section(::std::ostream &out, const results &res)
{
	auto row = [&](const ::std::string &label, const ::std::string &test,
		       const ::std::string &metric, int decimals, bool paired) {
		auto a = res.find("pl061", "gpio-clx-pl061", test, metric);
		auto b = res.find("pl061", "gpio-pl061", test, metric);

		out << "  " << pad(label, 34) << pad(cell(a, decimals), 26)
		    << pad(cell(b, decimals), 26)
		    << (paired ? pratio(res, "pl061 " + test, "gpio-pl061", a, b) : "")
		    << '\n';
	};

	if (!res.find("pl061", "gpio-clx-pl061", "dispatch", "cost"))
		return;
	out << "QEMU's PL061 on the GIC: our client against mainline, loaded in"
	       " turns; median\n[min..max], ratios are medians of turn-by-turn"
	       " ratios\n  "
	    << pad("", 34) << pad("gpio-clx-pl061", 26) << pad("gpio-pl061", 26)
	    << "ours/mainline\n";
	row("ns per interrupt, chained entry", "dispatch", "cost", 1, true);
	row("ns per interrupt, GIC delivery", "irq", "cost", 1, true);
	row("handler runs finding the pin low", "spurious", "runs", 2, false);
	row("power button: edge to reader, us", "gpiomon", "latency", 1, true);
	out << '\n';
}

void goals_section(::std::ostream &out, const results &res)
{
	goal g{ out };
	auto floor = res.find("dispatch", "floor", "1 line", "cost");
	const csv_row *clx = nullptr;

	for (const auto &r : res.rows())
		if (r.group == "dispatch" && r.target == "gpio-clx")
			clx = &r;
	out << "Goals\n";
	if (clx && floor) {
		double x = pvalue(res, "gpio-clx", "floor", clx, floor);

		g.at_most("dispatch <= 1.15x the floor", x, 1.15, fmt(x, 2) + "x", "");
	}
	auto points = scale_points(res);
	for (unsigned int ppb : { 32, 64 }) {
		auto [big, one] = pins_1024(points, ppb);

		if (!big || !one)
			continue;
		double x = pvalue(res, big->cost->target + " " + big->cost->test,
				  "1 bank of " + ::std::to_string(ppb), big->cost,
				  one->cost);
		g.at_most("1024-pin cost <= 1.1x 32-pin, banks of " +
				  ::std::to_string(ppb) + " (" +
				  ::std::to_string(big->banks) +
				  " banks, measured at 512 pins)",
			  x, 1.1, fmt(x, 2) + "x", "");
	}
	const csv_row *rate_a = nullptr, *rate_b = nullptr, *lost_a = nullptr;
	for (const auto &r : res.rows()) {
		if (r.group == "events" && r.metric == "throughput")
			(r.target == "gpio-clx" ? rate_a : rate_b) = &r;
		if (r.group == "events" && r.metric == "lost" && r.target == "gpio-clx")
			lost_a = &r;
	}
	if (rate_a && rate_b) {
		double x = rate_b->value.median / rate_a->value.median;

		g.at_most("events/s >= 1.0x gpio-sim", x, 1.0,
			  fmt(rate_a->value.median / rate_b->value.median, 2) + "x", "");
	}
	auto p50a = res.find("latency", "gpio-clx", "1 line", "p50");
	auto p50b = res.find("latency", "gpio-sim", "1 line", "p50");
	if (p50a && p50b) {
		double x = p50a->value.median / p50b->value.median;

		g.at_most("p50 latency <= gpio-sim's", x, 1.0, fmt(x, 3) + "x", "");
	}
	/* The driver: every edge generated is delivered to its handler. */
	double driver = lost_a ? lost_a->value.max : 0, top = 0;
	for (const auto &r : res.rows()) {
		if (r.group != "burst" || r.test.rfind("16 edges", 0) != 0)
			continue;
		if (r.metric == "driver lost" || r.metric == "driver coalesced")
			driver = ::std::max(driver, r.value.max);
		if (r.metric == "achieved")
			top = ::std::max(top, r.value.median);
	}
	if (!burst_tests(res, "gpio-clx v1").empty() ||
	    !burst_tests(res, "gpio-clx v2").empty()) {
		out << "  [" << (driver == 0 ? "met" : "MISSED")
		    << "] zero edges lost by the driver below the FIFO limit: "
		    << fmt(driver, 0) << " lost (16-edge bursts up to " << fmt(top, 0)
		    << " edges/s, and the events/s runs)\n";
		burst_goal(out, res, "gpio-clx v1");
		burst_goal(out, res, "gpio-clx v2");
	}
	for (const char *test : { "dispatch", "irq" }) {
		auto a = res.find("pl061", "gpio-clx-pl061", test, "cost");
		auto b = res.find("pl061", "gpio-pl061", test, "cost");

		if (!a || !b)
			continue;
		double x =
			pvalue(res, "pl061 " + ::std::string(test), "gpio-pl061", a, b);

		g.at_most("PL061 " + ::std::string(test) +
				  " <= 1.10x mainline gpio-pl061",
			  x, 1.10, fmt(x, 2) + "x", "");
	}
}

} /* namespace */

void run_report(const options &opt)
{
	auto csv = opt.csv.empty() ? opt.out + "/bench.csv" : opt.csv;
	results res(csv_file::read(csv));
	::std::ostringstream out;

	if (!opt.machine.empty())
		out << common::read_file(opt.machine) << '\n';
	dispatch_section(out, res);
	scaling_section(out, res, opt.out + "/scaling.dat");
	events_section(out, res);
	burst_section(out, res);
	memory_section(out, res);
	pl061_section(out, res);
	goals_section(out, res);

	::std::ofstream table(opt.out + "/table.txt");
	table << out.str();
	if (!table)
		throw ::std::runtime_error("cannot write " + opt.out + "/table.txt");
	::std::cout << out.str();
}

} /* namespace bench */
} /* namespace gpioclx */
