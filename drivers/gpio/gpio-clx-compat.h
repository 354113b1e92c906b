/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Every difference between the kernels the gpioclx modules build against,
 * from 6.1 to 7.x. The code is written against the newest kernel's API;
 * this header supplies what an older kernel lacks. Nothing else in the
 * tree tests LINUX_VERSION_CODE.
 */

#ifndef _GPIO_CLX_COMPAT_H
#define _GPIO_CLX_COMPAT_H

#include <linux/gpio/driver.h>
#include <linux/hrtimer.h>
#include <linux/irqnr.h>
#include <linux/version.h>

/*
 * 6.13 added hrtimer_setup(), which sets the callback together with the
 * clock and mode; later kernels removed hrtimer_init().
 */
#if LINUX_VERSION_CODE < KERNEL_VERSION(6, 13, 0)
static inline void hrtimer_setup(struct hrtimer *timer,
				 enum hrtimer_restart (*function)(struct hrtimer *),
				 clockid_t clock_id, enum hrtimer_mode mode)
{
	hrtimer_init(timer, clock_id, mode);
	timer->function = function;
}
#endif

/* 6.13 hid the number of interrupt descriptors behind a function. */
#if LINUX_VERSION_CODE < KERNEL_VERSION(6, 13, 0)
static inline unsigned int irq_get_nr_irqs(void)
{
	return nr_irqs;
}
#endif

/*
 * gpio_chip's ->set returns an int from 6.17 on; before, it returns
 * nothing and a failed write can only be logged.
 */
#if LINUX_VERSION_CODE < KERNEL_VERSION(6, 17, 0)
#define GPIO_CLX_CHIP_SET_IS_VOID	1
#endif

/*
 * A gpio_chip found by its label. From 6.7 gpiolib looks it up as a
 * gpio_device and hands out a reference, which gpio_clx_chip_put() drops;
 * before, gpiochip_find() gives the chip with no reference at all.
 */
#if LINUX_VERSION_CODE >= KERNEL_VERSION(6, 7, 0)
static inline struct gpio_chip *gpio_clx_chip_get(const char *label,
						  void **ref)
{
	struct gpio_device *gdev = gpio_device_find_by_label(label);

	*ref = gdev;
	return gdev ? gpio_device_get_chip(gdev) : NULL;
}

static inline void gpio_clx_chip_put(void *ref)
{
	if (ref)
		gpio_device_put(ref);
}

/* Later kernels no longer export gpiochip_get_desc() to modules. */
#define gpio_clx_chip_desc(gc, hwnum) \
	gpio_device_get_desc((gc)->gpiodev, (hwnum))
#else
static inline int gpio_clx_match_label(struct gpio_chip *gc, void *label)
{
	return gc->label && !strcmp(gc->label, label);
}

static inline struct gpio_chip *gpio_clx_chip_get(const char *label,
						  void **ref)
{
	*ref = NULL;
	return gpiochip_find((void *)label, gpio_clx_match_label);
}

static inline void gpio_clx_chip_put(void *ref)
{
}

#define gpio_clx_chip_desc(gc, hwnum)	gpiochip_get_desc((gc), (hwnum))
#endif

/*
 * gpiolib's private descriptor flags (drivers/gpio/gpiolib.h, read by the
 * KUnit suites) took a GPIOD_ prefix in 6.17.
 */
#if LINUX_VERSION_CODE < KERNEL_VERSION(6, 17, 0)
#define GPIOD_FLAG_IRQ_IS_ENABLED	FLAG_IRQ_IS_ENABLED
#endif

/*
 * gpiolib's requests of a chip's ACPI event interrupts (_AEI). Every kernel
 * from 6.1 to 7.x exports both, but declares them only in gpiolib's own
 * header (drivers/gpio/gpiolib-acpi.h), which a module built outside the
 * tree does not have. They exist with CONFIG_GPIO_ACPI; the core calls
 * them only under IS_ENABLED(CONFIG_GPIO_ACPI).
 */
void acpi_gpiochip_request_interrupts(struct gpio_chip *chip);
void acpi_gpiochip_free_interrupts(struct gpio_chip *chip);

#endif /* _GPIO_CLX_COMPAT_H */
