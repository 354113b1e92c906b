// SPDX-License-Identifier: GPL-2.0-only
/*
 * Test instrumentation of the simulated controller, none of which a port
 * needs: what the tests inject and observe around system sleep and in bus
 * mode, through debugfs (root only) in
 * /sys/kernel/debug/gpio-clx-sim/<device>/:
 *
 *   suspend_inject  write "PIN LEVEL": drive PIN to LEVEL once the
 *                   controller is suspended (a button pressed in sleep)
 *   asleep_regs     the registers as they were while suspended, in the
 *                   format of regs
 *   boot_regs       the registers as the firmware left them (a warm
 *                   reboot: linux,firmware-leftovers), before the core
 *                   registered the controller, in the format of regs
 *   pre_process     "runs N outside_hardirq M": bus mode's pre-process
 *                   steps, and how many of them ran outside hard-IRQ
 *
 * and the hooks of gpio-clx-sim.h, which give kernel code (KUnit suites,
 * simulated peripherals, the benchmark) what debugfs gives userspace.
 */

#include <linux/bitmap.h>
#include <linux/debugfs.h>
#include <linux/device.h>
#include <linux/fs.h>
#include <linux/hardirq.h>
#include <linux/kernel.h>
#include <linux/module.h>
#include <linux/seq_file.h>
#include <linux/uaccess.h>

#include <linux/gpio/clx.h>

#include "gpio-clx-sim-internal.h"

/* ---- system sleep ----------------------------------------------------- */

/* "PIN LEVEL": drive PIN to LEVEL once the controller is suspended. */
static ssize_t clx_sim_inject_write(struct file *file,
				    const char __user *ubuf, size_t len,
				    loff_t *ppos)
{
	struct clx_sim *sim = file->private_data;
	struct clx_sim_testing *t = &sim->testing;
	unsigned int pin, level;
	char buf[32];
	char extra;

	if (len >= sizeof(buf))
		return -EINVAL;
	if (copy_from_user(buf, ubuf, len))
		return -EFAULT;
	buf[len] = '\0';
	if (sscanf(buf, "%u %u %c", &pin, &level, &extra) != 2 ||
	    pin >= sim->ngpio || level > 1)
		return -EINVAL;
	assign_bit(pin, t->inject_level, level);
	smp_mb__before_atomic();	/* the level before the request */
	set_bit(pin, t->inject);
	return len;
}

static const struct file_operations clx_sim_inject_fops = {
	.owner = THIS_MODULE,
	.open = simple_open,
	.write = clx_sim_inject_write,
};

/*
 * From suspend_noirq, once the core has saved the banks: make the injected
 * changes, then keep the registers as they are now for asleep_regs.
 */
void clx_sim_testing_suspend(struct clx_sim *sim)
{
	struct clx_sim_testing *t = &sim->testing;
	unsigned int pin, bank;

	for_each_set_bit(pin, t->inject, sim->ngpio) {
		if (test_and_clear_bit(pin, t->inject))
			clx_sim_drive(sim, pin, test_bit(pin, t->inject_level));
	}
	for (bank = 0; bank < sim->nbanks; bank++)
		clx_sim_snapshot(sim, bank, &t->asleep[bank]);
}

static int clx_sim_asleep_show(struct seq_file *s, void *unused)
{
	struct clx_sim *sim = s->private;

	clx_sim_show_regs(s, sim, sim->testing.asleep);
	return 0;
}
DEFINE_SHOW_ATTRIBUTE(clx_sim_asleep);

/* ---- a warm reboot ---------------------------------------------------- */

/*
 * From probe, once the firmware's leftovers are in the registers and before
 * the core registers the controller (and disables them): keep the
 * registers as they are now for boot_regs.
 */
int clx_sim_testing_boot(struct clx_sim *sim)
{
	struct clx_sim_testing *t = &sim->testing;
	unsigned int bank;

	t->boot = devm_kcalloc(sim->dev, sim->nbanks, sizeof(*t->boot),
			       GFP_KERNEL);
	if (!t->boot)
		return -ENOMEM;
	for (bank = 0; bank < sim->nbanks; bank++)
		clx_sim_snapshot(sim, bank, &t->boot[bank]);
	return 0;
}

static int clx_sim_boot_show(struct seq_file *s, void *unused)
{
	struct clx_sim *sim = s->private;

	clx_sim_show_regs(s, sim, sim->testing.boot);
	return 0;
}
DEFINE_SHOW_ATTRIBUTE(clx_sim_boot);

/* ---- bus mode --------------------------------------------------------- */

void clx_sim_testing_pre_process(struct clx_sim *sim)
{
	atomic_inc(&sim->testing.pre_processed);
	if (!in_hardirq())
		atomic_inc(&sim->testing.pre_processed_asleep);
}

static int clx_sim_pre_process_show(struct seq_file *s, void *unused)
{
	struct clx_sim *sim = s->private;

	seq_printf(s, "runs %d outside_hardirq %d\n",
		   atomic_read(&sim->testing.pre_processed),
		   atomic_read(&sim->testing.pre_processed_asleep));
	return 0;
}
DEFINE_SHOW_ATTRIBUTE(clx_sim_pre_process);

int clx_sim_testing_init(struct clx_sim *sim)
{
	struct clx_sim_testing *t = &sim->testing;

	t->inject = devm_bitmap_zalloc(sim->dev, sim->ngpio, GFP_KERNEL);
	t->inject_level = devm_bitmap_zalloc(sim->dev, sim->ngpio, GFP_KERNEL);
	t->asleep = devm_kcalloc(sim->dev, sim->nbanks, sizeof(*t->asleep),
				 GFP_KERNEL);
	if (!t->inject || !t->inject_level || !t->asleep)
		return -ENOMEM;
	debugfs_create_file("suspend_inject", 0200, sim->debugfs, sim,
			    &clx_sim_inject_fops);
	debugfs_create_file("asleep_regs", 0400, sim->debugfs, sim,
			    &clx_sim_asleep_fops);
	debugfs_create_file("boot_regs", 0400, sim->debugfs, sim,
			    &clx_sim_boot_fops);
	debugfs_create_file("pre_process", 0400, sim->debugfs, sim,
			    &clx_sim_pre_process_fops);
	return 0;
}

/* ---- hooks for kernel code (gpio-clx-sim.h) --------------------------- */

/**
 * gpio_clx_sim_controller() - the core controller behind a simulated device
 * @dev: a device bound to the gpio-clx-sim driver
 *
 * Return: the controller, or NULL if @dev is not a bound simulator.
 */
struct gpio_clx *gpio_clx_sim_controller(struct device *dev)
{
	struct clx_sim *sim = clx_sim_from_dev(dev);

	return sim ? sim->clx : NULL;
}
EXPORT_SYMBOL_GPL(gpio_clx_sim_controller);

/**
 * gpio_clx_sim_set_input() - drive the level seen on an input pin
 * @dev: a device bound to the gpio-clx-sim driver
 * @offset: pin number within the chip
 * @high: the new level
 *
 * Safe in any context, hard-IRQ included. The hardware model latches the
 * edge, if any, and raises the parent interrupt as the registers say.
 *
 * Return: 0, or -EINVAL for a bad device or pin.
 */
int gpio_clx_sim_set_input(struct device *dev, unsigned int offset, bool high)
{
	struct clx_sim *sim = clx_sim_from_dev(dev);

	if (!sim || offset >= sim->ngpio)
		return -EINVAL;
	clx_sim_drive(sim, offset, high);
	return 0;
}
EXPORT_SYMBOL_GPL(gpio_clx_sim_set_input);

/**
 * gpio_clx_sim_read_regs() - snapshot one bank's register file
 * @dev: a device bound to the gpio-clx-sim driver
 * @bank: bank number
 * @regs: filled with the registers, each read once
 *
 * Return: 0, or -EINVAL for a bad device or bank.
 */
int gpio_clx_sim_read_regs(struct device *dev, unsigned int bank,
			   struct gpio_clx_sim_regs *regs)
{
	struct clx_sim *sim = clx_sim_from_dev(dev);

	if (!sim || bank >= sim->nbanks)
		return -EINVAL;
	clx_sim_snapshot(sim, bank, regs);
	return 0;
}
EXPORT_SYMBOL_GPL(gpio_clx_sim_read_regs);

/**
 * gpio_clx_sim_read_boot_regs() - one bank's registers as the firmware left them
 * @dev: a device bound to the gpio-clx-sim driver
 * @bank: bank number
 * @regs: filled with the registers as they were in probe, after the
 *	device tree's linux,firmware-leftovers were applied and before the
 *	core registered the controller
 *
 * Return: 0, or -EINVAL for a bad device or bank.
 */
int gpio_clx_sim_read_boot_regs(struct device *dev, unsigned int bank,
				struct gpio_clx_sim_regs *regs)
{
	struct clx_sim *sim = clx_sim_from_dev(dev);

	if (!sim || bank >= sim->nbanks)
		return -EINVAL;
	*regs = sim->testing.boot[bank];
	return 0;
}
EXPORT_SYMBOL_GPL(gpio_clx_sim_read_boot_regs);

/**
 * gpio_clx_sim_coalesced() - edges a pin's latch swallowed
 * @dev: a device bound to the gpio-clx-sim driver
 * @offset: pin number within the chip
 * @count: filled with the number of edges that found the pin's status
 *	latch set already, since probe (the coalesced file's count)
 *
 * Return: 0, or -EINVAL for a bad device or pin.
 */
int gpio_clx_sim_coalesced(struct device *dev, unsigned int offset, u64 *count)
{
	struct clx_sim *sim = clx_sim_from_dev(dev);

	if (!sim || offset >= sim->ngpio)
		return -EINVAL;
	*count = atomic64_read(&sim->coalesced[offset]);
	return 0;
}
EXPORT_SYMBOL_GPL(gpio_clx_sim_coalesced);
