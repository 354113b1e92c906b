// SPDX-License-Identifier: GPL-2.0-only
/*
 * gpioclx core: the irq_chip of a passive (bus-attached) controller.
 *
 * genirq calls an irq_chip under the descriptor's raw spinlock, where a
 * controller whose registers sit behind a sleeping bus cannot be touched.
 * The callbacks here only record what genirq wants, under the chip's
 * bus_lock (taken by irq_bus_lock() before the descriptor lock), and
 * irq_bus_sync_unlock() makes the hardware match it with the pin
 * operations every controller shares, where sleeping is allowed.
 */

#include <linux/device.h>
#include <linux/interrupt.h>
#include <linux/irq.h>

#include "gpio-clx-internal.h"

static void gpio_clx_bus_want(struct gpio_clx *clx, unsigned int offset,
			      u64 *field, bool set)
{
	lockdep_assert_held(&clx->bus_lock);
	gpio_clx_assign(field, gpio_clx_bit(clx, offset), set);
}

static void gpio_clx_bus_mask(struct irq_data *d)
{
	struct gpio_clx *clx = gpio_clx_irq_live(d);
	irq_hw_number_t hwirq = irqd_to_hwirq(d);

	if (!clx)
		return;

	gpio_clx_bus_want(clx, hwirq, &gpio_clx_bank(clx, hwirq)->want_masked,
			  true);
	gpiochip_disable_irq(&clx->gc, hwirq);
}

static void gpio_clx_bus_unmask(struct irq_data *d)
{
	struct gpio_clx *clx = gpio_clx_irq_live(d);
	irq_hw_number_t hwirq = irqd_to_hwirq(d);

	if (!clx)
		return;

	gpiochip_enable_irq(&clx->gc, hwirq);
	gpio_clx_bus_want(clx, hwirq, &gpio_clx_bank(clx, hwirq)->want_masked,
			  false);
}

static int gpio_clx_bus_set_type(struct irq_data *d, unsigned int type)
{
	struct gpio_clx *clx = gpio_clx_irq_live(d);
	irq_hw_number_t hwirq = irqd_to_hwirq(d);
	struct gpio_clx_irq_config cfg;
	int ret;

	if (!clx)
		return -ENODEV;

	ret = gpio_clx_irq_type_config(d, type, &cfg);
	if (ret)
		return ret;
	/*
	 * Recorded now, programmed by irq_bus_sync_unlock(). The pin's own
	 * configuration changes only once the hardware has taken the new
	 * one: if the client fails to reprogram it, the old one stays.
	 */
	clx->want_type[hwirq] = cfg;
	gpio_clx_bus_want(clx, hwirq, &gpio_clx_bank(clx, hwirq)->retype, true);
	return 0;
}

static unsigned int gpio_clx_bus_startup(struct irq_data *d)
{
	struct gpio_clx *clx = gpio_clx_irq_live(d);
	irq_hw_number_t hwirq = irqd_to_hwirq(d);
	struct gpio_clx_bank *bank;

	if (!clx)
		return 0;
	bank = gpio_clx_bank(clx, hwirq);

	gpiochip_enable_irq(&clx->gc, hwirq);
	gpio_clx_bus_want(clx, hwirq, &bank->want_enabled, true);
	gpio_clx_bus_want(clx, hwirq, &bank->want_masked, false);
	return 0;
}

static void gpio_clx_bus_shutdown(struct irq_data *d)
{
	struct gpio_clx *clx = gpio_clx_irq_live(d);
	irq_hw_number_t hwirq = irqd_to_hwirq(d);

	if (!clx)
		return;

	gpio_clx_bus_want(clx, hwirq, &gpio_clx_bank(clx, hwirq)->want_enabled,
			  false);
	gpiochip_disable_irq(&clx->gc, hwirq);
}

/*
 * A wake-up pin stays armed across system sleep, and so must the parent
 * interrupt (rule 27); the parent may sleep too: irq_bus_sync_unlock()
 * tells it.
 */
static int gpio_clx_bus_set_wake(struct irq_data *d, unsigned int on)
{
	struct gpio_clx *clx = gpio_clx_irq_live(d);
	irq_hw_number_t hwirq = irqd_to_hwirq(d);

	/* The unbind gave the parent's wake-up back already. */
	if (!clx)
		return on ? -ENODEV : 0;

	gpio_clx_bus_want(clx, hwirq, &gpio_clx_bank(clx, hwirq)->want_wake, on);
	return 0;
}

static void gpio_clx_bus_lock(struct irq_data *d)
{
	struct gpio_clx *clx = irq_data_get_irq_chip_data(d);

	mutex_lock(&clx->bus_lock);
}

/* The trigger set_type recorded, with the pin's other settings kept. */
static int gpio_clx_bus_retype(struct gpio_clx *clx, unsigned int offset)
{
	struct gpio_clx_irq_config cfg;

	guard(gpio_clx_bank)(gpio_clx_bank(clx, offset));
	cfg = clx->cfg[offset];
	cfg.mode = clx->want_type[offset].mode;
	cfg.polarity = clx->want_type[offset].polarity;
	return gpio_clx_pin_retype_locked(clx, offset, &cfg);
}

/* Make the hardware match what genirq asked for while the bus was held. */
static void gpio_clx_bus_sync_bank(struct gpio_clx *clx, unsigned int b)
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

		if (!(bank->want_enabled & bit) && (on & bit))
			gpio_clx_pin_disable(clx, base + pin);
		/* A pin not enabled only stores it, for its next enable. */
		if ((retype & bit) && gpio_clx_bus_retype(clx, base + pin))
			dev_err_ratelimited(clx->dev, "pin %u: reconfigure failed, old trigger kept\n",
					    base + pin);
		if (!(bank->want_enabled & bit))
			continue;
		if (!(on & bit))
			gpio_clx_pin_enable(clx, base + pin);
		if (bank->want_masked & bit)
			gpio_clx_pin_mask(clx, base + pin, true);
		else if (masked & bit)
			gpio_clx_pin_mask(clx, base + pin, false);
	}
}

/* Wake-up changes reach the parent here, where sleeping is allowed. */
static void gpio_clx_bus_sync_wake(struct gpio_clx *clx, unsigned int offset)
{
	struct gpio_clx_bank *bank = gpio_clx_bank(clx, offset);
	u64 bit = gpio_clx_bit(clx, offset);
	bool on = bank->want_wake & bit;

	lockdep_assert_held(&clx->bus_lock);
	if (on == !!(bank->wake & bit))
		return;
	if (clx->parent_irq > 0 && irq_set_irq_wake(clx->parent_irq, on)) {
		gpio_clx_bus_want(clx, offset, &bank->want_wake, !on);
		dev_err_ratelimited(clx->dev, "pin %u: parent refused wake-up\n",
				    offset);
		return;
	}
	guard(gpio_clx_bank)(bank);
	gpio_clx_assign(&bank->wake, bit, on);
}

static void gpio_clx_bus_sync_unlock(struct irq_data *d)
{
	struct gpio_clx *clx = irq_data_get_irq_chip_data(d);

	if (!clx->gone) {
		gpio_clx_bus_sync_bank(clx,
				       gpio_clx_bank_of(clx, irqd_to_hwirq(d)));
		gpio_clx_bus_sync_wake(clx, irqd_to_hwirq(d));
	}
	mutex_unlock(&clx->bus_lock);
}

const struct irq_chip gpio_clx_bus_irq_chip = {
	.irq_startup = gpio_clx_bus_startup,
	.irq_shutdown = gpio_clx_bus_shutdown,
	.irq_disable = gpio_clx_bus_mask,
	.irq_mask = gpio_clx_bus_mask,
	.irq_unmask = gpio_clx_bus_unmask,
	.irq_set_type = gpio_clx_bus_set_type,
	.irq_bus_lock = gpio_clx_bus_lock,
	.irq_bus_sync_unlock = gpio_clx_bus_sync_unlock,
	.irq_set_wake = gpio_clx_bus_set_wake,
	.irq_retrigger = gpio_clx_irq_retrigger,
	.irq_request_resources = gpio_clx_irq_reqres,
	.irq_release_resources = gpio_clx_irq_relres,
	.irq_print_chip = gpio_clx_irq_print_chip,
	.flags = IRQCHIP_IMMUTABLE,
};
