// SPDX-License-Identifier: GPL-2.0-only
/*
 * The simulated controller's pins and registers in debugfs, root only: the
 * wires a test drives and the probe it reads the registers with.
 *
 *   /sys/kernel/debug/gpio-clx-sim/<device>/pin<N>      "0" or "1"
 *   /sys/kernel/debug/gpio-clx-sim/<device>/regs        register dump
 *   /sys/kernel/debug/gpio-clx-sim/<device>/coalesced   "PIN COUNT" lines
 *
 * The other files of the directory belong to the signal generator
 * (gpio-clx-sim-gen.c) and to the test instrumentation
 * (gpio-clx-sim-testing.c).
 */

#include <linux/debugfs.h>
#include <linux/device.h>
#include <linux/fs.h>
#include <linux/kernel.h>
#include <linux/seq_file.h>
#include <linux/slab.h>

#include "gpio-clx-sim-internal.h"

struct clx_sim_pin_file {
	struct clx_sim *sim;
	unsigned int offset;
};

static struct dentry *clx_sim_debugfs_root;

static ssize_t clx_sim_pin_write(struct file *file, const char __user *ubuf,
				 size_t len, loff_t *ppos)
{
	struct clx_sim_pin_file *pf = file->private_data;
	unsigned int val;
	int ret;

	ret = kstrtouint_from_user(ubuf, len, 10, &val);
	if (ret)
		return ret;
	if (val > 1)
		return -EINVAL;
	clx_sim_drive(pf->sim, pf->offset, val);
	return len;
}

static ssize_t clx_sim_pin_read(struct file *file, char __user *ubuf,
				size_t len, loff_t *ppos)
{
	struct clx_sim_pin_file *pf = file->private_data;
	char buf[2];

	buf[0] = clx_sim_driven(pf->sim, pf->offset) ? '1' : '0';
	buf[1] = '\n';
	return simple_read_from_buffer(ubuf, len, ppos, buf, sizeof(buf));
}

static const struct file_operations clx_sim_pin_fops = {
	.owner = THIS_MODULE,
	.open = simple_open,
	.read = clx_sim_pin_read,
	.write = clx_sim_pin_write,
	.llseek = default_llseek,
};

/* One line per bank, each register read once (tools parse this format). */
void clx_sim_show_regs(struct seq_file *s, struct clx_sim *sim,
		       const struct gpio_clx_sim_regs *regs)
{
	const struct gpio_clx_sim_regs *r;
	unsigned int bank;

	for (bank = 0; bank < sim->nbanks; bank++) {
		r = &regs[bank];
		seq_printf(s, "bank %u: in %#llx out %#llx dir %#llx en %#llx mask %#llx edge %#llx pol %#llx both %#llx status %#llx\n",
			   bank, r->in, r->out, r->dir, r->en, r->mask,
			   r->edge, r->pol, r->both, r->status);
	}
}

static int clx_sim_regs_show(struct seq_file *s, void *unused)
{
	struct clx_sim *sim = s->private;
	struct gpio_clx_sim_regs *regs;
	unsigned int bank;

	regs = kcalloc(sim->nbanks, sizeof(*regs), GFP_KERNEL);
	if (!regs)
		return -ENOMEM;
	for (bank = 0; bank < sim->nbanks; bank++)
		clx_sim_snapshot(sim, bank, &regs[bank]);
	clx_sim_show_regs(s, sim, regs);
	kfree(regs);
	return 0;
}
DEFINE_SHOW_ATTRIBUTE(clx_sim_regs);

/*
 * One line per pin, "PIN COUNT": the edges the pin's latch swallowed
 * because it was set already, since the controller was probed.
 */
static int clx_sim_coalesced_show(struct seq_file *s, void *unused)
{
	struct clx_sim *sim = s->private;
	unsigned int i;

	for (i = 0; i < sim->ngpio; i++)
		seq_printf(s, "%u %lld\n", i, atomic64_read(&sim->coalesced[i]));
	return 0;
}
DEFINE_SHOW_ATTRIBUTE(clx_sim_coalesced);

/*
 * One line per pin whose hardware debounce period is set, "PIN PERIOD_US":
 * what the core programmed with the pin's interrupt. Empty without hardware
 * debounce ("linux,no-hw-debounce").
 */
static int clx_sim_debounce_show(struct seq_file *s, void *unused)
{
	struct clx_sim *sim = s->private;
	unsigned int i;
	u32 period;

	for (i = 0; sim->debounce && i < sim->ngpio; i++) {
		period = READ_ONCE(sim->debounce[i].period_us);
		if (period)
			seq_printf(s, "%u %u\n", i, period);
	}
	return 0;
}
DEFINE_SHOW_ATTRIBUTE(clx_sim_debounce);

void clx_sim_debugfs_create_root(void)
{
	clx_sim_debugfs_root = debugfs_create_dir("gpio-clx-sim", NULL);
}

void clx_sim_debugfs_remove_root(void)
{
	debugfs_remove_recursive(clx_sim_debugfs_root);
}

static void clx_sim_debugfs_remove(void *data)
{
	struct clx_sim *sim = data;

	debugfs_remove_recursive(sim->debugfs);
}

int clx_sim_debugfs_init(struct clx_sim *sim)
{
	struct clx_sim_pin_file *pin_files;
	char name[16];
	unsigned int i;

	pin_files = devm_kcalloc(sim->dev, sim->ngpio, sizeof(*pin_files),
				 GFP_KERNEL);
	if (!pin_files)
		return -ENOMEM;

	sim->debugfs = debugfs_create_dir(dev_name(sim->dev),
					  clx_sim_debugfs_root);
	for (i = 0; i < sim->ngpio; i++) {
		pin_files[i].sim = sim;
		pin_files[i].offset = i;
		snprintf(name, sizeof(name), "pin%u", i);
		debugfs_create_file(name, 0600, sim->debugfs, &pin_files[i],
				    &clx_sim_pin_fops);
	}
	debugfs_create_file("regs", 0400, sim->debugfs, sim,
			    &clx_sim_regs_fops);
	debugfs_create_file("coalesced", 0400, sim->debugfs, sim,
			    &clx_sim_coalesced_fops);
	debugfs_create_file("debounce", 0400, sim->debugfs, sim,
			    &clx_sim_debounce_fops);
	return devm_add_action_or_reset(sim->dev, clx_sim_debugfs_remove, sim);
}
