// SPDX-License-Identifier: GPL-2.0-only
/*
 * gpioclx core: each controller's bank state and per-pin interrupt counters
 * in debugfs, /sys/kernel/debug/gpio-clx/<device>/stats, and the periods of
 * the pins it debounces in software, .../debounce (root only).
 * Built only with CONFIG_DEBUG_FS; the counters themselves are always kept.
 */

#include <linux/debugfs.h>
#include <linux/device.h>
#include <linux/seq_file.h>

#include "gpio-clx-internal.h"

static struct dentry *gpio_clx_debugfs_root;

static int gpio_clx_stats_show(struct seq_file *s, void *unused)
{
	struct gpio_clx *clx = s->private;
	struct gpio_clx_stats st;
	struct gpio_clx_bank *bank;
	unsigned int b, offset;

	for (b = 0; b < clx->nbanks; b++) {
		bank = &clx->banks[b];
		scoped_guard(gpio_clx_bank, bank)
			seq_printf(s, "bank %u: enabled %#llx masked %#llx edge %#llx emulated %#llx mask_failed %#llx wake %#llx\n",
				   b, bank->enabled, gpio_clx_held(bank),
				   bank->edge, bank->emul, bank->mask_failed,
				   bank->wake);
	}
	seq_puts(s, "pin primary dispatched spurious masked_pending replayed debounced\n");
	for (offset = 0; offset < clx->info.ngpio; offset++) {
		gpio_clx_get_stats(clx, offset, &st);
		if (st.primary || st.spurious || st.masked_pending ||
		    st.replayed || st.debounced)
			seq_printf(s, "%u %llu %llu %llu %llu %llu %llu\n",
				   offset, st.primary, st.dispatched,
				   st.spurious, st.masked_pending, st.replayed,
				   st.debounced);
	}
	return 0;
}
DEFINE_SHOW_ATTRIBUTE(gpio_clx_stats);

/* "PIN PERIOD_US" for each pin the core debounces in software. */
static int gpio_clx_debounce_show(struct seq_file *s, void *unused)
{
	struct gpio_clx *clx = s->private;
	unsigned int offset;

	guard(mutex)(&clx->config_lock);
	if (!clx->debounce)
		return 0;
	for (offset = 0; offset < clx->info.ngpio; offset++)
		if (clx->debounce[offset].period_us)
			seq_printf(s, "%u %u\n", offset,
				   clx->debounce[offset].period_us);
	return 0;
}
DEFINE_SHOW_ATTRIBUTE(gpio_clx_debounce);

static void gpio_clx_debugfs_remove(void *data)
{
	struct gpio_clx *clx = data;

	debugfs_remove_recursive(clx->debugfs);
}

/* Statistics are a convenience: failing to create them fails nothing. */
void gpio_clx_debugfs_add(struct gpio_clx *clx)
{
	clx->debugfs = debugfs_create_dir(dev_name(clx->dev),
					  gpio_clx_debugfs_root);
	debugfs_create_file("stats", 0400, clx->debugfs, clx,
			    &gpio_clx_stats_fops);
	debugfs_create_file("debounce", 0400, clx->debugfs, clx,
			    &gpio_clx_debounce_fops);
	devm_add_action_or_reset(clx->dev, gpio_clx_debugfs_remove, clx);
}

void gpio_clx_debugfs_init(void)
{
	gpio_clx_debugfs_root = debugfs_create_dir("gpio-clx", NULL);
}

void gpio_clx_debugfs_exit(void)
{
	debugfs_remove_recursive(gpio_clx_debugfs_root);
}
