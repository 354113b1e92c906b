// SPDX-License-Identifier: GPL-2.0
/*
 * gpioclx-bench: the benchmarks of "make bench". The gpio-clx interrupt
 * path side by side with mainline gpio-sim and with the floor (a null
 * irq_chip), measured in one boot of the UML benchmark board.
 */
#include <cstdio>
#include <exception>
#include <functional>
#include <iostream>
#include <limits>
#include <map>
#include <stdexcept>
#include <string>

#include "commands.hpp"
#include "common/number.hpp"
#include "common/text.hpp"
#include "common/usage_error.hpp"

namespace {

namespace bench = ::gpioclx::bench;
namespace common = ::gpioclx::common;

const char usage[] =
	"usage: gpioclx-bench COMMAND [OPTIONS]\n"
	"\n"
	"Inside the UML benchmark board, as root (each appends to OUT/bench.csv):\n"
	"  dispatch   in-kernel ns per interrupt, raise to handler: the floor, our\n"
	"             controllers (one pin pending; all pins of a bank) and gpio-sim;\n"
	"             needs gpio-clx-bench.ko\n"
	"  events     userspace through libgpiod: write->event latency p50/p99 and\n"
	"             sustained events/s without loss, our chip and gpio-sim\n"
	"  burst      signal-generator bursts of up to 16 edges (the character\n"
	"             device's FIFO) at rising rates: edges lost, our chip\n"
	"  memory     slab bytes around probe, per chip and per pin, ours and gpio-sim\n"
	"Inside the arm64 QEMU benchmark board:\n"
	"  pl061      QEMU's PL061 under our client and under mainline's gpio-pl061,\n"
	"             loaded in turn: in-kernel ns per interrupt (entered as the\n"
	"             GIC would, and delivered by it) and gpiomon-style latency of\n"
	"             the power button; needs gpio-clx-bench.ko, --ours, --mainline\n"
	"On the host:\n"
	"  report     the table with ratios and goals from a CSV, and the plot data\n"
	"\n"
	"Options:\n"
	"  --out DIR              results folder (default .)\n"
	"  --quick                few iterations: a smoke test, the numbers mean nothing\n"
	"  --runs N               repetitions (medians, min and max are over these)\n"
	"  --iterations N         dispatch: rounds per run\n"
	"  --clx NAME             our controller(s) by device name (repeatable);\n"
	"                         dispatch: default gpio-bench-{32,128,512,1024}x{32,64};\n"
	"                         events, burst: default gpio-bench-events;\n"
	"                         memory: a small and a large one\n"
	"  --bank-of NAME         dispatch: all pins of bank 0 pending (repeatable)\n"
	"  --gpio-sim-lines LIST  dispatch: gpio-sim chip sizes; memory: two sizes\n"
	"  --lines N              events: lines in flight for events/s (default 8)\n"
	"  --samples N            events: latency samples per run (default 200)\n"
	"  --seconds S            events: duration of one events/s run (default 1)\n"
	"  --rates LIST           burst: edges per second (default 1000,...,100000)\n"
	"  --ours KO, --mainline KO  pl061: the two drivers' modules\n"
	"  --presses N            pl061: power-button presses per turn (default 10)\n"
	"  --csv FILE             report: the results (default OUT/bench.csv)\n"
	"  --machine FILE         report: a description of the machine to print\n"
	"  --help                 this text\n";

constexpr auto uint_max = ::std::numeric_limits<unsigned int>::max();

unsigned int number(const ::std::string &text, const ::std::string &what)
{
	return common::parse_number(text, what, uint_max);
}

::std::vector<unsigned int> numbers(const ::std::string &text, const ::std::string &what)
{
	::std::vector<unsigned int> values;

	for (const auto &field : common::split(text, ','))
		values.push_back(number(field, what));
	if (values.empty())
		throw common::usage_error(what + ": empty list");
	return values;
}

/* Stores an option's value, read as its type; @name is the option. */
using setter =
	::std::function<void(const ::std::string &value, const ::std::string &name)>;

setter text_into(::std::string &field)
{
	return [&field](const ::std::string &value, const ::std::string &) {
		field = value;
	};
}

setter append_to(::std::vector<::std::string> &field)
{
	return [&field](const ::std::string &value, const ::std::string &) {
		field.push_back(value);
	};
}

setter number_into(unsigned int &field)
{
	return [&field](const ::std::string &value, const ::std::string &name) {
		field = number(value, name);
	};
}

setter numbers_into(::std::vector<unsigned int> &field)
{
	return [&field](const ::std::string &value, const ::std::string &name) {
		field = numbers(value, name);
	};
}

setter seconds_into(double &field)
{
	return [&field](const ::std::string &value, const ::std::string &name) {
		field = common::parse_seconds(value, name).count() / 1e9;
	};
}

bench::options parse(int argc, char **argv, int first)
{
	bench::options opt;
	const ::std::map<::std::string, setter> with_value = {
		{ "--out", text_into(opt.out) },
		{ "--runs", number_into(opt.runs) },
		{ "--iterations", number_into(opt.iterations) },
		{ "--clx", append_to(opt.clx) },
		{ "--bank-of", append_to(opt.bank_of) },
		{ "--gpio-sim-lines", numbers_into(opt.sim_lines) },
		{ "--rates", numbers_into(opt.rates) },
		{ "--lines", number_into(opt.lines) },
		{ "--samples", number_into(opt.samples) },
		{ "--seconds", seconds_into(opt.seconds) },
		{ "--csv", text_into(opt.csv) },
		{ "--machine", text_into(opt.machine) },
		{ "--ours", text_into(opt.ours) },
		{ "--mainline", text_into(opt.mainline) },
		{ "--presses", number_into(opt.presses) },
	};

	for (int i = first; i < argc; i++) {
		::std::string arg = argv[i];
		auto it = with_value.find(arg);

		if (arg == "--quick") {
			opt.quick = true;
		} else if (it != with_value.end()) {
			if (i + 1 >= argc)
				throw common::usage_error(arg + " needs a value");
			it->second(argv[++i], arg);
		} else {
			throw common::usage_error("unknown option " + arg);
		}
	}
	return opt;
}

} /* namespace */

int main(int argc, char **argv)
{
	const ::std::map<::std::string, void (*)(const bench::options &)> commands = {
		{ "dispatch", bench::run_dispatch }, { "events", bench::run_events },
		{ "burst", bench::run_burst },       { "memory", bench::run_memory },
		{ "pl061", bench::run_pl061 },       { "report", bench::run_report },
	};

	if (argc < 2) {
		::std::cerr << usage;
		return 2;
	}
	::std::string command = argv[1];
	if (command == "--help" || command == "-h") {
		::std::cout << usage;
		return 0;
	}
	try {
		for (int i = 2; i < argc; i++) {
			if (::std::string(argv[i]) == "--help") {
				::std::cout << usage;
				return 0;
			}
		}
		auto it = commands.find(command);

		if (it == commands.end())
			throw common::usage_error("unknown command '" + command + "'");
		it->second(parse(argc, argv, 2));
	} catch (const common::usage_error &e) {
		::std::cerr << "gpioclx-bench: " << e.what() << " (see --help)\n";
		return 2;
	} catch (const ::std::exception &e) {
		::std::cerr << "gpioclx-bench " << command << ": " << e.what() << '\n';
		return 1;
	}
	return 0;
}
