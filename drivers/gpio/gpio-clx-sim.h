/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Test hooks of the simulated gpioclx controller: drive its inputs and read
 * its registers from other kernel code (KUnit suites, simulated
 * peripherals), the way debugfs does from userspace.
 */
#ifndef _GPIO_CLX_SIM_H
#define _GPIO_CLX_SIM_H

#include <linux/types.h>

struct device;
struct gpio_clx;

/**
 * struct gpio_clx_sim_regs - the register file of one simulated bank
 * @in: level driven onto each pin from outside
 * @out: output latch
 * @dir: direction, 1 = output
 * @en: interrupt enable
 * @mask: interrupt mask, 1 = masked
 * @edge: 1 = edge (latched status), 0 = level
 * @pol: 1 = high level / rising edge, 0 = low level / falling edge
 * @both: 1 = both edges (overrides @pol)
 * @status: latched edges and live level matches (write 1 to clear)
 */
struct gpio_clx_sim_regs {
	u64 in;
	u64 out;
	u64 dir;
	u64 en;
	u64 mask;
	u64 edge;
	u64 pol;
	u64 both;
	u64 status;
};

struct gpio_clx *gpio_clx_sim_controller(struct device *dev);
int gpio_clx_sim_set_input(struct device *dev, unsigned int offset, bool high);
int gpio_clx_sim_read_regs(struct device *dev, unsigned int bank,
			   struct gpio_clx_sim_regs *regs);

#endif /* _GPIO_CLX_SIM_H */
