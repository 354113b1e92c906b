/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * gpioclx client API: a GPIO controller driver describes its hardware and
 * fills a packet of bank-oriented callbacks, the way a GpioClx client driver
 * does on Windows; the core turns it into a gpio_chip, an immutable irq_chip
 * and an irq_domain, and runs the primary interrupt service routine.
 */
#ifndef _LINUX_GPIO_CLX_H
#define _LINUX_GPIO_CLX_H

#include <linux/bits.h>
#include <linux/cleanup.h>
#include <linux/types.h>

struct device;
struct gpio_chip;
struct gpio_clx;
struct gpio_clx_bank;

/** Largest number of pins in one bank (one bit each in a u64 mask). */
#define GPIO_CLX_MAX_PINS_PER_BANK	64
/** Largest number of banks a client with a pending-bank summary may have. */
#define GPIO_CLX_MAX_BANKS		64

/**
 * enum gpio_clx_flags - controller capabilities
 * @GPIO_CLX_MEMORY_MAPPED: registers can be accessed in hard-IRQ context; the
 *	core then uses raw spinlocks and a chained primary handler. Without it
 *	the controller is passive-level (registers behind a slow bus).
 * @GPIO_CLX_HW_BOTH_EDGES: the hardware can interrupt on both edges itself.
 * @GPIO_CLX_HW_DEBOUNCE: the hardware can debounce interrupt inputs.
 * @GPIO_CLX_STATUS_CLEARS_ON_READ: reading the active status clears it, so
 *	the client has no clear_active callback.
 * @GPIO_CLX_CLIENT_SERVICES_PARENT: the client takes the parent interrupt
 *	itself and calls gpio_clx_handle_primary() from its handler; the
 *	core installs none, but still arms the parent for wake-up when a
 *	pin is.
 */
enum gpio_clx_flags {
	GPIO_CLX_MEMORY_MAPPED		= BIT(0),
	GPIO_CLX_HW_BOTH_EDGES		= BIT(1),
	GPIO_CLX_HW_DEBOUNCE		= BIT(2),
	GPIO_CLX_STATUS_CLEARS_ON_READ	= BIT(3),
	GPIO_CLX_CLIENT_SERVICES_PARENT	= BIT(4),
};

/**
 * enum gpio_clx_mode - how a pin interrupts
 * @GPIO_CLX_MODE_LEVEL: level-sensitive: status follows the input.
 * @GPIO_CLX_MODE_EDGE: latched: an edge sets a status bit until cleared.
 */
enum gpio_clx_mode {
	GPIO_CLX_MODE_LEVEL,
	GPIO_CLX_MODE_EDGE,
};

/**
 * enum gpio_clx_polarity - which level or edge interrupts
 * @GPIO_CLX_ACTIVE_HIGH: level high, or rising edge.
 * @GPIO_CLX_ACTIVE_LOW: level low, or falling edge.
 * @GPIO_CLX_ACTIVE_BOTH: both edges. Only passed to a client that has
 *	GPIO_CLX_HW_BOTH_EDGES; for the others the core emulates both edges by
 *	flipping between rising and falling.
 */
enum gpio_clx_polarity {
	GPIO_CLX_ACTIVE_HIGH,
	GPIO_CLX_ACTIVE_LOW,
	GPIO_CLX_ACTIVE_BOTH,
};

/**
 * struct gpio_clx_irq_config - interrupt configuration of one pin
 * @mode: level or edge.
 * @polarity: high/rising, low/falling or both edges.
 * @debounce_us: hardware debounce period in microseconds, 0 for none.
 */
struct gpio_clx_irq_config {
	enum gpio_clx_mode mode;
	enum gpio_clx_polarity polarity;
	u32 debounce_us;
};

/**
 * struct gpio_clx_info - what the controller is
 * @ngpio: total number of pins.
 * @pins_per_bank: pins in each bank, 1..GPIO_CLX_MAX_PINS_PER_BANK; every bank
 *	but the last is full.
 * @flags: a combination of &enum gpio_clx_flags.
 * @names: optional array of @ngpio line names.
 */
struct gpio_clx_info {
	unsigned int ngpio;
	unsigned int pins_per_bank;
	unsigned long flags;
	const char *const *names;
};

/**
 * struct gpio_clx_ops - the controller callback packet
 *
 * @read_pins: read the input levels of a bank into @levels. Required. An
 *	error fails the gpiolib read; on the interrupt path the core keeps the
 *	level it last knew.
 * @write_pins: drive the pins in @set high and those in @clear low. Optional
 *	(an input-only controller). An error is reported (rate-limited).
 * @set_direction: make @pin an input, or an output driving @value. Optional;
 *	an error fails the gpiolib call.
 * @get_direction: return 1 for input, 0 for output, or a negative errno.
 *	Optional.
 * @enable_interrupt: program mode, polarity and debounce of @pin, clear its
 *	stale status, then set its enable bit. The pin must end up unmasked.
 *	On an error the core forgets the pin again: the interrupt is not
 *	started.
 * @disable_interrupt: clear @pin's enable bit; its configuration is lost.
 * @mask_interrupts: ISR path. Mask the pins in @mask; report in @failed the
 *	ones that could not be masked (a memory-mapped controller sets 0). The
 *	core retries those and keeps them out of dispatch until a mask of them
 *	succeeds.
 * @unmask_interrupt: ISR path. Unmask @pin, whose configuration is @cfg.
 * @query_active: ISR path. Read the bank's active (pending) status. On an
 *	error the bank is not serviced this time.
 * @clear_active: ISR path. Clear the latched status of the edge pins in
 *	@mask. Required unless %GPIO_CLX_STATUS_CLEARS_ON_READ.
 * @query_enabled: ISR path. Read the bank's enable bits from the hardware.
 *	Optional. On an error the core takes every pin as possibly enabled.
 * @reconfigure: ISR path. Change mode, polarity or debounce of an enabled
 *	@pin and clear status left over from the old configuration. On an error
 *	the core keeps the old configuration.
 * @pending_banks: optional, ISR path without any bank lock. Set in @banks
 *	the bit of every bank that may have active status (a summary register,
 *	as many SoCs have), so the primary ISR reads only those: its cost no
 *	longer grows with the number of banks. At most %GPIO_CLX_MAX_BANKS
 *	banks. A bank left out by mistake is not serviced.
 * @save_context: optional. Save what the bank loses in system sleep
 *	(called with the bank lock held, from gpio_clx_suspend()).
 * @restore_context: optional. Restore it: mode, polarity and cleared
 *	status first, enable bits last (bank lock held, gpio_clx_resume()).
 * @pre_process: passive controllers only, optional. Runs in hard-IRQ
 *	context when the parent interrupt fires, before the threaded primary
 *	ISR; latch here status the hardware would lose before the thread runs.
 *	Must not sleep and must not take the bank lock.
 *
 * Pin numbers are relative to their bank, masks have one bit per pin of the
 * bank. Callbacks marked "ISR path", @read_pins, @write_pins,
 * @set_direction, @get_direction, @save_context and @restore_context run
 * with the bank's interrupt lock held and must not take it; the others
 * (@enable_interrupt, @disable_interrupt) run without it and take it
 * themselves (guard(gpio_clx_bank)) around register accesses the ISR path
 * also makes.
 * For a memory-mapped controller every callback may run in atomic context;
 * for a passive controller (no %GPIO_CLX_MEMORY_MAPPED) every callback but
 * @pre_process runs in process context and may sleep.
 *
 * Required: @read_pins. A controller with interrupts provides all of
 * @enable_interrupt, @disable_interrupt, @mask_interrupts,
 * @unmask_interrupt, @query_active and @reconfigure, and @clear_active
 * unless its status clears on read; registration refuses any other subset
 * with -EINVAL. A controller without interrupts provides none of them.
 */
struct gpio_clx_ops {
	int (*read_pins)(struct gpio_clx *clx, unsigned int bank, u64 *levels);
	int (*write_pins)(struct gpio_clx *clx, unsigned int bank, u64 set,
			  u64 clear);
	int (*set_direction)(struct gpio_clx *clx, unsigned int bank,
			     unsigned int pin, bool output, int value);
	int (*get_direction)(struct gpio_clx *clx, unsigned int bank,
			     unsigned int pin);

	int (*enable_interrupt)(struct gpio_clx *clx, unsigned int bank,
				unsigned int pin,
				const struct gpio_clx_irq_config *cfg);
	void (*disable_interrupt)(struct gpio_clx *clx, unsigned int bank,
				  unsigned int pin);
	void (*mask_interrupts)(struct gpio_clx *clx, unsigned int bank,
				u64 mask, u64 *failed);
	void (*unmask_interrupt)(struct gpio_clx *clx, unsigned int bank,
				 unsigned int pin,
				 const struct gpio_clx_irq_config *cfg);
	int (*query_active)(struct gpio_clx *clx, unsigned int bank, u64 *active);
	void (*clear_active)(struct gpio_clx *clx, unsigned int bank, u64 mask);
	int (*query_enabled)(struct gpio_clx *clx, unsigned int bank,
			     u64 *enabled);
	int (*reconfigure)(struct gpio_clx *clx, unsigned int bank,
			   unsigned int pin,
			   const struct gpio_clx_irq_config *cfg);
	void (*pending_banks)(struct gpio_clx *clx, unsigned long *banks);
	void (*save_context)(struct gpio_clx *clx, unsigned int bank);
	void (*restore_context)(struct gpio_clx *clx, unsigned int bank);
	void (*pre_process)(struct gpio_clx *clx);
};

struct gpio_clx *devm_gpio_clx_register(struct device *dev,
					const struct gpio_clx_info *info,
					const struct gpio_clx_ops *ops,
					void *priv, int parent_irq);
void *gpio_clx_priv(struct gpio_clx *clx);
struct gpio_chip *gpio_clx_gpio_chip(struct gpio_clx *clx);
unsigned int gpio_clx_nbanks(struct gpio_clx *clx);
void gpio_clx_handle_primary(struct gpio_clx *clx);
int gpio_clx_suspend(struct gpio_clx *clx);
int gpio_clx_resume(struct gpio_clx *clx);

struct gpio_clx_bank *gpio_clx_get_bank(struct gpio_clx *clx,
					unsigned int bank);
unsigned long gpio_clx_bank_lock(struct gpio_clx_bank *bank);
void gpio_clx_bank_unlock(struct gpio_clx_bank *bank, unsigned long flags);
bool gpio_clx_bank_held(struct gpio_clx_bank *bank);

/*
 * A bank's interrupt lock (GpioClx's interrupt lock) for the length of a
 * scope, the saved interrupt flags on the caller's stack:
 *
 *	guard(gpio_clx_bank)(gpio_clx_get_bank(clx, bank));
 *
 * A raw spinlock with interrupts off for a memory-mapped controller, a mutex
 * for a passive one.
 */
DEFINE_LOCK_GUARD_1(gpio_clx_bank, struct gpio_clx_bank,
		    _T->flags = gpio_clx_bank_lock(_T->lock),
		    gpio_clx_bank_unlock(_T->lock, _T->flags),
		    unsigned long flags)

#endif /* _LINUX_GPIO_CLX_H */
