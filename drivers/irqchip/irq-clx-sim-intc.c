// SPDX-License-Identifier: GPL-2.0-only
/*
 * Simulated level-sensitive interrupt controller for the gpioclx test board.
 *
 * A real board routes a GPIO controller's summary interrupt to its SoC
 * interrupt controller. On the User Mode Linux test board this driver plays
 * that part: a device drives one of its inputs through
 * irq_set_irqchip_state(IRQCHIP_STATE_PENDING), which here sets the input
 * *level*. While an input is high and unmasked the controller "interrupts the
 * CPU" by starting a zero-delay hard hrtimer; its callback runs in hard-IRQ
 * context and calls the flow handler of every such input, so a chained
 * handler downstream gets the same context it would get on hardware without
 * waiting for the next tick. Re-evaluating the lines on unmask models level
 * semantics: a line still asserted when it is unmasked fires again.
 */

#include <linux/bitmap.h>
#include <linux/hrtimer.h>
#include <linux/interrupt.h>
#include <linux/irq.h>
#include <linux/irqdomain.h>
#include <linux/module.h>
#include <linux/of.h>
#include <linux/platform_device.h>
#include <linux/spinlock.h>

#include "gpio-clx-compat.h"

#define SIM_INTC_MAX_LINES	32

struct sim_intc {
	struct device *dev;
	struct irq_domain *domain;
	struct hrtimer timer;
	raw_spinlock_t lock;
	unsigned long level;	/* input levels, driven by devices */
	unsigned long masked;
	u32 nlines;
	bool dead;		/* being removed: raise nothing any more */
};

static unsigned long sim_intc_firing(struct sim_intc *intc)
{
	lockdep_assert_held(&intc->lock);
	return intc->level & ~intc->masked;
}

static void sim_intc_kick(struct sim_intc *intc)
{
	lockdep_assert_held(&intc->lock);
	if (!intc->dead && sim_intc_firing(intc))
		hrtimer_start(&intc->timer, 0, HRTIMER_MODE_REL_HARD);
}

static enum hrtimer_restart sim_intc_fire(struct hrtimer *timer)
{
	struct sim_intc *intc = container_of(timer, struct sim_intc, timer);
	unsigned long firing;
	unsigned int line;

	scoped_guard(raw_spinlock_irqsave, &intc->lock)
		firing = sim_intc_firing(intc);

	for_each_set_bit(line, &firing, intc->nlines)
		generic_handle_domain_irq(intc->domain, line);

	return HRTIMER_NORESTART;
}

static void sim_intc_mask(struct irq_data *d)
{
	struct sim_intc *intc = irq_data_get_irq_chip_data(d);
	unsigned long flags;

	raw_spin_lock_irqsave(&intc->lock, flags);
	__set_bit(irqd_to_hwirq(d), &intc->masked);
	raw_spin_unlock_irqrestore(&intc->lock, flags);
}

static void sim_intc_unmask(struct irq_data *d)
{
	struct sim_intc *intc = irq_data_get_irq_chip_data(d);
	unsigned long flags;

	raw_spin_lock_irqsave(&intc->lock, flags);
	__clear_bit(irqd_to_hwirq(d), &intc->masked);
	sim_intc_kick(intc);
	raw_spin_unlock_irqrestore(&intc->lock, flags);
}

static int sim_intc_set_type(struct irq_data *d, unsigned int type)
{
	/* The inputs are level-high; a chained or edge request is refused. */
	if ((type & IRQ_TYPE_SENSE_MASK) != IRQ_TYPE_LEVEL_HIGH)
		return -EINVAL;
	return 0;
}

static int sim_intc_get_state(struct irq_data *d, enum irqchip_irq_state which,
			      bool *state)
{
	struct sim_intc *intc = irq_data_get_irq_chip_data(d);
	unsigned long flags;

	if (which != IRQCHIP_STATE_PENDING)
		return -EINVAL;
	raw_spin_lock_irqsave(&intc->lock, flags);
	*state = test_bit(irqd_to_hwirq(d), &intc->level);
	raw_spin_unlock_irqrestore(&intc->lock, flags);
	return 0;
}

static int sim_intc_set_state(struct irq_data *d, enum irqchip_irq_state which,
			      bool state)
{
	struct sim_intc *intc = irq_data_get_irq_chip_data(d);
	unsigned long flags;

	if (which != IRQCHIP_STATE_PENDING)
		return -EINVAL;
	raw_spin_lock_irqsave(&intc->lock, flags);
	__assign_bit(irqd_to_hwirq(d), &intc->level, state);
	sim_intc_kick(intc);
	raw_spin_unlock_irqrestore(&intc->lock, flags);
	return 0;
}

static const struct irq_chip sim_intc_chip = {
	.name = "clx-sim-intc",
	.irq_mask = sim_intc_mask,
	.irq_unmask = sim_intc_unmask,
	.irq_set_type = sim_intc_set_type,
	.irq_get_irqchip_state = sim_intc_get_state,
	.irq_set_irqchip_state = sim_intc_set_state,
	.flags = IRQCHIP_IMMUTABLE | IRQCHIP_SKIP_SET_WAKE,
};

static int sim_intc_map(struct irq_domain *domain, unsigned int virq,
			irq_hw_number_t hwirq)
{
	irq_set_chip_and_handler(virq, &sim_intc_chip, handle_level_irq);
	irq_set_chip_data(virq, domain->host_data);
	return 0;
}

/*
 * A device's <&intc LINE TYPE> from the device tree. A line beyond
 * linux,nr-lines would make genirq warn, and a type cell that is no trigger
 * would be masked into one silently: both are refused here with one line.
 * A trigger other than level-high translates; it is refused when somebody
 * programs it (sim_intc_set_type()), and a chained handler never does, so
 * the device that takes the line checks its type itself.
 */
static int sim_intc_xlate(struct irq_domain *domain, struct device_node *node,
			  const u32 *spec, unsigned int cells,
			  unsigned long *hwirq, unsigned int *type)
{
	struct sim_intc *intc = domain->host_data;

	if (cells != 2) {
		dev_err(intc->dev, "interrupt specifier has %u cells, needs 2\n",
			cells);
		return -EINVAL;
	}
	if (spec[0] >= intc->nlines) {
		dev_err(intc->dev, "interrupt on line %u, which does not exist (%u lines)\n",
			spec[0], intc->nlines);
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
		dev_err(intc->dev, "line %u: interrupt type %#x is not a trigger type\n",
			spec[0], spec[1]);
		return -EINVAL;
	}
	*hwirq = spec[0];
	*type = spec[1];
	return 0;
}

static const struct irq_domain_ops sim_intc_domain_ops = {
	.map = sim_intc_map,
	.xlate = sim_intc_xlate,
};

static void sim_intc_remove_domain(void *data)
{
	struct sim_intc *intc = data;
	unsigned int line, virq;

	scoped_guard(raw_spinlock_irqsave, &intc->lock)
		intc->dead = true;
	hrtimer_cancel(&intc->timer);
	for (line = 0; line < intc->nlines; line++) {
		virq = irq_find_mapping(intc->domain, line);
		if (virq)
			irq_dispose_mapping(virq);
	}
	irq_domain_remove(intc->domain);
}

static int sim_intc_probe(struct platform_device *pdev)
{
	struct device *dev = &pdev->dev;
	struct sim_intc *intc;
	int ret;

	intc = devm_kzalloc(dev, sizeof(*intc), GFP_KERNEL);
	if (!intc)
		return -ENOMEM;
	intc->dev = dev;

	ret = device_property_read_u32(dev, "linux,nr-lines", &intc->nlines);
	if (ret)
		return dev_err_probe(dev, ret, "missing linux,nr-lines\n");
	if (!intc->nlines || intc->nlines > SIM_INTC_MAX_LINES)
		return dev_err_probe(dev, -EINVAL,
				     "linux,nr-lines must be 1..%d, not %u\n",
				     SIM_INTC_MAX_LINES, intc->nlines);

	raw_spin_lock_init(&intc->lock);
	intc->masked = ~0UL;
	hrtimer_setup(&intc->timer, sim_intc_fire, CLOCK_MONOTONIC,
		      HRTIMER_MODE_REL_HARD);

	intc->domain = irq_domain_create_linear(dev_fwnode(dev), intc->nlines,
						&sim_intc_domain_ops, intc);
	if (!intc->domain)
		return dev_err_probe(dev, -ENOMEM, "cannot create irq domain\n");

	return devm_add_action_or_reset(dev, sim_intc_remove_domain, intc);
}

static const struct of_device_id sim_intc_of_match[] = {
	{ .compatible = "linux,clx-sim-intc" },
	{ }
};
MODULE_DEVICE_TABLE(of, sim_intc_of_match);

static struct platform_driver sim_intc_driver = {
	.probe = sim_intc_probe,
	.driver = {
		.name = "clx-sim-intc",
		.of_match_table = sim_intc_of_match,
		/* Interrupts mapped from this domain would dangle. */
		.suppress_bind_attrs = true,
	},
};
module_platform_driver(sim_intc_driver);

MODULE_DESCRIPTION("Simulated level-sensitive interrupt controller for gpioclx");
MODULE_LICENSE("GPL");
