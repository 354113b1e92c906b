// SPDX-License-Identifier: GPL-2.0-only
/*
 * KUnit tests for the simulated controller on the test board: real
 * interrupts through the device tree's parent line, checked against the
 * register model. The suite uses the board's second controller
 * (/gpio-controller-1), which nothing else claims.
 */

#include <kunit/test.h>
#include <linux/completion.h>
#include <linux/cpumask.h>
#include <linux/gpio/consumer.h>
#include <linux/gpio/driver.h>
#include <linux/gpio/machine.h>
#include <linux/interrupt.h>
#include <linux/irq.h>
#include <linux/delay.h>
#include <linux/jiffies.h>
#include <linux/ktime.h>
#include <linux/math64.h>
#include <linux/of.h>
#include <linux/of_platform.h>
#include <linux/platform_device.h>
#include <linux/property.h>

#include <linux/gpio/clx.h>

#include "gpio-clx-compat.h"
#include "gpio-clx-sim.h"
#include "gpio-clx-testing.h"

/* gpiolib's private header, from the kernel tree: GPIOD_FLAG_IRQ_IS_ENABLED. */
#include <gpiolib.h>

#define SIM_NODE	"/gpio-controller-1"
#define SIM_PIN		9

#define SIM_ORDER_MAX	8

/*
 * The chip of the controller's parent line, wrapped for one case: each
 * change of the controller's interrupt output (the simulator sets it with
 * irq_set_irqchip_state() on the parent, from inside the register write
 * that changed it) is recorded with what gpiolib believed of the pin at
 * that very moment.
 */
struct sim_order {
	struct irq_chip chip;
	const struct irq_chip *orig;
	struct gpio_desc *desc;
	unsigned int n;
	bool output[SIM_ORDER_MAX];
	bool irq_enabled[SIM_ORDER_MAX];
};

/* The parent's callbacks get no data of ours: one wrapped line at a time. */
static struct sim_order *sim_order;

/* Two devices sharing one level-low line (wired-AND), each with a thread. */
struct sim_sharer {
	struct sim_test *t;		/* the case's fixture */
	struct sim_sharer *all;		/* both sharers */
	bool asserting;
	struct completion started, release, done;
};

struct sim_test {
	struct kunit *test;
	struct platform_device *pdev;
	struct device *dev;
	struct gpio_clx *clx;
	int virq;
	bool active_high;	/* level the handler drives away from */
	bool level;		/* the handler deasserts, like a serviced device */
	unsigned int handled;
	bool hardirq;
	bool saw_unmasked;	/* a thread ran with its level pin unmasked */
	unsigned long jiffies_seen;
	struct completion done;
	struct sim_sharer *sharers;	/* freed by the case itself */
	int wrapped_parent;		/* parent whose chip is wrapped */
	int other_virq;			/* another pin's, requested for @t */
};

static irqreturn_t sim_test_handler(int irq, void *data)
{
	struct sim_test *t = data;

	t->hardirq = in_hardirq();
	t->jiffies_seen = jiffies;
	if (t->level)
		gpio_clx_sim_set_input(t->dev, SIM_PIN, !t->active_high);
	t->handled++;
	complete(&t->done);
	return IRQ_HANDLED;
}

static int sim_test_init(struct kunit *test)
{
	struct device_node *np;
	struct sim_test *t;

	t = kunit_kzalloc(test, sizeof(*t), GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, t);
	np = of_find_node_by_path(SIM_NODE);
	KUNIT_ASSERT_NOT_NULL_MSG(test, np, "board has no %s", SIM_NODE);
	t->pdev = of_find_device_by_node(np);
	of_node_put(np);
	KUNIT_ASSERT_NOT_NULL(test, t->pdev);
	t->dev = &t->pdev->dev;
	test->priv = t;
	t->clx = gpio_clx_sim_controller(t->dev);
	KUNIT_ASSERT_NOT_NULL_MSG(test, t->clx, "%s not bound", SIM_NODE);
	t->virq = gpio_clx_pin_to_irq(t->clx, 0, SIM_PIN);
	KUNIT_ASSERT_GT(test, t->virq, 0);
	t->test = test;
	init_completion(&t->done);
	gpio_clx_sim_set_input(t->dev, SIM_PIN, false);
	return 0;
}

static void sim_test_exit(struct kunit *test)
{
	struct sim_test *t = test->priv;
	int i;

	if (!t)
		return;
	if (t->wrapped_parent > 0) {
		irq_set_chip(t->wrapped_parent, sim_order->orig);
		WRITE_ONCE(sim_order, NULL);
	}
	if (t->sharers) {
		/* A failed case must not leave threads blocked or irqs held. */
		for (i = 0; i < 2; i++)
			complete_all(&t->sharers[i].release);
		for (i = 0; i < 2; i++)
			free_irq(t->virq, &t->sharers[i]);
	}
	if (t->virq > 0 && irq_has_action(t->virq))
		free_irq(t->virq, t);
	if (t->other_virq > 0 && irq_has_action(t->other_virq))
		free_irq(t->other_virq, t);
	gpio_clx_sim_set_input(t->dev, SIM_PIN, false);
	put_device(t->dev);
}

static struct gpio_clx_sim_regs sim_test_regs(struct sim_test *t)
{
	struct gpio_clx_sim_regs r;

	KUNIT_ASSERT_EQ(t->test, gpio_clx_sim_read_regs(t->dev, 0, &r), 0);
	return r;
}

/*
 * Wait until the hardware has nothing left to deliver for the pin. The
 * primary ISR clears latched status before the handler runs, in one hard-IRQ
 * section, so status gone means the handler has run: no sleeping guess.
 */
static void sim_test_flush(struct sim_test *t)
{
	u64 bit = BIT_ULL(SIM_PIN);
	struct gpio_clx_sim_regs r;
	int i;

	for (i = 0; i < 1000; i++) {
		r = sim_test_regs(t);
		if (!(r.status & r.en & ~r.mask & bit))
			return;
		usleep_range(1000, 2000);
	}
	KUNIT_FAIL(t->test, "interrupt still pending after 1 s: %#llx",
		   r.status);
}

static void sim_test_drive(struct sim_test *t, bool high)
{
	gpio_clx_sim_set_input(t->dev, SIM_PIN, high);
	sim_test_flush(t);
}

/*
 * Test that the consumer's handler runs in hard-IRQ context and without
 * waiting for the timer tick: the parent line is raised by the hardware
 * model, not by irq_work (rule 10). At least one of five deliveries must land
 * in the jiffy it was raised in; tick-driven delivery never does.
 */
static void sim_test_hardirq_prompt(struct kunit *test)
{
	struct sim_test *t = test->priv;
	unsigned int i, same_jiffy = 0;
	unsigned long raised;

	KUNIT_ASSERT_EQ(test, request_irq(t->virq, sim_test_handler,
					  IRQF_TRIGGER_RISING, "kunit", t), 0);
	for (i = 0; i < 5; i++) {
		reinit_completion(&t->done);
		raised = jiffies;
		gpio_clx_sim_set_input(t->dev, SIM_PIN, true);
		KUNIT_ASSERT_NE(test, wait_for_completion_timeout(&t->done, HZ),
				0UL);
		KUNIT_EXPECT_TRUE(test, t->hardirq);
		same_jiffy += t->jiffies_seen == raised;
		gpio_clx_sim_set_input(t->dev, SIM_PIN, false);
	}
	KUNIT_EXPECT_GT(test, same_jiffy, 0U);
	KUNIT_EXPECT_EQ(test, t->handled, 5U);
}

struct sim_type_case {
	const char *name;
	unsigned long trigger;
	bool edge, high, both;
	unsigned int expected;	/* handler runs for the 0-1-0-1-0 sequence */
};

static const struct sim_type_case sim_type_cases[] = {
	{ "rising", IRQF_TRIGGER_RISING, true, true, false, 2 },
	{ "falling", IRQF_TRIGGER_FALLING, true, false, false, 2 },
	{ "both", IRQF_TRIGGER_RISING | IRQF_TRIGGER_FALLING, true, false, true, 4 },
	{ "high", IRQF_TRIGGER_HIGH, false, true, false, 2 },
	{ "low", IRQF_TRIGGER_LOW, false, false, false, 2 },
};

static void sim_type_desc(const struct sim_type_case *c, char *desc)
{
	strscpy(desc, c->name, KUNIT_PARAM_DESC_SIZE);
}

KUNIT_ARRAY_PARAM(sim_type, sim_type_cases, sim_type_desc);

/*
 * Test that every trigger type programs the register file as documented and
 * fires exactly on its edges, or once per assertion of its level (rules 5,
 * 19).
 */
static void sim_test_trigger_types(struct kunit *test)
{
	const struct sim_type_case *c = test->param_value;
	struct sim_test *t = test->priv;
	u64 bit = BIT_ULL(SIM_PIN);
	struct gpio_clx_sim_regs r;
	unsigned int i;

	t->level = !c->edge;
	t->active_high = c->high;
	/* A low-level line idles high, or it would fire on request. */
	if (t->level && !c->high)
		gpio_clx_sim_set_input(t->dev, SIM_PIN, true);

	KUNIT_ASSERT_EQ(test, request_irq(t->virq, sim_test_handler,
					  c->trigger, "kunit", t), 0);
	r = sim_test_regs(t);
	KUNIT_EXPECT_EQ(test, !!(r.en & bit), true);
	KUNIT_EXPECT_EQ(test, !!(r.mask & bit), false);
	KUNIT_EXPECT_EQ(test, !!(r.edge & bit), c->edge);
	KUNIT_EXPECT_EQ(test, !!(r.pol & bit), c->high);
	KUNIT_EXPECT_EQ(test, !!(r.both & bit), c->both);

	if (t->level) {
		/* Each assertion is serviced once; the handler deasserts. */
		for (i = 0; i < c->expected; i++)
			sim_test_drive(t, c->high);
	} else {
		for (i = 0; i < 2; i++) {
			sim_test_drive(t, true);
			sim_test_drive(t, false);
		}
	}
	KUNIT_EXPECT_EQ(test, t->handled, c->expected);

	free_irq(t->virq, t);
	r = sim_test_regs(t);
	KUNIT_EXPECT_EQ(test, r.en & bit, 0ULL);
}

/*
 * Test that masking keeps the pin enabled, latches edges without raising the
 * parent line, and delivers one coalesced interrupt on unmask (rule 6).
 */
static void sim_test_mask_latches(struct kunit *test)
{
	struct sim_test *t = test->priv;
	int parent = platform_get_irq(t->pdev, 0);
	u64 bit = BIT_ULL(SIM_PIN);
	struct gpio_clx_sim_regs r;
	bool pending = true;

	KUNIT_ASSERT_GT(test, parent, 0);
	KUNIT_ASSERT_EQ(test, request_irq(t->virq, sim_test_handler,
					  IRQF_TRIGGER_RISING, "kunit", t), 0);
	disable_irq(t->virq);
	gpio_clx_sim_set_input(t->dev, SIM_PIN, true);
	gpio_clx_sim_set_input(t->dev, SIM_PIN, false);
	gpio_clx_sim_set_input(t->dev, SIM_PIN, true);

	r = sim_test_regs(t);
	KUNIT_EXPECT_NE(test, r.en & bit, 0ULL);
	KUNIT_EXPECT_NE(test, r.mask & bit, 0ULL);
	KUNIT_EXPECT_NE(test, r.status & bit, 0ULL);
	KUNIT_ASSERT_EQ(test, irq_get_irqchip_state(parent,
						    IRQCHIP_STATE_PENDING,
						    &pending), 0);
	KUNIT_EXPECT_FALSE(test, pending);
	KUNIT_EXPECT_EQ(test, t->handled, 0U);

	enable_irq(t->virq);
	sim_test_flush(t);
	KUNIT_EXPECT_EQ(test, t->handled, 1U);
}

/*
 * Test that an edge latched while masked and left behind when the pin was
 * freed is stale: enabling the pin again clears it and leaves the pin
 * unmasked, and only new edges interrupt (rule 5).
 */
static void sim_test_enable_clears_stale(struct kunit *test)
{
	struct sim_test *t = test->priv;
	u64 bit = BIT_ULL(SIM_PIN);
	struct gpio_clx_sim_regs r;

	KUNIT_ASSERT_EQ(test, request_irq(t->virq, sim_test_handler,
					  IRQF_TRIGGER_RISING, "kunit", t), 0);
	disable_irq(t->virq);
	gpio_clx_sim_set_input(t->dev, SIM_PIN, true);
	free_irq(t->virq, t);
	r = sim_test_regs(t);
	KUNIT_ASSERT_NE_MSG(test, r.status & bit, 0ULL, "no stale status to test");
	KUNIT_EXPECT_EQ(test, r.en & bit, 0ULL);

	KUNIT_ASSERT_EQ(test, request_irq(t->virq, sim_test_handler,
					  IRQF_TRIGGER_FALLING, "kunit", t), 0);
	r = sim_test_regs(t);
	KUNIT_EXPECT_EQ(test, r.status & bit, 0ULL);
	KUNIT_EXPECT_EQ(test, r.mask & bit, 0ULL);
	KUNIT_EXPECT_NE(test, r.en & bit, 0ULL);
	sim_test_flush(t);
	KUNIT_EXPECT_EQ(test, t->handled, 0U);

	sim_test_drive(t, false);
	KUNIT_EXPECT_EQ(test, t->handled, 1U);
}

/*
 * Test that changing the trigger of a live pin drops status latched under
 * the old trigger: nothing is delivered for it (rule 21).
 */
static void sim_test_retype_clears_stale(struct kunit *test)
{
	struct sim_test *t = test->priv;
	u64 bit = BIT_ULL(SIM_PIN);

	KUNIT_ASSERT_EQ(test, request_irq(t->virq, sim_test_handler,
					  IRQF_TRIGGER_RISING, "kunit", t), 0);
	disable_irq(t->virq);
	gpio_clx_sim_set_input(t->dev, SIM_PIN, true);
	KUNIT_ASSERT_NE(test, sim_test_regs(t).status & bit, 0ULL);

	KUNIT_ASSERT_EQ(test, irq_set_irq_type(t->virq, IRQ_TYPE_EDGE_FALLING),
			0);
	KUNIT_EXPECT_EQ(test, sim_test_regs(t).status & bit, 0ULL);
	enable_irq(t->virq);
	sim_test_flush(t);
	KUNIT_EXPECT_EQ(test, t->handled, 0U);

	sim_test_drive(t, false);
	KUNIT_EXPECT_EQ(test, t->handled, 1U);
}

/*
 * Test that a level line with a threaded (passive-level) handler stays
 * masked until the thread has run and fires once per assertion (rule 14).
 */
static irqreturn_t sim_test_thread(int irq, void *data)
{
	struct sim_test *t = data;
	struct gpio_clx_sim_regs r;

	/* Still masked while the thread runs, though still asserted. */
	gpio_clx_sim_read_regs(t->dev, 0, &r);
	if (!(r.mask & BIT_ULL(SIM_PIN)))
		t->saw_unmasked = true;
	gpio_clx_sim_set_input(t->dev, SIM_PIN, true);
	t->handled++;
	complete(&t->done);
	return IRQ_HANDLED;
}

static void sim_test_threaded_level(struct kunit *test)
{
	struct sim_test *t = test->priv;
	unsigned int i;

	gpio_clx_sim_set_input(t->dev, SIM_PIN, true);
	KUNIT_ASSERT_EQ(test, request_threaded_irq(t->virq, NULL,
						   sim_test_thread,
						   IRQF_TRIGGER_LOW |
						   IRQF_ONESHOT, "kunit", t), 0);
	for (i = 1; i <= 3; i++) {
		reinit_completion(&t->done);
		gpio_clx_sim_set_input(t->dev, SIM_PIN, false);
		KUNIT_ASSERT_NE(test, wait_for_completion_timeout(&t->done, HZ),
				0UL);
		sim_test_flush(t);
		KUNIT_EXPECT_EQ(test, t->handled, i);
	}
	KUNIT_EXPECT_FALSE(test, t->saw_unmasked);
}

static void sim_sharers_drive(struct sim_test *t, struct sim_sharer *s)
{
	gpio_clx_sim_set_input(t->dev, SIM_PIN, !(s[0].asserting || s[1].asserting));
}

static irqreturn_t sim_sharer_thread(int irq, void *data)
{
	struct sim_sharer *s = data;

	if (!s->asserting)
		return IRQ_NONE;
	complete(&s->started);
	wait_for_completion(&s->release);
	s->asserting = false;
	sim_sharers_drive(s->t, s->all);
	complete(&s->done);
	return IRQ_HANDLED;
}

/*
 * Test that a shared level line stays masked until every sharer's thread
 * has returned, not just the first (rule 14).
 */
static void sim_test_shared_level_oneshot(struct kunit *test)
{
	struct sim_test *t = test->priv;
	struct sim_sharer *s;
	u64 bit = BIT_ULL(SIM_PIN);
	int i;

	s = kunit_kcalloc(test, 2, sizeof(*s), GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, s);
	t->sharers = s;
	for (i = 0; i < 2; i++) {
		s[i].t = t;
		s[i].all = s;
		init_completion(&s[i].started);
		init_completion(&s[i].release);
		init_completion(&s[i].done);
	}
	gpio_clx_sim_set_input(t->dev, SIM_PIN, true);
	for (i = 0; i < 2; i++)
		KUNIT_ASSERT_EQ(test, request_threaded_irq(t->virq, NULL,
							   sim_sharer_thread,
							   IRQF_TRIGGER_LOW |
							   IRQF_ONESHOT |
							   IRQF_SHARED,
							   "kunit", &s[i]), 0);

	s[0].asserting = true;
	s[1].asserting = true;
	sim_sharers_drive(t, s);
	for (i = 0; i < 2; i++)
		KUNIT_ASSERT_NE(test, wait_for_completion_timeout(&s[i].started,
								  HZ), 0UL);

	/* The first thread is done; the line is still masked for the second. */
	complete(&s[0].release);
	KUNIT_ASSERT_NE(test, wait_for_completion_timeout(&s[0].done, HZ), 0UL);
	msleep(20);
	KUNIT_EXPECT_NE(test, sim_test_regs(t).mask & bit, 0ULL);

	complete(&s[1].release);
	KUNIT_ASSERT_NE(test, wait_for_completion_timeout(&s[1].done, HZ), 0UL);
	for (i = 0; i < 100 && (sim_test_regs(t).mask & bit); i++)
		usleep_range(10000, 20000);
	KUNIT_EXPECT_EQ(test, sim_test_regs(t).mask & bit, 0ULL);

	for (i = 0; i < 2; i++)
		free_irq(t->virq, &s[i]);
	t->sharers = NULL;
}

/*
 * Test that the pin reads its live level and refuses output while it is an
 * interrupt (rules 24, 25).
 */
static void sim_test_gpio_contract(struct kunit *test)
{
	struct sim_test *t = test->priv;
	struct gpio_chip *gc = gpio_clx_gpio_chip(t->clx);
	struct gpio_desc *desc;

	desc = gpiochip_request_own_desc(gc, SIM_PIN, "kunit",
					 GPIO_LOOKUP_FLAGS_DEFAULT, GPIOD_IN);
	KUNIT_ASSERT_FALSE(test, IS_ERR(desc));
	KUNIT_EXPECT_EQ(test, gpiod_get_raw_value(desc), 0);
	gpio_clx_sim_set_input(t->dev, SIM_PIN, true);
	KUNIT_EXPECT_EQ(test, gpiod_get_raw_value(desc), 1);

	KUNIT_EXPECT_EQ(test, request_irq(t->virq, sim_test_handler,
					  IRQF_TRIGGER_FALLING, "kunit", t), 0);
	KUNIT_EXPECT_LT(test, gpiod_direction_output(desc, 0), 0);
	gpio_clx_sim_set_input(t->dev, SIM_PIN, false);
	KUNIT_EXPECT_EQ(test, gpiod_get_raw_value(desc), 0);
	sim_test_flush(t);
	free_irq(t->virq, t);

	/* No longer an interrupt: output works and reads back. */
	KUNIT_EXPECT_EQ(test, gpiod_direction_output(desc, 1), 0);
	KUNIT_EXPECT_EQ(test, gpiod_get_raw_value(desc), 1);
	gpiod_direction_input(desc);
	gpiochip_free_own_desc(desc);
}

static int sim_order_set_state(struct irq_data *d,
			       enum irqchip_irq_state which, bool state)
{
	struct sim_order *o = READ_ONCE(sim_order);

	if (which == IRQCHIP_STATE_PENDING && o->n < SIM_ORDER_MAX) {
		o->output[o->n] = state;
		o->irq_enabled[o->n] = test_bit(GPIOD_FLAG_IRQ_IS_ENABLED,
						&o->desc->flags);
		o->n++;
	}
	return o->orig->irq_set_irqchip_state(d, which, state);
}

static bool sim_test_irq_enabled(struct sim_order *o)
{
	return test_bit(GPIOD_FLAG_IRQ_IS_ENABLED, &o->desc->flags);
}

/*
 * Test that gpiolib hears of a mask only after the hardware mask is set,
 * and of an unmask before the hardware mask is cleared, on the real
 * controller across disable_irq() and enable_irq(): when masking drops the
 * controller's interrupt output, gpiolib still counts the line enabled;
 * when unmasking raises it, gpiolib already does (rule 23).
 */
static void sim_test_gpiolib_order(struct kunit *test)
{
	struct sim_test *t = test->priv;
	int parent = platform_get_irq(t->pdev, 0);
	u64 bit = BIT_ULL(SIM_PIN);
	struct sim_order *o;
	unsigned long flags;

	KUNIT_ASSERT_GT(test, parent, 0);
	o = kunit_kzalloc(test, sizeof(*o), GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, o);
	o->orig = irq_get_chip(parent);
	KUNIT_ASSERT_NOT_NULL(test, o->orig);
	KUNIT_ASSERT_NOT_NULL(test, o->orig->irq_set_irqchip_state);
	o->chip = *o->orig;
	o->chip.irq_set_irqchip_state = sim_order_set_state;
	o->desc = gpio_clx_chip_desc(gpio_clx_gpio_chip(t->clx), SIM_PIN);
	KUNIT_ASSERT_FALSE(test, IS_ERR(o->desc));
	KUNIT_ASSERT_EQ(test, request_irq(t->virq, sim_test_handler,
					  IRQF_TRIGGER_RISING, "kunit", t), 0);
	WRITE_ONCE(sim_order, o);
	KUNIT_ASSERT_EQ(test, irq_set_chip(parent, &o->chip), 0);
	t->wrapped_parent = parent;
	KUNIT_ASSERT_TRUE(test, sim_test_irq_enabled(o));

	/*
	 * An edge raises the output; disable_irq() masks it away before the
	 * parent can run the primary ISR.
	 */
	local_irq_save(flags);
	gpio_clx_sim_set_input(t->dev, SIM_PIN, true);
	disable_irq_nosync(t->virq);
	local_irq_restore(flags);
	KUNIT_ASSERT_EQ(test, o->n, 2U);
	KUNIT_EXPECT_TRUE(test, o->output[0]);
	KUNIT_EXPECT_FALSE(test, o->output[1]);
	KUNIT_EXPECT_TRUE_MSG(test, o->irq_enabled[1],
			      "gpiolib was told before the hardware masked");
	KUNIT_EXPECT_FALSE(test, sim_test_irq_enabled(o));
	KUNIT_EXPECT_NE(test, sim_test_regs(t).mask & bit, 0ULL);
	KUNIT_EXPECT_EQ(test, t->handled, 0U);

	/* The latched edge raises the output again once unmasked. */
	o->n = 0;
	reinit_completion(&t->done);
	enable_irq(t->virq);
	KUNIT_ASSERT_NE(test, wait_for_completion_timeout(&t->done, HZ), 0UL);
	sim_test_flush(t);
	KUNIT_ASSERT_GE(test, o->n, 1U);
	KUNIT_EXPECT_TRUE(test, o->output[0]);
	KUNIT_EXPECT_TRUE_MSG(test, o->irq_enabled[0],
			      "gpiolib was told after the hardware unmasked");
	KUNIT_EXPECT_TRUE(test, sim_test_irq_enabled(o));
	KUNIT_EXPECT_EQ(test, sim_test_regs(t).mask & bit, 0ULL);
	KUNIT_EXPECT_EQ(test, t->handled, 1U);
}

static u64 sim_test_coalesced_count(struct sim_test *t)
{
	u64 count = 0;

	KUNIT_ASSERT_EQ(t->test, gpio_clx_sim_coalesced(t->dev, SIM_PIN, &count),
			0);
	return count;
}

/*
 * Test that the model counts, per pin, exactly the edges that found the
 * pin's status latch set already and so left nothing behind: while the pin
 * is masked, and while unmasked but before the CPU took the interrupt.
 * Edges the trigger does not ask for, and edges on a pin without an
 * interrupt, latch nothing and lose nothing.
 */
static void sim_test_coalesced(struct kunit *test)
{
	struct sim_test *t = test->priv;
	unsigned long flags;
	u64 base;
	int i;

	base = sim_test_coalesced_count(t);
	KUNIT_ASSERT_EQ(test, request_irq(t->virq, sim_test_handler,
					  IRQF_TRIGGER_RISING, "kunit", t), 0);

	/* Masked: the first of three rising edges latches, two are lost. */
	disable_irq(t->virq);
	for (i = 0; i < 3; i++) {
		gpio_clx_sim_set_input(t->dev, SIM_PIN, true);
		gpio_clx_sim_set_input(t->dev, SIM_PIN, false);
	}
	KUNIT_EXPECT_EQ(test, sim_test_coalesced_count(t) - base, 2ULL);
	enable_irq(t->virq);
	sim_test_flush(t);
	KUNIT_EXPECT_EQ(test, t->handled, 1U);

	/* Unmasked, two rising edges before the CPU can take the first. */
	local_irq_save(flags);
	gpio_clx_sim_set_input(t->dev, SIM_PIN, true);
	gpio_clx_sim_set_input(t->dev, SIM_PIN, false);
	gpio_clx_sim_set_input(t->dev, SIM_PIN, true);
	local_irq_restore(flags);
	sim_test_flush(t);
	KUNIT_EXPECT_EQ(test, t->handled, 2U);
	KUNIT_EXPECT_EQ(test, sim_test_coalesced_count(t) - base, 3ULL);

	/* A falling edge is no edge to a rising trigger. */
	sim_test_drive(t, false);
	KUNIT_EXPECT_EQ(test, sim_test_coalesced_count(t) - base, 3ULL);

	free_irq(t->virq, t);
	for (i = 0; i < 3; i++) {
		gpio_clx_sim_set_input(t->dev, SIM_PIN, true);
		gpio_clx_sim_set_input(t->dev, SIM_PIN, false);
	}
	KUNIT_EXPECT_EQ(test, sim_test_coalesced_count(t) - base, 3ULL);
}

#define SIM_LEFTOVERS	"linux,firmware-leftovers"

/* The board's leftovers on this controller, as masks of its one bank. */
static void sim_test_leftovers(struct sim_test *t, u64 *en, u64 *latched)
{
	struct kunit *test = t->test;
	u32 *rows;
	int i, n;

	*en = 0;
	*latched = 0;
	n = device_property_count_u32(t->dev, SIM_LEFTOVERS);
	KUNIT_ASSERT_GT_MSG(test, n, 0, "%s has no %s", SIM_NODE, SIM_LEFTOVERS);
	KUNIT_ASSERT_EQ(test, n % 3, 0);
	rows = kunit_kcalloc(test, n, sizeof(*rows), GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, rows);
	KUNIT_ASSERT_EQ(test, device_property_read_u32_array(t->dev, SIM_LEFTOVERS,
							     rows, n), 0);
	for (i = 0; i < n; i += 3) {
		KUNIT_ASSERT_LT(test, rows[i], 64U);
		if (rows[i + 1])
			*en |= BIT_ULL(rows[i]);
		if (rows[i + 2])
			*latched |= BIT_ULL(rows[i]);
	}
}

/*
 * Test a warm reboot (rule 4): what the firmware left on this controller
 * (the board's linux,firmware-leftovers: pins enabled, edges latched, some
 * both, which asserts the controller's interrupt output) was in the
 * registers before the core registered the controller, and registration
 * disabled and cleared all of it: the pins are off, their status clear, and
 * the primary ISR never found them active (no stray status, no storm). A
 * consumer that requests such a pin gets the edges after its request, and
 * nothing from before.
 */
static void sim_test_firmware_leftovers(struct kunit *test)
{
	struct sim_test *t = test->priv;
	struct gpio_clx_sim_regs boot, r;
	struct gpio_clx_stats st;
	u64 en, latched, left;
	unsigned int pin;

	sim_test_leftovers(t, &en, &latched);
	KUNIT_ASSERT_NE_MSG(test, en & latched, 0ULL,
			    "no leftover asserts the interrupt output");
	left = en | latched;

	KUNIT_ASSERT_EQ(test, gpio_clx_sim_read_boot_regs(t->dev, 0, &boot), 0);
	KUNIT_EXPECT_EQ(test, boot.en, en);
	KUNIT_EXPECT_EQ(test, boot.edge & en, en);
	KUNIT_EXPECT_EQ(test, boot.pol & en, en);
	KUNIT_EXPECT_EQ(test, boot.mask & en, 0ULL);
	KUNIT_EXPECT_EQ(test, boot.status, latched);

	r = sim_test_regs(t);
	KUNIT_EXPECT_EQ(test, r.en & left, 0ULL);
	KUNIT_EXPECT_EQ(test, r.status & left, 0ULL);
	for (pin = 0; pin < 64; pin++) {
		if (!(left & BIT_ULL(pin)))
			continue;
		gpio_clx_get_stats(t->clx, pin, &st);
		KUNIT_EXPECT_EQ_MSG(test, st.primary, 0ULL, "pin %u", pin);
		KUNIT_EXPECT_EQ_MSG(test, st.spurious, 0ULL, "pin %u", pin);
		KUNIT_EXPECT_EQ_MSG(test, st.masked_pending, 0ULL, "pin %u", pin);
	}

	/* A pin that was enabled with an edge latched, now requested. */
	pin = __ffs64(en & latched);
	gpio_clx_sim_set_input(t->dev, pin, false);
	t->other_virq = gpio_clx_pin_to_irq(t->clx, 0, pin);
	KUNIT_ASSERT_GT(test, t->other_virq, 0);
	KUNIT_ASSERT_EQ(test, request_irq(t->other_virq, sim_test_handler,
					  IRQF_TRIGGER_RISING, "kunit", t), 0);
	r = sim_test_regs(t);
	KUNIT_EXPECT_NE(test, r.en & BIT_ULL(pin), 0ULL);
	KUNIT_EXPECT_EQ(test, r.status & BIT_ULL(pin), 0ULL);
	KUNIT_EXPECT_EQ(test, t->handled, 0U);

	gpio_clx_sim_set_input(t->dev, pin, true);
	KUNIT_ASSERT_NE(test, wait_for_completion_timeout(&t->done, HZ), 0UL);
	KUNIT_EXPECT_EQ(test, t->handled, 1U);
	free_irq(t->other_virq, t);
	gpio_clx_sim_set_input(t->dev, pin, false);
	gpio_clx_get_stats(t->clx, pin, &st);
	KUNIT_EXPECT_EQ(test, st.dispatched, 1ULL);
	KUNIT_EXPECT_EQ(test, st.spurious, 0ULL);
}

/* ---- a parent that latches its pending state ---------------------- */

#define SIM_LATCHED_NODE	"/gpio-controller-latched"
#define SIM_LATCHED_PINS	16	/* two banks of 8 */

struct sim_latched {
	struct device *dev;
	unsigned int count[SIM_LATCHED_PINS];
};

/* Pin 1's handler latches an edge on pin 2, in the bank already serviced. */
static irqreturn_t sim_latched_handler(int irq, void *data)
{
	struct sim_latched *l = data;
	irq_hw_number_t pin = irqd_to_hwirq(irq_get_irq_data(irq));

	l->count[pin]++;
	if (pin == 1)
		gpio_clx_sim_set_input(l->dev, 2, true);
	return IRQ_HANDLED;
}

/*
 * Test that a controller whose parent forgets its pending state once the
 * interrupt is taken (a GIC SPI raised through its pending bit) still
 * delivers an edge that came while the parent was being serviced with the
 * output asserted throughout: pins 1 (bank 0) and 9 (bank 1) latch, the
 * ISR services bank 0, pin 1's handler latches pin 2 in bank 0 while bank
 * 1 still asserts, then bank 1 is serviced. The output never dropped, so
 * only the driver raising the parent again after the ISR brings pin 2.
 * Needs /gpio-controller-latched (the arm64 board's tree).
 */
static void sim_test_latched_parent_reraised(struct kunit *test)
{
	static const unsigned int pins[] = { 1, 2, 9 };
	struct platform_device *pdev;
	struct device_node *np;
	struct sim_latched *l;
	struct gpio_clx *clx;
	unsigned long flags;
	int virq[ARRAY_SIZE(pins)];
	unsigned int i;

	np = of_find_node_by_path(SIM_LATCHED_NODE);
	if (!np)
		kunit_skip(test, "no %s in this board's tree (the arm64 board has one)",
			   SIM_LATCHED_NODE);
	pdev = of_find_device_by_node(np);
	of_node_put(np);
	KUNIT_ASSERT_NOT_NULL(test, pdev);
	l = kunit_kzalloc(test, sizeof(*l), GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, l);
	l->dev = &pdev->dev;
	clx = gpio_clx_sim_controller(l->dev);
	KUNIT_ASSERT_NOT_NULL_MSG(test, clx, "%s not bound", SIM_LATCHED_NODE);

	for (i = 0; i < ARRAY_SIZE(pins); i++) {
		gpio_clx_sim_set_input(l->dev, pins[i], false);
		virq[i] = gpio_clx_pin_to_irq(clx, pins[i] / 8, pins[i] % 8);
		KUNIT_ASSERT_GT(test, virq[i], 0);
		KUNIT_ASSERT_EQ(test, request_irq(virq[i], sim_latched_handler,
						  IRQF_TRIGGER_RISING, "kunit", l), 0);
	}
	local_irq_save(flags);
	gpio_clx_sim_set_input(l->dev, 1, true);
	gpio_clx_sim_set_input(l->dev, 9, true);
	local_irq_restore(flags);
	for (i = 0; i < 50 && !READ_ONCE(l->count[2]); i++)
		msleep(20);

	KUNIT_EXPECT_EQ(test, l->count[1], 1U);
	KUNIT_EXPECT_EQ(test, l->count[9], 1U);
	KUNIT_EXPECT_EQ_MSG(test, l->count[2], 1U,
			    "the edge latched while the other bank asserted was lost");
	for (i = 0; i < ARRAY_SIZE(pins); i++) {
		free_irq(virq[i], l);
		gpio_clx_sim_set_input(l->dev, pins[i], false);
	}
	put_device(l->dev);
}

/* Whether SIM_PIN comes to be driven @high within about @ms. */
static bool sim_test_wait_input(struct sim_test *t, bool high, unsigned int ms)
{
	unsigned int i;

	for (i = 0; i <= ms; i++) {
		if (!!(sim_test_regs(t).in & BIT_ULL(SIM_PIN)) == high)
			return true;
		if (i < ms)
			usleep_range(1000, 2000);
	}
	return false;
}

/*
 * Test that a step of the signal generator that finds the board stalled is
 * put off by half a phase instead of driven at once, so that what the last
 * edge woke runs before the next edge. A 10 Hz square wave (50 ms phases)
 * makes one edge; then interrupts are held off for 80 ms, past the second
 * edge's time. Driven at once, the second edge would come as they are let
 * on again; put off, it comes 25 ms later or more. The stall must begin
 * before the second step can have fired (50 ms after the start), or the
 * case proves nothing; and the timer must fire on this CPU.
 */
static void sim_test_generator_stall(struct kunit *test)
{
	struct sim_test *t = test->priv;
	unsigned long flags;
	u64 start, stalled, resumed;
	char cmd[32];

	if (num_online_cpus() > 1)
		kunit_skip(test, "the stall holds off one CPU's timers; this board has %u",
			   num_online_cpus());
	snprintf(cmd, sizeof(cmd), "square %u 10 1", SIM_PIN);
	start = ktime_get_ns();
	KUNIT_ASSERT_EQ(test, gpio_clx_sim_generate(t->dev, cmd), 0);
	KUNIT_ASSERT_TRUE_MSG(test, sim_test_wait_input(t, true, 1000),
			      "the generator's first edge never came");

	/* Timed by the clock: mdelay() counts loops calibrated at boot. */
	local_irq_save(flags);
	stalled = ktime_get_ns();
	resumed = stalled;
	while (stalled - start < 40 * NSEC_PER_MSEC &&
	       resumed - stalled < 80 * NSEC_PER_MSEC) {
		cpu_relax();
		resumed = ktime_get_ns();
	}
	local_irq_restore(flags);
	if (stalled - start >= 40 * NSEC_PER_MSEC) {
		gpio_clx_sim_generate(t->dev, "stop");
		kunit_skip(test, "the first edge was seen after %llu ms: too late to stall",
			   div_u64(stalled - start, NSEC_PER_MSEC));
	}

	KUNIT_ASSERT_TRUE_MSG(test, sim_test_wait_input(t, false, 1000),
			      "the generator's second edge never came");
	KUNIT_EXPECT_GE_MSG(test, ktime_get_ns() - resumed, 25 * NSEC_PER_MSEC,
			    "the step that found the board stalled was driven at once");
	KUNIT_EXPECT_EQ(test, gpio_clx_sim_generate(t->dev, "stop"), 0);
	KUNIT_EXPECT_EQ(test, gpio_clx_sim_generate(t->dev, "square"), -EINVAL);
	KUNIT_EXPECT_EQ(test, gpio_clx_sim_generate(t->dev, ""), -EINVAL);
}

static struct kunit_case sim_test_cases[] = {
	KUNIT_CASE(sim_test_hardirq_prompt),
	KUNIT_CASE_PARAM(sim_test_trigger_types, sim_type_gen_params),
	KUNIT_CASE(sim_test_mask_latches),
	KUNIT_CASE(sim_test_enable_clears_stale),
	KUNIT_CASE(sim_test_retype_clears_stale),
	KUNIT_CASE(sim_test_threaded_level),
	KUNIT_CASE(sim_test_shared_level_oneshot),
	KUNIT_CASE(sim_test_gpio_contract),
	KUNIT_CASE(sim_test_gpiolib_order),
	KUNIT_CASE(sim_test_coalesced),
	KUNIT_CASE(sim_test_firmware_leftovers),
	KUNIT_CASE(sim_test_latched_parent_reraised),
	KUNIT_CASE(sim_test_generator_stall),
	{}
};

static struct kunit_suite sim_test_suite = {
	.name = "gpio-clx-sim",
	.init = sim_test_init,
	.exit = sim_test_exit,
	.test_cases = sim_test_cases,
};

kunit_test_suite(sim_test_suite);

MODULE_DESCRIPTION("KUnit tests for the simulated gpioclx controller");
MODULE_LICENSE("GPL");
