// SPDX-License-Identifier: GPL-2.0-only
/*
 * gpioclx core: the primary interrupt service routine.
 *
 * For each bank with pending status the primary ISR takes the bank lock
 * once, reads the active status, acks the edges it is about to dispatch and
 * points emulated both-edge pins at their next edge; then, with the lock
 * dropped, it runs each pin's handler (the secondary interrupt). A
 * memory-mapped controller's primary ISR is a chained handler in hard-IRQ
 * context; a passive controller's is a threaded handler that runs its
 * consumers' handlers nested in its own thread.
 */

#include <linux/device.h>
#include <linux/interrupt.h>
#include <linux/irq.h>
#include <linux/irqchip/chained_irq.h>
#include <linux/irqdomain.h>

#include "gpio-clx-internal.h"

/* ---- both-edge emulation (rule 20) ---------------------------------- */

static bool gpio_clx_emulates_both(struct gpio_clx *clx,
				   const struct gpio_clx_irq_config *cfg)
{
	return cfg->polarity == GPIO_CLX_ACTIVE_BOTH &&
	       !(clx->info.flags & GPIO_CLX_HW_BOTH_EDGES);
}

/*
 * The configuration the hardware gets: an emulated both-edge pin is an edge
 * pin waiting for the edge away from its current level.
 */
struct gpio_clx_irq_config gpio_clx_hw_config(struct gpio_clx *clx,
					      unsigned int offset)
{
	struct gpio_clx_bank *bank = gpio_clx_bank(clx, offset);
	struct gpio_clx_irq_config cfg = clx->cfg[offset];

	if (gpio_clx_emulates_both(clx, &cfg))
		cfg.polarity = bank->emul_rising & gpio_clx_bit(clx, offset) ?
			       GPIO_CLX_ACTIVE_HIGH : GPIO_CLX_ACTIVE_LOW;
	return cfg;
}

/* The level of a pin: 0 or 1, or a negative errno if it cannot be read. */
int gpio_clx_level(struct gpio_clx *clx, unsigned int offset)
{
	u64 levels = 0;
	int ret;

	gpio_clx_assert_held(gpio_clx_bank(clx, offset));
	ret = clx->ops->read_pins(clx, gpio_clx_bank_of(clx, offset), &levels);
	if (ret)
		return ret;
	return !!(levels & gpio_clx_bit(clx, offset));
}

/*
 * Point an emulated pin at the edge away from its level, then read the
 * level again: if it moved while the polarity was being changed, that edge
 * may not have latched, so it is queued for one more dispatch and the pin
 * is pointed the other way. Bounded: a pin toggling faster than this loop
 * coalesces, as it would in hardware. A level that cannot be read counts as
 * unchanged.
 *
 * Right after an edge (@after_edge) the starting point is the level that
 * edge left, not a fresh read: a pulse shorter than the ISR's reaction is
 * already over when the level is read, and its second edge would otherwise
 * pass for no edge at all.
 */
void gpio_clx_emul_sync(struct gpio_clx *clx, unsigned int offset,
			bool after_edge)
{
	struct gpio_clx_bank *bank = gpio_clx_bank(clx, offset);
	unsigned int b = gpio_clx_bank_of(clx, offset);
	u64 bit = gpio_clx_bit(clx, offset);
	struct gpio_clx_irq_config cfg;
	int level, moved, tries;

	if (after_edge)
		level = !!(bank->emul_rising & bit);
	else
		level = gpio_clx_level(clx, offset);

	for (tries = 0; tries < 4 && level >= 0; tries++) {
		if (!!(bank->emul_rising & bit) == !level)
			return;
		bank->emul_rising ^= bit;
		cfg = gpio_clx_hw_config(clx, offset);
		if (clx->ops->reconfigure(clx, b, gpio_clx_pin_of(clx, offset),
					  &cfg)) {
			bank->emul_rising ^= bit;
			return;
		}
		moved = gpio_clx_level(clx, offset);
		if (moved < 0 || moved == level)
			return;
		level = moved;
		bank->replay |= bit;
	}
}

/*
 * An emulated both-edge pin was just programmed (enabled, or given a new
 * trigger) from a level read before: point it at its next edge from the
 * level now, and replay the edge the level made in between, which either
 * never latched or was cleared by the reprogramming. The replay runs from
 * the resend path: no handler may run inside an enable or a set_type.
 * An edge the primary ISR took meanwhile has pointed the pin already and
 * is not seen twice.
 */
void gpio_clx_emul_settle(struct gpio_clx *clx, unsigned int offset)
{
	struct gpio_clx_bank *bank = gpio_clx_bank(clx, offset);
	u64 bit = gpio_clx_bit(clx, offset);
	u64 was = bank->emul_rising & bit;

	gpio_clx_assert_held(bank);
	if (!(bank->emul & bit))
		return;
	gpio_clx_emul_sync(clx, offset, false);
	if (!(bank->replay & bit) && (bank->emul_rising & bit) == was)
		return;
	bank->replay &= ~bit;
	gpio_clx_replay_later(clx, offset);
}

/* Derive the bank's mode bits for a pin from its configuration. */
void gpio_clx_track_mode(struct gpio_clx *clx, unsigned int offset)
{
	struct gpio_clx_bank *bank = gpio_clx_bank(clx, offset);
	const struct gpio_clx_irq_config *cfg = &clx->cfg[offset];
	u64 bit = gpio_clx_bit(clx, offset);
	bool emul = gpio_clx_emulates_both(clx, cfg);

	gpio_clx_assert_held(bank);
	gpio_clx_assign(&bank->edge, bit, cfg->mode == GPIO_CLX_MODE_EDGE);
	gpio_clx_assign(&bank->emul, bit, emul);
	/* Unknown counts as low: the pin then waits for a rising edge. */
	gpio_clx_assign(&bank->emul_rising, bit,
			emul && gpio_clx_level(clx, offset) <= 0);
}

/* ---- the primary ISR ------------------------------------------------- */

/*
 * Rule 11: status on a pin the core never enabled (firmware leftovers, or a
 * client that lost track) is masked and counted instead of firing forever.
 * Rule 12: the hardware's own enable bits say which of the two it was.
 */
static void gpio_clx_quiet_stray(struct gpio_clx *clx, unsigned int b,
				 u64 stray)
{
	struct gpio_clx_bank *bank = &clx->banks[b];
	DECLARE_BITMAP(bits, GPIO_CLX_MAX_PINS_PER_BANK);
	u64 hw_enabled = 0;
	unsigned int pin;

	gpio_clx_assert_held(bank);
	gpio_clx_hw_mask(clx, b, stray);
	bitmap_from_u64(bits, stray);
	for_each_set_bit(pin, bits, clx->info.pins_per_bank)
		this_cpu_inc(bank->stats[pin].spurious);
	if (clx->ops->query_enabled &&
	    clx->ops->query_enabled(clx, b, &hw_enabled))
		hw_enabled = 0;
	if (hw_enabled & ~bank->enabled)
		dev_warn_ratelimited(clx->dev,
				     "bank %u: pins %#llx enabled in hardware behind the core's back, masked\n",
				     b, hw_enabled & ~bank->enabled);
	else
		dev_warn_ratelimited(clx->dev,
				     "bank %u: stray status %#llx masked\n",
				     b, stray);
}

/*
 * Run the handlers of @pending. Inlined into one copy per kind of
 * controller and per counter, so the loop itself makes no such choice.
 */
static __always_inline void gpio_clx_dispatch_pins(struct gpio_clx *clx,
						   unsigned int b, u64 pending,
						   const bool replay,
						   const bool nested)
{
	struct gpio_clx_bank *bank = &clx->banks[b];
	unsigned int base = b * clx->info.pins_per_bank, pin, virq;
	DECLARE_BITMAP(bits, GPIO_CLX_MAX_PINS_PER_BANK);
	int ret;

	bitmap_from_u64(bits, pending);
	for_each_set_bit(pin, bits, clx->info.pins_per_bank) {
		if (replay)
			this_cpu_inc(bank->stats[pin].replayed);
		else
			this_cpu_inc(bank->stats[pin].primary);
		if (nested) {
			/* A passive controller's consumers run in its thread (rule 16). */
			virq = irq_find_mapping(clx->domain, base + pin);
			ret = virq ? 0 : -EINVAL;
			if (virq)
				handle_nested_irq(virq);
		} else {
			ret = generic_handle_domain_irq(clx->domain, base + pin);
		}
		if (likely(!ret)) {
			this_cpu_inc(bank->stats[pin].dispatched);
			continue;
		}
		/* Enabled but never mapped: held masked, as stray status (rule 11). */
		this_cpu_inc(bank->stats[pin].spurious);
		scoped_guard(gpio_clx_bank, bank)
			gpio_clx_hold(clx, base + pin, &bank->unmapped);
	}
}

static __always_inline void gpio_clx_dispatch_kind(struct gpio_clx *clx,
						   unsigned int b, u64 pending,
						   const bool replay)
{
	if (clx->passive)
		gpio_clx_dispatch_pins(clx, b, pending, replay, true);
	else
		gpio_clx_dispatch_pins(clx, b, pending, replay, false);
}

void gpio_clx_dispatch(struct gpio_clx *clx, unsigned int b, u64 pending)
{
	gpio_clx_dispatch_kind(clx, b, pending, false);
}

/*
 * Ack the edges about to be dispatched, in the same hold of the bank lock
 * that read them (rules 13, 15): before any handler runs, so an edge that
 * arrives while it runs latches anew and is delivered again; and one lock
 * section per bank and interrupt, not a second one in irq_ack. Emulated
 * both-edge pins are pointed at their next edge here too. Nested
 * (passive) handlers have no flow handler to ack them anyway.
 */
static void gpio_clx_ack_pending(struct gpio_clx *clx, unsigned int b,
				 u64 pending, bool replay)
{
	struct gpio_clx_bank *bank = &clx->banks[b];
	unsigned int base = b * clx->info.pins_per_bank, pin;
	DECLARE_BITMAP(bits, GPIO_CLX_MAX_PINS_PER_BANK);
	u64 edges = pending & bank->edge;

	gpio_clx_assert_held(bank);
	if (edges && !gpio_clx_clears_on_read(clx))
		clx->ops->clear_active(clx, b, edges);
	if (likely(!(pending & bank->emul)))
		return;
	bitmap_from_u64(bits, pending & bank->emul);
	for_each_set_bit(pin, bits, clx->info.pins_per_bank)
		gpio_clx_emul_sync(clx, base + pin, !replay);
}

/*
 * The pins of @active the primary ISR may dispatch now (under the lock).
 * A replayed edge was found by re-reading the level, and its pin already
 * points at the next edge.
 */
static u64 gpio_clx_take_pending(struct gpio_clx *clx, unsigned int b,
				 u64 active, bool replay)
{
	struct gpio_clx_bank *bank = &clx->banks[b];
	u64 pending = active & bank->enabled & ~gpio_clx_held(bank);

	if (unlikely(pending & bank->debounce))
		pending = gpio_clx_debounce_bank(clx, b, pending);
	gpio_clx_ack_pending(clx, b, pending, replay);
	return pending;
}

/*
 * Emulated edges seen only by re-reading the level (rule 20), queued by the
 * acks of the interrupts just dispatched. Bounded: a pin toggling faster
 * than this coalesces, as it would in hardware.
 */
void gpio_clx_drain_replay(struct gpio_clx *clx, unsigned int b)
{
	struct gpio_clx_bank *bank = &clx->banks[b];
	u64 queued, pending;
	int round;

	/*
	 * Set only by acks on this path (or on another CPU, which drains its
	 * own): a bank with nothing queued is not locked again.
	 */
	if (likely(!READ_ONCE(bank->replay)))
		return;

	for (round = 0; round < 4; round++) {
		scoped_guard(gpio_clx_bank, bank) {
			/* The acks below may queue the next round. */
			queued = bank->replay;
			bank->replay = 0;
			pending = gpio_clx_take_pending(clx, b, queued, true);
			/*
			 * A pin held masked keeps its edge for the unmask
			 * (rule 6), which replays it: a passive controller
			 * unmasks in irq_bus_sync_unlock(), after genirq
			 * asked for the replay.
			 */
			bank->replay_held |= queued & bank->enabled &
					     gpio_clx_held(bank);
		}
		if (likely(!pending))
			return;
		gpio_clx_dispatch_kind(clx, b, pending, true);
	}
}

/* ---- edges genirq left pending ---------------------------------------- */

/*
 * The primary ISR acks an edge before its handler runs. If genirq then
 * refuses to run the handler (the interrupt was disabled in between, or it
 * is a wake-up interrupt and the system is suspending) it marks the edge
 * pending and asks for it again on enable_irq() or resume, through
 * irq_retrigger: the hardware has nothing latched any more, so the core
 * replays the edge itself, in the context its handlers expect.
 */
static void gpio_clx_resend(struct gpio_clx *clx)
{
	struct gpio_clx_bank *bank;
	unsigned int offset, b;

	for_each_set_bit(offset, clx->resend, clx->info.ngpio) {
		if (!test_and_clear_bit(offset, clx->resend))
			continue;
		bank = gpio_clx_bank(clx, offset);
		scoped_guard(gpio_clx_bank, bank)
			bank->replay |= gpio_clx_bit(clx, offset);
	}
	for (b = 0; b < clx->nbanks; b++)
		gpio_clx_drain_replay(clx, b);
}

static void gpio_clx_resend_hard(struct irq_work *work)
{
	gpio_clx_resend(container_of(work, struct gpio_clx, resend_hard));
}

static void gpio_clx_resend_thread(struct work_struct *work)
{
	gpio_clx_resend(container_of(work, struct gpio_clx, resend_work));
}

/*
 * Replay an edge of pin @offset soon, from the context its handlers run in:
 * for callers that hold the descriptor lock or run inside an enable, where
 * no handler may run.
 */
void gpio_clx_replay_later(struct gpio_clx *clx, unsigned int offset)
{
	set_bit(offset, clx->resend);
	if (clx->passive)
		queue_work(system_highpri_wq, &clx->resend_work);
	else
		irq_work_queue(&clx->resend_hard);
}

/* Called under the descriptor lock, with interrupts off. */
int gpio_clx_irq_retrigger(struct irq_data *d)
{
	struct gpio_clx *clx = gpio_clx_irq_live(d);

	if (!clx)
		return 0;
	gpio_clx_replay_later(clx, irqd_to_hwirq(d));
	return 1;
}

void gpio_clx_resend_init(struct gpio_clx *clx)
{
	clx->resend_hard = IRQ_WORK_INIT_HARD(gpio_clx_resend_hard);
	INIT_WORK(&clx->resend_work, gpio_clx_resend_thread);
}

/* At the unbind, once nothing can ask for a replay any more. */
void gpio_clx_resend_stop(struct gpio_clx *clx)
{
	irq_work_sync(&clx->resend_hard);
	cancel_work_sync(&clx->resend_work);
}

static void gpio_clx_count_held(struct gpio_clx_bank *bank, u64 held,
				unsigned int npins)
{
	DECLARE_BITMAP(bits, GPIO_CLX_MAX_PINS_PER_BANK);
	unsigned int pin;

	bitmap_from_u64(bits, held);
	for_each_set_bit(pin, bits, npins)
		this_cpu_inc(bank->stats[pin].masked_pending);
}

static void gpio_clx_handle_bank(struct gpio_clx *clx, unsigned int b)
{
	struct gpio_clx_bank *bank = &clx->banks[b];
	u64 active = 0, pending, stray, held;

	scoped_guard(gpio_clx_bank, bank) {
		if (clx->ops->query_active(clx, b, &active))
			return;
		stray = active & ~bank->enabled;
		held = active & bank->enabled & gpio_clx_held(bank);
		if (unlikely(stray))
			gpio_clx_quiet_stray(clx, b, stray);
		pending = gpio_clx_take_pending(clx, b, active, false);
	}
	if (unlikely(held))
		gpio_clx_count_held(bank, held, clx->info.pins_per_bank);
	gpio_clx_dispatch_kind(clx, b, pending, false);
	gpio_clx_drain_replay(clx, b);
}

/**
 * gpio_clx_handle_primary() - run the primary interrupt service routine
 * @clx: the controller
 *
 * Reads the active status of the banks that may have some (every bank, or
 * those the client's pending_banks() callback names) and dispatches each
 * active, enabled and unmasked pin to its interrupt handler. The core calls
 * this from the handler it installs on the parent interrupt; a client
 * registered without a parent interrupt calls it from its own: in hard-IRQ
 * context for a memory-mapped controller, from a thread for a passive one.
 */
void gpio_clx_handle_primary(struct gpio_clx *clx)
{
	DECLARE_BITMAP(pending, GPIO_CLX_MAX_BANKS);
	unsigned int b;

	/*
	 * A summary of pending banks keeps the cost flat in the number of
	 * banks; without one every bank is queried, as GpioClx does.
	 */
	if (clx->ops->pending_banks) {
		bitmap_zero(pending, GPIO_CLX_MAX_BANKS);
		clx->ops->pending_banks(clx, pending);
		for_each_set_bit(b, pending, clx->nbanks)
			gpio_clx_handle_bank(clx, b);
		return;
	}
	for (b = 0; b < clx->nbanks; b++)
		gpio_clx_handle_bank(clx, b);
}
EXPORT_SYMBOL_GPL(gpio_clx_handle_primary);

static void gpio_clx_chained_handler(struct irq_desc *desc)
{
	struct gpio_clx *clx = irq_desc_get_handler_data(desc);
	struct irq_chip *chip = irq_desc_get_chip(desc);

	chained_irq_enter(chip, desc);
	gpio_clx_handle_primary(clx);
	chained_irq_exit(chip, desc);
}

/*
 * Passive controller, hard-IRQ half: the client's pre-process step latches
 * status that would otherwise be lost before the thread gets to read it.
 */
static irqreturn_t gpio_clx_passive_hardirq(int irq, void *data)
{
	struct gpio_clx *clx = data;

	clx->ops->pre_process(clx);
	return IRQ_WAKE_THREAD;
}

static irqreturn_t gpio_clx_passive_thread(int irq, void *data)
{
	gpio_clx_handle_primary(data);
	return IRQ_HANDLED;
}

static void gpio_clx_remove_chained(void *data)
{
	struct gpio_clx *clx = data;

	irq_set_chained_handler_and_data(clx->parent_irq, NULL, NULL);
}

/*
 * The primary interrupt: a chained handler for a memory-mapped controller,
 * a threaded handler (IRQF_ONESHOT keeps the parent masked until it is
 * done) for a passive one.
 */
int gpio_clx_connect_parent(struct gpio_clx *clx)
{
	if (clx->passive)
		return devm_request_threaded_irq(clx->dev, clx->parent_irq,
						 clx->ops->pre_process ?
						 gpio_clx_passive_hardirq : NULL,
						 gpio_clx_passive_thread,
						 IRQF_ONESHOT, dev_name(clx->dev),
						 clx);
	irq_set_chained_handler_and_data(clx->parent_irq,
					 gpio_clx_chained_handler, clx);
	return devm_add_action_or_reset(clx->dev, gpio_clx_remove_chained, clx);
}
