// SPDX-License-Identifier: GPL-2.0-only
/*
 * Simulated memory-mapped GPIO controller, a client of the gpioclx core.
 *
 * Each bank is a register file like the ones found on SoC GPIO blocks:
 * input level, output, direction, interrupt enable, mask, edge/level select,
 * polarity, both-edge select and a latched status register cleared by
 * writing ones. A small hardware model keeps the status register honest:
 * edges latch whether or not the pin is masked, level status follows the
 * pin, and the controller's own interrupt output (its line to the parent
 * interrupt controller) is high while any bank has status that is enabled
 * and not masked. The inputs are driven from debugfs, root only:
 *
 *   /sys/kernel/debug/gpio-clx-sim/<device>/pin<N>      "0" or "1"
 *   /sys/kernel/debug/gpio-clx-sim/<device>/regs        register dump
 *   /sys/kernel/debug/gpio-clx-sim/<device>/generator   signal generator
 *
 * The registers themselves are atomic, as hardware registers are: one raw
 * spinlock inside the model (hw_lock) makes every access whole. The driver
 * never calls gpiolib or genirq itself except to drive its parent line;
 * everything else goes through the core's client API.
 *
 * Device-tree switches turn hardware features off so that every path of the
 * core runs on the board: "linux,no-hw-both-edges" (the core emulates both
 * edges), "linux,no-hw-debounce" (the core, or the character device,
 * debounces) and "linux,bus-attached" (the controller sits behind a slow
 * bus: every register access sleeps a little, and the core drives it as a
 * passive-level controller).
 *
 * Hardware debounce: a change on a pin with a debounce period programmed
 * reaches the input register only once the pin has held the new level for
 * the whole period; every bounce restarts the wait.
 */

#include <linux/bitmap.h>
#include <linux/debugfs.h>
#include <linux/delay.h>
#include <linux/hrtimer.h>
#include <linux/interrupt.h>
#include <linux/mod_devicetable.h>
#include <linux/module.h>
#include <linux/mutex.h>
#include <linux/platform_device.h>
#include <linux/property.h>
#include <linux/seq_file.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/uaccess.h>

#include <linux/gpio/clx.h>

#include "gpio-clx-sim.h"
#include "gpio-clx-testing.h"

#define CLX_SIM_MAX_BANKS	32
#define CLX_SIM_MAX_INJECT	(CLX_SIM_MAX_BANKS * 64)

struct clx_sim_pin_file {
	struct clx_sim *sim;
	unsigned int offset;
};

struct clx_sim_debounce {
	struct hrtimer timer;
	struct clx_sim *sim;
	unsigned int offset;
	u32 period_us;		/* programmed with the pin's interrupt */
	bool target;		/* the level waiting to be accepted */
};

struct clx_sim {
	struct device *dev;
	struct gpio_clx *clx;
	int parent_irq;
	raw_spinlock_t hw_lock;		/* the registers and the output */
	bool bus;			/* register access sleeps */
	unsigned int ngpio;
	unsigned int pins_per_bank;
	unsigned long irq_banks;	/* banks whose output is asserted */
	struct dentry *debugfs;
	struct clx_sim_pin_file *pin_files;
	struct clx_sim_debounce *debounce;	/* NULL: no hardware debounce */
	/* System sleep: pin changes to make once suspended, for tests. */
	DECLARE_BITMAP(inject, CLX_SIM_MAX_INJECT);
	DECLARE_BITMAP(inject_level, CLX_SIM_MAX_INJECT);
	struct gpio_clx_sim_regs *saved;	/* context across sleep */
	atomic_t pre_processed;			/* bus mode: hard-IRQ steps */
	atomic_t pre_processed_asleep;		/* ...outside hard-IRQ context */
	struct gpio_clx_sim_regs *asleep;	/* registers while suspended */
	struct gpio_clx_sim_regs regs[];
};

static struct dentry *clx_sim_debugfs_root;
static struct platform_driver clx_sim_driver;

static struct clx_sim *clx_sim_of(struct gpio_clx *clx)
{
	return gpio_clx_priv(clx);
}

/* ---- hardware model ------------------------------------------------- */

static u64 clx_sim_level(const struct gpio_clx_sim_regs *r)
{
	return (r->dir & r->out) | (~r->dir & r->in);
}

/*
 * A register access. Behind a bus it takes time and may sleep; the caller
 * is then in process context (the core guarantees it for a passive
 * controller).
 */
static void clx_sim_access(struct clx_sim *sim)
{
	if (sim->bus)
		usleep_range(20, 40);
}

/*
 * Recompute level status and the bank's contribution to the interrupt
 * output after any register or pin change.
 */
static void clx_sim_update(struct clx_sim *sim, unsigned int bank)
{
	struct gpio_clx_sim_regs *r = &sim->regs[bank];
	u64 level = clx_sim_level(r);
	u64 match = (level & r->pol) | (~level & ~r->pol);
	bool was_any;

	lockdep_assert_held(&sim->hw_lock);
	/*
	 * Level status follows the pin for enabled level pins only, as on
	 * most SoCs; latched bits stay until written to or the pin is
	 * reprogrammed, even on a pin disabled meanwhile (stale status).
	 */
	r->status = (r->status & ~(r->en & ~r->edge)) |
		    (match & ~r->edge & r->en);

	was_any = sim->irq_banks;
	__assign_bit(bank, &sim->irq_banks, r->status & r->en & ~r->mask);
	if (!was_any != !sim->irq_banks && sim->parent_irq > 0)
		irq_set_irqchip_state(sim->parent_irq, IRQCHIP_STATE_PENDING,
				      sim->irq_banks);
}

/* Latch edges for a level change from @old to the bank's current level. */
static void clx_sim_latch(struct gpio_clx_sim_regs *r, u64 old)
{
	u64 level = clx_sim_level(r);
	u64 rose = ~old & level, fell = old & ~level;
	u64 hit = (rose & r->pol) | (fell & ~r->pol) | ((rose | fell) & r->both);

	r->status |= hit & r->edge;
}

static void clx_sim_apply(struct clx_sim *sim, unsigned int offset, bool high)
{
	unsigned int bank = offset / sim->pins_per_bank;
	struct gpio_clx_sim_regs *r = &sim->regs[bank];
	u64 bit = BIT_ULL(offset % sim->pins_per_bank);
	u64 old;

	lockdep_assert_held(&sim->hw_lock);
	old = clx_sim_level(r);
	r->in = high ? r->in | bit : r->in & ~bit;
	clx_sim_latch(r, old);
	clx_sim_update(sim, bank);
}

static void clx_sim_drive(struct clx_sim *sim, unsigned int offset, bool high)
{
	struct clx_sim_debounce *db;
	unsigned long flags;

	raw_spin_lock_irqsave(&sim->hw_lock, flags);
	db = sim->debounce ? &sim->debounce[offset] : NULL;
	if (db && db->period_us) {
		db->target = high;
		hrtimer_start(&db->timer,
			      ns_to_ktime((u64)db->period_us * NSEC_PER_USEC),
			      HRTIMER_MODE_REL_HARD);
	} else {
		clx_sim_apply(sim, offset, high);
	}
	raw_spin_unlock_irqrestore(&sim->hw_lock, flags);
}

static enum hrtimer_restart clx_sim_debounce_fire(struct hrtimer *timer)
{
	struct clx_sim_debounce *db =
		container_of(timer, struct clx_sim_debounce, timer);
	unsigned long flags;

	raw_spin_lock_irqsave(&db->sim->hw_lock, flags);
	clx_sim_apply(db->sim, db->offset, db->target);
	raw_spin_unlock_irqrestore(&db->sim->hw_lock, flags);
	return HRTIMER_NORESTART;
}

static void clx_sim_set_period(struct clx_sim *sim, unsigned int bank,
			       unsigned int pin, u32 period_us)
{
	unsigned int offset = bank * sim->pins_per_bank + pin;

	lockdep_assert_held(&sim->hw_lock);
	if (sim->debounce)
		sim->debounce[offset].period_us = period_us;
}

/* ---- test hooks ------------------------------------------------------ */

static struct clx_sim *clx_sim_from_dev(struct device *dev)
{
	if (!dev || dev->driver != &clx_sim_driver.driver)
		return NULL;
	return dev_get_drvdata(dev);
}

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
 * @regs: filled with the registers, read in one piece
 *
 * Return: 0, or -EINVAL for a bad device or bank.
 */
int gpio_clx_sim_read_regs(struct device *dev, unsigned int bank,
			   struct gpio_clx_sim_regs *regs)
{
	struct clx_sim *sim = clx_sim_from_dev(dev);
	unsigned long flags;

	if (!sim || bank >= gpio_clx_nbanks(sim->clx))
		return -EINVAL;
	raw_spin_lock_irqsave(&sim->hw_lock, flags);
	*regs = sim->regs[bank];
	raw_spin_unlock_irqrestore(&sim->hw_lock, flags);
	return 0;
}
EXPORT_SYMBOL_GPL(gpio_clx_sim_read_regs);

/* ---- client callbacks ----------------------------------------------- */

static int clx_sim_read_pins(struct gpio_clx *clx, unsigned int bank,
			     u64 *levels)
{
	struct clx_sim *sim = clx_sim_of(clx);
	unsigned long flags;

	clx_sim_access(sim);
	raw_spin_lock_irqsave(&sim->hw_lock, flags);
	*levels = clx_sim_level(&sim->regs[bank]);
	raw_spin_unlock_irqrestore(&sim->hw_lock, flags);
	return 0;
}

static int clx_sim_write_pins(struct gpio_clx *clx, unsigned int bank,
			      u64 set, u64 clear)
{
	struct clx_sim *sim = clx_sim_of(clx);
	struct gpio_clx_sim_regs *r = &sim->regs[bank];
	u64 old;
	unsigned long flags;

	clx_sim_access(sim);
	raw_spin_lock_irqsave(&sim->hw_lock, flags);
	old = clx_sim_level(r);
	r->out = (r->out | set) & ~clear;
	clx_sim_latch(r, old);
	clx_sim_update(sim, bank);
	raw_spin_unlock_irqrestore(&sim->hw_lock, flags);
	return 0;
}

static int clx_sim_set_direction(struct gpio_clx *clx, unsigned int bank,
				 unsigned int pin, bool output, int value)
{
	struct clx_sim *sim = clx_sim_of(clx);
	struct gpio_clx_sim_regs *r = &sim->regs[bank];
	u64 old, bit = BIT_ULL(pin);
	unsigned long flags;

	clx_sim_access(sim);
	raw_spin_lock_irqsave(&sim->hw_lock, flags);
	old = clx_sim_level(r);
	if (output) {
		r->out = value ? r->out | bit : r->out & ~bit;
		r->dir |= bit;
	} else {
		r->dir &= ~bit;
	}
	clx_sim_latch(r, old);
	clx_sim_update(sim, bank);
	raw_spin_unlock_irqrestore(&sim->hw_lock, flags);
	return 0;
}

static int clx_sim_get_direction(struct gpio_clx *clx, unsigned int bank,
				 unsigned int pin)
{
	struct clx_sim *sim = clx_sim_of(clx);
	unsigned long flags;
	u64 dir;

	clx_sim_access(sim);
	raw_spin_lock_irqsave(&sim->hw_lock, flags);
	dir = sim->regs[bank].dir;
	raw_spin_unlock_irqrestore(&sim->hw_lock, flags);
	return dir & BIT_ULL(pin) ? 0 : 1;
}

static void clx_sim_program(struct clx_sim *sim, unsigned int bank,
			    unsigned int pin,
			    const struct gpio_clx_irq_config *cfg)
{
	struct gpio_clx_sim_regs *r = &sim->regs[bank];
	bool edge = cfg->mode == GPIO_CLX_MODE_EDGE;
	u64 bit = BIT_ULL(pin);

	r->edge = edge ? r->edge | bit : r->edge & ~bit;
	r->pol = cfg->polarity == GPIO_CLX_ACTIVE_HIGH ? r->pol | bit :
							 r->pol & ~bit;
	r->both = cfg->polarity == GPIO_CLX_ACTIVE_BOTH ? r->both | bit :
							  r->both & ~bit;
	clx_sim_set_period(sim, bank, pin, cfg->debounce_us);
	/* Status latched under the old configuration is stale (rules 5, 21). */
	r->status &= ~bit;
}

/*
 * Enable and disable run without the bank's interrupt lock and take it
 * themselves (rule 17): here around the whole register sequence, so the
 * primary ISR never sees a half-programmed pin.
 */
static int clx_sim_enable_interrupt(struct gpio_clx *clx, unsigned int bank,
				    unsigned int pin,
				    const struct gpio_clx_irq_config *cfg)
{
	struct clx_sim *sim = clx_sim_of(clx);
	struct gpio_clx_sim_regs *r = &sim->regs[bank];
	u64 bit = BIT_ULL(pin);

	clx_sim_access(sim);
	guard(gpio_clx_bank)(gpio_clx_get_bank(clx, bank));
	scoped_guard(raw_spinlock_irqsave, &sim->hw_lock) {
		clx_sim_program(sim, bank, pin, cfg);
		r->mask &= ~bit;
		r->en |= bit;
		clx_sim_update(sim, bank);
	}
	return 0;
}

static void clx_sim_disable_interrupt(struct gpio_clx *clx, unsigned int bank,
				      unsigned int pin)
{
	struct clx_sim *sim = clx_sim_of(clx);
	struct gpio_clx_sim_regs *r = &sim->regs[bank];
	u64 bit = BIT_ULL(pin);

	clx_sim_access(sim);
	guard(gpio_clx_bank)(gpio_clx_get_bank(clx, bank));
	scoped_guard(raw_spinlock_irqsave, &sim->hw_lock) {
		r->en &= ~bit;
		r->edge &= ~bit;
		r->pol &= ~bit;
		r->both &= ~bit;
		clx_sim_set_period(sim, bank, pin, 0);
		clx_sim_update(sim, bank);
	}
}

static void clx_sim_mask_interrupts(struct gpio_clx *clx, unsigned int bank,
				    u64 mask, u64 *failed)
{
	struct clx_sim *sim = clx_sim_of(clx);
	unsigned long flags;

	clx_sim_access(sim);
	raw_spin_lock_irqsave(&sim->hw_lock, flags);
	sim->regs[bank].mask |= mask;
	clx_sim_update(sim, bank);
	*failed = 0;
	raw_spin_unlock_irqrestore(&sim->hw_lock, flags);
}

static void clx_sim_unmask_interrupt(struct gpio_clx *clx, unsigned int bank,
				     unsigned int pin,
				     const struct gpio_clx_irq_config *cfg)
{
	struct clx_sim *sim = clx_sim_of(clx);
	unsigned long flags;

	clx_sim_access(sim);
	raw_spin_lock_irqsave(&sim->hw_lock, flags);
	sim->regs[bank].mask &= ~BIT_ULL(pin);
	clx_sim_update(sim, bank);
	raw_spin_unlock_irqrestore(&sim->hw_lock, flags);
}

static int clx_sim_query_active(struct gpio_clx *clx, unsigned int bank,
				u64 *active)
{
	struct clx_sim *sim = clx_sim_of(clx);
	struct gpio_clx_sim_regs *r = &sim->regs[bank];
	unsigned long flags;

	clx_sim_access(sim);
	raw_spin_lock_irqsave(&sim->hw_lock, flags);
	*active = r->status & r->en;
	raw_spin_unlock_irqrestore(&sim->hw_lock, flags);
	return 0;
}

static void clx_sim_clear_active(struct gpio_clx *clx, unsigned int bank,
				 u64 mask)
{
	struct clx_sim *sim = clx_sim_of(clx);
	unsigned long flags;

	clx_sim_access(sim);
	raw_spin_lock_irqsave(&sim->hw_lock, flags);
	/* Write-1-to-clear; only latched bits stay cleared. */
	sim->regs[bank].status &= ~mask;
	clx_sim_update(sim, bank);
	raw_spin_unlock_irqrestore(&sim->hw_lock, flags);
}

static int clx_sim_query_enabled(struct gpio_clx *clx, unsigned int bank,
				 u64 *enabled)
{
	struct clx_sim *sim = clx_sim_of(clx);
	unsigned long flags;

	clx_sim_access(sim);
	raw_spin_lock_irqsave(&sim->hw_lock, flags);
	*enabled = sim->regs[bank].en;
	raw_spin_unlock_irqrestore(&sim->hw_lock, flags);
	return 0;
}

static int clx_sim_reconfigure(struct gpio_clx *clx, unsigned int bank,
			       unsigned int pin,
			       const struct gpio_clx_irq_config *cfg)
{
	struct clx_sim *sim = clx_sim_of(clx);
	unsigned long flags;

	clx_sim_access(sim);
	raw_spin_lock_irqsave(&sim->hw_lock, flags);
	clx_sim_program(sim, bank, pin, cfg);
	clx_sim_update(sim, bank);
	raw_spin_unlock_irqrestore(&sim->hw_lock, flags);
	return 0;
}

/*
 * Context across system sleep. The simulated registers keep their contents,
 * but the sequence is the one a controller that loses power needs: save the
 * configuration; restore mode, polarity and mask first and the enable bits
 * last. Status is left as the hardware latched it: the core decides what
 * is stale.
 */
static void clx_sim_save_context(struct gpio_clx *clx, unsigned int bank)
{
	struct clx_sim *sim = clx_sim_of(clx);
	unsigned long flags;

	clx_sim_access(sim);
	raw_spin_lock_irqsave(&sim->hw_lock, flags);
	sim->saved[bank] = sim->regs[bank];
	raw_spin_unlock_irqrestore(&sim->hw_lock, flags);
}

static void clx_sim_restore_context(struct gpio_clx *clx, unsigned int bank)
{
	struct clx_sim *sim = clx_sim_of(clx);
	struct gpio_clx_sim_regs *r = &sim->regs[bank], *c = &sim->saved[bank];
	unsigned long flags;

	clx_sim_access(sim);
	raw_spin_lock_irqsave(&sim->hw_lock, flags);
	r->out = c->out;
	r->dir = c->dir;
	r->edge = c->edge;
	r->pol = c->pol;
	r->both = c->both;
	r->mask = c->mask;
	r->en = c->en;
	clx_sim_update(sim, bank);
	raw_spin_unlock_irqrestore(&sim->hw_lock, flags);
}

/*
 * Passive (bus-attached) mode only, in hard-IRQ context before the threaded
 * primary ISR. A real expander would latch its status here; the model's
 * status latches by itself, so this only counts, for the tests.
 */
static void clx_sim_pre_process(struct gpio_clx *clx)
{
	struct clx_sim *sim = clx_sim_of(clx);

	atomic_inc(&sim->pre_processed);
	if (!in_hardirq())
		atomic_inc(&sim->pre_processed_asleep);
}

/*
 * The controller's summary register: one bit per bank whose status is
 * enabled and not masked, exactly what drives the interrupt output. A bank
 * that turns pending after this read keeps the output high, so the primary
 * ISR runs again.
 */
static void clx_sim_pending_banks(struct gpio_clx *clx, unsigned long *banks)
{
	banks[0] = READ_ONCE(clx_sim_of(clx)->irq_banks);
}

static const struct gpio_clx_ops clx_sim_ops = {
	.read_pins = clx_sim_read_pins,
	.write_pins = clx_sim_write_pins,
	.set_direction = clx_sim_set_direction,
	.get_direction = clx_sim_get_direction,
	.enable_interrupt = clx_sim_enable_interrupt,
	.disable_interrupt = clx_sim_disable_interrupt,
	.mask_interrupts = clx_sim_mask_interrupts,
	.unmask_interrupt = clx_sim_unmask_interrupt,
	.query_active = clx_sim_query_active,
	.clear_active = clx_sim_clear_active,
	.query_enabled = clx_sim_query_enabled,
	.reconfigure = clx_sim_reconfigure,
	.pending_banks = clx_sim_pending_banks,
	.save_context = clx_sim_save_context,
	.restore_context = clx_sim_restore_context,
	.pre_process = clx_sim_pre_process,
};

/* ---- debugfs -------------------------------------------------------- */

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
	struct clx_sim *sim = pf->sim;
	unsigned int bank = pf->offset / sim->pins_per_bank;
	u64 bit = BIT_ULL(pf->offset % sim->pins_per_bank);
	char buf[2];

	scoped_guard(raw_spinlock_irqsave, &sim->hw_lock)
		buf[0] = sim->regs[bank].in & bit ? '1' : '0';
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

static void clx_sim_show_regs(struct seq_file *s, struct clx_sim *sim,
			      const struct gpio_clx_sim_regs *regs);

static int clx_sim_regs_show(struct seq_file *s, void *unused)
{
	struct clx_sim *sim = s->private;

	clx_sim_show_regs(s, sim, sim->regs);
	return 0;
}
DEFINE_SHOW_ATTRIBUTE(clx_sim_regs);

/* "PIN LEVEL": drive PIN to LEVEL once the controller is suspended. */
static ssize_t clx_sim_inject_write(struct file *file,
				    const char __user *ubuf, size_t len,
				    loff_t *ppos)
{
	struct clx_sim *sim = file->private_data;
	unsigned int pin, level;
	char buf[32];
	char extra;
	unsigned long flags;

	if (len >= sizeof(buf))
		return -EINVAL;
	if (copy_from_user(buf, ubuf, len))
		return -EFAULT;
	buf[len] = '\0';
	if (sscanf(buf, "%u %u %c", &pin, &level, &extra) != 2 ||
	    pin >= sim->ngpio || level > 1)
		return -EINVAL;
	raw_spin_lock_irqsave(&sim->hw_lock, flags);
	__set_bit(pin, sim->inject);
	__assign_bit(pin, sim->inject_level, level);
	raw_spin_unlock_irqrestore(&sim->hw_lock, flags);
	return len;
}

static const struct file_operations clx_sim_inject_fops = {
	.owner = THIS_MODULE,
	.open = simple_open,
	.write = clx_sim_inject_write,
	.llseek = no_llseek,
};

static void clx_sim_show_regs(struct seq_file *s, struct clx_sim *sim,
			      const struct gpio_clx_sim_regs *regs)
{
	struct gpio_clx_sim_regs r;
	unsigned int bank;

	for (bank = 0; bank * sim->pins_per_bank < sim->ngpio; bank++) {
		scoped_guard(raw_spinlock_irqsave, &sim->hw_lock)
			r = regs[bank];
		seq_printf(s, "bank %u: in %#llx out %#llx dir %#llx en %#llx mask %#llx edge %#llx pol %#llx both %#llx status %#llx\n",
			   bank, r.in, r.out, r.dir, r.en, r.mask, r.edge,
			   r.pol, r.both, r.status);
	}
}

static int clx_sim_pre_process_show(struct seq_file *s, void *unused)
{
	struct clx_sim *sim = s->private;

	seq_printf(s, "runs %d outside_hardirq %d\n",
		   atomic_read(&sim->pre_processed),
		   atomic_read(&sim->pre_processed_asleep));
	return 0;
}
DEFINE_SHOW_ATTRIBUTE(clx_sim_pre_process);

static int clx_sim_asleep_show(struct seq_file *s, void *unused)
{
	struct clx_sim *sim = s->private;

	clx_sim_show_regs(s, sim, sim->asleep);
	return 0;
}
DEFINE_SHOW_ATTRIBUTE(clx_sim_asleep);

static void clx_sim_debugfs_remove(void *data)
{
	struct clx_sim *sim = data;

	debugfs_remove_recursive(sim->debugfs);
}

static int clx_sim_debugfs_init(struct clx_sim *sim)
{
	char name[16];
	unsigned int i;

	sim->pin_files = devm_kcalloc(sim->dev, sim->ngpio,
				      sizeof(*sim->pin_files), GFP_KERNEL);
	if (!sim->pin_files)
		return -ENOMEM;

	sim->debugfs = debugfs_create_dir(dev_name(sim->dev),
					  clx_sim_debugfs_root);
	for (i = 0; i < sim->ngpio; i++) {
		sim->pin_files[i].sim = sim;
		sim->pin_files[i].offset = i;
		snprintf(name, sizeof(name), "pin%u", i);
		debugfs_create_file(name, 0600, sim->debugfs,
				    &sim->pin_files[i], &clx_sim_pin_fops);
	}
	debugfs_create_file("regs", 0400, sim->debugfs, sim,
			    &clx_sim_regs_fops);
	debugfs_create_file("suspend_inject", 0200, sim->debugfs, sim,
			    &clx_sim_inject_fops);
	debugfs_create_file("asleep_regs", 0400, sim->debugfs, sim,
			    &clx_sim_asleep_fops);
	debugfs_create_file("pre_process", 0400, sim->debugfs, sim,
			    &clx_sim_pre_process_fops);
	return devm_add_action_or_reset(sim->dev, clx_sim_debugfs_remove, sim);
}

/* ---- signal generator ---------------------------------------------------- */

/*
 * A square wave or a pulse train on a set of input pins, driven from a hard
 * hrtimer so that every edge reaches the hardware model in hard-IRQ context,
 * as a signal from outside would. It is the load of the benchmarks and of
 * reliability tests. debugfs, root only:
 *
 *   /sys/kernel/debug/gpio-clx-sim/<device>/generator
 *	square PINS HZ PERIODS		each pin toggles every half period
 *	pulse PINS HZ PULSES WIDTH_NS	each pin leaves its level for WIDTH_NS
 *	stop
 *
 * PINS is a list such as "0-3,8". Each pin moves away from the level it had
 * when the generator started and back, so every step is one edge per pin.
 * Reading the file gives the settings and the counters: edges driven,
 * interrupts delivered on those pins since the start (the core's dispatch
 * counters), and steps that came too late to keep the rate.
 *
 * This section only uses the hardware model's clx_sim_drive(), the test
 * hook gpio_clx_sim_read_regs() and gpio_clx_get_stats().
 */

/* The shortest high or low phase: UML's timers go no faster anyway. */
#define CLX_SIM_GEN_MIN_STEP_NS	1000
#define CLX_SIM_GEN_MAX_CMD	256

enum clx_sim_gen_state {
	CLX_SIM_GEN_IDLE,
	CLX_SIM_GEN_RUNNING,
	CLX_SIM_GEN_DONE,
	CLX_SIM_GEN_STOPPED,
};

static const char *const clx_sim_gen_states[] = {
	[CLX_SIM_GEN_IDLE] = "idle",
	[CLX_SIM_GEN_RUNNING] = "running",
	[CLX_SIM_GEN_DONE] = "done",
	[CLX_SIM_GEN_STOPPED] = "stopped",
};

struct clx_sim_gen_cfg {
	bool pulse;
	u32 hz;
	u32 periods;
	u64 away_ns;		/* time away from the starting level */
	u64 back_ns;		/* time back at it */
};

struct clx_sim_gen {
	struct clx_sim *sim;
	struct dentry *file;
	struct mutex lock;	/* serialises control writes and reads */
	struct hrtimer timer;
	struct clx_sim_gen_cfg cfg;
	unsigned long *pins;
	unsigned long *idle;	/* pin levels when the generator started */
	/* Written by the timer while running, read with READ_ONCE(). */
	enum clx_sim_gen_state state;
	bool away;
	u64 steps_left;
	u64 edges;
	u64 late;
	u64 start_ns;
	u64 end_ns;
	u64 delivered_base;
};

static enum hrtimer_restart clx_sim_gen_step(struct hrtimer *timer)
{
	struct clx_sim_gen *gen = container_of(timer, struct clx_sim_gen, timer);
	struct clx_sim *sim = gen->sim;
	ktime_t now, next;
	unsigned int pin;
	u64 phase_ns;

	gen->away = !gen->away;
	for_each_set_bit(pin, gen->pins, sim->ngpio) {
		clx_sim_drive(sim, pin, test_bit(pin, gen->idle) != gen->away);
		WRITE_ONCE(gen->edges, gen->edges + 1);
	}
	if (--gen->steps_left == 0) {
		WRITE_ONCE(gen->end_ns, ktime_get_ns());
		WRITE_ONCE(gen->state, CLX_SIM_GEN_DONE);
		return HRTIMER_NORESTART;
	}
	/*
	 * The next step is due one phase after this one was, so the rate does
	 * not drift. A step that came so late that the next would follow it
	 * within half a phase restarts the phase instead: the edges never
	 * bunch up, and the rate falls short (counted as late).
	 */
	phase_ns = gen->away ? gen->cfg.away_ns : gen->cfg.back_ns;
	now = hrtimer_cb_get_time(timer);
	next = ktime_add_ns(hrtimer_get_expires(timer), phase_ns);
	if (ktime_before(next, ktime_add_ns(now, phase_ns / 2))) {
		next = ktime_add_ns(now, phase_ns);
		WRITE_ONCE(gen->late, gen->late + 1);
	}
	hrtimer_set_expires(timer, next);
	return HRTIMER_RESTART;
}

static u64 clx_sim_gen_delivered(struct clx_sim_gen *gen)
{
	struct gpio_clx_stats st;
	unsigned int pin;
	u64 sum = 0;

	for_each_set_bit(pin, gen->pins, gen->sim->ngpio) {
		gpio_clx_get_stats(gen->sim->clx, pin, &st);
		sum += st.dispatched;
	}
	return sum;
}

static void clx_sim_gen_stop(struct clx_sim_gen *gen)
{
	lockdep_assert_held(&gen->lock);
	hrtimer_cancel(&gen->timer);
	if (gen->state == CLX_SIM_GEN_RUNNING) {
		gen->end_ns = ktime_get_ns();
		gen->state = CLX_SIM_GEN_STOPPED;
	}
}

static void clx_sim_gen_start(struct clx_sim_gen *gen,
			      const struct clx_sim_gen_cfg *cfg,
			      const unsigned long *pins)
{
	struct clx_sim *sim = gen->sim;
	struct gpio_clx_sim_regs r;
	unsigned int pin, bank;

	lockdep_assert_held(&gen->lock);
	clx_sim_gen_stop(gen);
	gen->cfg = *cfg;
	bitmap_copy(gen->pins, pins, sim->ngpio);
	for_each_set_bit(pin, gen->pins, sim->ngpio) {
		bank = pin / sim->pins_per_bank;
		gpio_clx_sim_read_regs(sim->dev, bank, &r);
		__assign_bit(pin, gen->idle,
			     r.in & BIT_ULL(pin % sim->pins_per_bank));
	}
	gen->delivered_base = clx_sim_gen_delivered(gen);
	gen->away = false;
	gen->steps_left = 2ULL * cfg->periods;
	gen->edges = 0;
	gen->late = 0;
	gen->end_ns = 0;
	gen->start_ns = ktime_get_ns();
	gen->state = CLX_SIM_GEN_RUNNING;
	hrtimer_start(&gen->timer, 0, HRTIMER_MODE_REL_HARD);
}

/* Parse "square PINS HZ PERIODS" or "pulse PINS HZ PULSES WIDTH_NS". */
static int clx_sim_gen_parse(struct clx_sim_gen *gen, int argc, char **argv,
			     struct clx_sim_gen_cfg *cfg, unsigned long *pins)
{
	unsigned int ngpio = gen->sim->ngpio;
	u64 period_ns;

	if (!strcmp(argv[0], "square") && argc == 4)
		cfg->pulse = false;
	else if (!strcmp(argv[0], "pulse") && argc == 5)
		cfg->pulse = true;
	else
		return -EINVAL;

	if (bitmap_parselist(argv[1], pins, ngpio) ||
	    bitmap_empty(pins, ngpio) ||
	    kstrtou32(argv[2], 10, &cfg->hz) || !cfg->hz ||
	    kstrtou32(argv[3], 10, &cfg->periods) || !cfg->periods)
		return -EINVAL;

	period_ns = div_u64(NSEC_PER_SEC, cfg->hz);
	if (cfg->pulse) {
		if (kstrtou64(argv[4], 10, &cfg->away_ns) ||
		    cfg->away_ns >= period_ns)
			return -EINVAL;
	} else {
		cfg->away_ns = period_ns / 2;
	}
	cfg->back_ns = period_ns - cfg->away_ns;
	if (cfg->away_ns < CLX_SIM_GEN_MIN_STEP_NS ||
	    cfg->back_ns < CLX_SIM_GEN_MIN_STEP_NS)
		return -EINVAL;
	return 0;
}

static int clx_sim_gen_command(struct clx_sim_gen *gen, int argc, char **argv)
{
	struct clx_sim_gen_cfg cfg = { };
	unsigned long *pins;
	int ret;

	if (argc == 1 && !strcmp(argv[0], "stop")) {
		guard(mutex)(&gen->lock);
		clx_sim_gen_stop(gen);
		return 0;
	}

	pins = bitmap_zalloc(gen->sim->ngpio, GFP_KERNEL);
	if (!pins)
		return -ENOMEM;
	/* Everything is checked before the running generator is touched. */
	ret = clx_sim_gen_parse(gen, argc, argv, &cfg, pins);
	if (!ret) {
		guard(mutex)(&gen->lock);
		clx_sim_gen_start(gen, &cfg, pins);
	}
	bitmap_free(pins);
	return ret;
}

static ssize_t clx_sim_gen_write(struct file *file, const char __user *ubuf,
				 size_t len, loff_t *ppos)
{
	struct seq_file *s = file->private_data;
	struct clx_sim_gen *gen = s->private;
	char **argv;
	char *buf;
	int argc, ret;

	if (!len || len > CLX_SIM_GEN_MAX_CMD)
		return -EINVAL;
	buf = memdup_user_nul(ubuf, len);
	if (IS_ERR(buf))
		return PTR_ERR(buf);
	argv = argv_split(GFP_KERNEL, buf, &argc);
	kfree(buf);
	if (!argv)
		return -ENOMEM;
	ret = argc ? clx_sim_gen_command(gen, argc, argv) : -EINVAL;
	argv_free(argv);
	return ret ? ret : len;
}

static int clx_sim_gen_show(struct seq_file *s, void *unused)
{
	struct clx_sim_gen *gen = s->private;
	enum clx_sim_gen_state state;
	u64 end_ns;

	guard(mutex)(&gen->lock);
	state = READ_ONCE(gen->state);
	end_ns = READ_ONCE(gen->end_ns);
	seq_printf(s, "state %s\n", clx_sim_gen_states[state]);
	if (state == CLX_SIM_GEN_IDLE)
		return 0;
	seq_printf(s, "mode %s\npins %*pbl\nhz %u\nperiods %u\naway_ns %llu\nback_ns %llu\n",
		   gen->cfg.pulse ? "pulse" : "square", gen->sim->ngpio,
		   gen->pins, gen->cfg.hz, gen->cfg.periods, gen->cfg.away_ns,
		   gen->cfg.back_ns);
	seq_printf(s, "edges %llu\ndelivered %llu\nlate %llu\nelapsed_ns %llu\n",
		   READ_ONCE(gen->edges),
		   clx_sim_gen_delivered(gen) - gen->delivered_base,
		   READ_ONCE(gen->late),
		   (end_ns ? end_ns : ktime_get_ns()) - gen->start_ns);
	return 0;
}

static int clx_sim_gen_open(struct inode *inode, struct file *file)
{
	return single_open(file, clx_sim_gen_show, inode->i_private);
}

static const struct file_operations clx_sim_gen_fops = {
	.owner = THIS_MODULE,
	.open = clx_sim_gen_open,
	.read = seq_read,
	.write = clx_sim_gen_write,
	.llseek = seq_lseek,
	.release = single_release,
};

static void clx_sim_gen_remove(void *data)
{
	struct clx_sim_gen *gen = data;

	/* No control write can restart the timer once the file is gone. */
	debugfs_remove(gen->file);
	hrtimer_cancel(&gen->timer);
	mutex_destroy(&gen->lock);
}

static int clx_sim_gen_init(struct clx_sim *sim)
{
	struct clx_sim_gen *gen;

	gen = devm_kzalloc(sim->dev, sizeof(*gen), GFP_KERNEL);
	if (!gen)
		return -ENOMEM;
	gen->pins = devm_bitmap_zalloc(sim->dev, sim->ngpio, GFP_KERNEL);
	gen->idle = devm_bitmap_zalloc(sim->dev, sim->ngpio, GFP_KERNEL);
	if (!gen->pins || !gen->idle)
		return -ENOMEM;
	gen->sim = sim;
	mutex_init(&gen->lock);
	hrtimer_init(&gen->timer, CLOCK_MONOTONIC, HRTIMER_MODE_REL_HARD);
	gen->timer.function = clx_sim_gen_step;
	gen->file = debugfs_create_file("generator", 0600, sim->debugfs, gen,
					&clx_sim_gen_fops);
	return devm_add_action_or_reset(sim->dev, clx_sim_gen_remove, gen);
}

/* ---- probe ------------------------------------------------------------ */

/* Consumers parse <&node PIN FLAGS>: anything but two cells would misparse. */
static int clx_sim_check_cells(struct device *dev)
{
	static const char *const props[] = { "#gpio-cells", "#interrupt-cells" };
	unsigned int i;
	u32 cells;

	for (i = 0; i < ARRAY_SIZE(props); i++) {
		if (device_property_read_u32(dev, props[i], &cells) || cells != 2)
			return dev_err_probe(dev, -EINVAL,
					     "%s must be 2\n", props[i]);
	}
	return 0;
}

static void clx_sim_debounce_cancel(void *data)
{
	struct clx_sim *sim = data;
	unsigned int i;

	for (i = 0; i < sim->ngpio; i++)
		hrtimer_cancel(&sim->debounce[i].timer);
}

static int clx_sim_debounce_init(struct clx_sim *sim)
{
	unsigned int i;

	sim->debounce = devm_kcalloc(sim->dev, sim->ngpio,
				     sizeof(*sim->debounce), GFP_KERNEL);
	if (!sim->debounce)
		return -ENOMEM;
	for (i = 0; i < sim->ngpio; i++) {
		hrtimer_init(&sim->debounce[i].timer, CLOCK_MONOTONIC,
			     HRTIMER_MODE_REL_HARD);
		sim->debounce[i].timer.function = clx_sim_debounce_fire;
		sim->debounce[i].sim = sim;
		sim->debounce[i].offset = i;
	}
	return devm_add_action_or_reset(sim->dev, clx_sim_debounce_cancel, sim);
}

static int clx_sim_read_geometry(struct device *dev, u32 *ngpio, u32 *ppb)
{
	int ret;

	ret = clx_sim_check_cells(dev);
	if (ret)
		return ret;

	ret = device_property_read_u32(dev, "ngpios", ngpio);
	if (ret)
		return dev_err_probe(dev, ret, "missing or bad ngpios\n");
	ret = device_property_read_u32(dev, "linux,pins-per-bank", ppb);
	if (ret)
		return dev_err_probe(dev, ret,
				     "missing or bad linux,pins-per-bank\n");
	if (!*ppb || *ppb > GPIO_CLX_MAX_PINS_PER_BANK)
		return dev_err_probe(dev, -EINVAL,
				     "linux,pins-per-bank must be 1..%d, not %u\n",
				     GPIO_CLX_MAX_PINS_PER_BANK, *ppb);
	if (!*ngpio || DIV_ROUND_UP(*ngpio, *ppb) > CLX_SIM_MAX_BANKS)
		return dev_err_probe(dev, -EINVAL,
				     "ngpios must be 1..%u with %u pins per bank, not %u\n",
				     CLX_SIM_MAX_BANKS * *ppb, *ppb, *ngpio);
	return 0;
}

static int clx_sim_probe(struct platform_device *pdev)
{
	struct gpio_clx_info info = { };
	struct device *dev = &pdev->dev;
	struct clx_sim *sim;
	u32 ngpio, ppb;
	int irq, ret;

	ret = clx_sim_read_geometry(dev, &ngpio, &ppb);
	if (ret)
		return ret;

	/* The _optional variant prints nothing: one error line per failure. */
	irq = platform_get_irq_optional(pdev, 0);
	if (irq < 0)
		return dev_err_probe(dev, irq == -ENXIO ? -EINVAL : irq,
				     "no usable parent interrupt\n");

	sim = devm_kzalloc(dev, struct_size(sim, regs,
					    DIV_ROUND_UP(ngpio, ppb)),
			   GFP_KERNEL);
	if (!sim)
		return -ENOMEM;
	sim->saved = devm_kcalloc(dev, DIV_ROUND_UP(ngpio, ppb),
				  sizeof(*sim->saved), GFP_KERNEL);
	sim->asleep = devm_kcalloc(dev, DIV_ROUND_UP(ngpio, ppb),
				   sizeof(*sim->asleep), GFP_KERNEL);
	if (!sim->saved || !sim->asleep)
		return -ENOMEM;
	sim->dev = dev;
	raw_spin_lock_init(&sim->hw_lock);
	sim->ngpio = ngpio;
	sim->pins_per_bank = ppb;

	info.ngpio = ngpio;
	info.pins_per_bank = ppb;
	/* Switched off to exercise the core's other paths on the board. */
	if (!device_property_read_bool(dev, "linux,no-hw-both-edges"))
		info.flags |= GPIO_CLX_HW_BOTH_EDGES;
	sim->bus = device_property_read_bool(dev, "linux,bus-attached");
	if (!sim->bus)
		info.flags |= GPIO_CLX_MEMORY_MAPPED;
	if (!device_property_read_bool(dev, "linux,no-hw-debounce")) {
		ret = clx_sim_debounce_init(sim);
		if (ret)
			return ret;
		info.flags |= GPIO_CLX_HW_DEBOUNCE;
	}
	sim->clx = devm_gpio_clx_register(dev, &info, &clx_sim_ops, sim, irq);
	if (IS_ERR(sim->clx))
		return PTR_ERR(sim->clx);
	/* Only now may the model drive the parent line. */
	sim->parent_irq = irq;
	platform_set_drvdata(pdev, sim);

	ret = clx_sim_debugfs_init(sim);
	if (ret)
		return ret;
	return clx_sim_gen_init(sim);
}

/* ---- power management -------------------------------------------- */

static int clx_sim_suspend(struct device *dev)
{
	struct clx_sim *sim = dev_get_drvdata(dev);
	unsigned int pin, bank;
	unsigned long flags;

	gpio_clx_suspend(sim->clx);
	for_each_set_bit(pin, sim->inject, sim->ngpio)
		clx_sim_drive(sim, pin, test_bit(pin, sim->inject_level));
	raw_spin_lock_irqsave(&sim->hw_lock, flags);
	bitmap_zero(sim->inject, CLX_SIM_MAX_INJECT);
	for (bank = 0; bank * sim->pins_per_bank < sim->ngpio; bank++)
		sim->asleep[bank] = sim->regs[bank];
	raw_spin_unlock_irqrestore(&sim->hw_lock, flags);
	return 0;
}

static int clx_sim_resume(struct device *dev)
{
	struct clx_sim *sim = dev_get_drvdata(dev);

	return gpio_clx_resume(sim->clx);
}

/*
 * The noirq phase: genirq has disabled the interrupts that are not armed
 * for wake-up before, and enables them again after.
 */
static const struct dev_pm_ops clx_sim_pm_ops = {
	NOIRQ_SYSTEM_SLEEP_PM_OPS(clx_sim_suspend, clx_sim_resume)
};

static const struct of_device_id clx_sim_of_match[] = {
	{ .compatible = "linux,gpio-clx-sim" },
	{ }
};
MODULE_DEVICE_TABLE(of, clx_sim_of_match);

static struct platform_driver clx_sim_driver = {
	.probe = clx_sim_probe,
	.driver = {
		.name = "gpio-clx-sim",
		.of_match_table = clx_sim_of_match,
		.pm = pm_sleep_ptr(&clx_sim_pm_ops),
	},
};

static int __init clx_sim_init(void)
{
	int ret;

	clx_sim_debugfs_root = debugfs_create_dir("gpio-clx-sim", NULL);
	ret = platform_driver_register(&clx_sim_driver);
	if (ret)
		debugfs_remove_recursive(clx_sim_debugfs_root);
	return ret;
}
module_init(clx_sim_init);

static void __exit clx_sim_exit(void)
{
	platform_driver_unregister(&clx_sim_driver);
	debugfs_remove_recursive(clx_sim_debugfs_root);
}
module_exit(clx_sim_exit);

MODULE_DESCRIPTION("Simulated memory-mapped GPIO controller for gpioclx");
MODULE_LICENSE("GPL");
