// SPDX-License-Identifier: GPL-2.0-only
/*
 * KUnit tests for the gpioclx core against a fake in-memory client.
 *
 * The fake keeps a register file per bank and logs every callback in the
 * order it was made, so a case can check both the final hardware state and
 * the order in which the core programmed it. Interrupts are delivered by
 * running the core's primary ISR from a hard hrtimer, the same hard-IRQ
 * context a chained handler has on a real board. Each case names the rule
 * of GPIOCLX-RULES.md it pins down.
 *
 * Most cases run twice: against a memory-mapped client (raw spinlocks,
 * chained primary ISR in hard-IRQ context) and against a passive-level one
 * (mutexes, callbacks applied in irq_bus_sync_unlock, primary ISR in a
 * thread dispatching nested handlers).
 */

#include <kunit/test.h>
#include <linux/completion.h>
#include <linux/device.h>
#include <linux/gpio/consumer.h>
#include <linux/gpio/driver.h>
#include <linux/gpio/machine.h>
#include <linux/hrtimer.h>
#include <linux/interrupt.h>
#include <linux/irq.h>
#include <linux/delay.h>
#include <linux/irqdomain.h>
#include <linux/platform_device.h>

#include <linux/gpio/clx.h>

#include "gpio-clx-compat.h"
#include "gpio-clx-testing.h"

/* gpiolib's private header, from the kernel tree: GPIOD_FLAG_IRQ_IS_ENABLED. */
#include <gpiolib.h>

#define FAKE_NGPIO	40
#define FAKE_PPB	32
#define FAKE_BANKS	DIV_ROUND_UP(FAKE_NGPIO, FAKE_PPB)
#define FAKE_LOG_LEN	64

enum fake_op {
	FAKE_ENABLE = 1,
	FAKE_DISABLE,
	FAKE_MASK,
	FAKE_UNMASK,
	FAKE_QUERY_ACTIVE,
	FAKE_CLEAR,
	FAKE_RECONFIGURE,
	FAKE_DIRECTION,
	FAKE_QUERY_ENABLED,
	FAKE_SAVE,
	FAKE_RESTORE,
	FAKE_HANDLER,		/* logged by the test's interrupt handler */
	FAKE_THREAD_DONE,	/* logged by a blocking thread as it returns */
};

struct fake_call {
	enum fake_op op;
	unsigned int bank;
	u64 arg;		/* pin or mask */
	struct gpio_clx_irq_config cfg;
	bool hardirq;
	bool locked;		/* the bank's interrupt lock was held */
	bool gpiolib_enabled;	/* gpiolib saw the pin's irq enabled */
};

struct fake_bank {
	u64 level, en, mask, edge, status;
	u64 saved_mask;		/* save_context's copy, put back by restore */
	struct gpio_clx_irq_config cfg[FAKE_PPB];
};

struct fake {
	struct kunit *test;
	struct platform_device *pdev;
	struct device *dev;
	struct gpio_clx *clx;
	struct gpio_chip *gc;
	struct fake_bank banks[FAKE_BANKS];
	struct fake_call log[FAKE_LOG_LEN];
	unsigned int nlog;
	unsigned int handled;
	ktime_t handled_at;		/* when the handler last ran */
	DECLARE_BITMAP(requested, FAKE_NGPIO);
	unsigned long flags;
	struct hrtimer timer;
	struct completion fired;
	struct completion thread_started, thread_release;
	bool both_edges;
	bool hw_debounce;
	bool passive;
	u64 flip_on_reconfigure;	/* bank 0 pins whose level moves once */
	u64 rise_before_arm;		/* bank 0 pins that rise in the enable */
	u64 rise_after_arm;
	u64 mask_fails;			/* pins mask_interrupts refuses */
	bool mask_fail_once;
	bool reassert;			/* the handler sees a new edge arrive */
	int disable_in_handler;		/* an interrupt the handler disables */
	bool reconfigure_fails;		/* reconfigure answers -EIO */
};

static struct fake *fake_of(struct gpio_clx *clx)
{
	return gpio_clx_priv(clx);
}

static void fake_log(struct gpio_clx *clx, enum fake_op op, unsigned int bank,
		     u64 arg, const struct gpio_clx_irq_config *cfg)
{
	struct fake *f = fake_of(clx);
	struct fake_call *c;

	if (f->nlog >= FAKE_LOG_LEN)
		return;
	c = &f->log[f->nlog++];
	c->op = op;
	c->bank = bank;
	c->arg = arg;
	c->hardirq = in_hardirq();
	c->locked = gpio_clx_bank_held(gpio_clx_get_bank(clx, bank));
	if (cfg)
		c->cfg = *cfg;
}

/* Record whether gpiolib thinks the (first) pin of @mask has its irq on. */
static void fake_note_gpiolib(struct fake *f, unsigned int bank, u64 mask)
{
	struct gpio_desc *desc;

	if (!f->gc || !mask || !f->nlog)
		return;
	desc = gpio_clx_chip_desc(f->gc, bank * FAKE_PPB + __ffs64(mask));
	if (!IS_ERR(desc))
		f->log[f->nlog - 1].gpiolib_enabled =
			test_bit(GPIOD_FLAG_IRQ_IS_ENABLED, &desc->flags);
}

static int fake_read_pins(struct gpio_clx *clx, unsigned int bank, u64 *levels)
{
	*levels = fake_of(clx)->banks[bank].level;
	return 0;
}

static int fake_enable(struct gpio_clx *clx, unsigned int bank,
		       unsigned int pin, const struct gpio_clx_irq_config *cfg)
{
	struct fake_bank *b = &fake_of(clx)->banks[bank];

	struct fake *f = fake_of(clx);
	u64 bit = BIT_ULL(pin);

	fake_log(clx, FAKE_ENABLE, bank, pin, cfg);
	/* The level rises before the edge detector is armed: nothing latches. */
	if (bank == 0 && (f->rise_before_arm & bit))
		b->level |= bit;
	b->cfg[pin] = *cfg;
	b->status &= ~bit;
	b->mask &= ~bit;
	b->en |= bit;
	/* It rises just after: a pin armed for a rising edge latches it. */
	if (bank == 0 && (f->rise_after_arm & bit) && !(b->level & bit)) {
		b->level |= bit;
		if (cfg->mode == GPIO_CLX_MODE_EDGE &&
		    cfg->polarity != GPIO_CLX_ACTIVE_LOW)
			b->status |= bit;
	}
	return 0;
}

static void fake_disable(struct gpio_clx *clx, unsigned int bank,
			 unsigned int pin)
{
	struct fake_bank *b = &fake_of(clx)->banks[bank];

	fake_log(clx, FAKE_DISABLE, bank, pin, NULL);
	b->en &= ~BIT_ULL(pin);
	memset(&b->cfg[pin], 0, sizeof(b->cfg[pin]));
}

static void fake_mask(struct gpio_clx *clx, unsigned int bank, u64 mask,
		      u64 *failed)
{
	struct fake *f = fake_of(clx);

	fake_log(clx, FAKE_MASK, bank, mask, NULL);
	fake_note_gpiolib(f, bank, mask);
	/* A bus controller may fail to mask some pins (rule 3). */
	*failed = mask & f->mask_fails;
	if (f->mask_fail_once)
		f->mask_fails = 0;
	f->banks[bank].mask |= mask & ~*failed;
}

static void fake_unmask(struct gpio_clx *clx, unsigned int bank,
			unsigned int pin, const struct gpio_clx_irq_config *cfg)
{
	fake_log(clx, FAKE_UNMASK, bank, pin, cfg);
	fake_note_gpiolib(fake_of(clx), bank, BIT_ULL(pin));
	fake_of(clx)->banks[bank].mask &= ~BIT_ULL(pin);
}

static int fake_query_active(struct gpio_clx *clx, unsigned int bank,
			     u64 *active)
{
	struct fake_bank *b = &fake_of(clx)->banks[bank];

	fake_log(clx, FAKE_QUERY_ACTIVE, bank, 0, NULL);
	*active = b->status & b->en;
	return 0;
}

static void fake_clear(struct gpio_clx *clx, unsigned int bank, u64 mask)
{
	fake_log(clx, FAKE_CLEAR, bank, mask, NULL);
	fake_of(clx)->banks[bank].status &= ~mask;
}

static int fake_query_enabled(struct gpio_clx *clx, unsigned int bank,
			      u64 *enabled)
{
	fake_log(clx, FAKE_QUERY_ENABLED, bank, 0, NULL);
	*enabled = fake_of(clx)->banks[bank].en;
	return 0;
}

static int fake_reconfigure(struct gpio_clx *clx, unsigned int bank,
			    unsigned int pin,
			    const struct gpio_clx_irq_config *cfg)
{
	struct fake *f = fake_of(clx);
	struct fake_bank *b = &f->banks[bank];

	fake_log(clx, FAKE_RECONFIGURE, bank, pin, cfg);
	if (f->reconfigure_fails)
		return -EIO;
	b->cfg[pin] = *cfg;
	b->status &= ~BIT_ULL(pin);
	/* The pin moves while it is being reprogrammed: nothing latches. */
	if (bank == 0 && (f->flip_on_reconfigure & BIT_ULL(pin))) {
		f->flip_on_reconfigure &= ~BIT_ULL(pin);
		b->level ^= BIT_ULL(pin);
	}
	return 0;
}

static int fake_set_direction(struct gpio_clx *clx, unsigned int bank,
			      unsigned int pin, bool output, int value)
{
	fake_log(clx, FAKE_DIRECTION, bank, output, NULL);
	return 0;
}

/* Like a controller whose mask register is lost in sleep. */
static void fake_save(struct gpio_clx *clx, unsigned int bank)
{
	struct fake_bank *b = &fake_of(clx)->banks[bank];

	fake_log(clx, FAKE_SAVE, bank, 0, NULL);
	b->saved_mask = b->mask;
}

static void fake_restore(struct gpio_clx *clx, unsigned int bank)
{
	struct fake_bank *b = &fake_of(clx)->banks[bank];

	fake_log(clx, FAKE_RESTORE, bank, 0, NULL);
	b->mask = b->saved_mask;
}

static const struct gpio_clx_ops fake_ops = {
	.read_pins = fake_read_pins,
	.set_direction = fake_set_direction,
	.enable_interrupt = fake_enable,
	.disable_interrupt = fake_disable,
	.mask_interrupts = fake_mask,
	.unmask_interrupt = fake_unmask,
	.query_active = fake_query_active,
	.clear_active = fake_clear,
	.query_enabled = fake_query_enabled,
	.reconfigure = fake_reconfigure,
	.save_context = fake_save,
	.restore_context = fake_restore,
};

/* ---- fixture -------------------------------------------------------- */

static enum hrtimer_restart fake_fire(struct hrtimer *timer)
{
	struct fake *f = container_of(timer, struct fake, timer);

	gpio_clx_handle_primary(f->clx);
	complete(&f->fired);
	return HRTIMER_NORESTART;
}

/*
 * Run the primary ISR once, in hard-IRQ context for a memory-mapped client,
 * in this (process) context for a passive one, and wait for it.
 */
static void fake_primary(struct fake *f)
{
	if (f->passive) {
		gpio_clx_handle_primary(f->clx);
		return;
	}
	reinit_completion(&f->fired);
	hrtimer_start(&f->timer, 0, HRTIMER_MODE_REL_HARD);
	KUNIT_ASSERT_NE(f->test,
			wait_for_completion_timeout(&f->fired, HZ), 0UL);
}

static int fake_register(struct fake *f)
{
	struct gpio_clx_info info = {
		.ngpio = FAKE_NGPIO,
		.pins_per_bank = FAKE_PPB,
		.flags = (f->passive ? 0 : GPIO_CLX_MEMORY_MAPPED) |
			 (f->both_edges ? GPIO_CLX_HW_BOTH_EDGES : 0) |
			 (f->hw_debounce ? GPIO_CLX_HW_DEBOUNCE : 0),
	};

	f->clx = devm_gpio_clx_register(f->dev, &info, &fake_ops, f, 0);
	if (IS_ERR(f->clx))
		return PTR_ERR(f->clx);
	f->gc = gpio_clx_gpio_chip(f->clx);
	return 0;
}

static int gpio_clx_test_init(struct kunit *test)
{
	struct fake *f;

	f = kunit_kzalloc(test, sizeof(*f), GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, f);
	f->test = test;
	f->both_edges = true;
	init_completion(&f->fired);
	init_completion(&f->thread_started);
	init_completion(&f->thread_release);
	hrtimer_setup(&f->timer, fake_fire, CLOCK_MONOTONIC, HRTIMER_MODE_REL_HARD);
	f->pdev = platform_device_register_simple("gpio-clx-test",
						  PLATFORM_DEVID_AUTO, NULL, 0);
	KUNIT_ASSERT_FALSE(test, IS_ERR(f->pdev));
	f->dev = &f->pdev->dev;
	test->priv = f;
	return 0;
}

static void gpio_clx_test_exit(struct kunit *test)
{
	struct fake *f = test->priv;
	unsigned int off;

	if (!f)
		return;
	/* A case that failed must not leave a thread blocked in free_irq(). */
	complete_all(&f->thread_release);
	for_each_set_bit(off, f->requested, FAKE_NGPIO)
		free_irq(f->gc->to_irq(f->gc, off), f);
	hrtimer_cancel(&f->timer);
	platform_device_unregister(f->pdev);
}

/* ---- helpers -------------------------------------------------------- */

static irqreturn_t fake_handler(int irq, void *data)
{
	struct fake *f = data;

	irq_hw_number_t hwirq = irqd_to_hwirq(irq_get_irq_data(irq));

	fake_log(f->clx, FAKE_HANDLER, 0, hwirq, NULL);
	f->handled_at = ktime_get();
	f->handled++;
	if (f->disable_in_handler) {
		/* Another pin's interrupt is disabled before it is dispatched. */
		disable_irq_nosync(f->disable_in_handler);
		f->disable_in_handler = 0;
	}
	if (f->reassert) {
		/* Another edge arrives while this one is being handled. */
		f->reassert = false;
		f->banks[hwirq / FAKE_PPB].status |= BIT_ULL(hwirq % FAKE_PPB);
	}
	return IRQ_HANDLED;
}

/* The second sharer's dev_id is &f->nlog, so free_irq() can tell them apart. */
static irqreturn_t fake_handler_b(int irq, void *data)
{
	return fake_handler(irq, container_of(data, struct fake, nlog));
}

static int fake_virq(struct fake *f, unsigned int offset)
{
	int virq = f->gc->to_irq(f->gc, offset);

	KUNIT_ASSERT_GT(f->test, virq, 0);
	return virq;
}

/*
 * A passive controller's interrupts are nested in its primary thread, so
 * their consumers must have a thread function and no hard-IRQ handler.
 */
static int fake_request_irq(struct fake *f, int virq, irq_handler_t fn,
			    unsigned long flags, void *dev_id)
{
	if (f->passive)
		return request_threaded_irq(virq, NULL, fn, flags | IRQF_ONESHOT,
					    "kunit", dev_id);
	return request_irq(virq, fn, flags, "kunit", dev_id);
}

static int fake_request(struct fake *f, unsigned int offset,
			unsigned long type)
{
	int virq = fake_virq(f, offset);

	KUNIT_ASSERT_EQ(f->test, fake_request_irq(f, virq, fake_handler,
						  type, f), 0);
	__set_bit(offset, f->requested);
	return virq;
}

static void fake_free(struct fake *f, unsigned int offset)
{
	free_irq(fake_virq(f, offset), f);
	__clear_bit(offset, f->requested);
}

/* The hardware latched an edge, or a level input is asserted. */
static void fake_assert(struct fake *f, unsigned int offset, bool on)
{
	struct fake_bank *b = &f->banks[offset / FAKE_PPB];
	u64 bit = BIT_ULL(offset % FAKE_PPB);

	guard(gpio_clx_bank)(gpio_clx_get_bank(f->clx, offset / FAKE_PPB));
	b->status = on ? b->status | bit : b->status & ~bit;
}

/*
 * The level on input @offset moves to @high, and the hardware latches the
 * edge if the pin's programmed edge configuration asks for it, as a
 * controller does: an edge the pin does not wait for is not seen.
 */
static void fake_drive(struct fake *f, unsigned int offset, bool high)
{
	struct fake_bank *b = &f->banks[offset / FAKE_PPB];
	unsigned int pin = offset % FAKE_PPB;
	const struct gpio_clx_irq_config *cfg = &b->cfg[pin];
	u64 bit = BIT_ULL(pin);
	bool was = b->level & bit, hit;

	guard(gpio_clx_bank)(gpio_clx_get_bank(f->clx, offset / FAKE_PPB));
	b->level = high ? b->level | bit : b->level & ~bit;
	hit = was != high && cfg->mode == GPIO_CLX_MODE_EDGE &&
	      (cfg->polarity == GPIO_CLX_ACTIVE_BOTH ||
	       high == (cfg->polarity == GPIO_CLX_ACTIVE_HIGH));
	if (hit && (b->en & bit))
		b->status |= bit;
}

static unsigned int fake_count(struct fake *f, enum fake_op op)
{
	unsigned int i, n = 0;

	for (i = 0; i < f->nlog; i++)
		n += f->log[i].op == op;
	return n;
}

/* Index of the first logged call of @op at or after @from, or -1. */
static int fake_find(struct fake *f, enum fake_op op, unsigned int from)
{
	unsigned int i;

	for (i = from; i < f->nlog; i++)
		if (f->log[i].op == op)
			return i;
	return -1;
}

static void fake_clear_log(struct fake *f)
{
	f->nlog = 0;
}

struct gpio_clx_mode_case {
	const char *name;
	bool passive;
};

static const struct gpio_clx_mode_case gpio_clx_mode_cases[] = {
	{ "memory-mapped", false },
	{ "passive", true },
};

static void gpio_clx_mode_desc(const struct gpio_clx_mode_case *c, char *desc)
{
	strscpy(desc, c->name, KUNIT_PARAM_DESC_SIZE);
}

KUNIT_ARRAY_PARAM(gpio_clx_mode, gpio_clx_mode_cases, gpio_clx_mode_desc);

/* The fake of a mode-parameterised case, not yet registered. */
static struct fake *fake_of_mode(struct kunit *test)
{
	const struct gpio_clx_mode_case *c = test->param_value;
	struct fake *f = test->priv;

	f->passive = c->passive;
	return f;
}

/* ---- registration: rules 1, 2, 4 ---------------------------------------- */

/* Test that pins map to hwirq = bank * pins_per_bank + pin and back (rule 1). */
static void gpio_clx_test_mapping(struct kunit *test)
{
	static const unsigned int offsets[] = { 0, 5, 31, 32, 39 };
	struct fake *f = test->priv;
	unsigned int i, off;
	int virq;

	KUNIT_ASSERT_EQ(test, fake_register(f), 0);
	KUNIT_EXPECT_EQ(test, gpio_clx_nbanks(f->clx), 2U);
	for (i = 0; i < ARRAY_SIZE(offsets); i++) {
		off = offsets[i];
		virq = fake_virq(f, off);
		KUNIT_EXPECT_EQ(test, irqd_to_hwirq(irq_get_irq_data(virq)),
				(irq_hw_number_t)off);
		KUNIT_EXPECT_EQ(test, gpio_clx_pin_to_irq(f->clx, off / FAKE_PPB,
							  off % FAKE_PPB), virq);
	}
	/* The last bank is partial: pin 8 of bank 1 does not exist. */
	KUNIT_EXPECT_EQ(test, gpio_clx_pin_to_irq(f->clx, 1, 8), -EINVAL);
	KUNIT_EXPECT_EQ(test, gpio_clx_pin_to_irq(f->clx, 0, FAKE_PPB), -EINVAL);
	/* Distinct pins get distinct interrupts. */
	KUNIT_EXPECT_NE(test, fake_virq(f, 0), fake_virq(f, 32));
}

/* Test that bad geometry is refused with -EINVAL (rule 1). */
static void gpio_clx_test_bad_geometry(struct kunit *test)
{
	static const struct { unsigned int ngpio, ppb; } bad[] = {
		{ 0, 32 }, { 32, 0 }, { 130, 65 },
	};
	struct fake *f = test->priv;
	struct gpio_clx_info info = { .flags = GPIO_CLX_MEMORY_MAPPED };
	struct gpio_clx *clx;
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(bad); i++) {
		info.ngpio = bad[i].ngpio;
		info.pins_per_bank = bad[i].ppb;
		clx = devm_gpio_clx_register(f->dev, &info, &fake_ops, f, 0);
		KUNIT_EXPECT_EQ(test, PTR_ERR_OR_ZERO(clx), -EINVAL);
	}
}

/* Test that an incomplete interrupt packet is refused with -EINVAL (rule 2). */
static void gpio_clx_test_incomplete_packet(struct kunit *test)
{
	struct fake *f = test->priv;
	struct gpio_clx_info info = {
		.ngpio = 8, .pins_per_bank = 8, .flags = GPIO_CLX_MEMORY_MAPPED,
	};
	/* The packet outlives the registration, whose unbind still uses it. */
	struct gpio_clx_ops *ops = kunit_kzalloc(test, sizeof(*ops), GFP_KERNEL);
	struct gpio_clx *clx;

	KUNIT_ASSERT_NOT_NULL(test, ops);
	*ops = fake_ops;
	ops->mask_interrupts = NULL;
	clx = devm_gpio_clx_register(f->dev, &info, ops, f, 0);
	KUNIT_EXPECT_EQ(test, PTR_ERR_OR_ZERO(clx), -EINVAL);

	*ops = fake_ops;
	ops->clear_active = NULL;
	clx = devm_gpio_clx_register(f->dev, &info, ops, f, 0);
	KUNIT_EXPECT_EQ(test, PTR_ERR_OR_ZERO(clx), -EINVAL);

	/* Status that clears on read needs no clear_active. */
	info.flags |= GPIO_CLX_STATUS_CLEARS_ON_READ;
	clx = devm_gpio_clx_register(f->dev, &info, ops, f, 0);
	KUNIT_EXPECT_FALSE(test, IS_ERR(clx));
}

/* Test that interrupts left enabled by firmware are disabled (rule 4). */
static void gpio_clx_test_stale_enables(struct kunit *test)
{
	struct fake *f = test->priv;

	f->banks[0].en = BIT_ULL(3);
	f->banks[0].status = BIT_ULL(3);
	f->banks[1].en = BIT_ULL(2);
	KUNIT_ASSERT_EQ(test, fake_register(f), 0);
	KUNIT_EXPECT_EQ(test, f->banks[0].en, 0ULL);
	KUNIT_EXPECT_EQ(test, f->banks[1].en, 0ULL);
	KUNIT_EXPECT_EQ(test, f->banks[0].status, 0ULL);
	KUNIT_EXPECT_EQ(test, fake_count(f, FAKE_DISABLE), 2U);
}

/* ---- enable, mask: rules 5 to 9 ------------------------------------------ */

struct gpio_clx_type_case {
	const char *name;
	unsigned long trigger;
	enum gpio_clx_mode mode;
	enum gpio_clx_polarity polarity;
	bool passive;
};

static const struct gpio_clx_type_case gpio_clx_type_cases[] = {
	{ "rising", IRQF_TRIGGER_RISING,
	  GPIO_CLX_MODE_EDGE, GPIO_CLX_ACTIVE_HIGH, false },
	{ "falling", IRQF_TRIGGER_FALLING,
	  GPIO_CLX_MODE_EDGE, GPIO_CLX_ACTIVE_LOW, false },
	{ "both", IRQF_TRIGGER_RISING | IRQF_TRIGGER_FALLING,
	  GPIO_CLX_MODE_EDGE, GPIO_CLX_ACTIVE_BOTH, false },
	{ "high", IRQF_TRIGGER_HIGH,
	  GPIO_CLX_MODE_LEVEL, GPIO_CLX_ACTIVE_HIGH, false },
	{ "low", IRQF_TRIGGER_LOW,
	  GPIO_CLX_MODE_LEVEL, GPIO_CLX_ACTIVE_LOW, false },
	{ "rising passive", IRQF_TRIGGER_RISING,
	  GPIO_CLX_MODE_EDGE, GPIO_CLX_ACTIVE_HIGH, true },
	{ "falling passive", IRQF_TRIGGER_FALLING,
	  GPIO_CLX_MODE_EDGE, GPIO_CLX_ACTIVE_LOW, true },
	{ "both passive", IRQF_TRIGGER_RISING | IRQF_TRIGGER_FALLING,
	  GPIO_CLX_MODE_EDGE, GPIO_CLX_ACTIVE_BOTH, true },
	{ "high passive", IRQF_TRIGGER_HIGH,
	  GPIO_CLX_MODE_LEVEL, GPIO_CLX_ACTIVE_HIGH, true },
	{ "low passive", IRQF_TRIGGER_LOW,
	  GPIO_CLX_MODE_LEVEL, GPIO_CLX_ACTIVE_LOW, true },
};

static void gpio_clx_type_desc(const struct gpio_clx_type_case *c, char *desc)
{
	strscpy(desc, c->name, KUNIT_PARAM_DESC_SIZE);
}

KUNIT_ARRAY_PARAM(gpio_clx_type, gpio_clx_type_cases, gpio_clx_type_desc);

/*
 * Test that requesting an interrupt enables the pin once with the mode and
 * polarity of its trigger type, unmasked, and that it then interrupts
 * (rules 5 and 19).
 */
static void gpio_clx_test_enable_programs(struct kunit *test)
{
	const struct gpio_clx_type_case *c = test->param_value;
	struct fake *f = test->priv;
	int i;

	f->passive = c->passive;
	KUNIT_ASSERT_EQ(test, fake_register(f), 0);
	fake_clear_log(f);
	fake_request(f, 33, c->trigger);

	KUNIT_EXPECT_EQ(test, fake_count(f, FAKE_ENABLE), 1U);
	i = fake_find(f, FAKE_ENABLE, 0);
	KUNIT_ASSERT_GE(test, i, 0);
	KUNIT_EXPECT_EQ(test, f->log[i].bank, 1U);
	KUNIT_EXPECT_EQ(test, f->log[i].arg, 1ULL);
	KUNIT_EXPECT_EQ(test, f->log[i].cfg.mode, c->mode);
	KUNIT_EXPECT_EQ(test, f->log[i].cfg.polarity, c->polarity);
	KUNIT_EXPECT_EQ(test, fake_count(f, FAKE_MASK), 0U);
	KUNIT_EXPECT_EQ(test, f->banks[1].mask & BIT_ULL(1), 0ULL);

	fake_assert(f, 33, true);
	fake_primary(f);
	KUNIT_EXPECT_EQ(test, f->handled, 1U);
}

/*
 * Test that trigger types that mean nothing (none, edge and level at once,
 * two levels) are refused with -EINVAL and enable nothing (rule 19).
 */
static void gpio_clx_test_type_refused(struct kunit *test)
{
	static const unsigned int bad[] = {
		IRQ_TYPE_NONE,
		IRQ_TYPE_EDGE_RISING | IRQ_TYPE_LEVEL_HIGH,
		IRQ_TYPE_LEVEL_HIGH | IRQ_TYPE_LEVEL_LOW,
	};
	struct fake *f = test->priv;
	struct irq_data *d;
	unsigned int i;

	KUNIT_ASSERT_EQ(test, fake_register(f), 0);
	d = irq_get_irq_data(fake_virq(f, 2));
	fake_clear_log(f);
	for (i = 0; i < ARRAY_SIZE(bad); i++)
		KUNIT_EXPECT_EQ(test, irq_data_get_irq_chip(d)->irq_set_type(d, bad[i]),
				-EINVAL);
	KUNIT_EXPECT_EQ(test, f->nlog, 0U);
	KUNIT_EXPECT_EQ(test, f->banks[0].en, 0ULL);
}

/*
 * Test that both edges on a controller without them in hardware are
 * emulated: the hardware only ever sees rising or falling, pointed away
 * from the current level and flipped after each edge (rule 20).
 */
static void gpio_clx_test_emulated_both_flips(struct kunit *test)
{
	struct fake *f = fake_of_mode(test);
	int i;

	f->both_edges = false;
	KUNIT_ASSERT_EQ(test, fake_register(f), 0);
	fake_request(f, 15, IRQF_TRIGGER_RISING | IRQF_TRIGGER_FALLING);
	i = fake_find(f, FAKE_ENABLE, 0);
	KUNIT_ASSERT_GE(test, i, 0);
	KUNIT_EXPECT_EQ(test, f->log[i].cfg.mode, GPIO_CLX_MODE_EDGE);
	KUNIT_EXPECT_EQ(test, f->log[i].cfg.polarity, GPIO_CLX_ACTIVE_HIGH);

	/* Rising: now wait for falling. */
	f->banks[0].level |= BIT_ULL(15);
	fake_assert(f, 15, true);
	fake_clear_log(f);
	fake_primary(f);
	KUNIT_EXPECT_EQ(test, f->handled, 1U);
	i = fake_find(f, FAKE_RECONFIGURE, 0);
	KUNIT_ASSERT_GE(test, i, 0);
	KUNIT_EXPECT_EQ(test, f->log[i].cfg.polarity, GPIO_CLX_ACTIVE_LOW);
	KUNIT_EXPECT_LT(test, i, fake_find(f, FAKE_HANDLER, 0));

	/* Falling: back to rising. */
	f->banks[0].level &= ~BIT_ULL(15);
	fake_assert(f, 15, true);
	fake_clear_log(f);
	fake_primary(f);
	KUNIT_EXPECT_EQ(test, f->handled, 2U);
	i = fake_find(f, FAKE_RECONFIGURE, 0);
	KUNIT_ASSERT_GE(test, i, 0);
	KUNIT_EXPECT_EQ(test, f->log[i].cfg.polarity, GPIO_CLX_ACTIVE_HIGH);
	KUNIT_EXPECT_EQ(test, f->banks[0].cfg[15].polarity, GPIO_CLX_ACTIVE_HIGH);
}

/*
 * Test that an edge racing the polarity flip of an emulated pin is still
 * delivered: the level moves back while the core points the pin the other
 * way, the core sees it on re-reading and dispatches once more (rule 20).
 */
static void gpio_clx_test_emulated_both_race(struct kunit *test)
{
	struct fake *f = fake_of_mode(test);
	struct gpio_clx_stats stats;

	f->both_edges = false;
	KUNIT_ASSERT_EQ(test, fake_register(f), 0);
	fake_request(f, 16, IRQF_TRIGGER_RISING | IRQF_TRIGGER_FALLING);

	f->banks[0].level |= BIT_ULL(16);
	fake_assert(f, 16, true);
	f->flip_on_reconfigure = BIT_ULL(16);	/* falls during the flip */
	fake_primary(f);

	KUNIT_EXPECT_EQ(test, f->handled, 2U);
	gpio_clx_get_stats(f->clx, 16, &stats);
	KUNIT_EXPECT_EQ(test, stats.primary, 1ULL);
	KUNIT_EXPECT_EQ(test, stats.replayed, 1ULL);
	KUNIT_EXPECT_EQ(test, stats.dispatched, 2ULL);
	/* Low again, so the pin waits for a rising edge. */
	KUNIT_EXPECT_EQ(test, f->banks[0].cfg[16].polarity, GPIO_CLX_ACTIVE_HIGH);
}

/*
 * Test that a pulse shorter than the primary ISR's reaction is delivered
 * whole on an emulated pin: its rising edge latched, but the level is low
 * again by the time the core looks. The core starts from the level the
 * rising edge left, finds the pin low, and dispatches the falling edge
 * once more (rule 20).
 */
static void gpio_clx_test_emulated_both_short_pulse(struct kunit *test)
{
	struct fake *f = fake_of_mode(test);
	struct gpio_clx_stats stats;

	f->both_edges = false;
	KUNIT_ASSERT_EQ(test, fake_register(f), 0);
	fake_request(f, 16, IRQF_TRIGGER_RISING | IRQF_TRIGGER_FALLING);

	/* Up and down again before the ISR: only the rising edge latched. */
	fake_assert(f, 16, true);
	fake_primary(f);

	KUNIT_EXPECT_EQ(test, f->handled, 2U);
	gpio_clx_get_stats(f->clx, 16, &stats);
	KUNIT_EXPECT_EQ(test, stats.primary, 1ULL);
	KUNIT_EXPECT_EQ(test, stats.replayed, 1ULL);
	/* Low, so the pin waits for the next rising edge. */
	KUNIT_EXPECT_EQ(test, f->banks[0].cfg[16].polarity, GPIO_CLX_ACTIVE_HIGH);
}

/*
 * Test that an edge made while an emulated both-edge pin is being enabled
 * is delivered, once: the core read the level low and armed the pin for a
 * rising edge, and the level rose before the hardware was armed (nothing
 * latched; pin 17) or just after (pointing the pin at its falling edge
 * clears the latch; pin 18). The falling edge after it is delivered too
 * (rule 20).
 */
static void gpio_clx_test_emulated_both_edge_in_enable(struct kunit *test)
{
	struct fake *f = fake_of_mode(test);
	struct gpio_clx_stats stats;
	unsigned int i, off;

	f->both_edges = false;
	KUNIT_ASSERT_EQ(test, fake_register(f), 0);
	f->rise_before_arm = BIT_ULL(17);
	f->rise_after_arm = BIT_ULL(18);
	for (off = 17; off <= 18; off++) {
		fake_request(f, off, IRQF_TRIGGER_RISING | IRQF_TRIGGER_FALLING);
		for (i = 0; i < 50; i++) {
			gpio_clx_get_stats(f->clx, off, &stats);
			if (stats.dispatched)
				break;
			msleep(20);
		}
		msleep(50);
		gpio_clx_get_stats(f->clx, off, &stats);
		KUNIT_EXPECT_EQ_MSG(test, stats.dispatched, 1ULL,
				    "pin %u: the edge made in its enable", off);
		/* High now: the pin waits for its falling edge. */
		KUNIT_EXPECT_EQ(test, f->banks[0].cfg[off].polarity,
				GPIO_CLX_ACTIVE_LOW);

		fake_drive(f, off, false);
		fake_primary(f);
		gpio_clx_get_stats(f->clx, off, &stats);
		KUNIT_EXPECT_EQ_MSG(test, stats.dispatched, 2ULL,
				    "pin %u: the falling edge after it", off);
	}
}

/*
 * Test the same for a live pin given both edges by a new trigger: the core
 * read the level low and pointed the pin at a rising edge, and the level
 * rose while the pin was being reprogrammed. The edge is delivered, and
 * the pin waits for the falling edge, not for a second rising one (rule
 * 20, rule 21).
 */
static void gpio_clx_test_emulated_both_edge_in_retype(struct kunit *test)
{
	struct fake *f = fake_of_mode(test);
	struct gpio_clx_stats stats;
	unsigned int i;
	int virq;

	f->both_edges = false;
	KUNIT_ASSERT_EQ(test, fake_register(f), 0);
	virq = fake_request(f, 19, IRQF_TRIGGER_FALLING);
	f->flip_on_reconfigure = BIT_ULL(19);
	KUNIT_ASSERT_EQ(test, irq_set_irq_type(virq, IRQ_TYPE_EDGE_BOTH), 0);
	for (i = 0; i < 50; i++) {
		gpio_clx_get_stats(f->clx, 19, &stats);
		if (stats.dispatched)
			break;
		msleep(20);
	}
	msleep(50);
	gpio_clx_get_stats(f->clx, 19, &stats);
	KUNIT_EXPECT_EQ_MSG(test, stats.dispatched, 1ULL,
			    "the edge made in the trigger change");
	KUNIT_EXPECT_EQ(test, f->banks[0].cfg[19].polarity, GPIO_CLX_ACTIVE_LOW);

	fake_drive(f, 19, false);
	fake_primary(f);
	gpio_clx_get_stats(f->clx, 19, &stats);
	KUNIT_EXPECT_EQ_MSG(test, stats.dispatched, 2ULL,
			    "the falling edge after it");
}

/* Test that edges while masked are latched, coalesced, then delivered (rule 6). */
static void gpio_clx_test_masked_edge_latched(struct kunit *test)
{
	struct fake *f = fake_of_mode(test);
	int virq;

	KUNIT_ASSERT_EQ(test, fake_register(f), 0);
	virq = fake_request(f, 7, IRQF_TRIGGER_RISING);
	disable_irq(virq);
	KUNIT_EXPECT_NE(test, f->banks[0].mask & BIT_ULL(7), 0ULL);
	KUNIT_EXPECT_NE(test, f->banks[0].en & BIT_ULL(7), 0ULL);

	fake_assert(f, 7, true);	/* two edges latch one bit */
	fake_assert(f, 7, true);
	fake_primary(f);
	KUNIT_EXPECT_EQ(test, f->handled, 0U);

	enable_irq(virq);
	fake_primary(f);
	KUNIT_EXPECT_EQ(test, f->handled, 1U);
	fake_primary(f);
	KUNIT_EXPECT_EQ(test, f->handled, 1U);
}

/* Test that an asserted level fires again as soon as it is unmasked (rule 6). */
static void gpio_clx_test_masked_level_refires(struct kunit *test)
{
	struct fake *f = fake_of_mode(test);
	int virq;

	KUNIT_ASSERT_EQ(test, fake_register(f), 0);
	virq = fake_request(f, 8, IRQF_TRIGGER_HIGH);
	fake_assert(f, 8, true);
	disable_irq(virq);
	fake_primary(f);
	KUNIT_EXPECT_EQ(test, f->handled, 0U);
	enable_irq(virq);
	fake_primary(f);
	KUNIT_EXPECT_EQ(test, f->handled, 1U);
	fake_primary(f);
	KUNIT_EXPECT_EQ(test, f->handled, 2U);
	fake_assert(f, 8, false);
	fake_primary(f);
	KUNIT_EXPECT_EQ(test, f->handled, 2U);
}

/* Test that mask keeps the configuration and disable drops it (rule 7). */
static void gpio_clx_test_mask_keeps_config(struct kunit *test)
{
	struct fake *f = fake_of_mode(test);
	int virq, i;

	KUNIT_ASSERT_EQ(test, fake_register(f), 0);
	virq = fake_request(f, 4, IRQF_TRIGGER_FALLING);
	fake_clear_log(f);
	disable_irq(virq);
	enable_irq(virq);
	KUNIT_EXPECT_EQ(test, fake_count(f, FAKE_DISABLE), 0U);
	KUNIT_EXPECT_EQ(test, fake_count(f, FAKE_ENABLE), 0U);
	KUNIT_EXPECT_EQ(test, f->banks[0].cfg[4].polarity, GPIO_CLX_ACTIVE_LOW);

	fake_free(f, 4);
	KUNIT_EXPECT_EQ(test, fake_count(f, FAKE_DISABLE), 1U);
	KUNIT_EXPECT_EQ(test, f->banks[0].en & BIT_ULL(4), 0ULL);

	fake_request(f, 4, IRQF_TRIGGER_HIGH);
	i = fake_find(f, FAKE_ENABLE, 0);
	KUNIT_ASSERT_GE(test, i, 0);
	KUNIT_EXPECT_EQ(test, f->log[i].cfg.mode, GPIO_CLX_MODE_LEVEL);
	KUNIT_EXPECT_EQ(test, f->log[i].cfg.polarity, GPIO_CLX_ACTIVE_HIGH);
}

/*
 * Test that a mask does not outlive a disable: a pin masked, freed and
 * requested again comes back unmasked and interrupts (rule 8).
 */
static void gpio_clx_test_mask_on_disabled(struct kunit *test)
{
	struct fake *f = fake_of_mode(test);
	int virq;

	KUNIT_ASSERT_EQ(test, fake_register(f), 0);
	virq = fake_request(f, 10, IRQF_TRIGGER_RISING);
	disable_irq(virq);
	fake_free(f, 10);
	fake_assert(f, 10, true);
	fake_primary(f);
	KUNIT_EXPECT_EQ(test, f->handled, 0U);

	fake_request(f, 10, IRQF_TRIGGER_RISING);
	KUNIT_EXPECT_EQ(test, f->banks[0].mask & BIT_ULL(10), 0ULL);
	fake_assert(f, 10, true);
	fake_primary(f);
	KUNIT_EXPECT_EQ(test, f->handled, 1U);

	/* disable_irq() still masks at once after a free and a new request. */
	disable_irq(virq);
	KUNIT_EXPECT_NE(test, f->banks[0].mask & BIT_ULL(10), 0ULL);
	enable_irq(virq);
}

/*
 * Test that a shared pin is enabled once and disabled by the last free
 * (rule 9). Memory-mapped only: DEBUG_SHIRQ fakes an interrupt by calling
 * the hard-IRQ handler on free_irq(), which a nested (passive) interrupt
 * does not have, and genirq warns.
 */
static void gpio_clx_test_shared_refcount(struct kunit *test)
{
	struct fake *f = test->priv;
	int virq;

	KUNIT_ASSERT_EQ(test, fake_register(f), 0);
	virq = fake_virq(f, 12);
	KUNIT_ASSERT_EQ(test, fake_request_irq(f, virq, fake_handler,
					       IRQF_TRIGGER_LOW | IRQF_SHARED,
					       f), 0);
	KUNIT_ASSERT_EQ(test, fake_request_irq(f, virq, fake_handler_b,
					       IRQF_TRIGGER_LOW | IRQF_SHARED,
					       &f->nlog), 0);
	KUNIT_EXPECT_EQ(test, fake_count(f, FAKE_ENABLE), 1U);
	free_irq(virq, &f->nlog);
	KUNIT_EXPECT_EQ(test, fake_count(f, FAKE_DISABLE), 0U);
	KUNIT_EXPECT_NE(test, f->banks[0].en & BIT_ULL(12), 0ULL);
	free_irq(virq, f);
	KUNIT_EXPECT_EQ(test, fake_count(f, FAKE_DISABLE), 1U);
	KUNIT_EXPECT_EQ(test, f->banks[0].en & BIT_ULL(12), 0ULL);
}

/*
 * Test that changing the trigger of a live pin goes through reconfigure, not
 * a disable/enable cycle, and takes effect (rule 21).
 */
static void gpio_clx_test_reconfigure_live(struct kunit *test)
{
	struct fake *f = fake_of_mode(test);
	int virq, i;

	KUNIT_ASSERT_EQ(test, fake_register(f), 0);
	virq = fake_request(f, 13, IRQF_TRIGGER_RISING);
	fake_clear_log(f);
	KUNIT_ASSERT_EQ(test, irq_set_irq_type(virq, IRQ_TYPE_LEVEL_LOW), 0);
	i = fake_find(f, FAKE_RECONFIGURE, 0);
	KUNIT_ASSERT_GE(test, i, 0);
	KUNIT_EXPECT_EQ(test, f->log[i].arg, 13ULL);
	KUNIT_EXPECT_EQ(test, f->log[i].cfg.mode, GPIO_CLX_MODE_LEVEL);
	KUNIT_EXPECT_EQ(test, f->log[i].cfg.polarity, GPIO_CLX_ACTIVE_LOW);
	KUNIT_EXPECT_EQ(test, fake_count(f, FAKE_DISABLE), 0U);
	KUNIT_EXPECT_EQ(test, fake_count(f, FAKE_ENABLE), 0U);

	/* Now a level: masked around the handler, never cleared. */
	fake_assert(f, 13, true);
	fake_clear_log(f);
	fake_primary(f);
	KUNIT_EXPECT_EQ(test, f->handled, 1U);
	KUNIT_EXPECT_EQ(test, fake_count(f, FAKE_CLEAR), 0U);
	KUNIT_EXPECT_EQ(test, fake_count(f, FAKE_MASK), f->passive ? 0U : 1U);
}

/* ---- primary ISR: rules 10, 11, 13 -------------------------------------- */

/*
 * Test that one primary interrupt reads each bank once and dispatches exactly
 * the active, enabled pins, in hard-IRQ context (rule 10).
 */
static void gpio_clx_test_primary_dispatch(struct kunit *test)
{
	struct fake *f = fake_of_mode(test);
	unsigned int i, seen1 = 0, seen33 = 0;

	KUNIT_ASSERT_EQ(test, fake_register(f), 0);
	fake_request(f, 1, IRQF_TRIGGER_RISING);
	fake_request(f, 5, IRQF_TRIGGER_RISING);
	fake_request(f, 33, IRQF_TRIGGER_HIGH);
	fake_assert(f, 1, true);
	fake_assert(f, 33, true);
	fake_clear_log(f);
	fake_primary(f);

	KUNIT_EXPECT_EQ(test, f->handled, 2U);
	KUNIT_EXPECT_EQ(test, fake_count(f, FAKE_QUERY_ACTIVE), 2U);
	for (i = 0; i < f->nlog; i++) {
		KUNIT_EXPECT_EQ(test, f->log[i].hardirq, !f->passive);
		if (f->log[i].op != FAKE_HANDLER)
			continue;
		/* Each to its own interrupt: hwirq = bank * 32 + pin. */
		if (f->log[i].arg == 1)
			seen1++;
		else if (f->log[i].arg == 33)
			seen33++;
	}
	KUNIT_EXPECT_EQ(test, seen1, 1U);
	KUNIT_EXPECT_EQ(test, seen33, 1U);
}

/*
 * Test that status on a pin the core never enabled is masked and counted,
 * and that the hardware's enable bits are read to tell why (rules 11, 12).
 */
static void gpio_clx_test_stray_masked(struct kunit *test)
{
	struct fake *f = fake_of_mode(test);
	struct gpio_clx_stats stats;
	int i;

	KUNIT_ASSERT_EQ(test, fake_register(f), 0);
	/* Hardware enabled behind the core's back, and asserting. */
	f->banks[0].en |= BIT_ULL(9);
	fake_assert(f, 9, true);
	fake_clear_log(f);
	fake_primary(f);

	KUNIT_EXPECT_EQ(test, f->handled, 0U);
	i = fake_find(f, FAKE_MASK, 0);
	KUNIT_ASSERT_GE(test, i, 0);
	KUNIT_EXPECT_EQ(test, f->log[i].arg, BIT_ULL(9));
	/* Rule 12: the hardware's enables are read to tell why. */
	KUNIT_EXPECT_GT(test, fake_find(f, FAKE_QUERY_ENABLED, i), i);
	gpio_clx_get_stats(f->clx, 9, &stats);
	KUNIT_EXPECT_EQ(test, stats.spurious, 1ULL);
	KUNIT_EXPECT_EQ(test, stats.dispatched, 0ULL);
}

/*
 * Test that an edge is cleared before its handler runs and a level is never
 * cleared, only masked around the handler (rules 13 and 15).
 */
static void gpio_clx_test_ack_order(struct kunit *test)
{
	struct fake *f = fake_of_mode(test);
	int clear, handler, mask, unmask;

	KUNIT_ASSERT_EQ(test, fake_register(f), 0);
	fake_request(f, 3, IRQF_TRIGGER_RISING);
	fake_request(f, 6, IRQF_TRIGGER_LOW);

	fake_assert(f, 3, true);
	fake_clear_log(f);
	fake_primary(f);
	clear = fake_find(f, FAKE_CLEAR, 0);
	handler = fake_find(f, FAKE_HANDLER, 0);
	KUNIT_ASSERT_GE(test, clear, 0);
	KUNIT_ASSERT_GE(test, handler, 0);
	KUNIT_EXPECT_LT(test, clear, handler);
	KUNIT_EXPECT_EQ(test, f->log[clear].arg, BIT_ULL(3));

	fake_assert(f, 6, true);
	fake_clear_log(f);
	fake_primary(f);
	mask = fake_find(f, FAKE_MASK, 0);
	handler = fake_find(f, FAKE_HANDLER, 0);
	unmask = fake_find(f, FAKE_UNMASK, 0);
	KUNIT_EXPECT_EQ(test, fake_count(f, FAKE_CLEAR), 0U);
	if (f->passive) {
		/*
		 * The nested handler runs inside the primary thread, with the
		 * parent held by IRQF_ONESHOT: nothing to mask (rule 16).
		 */
		KUNIT_EXPECT_GE(test, handler, 0);
		KUNIT_EXPECT_EQ(test, mask, -1);
		return;
	}
	KUNIT_ASSERT_GE(test, mask, 0);
	KUNIT_ASSERT_GE(test, handler, 0);
	KUNIT_EXPECT_LT(test, mask, handler);
	KUNIT_EXPECT_GT(test, unmask, handler);
}

/*
 * Test that a passive controller is only ever called in process context,
 * and that a pin configured and enabled by one request_irq() reaches the
 * hardware through irq_bus_sync_unlock() in one enable (rule 16).
 */
static void gpio_clx_test_passive_bus_sync(struct kunit *test)
{
	struct fake *f = test->priv;
	unsigned int i;

	f->passive = true;
	KUNIT_ASSERT_EQ(test, fake_register(f), 0);
	KUNIT_EXPECT_TRUE(test, f->gc->can_sleep);
	fake_clear_log(f);
	fake_request(f, 20, IRQF_TRIGGER_FALLING);
	KUNIT_EXPECT_EQ(test, fake_count(f, FAKE_ENABLE), 1U);
	KUNIT_EXPECT_EQ(test, fake_count(f, FAKE_RECONFIGURE), 0U);
	KUNIT_EXPECT_NE(test, f->banks[0].en & BIT_ULL(20), 0ULL);

	disable_irq(fake_virq(f, 20));
	KUNIT_EXPECT_NE(test, f->banks[0].mask & BIT_ULL(20), 0ULL);
	enable_irq(fake_virq(f, 20));
	KUNIT_EXPECT_EQ(test, f->banks[0].mask & BIT_ULL(20), 0ULL);

	fake_assert(f, 20, true);
	fake_primary(f);
	KUNIT_EXPECT_EQ(test, f->handled, 1U);
	for (i = 0; i < f->nlog; i++)
		KUNIT_EXPECT_FALSE(test, f->log[i].hardirq);
}

/*
 * Test that a pin the hardware fails to mask is retried once, then stays
 * masked in the core's view, is never dispatched, and is retried again with
 * the next mask of its bank (rule 3).
 */
static void gpio_clx_test_mask_failure(struct kunit *test)
{
	struct fake *f = fake_of_mode(test);
	int virq;

	KUNIT_ASSERT_EQ(test, fake_register(f), 0);
	virq = fake_request(f, 17, IRQF_TRIGGER_RISING);
	fake_request(f, 18, IRQF_TRIGGER_RISING);

	/* Fails once: the retry succeeds. */
	f->mask_fails = BIT_ULL(17);
	f->mask_fail_once = true;
	fake_clear_log(f);
	disable_irq(virq);
	KUNIT_EXPECT_EQ(test, fake_count(f, FAKE_MASK), 2U);
	KUNIT_EXPECT_NE(test, f->banks[0].mask & BIT_ULL(17), 0ULL);
	enable_irq(virq);

	/* Fails for good: never dispatched while disabled. */
	f->mask_fails = BIT_ULL(17);
	f->mask_fail_once = false;
	disable_irq(virq);
	KUNIT_EXPECT_EQ(test, f->banks[0].mask & BIT_ULL(17), 0ULL);
	fake_assert(f, 17, true);
	fake_primary(f);
	KUNIT_EXPECT_EQ(test, f->handled, 0U);

	/* Masking pin 18 tries pin 17 again. */
	f->mask_fails = 0;
	fake_clear_log(f);
	disable_irq(fake_virq(f, 18));
	KUNIT_EXPECT_EQ(test, f->log[fake_find(f, FAKE_MASK, 0)].arg,
			BIT_ULL(17) | BIT_ULL(18));
	KUNIT_EXPECT_NE(test, f->banks[0].mask & BIT_ULL(17), 0ULL);
	enable_irq(fake_virq(f, 18));
	enable_irq(virq);
	fake_primary(f);
	KUNIT_EXPECT_EQ(test, f->handled, 1U);
}

/*
 * Test that the ISR-path callbacks run under the bank's interrupt lock and
 * enable/disable run without it (rule 17), and that the bank guard of the client API is
 * that same lock (rule 18).
 */
static void gpio_clx_test_lock_discipline(struct kunit *test)
{
	struct fake *f = fake_of_mode(test);
	struct gpio_clx_bank *bank0, *bank1;
	unsigned int i;
	int virq;

	KUNIT_ASSERT_EQ(test, fake_register(f), 0);
	fake_clear_log(f);
	virq = fake_request(f, 21, IRQF_TRIGGER_RISING);
	irq_set_irq_type(virq, IRQ_TYPE_EDGE_FALLING);
	disable_irq(virq);
	enable_irq(virq);
	fake_assert(f, 21, true);
	fake_primary(f);
	fake_free(f, 21);

	KUNIT_ASSERT_EQ(test, f->handled, 1U);
	for (i = 0; i < f->nlog; i++) {
		switch (f->log[i].op) {
		case FAKE_ENABLE:
		case FAKE_DISABLE:
			KUNIT_EXPECT_FALSE_MSG(test, f->log[i].locked,
					       "call %u (op %d)", i, f->log[i].op);
			break;
		case FAKE_HANDLER:
			break;
		default:
			KUNIT_EXPECT_TRUE_MSG(test, f->log[i].locked,
					      "call %u (op %d)", i, f->log[i].op);
		}
	}

	bank0 = gpio_clx_get_bank(f->clx, 0);
	bank1 = gpio_clx_get_bank(f->clx, 1);
	KUNIT_EXPECT_FALSE(test, gpio_clx_bank_held(bank0));
	scoped_guard(gpio_clx_bank, bank0) {
		KUNIT_EXPECT_TRUE(test, gpio_clx_bank_held(bank0));
		KUNIT_EXPECT_FALSE(test, gpio_clx_bank_held(bank1));
	}
	KUNIT_EXPECT_FALSE(test, gpio_clx_bank_held(bank0));
}

/*
 * Test that an edge arriving while its threaded handler runs is delivered
 * once more afterwards: the edge was acked before the thread woke (rule 15).
 */
static void gpio_clx_test_edge_during_thread(struct kunit *test)
{
	struct fake *f = fake_of_mode(test);
	int virq = 0, i;

	KUNIT_ASSERT_EQ(test, fake_register(f), 0);
	virq = fake_virq(f, 22);
	KUNIT_ASSERT_EQ(test, request_threaded_irq(virq, NULL, fake_handler,
						   IRQF_TRIGGER_RISING |
						   IRQF_ONESHOT, "kunit", f), 0);
	__set_bit(22, f->requested);

	f->reassert = true;
	fake_assert(f, 22, true);
	for (i = 0; i < 2; i++) {
		fake_primary(f);
		/* The thread of a memory-mapped controller runs on its own. */
		synchronize_irq(virq);
	}
	KUNIT_EXPECT_EQ(test, f->handled, 2U);
	KUNIT_EXPECT_EQ(test, f->banks[0].status & BIT_ULL(22), 0ULL);
}

/* Poll for up to a second; timers decide, the test only waits for them. */
static bool fake_wait(bool (*done)(struct fake *f), struct fake *f)
{
	int i;

	for (i = 0; i < 1000 && !done(f); i++)
		usleep_range(1000, 2000);
	return done(f);
}

static bool fake_handled_once(struct fake *f)
{
	return f->handled >= 1;
}

static bool fake_dropped_once(struct fake *f)
{
	struct gpio_clx_stats stats;

	gpio_clx_get_stats(f->clx, 23, &stats);
	return stats.debounced >= 1;
}

/*
 * Test that without hardware debounce the core debounces: an edge is acked
 * at once but dispatched only after the level held still for the period,
 * and an edge whose level bounced back is dropped (rule 22).
 */
static void gpio_clx_test_debounce_emulated(struct kunit *test)
{
	struct fake *f = test->priv;
	struct gpio_desc *desc;
	ktime_t start;

	KUNIT_ASSERT_EQ(test, fake_register(f), 0);
	desc = gpiochip_request_own_desc(f->gc, 23, "kunit",
					 GPIO_LOOKUP_FLAGS_DEFAULT, GPIOD_IN);
	KUNIT_ASSERT_FALSE(test, IS_ERR(desc));
	KUNIT_EXPECT_EQ(test, gpiod_set_debounce(desc, 2000), 0);
	fake_request(f, 23, IRQF_TRIGGER_RISING);

	f->banks[0].level |= BIT_ULL(23);
	fake_assert(f, 23, true);
	fake_clear_log(f);
	start = ktime_get();
	fake_primary(f);
	KUNIT_EXPECT_GE(test, fake_find(f, FAKE_CLEAR, 0), 0);
	KUNIT_EXPECT_TRUE(test, fake_wait(fake_handled_once, f));
	KUNIT_EXPECT_EQ(test, f->handled, 1U);
	/* Dispatched once the level had held for the period, not before. */
	KUNIT_EXPECT_GE(test, ktime_us_delta(f->handled_at, start), 2000LL);

	/* A glitch: up and straight back down within the period. */
	f->banks[0].level &= ~BIT_ULL(23);
	f->banks[0].level |= BIT_ULL(23);
	fake_assert(f, 23, true);
	fake_primary(f);
	f->banks[0].level &= ~BIT_ULL(23);
	KUNIT_EXPECT_TRUE(test, fake_wait(fake_dropped_once, f));
	KUNIT_EXPECT_EQ(test, f->handled, 1U);

	fake_free(f, 23);
	gpiochip_free_own_desc(desc);
}

/*
 * Test that a controller with hardware debounce gets the period with the
 * pin's configuration and the core dispatches at once (rule 22).
 */
static void gpio_clx_test_debounce_hw(struct kunit *test)
{
	struct fake *f = test->priv;
	struct gpio_desc *desc;
	int i;

	f->hw_debounce = true;
	KUNIT_ASSERT_EQ(test, fake_register(f), 0);
	desc = gpiochip_request_own_desc(f->gc, 23, "kunit",
					 GPIO_LOOKUP_FLAGS_DEFAULT, GPIOD_IN);
	KUNIT_ASSERT_FALSE(test, IS_ERR(desc));
	KUNIT_EXPECT_EQ(test, gpiod_set_debounce(desc, 1500), 0);
	fake_clear_log(f);
	fake_request(f, 23, IRQF_TRIGGER_FALLING);
	i = fake_find(f, FAKE_ENABLE, 0);
	KUNIT_ASSERT_GE(test, i, 0);
	KUNIT_EXPECT_EQ(test, f->log[i].cfg.debounce_us, 1500U);

	fake_assert(f, 23, true);
	fake_primary(f);
	KUNIT_EXPECT_EQ(test, f->handled, 1U);
	fake_free(f, 23);
	gpiochip_free_own_desc(desc);
}

/*
 * Test that a passive controller without hardware debounce is debounced by
 * the core too, from process context (rule 22).
 */
static void gpio_clx_test_debounce_passive(struct kunit *test)
{
	struct fake *f = test->priv;
	struct gpio_desc *desc;

	f->passive = true;
	KUNIT_ASSERT_EQ(test, fake_register(f), 0);
	desc = gpiochip_request_own_desc(f->gc, 23, "kunit",
					 GPIO_LOOKUP_FLAGS_DEFAULT, GPIOD_IN);
	KUNIT_ASSERT_FALSE(test, IS_ERR(desc));
	KUNIT_EXPECT_EQ(test, gpiod_set_debounce(desc, 20000), 0);
	fake_request(f, 23, IRQF_TRIGGER_RISING);

	f->banks[0].level |= BIT_ULL(23);
	fake_assert(f, 23, true);
	fake_primary(f);
	KUNIT_EXPECT_EQ(test, f->handled, 0U);
	KUNIT_EXPECT_TRUE(test, fake_wait(fake_handled_once, f));
	KUNIT_EXPECT_FALSE(test, f->log[fake_find(f, FAKE_HANDLER, 0)].hardirq);
	fake_free(f, 23);
	gpiochip_free_own_desc(desc);
}

#define FAKE_DEB_PIN	27
#define FAKE_DEB_US	10000

static bool fake_deb_dispatched(struct fake *f)
{
	struct gpio_clx_stats stats;

	gpio_clx_get_stats(f->clx, FAKE_DEB_PIN, &stats);
	return stats.dispatched >= 1;
}

static bool fake_deb_dropped(struct fake *f)
{
	struct gpio_clx_stats stats;

	gpio_clx_get_stats(f->clx, FAKE_DEB_PIN, &stats);
	return stats.debounced >= 1;
}

static bool fake_deb_unmasked(struct fake *f)
{
	return !(READ_ONCE(f->banks[0].mask) & BIT_ULL(FAKE_DEB_PIN));
}

/* Pin FAKE_DEB_PIN as a GPIO, debounced by the core: the caller frees it. */
static struct gpio_desc *fake_debounced(struct fake *f)
{
	struct gpio_desc *desc;

	desc = gpiochip_request_own_desc(f->gc, FAKE_DEB_PIN, "kunit",
					 GPIO_LOOKUP_FLAGS_DEFAULT, GPIOD_IN);
	KUNIT_ASSERT_FALSE(f->test, IS_ERR(desc));
	KUNIT_ASSERT_EQ(f->test, gpiod_set_debounce(desc, FAKE_DEB_US), 0);
	return desc;
}

/*
 * Whatever the debouncer still had to do once its period ended has run by
 * now: the case only watches for a change that must not come.
 */
static void fake_deb_grace(void)
{
	msleep(2 * FAKE_DEB_US / 1000);
}

/*
 * Test that the software debounce of a level pin never unmasks it in
 * hardware while genirq has the line disabled: neither when the period
 * ends with the level held (the core dispatches into the disabled line)
 * nor when the level went away meanwhile (the assertion is dropped); the
 * pin is unmasked by enable_irq() and not before (rules 22, 9).
 */
static void gpio_clx_test_debounce_level_disabled(struct kunit *test)
{
	struct fake *f = fake_of_mode(test);
	u64 bit = BIT_ULL(FAKE_DEB_PIN);
	struct gpio_desc *desc;
	int virq;

	KUNIT_ASSERT_EQ(test, fake_register(f), 0);
	desc = fake_debounced(f);
	virq = fake_request(f, FAKE_DEB_PIN, IRQF_TRIGGER_HIGH);

	/* Asserted: the debouncer masks the pin and starts its period. */
	fake_drive(f, FAKE_DEB_PIN, true);
	fake_assert(f, FAKE_DEB_PIN, true);
	fake_primary(f);
	KUNIT_ASSERT_NE(test, f->banks[0].mask & bit, 0ULL);
	disable_irq(virq);
	fake_clear_log(f);
	KUNIT_ASSERT_TRUE(test, fake_wait(fake_deb_dispatched, f));
	fake_deb_grace();
	KUNIT_EXPECT_NE_MSG(test, f->banks[0].mask & bit, 0ULL,
			    "level held: unmasked in hardware while disabled");
	KUNIT_EXPECT_EQ(test, fake_count(f, FAKE_UNMASK), 0U);
	KUNIT_EXPECT_EQ(test, f->handled, 0U);

	/* Back on, still asserted: debounced again, then gone while disabled. */
	enable_irq(virq);
	KUNIT_EXPECT_EQ(test, f->banks[0].mask & bit, 0ULL);
	fake_primary(f);
	KUNIT_ASSERT_NE(test, f->banks[0].mask & bit, 0ULL);
	disable_irq(virq);
	fake_drive(f, FAKE_DEB_PIN, false);
	fake_assert(f, FAKE_DEB_PIN, false);
	fake_clear_log(f);
	KUNIT_ASSERT_TRUE(test, fake_wait(fake_deb_dropped, f));
	fake_deb_grace();
	KUNIT_EXPECT_NE_MSG(test, f->banks[0].mask & bit, 0ULL,
			    "level dropped: unmasked in hardware while disabled");
	KUNIT_EXPECT_EQ(test, fake_count(f, FAKE_UNMASK), 0U);

	enable_irq(virq);
	KUNIT_EXPECT_EQ(test, f->banks[0].mask & bit, 0ULL);
	KUNIT_EXPECT_EQ(test, f->handled, 0U);
	fake_free(f, FAKE_DEB_PIN);
	gpiochip_free_own_desc(desc);
}

/* A ONESHOT thread that blocks until the case releases it, then services. */
static irqreturn_t fake_blocking_thread(int irq, void *data)
{
	struct fake *f = data;
	irq_hw_number_t hwirq = irqd_to_hwirq(irq_get_irq_data(irq));

	fake_log(f->clx, FAKE_HANDLER, 0, hwirq, NULL);
	f->handled_at = ktime_get();
	f->handled++;
	complete(&f->thread_started);
	wait_for_completion_timeout(&f->thread_release, 10 * HZ);
	/* Serviced: the device lets go of the line. */
	fake_drive(f, hwirq, false);
	fake_assert(f, hwirq, false);
	fake_log(f->clx, FAKE_THREAD_DONE, 0, hwirq, NULL);
	return IRQ_HANDLED;
}

/*
 * Test that a debounced level pin whose ONESHOT thread blocks stays masked
 * in hardware until the thread has returned: the debounce period ends and
 * the core dispatches and finishes its own step while the thread is still
 * blocked, and neither that nor a primary interrupt meanwhile unmasks it.
 * A memory-mapped line is then unmasked by genirq after the thread, a
 * passive one by the debouncer once the nested thread returned (rules 14,
 * 22).
 */
static void gpio_clx_test_debounce_level_oneshot(struct kunit *test)
{
	struct fake *f = fake_of_mode(test);
	u64 bit = BIT_ULL(FAKE_DEB_PIN);
	struct gpio_desc *desc;
	int virq, done, unmask;

	KUNIT_ASSERT_EQ(test, fake_register(f), 0);
	desc = fake_debounced(f);
	virq = fake_virq(f, FAKE_DEB_PIN);
	KUNIT_ASSERT_EQ(test, request_threaded_irq(virq, NULL,
						   fake_blocking_thread,
						   IRQF_TRIGGER_HIGH |
						   IRQF_ONESHOT, "kunit", f), 0);
	__set_bit(FAKE_DEB_PIN, f->requested);

	fake_drive(f, FAKE_DEB_PIN, true);
	fake_assert(f, FAKE_DEB_PIN, true);
	fake_clear_log(f);
	fake_primary(f);
	KUNIT_ASSERT_NE(test, wait_for_completion_timeout(&f->thread_started,
							  2 * HZ), 0UL);
	fake_deb_grace();
	fake_primary(f);
	KUNIT_EXPECT_NE_MSG(test, f->banks[0].mask & bit, 0ULL,
			    "unmasked in hardware while the thread runs");
	KUNIT_EXPECT_EQ(test, fake_count(f, FAKE_UNMASK), 0U);
	KUNIT_EXPECT_EQ(test, f->handled, 1U);

	complete(&f->thread_release);
	KUNIT_EXPECT_TRUE(test, fake_wait(fake_deb_unmasked, f));
	done = fake_find(f, FAKE_THREAD_DONE, 0);
	unmask = fake_find(f, FAKE_UNMASK, 0);
	KUNIT_ASSERT_GE(test, done, 0);
	KUNIT_EXPECT_GT(test, unmask, done);
	KUNIT_EXPECT_EQ(test, f->handled, 1U);
	fake_free(f, FAKE_DEB_PIN);
	gpiochip_free_own_desc(desc);
}

/*
 * Test that debounce and other pin configurations are refused with
 * -ENOTSUPP by a controller without interrupts, where neither the hardware
 * nor the core debounce, so the character device falls back to its own
 * (rule 22).
 */
static void gpio_clx_test_debounce_unsupported(struct kunit *test)
{
	static const struct gpio_clx_ops no_irq_ops = {
		.read_pins = fake_read_pins,
	};
	struct gpio_clx_info info = {
		.ngpio = 8, .pins_per_bank = 8, .flags = GPIO_CLX_MEMORY_MAPPED,
	};
	struct fake *f = test->priv;
	struct gpio_desc *desc;

	f->clx = devm_gpio_clx_register(f->dev, &info, &no_irq_ops, f, 0);
	KUNIT_ASSERT_FALSE(test, IS_ERR(f->clx));
	f->gc = gpio_clx_gpio_chip(f->clx);
	desc = gpiochip_request_own_desc(f->gc, 3, "kunit",
					 GPIO_LOOKUP_FLAGS_DEFAULT, GPIOD_IN);
	KUNIT_ASSERT_FALSE(test, IS_ERR(desc));
	KUNIT_EXPECT_EQ(test, gpiod_set_debounce(desc, 1000), -ENOTSUPP);
	KUNIT_EXPECT_TRUE(test, !f->gc->to_irq);
	gpiochip_free_own_desc(desc);
}

/*
 * Test that suspend masks every enabled pin not armed for wake-up and saves
 * each bank, and that resume restores each bank, drops what the masked pins
 * latched meanwhile, unmasks them and keeps the wake-up pin's event
 * (rule 27).
 */
static void gpio_clx_test_suspend_resume(struct kunit *test)
{
	struct fake *f = fake_of_mode(test);
	int wake;

	KUNIT_ASSERT_EQ(test, fake_register(f), 0);
	wake = fake_request(f, 24, IRQF_TRIGGER_RISING);
	fake_request(f, 25, IRQF_TRIGGER_RISING);
	fake_request(f, 34, IRQF_TRIGGER_FALLING);
	KUNIT_ASSERT_EQ(test, enable_irq_wake(wake), 0);

	fake_clear_log(f);
	KUNIT_EXPECT_EQ(test, gpio_clx_suspend(f->clx), 0);
	KUNIT_EXPECT_EQ(test, f->banks[0].mask & (BIT_ULL(24) | BIT_ULL(25)),
			BIT_ULL(25));
	KUNIT_EXPECT_NE(test, f->banks[1].mask & BIT_ULL(2), 0ULL);
	KUNIT_EXPECT_EQ(test, fake_count(f, FAKE_SAVE), 2U);

	/* Both pins latch an edge while the system sleeps. */
	fake_assert(f, 24, true);
	fake_assert(f, 25, true);
	fake_clear_log(f);
	KUNIT_EXPECT_EQ(test, gpio_clx_resume(f->clx), 0);
	KUNIT_EXPECT_EQ(test, fake_count(f, FAKE_RESTORE), 2U);
	KUNIT_EXPECT_LT(test, fake_find(f, FAKE_RESTORE, 0),
			fake_find(f, FAKE_UNMASK, 0));
	KUNIT_EXPECT_EQ(test, f->banks[0].mask & BIT_ULL(25), 0ULL);
	KUNIT_EXPECT_EQ(test, f->banks[1].mask & BIT_ULL(2), 0ULL);

	fake_primary(f);
	KUNIT_EXPECT_EQ(test, f->handled, 1U);
	KUNIT_EXPECT_EQ(test, f->log[fake_find(f, FAKE_HANDLER, 0)].arg, 24ULL);
	disable_irq_wake(wake);
}

/*
 * Test that an emulated both-edge pin whose level changed while the system
 * slept waits for the right edge after resume: the edge latched asleep is
 * stale and dropped, the pin is pointed away from its new level, and the
 * next edge (falling) is seen and delivered, the one after it (rising)
 * too (rules 20, 27).
 */
static void gpio_clx_test_suspend_emulated_both(struct kunit *test)
{
	struct fake *f = fake_of_mode(test);
	u64 bit = BIT_ULL(28);

	f->both_edges = false;
	KUNIT_ASSERT_EQ(test, fake_register(f), 0);
	fake_request(f, 28, IRQF_TRIGGER_RISING | IRQF_TRIGGER_FALLING);
	KUNIT_ASSERT_EQ(test, f->banks[0].cfg[28].polarity, GPIO_CLX_ACTIVE_HIGH);

	KUNIT_EXPECT_EQ(test, gpio_clx_suspend(f->clx), 0);
	KUNIT_EXPECT_NE(test, f->banks[0].mask & bit, 0ULL);
	fake_drive(f, 28, true);	/* rises while the system sleeps */
	KUNIT_ASSERT_NE(test, f->banks[0].status & bit, 0ULL);
	KUNIT_EXPECT_EQ(test, gpio_clx_resume(f->clx), 0);

	KUNIT_EXPECT_EQ(test, f->banks[0].mask & bit, 0ULL);
	KUNIT_EXPECT_EQ_MSG(test, f->banks[0].cfg[28].polarity,
			    GPIO_CLX_ACTIVE_LOW,
			    "high after resume but not waiting for a falling edge");
	fake_primary(f);
	KUNIT_EXPECT_EQ(test, f->handled, 0U);

	fake_drive(f, 28, false);
	fake_primary(f);
	KUNIT_EXPECT_EQ_MSG(test, f->handled, 1U, "the falling edge was lost");
	KUNIT_EXPECT_EQ(test, f->banks[0].cfg[28].polarity, GPIO_CLX_ACTIVE_HIGH);
	fake_drive(f, 28, true);
	fake_primary(f);
	KUNIT_EXPECT_EQ_MSG(test, f->handled, 2U, "the rising edge was lost");
	KUNIT_EXPECT_EQ(test, f->banks[0].cfg[28].polarity, GPIO_CLX_ACTIVE_LOW);
}

/*
 * Test that resume gives the hardware the mask genirq wants now, not the
 * one saved at suspend (reliability fault 3): a wake-up pin that fired in
 * sleep was disabled by genirq after the save, and a restored context that
 * unmasks it again lets a level storm until genirq re-enables it.
 */
static void gpio_clx_test_resume_keeps_genirq_masks(struct kunit *test)
{
	struct fake *f = fake_of_mode(test);
	int wake, other;

	KUNIT_ASSERT_EQ(test, fake_register(f), 0);
	wake = fake_request(f, 24, IRQF_TRIGGER_HIGH);
	other = fake_request(f, 25, IRQF_TRIGGER_HIGH);
	KUNIT_ASSERT_EQ(test, enable_irq_wake(wake), 0);
	disable_irq(other);	/* disabled before the save */
	KUNIT_EXPECT_EQ(test, gpio_clx_suspend(f->clx), 0);
	KUNIT_ASSERT_EQ(test, f->banks[0].saved_mask & BIT_ULL(24), 0ULL);

	/* It fires in sleep: genirq disables it and wakes the system. */
	disable_irq_nosync(wake);
	enable_irq(other);	/* and this one is enabled meanwhile */
	KUNIT_EXPECT_EQ(test, gpio_clx_resume(f->clx), 0);
	KUNIT_EXPECT_NE_MSG(test, f->banks[0].mask & BIT_ULL(24), 0ULL,
			    "resume unmasked a pin genirq holds disabled");
	KUNIT_EXPECT_EQ_MSG(test, f->banks[0].mask & BIT_ULL(25), 0ULL,
			    "resume masked a pin genirq enabled");

	enable_irq(wake);
	KUNIT_EXPECT_EQ(test, f->banks[0].mask & BIT_ULL(24), 0ULL);
	disable_irq_wake(wake);
}

/*
 * Test that an edge acked by the primary ISR but refused by genirq, because
 * its interrupt was disabled between the ack and the dispatch, is replayed
 * once it is enabled again (reliability fault 2: genirq leaves it pending
 * and asks the chip to retrigger it; the hardware has nothing latched). The
 * handler of the first pin disables the second in the same run of the ISR.
 */
static void gpio_clx_test_pending_edge_replayed(struct kunit *test)
{
	struct fake *f = fake_of_mode(test);
	unsigned int i;
	int second, first_log;

	KUNIT_ASSERT_EQ(test, fake_register(f), 0);
	fake_request(f, 5, IRQF_TRIGGER_RISING);
	second = fake_request(f, 6, IRQF_TRIGGER_RISING);
	f->disable_in_handler = second;
	fake_assert(f, 5, true);
	fake_assert(f, 6, true);
	fake_primary(f);
	KUNIT_ASSERT_EQ(test, f->handled, 1U);
	KUNIT_ASSERT_EQ(test, f->banks[0].status & BIT_ULL(6), 0ULL);

	enable_irq(second);
	for (i = 0; i < 50 && f->handled < 2; i++)
		msleep(20);
	KUNIT_EXPECT_EQ_MSG(test, f->handled, 2U, "the pending edge was lost");
	first_log = fake_find(f, FAKE_HANDLER, 0);
	KUNIT_ASSERT_GE(test, first_log, 0);
	KUNIT_ASSERT_GE(test, fake_find(f, FAKE_HANDLER, first_log + 1), 0);
	KUNIT_EXPECT_EQ(test,
			f->log[fake_find(f, FAKE_HANDLER, first_log + 1)].arg,
			6ULL);
	msleep(50);
	KUNIT_EXPECT_EQ_MSG(test, f->handled, 2U, "replayed more than once");
}

/*
 * Test that a replay asked for while the pin is masked waits for the
 * unmask instead of being dropped: a passive controller unmasks in
 * irq_bus_sync_unlock(), after genirq asked for the replay from
 * enable_irq(), and the replay may run in between (rule 6). Here the
 * retrigger comes while the interrupt is disabled; the edge must reach the
 * handler once, on enable_irq().
 */
static void gpio_clx_test_replay_waits_for_unmask(struct kunit *test)
{
	struct fake *f = fake_of_mode(test);
	struct irq_data *d;
	unsigned int i;
	int virq;

	KUNIT_ASSERT_EQ(test, fake_register(f), 0);
	virq = fake_request(f, 6, IRQF_TRIGGER_RISING);
	disable_irq(virq);
	d = irq_get_irq_data(virq);
	KUNIT_ASSERT_EQ(test, irq_data_get_irq_chip(d)->irq_retrigger(d), 1);
	/* The replay runs now, and finds the pin masked. */
	msleep(100);
	KUNIT_EXPECT_EQ(test, f->handled, 0U);

	enable_irq(virq);
	for (i = 0; i < 50 && f->handled < 1; i++)
		msleep(20);
	KUNIT_EXPECT_EQ_MSG(test, f->handled, 1U,
			    "the edge replayed while masked was lost");
	msleep(50);
	KUNIT_EXPECT_LE_MSG(test, f->handled, 1U, "replayed more than once");
}

/*
 * Test that a trigger change the client fails to program leaves the old
 * one in force in the core too (rule 21): a memory-mapped controller
 * refuses it to genirq at once; a passive one, which programs it later in
 * irq_bus_sync_unlock(), keeps the old configuration, and the next unmask
 * hands the client the trigger the hardware really has.
 */
static void gpio_clx_test_failed_retype_kept_old(struct kunit *test)
{
	struct fake *f = fake_of_mode(test);
	int virq, ret, i;

	KUNIT_ASSERT_EQ(test, fake_register(f), 0);
	virq = fake_request(f, 7, IRQF_TRIGGER_RISING);
	f->reconfigure_fails = true;
	ret = irq_set_irq_type(virq, IRQ_TYPE_EDGE_FALLING);
	if (!f->passive)
		KUNIT_EXPECT_EQ(test, ret, -EIO);
	f->reconfigure_fails = false;
	KUNIT_EXPECT_EQ(test, f->banks[0].cfg[7].polarity, GPIO_CLX_ACTIVE_HIGH);

	fake_clear_log(f);
	disable_irq(virq);
	enable_irq(virq);
	i = fake_find(f, FAKE_UNMASK, 0);
	KUNIT_ASSERT_GE(test, i, 0);
	KUNIT_EXPECT_EQ_MSG(test, f->log[i].cfg.polarity, GPIO_CLX_ACTIVE_HIGH,
			    "the core took a trigger the hardware never got");
}

/* ---- gpiolib contract: rules 23, 24, 25 ---------------------------------- */

/* Test that the irq_chip is immutable and claims the line as an irq (rule 23). */
static void gpio_clx_test_immutable_chip(struct kunit *test)
{
	struct fake *f = fake_of_mode(test);
	struct irq_chip *chip;
	int virq;

	KUNIT_ASSERT_EQ(test, fake_register(f), 0);
	virq = fake_virq(f, 11);
	chip = irq_get_chip(virq);
	KUNIT_ASSERT_NOT_NULL(test, chip);
	KUNIT_EXPECT_TRUE(test, chip->flags & IRQCHIP_IMMUTABLE);
	KUNIT_EXPECT_PTR_EQ(test, chip, irq_get_chip(fake_virq(f, 35)));

	KUNIT_EXPECT_FALSE(test, gpiochip_line_is_irq(f->gc, 11));
	fake_request(f, 11, IRQF_TRIGGER_RISING);
	KUNIT_EXPECT_TRUE(test, gpiochip_line_is_irq(f->gc, 11));
	fake_free(f, 11);
	KUNIT_EXPECT_FALSE(test, gpiochip_line_is_irq(f->gc, 11));
}

/*
 * Test that gpiolib hears of a mask only after the hardware is masked and of
 * an unmask before the hardware is unmasked (rule 23). Memory-mapped only:
 * a passive controller's hardware changes later, in irq_bus_sync_unlock().
 */
static void gpio_clx_test_gpiolib_order(struct kunit *test)
{
	struct fake *f = test->priv;
	int virq, i;

	KUNIT_ASSERT_EQ(test, fake_register(f), 0);
	virq = fake_request(f, 26, IRQF_TRIGGER_RISING);
	fake_clear_log(f);
	disable_irq(virq);
	i = fake_find(f, FAKE_MASK, 0);
	KUNIT_ASSERT_GE(test, i, 0);
	KUNIT_EXPECT_TRUE_MSG(test, f->log[i].gpiolib_enabled,
			      "gpiolib was told before the hardware masked");
	enable_irq(virq);
	i = fake_find(f, FAKE_UNMASK, 0);
	KUNIT_ASSERT_GE(test, i, 0);
	KUNIT_EXPECT_TRUE_MSG(test, f->log[i].gpiolib_enabled,
			      "gpiolib was told after the hardware unmasked");
}

/* Test that a line in use as an interrupt refuses output direction (rule 24). */
static void gpio_clx_test_irq_refuses_output(struct kunit *test)
{
	struct fake *f = fake_of_mode(test);
	struct gpio_desc *desc;

	KUNIT_ASSERT_EQ(test, fake_register(f), 0);
	desc = gpiochip_request_own_desc(f->gc, 14, "kunit",
					 GPIO_LOOKUP_FLAGS_DEFAULT, GPIOD_ASIS);
	KUNIT_ASSERT_FALSE(test, IS_ERR(desc));
	/* Control: without an interrupt the line may drive. */
	KUNIT_EXPECT_EQ(test, gpiod_direction_output(desc, 1), 0);
	KUNIT_EXPECT_EQ(test, gpiod_direction_input(desc), 0);

	fake_request(f, 14, IRQF_TRIGGER_RISING);
	fake_clear_log(f);
	KUNIT_EXPECT_LT(test, gpiod_direction_output(desc, 1), 0);
	KUNIT_EXPECT_EQ(test, fake_count(f, FAKE_DIRECTION), 0U);
	fake_free(f, 14);
	gpiochip_free_own_desc(desc);
}

/* Test that get() returns the live level, interrupt or not (rule 25). */
static void gpio_clx_test_get_live_level(struct kunit *test)
{
	struct fake *f = fake_of_mode(test);
	struct gpio_desc *desc;

	KUNIT_ASSERT_EQ(test, fake_register(f), 0);
	desc = gpiochip_request_own_desc(f->gc, 34, "kunit",
					 GPIO_LOOKUP_FLAGS_DEFAULT, GPIOD_IN);
	KUNIT_ASSERT_FALSE(test, IS_ERR(desc));
	KUNIT_EXPECT_EQ(test, gpiod_get_raw_value_cansleep(desc), 0);
	f->banks[1].level = BIT_ULL(2);
	KUNIT_EXPECT_EQ(test, gpiod_get_raw_value_cansleep(desc), 1);

	fake_request(f, 34, IRQF_TRIGGER_RISING | IRQF_TRIGGER_FALLING);
	f->banks[1].level = 0;
	KUNIT_EXPECT_EQ(test, gpiod_get_raw_value_cansleep(desc), 0);
	fake_free(f, 34);
	gpiochip_free_own_desc(desc);
}

/*
 * Test that a controller unbound while one of its interrupts is held stays
 * safe for the holder (reliability fault 1): the holder can still disable,
 * enable, retype, disarm and free the interrupt, none of which reaches the
 * client any more; the unbind left the hardware interrupt disabled; and no
 * new request is taken. KASAN fails the case on any access to freed memory.
 */
static void gpio_clx_test_unbind_while_held(struct kunit *test)
{
	struct fake *f = fake_of_mode(test);
	int held, spare;
	unsigned int nlog;

	KUNIT_ASSERT_EQ(test, fake_register(f), 0);
	held = fake_request(f, 3, IRQF_TRIGGER_RISING);
	KUNIT_ASSERT_EQ(test, irq_set_irq_wake(held, 1), 0);
	spare = fake_virq(f, 4);
	KUNIT_ASSERT_TRUE(test, f->banks[0].en & BIT_ULL(3));

	platform_device_unregister(f->pdev);
	f->pdev = NULL;
	KUNIT_EXPECT_FALSE(test, f->banks[0].en & BIT_ULL(3));
	nlog = f->nlog;

	disable_irq(held);
	enable_irq(held);
	KUNIT_EXPECT_NE(test, irq_set_irq_type(held, IRQ_TYPE_EDGE_FALLING), 0);
	KUNIT_EXPECT_EQ(test, irq_set_irq_wake(held, 0), 0);
	KUNIT_EXPECT_EQ(test, fake_request_irq(f, spare, fake_handler,
					       IRQF_TRIGGER_RISING, f), -ENODEV);
	free_irq(held, f);
	__clear_bit(3, f->requested);
	KUNIT_EXPECT_EQ(test, f->nlog, nlog);
}

static struct kunit_case gpio_clx_test_cases[] = {
	KUNIT_CASE(gpio_clx_test_mapping),
	KUNIT_CASE(gpio_clx_test_bad_geometry),
	KUNIT_CASE(gpio_clx_test_incomplete_packet),
	KUNIT_CASE(gpio_clx_test_stale_enables),
	KUNIT_CASE_PARAM(gpio_clx_test_enable_programs, gpio_clx_type_gen_params),
	KUNIT_CASE(gpio_clx_test_type_refused),
	KUNIT_CASE(gpio_clx_test_passive_bus_sync),
	KUNIT_CASE(gpio_clx_test_debounce_emulated),
	KUNIT_CASE(gpio_clx_test_debounce_hw),
	KUNIT_CASE(gpio_clx_test_debounce_passive),
	KUNIT_CASE(gpio_clx_test_debounce_unsupported),
	KUNIT_CASE_PARAM(gpio_clx_test_debounce_level_disabled, gpio_clx_mode_gen_params),
	KUNIT_CASE_PARAM(gpio_clx_test_debounce_level_oneshot, gpio_clx_mode_gen_params),
	KUNIT_CASE_PARAM(gpio_clx_test_emulated_both_flips, gpio_clx_mode_gen_params),
	KUNIT_CASE_PARAM(gpio_clx_test_emulated_both_race, gpio_clx_mode_gen_params),
	KUNIT_CASE_PARAM(gpio_clx_test_emulated_both_short_pulse, gpio_clx_mode_gen_params),
	KUNIT_CASE_PARAM(gpio_clx_test_emulated_both_edge_in_enable, gpio_clx_mode_gen_params),
	KUNIT_CASE_PARAM(gpio_clx_test_emulated_both_edge_in_retype, gpio_clx_mode_gen_params),
	KUNIT_CASE_PARAM(gpio_clx_test_masked_edge_latched, gpio_clx_mode_gen_params),
	KUNIT_CASE_PARAM(gpio_clx_test_masked_level_refires, gpio_clx_mode_gen_params),
	KUNIT_CASE_PARAM(gpio_clx_test_mask_keeps_config, gpio_clx_mode_gen_params),
	KUNIT_CASE_PARAM(gpio_clx_test_mask_on_disabled, gpio_clx_mode_gen_params),
	KUNIT_CASE(gpio_clx_test_shared_refcount),
	KUNIT_CASE_PARAM(gpio_clx_test_reconfigure_live, gpio_clx_mode_gen_params),
	KUNIT_CASE_PARAM(gpio_clx_test_primary_dispatch, gpio_clx_mode_gen_params),
	KUNIT_CASE_PARAM(gpio_clx_test_stray_masked, gpio_clx_mode_gen_params),
	KUNIT_CASE_PARAM(gpio_clx_test_mask_failure, gpio_clx_mode_gen_params),
	KUNIT_CASE_PARAM(gpio_clx_test_lock_discipline, gpio_clx_mode_gen_params),
	KUNIT_CASE_PARAM(gpio_clx_test_edge_during_thread, gpio_clx_mode_gen_params),
	KUNIT_CASE_PARAM(gpio_clx_test_suspend_resume, gpio_clx_mode_gen_params),
	KUNIT_CASE_PARAM(gpio_clx_test_suspend_emulated_both, gpio_clx_mode_gen_params),
	KUNIT_CASE_PARAM(gpio_clx_test_resume_keeps_genirq_masks, gpio_clx_mode_gen_params),
	KUNIT_CASE_PARAM(gpio_clx_test_pending_edge_replayed, gpio_clx_mode_gen_params),
	KUNIT_CASE_PARAM(gpio_clx_test_replay_waits_for_unmask, gpio_clx_mode_gen_params),
	KUNIT_CASE_PARAM(gpio_clx_test_failed_retype_kept_old, gpio_clx_mode_gen_params),
	KUNIT_CASE_PARAM(gpio_clx_test_ack_order, gpio_clx_mode_gen_params),
	KUNIT_CASE_PARAM(gpio_clx_test_immutable_chip, gpio_clx_mode_gen_params),
	KUNIT_CASE(gpio_clx_test_gpiolib_order),
	KUNIT_CASE_PARAM(gpio_clx_test_irq_refuses_output, gpio_clx_mode_gen_params),
	KUNIT_CASE_PARAM(gpio_clx_test_get_live_level, gpio_clx_mode_gen_params),
	KUNIT_CASE_PARAM(gpio_clx_test_unbind_while_held, gpio_clx_mode_gen_params),
	{}
};

static struct kunit_suite gpio_clx_test_suite = {
	.name = "gpio-clx",
	.init = gpio_clx_test_init,
	.exit = gpio_clx_test_exit,
	.test_cases = gpio_clx_test_cases,
};

kunit_test_suite(gpio_clx_test_suite);

MODULE_DESCRIPTION("KUnit tests for the gpioclx core");
MODULE_LICENSE("GPL");
