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
 */

#include <linux/bitmap.h>
#include <linux/device.h>
#include <linux/gpio/driver.h>
#include <linux/interrupt.h>
#include <linux/irq.h>
#include <linux/irqchip/chained_irq.h>
#include <linux/irqdomain.h>
#include <linux/module.h>
#include <linux/percpu.h>
#include <linux/spinlock.h>

#include "gpio-clx.h"

struct gpio_clx_bank {
	raw_spinlock_t lock;	/* the bank's interrupt lock (rule 17) */
	u64 enabled;		/* pins with a started interrupt */
	u64 masked;		/* enabled pins currently masked */
	u64 edge;		/* enabled pins in edge mode */
	u64 emul;		/* enabled pins emulating both edges (rule 20) */
	u64 emul_rising;	/* ...and waiting for a rising edge now */
	u64 replay;		/* emulated edges to dispatch once more */
};

struct gpio_clx_pin_stats {
	u64 primary;
	u64 dispatched;
	u64 spurious;
	u64 replayed;
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
	struct gpio_clx_pin_stats __percpu *stats;
	struct gpio_clx_irq_config *cfg;	/* per pin, from set_type */
	struct gpio_clx_bank banks[];
};

static struct lock_class_key gpio_clx_lock_key;
static struct lock_class_key gpio_clx_request_key;

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

	lockdep_assert_held(&gpio_clx_bank(clx, offset)->lock);
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

	lockdep_assert_held(&bank->lock);
	bank->edge = cfg->mode == GPIO_CLX_MODE_EDGE ? bank->edge | bit :
						       bank->edge & ~bit;
	bank->emul = emul ? bank->emul | bit : bank->emul & ~bit;
	if (emul && !gpio_clx_level(clx, offset))
		bank->emul_rising |= bit;
	else
		bank->emul_rising &= ~bit;
}

/* ---- irq_chip callbacks -------------------------------------------- */

static void gpio_clx_irq_mask(struct irq_data *d)
{
	struct gpio_clx *clx = irq_data_get_irq_chip_data(d);
	irq_hw_number_t hwirq = irqd_to_hwirq(d);
	struct gpio_clx_bank *bank = gpio_clx_bank(clx, hwirq);
	u64 bit = gpio_clx_bit(clx, hwirq);
	u64 failed = 0;

	scoped_guard(raw_spinlock_irqsave, &bank->lock) {
		bank->masked |= bit;
		clx->ops->mask_interrupts(clx, gpio_clx_bank_of(clx, hwirq),
					  bit, &failed);
	}
	if (failed)
		dev_err_ratelimited(clx->dev, "pin %lu could not be masked\n",
				    hwirq);
	/* Rule 23: tell gpiolib after the hardware is masked. */
	gpiochip_disable_irq(&clx->gc, hwirq);
}

static void gpio_clx_irq_unmask(struct irq_data *d)
{
	struct gpio_clx *clx = irq_data_get_irq_chip_data(d);
	irq_hw_number_t hwirq = irqd_to_hwirq(d);
	struct gpio_clx_bank *bank = gpio_clx_bank(clx, hwirq);
	struct gpio_clx_irq_config cfg;

	/* Rule 23: tell gpiolib before the hardware can interrupt. */
	gpiochip_enable_irq(&clx->gc, hwirq);
	guard(raw_spinlock_irqsave)(&bank->lock);
	bank->masked &= ~gpio_clx_bit(clx, hwirq);
	cfg = gpio_clx_hw_config(clx, hwirq);
	clx->ops->unmask_interrupt(clx, gpio_clx_bank_of(clx, hwirq),
				   gpio_clx_pin_of(clx, hwirq), &cfg);
}

/*
 * Only latched (edge) status is cleared, and before the handler runs, so an
 * edge that arrives while the handler runs is latched anew (rules 13, 15).
 * Level status follows the input and clears when the device lets go.
 */
static void gpio_clx_irq_ack(struct irq_data *d)
{
	struct gpio_clx *clx = irq_data_get_irq_chip_data(d);
	irq_hw_number_t hwirq = irqd_to_hwirq(d);
	struct gpio_clx_bank *bank = gpio_clx_bank(clx, hwirq);
	u64 bit = gpio_clx_bit(clx, hwirq);

	guard(raw_spinlock_irqsave)(&bank->lock);
	if ((bank->edge & bit) &&
	    !(clx->info.flags & GPIO_CLX_STATUS_CLEARS_ON_READ))
		clx->ops->clear_active(clx, gpio_clx_bank_of(clx, hwirq), bit);
	if (bank->emul & bit)
		gpio_clx_emul_sync(clx, hwirq);
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

static int gpio_clx_irq_set_type(struct irq_data *d, unsigned int type)
{
	struct gpio_clx *clx = irq_data_get_irq_chip_data(d);
	irq_hw_number_t hwirq = irqd_to_hwirq(d);
	struct gpio_clx_bank *bank = gpio_clx_bank(clx, hwirq);
	struct gpio_clx_irq_config cfg = clx->cfg[hwirq], old, hw;
	int ret;

	/* Rule 19: refuse before touching anything. */
	ret = gpio_clx_type_to_config(type, &cfg);
	if (ret)
		return ret;

	scoped_guard(raw_spinlock_irqsave, &bank->lock) {
		old = clx->cfg[hwirq];
		clx->cfg[hwirq] = cfg;
		if (!(bank->enabled & gpio_clx_bit(clx, hwirq)))
			break;
		/* Rule 21: a live pin is reconfigured by the client. */
		gpio_clx_track_mode(clx, hwirq);
		hw = gpio_clx_hw_config(clx, hwirq);
		ret = clx->ops->reconfigure(clx, gpio_clx_bank_of(clx, hwirq),
					    gpio_clx_pin_of(clx, hwirq), &hw);
		if (ret) {
			clx->cfg[hwirq] = old;
			gpio_clx_track_mode(clx, hwirq);
			return ret;
		}
	}
	irq_set_handler_locked(d, cfg.mode == GPIO_CLX_MODE_EDGE ?
				  handle_edge_irq : handle_level_irq);
	return 0;
}

/*
 * The first handler connected (rule 9): program and enable the pin. The core
 * marks the pin enabled before the client sets the hardware enable bit, so an
 * interrupt that fires at once is never mistaken for a stray one.
 */
static unsigned int gpio_clx_irq_startup(struct irq_data *d)
{
	struct gpio_clx *clx = irq_data_get_irq_chip_data(d);
	irq_hw_number_t hwirq = irqd_to_hwirq(d);
	struct gpio_clx_bank *bank = gpio_clx_bank(clx, hwirq);
	u64 bit = gpio_clx_bit(clx, hwirq);
	struct gpio_clx_irq_config cfg;
	int ret;

	gpiochip_enable_irq(&clx->gc, hwirq);
	scoped_guard(raw_spinlock_irqsave, &bank->lock) {
		bank->enabled |= bit;
		bank->masked &= ~bit;
		gpio_clx_track_mode(clx, hwirq);
		cfg = gpio_clx_hw_config(clx, hwirq);
	}
	ret = clx->ops->enable_interrupt(clx, gpio_clx_bank_of(clx, hwirq),
					 gpio_clx_pin_of(clx, hwirq), &cfg);
	if (ret)
		dev_err_ratelimited(clx->dev, "pin %lu: enable failed: %d\n",
				    hwirq, ret);

	/* The level may have moved while the pin was being enabled. */
	scoped_guard(raw_spinlock_irqsave, &bank->lock) {
		if (bank->emul & bit) {
			gpio_clx_emul_sync(clx, hwirq);
			bank->replay &= ~bit;
		}
	}
	return 0;
}

/* The last handler gone (rule 9): disable; the configuration is dropped. */
static void gpio_clx_irq_shutdown(struct irq_data *d)
{
	struct gpio_clx *clx = irq_data_get_irq_chip_data(d);
	irq_hw_number_t hwirq = irqd_to_hwirq(d);
	struct gpio_clx_bank *bank = gpio_clx_bank(clx, hwirq);
	u64 bit = gpio_clx_bit(clx, hwirq);

	clx->ops->disable_interrupt(clx, gpio_clx_bank_of(clx, hwirq),
				    gpio_clx_pin_of(clx, hwirq));
	scoped_guard(raw_spinlock_irqsave, &bank->lock) {
		bank->enabled &= ~bit;
		bank->masked &= ~bit;
		bank->edge &= ~bit;
		bank->emul &= ~bit;
		bank->emul_rising &= ~bit;
		bank->replay &= ~bit;
	}
	gpiochip_disable_irq(&clx->gc, hwirq);
}

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

static void gpio_clx_irq_print_chip(struct irq_data *d, struct seq_file *p)
{
	struct gpio_clx *clx = irq_data_get_irq_chip_data(d);

	seq_puts(p, dev_name(clx->dev));
}

static const struct irq_chip gpio_clx_irq_chip = {
	.irq_startup = gpio_clx_irq_startup,
	.irq_shutdown = gpio_clx_irq_shutdown,
	.irq_ack = gpio_clx_irq_ack,
	.irq_mask = gpio_clx_irq_mask,
	.irq_unmask = gpio_clx_irq_unmask,
	.irq_set_type = gpio_clx_irq_set_type,
	.irq_request_resources = gpio_clx_irq_reqres,
	.irq_release_resources = gpio_clx_irq_relres,
	.irq_print_chip = gpio_clx_irq_print_chip,
	.flags = IRQCHIP_IMMUTABLE | IRQCHIP_SKIP_SET_WAKE,
};

/* ---- the primary ISR ------------------------------------------------- */

/*
 * Rule 11: status on a pin the core never enabled (firmware leftovers, or a
 * client that lost track) is masked and counted instead of firing forever.
 */
static void gpio_clx_quiet_stray(struct gpio_clx *clx, unsigned int b,
				 u64 stray)
{
	unsigned int base = b * clx->info.pins_per_bank;
	DECLARE_BITMAP(bits, GPIO_CLX_MAX_PINS_PER_BANK);
	unsigned int pin;
	u64 failed = 0;

	lockdep_assert_held(&clx->banks[b].lock);
	clx->ops->mask_interrupts(clx, b, stray, &failed);
	bitmap_from_u64(bits, stray);
	for_each_set_bit(pin, bits, clx->info.pins_per_bank)
		this_cpu_inc(clx->stats[base + pin].spurious);
	dev_warn_ratelimited(clx->dev,
			     "bank %u: stray status %#llx masked\n", b, stray);
}

static void gpio_clx_dispatch(struct gpio_clx *clx, unsigned int b,
			      u64 pending, bool replay)
{
	unsigned int base = b * clx->info.pins_per_bank;
	DECLARE_BITMAP(bits, GPIO_CLX_MAX_PINS_PER_BANK);
	struct gpio_clx_pin_stats *st;
	unsigned int pin;

	bitmap_from_u64(bits, pending);
	for_each_set_bit(pin, bits, clx->info.pins_per_bank) {
		st = this_cpu_ptr(&clx->stats[base + pin]);
		if (replay)
			st->replayed++;
		else
			st->primary++;
		if (likely(!generic_handle_domain_irq(clx->domain, base + pin)))
			st->dispatched++;
		else
			st->spurious++;
	}
}

static void gpio_clx_handle_bank(struct gpio_clx *clx, unsigned int b)
{
	struct gpio_clx_bank *bank = &clx->banks[b];
	u64 active = 0, pending, stray;
	int round;

	scoped_guard(raw_spinlock_irqsave, &bank->lock) {
		if (clx->ops->query_active(clx, b, &active))
			return;
		pending = active & bank->enabled & ~bank->masked;
		stray = active & ~bank->enabled;
		if (unlikely(stray))
			gpio_clx_quiet_stray(clx, b, stray);
	}
	gpio_clx_dispatch(clx, b, pending, false);

	/* Emulated edges seen only by re-reading the level (rule 20). */
	for (round = 0; round < 4; round++) {
		scoped_guard(raw_spinlock_irqsave, &bank->lock) {
			pending = bank->replay & bank->enabled & ~bank->masked;
			bank->replay = 0;
		}
		if (likely(!pending))
			break;
		gpio_clx_dispatch(clx, b, pending, true);
	}
}

/**
 * gpio_clx_handle_primary() - run the primary interrupt service routine
 * @clx: the controller
 *
 * Reads every bank's active status and dispatches each active, enabled and
 * unmasked pin to its interrupt handler. The core calls this from the
 * chained handler it installs on the parent interrupt; a client registered
 * without a parent interrupt calls it from its own interrupt handler, in
 * hard-IRQ context.
 */
void gpio_clx_handle_primary(struct gpio_clx *clx)
{
	unsigned int b;

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

/* ---- irq_domain --------------------------------------------------------- */

static int gpio_clx_domain_map(struct irq_domain *domain, unsigned int virq,
			       irq_hw_number_t hwirq)
{
	struct gpio_clx *clx = domain->host_data;

	irq_set_lockdep_class(virq, &gpio_clx_lock_key, &gpio_clx_request_key);
	irq_set_chip_data(virq, clx);
	irq_set_chip_and_handler(virq, &gpio_clx_irq_chip, handle_bad_irq);
	/*
	 * disable_irq() masks at once instead of lazily acking on the next
	 * interrupt: edges while disabled stay latched in the hardware and are
	 * delivered by enable_irq() (rule 9), with no software resend needed.
	 */
	irq_set_status_flags(virq, IRQ_DISABLE_UNLAZY);
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

	scoped_guard(raw_spinlock_irqsave, &bank->lock)
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

	guard(raw_spinlock_irqsave)(&bank->lock);
	clx->ops->write_pins(clx, gpio_clx_bank_of(clx, offset),
			     value ? bit : 0, value ? 0 : bit);
}

static int gpio_clx_set_direction(struct gpio_clx *clx, unsigned int offset,
				  bool output, int value)
{
	struct gpio_clx_bank *bank = gpio_clx_bank(clx, offset);

	if (!clx->ops->set_direction)
		return output ? -EOPNOTSUPP : 0;
	guard(raw_spinlock_irqsave)(&bank->lock);
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
	scoped_guard(raw_spinlock_irqsave, &bank->lock)
		dir = clx->ops->get_direction(clx, gpio_clx_bank_of(clx, offset),
					      gpio_clx_pin_of(clx, offset));
	return dir;
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
	if (!(info->flags & GPIO_CLX_MEMORY_MAPPED))
		return dev_err_probe(dev, -EOPNOTSUPP,
				     "gpioclx: passive-level controllers are not supported yet\n");
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
			scoped_guard(raw_spinlock_irqsave, &clx->banks[b].lock)
				clx->ops->query_enabled(clx, b, &enabled);
		for (pin = 0; pin < npins; pin++)
			if (enabled & BIT_ULL(pin))
				clx->ops->disable_interrupt(clx, b, pin);
		if (clx->ops->clear_active)
			scoped_guard(raw_spinlock_irqsave, &clx->banks[b].lock)
				clx->ops->clear_active(clx, b, all);
	}
}

static void gpio_clx_remove_domain(void *data)
{
	struct gpio_clx *clx = data;
	unsigned int offset, virq;

	for (offset = 0; offset < clx->info.ngpio; offset++) {
		virq = irq_find_mapping(clx->domain, offset);
		if (virq)
			irq_dispose_mapping(virq);
	}
	irq_domain_remove(clx->domain);
}

static void gpio_clx_remove_chained(void *data)
{
	struct gpio_clx *clx = data;

	irq_set_chained_handler_and_data(clx->parent_irq, NULL, NULL);
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
	gc->can_sleep = false;
	gc->get = gpio_clx_get;
	if (clx->ops->write_pins)
		gc->set = gpio_clx_set;
	gc->direction_input = gpio_clx_direction_input;
	gc->direction_output = gpio_clx_direction_output;
	gc->get_direction = gpio_clx_get_direction;
	if (gpio_clx_has_irq_ops(clx->ops))
		gc->to_irq = gpio_clx_to_irq;
}

static int gpio_clx_add_domain(struct gpio_clx *clx)
{
	clx->domain = irq_domain_create_linear(dev_fwnode(clx->dev),
					       clx->info.ngpio,
					       &gpio_clx_domain_ops, clx);
	if (!clx->domain)
		return -ENOMEM;
	return devm_add_action_or_reset(clx->dev, gpio_clx_remove_domain, clx);
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
	clx->stats = __devm_alloc_percpu(dev,
					 info->ngpio * sizeof(*clx->stats),
					 __alignof__(*clx->stats));
	if (!clx->cfg || !clx->stats)
		return ERR_PTR(-ENOMEM);

	clx->dev = dev;
	clx->ops = ops;
	clx->info = *info;
	clx->priv = priv;
	clx->nbanks = nbanks;
	clx->parent_irq = parent_irq;
	for (b = 0; b < nbanks; b++)
		raw_spin_lock_init(&clx->banks[b].lock);

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
		irq_set_chained_handler_and_data(parent_irq,
						 gpio_clx_chained_handler, clx);
		ret = devm_add_action_or_reset(dev, gpio_clx_remove_chained,
					       clx);
		if (ret)
			return ERR_PTR(ret);
	}
	return clx;
}
EXPORT_SYMBOL_GPL(devm_gpio_clx_register);

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
 * gpio_clx_lock_bank() - acquire a bank's interrupt lock
 * @clx: the controller
 * @bank: bank number
 *
 * The counterpart of GPIO_CLX_AcquireInterruptLock (rule 18): client code
 * outside the ISR path takes it around register accesses that must not
 * interleave with the primary ISR or the irq_chip callbacks of that bank.
 * Interrupts are disabled while it is held.
 *
 * Return: saved interrupt flags, to pass to gpio_clx_unlock_bank().
 */
unsigned long gpio_clx_lock_bank(struct gpio_clx *clx, unsigned int bank)
	__acquires(&clx->banks[bank].lock)
{
	unsigned long flags;

	raw_spin_lock_irqsave(&clx->banks[bank].lock, flags);
	return flags;
}
EXPORT_SYMBOL_GPL(gpio_clx_lock_bank);

/**
 * gpio_clx_unlock_bank() - release a bank's interrupt lock
 * @clx: the controller
 * @bank: bank number
 * @flags: the value gpio_clx_lock_bank() returned
 */
void gpio_clx_unlock_bank(struct gpio_clx *clx, unsigned int bank,
			  unsigned long flags)
	__releases(&clx->banks[bank].lock)
{
	raw_spin_unlock_irqrestore(&clx->banks[bank].lock, flags);
}
EXPORT_SYMBOL_GPL(gpio_clx_unlock_bank);

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
		s = per_cpu_ptr(&clx->stats[offset], cpu);
		stats->primary += READ_ONCE(s->primary);
		stats->dispatched += READ_ONCE(s->dispatched);
		stats->spurious += READ_ONCE(s->spurious);
		stats->replayed += READ_ONCE(s->replayed);
	}
}
EXPORT_SYMBOL_GPL(gpio_clx_get_stats);

MODULE_DESCRIPTION("GpioClx interrupt model for GPIO controllers");
MODULE_LICENSE("GPL");
