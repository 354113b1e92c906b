/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Test hooks of the simulated gpioclx controller: drive its inputs and read
 * its registers from other kernel code (KUnit suites, simulated
 * peripherals), the way debugfs does from userspace.
 */
#ifndef _GPIO_CLX_SIM_H
#define _GPIO_CLX_SIM_H

#include <linux/err.h>
#include <linux/slab.h>
#include <linux/string.h>
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
int gpio_clx_sim_read_boot_regs(struct device *dev, unsigned int bank,
				struct gpio_clx_sim_regs *regs);
int gpio_clx_sim_coalesced(struct device *dev, unsigned int offset, u64 *count);
int gpio_clx_sim_generate(struct device *dev, const char *cmd);

/*
 * A command written to one of the board's debugfs control files (the
 * simulator's generator, the benchmark module), split into words: at most
 * @max bytes, at least one word. Returns the words for argv_free(), or an
 * ERR_PTR: -EINVAL for an empty or overlong command.
 */
static inline char **gpio_clx_sim_split_cmd(const char __user *ubuf,
					    size_t len, size_t max, int *argc)
{
	char **argv;
	char *buf;

	if (!len || len > max)
		return ERR_PTR(-EINVAL);
	buf = memdup_user_nul(ubuf, len);
	if (IS_ERR(buf))
		return ERR_CAST(buf);
	argv = argv_split(GFP_KERNEL, buf, argc);
	kfree(buf);
	if (!argv)
		return ERR_PTR(-ENOMEM);
	if (!*argc) {
		argv_free(argv);
		return ERR_PTR(-EINVAL);
	}
	return argv;
}

#endif /* _GPIO_CLX_SIM_H */
