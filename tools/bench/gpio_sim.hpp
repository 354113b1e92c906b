// SPDX-License-Identifier: GPL-2.0
/*
 * A mainline gpio-sim chip, made through configfs for the comparison: one
 * bank with a label, so libgpiod and the kernel find it by name.
 */
#ifndef GPIOCLX_BENCH_GPIO_SIM_HPP
#define GPIOCLX_BENCH_GPIO_SIM_HPP

#include <string>

namespace gpioclx {
namespace bench {

class gpio_sim_chip {
public:
	/* Create configfs device @name with @lines lines; live unless told. */
	gpio_sim_chip(const ::std::string &name, unsigned int lines, bool live = true);
	~gpio_sim_chip();

	gpio_sim_chip(const gpio_sim_chip &) = delete;
	gpio_sim_chip &operator=(const gpio_sim_chip &) = delete;

	/* Probe (true) or remove (false) the platform device. */
	void set_live(bool live);

	/* The gpio_chip label, which is also the configfs device name. */
	const ::std::string &label() const { return name_; }
	unsigned int lines() const { return lines_; }

	/* The sysfs "pull" attribute that drives @line from outside. */
	::std::string pull_path(unsigned int line) const;

private:
	::std::string dir() const;

	::std::string name_;
	unsigned int lines_;
	bool live_ = false;
	::std::string chip_dir_; /* /sys/devices/platform/gpio-sim.N/gpiochipM */
};

} /* namespace bench */
} /* namespace gpioclx */

#endif /* GPIOCLX_BENCH_GPIO_SIM_HPP */
