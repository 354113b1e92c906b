// SPDX-License-Identifier: GPL-2.0
#ifndef GPIOCLX_STRESS_STRESS_HPP
#define GPIOCLX_STRESS_STRESS_HPP

#include <string>
#include <vector>

namespace gpioclx::stress {

/*
 * How much of each block to run: the short version in make check, the
 * long one in make stress (GPIOCLX_STRESS=long in the board).
 */
bool long_run();

/*
 * @short_count cycles in the short version, @long_count in the long one
 * (times GPIOCLX_STRESS_SCALE when that is set: make stress
 * GPIOCLX_STRESS_SCALE=4 to hunt a rare fault).
 */
unsigned int cycles(unsigned int short_count, unsigned int long_count);

/*
 * Objects kmemleak suspects of leaking since the last call (each report
 * whole, its backtrace included), after two scans; the reports are then
 * cleared so the next block starts from nothing. Takes 5.5 s: kmemleak
 * only judges objects older than 5 s. Empty without kmemleak.
 */
::std::vector<::std::string> new_leaks();

/*
 * Whether a kmemleak report concerns the board's drivers: a frame of one
 * of our modules, or of gpiolib, the character device, the irq_domain or
 * genirq code our drivers and their consumers call, or of devres.
 */
bool ours(const ::std::string &report);

/*
 * new_leaks(), keeping the reports that concern us; @others (if given)
 * gets how many did not. On UML kmemleak also reports objects of the test
 * processes themselves (pipes, pid structures, open files) as
 * unreferenced: those are counted, not judged.
 */
::std::vector<::std::string> new_leaks_of_ours(unsigned int *others);

/* Whether the kernel has kmemleak (and it is on). */
bool have_kmemleak();

/* The reports, one after the other, for a failure message. */
::std::string joined(const ::std::vector<::std::string> &reports);

/* Unbind or bind a simulated controller, by device-tree node name. */
int unbind(const ::std::string &node);
int bind(const ::std::string &node);

/* Whether a platform device has a driver bound. */
bool bound(const ::std::string &device);

/*
 * Suspend to RAM once with pm_test=platform (the board cannot really
 * sleep): 0 or EBUSY (a wake-up interrupt aborted it) are successes.
 */
int suspend_once();

/* A module's path under GPIOCLX_MODULES, e.g. "drivers/gpio/gpio-clx-sim.ko". */
::std::string module_path(const ::std::string &name);

} /* namespace gpioclx::stress */

#endif /* GPIOCLX_STRESS_STRESS_HPP */
