/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * What gpiolib does not hand an ACPI consumer of a GpioInt resource: it maps
 * the interrupt with the resource's trigger and reports its wake bit
 * (acpi_dev_gpio_irq_wake_get()), but drops its sharing, which a driver that
 * honours Exclusive needs before it requests the interrupt. Stubs without
 * ACPI, so the drivers have one probe path for both firmware kinds.
 */
#ifndef _GPIO_CLX_ACPI_H
#define _GPIO_CLX_ACPI_H

#include <linux/acpi.h>
#include <linux/list.h>

#ifdef CONFIG_ACPI

struct gpio_clx_gpioint_lookup {
	int index;	/* counts down to the GpioInt wanted */
	int shared;	/* -ENOENT until found, then 0 or 1 */
};

static inline int gpio_clx_gpioint_shared_one(struct acpi_resource *ares,
					      void *data)
{
	struct gpio_clx_gpioint_lookup *l = data;
	struct acpi_resource_gpio *agpio;

	if (acpi_gpio_get_irq_resource(ares, &agpio) && l->index-- == 0)
		l->shared = agpio->shareable == ACPI_SHARED;
	return 1;	/* keep nothing on the list */
}

/**
 * gpio_clx_gpioint_shared() - whether a GpioInt lets others share its pin
 * @adev: the consumer's ACPI device
 * @index: which GpioInt of its _CRS, counting GpioInt resources only (the
 *	index acpi_dev_gpio_irq_get() takes)
 *
 * Return: 1 for Shared or SharedAndWake, 0 for Exclusive or
 * ExclusiveAndWake, -ENOENT when there is no such GpioInt, or another
 * negative error from reading _CRS.
 */
static inline int gpio_clx_gpioint_shared(struct acpi_device *adev, int index)
{
	struct gpio_clx_gpioint_lookup l = { .index = index, .shared = -ENOENT };
	LIST_HEAD(list);
	int ret;

	ret = acpi_dev_get_resources(adev, &list, gpio_clx_gpioint_shared_one,
				     &l);
	if (ret < 0)
		return ret;
	acpi_dev_free_resource_list(&list);
	return l.shared;
}

#else /* !CONFIG_ACPI */

static inline int gpio_clx_gpioint_shared(struct acpi_device *adev, int index)
{
	return -ENOENT;
}

#endif /* CONFIG_ACPI */

#endif /* _GPIO_CLX_ACPI_H */
