/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * gpioclx core: what its files share and no client sees.
 *
 * The core is one module in several files, one responsibility each:
 *
 *   gpio-clx-core.c      registration, the gpio_chip, the irq_domain and the
 *                        small exported accessors
 *   gpio-clx-pins.c      the bank lock, the pin operations both kinds of
 *                        controller share, and the memory-mapped irq_chip
 *   gpio-clx-bus.c       the passive (bus-attached) irq_chip and bus sync
 *   gpio-clx-isr.c       the primary ISR, dispatch and both-edge emulation
 *   gpio-clx-debounce.c  the core's software debounce
 *   gpio-clx-debugfs.c   statistics in debugfs
 *   gpio-clx-pm.c        system sleep
 *
 * Lock order, outermost first:
 *
 *   clx->bus_lock     passive only: genirq's irq_bus_lock() to
 *                     irq_bus_sync_unlock(), around the descriptor lock
 *   clx->life_lock    which pins hold interrupt resources, and the unbind
 *                     (request and release resources, process context)
 *   clx->config_lock  set_config: the first debounce allocation (from
 *                     gpiolib, never together with the descriptor lock)
 *   desc->lock        genirq's, around every irq_chip callback
 *   bank lock         a raw spinlock (memory-mapped) or a mutex (passive):
 *                     guard(gpio_clx_bank); the client's ISR-path callbacks
 *                     run under it
 *   client locks      whatever the client takes inside its callbacks
 *
 * The passive irq_chip callbacks run under desc->lock, where a mutex cannot
 * be taken: they only record what genirq wants, under bus_lock, and
 * irq_bus_sync_unlock() applies it under the bank lock. Debounce timers
 * take the bank lock from their own context and are cancelled without it.
 */
#ifndef _GPIO_CLX_INTERNAL_H
#define _GPIO_CLX_INTERNAL_H

#include <linux/bitmap.h>
#include <linux/gpio/driver.h>
#include <linux/hrtimer.h>
#include <linux/irq.h>
#include <linux/irq_work.h>
#include <linux/lockdep.h>
#include <linux/mutex.h>
#include <linux/percpu.h>
#include <linux/refcount.h>
#include <linux/spinlock.h>
#include <linux/workqueue.h>

#include <linux/gpio/clx.h>

#include "gpio-clx-compat.h"
#include "gpio-clx-testing.h"

struct dentry;

/*
 * One bank. Every field but the passive want_* set is protected by the bank
 * lock. A pin can be held masked for several reasons at once, one field
 * each: genirq's own view (masked) and the core's holds (debouncing,
 * unmapped, asleep). The hardware mask of an enabled pin is the union of
 * them, and the primary ISR dispatches only pins in none of them.
 */
struct gpio_clx_bank {
	raw_spinlock_t lock;	/* interrupt lock, memory-mapped */
	struct mutex mutex;	/* interrupt lock, passive */
	bool passive;
	/* Per-pin counters; one per-cpu area per bank keeps each one small. */
	struct gpio_clx_stats __percpu *stats;
	u64 enabled;		/* pins with a started interrupt */
	u64 masked;		/* ...that genirq has masked or disabled */
	u64 debouncing;		/* ...level pins held masked while debouncing */
	u64 unmapped;		/* ...held masked: interrupting with no mapping */
	u64 asleep;		/* ...held masked: not armed for wake-up */
	u64 mask_failed;	/* pins the hardware refused to mask (rule 3) */
	u64 edge;		/* enabled pins in edge mode */
	u64 emul;		/* enabled pins emulating both edges (rule 20) */
	u64 emul_rising;	/* ...and waiting for a rising edge now */
	u64 replay;		/* emulated edges to dispatch once more */
	u64 replay_held;	/* replays that wait for their pin's unmask */
	u64 debounce;		/* pins the core debounces (rule 22) */
	u64 wake;		/* pins armed for wake-up */
	/* Passive only, under clx->bus_lock: what genirq asked for. */
	u64 want_enabled;
	u64 want_masked;
	u64 want_wake;
	u64 retype;		/* configuration to reprogram */
};

/*
 * Software debounce of one pin: dispatch once the level held still. The
 * period is timed by a hard hrtimer; a passive controller, whose level can
 * only be read from process context, decides in a work item it queues.
 */
struct gpio_clx_debounce {
	struct hrtimer timer;
	struct work_struct work;
	struct gpio_clx *clx;
	unsigned int offset;
	u32 period_us;
	bool level;		/* last level reported, for both edges */
};

/*
 * A controller outlives its binding while anything holds one of its
 * interrupts: users counts the binding and each pin whose interrupt
 * resources are reserved, and the last put frees it (gpio-clx-core.c).
 * Once the device is unbound (gone), the irq_chip callbacks reach neither
 * the client nor gpiolib.
 */
struct gpio_clx {
	struct gpio_chip gc;
	struct device *dev;
	const struct gpio_clx_ops *ops;
	struct gpio_clx_info info;
	void *priv;
	struct irq_domain *domain;
	int parent_irq;
	unsigned int nbanks;
	struct gpio_clx_irq_config *cfg;	/* per pin, from set_type */
	/* Passive, under bus_lock: the trigger set_type asked for, per pin. */
	struct gpio_clx_irq_config *want_type;
#ifdef CONFIG_DEBUG_LOCK_ALLOC
	/* The lock classes each pin's descriptor had before we mapped it. */
	struct {
		struct lock_class_key *lock, *request;
		const char *lock_name, *request_name;
	} *lock_classes;
#endif
	struct gpio_clx_debounce *debounce;	/* per pin, on first use */
	struct mutex bus_lock;	/* passive: held from irq_bus_lock to sync */
	struct mutex config_lock;	/* set_config: first debounce allocation */
	struct dentry *debugfs;
	refcount_t users;		/* the binding, and each reserved pin */
	struct mutex life_lock;		/* reserved and gone */
	unsigned long *reserved;	/* pins holding gpiolib's irq resources */
	struct work_struct reap;	/* frees it after the last holder */
	/* Edges genirq left pending, replayed (irq_retrigger): */
	unsigned long *resend;		/* pins to replay */
	struct irq_work resend_hard;	/* memory-mapped: in hard-IRQ context */
	struct work_struct resend_work;	/* passive: in a thread */
	bool gone;			/* unbound: callbacks do nothing */
	bool released_late;		/* a holder let go after the unbind */
	bool passive;
	struct gpio_clx_bank banks[];
};

/* ---- offsets, banks and locks ------------------------------------------ */

static inline unsigned int gpio_clx_bank_of(struct gpio_clx *clx,
					    unsigned int offset)
{
	return offset / clx->info.pins_per_bank;
}

static inline unsigned int gpio_clx_pin_of(struct gpio_clx *clx,
					   unsigned int offset)
{
	return offset % clx->info.pins_per_bank;
}

static inline struct gpio_clx_bank *gpio_clx_bank(struct gpio_clx *clx,
						  unsigned int offset)
{
	return &clx->banks[gpio_clx_bank_of(clx, offset)];
}

static inline u64 gpio_clx_bit(struct gpio_clx *clx, unsigned int offset)
{
	return BIT_ULL(gpio_clx_pin_of(clx, offset));
}

static inline void gpio_clx_assert_held(struct gpio_clx_bank *bank)
{
	if (bank->passive)
		lockdep_assert_held(&bank->mutex);
	else
		lockdep_assert_held(&bank->lock);
}

/* Pins the hardware must keep masked, whoever asked (see the bank). */
static inline u64 gpio_clx_held(const struct gpio_clx_bank *bank)
{
	return bank->masked | bank->debouncing | bank->unmapped | bank->asleep;
}

/*
 * The controller an irq_chip callback works on, or NULL once it is unbound.
 * Memory-mapped callbacks run with interrupts off, which the unbind waits
 * out; passive ones under bus_lock, which it takes.
 */
static inline struct gpio_clx *gpio_clx_irq_live(struct irq_data *d)
{
	struct gpio_clx *clx = irq_data_get_irq_chip_data(d);

	return READ_ONCE(clx->gone) ? NULL : clx;
}

static inline bool gpio_clx_clears_on_read(struct gpio_clx *clx)
{
	return clx->info.flags & GPIO_CLX_STATUS_CLEARS_ON_READ;
}

static inline void gpio_clx_assign(u64 *field, u64 bit, bool set)
{
	*field = set ? *field | bit : *field & ~bit;
}

/* ---- gpio-clx-core.c ---------------------------------------------------- */

void gpio_clx_put(struct gpio_clx *clx);

/* ---- gpio-clx-pins.c ---------------------------------------------------- */

extern const struct irq_chip gpio_clx_mmio_irq_chip;

int gpio_clx_irq_type_config(struct irq_data *d, unsigned int type,
			     struct gpio_clx_irq_config *cfg);
void gpio_clx_hw_mask(struct gpio_clx *clx, unsigned int b, u64 mask);
void gpio_clx_hold(struct gpio_clx *clx, unsigned int offset, u64 *hold);
void gpio_clx_release(struct gpio_clx *clx, unsigned int offset, u64 *hold);
void gpio_clx_pin_mask(struct gpio_clx *clx, unsigned int offset, bool mask);
void gpio_clx_pin_unmask_hw(struct gpio_clx *clx, unsigned int offset);
void gpio_clx_pin_enable(struct gpio_clx *clx, unsigned int offset);
void gpio_clx_pin_disable(struct gpio_clx *clx, unsigned int offset);
int gpio_clx_pin_retype_locked(struct gpio_clx *clx, unsigned int offset,
			       const struct gpio_clx_irq_config *new);
int gpio_clx_pin_retype(struct gpio_clx *clx, unsigned int offset,
			const struct gpio_clx_irq_config *new);
int gpio_clx_irq_reqres(struct irq_data *d);
void gpio_clx_irq_relres(struct irq_data *d);
void gpio_clx_irq_print_chip(struct irq_data *d, struct seq_file *p);

/* ---- gpio-clx-bus.c ----------------------------------------------------- */

extern const struct irq_chip gpio_clx_bus_irq_chip;

/* ---- gpio-clx-isr.c ----------------------------------------------------- */

int gpio_clx_level(struct gpio_clx *clx, unsigned int offset);
struct gpio_clx_irq_config gpio_clx_hw_config(struct gpio_clx *clx,
					      unsigned int offset);
void gpio_clx_track_mode(struct gpio_clx *clx, unsigned int offset);
void gpio_clx_emul_sync(struct gpio_clx *clx, unsigned int offset,
			bool after_edge);
void gpio_clx_emul_settle(struct gpio_clx *clx, unsigned int offset);
void gpio_clx_dispatch(struct gpio_clx *clx, unsigned int b, u64 pending);
void gpio_clx_drain_replay(struct gpio_clx *clx, unsigned int b);
int gpio_clx_irq_retrigger(struct irq_data *d);
void gpio_clx_replay_later(struct gpio_clx *clx, unsigned int offset);
void gpio_clx_resend_init(struct gpio_clx *clx);
void gpio_clx_resend_stop(struct gpio_clx *clx);
int gpio_clx_connect_parent(struct gpio_clx *clx);

/* ---- gpio-clx-debounce.c ------------------------------------------------ */

u64 gpio_clx_debounce_bank(struct gpio_clx *clx, unsigned int b, u64 pending);
int gpio_clx_set_debounce(struct gpio_clx *clx, unsigned int offset,
			  u32 period_us);
void gpio_clx_debounce_note_level(struct gpio_clx *clx, unsigned int offset);
void gpio_clx_debounce_stop_all(struct gpio_clx *clx);
void gpio_clx_debounce_free(struct gpio_clx *clx);

/* ---- gpio-clx-debugfs.c ------------------------------------------------- */

#ifdef CONFIG_DEBUG_FS
void gpio_clx_debugfs_init(void);
void gpio_clx_debugfs_exit(void);
void gpio_clx_debugfs_add(struct gpio_clx *clx);
#else
static inline void gpio_clx_debugfs_init(void) { }
static inline void gpio_clx_debugfs_exit(void) { }
static inline void gpio_clx_debugfs_add(struct gpio_clx *clx) { }
#endif

#endif /* _GPIO_CLX_INTERNAL_H */
