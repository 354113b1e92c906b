// SPDX-License-Identifier: GPL-2.0-only
/*
 * gpioclx core: the GpioClx interrupt model on gpiolib and genirq.
 *
 * A client controller driver registers a description of its pins and banks
 * and a packet of bank-oriented callbacks (struct gpio_clx_ops). The core
 * builds the gpio_chip, an immutable irq_chip and an irq_domain whose hwirq
 * is bank * pins_per_bank + pin (the GSI of GpioClx), and runs the primary
 * interrupt service routine: per bank, under that bank's interrupt lock, it
 * reads the active status, keeps what is enabled and not masked, and
 * dispatches each pin to its mapped interrupt (the secondary interrupt).
 *
 * The core, not the client, is the authority on which pins are enabled and
 * masked: the client only programs registers. That lets the ISR tell a
 * genuine interrupt from a stray one (rule 11) without trusting a cache the
 * client may have got wrong.
 *
 * A memory-mapped controller is driven from the irq_chip callbacks directly,
 * under per-bank raw spinlocks, and its primary ISR is a chained handler. A
 * passive-level controller (registers behind a bus that sleeps) gets mutexes
 * instead: the irq_chip callbacks only record what genirq wants, between
 * irq_bus_lock() and irq_bus_sync_unlock(), and the latter programs the
 * hardware; its primary ISR is a threaded handler that runs the consumers'
 * handlers nested in its own thread.
 */

#include <linux/bitmap.h>
#include <linux/cleanup.h>
#include <linux/debugfs.h>
#include <linux/device.h>
#include <linux/gpio/driver.h>
#include <linux/hrtimer.h>
#include <linux/interrupt.h>
#include <linux/irq.h>
#include <linux/irqchip/chained_irq.h>
#include <linux/irqdomain.h>
#include <linux/module.h>
#include <linux/mutex.h>
#include <linux/percpu.h>
#include <linux/pinctrl/pinconf-generic.h>
#include <linux/seq_file.h>
#include <linux/slab.h>
#include <linux/spinlock.h>
#include <linux/workqueue.h>

#include <linux/gpio/clx.h>

#include "gpio-clx-testing.h"

/*
 * One bank. Its interrupt lock (rule 17) is the raw spinlock for a
 * memory-mapped controller and the mutex for a passive one; take it with
 * guard(gpio_clx_bank). The want_* and retype fields of a passive
 * controller are what genirq asked for and are protected by the chip's
 * bus_lock; irq_bus_sync_unlock() applies them.
 */
struct gpio_clx_bank {
	raw_spinlock_t lock;	/* interrupt lock, memory-mapped */
	struct mutex mutex;	/* interrupt lock, passive */
	bool passive;
	/* Per-pin counters; one per-cpu area per bank keeps each one small. */
	struct gpio_clx_pin_stats __percpu *stats;
	u64 enabled;		/* pins with a started interrupt */
	u64 masked;		/* enabled pins currently masked */
	u64 edge;		/* enabled pins in edge mode */
	u64 emul;		/* enabled pins emulating both edges (rule 20) */
	u64 emul_rising;	/* ...and waiting for a rising edge now */
	u64 replay;		/* emulated edges to dispatch once more */
	u64 mask_failed;	/* pins the hardware refused to mask (rule 3) */
	u64 debounce;		/* pins the core debounces (rule 22) */
	u64 debounce_masked;	/* level pins masked while debouncing */
	u64 wake;		/* pins armed for wake-up */
	u64 asleep;		/* enabled pins not armed, while suspended */
	u64 suspend_masked;	/* ...of which gpio_clx_suspend() masked */
	u64 want_enabled;	/* passive: genirq's view */
	u64 want_masked;
	u64 want_wake;
	u64 retype;		/* passive: configuration to reprogram */
};

struct gpio_clx_pin_stats {
	u64 primary;
	u64 dispatched;
	u64 spurious;
	u64 replayed;
	u64 masked_pending;
	u64 debounced;
};

/*
 * Software debounce of one pin: dispatch once the level held still. A
 * memory-mapped controller waits on a hard hrtimer; a passive one, whose
 * level can only be read from process context, on a delayed work.
 */
struct gpio_clx_debounce {
	struct hrtimer timer;
	struct delayed_work work;
	struct gpio_clx *clx;
	unsigned int offset;
	u32 period_us;
	bool level;		/* last level reported, for both edges */
};

struct gpio_clx {
	struct gpio_chip gc;
	struct device *dev;
	const struct gpio_clx_ops *ops;
	struct gpio_clx_info info;
	void *priv;
	struct irq_domain *domain;
	int parent_irq;
	unsigned int nbanks;
	struct gpio_clx_irq_config *cfg;	/* per pin, from set_type */
	struct gpio_clx_debounce *debounce;	/* per pin, on first use */
	struct mutex bus_lock;	/* passive: held from irq_bus_lock to sync */
	struct mutex config_lock;	/* set_config: first debounce allocation */
	struct dentry *debugfs;
	bool passive;
	struct gpio_clx_bank banks[];
};

static struct dentry *gpio_clx_debugfs_root;

static struct lock_class_key gpio_clx_lock_key;
static struct lock_class_key gpio_clx_request_key;

/**
 * gpio_clx_bank_lock() - acquire a bank's interrupt lock
 * @bank: the bank, from gpio_clx_get_bank()
 *
 * The counterpart of GPIO_CLX_AcquireInterruptLock: client code outside the
 * ISR path takes it around register accesses that must not interleave with
 * the primary ISR or the irq_chip callbacks of that bank. For a
 * memory-mapped controller it is a raw spinlock and interrupts are disabled
 * while it is held; for a passive controller it is a mutex and the call may
 * sleep. Prefer guard(gpio_clx_bank), which pairs it with
 * gpio_clx_bank_unlock() by scope.
 *
 * Which lock is taken depends on the controller, and the guard pairs the
 * halves by scope, which sparse cannot follow: to sparse both halves leave
 * the lock context as it was, and lockdep checks the real pairing.
 *
 * Return: saved interrupt flags, for gpio_clx_bank_unlock().
 */
unsigned long gpio_clx_bank_lock(struct gpio_clx_bank *bank)
{
	unsigned long flags = 0;

	if (bank->passive) {
		mutex_lock(&bank->mutex);
		return flags;
	}
	raw_spin_lock_irqsave(&bank->lock, flags);
	__release(&bank->lock);
	return flags;
}
EXPORT_SYMBOL_GPL(gpio_clx_bank_lock);

/**
 * gpio_clx_bank_unlock() - release a bank's interrupt lock
 * @bank: the bank
 * @flags: the value gpio_clx_bank_lock() returned
 */
void gpio_clx_bank_unlock(struct gpio_clx_bank *bank, unsigned long flags)
{
	if (bank->passive) {
		mutex_unlock(&bank->mutex);
		return;
	}
	__acquire(&bank->lock);
	raw_spin_unlock_irqrestore(&bank->lock, flags);
}
EXPORT_SYMBOL_GPL(gpio_clx_bank_unlock);

static void gpio_clx_assert_held(struct gpio_clx_bank *bank)
{
	if (bank->passive)
		lockdep_assert_held(&bank->mutex);
	else
		lockdep_assert_held(&bank->lock);
}

static struct gpio_clx *to_gpio_clx(struct gpio_chip *gc)
{
	return container_of(gc, struct gpio_clx, gc);
}

static unsigned int gpio_clx_bank_of(struct gpio_clx *clx, unsigned int offset)
{
	return offset / clx->info.pins_per_bank;
}

static unsigned int gpio_clx_pin_of(struct gpio_clx *clx, unsigned int offset)
{
	return offset % clx->info.pins_per_bank;
}

static struct gpio_clx_bank *gpio_clx_bank(struct gpio_clx *clx,
					   unsigned int offset)
{
	return &clx->banks[gpio_clx_bank_of(clx, offset)];
}

static u64 gpio_clx_bit(struct gpio_clx *clx, unsigned int offset)
{
	return BIT_ULL(gpio_clx_pin_of(clx, offset));
}

/* ---- both-edge emulation (rule 20) -------------------------------- */

static bool gpio_clx_emulates_both(struct gpio_clx *clx,
				   const struct gpio_clx_irq_config *cfg)
{
	return cfg->polarity == GPIO_CLX_ACTIVE_BOTH &&
	       !(clx->info.flags & GPIO_CLX_HW_BOTH_EDGES);
}

/*
 * The configuration the hardware gets: an emulated both-edge pin is an edge
 * pin waiting for the edge away from its current level.
 */
static struct gpio_clx_irq_config
gpio_clx_hw_config(struct gpio_clx *clx, unsigned int offset)
{
	struct gpio_clx_bank *bank = gpio_clx_bank(clx, offset);
	struct gpio_clx_irq_config cfg = clx->cfg[offset];

	if (gpio_clx_emulates_both(clx, &cfg))
		cfg.polarity = bank->emul_rising & gpio_clx_bit(clx, offset) ?
			       GPIO_CLX_ACTIVE_HIGH : GPIO_CLX_ACTIVE_LOW;
	return cfg;
}

static bool gpio_clx_level(struct gpio_clx *clx, unsigned int offset)
{
	u64 levels = 0;

	gpio_clx_assert_held(gpio_clx_bank(clx, offset));
	clx->ops->read_pins(clx, gpio_clx_bank_of(clx, offset), &levels);
	return levels & gpio_clx_bit(clx, offset);
}

/*
 * Point an emulated pin at the edge away from its level, then read the
 * level again: if it moved while the polarity was being changed, that edge
 * may not have latched, so it is queued for one more dispatch and the pin
 * is pointed the other way. Bounded: a pin toggling faster than this loop
 * coalesces, as it would in hardware.
 */
static void gpio_clx_emul_sync(struct gpio_clx *clx, unsigned int offset)
{
	struct gpio_clx_bank *bank = gpio_clx_bank(clx, offset);
	unsigned int b = gpio_clx_bank_of(clx, offset);
	u64 bit = gpio_clx_bit(clx, offset);
	struct gpio_clx_irq_config cfg;
	bool level = gpio_clx_level(clx, offset);
	int tries;

	for (tries = 0; tries < 4; tries++) {
		if (!!(bank->emul_rising & bit) == !level)
			return;
		bank->emul_rising ^= bit;
		cfg = gpio_clx_hw_config(clx, offset);
		clx->ops->reconfigure(clx, b, gpio_clx_pin_of(clx, offset), &cfg);
		if (gpio_clx_level(clx, offset) == level)
			return;
		level = !level;
		bank->replay |= bit;
	}
}

/* Derive the bank's mode bits for a pin from its configuration. */
static void gpio_clx_track_mode(struct gpio_clx *clx, unsigned int offset)
{
	struct gpio_clx_bank *bank = gpio_clx_bank(clx, offset);
	const struct gpio_clx_irq_config *cfg = &clx->cfg[offset];
	u64 bit = gpio_clx_bit(clx, offset);
	bool emul = gpio_clx_emulates_both(clx, cfg);

	gpio_clx_assert_held(bank);
	bank->edge = cfg->mode == GPIO_CLX_MODE_EDGE ? bank->edge | bit :
						       bank->edge & ~bit;
	bank->emul = emul ? bank->emul | bit : bank->emul & ~bit;
	if (emul && !gpio_clx_level(clx, offset))
		bank->emul_rising |= bit;
	else
		bank->emul_rising &= ~bit;
}

/* ---- pin operations, shared by both kinds of controller ---------------- */

/*
 * Rule 3: a passive controller may fail to mask some pins. Try once more;
 * what still fails stays masked in the core's view, so the ISR never
 * dispatches it, and is remembered so the next mask of the bank retries.
 */
static void gpio_clx_hw_mask(struct gpio_clx *clx, unsigned int b, u64 mask)
{
	struct gpio_clx_bank *bank = &clx->banks[b];
	u64 failed = 0;

	gpio_clx_assert_held(bank);
	mask |= bank->mask_failed;
	clx->ops->mask_interrupts(clx, b, mask, &failed);
	if (failed)
		clx->ops->mask_interrupts(clx, b, failed, &failed);
	bank->mask_failed = failed;
	if (failed)
		dev_err_ratelimited(clx->dev,
				    "bank %u: pins %#llx could not be masked\n",
				    b, failed);
}

static void gpio_clx_pin_unmask_locked(struct gpio_clx *clx,
				       unsigned int offset)
{
	struct gpio_clx_bank *bank = gpio_clx_bank(clx, offset);
	struct gpio_clx_irq_config cfg;

	gpio_clx_assert_held(bank);
	bank->mask_failed &= ~gpio_clx_bit(clx, offset);
	cfg = gpio_clx_hw_config(clx, offset);
	clx->ops->unmask_interrupt(clx, gpio_clx_bank_of(clx, offset),
				   gpio_clx_pin_of(clx, offset), &cfg);
}

static void gpio_clx_pin_mask(struct gpio_clx *clx, unsigned int offset,
			      bool mask)
{
	struct gpio_clx_bank *bank = gpio_clx_bank(clx, offset);
	unsigned int b = gpio_clx_bank_of(clx, offset);
	u64 bit = gpio_clx_bit(clx, offset);

	guard(gpio_clx_bank)(bank);
	if (mask) {
		bank->masked |= bit;
		gpio_clx_hw_mask(clx, b, bit);
		return;
	}
	bank->masked &= ~bit;
	bank->debounce_masked &= ~bit;
	gpio_clx_pin_unmask_locked(clx, offset);
}

/*
 * Rule 5: program and enable. The core marks the pin enabled before the
 * client sets the hardware enable bit, so an interrupt that fires at once is
 * never mistaken for a stray one; the client takes the bank lock itself
 * (rule 17).
 */
static void gpio_clx_pin_enable(struct gpio_clx *clx, unsigned int offset)
{
	struct gpio_clx_bank *bank = gpio_clx_bank(clx, offset);
	u64 bit = gpio_clx_bit(clx, offset);
	struct gpio_clx_irq_config cfg;
	int ret;

	scoped_guard(gpio_clx_bank, bank) {
		bank->enabled |= bit;
		bank->masked &= ~bit;
		gpio_clx_track_mode(clx, offset);
		cfg = gpio_clx_hw_config(clx, offset);
		if (bank->debounce & bit)
			clx->debounce[offset].level = gpio_clx_level(clx, offset);
	}
	ret = clx->ops->enable_interrupt(clx, gpio_clx_bank_of(clx, offset),
					 gpio_clx_pin_of(clx, offset), &cfg);
	if (ret) {
		dev_err_ratelimited(clx->dev, "pin %u: enable failed: %d\n",
				    offset, ret);
		scoped_guard(gpio_clx_bank, bank) {
			bank->enabled &= ~bit;
			gpio_clx_track_mode(clx, offset);
			bank->edge &= ~bit;
			bank->emul &= ~bit;
		}
		return;
	}

	/* The level may have moved while the pin was being enabled. */
	scoped_guard(gpio_clx_bank, bank) {
		if (bank->emul & bit) {
			gpio_clx_emul_sync(clx, offset);
			bank->replay &= ~bit;
		}
	}
}

/* Rule 7: disabling forgets the configuration; the next enable reprograms. */
static void gpio_clx_pin_disable(struct gpio_clx *clx, unsigned int offset)
{
	struct gpio_clx_bank *bank = gpio_clx_bank(clx, offset);
	u64 bit = gpio_clx_bit(clx, offset);

	clx->ops->disable_interrupt(clx, gpio_clx_bank_of(clx, offset),
				    gpio_clx_pin_of(clx, offset));
	guard(gpio_clx_bank)(bank);
	bank->enabled &= ~bit;
	bank->masked &= ~bit;
	bank->mask_failed &= ~bit;
	bank->debounce_masked &= ~bit;
	bank->edge &= ~bit;
	bank->emul &= ~bit;
	bank->emul_rising &= ~bit;
	bank->replay &= ~bit;
}

/*
 * Rule 21: a live pin is reconfigured by the client, which clears status
 * left from the old configuration. On failure the old one stays.
 */
static int gpio_clx_pin_retype_locked(struct gpio_clx *clx,
				      unsigned int offset,
				      const struct gpio_clx_irq_config *new)
{
	struct gpio_clx_bank *bank = gpio_clx_bank(clx, offset);
	struct gpio_clx_irq_config cfg, old = clx->cfg[offset];
	int ret;

	gpio_clx_assert_held(bank);
	clx->cfg[offset] = *new;
	if (!(bank->enabled & gpio_clx_bit(clx, offset)))
		return 0;
	gpio_clx_track_mode(clx, offset);
	cfg = gpio_clx_hw_config(clx, offset);
	ret = clx->ops->reconfigure(clx, gpio_clx_bank_of(clx, offset),
				    gpio_clx_pin_of(clx, offset), &cfg);
	if (ret) {
		clx->cfg[offset] = old;
		gpio_clx_track_mode(clx, offset);
	}
	return ret;
}

static int gpio_clx_pin_retype(struct gpio_clx *clx, unsigned int offset,
			       const struct gpio_clx_irq_config *new)
{
	struct gpio_clx_irq_config cfg = *new;

	/* @new may point at clx->cfg[offset] itself: copy it first. */
	guard(gpio_clx_bank)(gpio_clx_bank(clx, offset));
	return gpio_clx_pin_retype_locked(clx, offset, &cfg);
}

/* Trigger types the core can program; anything else is refused (rule 19). */
static const struct {
	unsigned int type;
	struct gpio_clx_irq_config cfg;
} gpio_clx_types[] = {
	{ IRQ_TYPE_EDGE_RISING, { GPIO_CLX_MODE_EDGE, GPIO_CLX_ACTIVE_HIGH } },
	{ IRQ_TYPE_EDGE_FALLING, { GPIO_CLX_MODE_EDGE, GPIO_CLX_ACTIVE_LOW } },
	{ IRQ_TYPE_EDGE_BOTH, { GPIO_CLX_MODE_EDGE, GPIO_CLX_ACTIVE_BOTH } },
	{ IRQ_TYPE_LEVEL_HIGH, { GPIO_CLX_MODE_LEVEL, GPIO_CLX_ACTIVE_HIGH } },
	{ IRQ_TYPE_LEVEL_LOW, { GPIO_CLX_MODE_LEVEL, GPIO_CLX_ACTIVE_LOW } },
};

static int gpio_clx_type_to_config(unsigned int type,
				   struct gpio_clx_irq_config *cfg)
{
	unsigned int i;

	type &= IRQ_TYPE_SENSE_MASK;
	for (i = 0; i < ARRAY_SIZE(gpio_clx_types); i++) {
		if (gpio_clx_types[i].type == type) {
			cfg->mode = gpio_clx_types[i].cfg.mode;
			cfg->polarity = gpio_clx_types[i].cfg.polarity;
			return 0;
		}
	}
	return -EINVAL;
}

/* ---- irq_chip callbacks: memory-mapped controllers ------------------- */

/*
 * Both chips use their mask callback as irq_disable too: disable_irq() then
 * masks at once instead of lazily acking on the next interrupt, so edges
 * while disabled stay latched in the hardware and enable_irq() delivers
 * them (rule 9), with no software resend. (IRQ_DISABLE_UNLAZY would do the
 * same but genirq clears it on every last free_irq().)
 */

static void gpio_clx_irq_mask(struct irq_data *d)
{
	struct gpio_clx *clx = irq_data_get_irq_chip_data(d);

	gpio_clx_pin_mask(clx, irqd_to_hwirq(d), true);
	/* Rule 23: tell gpiolib after the hardware is masked. */
	gpiochip_disable_irq(&clx->gc, irqd_to_hwirq(d));
}

static void gpio_clx_irq_unmask(struct irq_data *d)
{
	struct gpio_clx *clx = irq_data_get_irq_chip_data(d);

	/* Rule 23: tell gpiolib before the hardware can interrupt. */
	gpiochip_enable_irq(&clx->gc, irqd_to_hwirq(d));
	gpio_clx_pin_mask(clx, irqd_to_hwirq(d), false);
}

/*
 * handle_edge_irq() acks before the handler; the primary ISR has already
 * cleared the status it dispatches (gpio_clx_ack_pending()), under the bank
 * lock it held anyway.
 */
static void gpio_clx_irq_ack(struct irq_data *d)
{
}

static int gpio_clx_irq_set_type(struct irq_data *d, unsigned int type)
{
	struct gpio_clx *clx = irq_data_get_irq_chip_data(d);
	irq_hw_number_t hwirq = irqd_to_hwirq(d);
	struct gpio_clx_irq_config cfg = clx->cfg[hwirq];
	int ret;

	/* Rule 19: refuse before touching anything. */
	ret = gpio_clx_type_to_config(type, &cfg);
	if (ret)
		return ret;
	ret = gpio_clx_pin_retype(clx, hwirq, &cfg);
	if (ret)
		return ret;
	irq_set_handler_locked(d, cfg.mode == GPIO_CLX_MODE_EDGE ?
				  handle_edge_irq : handle_level_irq);
	return 0;
}

/* The first handler connected (rule 9). */
static unsigned int gpio_clx_irq_startup(struct irq_data *d)
{
	struct gpio_clx *clx = irq_data_get_irq_chip_data(d);

	gpiochip_enable_irq(&clx->gc, irqd_to_hwirq(d));
	gpio_clx_pin_enable(clx, irqd_to_hwirq(d));
	return 0;
}

/* The last handler gone (rule 9). */
static void gpio_clx_irq_shutdown(struct irq_data *d)
{
	struct gpio_clx *clx = irq_data_get_irq_chip_data(d);

	gpio_clx_pin_disable(clx, irqd_to_hwirq(d));
	gpiochip_disable_irq(&clx->gc, irqd_to_hwirq(d));
}

/* ---- irq_chip callbacks: passive-level controllers -------------------- */

/*
 * These run under the descriptor's raw lock, where a passive controller's
 * registers cannot be touched: they record what genirq wants, under the
 * chip's bus_lock, and gpio_clx_irq_bus_sync_unlock() applies it.
 */
static void gpio_clx_want(struct gpio_clx *clx, unsigned int offset,
			  u64 *field, bool set)
{
	u64 bit = gpio_clx_bit(clx, offset);

	lockdep_assert_held(&clx->bus_lock);
	*field = set ? *field | bit : *field & ~bit;
}

static void gpio_clx_passive_mask(struct irq_data *d)
{
	struct gpio_clx *clx = irq_data_get_irq_chip_data(d);
	irq_hw_number_t hwirq = irqd_to_hwirq(d);

	gpio_clx_want(clx, hwirq, &gpio_clx_bank(clx, hwirq)->want_masked, true);
	gpiochip_disable_irq(&clx->gc, hwirq);
}

static void gpio_clx_passive_unmask(struct irq_data *d)
{
	struct gpio_clx *clx = irq_data_get_irq_chip_data(d);
	irq_hw_number_t hwirq = irqd_to_hwirq(d);

	gpiochip_enable_irq(&clx->gc, hwirq);
	gpio_clx_want(clx, hwirq, &gpio_clx_bank(clx, hwirq)->want_masked, false);
}

static int gpio_clx_passive_set_type(struct irq_data *d, unsigned int type)
{
	struct gpio_clx *clx = irq_data_get_irq_chip_data(d);
	irq_hw_number_t hwirq = irqd_to_hwirq(d);
	struct gpio_clx_irq_config cfg = clx->cfg[hwirq];
	int ret;

	ret = gpio_clx_type_to_config(type, &cfg);
	if (ret)
		return ret;
	/*
	 * Recorded now, programmed by irq_bus_sync_unlock(). The thread reads
	 * each field as one aligned word under the bank lock, so at worst it
	 * sees the new trigger a moment before the hardware does.
	 */
	WRITE_ONCE(clx->cfg[hwirq].mode, cfg.mode);
	WRITE_ONCE(clx->cfg[hwirq].polarity, cfg.polarity);
	gpio_clx_want(clx, hwirq, &gpio_clx_bank(clx, hwirq)->retype, true);
	return 0;
}

static unsigned int gpio_clx_passive_startup(struct irq_data *d)
{
	struct gpio_clx *clx = irq_data_get_irq_chip_data(d);
	irq_hw_number_t hwirq = irqd_to_hwirq(d);
	struct gpio_clx_bank *bank = gpio_clx_bank(clx, hwirq);

	gpiochip_enable_irq(&clx->gc, hwirq);
	gpio_clx_want(clx, hwirq, &bank->want_enabled, true);
	gpio_clx_want(clx, hwirq, &bank->want_masked, false);
	return 0;
}

static void gpio_clx_passive_shutdown(struct irq_data *d)
{
	struct gpio_clx *clx = irq_data_get_irq_chip_data(d);
	irq_hw_number_t hwirq = irqd_to_hwirq(d);

	gpio_clx_want(clx, hwirq, &gpio_clx_bank(clx, hwirq)->want_enabled,
		      false);
	gpiochip_disable_irq(&clx->gc, hwirq);
}

static void gpio_clx_irq_bus_lock(struct irq_data *d)
{
	struct gpio_clx *clx = irq_data_get_irq_chip_data(d);

	mutex_lock(&clx->bus_lock);
}

/* Make the hardware match what genirq asked for while the bus was held. */
static void gpio_clx_sync_bank(struct gpio_clx *clx, unsigned int b)
{
	struct gpio_clx_bank *bank = &clx->banks[b];
	unsigned int base = b * clx->info.pins_per_bank, pin;
	DECLARE_BITMAP(bits, GPIO_CLX_MAX_PINS_PER_BANK);
	u64 on, masked, retype = bank->retype, todo;

	lockdep_assert_held(&clx->bus_lock);
	scoped_guard(gpio_clx_bank, bank) {
		on = bank->enabled;
		masked = bank->masked;
	}
	todo = (bank->want_enabled ^ on) | retype |
	       ((bank->want_masked ^ masked) & bank->want_enabled);
	bank->retype = 0;
	bitmap_from_u64(bits, todo);
	for_each_set_bit(pin, bits, clx->info.pins_per_bank) {
		u64 bit = BIT_ULL(pin);

		if (!(bank->want_enabled & bit)) {
			if (on & bit)
				gpio_clx_pin_disable(clx, base + pin);
			continue;
		}
		if (!(on & bit))
			gpio_clx_pin_enable(clx, base + pin);
		else if ((retype & bit) &&
			 gpio_clx_pin_retype(clx, base + pin,
					     &clx->cfg[base + pin]))
			dev_err_ratelimited(clx->dev, "pin %u: reconfigure failed\n",
					    base + pin);
		if (bank->want_masked & bit)
			gpio_clx_pin_mask(clx, base + pin, true);
		else if (masked & bit)
			gpio_clx_pin_mask(clx, base + pin, false);
	}
}

/* Wake-up changes reach the parent here, where sleeping is allowed. */
static void gpio_clx_sync_wake(struct gpio_clx *clx, unsigned int offset)
{
	struct gpio_clx_bank *bank = gpio_clx_bank(clx, offset);
	u64 bit = gpio_clx_bit(clx, offset);
	bool on = bank->want_wake & bit;

	lockdep_assert_held(&clx->bus_lock);
	if (on == !!(bank->wake & bit))
		return;
	if (clx->parent_irq > 0 && irq_set_irq_wake(clx->parent_irq, on)) {
		gpio_clx_want(clx, offset, &bank->want_wake, !on);
		dev_err_ratelimited(clx->dev, "pin %u: parent refused wake-up\n",
				    offset);
		return;
	}
	guard(gpio_clx_bank)(bank);
	bank->wake = on ? bank->wake | bit : bank->wake & ~bit;
}

static void gpio_clx_irq_bus_sync_unlock(struct irq_data *d)
{
	struct gpio_clx *clx = irq_data_get_irq_chip_data(d);

	gpio_clx_sync_bank(clx, gpio_clx_bank_of(clx, irqd_to_hwirq(d)));
	gpio_clx_sync_wake(clx, irqd_to_hwirq(d));
	mutex_unlock(&clx->bus_lock);
}

/* ---- irq_chip callbacks: both ------------------------------------------ */

/*
 * Our own resource helpers: gpiolib's GPIOCHIP_IRQ_RESOURCE_HELPERS exist
 * only with CONFIG_GPIOLIB_IRQCHIP, which a distribution kernel need not
 * have; these do the same through the always-exported calls.
 */
static int gpio_clx_irq_reqres(struct irq_data *d)
{
	struct gpio_clx *clx = irq_data_get_irq_chip_data(d);

	return gpiochip_reqres_irq(&clx->gc, irqd_to_hwirq(d));
}

static void gpio_clx_irq_relres(struct irq_data *d)
{
	struct gpio_clx *clx = irq_data_get_irq_chip_data(d);

	gpiochip_relres_irq(&clx->gc, irqd_to_hwirq(d));
}

/*
 * Rule 27: a wake-up pin stays armed across suspend, and so must the
 * controller's own interrupt. For a passive controller this runs under the
 * bus lock and only records the bit, as nothing touches hardware.
 */
static int gpio_clx_irq_set_wake(struct irq_data *d, unsigned int on)
{
	struct gpio_clx *clx = irq_data_get_irq_chip_data(d);
	irq_hw_number_t hwirq = irqd_to_hwirq(d);
	struct gpio_clx_bank *bank = gpio_clx_bank(clx, hwirq);
	u64 bit = gpio_clx_bit(clx, hwirq);
	int ret;

	/* A passive parent may sleep: irq_bus_sync_unlock() tells it. */
	if (clx->passive) {
		gpio_clx_want(clx, hwirq, &bank->want_wake, on);
		return 0;
	}
	if (clx->parent_irq > 0) {
		ret = irq_set_irq_wake(clx->parent_irq, on);
		if (ret)
			return ret;
	}
	guard(gpio_clx_bank)(bank);
	bank->wake = on ? bank->wake | bit : bank->wake & ~bit;
	return 0;
}

static void gpio_clx_irq_print_chip(struct irq_data *d, struct seq_file *p)
{
	struct gpio_clx *clx = irq_data_get_irq_chip_data(d);

	seq_puts(p, dev_name(clx->dev));
}

static const struct irq_chip gpio_clx_irq_chip = {
	.irq_startup = gpio_clx_irq_startup,
	.irq_shutdown = gpio_clx_irq_shutdown,
	.irq_ack = gpio_clx_irq_ack,
	.irq_disable = gpio_clx_irq_mask,
	.irq_mask = gpio_clx_irq_mask,
	.irq_unmask = gpio_clx_irq_unmask,
	.irq_set_type = gpio_clx_irq_set_type,
	.irq_set_wake = gpio_clx_irq_set_wake,
	.irq_request_resources = gpio_clx_irq_reqres,
	.irq_release_resources = gpio_clx_irq_relres,
	.irq_print_chip = gpio_clx_irq_print_chip,
	.flags = IRQCHIP_IMMUTABLE,
};

static const struct irq_chip gpio_clx_passive_irq_chip = {
	.irq_startup = gpio_clx_passive_startup,
	.irq_shutdown = gpio_clx_passive_shutdown,
	.irq_disable = gpio_clx_passive_mask,
	.irq_mask = gpio_clx_passive_mask,
	.irq_unmask = gpio_clx_passive_unmask,
	.irq_set_type = gpio_clx_passive_set_type,
	.irq_bus_lock = gpio_clx_irq_bus_lock,
	.irq_bus_sync_unlock = gpio_clx_irq_bus_sync_unlock,
	.irq_set_wake = gpio_clx_irq_set_wake,
	.irq_request_resources = gpio_clx_irq_reqres,
	.irq_release_resources = gpio_clx_irq_relres,
	.irq_print_chip = gpio_clx_irq_print_chip,
	.flags = IRQCHIP_IMMUTABLE,
};

/* ---- software debounce (rule 22) ----------------------------------- */

static void gpio_clx_dispatch(struct gpio_clx *clx, unsigned int b,
			      u64 pending, bool replay);

/*
 * A debounced pin that interrupts is not dispatched yet: its edge is acked
 * (a level pin is masked instead) and its timer (re)started, so every bounce
 * pushes the decision back. When the timer fires the level has held still
 * for the whole period, and the interrupt is dispatched if that level is
 * what the trigger asks for.
 */
static void gpio_clx_debounce_kick(struct gpio_clx *clx, unsigned int offset)
{
	struct gpio_clx_bank *bank = gpio_clx_bank(clx, offset);
	struct gpio_clx_debounce *db = &clx->debounce[offset];
	unsigned int b = gpio_clx_bank_of(clx, offset);
	u64 bit = gpio_clx_bit(clx, offset);

	gpio_clx_assert_held(bank);
	if (bank->edge & bit) {
		if (!(clx->info.flags & GPIO_CLX_STATUS_CLEARS_ON_READ))
			clx->ops->clear_active(clx, b, bit);
		if (bank->emul & bit)
			gpio_clx_emul_sync(clx, offset);
	} else {
		bank->masked |= bit;
		bank->debounce_masked |= bit;
		gpio_clx_hw_mask(clx, b, bit);
	}
	if (clx->passive)
		mod_delayed_work(system_wq, &db->work,
				 usecs_to_jiffies(db->period_us));
	else
		hrtimer_start(&db->timer,
			      ns_to_ktime((u64)db->period_us * NSEC_PER_USEC),
			      HRTIMER_MODE_REL_HARD);
}

/* Start debouncing the debounced pins of @pending; return the others. */
static u64 gpio_clx_debounce_bank(struct gpio_clx *clx, unsigned int b,
				  u64 pending)
{
	unsigned int base = b * clx->info.pins_per_bank, pin;
	DECLARE_BITMAP(bits, GPIO_CLX_MAX_PINS_PER_BANK);
	u64 deb = pending & clx->banks[b].debounce;

	bitmap_from_u64(bits, deb);
	for_each_set_bit(pin, bits, clx->info.pins_per_bank)
		gpio_clx_debounce_kick(clx, base + pin);
	return pending & ~deb;
}

/*
 * Unmask a level pin the debouncer masked, unless genirq itself has it
 * masked or disabled meanwhile.
 */
static void gpio_clx_debounce_unmask(struct gpio_clx *clx, unsigned int offset)
{
	struct gpio_clx_bank *bank = gpio_clx_bank(clx, offset);
	u64 bit = gpio_clx_bit(clx, offset);
	unsigned int virq;
	struct irq_data *d;

	gpio_clx_assert_held(bank);
	if (!(bank->debounce_masked & bit))
		return;
	bank->debounce_masked &= ~bit;
	virq = irq_find_mapping(clx->domain, offset);
	d = virq ? irq_get_irq_data(virq) : NULL;
	if (!d || irqd_irq_masked(d) || irqd_irq_disabled(d))
		return;
	bank->masked &= ~bit;
	gpio_clx_pin_unmask_locked(clx, offset);
}

static bool gpio_clx_debounce_settle(struct gpio_clx *clx, unsigned int offset)
{
	struct gpio_clx_bank *bank = gpio_clx_bank(clx, offset);
	struct gpio_clx_debounce *db = &clx->debounce[offset];
	const struct gpio_clx_irq_config *cfg = &clx->cfg[offset];
	u64 bit = gpio_clx_bit(clx, offset);
	bool level, fire;

	guard(gpio_clx_bank)(bank);
	if (!(bank->enabled & bit) || !(bank->debounce & bit))
		return false;
	level = gpio_clx_level(clx, offset);
	if (cfg->polarity == GPIO_CLX_ACTIVE_BOTH)
		fire = level != db->level;
	else
		fire = level == (cfg->polarity == GPIO_CLX_ACTIVE_HIGH);
	if (fire)
		db->level = level;
	/* The level went away while bouncing: back to normal. */
	if (!fire)
		gpio_clx_debounce_unmask(clx, offset);
	if (!fire)
		this_cpu_inc(bank->stats[gpio_clx_pin_of(clx, offset)].debounced);
	return fire;
}

static void gpio_clx_drain_replay(struct gpio_clx *clx, unsigned int b);

static void gpio_clx_debounce_done(struct gpio_clx_debounce *db)
{
	struct gpio_clx *clx = db->clx;
	unsigned int b = gpio_clx_bank_of(clx, db->offset);

	if (!gpio_clx_debounce_settle(clx, db->offset))
		return;
	gpio_clx_dispatch(clx, b, gpio_clx_bit(clx, db->offset), false);
	/*
	 * A memory-mapped level pin was unmasked by its flow handler; a nested
	 * (passive) handler has none, so the debouncer's mask goes here.
	 */
	scoped_guard(gpio_clx_bank, &clx->banks[b])
		gpio_clx_debounce_unmask(clx, db->offset);
	gpio_clx_drain_replay(clx, b);
}

static enum hrtimer_restart gpio_clx_debounce_fire(struct hrtimer *timer)
{
	gpio_clx_debounce_done(container_of(timer, struct gpio_clx_debounce,
					    timer));
	return HRTIMER_NORESTART;
}

static void gpio_clx_debounce_work(struct work_struct *work)
{
	gpio_clx_debounce_done(container_of(to_delayed_work(work),
					    struct gpio_clx_debounce, work));
}

static void gpio_clx_debounce_stop(struct gpio_clx *clx, unsigned int offset)
{
	if (clx->passive)
		cancel_delayed_work_sync(&clx->debounce[offset].work);
	else
		hrtimer_cancel(&clx->debounce[offset].timer);
}

/*
 * Registered at registration, before the parent interrupt is connected, so
 * that on unbind it runs after the primary ISR can no longer start a timer.
 */
static void gpio_clx_debounce_release(void *data)
{
	struct gpio_clx *clx = data;
	unsigned int offset;

	if (!clx->debounce)
		return;
	for (offset = 0; offset < clx->info.ngpio; offset++)
		gpio_clx_debounce_stop(clx, offset);
	kfree(clx->debounce);
	clx->debounce = NULL;
}

static int gpio_clx_debounce_alloc(struct gpio_clx *clx)
{
	struct gpio_clx_debounce *db;
	unsigned int offset;

	lockdep_assert_held(&clx->config_lock);
	db = kcalloc(clx->info.ngpio, sizeof(*db), GFP_KERNEL);
	if (!db)
		return -ENOMEM;
	for (offset = 0; offset < clx->info.ngpio; offset++) {
		hrtimer_init(&db[offset].timer, CLOCK_MONOTONIC,
			     HRTIMER_MODE_REL_HARD);
		db[offset].timer.function = gpio_clx_debounce_fire;
		INIT_DELAYED_WORK(&db[offset].work, gpio_clx_debounce_work);
		db[offset].clx = clx;
		db[offset].offset = offset;
	}
	/* The ISR only looks at it for pins in bank->debounce, set below. */
	smp_store_release(&clx->debounce, db);
	return 0;
}

/*
 * Rule 22: hardware debounce when the client has it (the period reaches it
 * with the pin's configuration), the core's otherwise. A client without
 * interrupts gets no set_config at all, so gpiolib answers -ENOTSUPP and the
 * character device debounces on its own. Called in process context.
 */
static int gpio_clx_set_debounce(struct gpio_clx *clx, unsigned int offset,
				 u32 period_us)
{
	struct gpio_clx_bank *bank = gpio_clx_bank(clx, offset);
	struct gpio_clx_irq_config cfg;
	u64 bit = gpio_clx_bit(clx, offset);
	int ret;

	if (clx->info.flags & GPIO_CLX_HW_DEBOUNCE) {
		/* Read-modify-write of the configuration under the bank lock. */
		guard(gpio_clx_bank)(bank);
		cfg = clx->cfg[offset];
		if (cfg.debounce_us == period_us)
			return 0;	/* no reconfigure for nothing */
		cfg.debounce_us = period_us;
		return gpio_clx_pin_retype_locked(clx, offset, &cfg);
	}
	guard(mutex)(&clx->config_lock);
	if (!clx->debounce && period_us) {
		ret = gpio_clx_debounce_alloc(clx);
		if (ret)
			return ret;
	}
	/* Nothing to switch off: no period was ever set on this pin. */
	if (!clx->debounce || (!period_us && !clx->debounce[offset].period_us))
		return 0;

	scoped_guard(gpio_clx_bank, bank) {
		clx->debounce[offset].period_us = period_us;
		clx->debounce[offset].level = gpio_clx_level(clx, offset);
		bank->debounce = period_us ? bank->debounce | bit :
					     bank->debounce & ~bit;
	}
	if (period_us)
		return 0;
	gpio_clx_debounce_stop(clx, offset);
	scoped_guard(gpio_clx_bank, bank)
		gpio_clx_debounce_unmask(clx, offset);
	return 0;
}

/* ---- the primary ISR ------------------------------------------------- */

/*
 * Rule 11: status on a pin the core never enabled (firmware leftovers, or a
 * client that lost track) is masked and counted instead of firing forever.
 * Rule 12: the hardware's own enable bits say which of the two it was.
 */
static void gpio_clx_quiet_stray(struct gpio_clx *clx, unsigned int b,
				 u64 stray)
{
	struct gpio_clx_bank *bank = &clx->banks[b];
	DECLARE_BITMAP(bits, GPIO_CLX_MAX_PINS_PER_BANK);
	u64 hw_enabled = 0;
	unsigned int pin;

	gpio_clx_assert_held(bank);
	gpio_clx_hw_mask(clx, b, stray);
	bitmap_from_u64(bits, stray);
	for_each_set_bit(pin, bits, clx->info.pins_per_bank)
		this_cpu_inc(bank->stats[pin].spurious);
	if (clx->ops->query_enabled)
		clx->ops->query_enabled(clx, b, &hw_enabled);
	if (hw_enabled & ~bank->enabled)
		dev_warn_ratelimited(clx->dev,
				     "bank %u: pins %#llx enabled in hardware behind the core's back, masked\n",
				     b, hw_enabled & ~bank->enabled);
	else
		dev_warn_ratelimited(clx->dev,
				     "bank %u: stray status %#llx masked\n",
				     b, stray);
}

static void gpio_clx_dispatch(struct gpio_clx *clx, unsigned int b,
			      u64 pending, bool replay)
{
	struct gpio_clx_bank *bank = &clx->banks[b];
	unsigned int base = b * clx->info.pins_per_bank;
	DECLARE_BITMAP(bits, GPIO_CLX_MAX_PINS_PER_BANK);
	unsigned int pin, virq;
	int ret;

	bitmap_from_u64(bits, pending);
	for_each_set_bit(pin, bits, clx->info.pins_per_bank) {
		if (replay)
			this_cpu_inc(bank->stats[pin].replayed);
		else
			this_cpu_inc(bank->stats[pin].primary);
		if (clx->passive) {
			/* Rule 16: the consumer's thread runs in ours. */
			virq = irq_find_mapping(clx->domain, base + pin);
			ret = virq ? 0 : -EINVAL;
			if (virq)
				handle_nested_irq(virq);
		} else {
			ret = generic_handle_domain_irq(clx->domain, base + pin);
		}
		if (likely(!ret)) {
			this_cpu_inc(bank->stats[pin].dispatched);
			continue;
		}
		/* Enabled but never mapped: quiet it, as stray status (rule 11). */
		this_cpu_inc(bank->stats[pin].spurious);
		scoped_guard(gpio_clx_bank, bank) {
			bank->masked |= BIT_ULL(pin);
			gpio_clx_hw_mask(clx, b, BIT_ULL(pin));
		}
	}
}

/*
 * Ack the edges about to be dispatched, in the same hold of the bank lock
 * that read them (rules 13, 15): before any handler runs, so an edge that
 * arrives while it runs latches anew and is delivered again; and one lock
 * section per bank and interrupt, not a second one in irq_ack. Emulated
 * both-edge pins are pointed at their next edge here too. Nested
 * (passive) handlers have no flow handler to ack them anyway.
 */
static void gpio_clx_ack_pending(struct gpio_clx *clx, unsigned int b,
				 u64 pending)
{
	struct gpio_clx_bank *bank = &clx->banks[b];
	unsigned int base = b * clx->info.pins_per_bank, pin;
	DECLARE_BITMAP(bits, GPIO_CLX_MAX_PINS_PER_BANK);
	u64 edges = pending & bank->edge;

	gpio_clx_assert_held(bank);
	if (edges && !(clx->info.flags & GPIO_CLX_STATUS_CLEARS_ON_READ))
		clx->ops->clear_active(clx, b, edges);
	bitmap_from_u64(bits, pending & bank->emul);
	for_each_set_bit(pin, bits, clx->info.pins_per_bank)
		gpio_clx_emul_sync(clx, base + pin);
}

/*
 * Emulated edges seen only by re-reading the level (rule 20), queued by the
 * acks of the interrupts just dispatched. Bounded: a pin toggling faster
 * than this coalesces, as it would in hardware.
 */
static void gpio_clx_drain_replay(struct gpio_clx *clx, unsigned int b)
{
	struct gpio_clx_bank *bank = &clx->banks[b];
	u64 pending;
	int round;

	/*
	 * Set only by acks on this path (or on another CPU, which drains its
	 * own): a bank with nothing queued is not locked again.
	 */
	if (likely(!READ_ONCE(bank->replay)))
		return;

	for (round = 0; round < 4; round++) {
		scoped_guard(gpio_clx_bank, bank) {
			pending = bank->replay & bank->enabled & ~bank->masked;
			bank->replay = 0;
			if (unlikely(pending & bank->debounce))
				pending = gpio_clx_debounce_bank(clx, b, pending);
			gpio_clx_ack_pending(clx, b, pending);
		}
		if (likely(!pending))
			return;
		gpio_clx_dispatch(clx, b, pending, true);
	}
}

static void gpio_clx_handle_bank(struct gpio_clx *clx, unsigned int b)
{
	struct gpio_clx_bank *bank = &clx->banks[b];
	DECLARE_BITMAP(bits, GPIO_CLX_MAX_PINS_PER_BANK);
	unsigned int pin;
	u64 active = 0, pending, stray, held;

	scoped_guard(gpio_clx_bank, bank) {
		if (clx->ops->query_active(clx, b, &active))
			return;
		pending = active & bank->enabled & ~bank->masked;
		stray = active & ~bank->enabled;
		held = active & bank->enabled & bank->masked;
		if (unlikely(stray))
			gpio_clx_quiet_stray(clx, b, stray);
		if (unlikely(pending & bank->debounce))
			pending = gpio_clx_debounce_bank(clx, b, pending);
		gpio_clx_ack_pending(clx, b, pending);
	}
	if (unlikely(held)) {
		bitmap_from_u64(bits, held);
		for_each_set_bit(pin, bits, clx->info.pins_per_bank)
			this_cpu_inc(bank->stats[pin].masked_pending);
	}
	gpio_clx_dispatch(clx, b, pending, false);
	gpio_clx_drain_replay(clx, b);
}

/**
 * gpio_clx_handle_primary() - run the primary interrupt service routine
 * @clx: the controller
 *
 * Reads every bank's active status and dispatches each active, enabled and
 * unmasked pin to its interrupt handler. The core calls this from the
 * handler it installs on the parent interrupt; a client registered without
 * a parent interrupt calls it from its own: in hard-IRQ context for a
 * memory-mapped controller, from a thread for a passive one.
 */
void gpio_clx_handle_primary(struct gpio_clx *clx)
{
	DECLARE_BITMAP(pending, GPIO_CLX_MAX_BANKS);
	unsigned int b;

	/*
	 * A summary of pending banks keeps the cost flat in the number of
	 * banks; without one every bank is queried, as GpioClx does.
	 */
	if (clx->ops->pending_banks) {
		bitmap_zero(pending, GPIO_CLX_MAX_BANKS);
		clx->ops->pending_banks(clx, pending);
		for_each_set_bit(b, pending, clx->nbanks)
			gpio_clx_handle_bank(clx, b);
		return;
	}
	for (b = 0; b < clx->nbanks; b++)
		gpio_clx_handle_bank(clx, b);
}
EXPORT_SYMBOL_GPL(gpio_clx_handle_primary);

static void gpio_clx_chained_handler(struct irq_desc *desc)
{
	struct gpio_clx *clx = irq_desc_get_handler_data(desc);
	struct irq_chip *chip = irq_desc_get_chip(desc);

	chained_irq_enter(chip, desc);
	gpio_clx_handle_primary(clx);
	chained_irq_exit(chip, desc);
}

/*
 * Passive controller, hard-IRQ half: the client's pre-process step latches
 * status that would otherwise be lost before the thread gets to read it.
 */
static irqreturn_t gpio_clx_passive_hardirq(int irq, void *data)
{
	struct gpio_clx *clx = data;

	clx->ops->pre_process(clx);
	return IRQ_WAKE_THREAD;
}

static irqreturn_t gpio_clx_passive_thread(int irq, void *data)
{
	gpio_clx_handle_primary(data);
	return IRQ_HANDLED;
}

/* ---- irq_domain --------------------------------------------------------- */

static int gpio_clx_domain_map(struct irq_domain *domain, unsigned int virq,
			       irq_hw_number_t hwirq)
{
	struct gpio_clx *clx = domain->host_data;

	irq_set_lockdep_class(virq, &gpio_clx_lock_key, &gpio_clx_request_key);
	irq_set_chip_data(virq, clx);
	if (clx->passive) {
		irq_set_chip_and_handler(virq, &gpio_clx_passive_irq_chip,
					 handle_simple_irq);
		irq_set_nested_thread(virq, true);
	} else {
		/* Matches the zeroed configuration: level, active high. */
		irq_set_chip_and_handler(virq, &gpio_clx_irq_chip,
					 handle_level_irq);
	}
	irq_set_noprobe(virq);
	return 0;
}

static void gpio_clx_domain_unmap(struct irq_domain *domain, unsigned int virq)
{
	irq_set_chip_and_handler(virq, NULL, NULL);
	irq_set_chip_data(virq, NULL);
}

static const struct irq_domain_ops gpio_clx_domain_ops = {
	.map = gpio_clx_domain_map,
	.unmap = gpio_clx_domain_unmap,
	.xlate = irq_domain_xlate_twocell,
};

/* ---- gpio_chip callbacks ---------------------------------------------- */

static int gpio_clx_get(struct gpio_chip *gc, unsigned int offset)
{
	struct gpio_clx *clx = to_gpio_clx(gc);
	struct gpio_clx_bank *bank = gpio_clx_bank(clx, offset);
	u64 levels;
	int ret;

	scoped_guard(gpio_clx_bank, bank)
		ret = clx->ops->read_pins(clx, gpio_clx_bank_of(clx, offset),
					  &levels);
	if (ret)
		return ret;
	return !!(levels & gpio_clx_bit(clx, offset));
}

static void gpio_clx_set(struct gpio_chip *gc, unsigned int offset, int value)
{
	struct gpio_clx *clx = to_gpio_clx(gc);
	struct gpio_clx_bank *bank = gpio_clx_bank(clx, offset);
	u64 bit = gpio_clx_bit(clx, offset);

	guard(gpio_clx_bank)(bank);
	clx->ops->write_pins(clx, gpio_clx_bank_of(clx, offset),
			     value ? bit : 0, value ? 0 : bit);
}

static int gpio_clx_set_direction(struct gpio_clx *clx, unsigned int offset,
				  bool output, int value)
{
	struct gpio_clx_bank *bank = gpio_clx_bank(clx, offset);

	if (!clx->ops->set_direction)
		return output ? -EOPNOTSUPP : 0;
	guard(gpio_clx_bank)(bank);
	return clx->ops->set_direction(clx, gpio_clx_bank_of(clx, offset),
				       gpio_clx_pin_of(clx, offset),
				       output, value);
}

static int gpio_clx_direction_input(struct gpio_chip *gc, unsigned int offset)
{
	return gpio_clx_set_direction(to_gpio_clx(gc), offset, false, 0);
}

static int gpio_clx_direction_output(struct gpio_chip *gc, unsigned int offset,
				     int value)
{
	return gpio_clx_set_direction(to_gpio_clx(gc), offset, true, value);
}

static int gpio_clx_get_direction(struct gpio_chip *gc, unsigned int offset)
{
	struct gpio_clx *clx = to_gpio_clx(gc);
	struct gpio_clx_bank *bank = gpio_clx_bank(clx, offset);
	int dir;

	if (!clx->ops->get_direction)
		return GPIO_LINE_DIRECTION_IN;
	scoped_guard(gpio_clx_bank, bank)
		dir = clx->ops->get_direction(clx, gpio_clx_bank_of(clx, offset),
					      gpio_clx_pin_of(clx, offset));
	return dir;
}

/*
 * A debounce period belongs to the consumer that set it. The character
 * device never sets it back to 0 when a request ends, so without this the
 * next consumer of the line would inherit a filter it did not ask for.
 */
static void gpio_clx_free(struct gpio_chip *gc, unsigned int offset)
{
	gpio_clx_set_debounce(to_gpio_clx(gc), offset, 0);
}

static int gpio_clx_set_config(struct gpio_chip *gc, unsigned int offset,
			       unsigned long config)
{
	if (pinconf_to_config_param(config) != PIN_CONFIG_INPUT_DEBOUNCE)
		return -ENOTSUPP;
	return gpio_clx_set_debounce(to_gpio_clx(gc), offset,
				     pinconf_to_config_argument(config));
}

static int gpio_clx_to_irq(struct gpio_chip *gc, unsigned int offset)
{
	struct gpio_clx *clx = to_gpio_clx(gc);
	unsigned int virq = irq_create_mapping(clx->domain, offset);

	return virq ? virq : -ENXIO;
}

/* ---- registration ------------------------------------------------------ */

static bool gpio_clx_has_irq_ops(const struct gpio_clx_ops *ops)
{
	return ops->enable_interrupt || ops->disable_interrupt ||
	       ops->mask_interrupts || ops->unmask_interrupt ||
	       ops->query_active;
}

/* Rules 1 and 2: a packet the core cannot run safely is refused whole. */
static int gpio_clx_validate(struct device *dev,
			     const struct gpio_clx_info *info,
			     const struct gpio_clx_ops *ops)
{
	if (!info->ngpio)
		return dev_err_probe(dev, -EINVAL, "gpioclx: no pins\n");
	if (!info->pins_per_bank ||
	    info->pins_per_bank > GPIO_CLX_MAX_PINS_PER_BANK)
		return dev_err_probe(dev, -EINVAL,
				     "gpioclx: %u pins per bank, must be 1..%d\n",
				     info->pins_per_bank,
				     GPIO_CLX_MAX_PINS_PER_BANK);
	if (!ops->read_pins)
		return dev_err_probe(dev, -EINVAL, "gpioclx: no read_pins\n");
	if (ops->pending_banks &&
	    DIV_ROUND_UP(info->ngpio, info->pins_per_bank) > GPIO_CLX_MAX_BANKS)
		return dev_err_probe(dev, -EINVAL,
				     "gpioclx: pending_banks needs at most %d banks\n",
				     GPIO_CLX_MAX_BANKS);
	if (!gpio_clx_has_irq_ops(ops))
		return 0;
	if (!ops->enable_interrupt || !ops->disable_interrupt ||
	    !ops->mask_interrupts || !ops->unmask_interrupt ||
	    !ops->query_active || !ops->reconfigure)
		return dev_err_probe(dev, -EINVAL,
				     "gpioclx: interrupt callbacks incomplete: enable, disable, mask, unmask, query_active and reconfigure go together\n");
	if (!ops->clear_active &&
	    !(info->flags & GPIO_CLX_STATUS_CLEARS_ON_READ))
		return dev_err_probe(dev, -EINVAL,
				     "gpioclx: no clear_active and status does not clear on read\n");
	return 0;
}

/*
 * Rule 4: interrupts the firmware left enabled would fire into a domain
 * nobody listens to. Disable them all and clear their status first.
 */
static void gpio_clx_quiesce(struct gpio_clx *clx)
{
	unsigned int b, pin, npins;
	u64 enabled, all;

	for (b = 0; b < clx->nbanks; b++) {
		npins = min(clx->info.ngpio - b * clx->info.pins_per_bank,
			    clx->info.pins_per_bank);
		all = GENMASK_ULL(npins - 1, 0);
		enabled = all;
		if (clx->ops->query_enabled)
			scoped_guard(gpio_clx_bank, &clx->banks[b])
				clx->ops->query_enabled(clx, b, &enabled);
		for (pin = 0; pin < npins; pin++)
			if (enabled & BIT_ULL(pin))
				clx->ops->disable_interrupt(clx, b, pin);
		if (clx->ops->clear_active)
			scoped_guard(gpio_clx_bank, &clx->banks[b])
				clx->ops->clear_active(clx, b, all);
	}
}

static void gpio_clx_remove_domain(void *data)
{
	struct gpio_clx *clx = data;
	unsigned int offset, virq;

	for (offset = 0; offset < clx->info.ngpio; offset++) {
		virq = irq_find_mapping(clx->domain, offset);
		if (!virq)
			continue;
		/* Freeing a descriptor its consumer still holds would be worse. */
		if (irq_has_action(virq)) {
			dev_warn(clx->dev, "pin %u: interrupt %u still requested\n",
				 offset, virq);
			continue;
		}
		irq_dispose_mapping(virq);
	}
	irq_domain_remove(clx->domain);
}

static void gpio_clx_remove_chained(void *data)
{
	struct gpio_clx *clx = data;

	irq_set_chained_handler_and_data(clx->parent_irq, NULL, NULL);
}

/*
 * The primary interrupt: a chained handler for a memory-mapped controller,
 * a threaded handler (IRQF_ONESHOT keeps the parent masked until it is
 * done) for a passive one.
 */
static int gpio_clx_connect_parent(struct gpio_clx *clx)
{
	if (clx->passive)
		return devm_request_threaded_irq(clx->dev, clx->parent_irq,
						 clx->ops->pre_process ?
						 gpio_clx_passive_hardirq : NULL,
						 gpio_clx_passive_thread,
						 IRQF_ONESHOT, dev_name(clx->dev),
						 clx);
	irq_set_chained_handler_and_data(clx->parent_irq,
					 gpio_clx_chained_handler, clx);
	return devm_add_action_or_reset(clx->dev, gpio_clx_remove_chained, clx);
}

/* ---- debugfs: per-pin statistics ---------------------------------------- */

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
				   b, bank->enabled, bank->masked, bank->edge,
				   bank->emul, bank->mask_failed, bank->wake);
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

static void gpio_clx_debugfs_remove(void *data)
{
	struct gpio_clx *clx = data;

	debugfs_remove_recursive(clx->debugfs);
}

/* Statistics are a convenience: failing to create them fails nothing. */
static void gpio_clx_debugfs_add(struct gpio_clx *clx)
{
	clx->debugfs = debugfs_create_dir(dev_name(clx->dev),
					  gpio_clx_debugfs_root);
	debugfs_create_file("stats", 0400, clx->debugfs, clx,
			    &gpio_clx_stats_fops);
	devm_add_action_or_reset(clx->dev, gpio_clx_debugfs_remove, clx);
}

static void gpio_clx_init_chip(struct gpio_clx *clx, struct device *dev)
{
	struct gpio_chip *gc = &clx->gc;

	gc->label = dev_name(dev);
	gc->parent = dev;
	gc->owner = dev->driver ? dev->driver->owner : THIS_MODULE;
	gc->base = -1;
	gc->ngpio = clx->info.ngpio;
	gc->names = clx->info.names;
	gc->can_sleep = clx->passive;
	gc->get = gpio_clx_get;
	if (clx->ops->write_pins)
		gc->set = gpio_clx_set;
	gc->direction_input = gpio_clx_direction_input;
	gc->direction_output = gpio_clx_direction_output;
	gc->get_direction = gpio_clx_get_direction;
	if (gpio_clx_has_irq_ops(clx->ops)) {
		gc->to_irq = gpio_clx_to_irq;
		gc->set_config = gpio_clx_set_config;
		gc->free = gpio_clx_free;
	}
}

static int gpio_clx_add_domain(struct gpio_clx *clx)
{
	int ret;

	clx->domain = irq_domain_create_linear(dev_fwnode(clx->dev),
					       clx->info.ngpio,
					       &gpio_clx_domain_ops, clx);
	if (!clx->domain)
		return -ENOMEM;
	ret = devm_add_action_or_reset(clx->dev, gpio_clx_remove_domain, clx);
	if (ret)
		return ret;
	/* Debounce timers dispatch into the domain: stop them first. */
	return devm_add_action_or_reset(clx->dev, gpio_clx_debounce_release,
					clx);
}

/**
 * devm_gpio_clx_register() - register a GpioClx-style controller
 * @dev: the controller's device; its firmware node becomes the node of the
 *	interrupt domain, so consumers reference pins as <&node PIN TYPE>
 * @info: pins, banks and capabilities; copied
 * @ops: the callback packet; must outlive the registration
 * @priv: client data, returned by gpio_clx_priv()
 * @parent_irq: the controller's interrupt, on which the core installs its
 *	chained primary handler; 0 when the client calls
 *	gpio_clx_handle_primary() itself
 *
 * Validates the packet, puts the hardware in a known state (every interrupt
 * disabled, status cleared), then creates the interrupt domain and the
 * gpio_chip. Everything is undone when @dev is unbound.
 *
 * Return: the controller, or an ERR_PTR(); -EINVAL for an incomplete packet.
 */
struct gpio_clx *devm_gpio_clx_register(struct device *dev,
					const struct gpio_clx_info *info,
					const struct gpio_clx_ops *ops,
					void *priv, int parent_irq)
{
	struct gpio_clx *clx;
	unsigned int nbanks, b;
	int ret;

	ret = gpio_clx_validate(dev, info, ops);
	if (ret)
		return ERR_PTR(ret);

	nbanks = DIV_ROUND_UP(info->ngpio, info->pins_per_bank);
	clx = devm_kzalloc(dev, struct_size(clx, banks, nbanks), GFP_KERNEL);
	if (!clx)
		return ERR_PTR(-ENOMEM);
	clx->cfg = devm_kcalloc(dev, info->ngpio, sizeof(*clx->cfg),
				GFP_KERNEL);
	if (!clx->cfg)
		return ERR_PTR(-ENOMEM);
	for (b = 0; b < nbanks; b++) {
		clx->banks[b].stats =
			__devm_alloc_percpu(dev, info->pins_per_bank *
					    sizeof(struct gpio_clx_pin_stats),
					    __alignof__(struct gpio_clx_pin_stats));
		if (!clx->banks[b].stats)
			return ERR_PTR(-ENOMEM);
	}

	clx->dev = dev;
	clx->ops = ops;
	clx->info = *info;
	clx->priv = priv;
	clx->nbanks = nbanks;
	clx->parent_irq = parent_irq;
	clx->passive = !(info->flags & GPIO_CLX_MEMORY_MAPPED);
	mutex_init(&clx->bus_lock);
	mutex_init(&clx->config_lock);
	for (b = 0; b < nbanks; b++) {
		raw_spin_lock_init(&clx->banks[b].lock);
		mutex_init(&clx->banks[b].mutex);
		clx->banks[b].passive = clx->passive;
	}

	if (gpio_clx_has_irq_ops(ops)) {
		gpio_clx_quiesce(clx);
		ret = gpio_clx_add_domain(clx);
		if (ret)
			return ERR_PTR(dev_err_probe(dev, ret,
						     "gpioclx: cannot create irq domain\n"));
	}

	gpio_clx_init_chip(clx, dev);
	ret = devm_gpiochip_add_data(dev, &clx->gc, clx);
	if (ret)
		return ERR_PTR(dev_err_probe(dev, ret,
					     "gpioclx: cannot add gpio chip\n"));

	if (parent_irq > 0 && clx->domain) {
		ret = gpio_clx_connect_parent(clx);
		if (ret)
			return ERR_PTR(dev_err_probe(dev, ret,
						     "gpioclx: cannot take parent interrupt %d\n",
						     parent_irq));
	}
	gpio_clx_debugfs_add(clx);
	return clx;
}
EXPORT_SYMBOL_GPL(devm_gpio_clx_register);

/**
 * gpio_clx_suspend() - quiesce a controller's interrupts for system sleep
 * @clx: the controller
 *
 * Call from the client's suspend_noirq callback, after genirq has disabled
 * the interrupts not armed for wake-up. Masks every enabled pin that is not
 * armed (irq_set_irq_wake()) and not masked yet, then lets the client save
 * each bank's context (the counterpart of SaveBankHardwareContext). Wake-up
 * pins stay unmasked, so their interrupts still reach the parent.
 *
 * Return: 0.
 */
int gpio_clx_suspend(struct gpio_clx *clx)
{
	struct gpio_clx_bank *bank;
	unsigned int b;

	for (b = 0; b < clx->nbanks; b++) {
		bank = &clx->banks[b];
		guard(gpio_clx_bank)(bank);
		bank->asleep = bank->enabled & ~bank->wake;
		bank->suspend_masked = bank->asleep & ~bank->masked;
		if (bank->suspend_masked)
			gpio_clx_hw_mask(clx, b, bank->suspend_masked);
		if (clx->ops->save_context)
			clx->ops->save_context(clx, b);
	}
	return 0;
}
EXPORT_SYMBOL_GPL(gpio_clx_suspend);

/**
 * gpio_clx_resume() - bring a controller's interrupts back after sleep
 * @clx: the controller
 *
 * Call from the client's resume_noirq callback, before genirq enables the
 * interrupts again. Lets the client restore each bank's context (mode,
 * polarity and cleared status first, enable bits last: the counterpart of
 * RestoreBankHardwareContext), clears the status that pins not armed for
 * wake-up latched meanwhile, and unmasks those it masked itself. Status on
 * wake-up pins is kept: the event that woke the system is delivered.
 *
 * Return: 0.
 */
int gpio_clx_resume(struct gpio_clx *clx)
{
	struct gpio_clx_bank *bank;
	unsigned int b, base, pin;
	DECLARE_BITMAP(bits, GPIO_CLX_MAX_PINS_PER_BANK);
	u64 stale;

	for (b = 0; b < clx->nbanks; b++) {
		bank = &clx->banks[b];
		base = b * clx->info.pins_per_bank;
		guard(gpio_clx_bank)(bank);
		if (clx->ops->restore_context)
			clx->ops->restore_context(clx, b);
		stale = bank->asleep & bank->edge;
		if (stale && !(clx->info.flags & GPIO_CLX_STATUS_CLEARS_ON_READ))
			clx->ops->clear_active(clx, b, stale);
		bitmap_from_u64(bits, bank->suspend_masked & ~bank->masked);
		for_each_set_bit(pin, bits, clx->info.pins_per_bank)
			gpio_clx_pin_unmask_locked(clx, base + pin);
		/* The level may have moved while asleep (rule 20). */
		bitmap_from_u64(bits, bank->emul);
		for_each_set_bit(pin, bits, clx->info.pins_per_bank)
			gpio_clx_emul_sync(clx, base + pin);
		bank->replay &= ~bank->asleep;
		bank->asleep = 0;
		bank->suspend_masked = 0;
	}
	return 0;
}
EXPORT_SYMBOL_GPL(gpio_clx_resume);

/**
 * gpio_clx_priv() - the client data given at registration
 * @clx: the controller
 *
 * Return: the @priv pointer passed to devm_gpio_clx_register().
 */
void *gpio_clx_priv(struct gpio_clx *clx)
{
	return clx->priv;
}
EXPORT_SYMBOL_GPL(gpio_clx_priv);

/**
 * gpio_clx_gpio_chip() - the gpio_chip the core registered for a controller
 * @clx: the controller
 *
 * Return: the chip, for gpiochip_request_own_desc() and similar calls.
 */
struct gpio_chip *gpio_clx_gpio_chip(struct gpio_clx *clx)
{
	return &clx->gc;
}
EXPORT_SYMBOL_GPL(gpio_clx_gpio_chip);

/**
 * gpio_clx_nbanks() - number of banks of a controller
 * @clx: the controller
 *
 * Return: ceil(ngpio / pins_per_bank).
 */
unsigned int gpio_clx_nbanks(struct gpio_clx *clx)
{
	return clx->nbanks;
}
EXPORT_SYMBOL_GPL(gpio_clx_nbanks);

/**
 * gpio_clx_get_bank() - a bank of a controller, for its interrupt lock
 * @clx: the controller
 * @bank: bank number, below gpio_clx_nbanks()
 *
 * Return: the bank, for guard(gpio_clx_bank) and gpio_clx_bank_held().
 */
struct gpio_clx_bank *gpio_clx_get_bank(struct gpio_clx *clx,
					unsigned int bank)
{
	return &clx->banks[bank];
}
EXPORT_SYMBOL_GPL(gpio_clx_get_bank);

/**
 * gpio_clx_bank_held() - whether the caller holds a bank's interrupt lock
 * @bank: the bank
 *
 * For assertions in client code, like lockdep_assert_held(). Exact with
 * lockdep; without it, whether anyone holds the lock.
 *
 * Return: true if the lock is held.
 */
bool gpio_clx_bank_held(struct gpio_clx_bank *bank)
{
#ifdef CONFIG_LOCKDEP
	return bank->passive ? lockdep_is_held(&bank->mutex) :
			       lockdep_is_held(&bank->lock);
#else
	return bank->passive ? mutex_is_locked(&bank->mutex) :
			       raw_spin_is_locked(&bank->lock);
#endif
}
EXPORT_SYMBOL_GPL(gpio_clx_bank_held);

/**
 * gpio_clx_pin_to_irq() - the Linux interrupt of a pin, mapping it if needed
 * @clx: the controller
 * @bank: bank number
 * @pin: pin within the bank
 *
 * Return: the virq, or a negative errno.
 */
int gpio_clx_pin_to_irq(struct gpio_clx *clx, unsigned int bank,
			unsigned int pin)
{
	unsigned int offset = bank * clx->info.pins_per_bank + pin;

	if (!clx->domain || pin >= clx->info.pins_per_bank ||
	    offset >= clx->info.ngpio)
		return -EINVAL;
	return gpio_clx_to_irq(&clx->gc, offset);
}
EXPORT_SYMBOL_GPL(gpio_clx_pin_to_irq);

/**
 * gpio_clx_get_stats() - interrupt counters of one pin, summed over CPUs
 * @clx: the controller
 * @offset: pin number within the chip
 * @stats: filled with the sums
 */
void gpio_clx_get_stats(struct gpio_clx *clx, unsigned int offset,
			struct gpio_clx_stats *stats)
{
	const struct gpio_clx_pin_stats *s;
	int cpu;

	memset(stats, 0, sizeof(*stats));
	if (offset >= clx->info.ngpio)
		return;
	for_each_possible_cpu(cpu) {
		s = per_cpu_ptr(&gpio_clx_bank(clx, offset)->stats[gpio_clx_pin_of(clx, offset)],
				cpu);
		stats->primary += READ_ONCE(s->primary);
		stats->dispatched += READ_ONCE(s->dispatched);
		stats->spurious += READ_ONCE(s->spurious);
		stats->replayed += READ_ONCE(s->replayed);
		stats->masked_pending += READ_ONCE(s->masked_pending);
		stats->debounced += READ_ONCE(s->debounced);
	}
}
EXPORT_SYMBOL_GPL(gpio_clx_get_stats);

static int __init gpio_clx_init(void)
{
	gpio_clx_debugfs_root = debugfs_create_dir("gpio-clx", NULL);
	return 0;
}
module_init(gpio_clx_init);

static void __exit gpio_clx_exit(void)
{
	debugfs_remove_recursive(gpio_clx_debugfs_root);
}
module_exit(gpio_clx_exit);

MODULE_DESCRIPTION("GpioClx interrupt model for GPIO controllers");
MODULE_LICENSE("GPL");
