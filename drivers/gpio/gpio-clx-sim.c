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
 * The driver never calls gpiolib or genirq itself except to drive its
 * parent line; everything else goes through the core's client API.
 */

#include <linux/bitmap.h>
#include <linux/debugfs.h>
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

#include "gpio-clx.h"
#include "gpio-clx-sim.h"

#define CLX_SIM_MAX_BANKS	32

struct clx_sim_pin_file {
	struct clx_sim *sim;
	unsigned int offset;
};

struct clx_sim {
	struct device *dev;
	struct gpio_clx *clx;
	int parent_irq;
	raw_spinlock_t out_lock;	/* nests inside a bank lock */
	unsigned int ngpio;
	unsigned int pins_per_bank;
	unsigned long irq_banks;	/* banks whose output is asserted */
	struct dentry *debugfs;
	struct clx_sim_pin_file *pin_files;
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
 * Recompute level status and the bank's contribution to the interrupt
 * output after any register or pin change. Called with the bank lock held.
 */
static void clx_sim_update(struct clx_sim *sim, unsigned int bank)
{
	struct gpio_clx_sim_regs *r = &sim->regs[bank];
	u64 level = clx_sim_level(r);
	u64 match = (level & r->pol) | (~level & ~r->pol);
	bool was_any;

	/* Level status is only computed for enabled pins, as on most SoCs. */
	r->status = (r->status & r->edge) | (match & ~r->edge & r->en);

	guard(raw_spinlock)(&sim->out_lock);
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

static void clx_sim_drive(struct clx_sim *sim, unsigned int offset, bool high)
{
	unsigned int bank = offset / sim->pins_per_bank;
	struct gpio_clx_sim_regs *r = &sim->regs[bank];
	u64 bit = BIT_ULL(offset % sim->pins_per_bank);
	unsigned long flags;
	u64 old;

	flags = gpio_clx_lock_bank(sim->clx, bank);
	old = clx_sim_level(r);
	r->in = high ? r->in | bit : r->in & ~bit;
	clx_sim_latch(r, old);
	clx_sim_update(sim, bank);
	gpio_clx_unlock_bank(sim->clx, bank, flags);
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
 * @regs: filled with the registers, read under the bank's interrupt lock
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
	flags = gpio_clx_lock_bank(sim->clx, bank);
	*regs = sim->regs[bank];
	gpio_clx_unlock_bank(sim->clx, bank, flags);
	return 0;
}
EXPORT_SYMBOL_GPL(gpio_clx_sim_read_regs);

/* ---- client callbacks ----------------------------------------------- */

static int clx_sim_read_pins(struct gpio_clx *clx, unsigned int bank,
			     u64 *levels)
{
	*levels = clx_sim_level(&clx_sim_of(clx)->regs[bank]);
	return 0;
}

static int clx_sim_write_pins(struct gpio_clx *clx, unsigned int bank,
			      u64 set, u64 clear)
{
	struct clx_sim *sim = clx_sim_of(clx);
	struct gpio_clx_sim_regs *r = &sim->regs[bank];
	u64 old = clx_sim_level(r);

	r->out = (r->out | set) & ~clear;
	clx_sim_latch(r, old);
	clx_sim_update(sim, bank);
	return 0;
}

static int clx_sim_set_direction(struct gpio_clx *clx, unsigned int bank,
				 unsigned int pin, bool output, int value)
{
	struct clx_sim *sim = clx_sim_of(clx);
	struct gpio_clx_sim_regs *r = &sim->regs[bank];
	u64 old = clx_sim_level(r), bit = BIT_ULL(pin);

	if (output) {
		r->out = value ? r->out | bit : r->out & ~bit;
		r->dir |= bit;
	} else {
		r->dir &= ~bit;
	}
	clx_sim_latch(r, old);
	clx_sim_update(sim, bank);
	return 0;
}

static int clx_sim_get_direction(struct gpio_clx *clx, unsigned int bank,
				 unsigned int pin)
{
	return clx_sim_of(clx)->regs[bank].dir & BIT_ULL(pin) ? 0 : 1;
}

static void clx_sim_program(struct gpio_clx_sim_regs *r, u64 bit,
			    const struct gpio_clx_irq_config *cfg)
{
	bool edge = cfg->mode == GPIO_CLX_MODE_EDGE;

	r->edge = edge ? r->edge | bit : r->edge & ~bit;
	r->pol = cfg->polarity == GPIO_CLX_ACTIVE_HIGH ? r->pol | bit :
							 r->pol & ~bit;
	r->both = cfg->polarity == GPIO_CLX_ACTIVE_BOTH ? r->both | bit :
							  r->both & ~bit;
	/* Status latched under the old configuration is stale (rules 5, 21). */
	r->status &= ~bit;
}

static int clx_sim_enable_interrupt(struct gpio_clx *clx, unsigned int bank,
				    unsigned int pin,
				    const struct gpio_clx_irq_config *cfg)
{
	struct clx_sim *sim = clx_sim_of(clx);
	struct gpio_clx_sim_regs *r = &sim->regs[bank];
	u64 bit = BIT_ULL(pin);
	unsigned long flags;

	flags = gpio_clx_lock_bank(clx, bank);
	clx_sim_program(r, bit, cfg);
	r->mask &= ~bit;
	r->en |= bit;
	clx_sim_update(sim, bank);
	gpio_clx_unlock_bank(clx, bank, flags);
	return 0;
}

static int clx_sim_disable_interrupt(struct gpio_clx *clx, unsigned int bank,
				     unsigned int pin)
{
	struct clx_sim *sim = clx_sim_of(clx);
	struct gpio_clx_sim_regs *r = &sim->regs[bank];
	u64 bit = BIT_ULL(pin);
	unsigned long flags;

	flags = gpio_clx_lock_bank(clx, bank);
	r->en &= ~bit;
	r->edge &= ~bit;
	r->pol &= ~bit;
	r->both &= ~bit;
	clx_sim_update(sim, bank);
	gpio_clx_unlock_bank(clx, bank, flags);
	return 0;
}

static int clx_sim_mask_interrupts(struct gpio_clx *clx, unsigned int bank,
				   u64 mask, u64 *failed)
{
	struct clx_sim *sim = clx_sim_of(clx);

	sim->regs[bank].mask |= mask;
	clx_sim_update(sim, bank);
	*failed = 0;
	return 0;
}

static int clx_sim_unmask_interrupt(struct gpio_clx *clx, unsigned int bank,
				    unsigned int pin,
				    const struct gpio_clx_irq_config *cfg)
{
	struct clx_sim *sim = clx_sim_of(clx);

	sim->regs[bank].mask &= ~BIT_ULL(pin);
	clx_sim_update(sim, bank);
	return 0;
}

static int clx_sim_query_active(struct gpio_clx *clx, unsigned int bank,
				u64 *active)
{
	struct gpio_clx_sim_regs *r = &clx_sim_of(clx)->regs[bank];

	*active = r->status & r->en;
	return 0;
}

static int clx_sim_clear_active(struct gpio_clx *clx, unsigned int bank,
				u64 mask)
{
	struct clx_sim *sim = clx_sim_of(clx);

	/* Write-1-to-clear; only latched bits stay cleared. */
	sim->regs[bank].status &= ~mask;
	clx_sim_update(sim, bank);
	return 0;
}

static int clx_sim_query_enabled(struct gpio_clx *clx, unsigned int bank,
				 u64 *enabled)
{
	*enabled = clx_sim_of(clx)->regs[bank].en;
	return 0;
}

static int clx_sim_reconfigure(struct gpio_clx *clx, unsigned int bank,
			       unsigned int pin,
			       const struct gpio_clx_irq_config *cfg)
{
	struct clx_sim *sim = clx_sim_of(clx);

	clx_sim_program(&sim->regs[bank], BIT_ULL(pin), cfg);
	clx_sim_update(sim, bank);
	return 0;
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
	unsigned long flags;
	char buf[2];

	flags = gpio_clx_lock_bank(sim->clx, bank);
	buf[0] = sim->regs[bank].in & bit ? '1' : '0';
	gpio_clx_unlock_bank(sim->clx, bank, flags);
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

static int clx_sim_regs_show(struct seq_file *s, void *unused)
{
	struct clx_sim *sim = s->private;
	struct gpio_clx_sim_regs r;
	unsigned int bank;
	unsigned long flags;

	for (bank = 0; bank * sim->pins_per_bank < sim->ngpio; bank++) {
		flags = gpio_clx_lock_bank(sim->clx, bank);
		r = sim->regs[bank];
		gpio_clx_unlock_bank(sim->clx, bank, flags);
		seq_printf(s, "bank %u: in %#llx out %#llx dir %#llx en %#llx mask %#llx edge %#llx pol %#llx both %#llx status %#llx\n",
			   bank, r.in, r.out, r.dir, r.en, r.mask, r.edge,
			   r.pol, r.both, r.status);
	}
	return 0;
}
DEFINE_SHOW_ATTRIBUTE(clx_sim_regs);

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
	struct gpio_clx_info info = { .flags = GPIO_CLX_MEMORY_MAPPED };
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
	sim->dev = dev;
	raw_spin_lock_init(&sim->out_lock);
	sim->ngpio = ngpio;
	sim->pins_per_bank = ppb;

	info.ngpio = ngpio;
	info.pins_per_bank = ppb;
	/* Switched off to exercise the core's emulation on the board. */
	if (!device_property_read_bool(dev, "linux,no-hw-both-edges"))
		info.flags |= GPIO_CLX_HW_BOTH_EDGES;
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
