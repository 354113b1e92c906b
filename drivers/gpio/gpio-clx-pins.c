// SPDX-License-Identifier: GPL-2.0-only
/*
 * gpioclx core: the bank lock, pin operations and the memory-mapped irq_chip.
 *
 * The operations here program one pin through the client's callbacks and
 * keep the bank's view of it; both kinds of controller use them, the
 * memory-mapped irq_chip straight from genirq's callbacks, the passive one
 * from irq_bus_sync_unlock(). A pin can be held masked for several reasons
 * at once (genirq's mask, the debouncer, a missing mapping, system sleep):
 * the hardware is masked while any of them holds it and unmasked when the
 * last one lets go.
 */

#include <linux/device.h>
#include <linux/export.h>
#include <linux/interrupt.h>
#include <linux/irq.h>
#include <linux/seq_file.h>

#include "gpio-clx-internal.h"

/* ---- the bank's interrupt lock ------------------------------------------ */

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

/* ---- pin operations ------------------------------------------------------ */

/*
 * Rule 3: a passive controller may fail to mask some pins. Try once more;
 * what still fails is remembered so the next mask of the bank retries it.
 * The core's own view keeps such a pin masked, so it is never dispatched.
 */
void gpio_clx_hw_mask(struct gpio_clx *clx, unsigned int b, u64 mask)
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

void gpio_clx_pin_unmask_hw(struct gpio_clx *clx, unsigned int offset)
{
	struct gpio_clx_bank *bank = gpio_clx_bank(clx, offset);
	struct gpio_clx_irq_config cfg;

	gpio_clx_assert_held(bank);
	bank->mask_failed &= ~gpio_clx_bit(clx, offset);
	cfg = gpio_clx_hw_config(clx, offset);
	clx->ops->unmask_interrupt(clx, gpio_clx_bank_of(clx, offset),
				   gpio_clx_pin_of(clx, offset), &cfg);
	/* An edge kept for this unmask (gpio_clx_drain_replay()). */
	if (unlikely(bank->replay_held & gpio_clx_bit(clx, offset))) {
		bank->replay_held &= ~gpio_clx_bit(clx, offset);
		gpio_clx_replay_later(clx, offset);
	}
}

/* Hold a pin masked for one reason, @hold one of the bank's hold fields. */
void gpio_clx_hold(struct gpio_clx *clx, unsigned int offset, u64 *hold)
{
	struct gpio_clx_bank *bank = gpio_clx_bank(clx, offset);
	u64 bit = gpio_clx_bit(clx, offset);
	bool was_held = gpio_clx_held(bank) & bit;

	gpio_clx_assert_held(bank);
	*hold |= bit;
	if (!was_held)
		gpio_clx_hw_mask(clx, gpio_clx_bank_of(clx, offset), bit);
}

/* Let go of one hold; the pin unmasks when no other holds it. */
void gpio_clx_release(struct gpio_clx *clx, unsigned int offset, u64 *hold)
{
	struct gpio_clx_bank *bank = gpio_clx_bank(clx, offset);
	u64 bit = gpio_clx_bit(clx, offset);

	gpio_clx_assert_held(bank);
	if (!(*hold & bit))
		return;
	*hold &= ~bit;
	if (!(gpio_clx_held(bank) & bit))
		gpio_clx_pin_unmask_hw(clx, offset);
}

/*
 * genirq's mask and unmask. An unmask reaches the hardware whenever no
 * hold of the core's keeps the pin masked, even if the core's view had it
 * unmasked already: that also retries a mask the hardware refused.
 */
void gpio_clx_pin_mask(struct gpio_clx *clx, unsigned int offset, bool mask)
{
	struct gpio_clx_bank *bank = gpio_clx_bank(clx, offset);
	u64 bit = gpio_clx_bit(clx, offset);

	guard(gpio_clx_bank)(bank);
	if (mask) {
		gpio_clx_hold(clx, offset, &bank->masked);
		return;
	}
	bank->masked &= ~bit;
	if (!(gpio_clx_held(bank) & bit))
		gpio_clx_pin_unmask_hw(clx, offset);
}

/* Everything the bank knows of a pin goes: it is neither enabled nor held. */
static void gpio_clx_pin_forget(struct gpio_clx *clx, unsigned int offset)
{
	struct gpio_clx_bank *bank = gpio_clx_bank(clx, offset);
	u64 keep = ~gpio_clx_bit(clx, offset);

	gpio_clx_assert_held(bank);
	bank->enabled &= keep;
	bank->masked &= keep;
	bank->debouncing &= keep;
	bank->unmapped &= keep;
	bank->asleep &= keep;
	bank->mask_failed &= keep;
	bank->edge &= keep;
	bank->emul &= keep;
	bank->emul_rising &= keep;
	bank->replay &= keep;
	bank->replay_held &= keep;
}

/*
 * Rule 5: program and enable; a freshly enabled pin is unmasked. The core
 * marks the pin enabled before the client sets the hardware enable bit, so
 * an interrupt that fires at once is never mistaken for a stray one; the
 * client takes the bank lock itself (rule 17).
 */
void gpio_clx_pin_enable(struct gpio_clx *clx, unsigned int offset)
{
	struct gpio_clx_bank *bank = gpio_clx_bank(clx, offset);
	u64 bit = gpio_clx_bit(clx, offset);
	struct gpio_clx_irq_config cfg;
	int ret;

	scoped_guard(gpio_clx_bank, bank) {
		gpio_clx_pin_forget(clx, offset);
		bank->enabled |= bit;
		gpio_clx_track_mode(clx, offset);
		cfg = gpio_clx_hw_config(clx, offset);
		if (bank->debounce & bit)
			gpio_clx_debounce_note_level(clx, offset);
	}
	ret = clx->ops->enable_interrupt(clx, gpio_clx_bank_of(clx, offset),
					 gpio_clx_pin_of(clx, offset), &cfg);
	if (ret) {
		dev_err_ratelimited(clx->dev, "pin %u: enable failed: %d\n",
				    offset, ret);
		scoped_guard(gpio_clx_bank, bank)
			gpio_clx_pin_forget(clx, offset);
		return;
	}

	/* The level may have moved since it was read above. */
	scoped_guard(gpio_clx_bank, bank)
		gpio_clx_emul_settle(clx, offset);
}

/*
 * Disabling forgets the configuration; the next enable programs it anew
 * (rule 7).
 */
void gpio_clx_pin_disable(struct gpio_clx *clx, unsigned int offset)
{
	clx->ops->disable_interrupt(clx, gpio_clx_bank_of(clx, offset),
				    gpio_clx_pin_of(clx, offset));
	guard(gpio_clx_bank)(gpio_clx_bank(clx, offset));
	gpio_clx_pin_forget(clx, offset);
}

/*
 * Rule 21: a live pin is reconfigured by the client, which clears status
 * left from the old configuration. On failure the old one stays.
 */
int gpio_clx_pin_retype_locked(struct gpio_clx *clx, unsigned int offset,
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
		return ret;
	}
	gpio_clx_emul_settle(clx, offset);
	return 0;
}

int gpio_clx_pin_retype(struct gpio_clx *clx, unsigned int offset,
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

/*
 * The configuration trigger @type asks of @d's pin: its current one with
 * mode and polarity replaced. An unsupported trigger is refused with
 * -EINVAL before anything is touched (rule 19).
 */
int gpio_clx_irq_type_config(struct irq_data *d, unsigned int type,
			     struct gpio_clx_irq_config *cfg)
{
	struct gpio_clx *clx = irq_data_get_irq_chip_data(d);
	unsigned int i;

	*cfg = clx->cfg[irqd_to_hwirq(d)];
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

/* ---- irq_chip callbacks of both chips ------------------------------------ */

/*
 * Our own resource helpers: gpiolib's GPIOCHIP_IRQ_RESOURCE_HELPERS exist
 * only with CONFIG_GPIOLIB_IRQCHIP, which a distribution kernel need not
 * have; these do the same through the always-exported calls.
 */
int gpio_clx_irq_reqres(struct irq_data *d)
{
	struct gpio_clx *clx = irq_data_get_irq_chip_data(d);
	irq_hw_number_t hwirq = irqd_to_hwirq(d);
	int ret;

	guard(mutex)(&clx->life_lock);
	if (clx->gone)
		return -ENODEV;
	ret = gpiochip_reqres_irq(&clx->gc, hwirq);
	if (ret)
		return ret;
	__set_bit(hwirq, clx->reserved);
	refcount_inc(&clx->users);
	return 0;
}

/* After the unbind gpiolib's part was released already (gpio_clx_detach()). */
void gpio_clx_irq_relres(struct irq_data *d)
{
	struct gpio_clx *clx = irq_data_get_irq_chip_data(d);
	irq_hw_number_t hwirq = irqd_to_hwirq(d);

	scoped_guard(mutex, &clx->life_lock) {
		if (!__test_and_clear_bit(hwirq, clx->reserved))
			return;
		if (clx->gone)
			clx->released_late = true;
		else
			gpiochip_relres_irq(&clx->gc, hwirq);
	}
	gpio_clx_put(clx);
}

void gpio_clx_irq_print_chip(struct irq_data *d, struct seq_file *p)
{
	struct gpio_clx *clx = irq_data_get_irq_chip_data(d);

	seq_puts(p, dev_name(clx->dev));
}

/* ---- the memory-mapped irq_chip ------------------------------------------ */

/*
 * The mask callback is irq_disable too: disable_irq() then masks at once
 * instead of lazily on the next interrupt, so edges while disabled stay
 * latched in the hardware and enable_irq() delivers them (rule 9), with no
 * software resend. (IRQ_DISABLE_UNLAZY would do the same, but genirq clears
 * it on every last free_irq().) The passive chip does the same.
 */
static void gpio_clx_mmio_mask(struct irq_data *d)
{
	struct gpio_clx *clx = gpio_clx_irq_live(d);

	if (!clx)
		return;

	gpio_clx_pin_mask(clx, irqd_to_hwirq(d), true);
	/* Rule 23: tell gpiolib after the hardware is masked. */
	gpiochip_disable_irq(&clx->gc, irqd_to_hwirq(d));
}

static void gpio_clx_mmio_unmask(struct irq_data *d)
{
	struct gpio_clx *clx = gpio_clx_irq_live(d);

	if (!clx)
		return;

	/* Rule 23: tell gpiolib before the hardware can interrupt. */
	gpiochip_enable_irq(&clx->gc, irqd_to_hwirq(d));
	gpio_clx_pin_mask(clx, irqd_to_hwirq(d), false);
}

/*
 * handle_edge_irq() acks before the handler; the primary ISR has already
 * cleared the status it dispatches, under the bank lock it held anyway.
 */
static void gpio_clx_mmio_ack(struct irq_data *d)
{
}

static int gpio_clx_mmio_set_type(struct irq_data *d, unsigned int type)
{
	struct gpio_clx *clx = gpio_clx_irq_live(d);
	struct gpio_clx_irq_config cfg;
	int ret;

	if (!clx)
		return -ENODEV;

	ret = gpio_clx_irq_type_config(d, type, &cfg);
	if (ret)
		return ret;
	ret = gpio_clx_pin_retype(clx, irqd_to_hwirq(d), &cfg);
	if (ret)
		return ret;
	irq_set_handler_locked(d, cfg.mode == GPIO_CLX_MODE_EDGE ?
				  handle_edge_irq : handle_level_irq);
	return 0;
}

/* The first handler connected: a shared pin is enabled once (rule 9). */
static unsigned int gpio_clx_mmio_startup(struct irq_data *d)
{
	struct gpio_clx *clx = gpio_clx_irq_live(d);

	if (!clx)
		return 0;

	gpiochip_enable_irq(&clx->gc, irqd_to_hwirq(d));
	gpio_clx_pin_enable(clx, irqd_to_hwirq(d));
	return 0;
}

/* The last handler gone: only now is the pin disabled (rule 9). */
static void gpio_clx_mmio_shutdown(struct irq_data *d)
{
	struct gpio_clx *clx = gpio_clx_irq_live(d);

	if (!clx)
		return;

	gpio_clx_pin_disable(clx, irqd_to_hwirq(d));
	gpiochip_disable_irq(&clx->gc, irqd_to_hwirq(d));
}

/*
 * A wake-up pin stays armed across system sleep, and so must the parent
 * interrupt (rule 27).
 */
static int gpio_clx_mmio_set_wake(struct irq_data *d, unsigned int on)
{
	struct gpio_clx *clx = gpio_clx_irq_live(d);
	irq_hw_number_t hwirq = irqd_to_hwirq(d);
	struct gpio_clx_bank *bank;
	int ret;

	/* The unbind gave the parent's wake-up back already. */
	if (!clx)
		return on ? -ENODEV : 0;
	bank = gpio_clx_bank(clx, hwirq);

	if (clx->parent_irq > 0) {
		ret = irq_set_irq_wake(clx->parent_irq, on);
		if (ret)
			return ret;
	}
	guard(gpio_clx_bank)(bank);
	gpio_clx_assign(&bank->wake, gpio_clx_bit(clx, hwirq), on);
	return 0;
}

const struct irq_chip gpio_clx_mmio_irq_chip = {
	.irq_startup = gpio_clx_mmio_startup,
	.irq_shutdown = gpio_clx_mmio_shutdown,
	.irq_ack = gpio_clx_mmio_ack,
	.irq_disable = gpio_clx_mmio_mask,
	.irq_mask = gpio_clx_mmio_mask,
	.irq_unmask = gpio_clx_mmio_unmask,
	.irq_set_type = gpio_clx_mmio_set_type,
	.irq_set_wake = gpio_clx_mmio_set_wake,
	.irq_retrigger = gpio_clx_irq_retrigger,
	.irq_request_resources = gpio_clx_irq_reqres,
	.irq_release_resources = gpio_clx_irq_relres,
	.irq_print_chip = gpio_clx_irq_print_chip,
	.flags = IRQCHIP_IMMUTABLE,
};
