// SPDX-License-Identifier: GPL-2.0
/*
 * "memory": slab bytes a chip costs, measured around its probe. Ours: unbind
 * and bind a controller of the benchmark board; gpio-sim: take a configfs
 * device live and back. Two sizes give bytes per pin (the slope) and per
 * chip (what is left at zero pins).
 *
 * The UML kernel uses SLAB, whose /proc/slabinfo counts objects sitting in
 * per-CPU caches as in use. For the measurement every cache is tuned down
 * to a per-CPU cache of one object (and the old tuning is put back after),
 * so the counts follow allocations to within an object per cache. Objects
 * freed through RCU (dentries, inodes) come back over many ticks after a
 * large unbind: each reading waits until the total holds still.
 */
#include <algorithm>
#include <functional>
#include <iostream>
#include <map>
#include <sstream>
#include <stdexcept>
#include <system_error>
#include <utility>

#include "clx_device.hpp"
#include "commands.hpp"
#include "common/clock.hpp"
#include "common/file.hpp"
#include "common/text.hpp"
#include "common/usage_error.hpp"
#include "csv.hpp"
#include "gpio_sim.hpp"

namespace gpioclx {
namespace bench {

namespace {

const ::std::string slabinfo = "/proc/slabinfo";
constexpr double settle_ms = 200;
/*
 * Readings a measurement waits for the total to hold still; --quick waits
 * for a few only (under kmemleak and KASAN's quarantine it never does).
 */
constexpr int settle_tries = 50;
constexpr int settle_tries_quick = 2;
constexpr unsigned long settle_slack = 256; /* bytes */

struct cache_line {
	::std::string name;
	unsigned long active, objsize, limit, batch, shared;
};

::std::vector<cache_line> read_slabinfo()
{
	::std::vector<cache_line> caches;

	for (const auto &line : common::split(common::read_file(slabinfo), '\n')) {
		::std::istringstream in(line);
		cache_line c;
		unsigned long total, per_slab, pages;
		::std::string colon, tunables;

		if (line.rfind("slabinfo", 0) == 0 || line[0] == '#')
			continue;
		if (!(in >> c.name >> c.active >> total >> c.objsize >> per_slab >>
		      pages >> colon >> tunables >> c.limit >> c.batch >> c.shared))
			throw ::std::runtime_error("cannot parse " + slabinfo + ": " +
						   line);
		caches.push_back(c);
	}
	return caches;
}

unsigned long slab_total()
{
	unsigned long bytes = 0;

	for (const auto &c : read_slabinfo())
		bytes += c.active * c.objsize;
	return bytes;
}

::std::map<::std::string, double> slab_by_cache()
{
	::std::map<::std::string, double> bytes;

	for (const auto &c : read_slabinfo())
		bytes[c.name] = double(c.active) * c.objsize;
	return bytes;
}

/* The slab total once it holds still for a while (RCU frees done). */
unsigned long slab_bytes(int tries)
{
	auto last = slab_total();

	for (int i = 0; i < tries; i++) {
		common::sleep_ms(settle_ms);
		auto now = slab_total();

		if (now <= last + settle_slack && last <= now + settle_slack)
			return now;
		last = now;
	}
	if (tries == settle_tries)
		::std::cerr << "memory: slab usage still moving after "
			    << tries * settle_ms / 1000
			    << " s; something else is running\n";
	return last;
}

/* Per-CPU caches of one object for as long as it lives. */
class slab_tuning {
public:
	slab_tuning() : saved_(read_slabinfo())
	{
		for (const auto &c : saved_)
			tune(c.name, 1, 1, 0);
	}

	~slab_tuning()
	{
		for (const auto &c : saved_)
			tune(c.name, c.limit, c.batch, c.shared);
	}

	slab_tuning(const slab_tuning &) = delete;
	slab_tuning &operator=(const slab_tuning &) = delete;

private:
	static void tune(const ::std::string &name, unsigned long limit,
			 unsigned long batch, unsigned long shared)
	{
		try {
			common::write_file(slabinfo,
					   name + " " + ::std::to_string(limit) + " " +
						   ::std::to_string(batch) + " " +
						   ::std::to_string(shared));
		} catch (const ::std::system_error &) {
			/* A cache that cannot be tuned adds its noise, no more. */
		}
	}

	::std::vector<cache_line> saved_;
};

/* Slab bytes that @up allocates, @down having freed them before. */
template <typename Up, typename Down>
::std::vector<double> deltas(unsigned int repeats, int tries, Up up, Down down)
{
	::std::vector<double> d;

	for (unsigned int i = 0; i < repeats; i++) {
		down();
		auto before = slab_bytes(tries);
		up();
		auto after = slab_bytes(tries);
		d.push_back(double(after) - double(before));
	}
	return d;
}

/* Where the bytes of one more @up go, cache by cache: the largest few. */
template <typename Up, typename Down>
void by_cache(csv_file &csv, const ::std::string &target, const ::std::string &test,
	      int tries, Up up, Down down)
{
	::std::vector<::std::pair<double, ::std::string>> deltas;

	down();
	slab_bytes(tries);
	auto before = slab_by_cache();
	up();
	slab_bytes(tries);
	for (const auto &[name, bytes] : slab_by_cache()) {
		double d = bytes - before[name];

		if (d != 0)
			deltas.push_back({ d, name });
	}
	::std::sort(deltas.begin(), deltas.end(), ::std::greater<>());
	for (::std::size_t i = 0; i < deltas.size() && i < 6; i++)
		csv.add("memory-cache", target, test, deltas[i].second, "bytes",
			{ deltas[i].first, deltas[i].first, deltas[i].first, 1 });
}

void record(csv_file &csv, const ::std::string &target, const ::std::string &unit_name,
	    unsigned int small, unsigned int large, const ::std::vector<double> &ds,
	    const ::std::vector<double> &dl)
{
	::std::vector<double> per_pin, per_chip;

	for (::std::size_t i = 0; i < ds.size(); i++) {
		double pin = (dl[i] - ds[i]) / (large - small);

		per_pin.push_back(pin);
		per_chip.push_back(ds[i] - small * pin);
	}
	csv.add("memory", target, ::std::to_string(small) + " " + unit_name, "probe",
		"bytes", summarize(ds));
	csv.add("memory", target, ::std::to_string(large) + " " + unit_name, "probe",
		"bytes", summarize(dl));
	csv.add("memory", target, "slope", "per pin", "bytes", summarize(per_pin));
	csv.add("memory", target, "intercept", "per chip", "bytes", summarize(per_chip));
}

} /* namespace */

void run_memory(const options &opt)
{
	unsigned int repeats = opt.runs ? opt.runs : opt.quick ? 1 : 5;
	int tries = opt.quick ? settle_tries_quick : settle_tries;
	auto names = opt.clx;
	auto sizes = opt.sim_lines;

	if (names.empty())
		names = { "gpio-bench-1x32", "gpio-bench-512x32" };
	if (sizes.empty())
		sizes = { 1, 512 };
	if (names.size() != 2 || sizes.size() != 2)
		throw common::usage_error("memory: two --clx and two --gpio-sim-lines");

	slab_tuning tuning;
	csv_file csv(opt.out + "/bench.csv");
	::std::vector<::std::vector<double>> clx;
	for (const auto &name : names) {
		bool was_bound = clx_device::bound(name);
		auto up = [&] { clx_device::bind(name); };
		auto down = [&] {
			if (clx_device::bound(name))
				clx_device::unbind(name);
		};

		clx.push_back(deltas(repeats, tries, up, down));
		if (&name == &names.back())
			by_cache(csv, "gpio-clx",
				 ::std::to_string(clx_device::pins(name)) + " pins",
				 tries, up, down);
		if (!was_bound)
			down();
	}
	::std::vector<::std::vector<double>> sim;
	for (auto lines : sizes) {
		gpio_sim_chip chip("bench-mem-" + ::std::to_string(lines), lines, false);
		auto up = [&] { chip.set_live(true); };
		auto down = [&] { chip.set_live(false); };

		sim.push_back(deltas(repeats, tries, up, down));
		if (lines == sizes.back())
			by_cache(csv, "gpio-sim", ::std::to_string(lines) + " lines",
				 tries, up, down);
	}

	record(csv, "gpio-clx", "pins", clx_device::pins(names[0]),
	       clx_device::pins(names[1]), clx[0], clx[1]);
	record(csv, "gpio-sim", "lines", sizes[0], sizes[1], sim[0], sim[1]);
}

} /* namespace bench */
} /* namespace gpioclx */
