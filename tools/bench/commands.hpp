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
	::std::string csv;        /* report */
	::std::string machine;    /* report */
	::std::string ours;       /* pl061: our client's module */
	::std::string mainline;   /* pl061: mainline's gpio-pl061 module */
	unsigned int presses = 0; /* pl061: power-button presses per turn */
};

/* One run of a gpio-clx-bench.ko case (see its header). */
struct kernel_result {
	double ns;       /* per interrupt, or per round if it has none */
	double spurious; /* handler runs with nothing to do, per interrupt */
};
kernel_result kernel_case(const ::std::string &kind, const ::std::string &target,
			  unsigned int first, unsigned int count,
			  unsigned int iterations);

/* In-kernel cost per interrupt: floor, gpio-clx, gpio-sim; scaling. */
void run_dispatch(const options &opt);
/* Userspace through libgpiod: latency and sustained events/s. */
void run_events(const options &opt);
/* Generator bursts up to the character device's FIFO: edges lost. */
void run_burst(const options &opt);
/* Slab bytes around probe: per chip and per pin. */
void run_memory(const options &opt);
/* The arm64 board's PL061: our client against mainline's gpio-pl061. */
void run_pl061(const options &opt);
/* The table, ratios and goals from a CSV; data files for the plots. */
void run_report(const options &opt);

} /* namespace bench */
} /* namespace gpioclx */

#endif /* GPIOCLX_BENCH_COMMANDS_HPP */
