// SPDX-License-Identifier: GPL-2.0
/*
 * "dispatch": in-kernel cost per interrupt, through gpio-clx-bench.ko (see
 * its header for what a round is). The cases are run interleaved, one run
 * of each in turn, so that a slow spell of the machine spreads over all of
 * them instead of skewing one.
 */
#include <cerrno>
#include <fcntl.h>
#include <iostream>
#include <memory>
#include <sstream>
#include <stdexcept>
#include <system_error>
#include <unistd.h>

#include "clx_device.hpp"
#include "commands.hpp"
#include "csv.hpp"
#include "gpio_sim.hpp"

namespace gpioclx {
namespace bench {

namespace {

const ::std::string run_file = "/sys/kernel/debug/gpio-clx-bench/run";

struct kcase {
	::std::string kind, target;
	unsigned int first, count;
	/* where the result goes in the CSV */
	::std::string group, row_target, row_case;
	bool optional; /* may fail for want of interrupt descriptors */
	::std::vector<double> ns;
	::std::string skipped;
};

/* One run of @c: nanoseconds per interrupt (per round if none). */
double run_once(const kcase &c, unsigned int iterations)
{
	return kernel_case(c.kind, c.target, c.first, c.count, iterations).ns;
}

/*
 * One pin pending, by bank count: 1, 1, 2, 4, 8, 16, 32. The last two have
 * the bank counts of 1024 pins in banks of 64 and of 32 (see the board).
 */
::std::vector<::std::string> default_controllers()
{
	return { "gpio-bench-32x32",  "gpio-bench-32x64",  "gpio-bench-128x64",
		 "gpio-bench-128x32", "gpio-bench-512x64", "gpio-bench-512x32",
		 "gpio-bench-512x16" };
}

} /* namespace */

kernel_result kernel_case(const ::std::string &kind, const ::std::string &target,
			  unsigned int first, unsigned int count, unsigned int iterations)
{
	::std::ostringstream cmd;
	char buf[256];
	ssize_t n;

	cmd << kind << ' ' << target << ' ' << first << ' ' << count << ' ' << iterations
	    << " 1";
	int fd = ::open(run_file.c_str(), O_RDWR);
	if (fd < 0)
		throw ::std::system_error(errno, ::std::generic_category(),
					  run_file + " (is gpio-clx-bench.ko loaded?)");
	auto text = cmd.str();
	if (::write(fd, text.data(), text.size()) < 0) {
		int err = errno;

		::close(fd);
		throw ::std::system_error(err, ::std::generic_category(),
					  "gpio-clx-bench '" + text + "'");
	}
	n = ::read(fd, buf, sizeof(buf) - 1);
	::close(fd);
	if (n <= 0)
		throw ::std::runtime_error("gpio-clx-bench '" + text + "': no result");
	buf[n] = '\0';

	unsigned long long run, ns, rounds, interrupts, handled, spurious = 0;
	if (::std::sscanf(buf, "run %llu %llu %llu %llu %llu %llu", &run, &ns, &rounds,
			  &interrupts, &handled, &spurious) < 5 ||
	    !rounds)
		throw ::std::runtime_error("gpio-clx-bench: bad result: " +
					   ::std::string(buf));
	if (handled != interrupts)
		throw ::std::runtime_error("gpio-clx-bench '" + text +
					   "': " + ::std::to_string(handled) +
					   " handlers ran for " +
					   ::std::to_string(interrupts) + " interrupts");
	/* Per interrupt; per round for a profile case that has none. */
	return { double(ns) / (interrupts ? interrupts : rounds),
		 double(spurious) / (interrupts ? interrupts : rounds) };
}

void run_dispatch(const options &opt)
{
	unsigned int runs = opt.runs ? opt.runs : opt.quick ? 3 : 15;
	unsigned int iterations =
		opt.iterations ? opt.iterations : (opt.quick ? 200 : 20000);
	auto names = opt.clx.empty() ? default_controllers() : opt.clx;
	auto banks = opt.bank_of;
	auto sizes = opt.sim_lines;
	::std::vector<::std::unique_ptr<gpio_sim_chip>> sims;
	::std::vector<kcase> cases;

	/*
	 * A bank of 64 all pending needs 64 interrupt descriptors; UML has
	 * about 55 left once its own 64 and the board's lines are taken.
	 */
	if (opt.clx.empty() && banks.empty())
		banks = { "gpio-bench-32x32" };
	if (sizes.empty())
		sizes = { 32, 128, 512 };

	/* gpio-sim chips are made once and only live during their runs. */
	auto sim_chip = [&](unsigned int lines) {
		auto label = "bench-sim-" + ::std::to_string(lines);

		for (const auto &s : sims)
			if (s->label() == label)
				return label;
		sims.push_back(::std::make_unique<gpio_sim_chip>(label, lines, false));
		return label;
	};
	auto add = [&](const ::std::string &kind, const ::std::string &target,
		       unsigned int first, unsigned int count, const ::std::string &group,
		       const ::std::string &row_target, const ::std::string &row_case,
		       bool optional) {
		cases.push_back({ kind, target, first, count, group, row_target, row_case,
				  optional, ::std::vector<double>(), ::std::string() });
	};

	/* A board whose interrupt controller has no line to spare has no floor. */
	add("floor", "-", 0, 1, "dispatch", "floor", "1 line", true);
	add("floor-bare", "-", 0, 1, "dispatch", "floor-bare", "1 line", true);
	/* The simulated hardware's share of an edge, for the profile. */
	add("clx-model", names.front(), clx_device::pins(names.front()) - 1, 1,
	    "dispatch", "register model", "1 pin", false);
	for (const auto &name : names) {
		auto pins = clx_device::pins(name);
		auto bank =
			"gpio-clx/" + ::std::to_string(clx_device::pins_per_bank(name));

		add("clx", name, pins - 1, 1, "scaling", bank, ::std::to_string(pins),
		    false);
		/* The walk over the banks alone, for the profile. */
		add("clx-idle", name, 0, 1, "walk", bank, ::std::to_string(pins), false);
	}
	for (auto lines : sizes)
		add("gpio-sim", sim_chip(lines), lines - 1, 1, "scaling", "gpio-sim",
		    ::std::to_string(lines), false);
	for (const auto &name : banks) {
		auto ppb = clx_device::pins_per_bank(name);
		auto n = ::std::min(clx_device::pins(name), ppb);

		add("clx", name, 0, n, "bank", "gpio-clx/" + ::std::to_string(ppb),
		    ::std::to_string(n), true);
		add("gpio-sim", sim_chip(n), 0, n, "bank", "gpio-sim",
		    ::std::to_string(n), true);
	}

	auto find_sim = [&](const ::std::string &label) -> gpio_sim_chip * {
		for (const auto &s : sims)
			if (s->label() == label)
				return s.get();
		return nullptr;
	};
	for (unsigned int r = 0; r < runs; r++) {
		for (auto &c : cases) {
			if (!c.skipped.empty())
				continue;
			try {
				::std::unique_ptr<clx_device> dev;
				auto *sim = c.kind == "gpio-sim" ? find_sim(c.target) :
								   nullptr;

				if (c.kind.rfind("clx", 0) == 0)
					dev = ::std::make_unique<clx_device>(c.target);
				if (sim)
					sim->set_live(true);
				try {
					c.ns.push_back(run_once(c, iterations));
				} catch (...) {
					if (sim)
						sim->set_live(false);
					throw;
				}
				if (sim)
					sim->set_live(false);
			} catch (const ::std::system_error &e) {
				if (!c.optional)
					throw;
				c.skipped = e.what();
			}
		}
	}

	csv_file csv(opt.out + "/bench.csv");
	const kcase *first_clx = nullptr, *first_sim = nullptr;

	for (const auto &c : cases) {
		if (!c.skipped.empty()) {
			::std::cerr << "dispatch: skipped " << c.kind << ' ' << c.target
				    << " (" << c.count << " lines): " << c.skipped
				    << '\n';
			continue;
		}
		csv.add(c.group, c.row_target, c.row_case, "cost", "ns", summarize(c.ns));
		if (c.group == "scaling" && c.kind == "clx" && !first_clx)
			first_clx = &c;
		if (c.group == "scaling" && c.kind == "gpio-sim" && !first_sim)
			first_sim = &c;
	}
	/* The headline: the first controller and the first gpio-sim size. */
	if (first_clx)
		csv.add("dispatch", "gpio-clx",
			first_clx->row_case + " pins in " +
				first_clx->row_target.substr(9) + "-pin banks",
			"cost", "ns", summarize(first_clx->ns));
	if (first_sim)
		csv.add("dispatch", "gpio-sim", first_sim->row_case + " lines", "cost",
			"ns", summarize(first_sim->ns));

	/*
	 * Ratios run by run: both sides of a ratio were measured within a
	 * fraction of a second of each other, so a slow spell of the machine
	 * cancels out instead of landing on one side.
	 */
	auto paired = [&](const kcase *a, const kcase *b, const ::std::string &num,
			  const ::std::string &den) {
		::std::vector<double> r;

		if (!a || !b || a->ns.size() != b->ns.size() || !a->skipped.empty() ||
		    !b->skipped.empty())
			return;
		for (::std::size_t i = 0; i < a->ns.size(); i++)
			r.push_back(a->ns[i] / b->ns[i]);
		csv.add("ratio", num, den, "paired", "x", summarize(r));
	};
	auto find = [&](const ::std::string &group, const ::std::string &target,
			const ::std::string &test) -> const kcase * {
		for (const auto &c : cases)
			if (c.group == group && c.row_target == target &&
			    c.row_case == test)
				return &c;
		return nullptr;
	};
	auto floor = find("dispatch", "floor", "1 line");

	paired(first_clx, floor, "gpio-clx", "floor");
	paired(first_clx, first_sim, "gpio-clx", "gpio-sim");
	paired(first_sim, floor, "gpio-sim", "floor");
	for (const auto &c : cases) {
		if (c.group != "scaling" || c.kind != "clx")
			continue;
		auto ppb = c.row_target.substr(9);
		/* Banks of 16 stand for 1024 pins in banks of 32. */
		auto ref_ppb = ppb == "16" ? ::std::string("32") : ppb;

		for (const auto &ref : cases)
			if (ref.group == "scaling" && ref.kind == "clx" &&
			    ref.row_target == "gpio-clx/" + ref_ppb &&
			    ::std::stoul(ref.row_case) <= ::std::stoul(ref_ppb)) {
				paired(&c, &ref, c.row_target + " " + c.row_case,
				       "1 bank of " + ref_ppb);
				break;
			}
	}
}

} /* namespace bench */
} /* namespace gpioclx */
