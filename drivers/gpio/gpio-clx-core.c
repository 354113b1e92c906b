// SPDX-License-Identifier: GPL-2.0-only
/*
 * gpioclx core: the GpioClx interrupt model on gpiolib and genirq.
 *
 * A client controller driver registers a description of its pins and banks
 * and a packet of bank-oriented callbacks (struct gpio_clx_ops). The core
 * builds the gpio_chip, an immutable irq_chip and an irq_domain whose hwirq
 * is bank * pins_per_bank + pin (the GSI of GpioClx), and runs the primary
 * interrupt service routine (gpio-clx-isr.c). This file registers a
 * controller, serves its gpio_chip and its domain, and holds the small
 * accessors the client API exports.
 *
 * The core, not the client, is the authority on which pins are enabled and
 * masked: the client only programs registers. That lets the ISR tell a
 * genuine interrupt from a stray one without trusting a cache the client
 * may have got wrong.
 */

#include <linux/device.h>
#include <linux/gpio/driver.h>
#include <linux/interrupt.h>
#include <linux/irq.h>
#include <linux/irqdomain.h>
#include <linux/module.h>
#include <linux/pinctrl/pinconf-generic.h>
#include <linux/slab.h>

#include "gpio-clx-internal.h"

static struct lock_class_key gpio_clx_lock_key;
static struct lock_class_key gpio_clx_request_key;

static struct gpio_clx *to_gpio_clx(struct gpio_chip *gc)
{
	return container_of(gc, struct gpio_clx, gc);
}

/* ---- irq_domain --------------------------------------------------------- */

static int gpio_clx_domain_map(struct irq_domain *domain, unsigned int virq,
			       irq_hw_number_t hwirq)
{
	struct gpio_clx *clx = domain->host_data;

	irq_set_lockdep_class(virq, &gpio_clx_lock_key, &gpio_clx_request_key);
	irq_set_chip_data(virq, clx);
	if (clx->passive) {
		irq_set_chip_and_handler(virq, &gpio_clx_bus_irq_chip,
					 handle_simple_irq);
		irq_set_nested_thread(virq, true);
	} else {
		/* Matches the zeroed configuration: level, active high. */
		irq_set_chip_and_handler(virq, &gpio_clx_mmio_irq_chip,
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

	int ret;

	scoped_guard(gpio_clx_bank, bank)
		ret = clx->ops->write_pins(clx, gpio_clx_bank_of(clx, offset),
					   value ? bit : 0, value ? 0 : bit);
	if (ret)
		dev_err_ratelimited(clx->dev, "pin %u: write failed: %d\n",
				    offset, ret);
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
				if (clx->ops->query_enabled(clx, b, &enabled))
					enabled = all;
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
 *	primary handler: chained for a memory-mapped controller, threaded
 *	(IRQF_ONESHOT, with the client's pre_process as its hard-IRQ half)
 *	for a passive one; 0 when the client calls gpio_clx_handle_primary()
 *	itself
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
					    sizeof(struct gpio_clx_stats),
					    __alignof__(struct gpio_clx_stats));
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
	const struct gpio_clx_stats *s;
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
	gpio_clx_debugfs_init();
	return 0;
}
module_init(gpio_clx_init);

static void __exit gpio_clx_exit(void)
{
	gpio_clx_debugfs_exit();
}
module_exit(gpio_clx_exit);

MODULE_DESCRIPTION("GpioClx interrupt model for GPIO controllers");
MODULE_LICENSE("GPL");
