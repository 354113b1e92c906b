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

#include <linux/acpi.h>
#include <linux/device.h>
#include <linux/gpio/driver.h>
#include <linux/interrupt.h>
#include <linux/irq.h>
#include <linux/irqdesc.h>
#include <linux/irqdomain.h>
#include <linux/module.h>
#include <linux/pinctrl/pinconf-generic.h>
#include <linux/slab.h>

#include "gpio-clx-internal.h"

static struct gpio_clx *to_gpio_clx(struct gpio_chip *gc)
{
	return container_of(gc, struct gpio_clx, gc);
}

/* ---- irq_domain --------------------------------------------------------- */

#ifdef CONFIG_DEBUG_LOCK_ALLOC
static struct lock_class_key gpio_clx_lock_key;
static struct lock_class_key gpio_clx_request_key;

/*
 * A kernel without SPARSE_IRQ (UML) keeps its descriptors for good: one
 * outlives its mapping with the lock classes the mapping gave it, and
 * ours live in this module. Once the module is gone lockdep forgets them,
 * and the descriptor's next user would take its locks under a class that
 * no longer exists (a "bad unlock balance" in suspend_device_irqs() after
 * a reload). The classes the descriptor had are given back at unmap.
 */
static bool gpio_clx_lockdep_alloc(struct gpio_clx *clx)
{
	clx->lock_classes = kcalloc(clx->info.ngpio,
				    sizeof(*clx->lock_classes), GFP_KERNEL);
	return clx->lock_classes;
}

static void gpio_clx_lockdep_free(struct gpio_clx *clx)
{
	kfree(clx->lock_classes);
}

static void gpio_clx_lockdep_take(struct gpio_clx *clx, unsigned int virq,
				  irq_hw_number_t hwirq)
{
	struct irq_desc *desc = irq_data_to_desc(irq_get_irq_data(virq));

	clx->lock_classes[hwirq].lock = desc->lock.dep_map.key;
	clx->lock_classes[hwirq].lock_name = desc->lock.dep_map.name;
	clx->lock_classes[hwirq].request = desc->request_mutex.dep_map.key;
	clx->lock_classes[hwirq].request_name = desc->request_mutex.dep_map.name;
	irq_set_lockdep_class(virq, &gpio_clx_lock_key, &gpio_clx_request_key);
}

/* Key and name both: lockdep knows a class by the pair. */
static void gpio_clx_lockdep_give_back(struct gpio_clx *clx, unsigned int virq)
{
	struct irq_data *d = irq_get_irq_data(virq);
	struct irq_desc *desc = irq_data_to_desc(d);
	irq_hw_number_t hwirq = irqd_to_hwirq(d);

	lockdep_set_class_and_name(&desc->lock, clx->lock_classes[hwirq].lock,
				   clx->lock_classes[hwirq].lock_name);
	lockdep_set_class_and_name(&desc->request_mutex,
				   clx->lock_classes[hwirq].request,
				   clx->lock_classes[hwirq].request_name);
}
#else
static bool gpio_clx_lockdep_alloc(struct gpio_clx *clx)
{
	return true;
}

static void gpio_clx_lockdep_free(struct gpio_clx *clx)
{
}

static void gpio_clx_lockdep_take(struct gpio_clx *clx, unsigned int virq,
				  irq_hw_number_t hwirq)
{
}

static void gpio_clx_lockdep_give_back(struct gpio_clx *clx, unsigned int virq)
{
}
#endif

static int gpio_clx_domain_map(struct irq_domain *domain, unsigned int virq,
			       irq_hw_number_t hwirq)
{
	struct gpio_clx *clx = domain->host_data;

	gpio_clx_lockdep_take(clx, virq, hwirq);
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
	gpio_clx_lockdep_give_back(domain->host_data, virq);
}

/*
 * A consumer's <&controller PIN TYPE> from the device tree: a pin the
 * controller does not have, or a trigger the core cannot program, is
 * refused here with one line, before genirq would warn about it.
 */
static int gpio_clx_domain_xlate(struct irq_domain *domain,
				 struct device_node *node, const u32 *spec,
				 unsigned int cells, unsigned long *hwirq,
				 unsigned int *type)
{
	struct gpio_clx *clx = domain->host_data;

	if (cells != 2) {
		dev_err(clx->dev, "interrupt specifier has %u cells, needs 2\n",
			cells);
		return -EINVAL;
	}
	if (spec[0] >= clx->info.ngpio) {
		dev_err(clx->dev, "interrupt on pin %u, which does not exist (%u pins)\n",
			spec[0], clx->info.ngpio);
		return -EINVAL;
	}
	switch (spec[1]) {
	case IRQ_TYPE_NONE:
	case IRQ_TYPE_EDGE_RISING:
	case IRQ_TYPE_EDGE_FALLING:
	case IRQ_TYPE_EDGE_BOTH:
	case IRQ_TYPE_LEVEL_HIGH:
	case IRQ_TYPE_LEVEL_LOW:
		break;
	default:
		dev_err(clx->dev, "pin %u: interrupt type %#x is not a trigger the controller has\n",
			spec[0], spec[1]);
		return -EINVAL;
	}
	*hwirq = spec[0];
	*type = spec[1];
	return 0;
}

/*
 * An unbound controller's domain stays until the last holder of one of its
 * interrupts lets go (see gpio_clx_detach()); a consumer probing meanwhile,
 * or a rebound controller, must not find it.
 */
static int gpio_clx_domain_select(struct irq_domain *domain,
				  struct irq_fwspec *fwspec,
				  enum irq_domain_bus_token bus_token)
{
	struct gpio_clx *clx = domain->host_data;

	return fwspec->fwnode && fwspec->fwnode == domain->fwnode &&
	       !READ_ONCE(clx->gone) &&
	       (bus_token == DOMAIN_BUS_ANY || domain->bus_token == bus_token);
}

static const struct irq_domain_ops gpio_clx_domain_ops = {
	.map = gpio_clx_domain_map,
	.unmap = gpio_clx_domain_unmap,
	.xlate = gpio_clx_domain_xlate,
	.select = gpio_clx_domain_select,
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

static int gpio_clx_set(struct gpio_chip *gc, unsigned int offset, int value)
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
	return ret;
}

#ifdef GPIO_CLX_CHIP_SET_IS_VOID
/* A kernel whose ->set cannot fail the caller: the failure is only logged. */
static void gpio_clx_chip_set(struct gpio_chip *gc, unsigned int offset,
			      int value)
{
	gpio_clx_set(gc, offset, value);
}
#else
#define gpio_clx_chip_set gpio_clx_set
#endif

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

/*
 * The first request of a pin's interrupt maps it, which takes an interrupt
 * descriptor. On a kernel without SPARSE_IRQ there are NR_IRQS of them for
 * the whole system, and when they are all in use the mapping fails; the
 * character device then only tells userspace ENODEV (v1) or ENXIO (v2),
 * so say why here.
 */
static int gpio_clx_to_irq(struct gpio_chip *gc, unsigned int offset)
{
	struct gpio_clx *clx = to_gpio_clx(gc);
	unsigned int virq = irq_create_mapping(clx->domain, offset);

	if (!virq) {
		dev_warn_ratelimited(clx->dev,
				     "pin %u: cannot map its interrupt: no interrupt descriptor is free (%u in all)\n",
				     offset, irq_get_nr_irqs());
		return -ENXIO;
	}
	return virq;
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
		if (clx->ops->query_enabled) {
			scoped_guard(gpio_clx_bank, &clx->banks[b])
				if (clx->ops->query_enabled(clx, b, &enabled))
					enabled = all;
		}
		for (pin = 0; pin < npins; pin++)
			if (enabled & BIT_ULL(pin))
				clx->ops->disable_interrupt(clx, b, pin);
		if (clx->ops->clear_active) {
			scoped_guard(gpio_clx_bank, &clx->banks[b])
				clx->ops->clear_active(clx, b, all);
		}
	}
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
		gc->set = gpio_clx_chip_set;
	gc->direction_input = gpio_clx_direction_input;
	gc->direction_output = gpio_clx_direction_output;
	gc->get_direction = gpio_clx_get_direction;
	if (gpio_clx_has_irq_ops(clx->ops)) {
		gc->to_irq = gpio_clx_to_irq;
		gc->set_config = gpio_clx_set_config;
		gc->free = gpio_clx_free;
	}
}

/* ---- lifetime ------------------------------------------------------------ */

/*
 * A controller is freed when its binding and the last holder of one of its
 * interrupts are both gone. Until then its memory, its domain and the
 * mappings in it stay: a userspace line request or a consumer's
 * request_irq() may free an interrupt long after the unbind, and genirq
 * then still calls the irq_chip and reads the domain. gpio_clx_detach()
 * makes the callbacks inert at the unbind; the last put disposes of the
 * mappings and frees everything.
 */

static struct workqueue_struct *gpio_clx_wq;

static void gpio_clx_destroy(struct gpio_clx *clx)
{
	unsigned int b;

	gpio_clx_debounce_free(clx);
	for (b = 0; b < clx->nbanks; b++)
		free_percpu(clx->banks[b].stats);
	bitmap_free(clx->reserved);
	bitmap_free(clx->resend);
	kfree(clx->cfg);
	kfree(clx->want_type);
	gpio_clx_lockdep_free(clx);
	put_device(clx->dev);
	kfree(clx);
	module_put(THIS_MODULE);
}

static void gpio_clx_reap(struct gpio_clx *clx)
{
	unsigned int offset, virq;

	/*
	 * A holder's free_irq() still runs a few steps of genirq after our
	 * release_resources (the bus sync, and a read of the domain): none of
	 * them sleeps, so once every task has switched voluntarily it is over.
	 */
	if (clx->released_late)
		synchronize_rcu_tasks();
	if (clx->domain) {
		for (offset = 0; offset < clx->info.ngpio; offset++) {
			virq = irq_find_mapping(clx->domain, offset);
			if (virq)
				irq_dispose_mapping(virq);
		}
		irq_domain_remove(clx->domain);
	}
	gpio_clx_destroy(clx);
}

static void gpio_clx_reap_work(struct work_struct *work)
{
	gpio_clx_reap(container_of(work, struct gpio_clx, reap));
}

/* A holder let go (release_resources, in the middle of free_irq()). */
void gpio_clx_put(struct gpio_clx *clx)
{
	if (refcount_dec_and_test(&clx->users))
		queue_work(gpio_clx_wq, &clx->reap);
}

/* The binding's reference, last of the unbind: nobody else is in genirq. */
static void gpio_clx_drop(void *data)
{
	struct gpio_clx *clx = data;

	if (refcount_dec_and_test(&clx->users))
		gpio_clx_reap(clx);
}

/* Wake-up arms the parent once per pin: give those back. */
static void gpio_clx_disarm_wake(struct gpio_clx *clx)
{
	struct gpio_clx_bank *bank;
	unsigned int b, pin;
	u64 wake;

	for (b = 0; b < clx->nbanks; b++) {
		bank = &clx->banks[b];
		scoped_guard(gpio_clx_bank, bank) {
			wake = bank->wake;
			bank->wake = 0;
			bank->want_wake = 0;
		}
		for (pin = 0; pin < clx->info.pins_per_bank; pin++)
			if ((wake & BIT_ULL(pin)) && clx->parent_irq > 0)
				irq_set_irq_wake(clx->parent_irq, 0);
	}
}

/*
 * The unbind, after the parent interrupt is let go and before gpiolib lets
 * go of the chip. From here the irq_chip callbacks do nothing but their
 * bookkeeping: the client and gpiolib's descriptors are about to go. The
 * hardware is left with every interrupt disabled, as at registration.
 */
static void gpio_clx_detach(void *data)
{
	struct gpio_clx *clx = data;
	unsigned int offset;

	if (clx->passive)
		mutex_lock(&clx->bus_lock);
	scoped_guard(mutex, &clx->life_lock) {
		WRITE_ONCE(clx->gone, true);
		/* Released again in their release_resources, now a no-op. */
		for_each_set_bit(offset, clx->reserved, clx->info.ngpio)
			gpiochip_relres_irq(&clx->gc, offset);
	}
	if (clx->passive)
		mutex_unlock(&clx->bus_lock);
	/* Memory-mapped callbacks run with interrupts off: wait them out. */
	synchronize_rcu();
	if (!clx->domain)
		return;
	gpio_clx_debounce_stop_all(clx);
	gpio_clx_resend_stop(clx);
	gpio_clx_disarm_wake(clx);
	gpio_clx_quiesce(clx);
}

static void gpio_clx_acpi_events_free(void *data)
{
	struct gpio_clx *clx = data;

	acpi_gpiochip_free_interrupts(&clx->gc);
}

/*
 * The ACPI event pins of the controller's _AEI, each with its _Exx, _Lxx or
 * _EVT method: gpiolib requests them itself only for a chip whose
 * interrupt domain it made (GPIOLIB_IRQCHIP), so a core with a domain of
 * its own asks for them. That is once the domain and the parent work, so
 * an event can come at once; they are let go of first at the unbind, while
 * the controller still serves them. A device without an ACPI companion
 * has none, and a kernel without ACPI makes this nothing.
 */
static int gpio_clx_acpi_events(struct gpio_clx *clx)
{
	if (!IS_ENABLED(CONFIG_GPIO_ACPI) || !clx->domain ||
	    !has_acpi_companion(clx->dev))
		return 0;
	acpi_gpiochip_request_interrupts(&clx->gc);
	return devm_add_action_or_reset(clx->dev, gpio_clx_acpi_events_free,
					clx);
}

static struct gpio_clx *gpio_clx_alloc(struct device *dev,
				       const struct gpio_clx_info *info)
{
	unsigned int nbanks = DIV_ROUND_UP(info->ngpio, info->pins_per_bank);
	struct gpio_clx *clx;
	unsigned int b;

	clx = kzalloc(struct_size(clx, banks, nbanks), GFP_KERNEL);
	if (!clx)
		return NULL;
	clx->info = *info;
	clx->nbanks = nbanks;
	clx->passive = !(info->flags & GPIO_CLX_MEMORY_MAPPED);
	clx->cfg = kcalloc(info->ngpio, sizeof(*clx->cfg), GFP_KERNEL);
	clx->want_type = kcalloc(info->ngpio, sizeof(*clx->want_type),
				 GFP_KERNEL);
	clx->reserved = bitmap_zalloc(info->ngpio, GFP_KERNEL);
	clx->resend = bitmap_zalloc(info->ngpio, GFP_KERNEL);
	for (b = 0; b < nbanks; b++) {
		clx->banks[b].stats =
			__alloc_percpu(info->pins_per_bank *
				       sizeof(struct gpio_clx_stats),
				       __alignof__(struct gpio_clx_stats));
		if (!clx->banks[b].stats)
			break;
		raw_spin_lock_init(&clx->banks[b].lock);
		mutex_init(&clx->banks[b].mutex);
		clx->banks[b].passive = clx->passive;
	}
	clx->dev = get_device(dev);
	refcount_set(&clx->users, 1);
	mutex_init(&clx->bus_lock);
	mutex_init(&clx->config_lock);
	mutex_init(&clx->life_lock);
	INIT_WORK(&clx->reap, gpio_clx_reap_work);
	gpio_clx_resend_init(clx);
	/* The irq_chip callbacks of a controller that outlives its client. */
	__module_get(THIS_MODULE);
	if (!clx->cfg || !clx->want_type || !clx->reserved || !clx->resend ||
	    !gpio_clx_lockdep_alloc(clx) || b < nbanks) {
		gpio_clx_destroy(clx);
		return NULL;
	}
	return clx;
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
 *	for a passive one; none with GPIO_CLX_CLIENT_SERVICES_PARENT, where
 *	the client calls gpio_clx_handle_primary() itself and the core only
 *	arms the parent for a wake-up pin; 0 when there is no parent to arm
 *
 * Validates the packet, puts the hardware in a known state (every interrupt
 * disabled, status cleared), then creates the interrupt domain and the
 * gpio_chip. Everything is undone when @dev is unbound: the unbind disables
 * every interrupt in the hardware (the client's callbacks are still called
 * then, so @ops and @priv must live until the client's own resources go)
 * and calls the client no more after that. Interrupts a consumer still
 * holds stay valid numbers until it frees them; nothing more reaches it.
 *
 * Return: the controller, or an ERR_PTR(); -EINVAL for an incomplete packet.
 */
struct gpio_clx *devm_gpio_clx_register(struct device *dev,
					const struct gpio_clx_info *info,
					const struct gpio_clx_ops *ops,
					void *priv, int parent_irq)
{
	struct gpio_clx *clx;
	int ret;

	ret = gpio_clx_validate(dev, info, ops);
	if (ret)
		return ERR_PTR(ret);
	clx = gpio_clx_alloc(dev, info);
	if (!clx)
		return ERR_PTR(-ENOMEM);
	clx->ops = ops;
	clx->priv = priv;
	clx->parent_irq = parent_irq;
	/* From here on the last put frees it, now or after the last holder. */
	ret = devm_add_action_or_reset(dev, gpio_clx_drop, clx);
	if (ret)
		return ERR_PTR(ret);

	if (gpio_clx_has_irq_ops(ops)) {
		gpio_clx_quiesce(clx);
		clx->domain = irq_domain_create_linear(dev_fwnode(dev),
						       info->ngpio,
						       &gpio_clx_domain_ops,
						       clx);
		if (!clx->domain)
			return ERR_PTR(dev_err_probe(dev, -ENOMEM,
						     "gpioclx: cannot create irq domain\n"));
	}

	gpio_clx_init_chip(clx, dev);
	ret = devm_gpiochip_add_data(dev, &clx->gc, clx);
	if (ret)
		return ERR_PTR(dev_err_probe(dev, ret,
					     "gpioclx: cannot add gpio chip\n"));
	/* Runs before gpiolib lets go of the chip, after the parent. */
	ret = devm_add_action_or_reset(dev, gpio_clx_detach, clx);
	if (ret)
		return ERR_PTR(ret);

	if (parent_irq > 0 && clx->domain &&
	    !(info->flags & GPIO_CLX_CLIENT_SERVICES_PARENT)) {
		ret = gpio_clx_connect_parent(clx);
		if (ret)
			return ERR_PTR(dev_err_probe(dev, ret,
						     "gpioclx: cannot take parent interrupt %d\n",
						     parent_irq));
	}
	ret = gpio_clx_acpi_events(clx);
	if (ret)
		return ERR_PTR(ret);
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
	/*
	 * Only the reaping of unbound controllers runs here, on no CPU in
	 * particular (newer kernels ask every workqueue to say so).
	 */
	gpio_clx_wq = alloc_workqueue("gpio-clx", WQ_UNBOUND, 0);
	if (!gpio_clx_wq)
		return -ENOMEM;
	gpio_clx_debugfs_init();
	return 0;
}
module_init(gpio_clx_init);

static void __exit gpio_clx_exit(void)
{
	gpio_clx_debugfs_exit();
	/* A controller's last reap may still be returning from its work. */
	destroy_workqueue(gpio_clx_wq);
}
module_exit(gpio_clx_exit);

MODULE_DESCRIPTION("GpioClx interrupt model for GPIO controllers");
MODULE_LICENSE("GPL");
