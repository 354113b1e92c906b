// SPDX-License-Identifier: GPL-2.0-only
/*
 * Register model of the simulated gpioclx controller: what the silicon of
 * a GPIO block does behind its registers. The client driver reaches it only
 * through clx_sim_read() and clx_sim_write(), as a port reaches its
 * hardware through readl() and writel(); the outside world (debugfs, the
 * signal generator, simulated peripherals) drives the input pins through
 * clx_sim_drive(), from any context.
 *
 * As on real hardware each access is whole by itself and the model takes no
 * lock: the inputs and the edge latches are atomics, the configuration
 * registers have one writer at a time (the driver, under its bank lock).
 * Level status is not stored: it is the live comparison of each enabled
 * level pin with its polarity, as a gate would compute it. The interrupt
 * output is recomputed after every change that can move it, and pushed to
 * the parent line by whoever flips it, each rechecking after the push, so
 * that the last push always matches the registers. Each pin counts the
 * edges it lost because its latch was set already (coalesced).
 */

#include <linux/atomic.h>
#include <linux/bitops.h>
#include <linux/delay.h>
#include <linux/device.h>
#include <linux/hrtimer.h>
#include <linux/interrupt.h>
#include <linux/ktime.h>
#include <linux/minmax.h>
#include <linux/slab.h>

#include "gpio-clx-sim-internal.h"

static u64 clx_sim_cfg(const struct clx_sim_bank *b, enum clx_sim_reg reg)
{
	return READ_ONCE(b->cfg[reg]);
}

static u64 clx_sim_level(const struct clx_sim_bank *b)
{
	u64 dir = clx_sim_cfg(b, CLX_SIM_DIR);

	return (dir & clx_sim_cfg(b, CLX_SIM_OUT)) |
	       (~dir & atomic64_read(&b->in));
}

/*
 * Level status follows the pin for enabled level pins only, as on most
 * SoCs; latched bits stay until written off or the pin is reprogrammed,
 * even on a pin disabled meanwhile (stale status).
 */
static u64 clx_sim_status(const struct clx_sim_bank *b)
{
	u64 live = clx_sim_cfg(b, CLX_SIM_EN) & ~clx_sim_cfg(b, CLX_SIM_EDGE);
	u64 match = ~(clx_sim_level(b) ^ clx_sim_cfg(b, CLX_SIM_POL));

	return (atomic64_read(&b->latched) & ~live) | (match & live);
}

static bool clx_sim_asserts(const struct clx_sim_bank *b)
{
	return clx_sim_status(b) & clx_sim_cfg(b, CLX_SIM_EN) &
	       ~clx_sim_cfg(b, CLX_SIM_MASK);
}

/*
 * Latch the edges of the pins in @changed that moved from @old to @new. An
 * edge on a pin whose latch is set already leaves nothing behind: two edges
 * became one status bit (coalesced in hardware). The same atomic update
 * that sets the latches tells which were set, so the per-pin count is
 * exact, however the edges race with the driver clearing status.
 */
static void clx_sim_latch(struct clx_sim *sim, unsigned int bank, u64 old,
			  u64 new, u64 changed)
{
	struct clx_sim_bank *b = &sim->banks[bank];
	u64 rose = ~old & new & changed, fell = old & ~new & changed;
	u64 pol = clx_sim_cfg(b, CLX_SIM_POL);
	u64 hit = (rose & pol) | (fell & ~pol) |
		  ((rose | fell) & clx_sim_cfg(b, CLX_SIM_BOTH));
	unsigned int pin;
	u64 lost;

	hit &= clx_sim_cfg(b, CLX_SIM_EDGE);
	if (!hit)
		return;
	lost = atomic64_fetch_or(hit, &b->latched) & hit;
	while (lost) {
		pin = __ffs64(lost);
		lost &= lost - 1;
		atomic64_inc(&sim->coalesced[bank * sim->pins_per_bank + pin]);
	}
}

/*
 * The parent line follows "any bank asserts". Pushes from two contexts may
 * reach the parent in either order, so each pusher reads the banks again
 * after its push and pushes once more if they moved: the last push made is
 * then the one that matches.
 */
static void clx_sim_set_line(struct clx_sim *sim)
{
	int irq = READ_ONCE(sim->parent_irq);
	bool on;

	if (irq <= 0)
		return;
	on = atomic_long_read(&sim->irq_banks);
	for (;;) {
		irq_set_irqchip_state(irq, IRQCHIP_STATE_PENDING, on);
		smp_mb();	/* the push before the second look */
		if (on == !!atomic_long_read(&sim->irq_banks))
			return;
		on = !on;
	}
}

/*
 * A parent that latches its pending state (linux,parent-pending-latched)
 * forgets it when the interrupt is taken: after each run of the primary
 * ISR, an output still asserted raises it again, as a level line would
 * keep it pending. One too many only runs the ISR once for nothing.
 */
void clx_sim_relatch(struct clx_sim *sim)
{
	int irq = READ_ONCE(sim->parent_irq);

	if (irq > 0 && atomic_long_read(&sim->irq_banks))
		irq_set_irqchip_state(irq, IRQCHIP_STATE_PENDING, true);
}

/* Set or clear the bank's bit; push the line if that flipped the output. */
static void clx_sim_assert(struct clx_sim *sim, long bit, bool on)
{
	long old;

	if (on)
		old = atomic_long_fetch_or(bit, &sim->irq_banks);
	else
		old = atomic_long_fetch_andnot(bit, &sim->irq_banks);
	if (on ? !old : old == bit)
		clx_sim_set_line(sim);
}

/*
 * Recompute the bank's part of the interrupt output after a change of its
 * registers or pins. Whoever writes the bank's bit looks at the registers
 * again after the write (the fully ordered RMW keeps that look after it)
 * and writes again if they moved, so the last write made is right however
 * updates from the driver and from outside interleave.
 */
static void clx_sim_update(struct clx_sim *sim, unsigned int bank)
{
	const struct clx_sim_bank *b = &sim->banks[bank];
	long bit = BIT(bank);
	bool on;

	smp_mb();	/* the caller's register store before these loads */
	on = clx_sim_asserts(b);
	for (;;) {
		if (on != !!(atomic_long_read(&sim->irq_banks) & bit))
			clx_sim_assert(sim, bit, on);
		if (on == clx_sim_asserts(b))
			return;
		on = !on;
	}
}

static u64 clx_sim_peek(const struct clx_sim_bank *b, enum clx_sim_reg reg)
{
	switch (reg) {
	case CLX_SIM_IN:
		return atomic64_read(&b->in);
	case CLX_SIM_LEVEL:
		return clx_sim_level(b);
	case CLX_SIM_STATUS:
		return clx_sim_status(b);
	default:
		return clx_sim_cfg(b, reg);
	}
}

u64 clx_sim_read(struct clx_sim *sim, unsigned int bank, enum clx_sim_reg reg)
{
	return clx_sim_peek(&sim->banks[bank], reg);
}

/*
 * A register write and what the hardware does about it: a write to STATUS
 * clears the latched bits written as 1; an output or direction change is
 * an edge on the pins it moves; IN and LEVEL are read-only.
 */
void clx_sim_write(struct clx_sim *sim, unsigned int bank,
		   enum clx_sim_reg reg, u64 val)
{
	struct clx_sim_bank *b = &sim->banks[bank];
	u64 old, changed;

	switch (reg) {
	case CLX_SIM_IN:
	case CLX_SIM_LEVEL:
		return;
	case CLX_SIM_STATUS:
		atomic64_andnot(val, &b->latched);
		break;
	case CLX_SIM_OUT:
	case CLX_SIM_DIR:
		old = clx_sim_level(b);
		changed = clx_sim_cfg(b, reg) ^ val;
		WRITE_ONCE(b->cfg[reg], val);
		clx_sim_latch(sim, bank, old, clx_sim_level(b), changed);
		break;
	default:
		WRITE_ONCE(b->cfg[reg], val);
		break;
	}
	clx_sim_update(sim, bank);
}

/* The summary register: one bit per bank that asserts the output. */
unsigned long clx_sim_read_summary(struct clx_sim *sim)
{
	return atomic_long_read(&sim->irq_banks);
}

/*
 * Behind a bus, the registers a callback needs travel in one transfer,
 * which takes time and may sleep: the caller is in process context (the
 * core guarantees it for a passive controller).
 */
void clx_sim_access(struct clx_sim *sim)
{
	if (sim->bus)
		usleep_range(20, 40);
}

/* The line from the core's interrupt output to the parent, now usable. */
void clx_sim_connect(struct clx_sim *sim, int parent_irq)
{
	WRITE_ONCE(sim->parent_irq, parent_irq);
	smp_mb();	/* the line before the banks: see clx_sim_set_line() */
	clx_sim_set_line(sim);
}

/*
 * A warm reboot: what the firmware left in a bank before the driver's
 * probe. The pins of @en are enabled for rising edges and unmasked, edges
 * are latched on the pins of @status; bits of pins the bank does not have
 * are dropped, as a register has no room for them. An enabled pin with a
 * latched edge asserts the interrupt output at once; the line reaches the
 * parent only once the probe connects it (clx_sim_connect()).
 */
void clx_sim_leftovers(struct clx_sim *sim, unsigned int bank, u64 en,
		       u64 status)
{
	struct clx_sim_bank *b = &sim->banks[bank];
	unsigned int npins = min(sim->ngpio - bank * sim->pins_per_bank,
				 sim->pins_per_bank);
	u64 pins = GENMASK_ULL(npins - 1, 0);

	en &= pins;
	clx_sim_write(sim, bank, CLX_SIM_EDGE, clx_sim_cfg(b, CLX_SIM_EDGE) | en);
	clx_sim_write(sim, bank, CLX_SIM_POL, clx_sim_cfg(b, CLX_SIM_POL) | en);
	atomic64_or(status & pins, &b->latched);
	clx_sim_write(sim, bank, CLX_SIM_EN, clx_sim_cfg(b, CLX_SIM_EN) | en);
}

static void clx_sim_set_in(struct clx_sim *sim, unsigned int offset, bool high)
{
	unsigned int bank = offset / sim->pins_per_bank;
	struct clx_sim_bank *b = &sim->banks[bank];
	u64 bit = BIT_ULL(offset % sim->pins_per_bank), was;

	if (high)
		was = atomic64_fetch_or(bit, &b->in);
	else
		was = atomic64_fetch_andnot(bit, &b->in);
	/* An output pin's level is its latch's: the input changes nothing. */
	if (!!(was & bit) == high || clx_sim_cfg(b, CLX_SIM_DIR) & bit)
		return;
	clx_sim_latch(sim, bank, was, was ^ bit, bit);
	clx_sim_update(sim, bank);
}

/*
 * Drive an input pin from outside, in any context. With hardware debounce
 * the level reaches the input register only once it has held still for the
 * pin's period; every bounce restarts the wait.
 */
void clx_sim_drive(struct clx_sim *sim, unsigned int offset, bool high)
{
	struct clx_sim_debounce *db;
	u32 period_us;

	db = sim->debounce ? &sim->debounce[offset] : NULL;
	period_us = db ? READ_ONCE(db->period_us) : 0;
	if (!period_us) {
		clx_sim_set_in(sim, offset, high);
		return;
	}
	WRITE_ONCE(db->target, high);
	hrtimer_start(&db->timer, ns_to_ktime((u64)period_us * NSEC_PER_USEC),
		      HRTIMER_MODE_REL_HARD);
}

/* A pin's bit of the input register: what the outside drove, debounced. */
bool clx_sim_driven(struct clx_sim *sim, unsigned int offset)
{
	const struct clx_sim_bank *b = &sim->banks[offset / sim->pins_per_bank];

	return atomic64_read(&b->in) & BIT_ULL(offset % sim->pins_per_bank);
}

static enum hrtimer_restart clx_sim_debounce_fire(struct hrtimer *timer)
{
	struct clx_sim_debounce *db =
		container_of(timer, struct clx_sim_debounce, timer);

	clx_sim_set_in(db->sim, db->offset, READ_ONCE(db->target));
	return HRTIMER_NORESTART;
}

/* The debounce register of a pin; no-op without hardware debounce. */
void clx_sim_set_debounce(struct clx_sim *sim, unsigned int bank,
			  unsigned int pin, u32 period_us)
{
	if (sim->debounce)
		WRITE_ONCE(sim->debounce[bank * sim->pins_per_bank + pin].period_us,
			   period_us);
}

static void clx_sim_debounce_cancel(void *data)
{
	struct clx_sim *sim = data;
	unsigned int i;

	for (i = 0; i < sim->ngpio; i++)
		hrtimer_cancel(&sim->debounce[i].timer);
}

int clx_sim_debounce_init(struct clx_sim *sim)
{
	unsigned int i;

	sim->debounce = devm_kcalloc(sim->dev, sim->ngpio,
				     sizeof(*sim->debounce), GFP_KERNEL);
	if (!sim->debounce)
		return -ENOMEM;
	for (i = 0; i < sim->ngpio; i++) {
		hrtimer_setup(&sim->debounce[i].timer, clx_sim_debounce_fire,
			      CLOCK_MONOTONIC, HRTIMER_MODE_REL_HARD);
		sim->debounce[i].sim = sim;
		sim->debounce[i].offset = i;
	}
	return devm_add_action_or_reset(sim->dev, clx_sim_debounce_cancel, sim);
}

/* Every register of a bank as an observer sees it, without bus delay. */
void clx_sim_snapshot(struct clx_sim *sim, unsigned int bank,
		      struct gpio_clx_sim_regs *regs)
{
	const struct clx_sim_bank *b = &sim->banks[bank];

	regs->in = clx_sim_peek(b, CLX_SIM_IN);
	regs->out = clx_sim_peek(b, CLX_SIM_OUT);
	regs->dir = clx_sim_peek(b, CLX_SIM_DIR);
	regs->en = clx_sim_peek(b, CLX_SIM_EN);
	regs->mask = clx_sim_peek(b, CLX_SIM_MASK);
	regs->edge = clx_sim_peek(b, CLX_SIM_EDGE);
	regs->pol = clx_sim_peek(b, CLX_SIM_POL);
	regs->both = clx_sim_peek(b, CLX_SIM_BOTH);
	regs->status = clx_sim_peek(b, CLX_SIM_STATUS);
}
