// SPDX-License-Identifier: GPL-2.0-only
/*
 * gpioclx core: software debounce (rule 22), the counterpart of GpioClx's
 * EmulateDebouncing.
 *
 * A debounced pin that interrupts is not dispatched yet: its edge is acked
 * (a level pin is held masked instead) and its timer (re)started, so every
 * bounce pushes the decision back. When the timer fires the level has held
 * still for the whole period, and the interrupt is dispatched if that level
 * is what the trigger asks for. Every controller times the period with a
 * hard hrtimer, to its resolution rather than the tick's; a passive
 * controller's level can only be read from process context, so its timer
 * hands the decision to a work item.
 */

#include <linux/device.h>
#include <linux/hrtimer.h>
#include <linux/slab.h>
#include <linux/workqueue.h>

#include "gpio-clx-internal.h"

static void gpio_clx_debounce_kick(struct gpio_clx *clx, unsigned int offset)
{
	struct gpio_clx_bank *bank = gpio_clx_bank(clx, offset);
	struct gpio_clx_debounce *db = &clx->debounce[offset];
	unsigned int b = gpio_clx_bank_of(clx, offset);
	u64 bit = gpio_clx_bit(clx, offset);

	gpio_clx_assert_held(bank);
	if (bank->edge & bit) {
		if (!gpio_clx_clears_on_read(clx))
			clx->ops->clear_active(clx, b, bit);
		if (bank->emul & bit)
			gpio_clx_emul_sync(clx, offset, true);
	} else {
		gpio_clx_hold(clx, offset, &bank->debouncing);
	}
	hrtimer_start(&db->timer, ns_to_ktime((u64)db->period_us * NSEC_PER_USEC),
		      HRTIMER_MODE_REL_HARD);
}

/* Start debouncing the debounced pins of @pending; return the others. */
u64 gpio_clx_debounce_bank(struct gpio_clx *clx, unsigned int b, u64 pending)
{
	unsigned int base = b * clx->info.pins_per_bank, pin;
	DECLARE_BITMAP(bits, GPIO_CLX_MAX_PINS_PER_BANK);
	u64 deb = pending & clx->banks[b].debounce;

	bitmap_from_u64(bits, deb);
	for_each_set_bit(pin, bits, clx->info.pins_per_bank)
		gpio_clx_debounce_kick(clx, base + pin);
	return pending & ~deb;
}

/* The level a both-edge pin starts from (bank lock held). */
void gpio_clx_debounce_note_level(struct gpio_clx *clx, unsigned int offset)
{
	int level = gpio_clx_level(clx, offset);

	if (level >= 0)
		clx->debounce[offset].level = level;
}

static bool gpio_clx_debounce_settle(struct gpio_clx *clx, unsigned int offset,
				     bool late)
{
	struct gpio_clx_bank *bank = gpio_clx_bank(clx, offset);
	struct gpio_clx_debounce *db = &clx->debounce[offset];
	const struct gpio_clx_irq_config *cfg = &clx->cfg[offset];
	u64 bit = gpio_clx_bit(clx, offset);
	bool fire;
	int level;

	guard(gpio_clx_bank)(bank);
	if (READ_ONCE(clx->gone) || !(bank->enabled & bit) || !(bank->debounce & bit))
		return false;
	/* A passive pin's work found the pin bouncing again: wait on. */
	if (late && hrtimer_active(&db->timer))
		return false;
	level = gpio_clx_level(clx, offset);
	if (level < 0)
		fire = false;
	else if (cfg->polarity == GPIO_CLX_ACTIVE_BOTH)
		fire = level != db->level;
	else
		fire = level == (cfg->polarity == GPIO_CLX_ACTIVE_HIGH);
	if (fire) {
		db->level = level;
		return true;
	}
	/* The level went away while bouncing: back to normal. */
	gpio_clx_release(clx, offset, &bank->debouncing);
	this_cpu_inc(bank->stats[gpio_clx_pin_of(clx, offset)].debounced);
	return false;
}

static void gpio_clx_debounce_done(struct gpio_clx_debounce *db, bool late)
{
	struct gpio_clx *clx = db->clx;
	struct gpio_clx_bank *bank = gpio_clx_bank(clx, db->offset);
	unsigned int b = gpio_clx_bank_of(clx, db->offset);

	if (!gpio_clx_debounce_settle(clx, db->offset, late))
		return;
	gpio_clx_dispatch(clx, b, gpio_clx_bit(clx, db->offset));
	/*
	 * The debouncer's hold ends after the handler: a level pin still
	 * masked by genirq (a ONESHOT thread still running) stays masked.
	 */
	scoped_guard(gpio_clx_bank, bank)
		gpio_clx_release(clx, db->offset, &bank->debouncing);
	gpio_clx_drain_replay(clx, b);
}

static enum hrtimer_restart gpio_clx_debounce_fire(struct hrtimer *timer)
{
	struct gpio_clx_debounce *db = container_of(timer,
						    struct gpio_clx_debounce,
						    timer);

	if (db->clx->passive)
		queue_work(system_highpri_wq, &db->work);
	else
		gpio_clx_debounce_done(db, false);
	return HRTIMER_NORESTART;
}

static void gpio_clx_debounce_work(struct work_struct *work)
{
	gpio_clx_debounce_done(container_of(work, struct gpio_clx_debounce,
					    work), true);
}

static void gpio_clx_debounce_stop(struct gpio_clx *clx, unsigned int offset)
{
	hrtimer_cancel(&clx->debounce[offset].timer);
	if (clx->passive)
		cancel_work_sync(&clx->debounce[offset].work);
}

/* At the unbind, once the primary ISR can no longer start a timer. */
void gpio_clx_debounce_stop_all(struct gpio_clx *clx)
{
	unsigned int offset;

	if (!clx->debounce)
		return;
	for (offset = 0; offset < clx->info.ngpio; offset++)
		gpio_clx_debounce_stop(clx, offset);
}

void gpio_clx_debounce_free(struct gpio_clx *clx)
{
	kfree(clx->debounce);
	clx->debounce = NULL;
}

static int gpio_clx_debounce_alloc(struct gpio_clx *clx)
{
	struct gpio_clx_debounce *db;
	unsigned int offset;

	lockdep_assert_held(&clx->config_lock);
	db = kcalloc(clx->info.ngpio, sizeof(*db), GFP_KERNEL);
	if (!db)
		return -ENOMEM;
	for (offset = 0; offset < clx->info.ngpio; offset++) {
		hrtimer_setup(&db[offset].timer, gpio_clx_debounce_fire,
			      CLOCK_MONOTONIC, HRTIMER_MODE_REL_HARD);
		INIT_WORK(&db[offset].work, gpio_clx_debounce_work);
		db[offset].clx = clx;
		db[offset].offset = offset;
	}
	/* The ISR only looks at it for pins in bank->debounce, set below. */
	smp_store_release(&clx->debounce, db);
	return 0;
}

static int gpio_clx_set_hw_debounce(struct gpio_clx *clx, unsigned int offset,
				    u32 period_us)
{
	struct gpio_clx_irq_config cfg;

	/* Read-modify-write of the configuration under the bank lock. */
	guard(gpio_clx_bank)(gpio_clx_bank(clx, offset));
	cfg = clx->cfg[offset];
	if (cfg.debounce_us == period_us)
		return 0;	/* no reconfigure for nothing */
	cfg.debounce_us = period_us;
	return gpio_clx_pin_retype_locked(clx, offset, &cfg);
}

/*
 * Hardware debounce when the client has it (the period reaches it with the
 * pin's configuration), the core's otherwise. A client without interrupts
 * gets no set_config at all, so gpiolib answers -ENOTSUPP and the character
 * device debounces on its own. Called in process context.
 */
int gpio_clx_set_debounce(struct gpio_clx *clx, unsigned int offset,
			  u32 period_us)
{
	struct gpio_clx_bank *bank = gpio_clx_bank(clx, offset);
	u64 bit = gpio_clx_bit(clx, offset);
	int ret;

	if (clx->info.flags & GPIO_CLX_HW_DEBOUNCE)
		return gpio_clx_set_hw_debounce(clx, offset, period_us);

	guard(mutex)(&clx->config_lock);
	if (!clx->debounce && period_us) {
		ret = gpio_clx_debounce_alloc(clx);
		if (ret)
			return ret;
	}
	/* Nothing to switch off: no period was ever set on this pin. */
	if (!clx->debounce || (!period_us && !clx->debounce[offset].period_us))
		return 0;

	scoped_guard(gpio_clx_bank, bank) {
		clx->debounce[offset].period_us = period_us;
		gpio_clx_debounce_note_level(clx, offset);
		gpio_clx_assign(&bank->debounce, bit, period_us);
	}
	if (period_us)
		return 0;
	gpio_clx_debounce_stop(clx, offset);
	scoped_guard(gpio_clx_bank, bank)
		gpio_clx_release(clx, offset, &bank->debouncing);
	return 0;
}
