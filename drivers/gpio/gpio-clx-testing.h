/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Entry points of the gpioclx core for its tests, benchmarks and the
 * simulated board's instrumentation. A controller driver has no use for
 * them and includes <linux/gpio/clx.h> only.
 */
#ifndef _GPIO_CLX_TESTING_H
#define _GPIO_CLX_TESTING_H

#include <linux/types.h>

struct gpio_clx;

/**
 * struct gpio_clx_stats - interrupt counters of one pin
 * @primary: times the primary ISR found the pin active.
 * @dispatched: times its handler (the secondary interrupt) was run.
 * @spurious: active without a mapping or without being enabled.
 * @replayed: emulated both-edge interrupts dispatched again because the
 *	level moved while the polarity was being flipped.
 * @masked_pending: times the primary ISR found the pin active but masked
 *	(the interrupt waits for its unmask).
 * @debounced: interrupts the core's software debounce dropped because the
 *	level did not hold still for the period.
 */
struct gpio_clx_stats {
	u64 primary;
	u64 dispatched;
	u64 spurious;
	u64 replayed;
	u64 masked_pending;
	u64 debounced;
};

void gpio_clx_get_stats(struct gpio_clx *clx, unsigned int offset,
			struct gpio_clx_stats *stats);
int gpio_clx_pin_to_irq(struct gpio_clx *clx, unsigned int bank,
			unsigned int pin);

#endif /* _GPIO_CLX_TESTING_H */
