// SPDX-License-Identifier: GPL-2.0
/*
 * The benchmark tool's commands and the options they share. Every command
 * but "report" runs inside the UML benchmark board, as root, and appends
 * its results to OUT/bench.csv.
 */
#ifndef GPIOCLX_BENCH_COMMANDS_HPP
#define GPIOCLX_BENCH_COMMANDS_HPP

#include <string>
#include <vector>

namespace gpioclx {
namespace bench {

struct options {
	::std::string out = ".";               /* --out DIR */
	bool quick = false;                    /* --quick: a smoke test */
	::std::vector<::std::string> clx;      /* --clx NAME... */
	::std::vector<::std::string> bank_of;  /* --bank-of NAME... */
	::std::vector<unsigned int> sim_lines; /* --gpio-sim-lines N,... */
	::std::vector<unsigned int> rates;     /* --rates N,... */
	unsigned int runs = 0;                 /* 0: the command's default */
	unsigned int iterations = 0;
	unsigned int lines = 0;
	unsigned int samples = 0;
	double seconds = 0;
	::std::string csv;     /* report */
	::std::string machine; /* report */
};

/* In-kernel cost per interrupt: floor, gpio-clx, gpio-sim; scaling. */
void run_dispatch(const options &opt);
/* Userspace through libgpiod: latency and sustained events/s. */
void run_events(const options &opt);
/* Generator bursts up to the character device's FIFO: edges lost. */
void run_burst(const options &opt);
/* Slab bytes around probe: per chip and per pin. */
void run_memory(const options &opt);
/* The table, ratios and goals from a CSV; data files for the plots. */
void run_report(const options &opt);

} /* namespace bench */
} /* namespace gpioclx */

#endif /* GPIOCLX_BENCH_COMMANDS_HPP */
