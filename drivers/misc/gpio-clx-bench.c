// SPDX-License-Identifier: GPL-2.0-only
/*
 * gpio-clx-bench: in-kernel dispatch cost of GPIO interrupt chips, for
 * "make bench". Not for production kernels.
 *
 * Each case runs, with local interrupts off, a loop of rounds: the simulated
 * hardware makes one or more lines pending, then the chip's delivery path is
 * entered the way the CPU would enter it, and the consumer's handler runs.
 * Elapsed time over rounds gives nanoseconds per interrupt, from "hardware
 * raises the line" to "consumer handler ran". The delivery runs in hard-IRQ
 * context (the preempt count's hardirq part, as the CPU's interrupt entry
 * sets it), with nothing else of that entry:
 *
 *   floor	a null irq_chip whose chained handler, on a line of the
 *		board's simulated interrupt controller, lowers the line and
 *		dispatches one fixed hwirq (handle_simple_irq): the least any
 *		GPIO irqchip on this board can cost. Raise: assert the line.
 *		The line is the highest one nothing else has mapped.
 *   floor-bare	the same chained handler with no line raised or lowered.
 *   clx	a gpio-clx-sim controller: raise = an edge on the pin through
 *		gpio_clx_sim_set_input(); delivery = generic_handle_irq() on
 *		its parent interrupt, which runs the core's chained handler.
 *   clx-idle	the same controller with nothing pending: the chained
 *		handler's walk over every bank (a profile, no interrupt).
 *   clx-model	an edge on a pin without interrupt: the simulated
 *		hardware's register model alone (a profile, no interrupt).
 *   gpio-sim	a mainline gpio-sim chip: raise = irq_set_irqchip_state()
 *		PENDING on the line's irq_sim interrupt, as gpio-sim's "pull"
 *		attribute does; delivery = irq_work_run(), which is what the
 *		next timer tick would run.
 *   pl061	an ARM PL061 (the arm64 board's), whichever driver has it:
 *		ours (gpio-clx-pl061) or mainline's (gpio-pl061). Raise = the
 *		pin, an output the bench drives through a mapping of its own
 *		of the registers, goes high, which a level-high interrupt
 *		sees (as on the silicon, and in QEMU's model); delivery =
 *		generic_handle_irq() on its GIC interrupt, which runs the
 *		driver's chained handler. The handler drives the pin low.
 *   pl061-irq	the same with the CPU's interrupts on: the GIC delivers
 *		the interrupt, and each round waits for the handler. QEMU's
 *		model keeps a level status latched until it is cleared, so a
 *		driver may take the interrupt again once the pin is low: the
 *		results count those runs apart (SPURIOUS).
 *
 * The simulated parent interrupt controller starts a zero-delay hrtimer
 * when an unmasked line rises (it stands in for the CPU being
 * interrupted), and arming a timer on UML is a host system call. The clx
 * and floor rounds therefore mask their parent line, as it would be while
 * the CPU has interrupts off, before raising it; the chained handler's
 * chained_irq_exit() unmasks it. Both pay for that one mask equally. On
 * the arm64 board a controller whose parent is a GIC SPI is not masked
 * (see clx_bench_mask_parent()).
 *
 * Control through debugfs, root only. Write one command to
 * /sys/kernel/debug/gpio-clx-bench/run, then read the results back from
 * the same open file:
 *
 *   CASE TARGET FIRST COUNT ITERATIONS RUNS
 *
 * TARGET is the controller's device name (clx), the gpio-sim chip's label
 * (gpio-sim) or "-" (floor); lines FIRST..FIRST+COUNT-1 are raised in each
 * round (floor: 0 and 1). The results are one line per run:
 * "run N ELAPSED_NS ROUNDS INTERRUPTS HANDLED SPURIOUS", where INTERRUPTS
 * is the number of handler runs the rounds must have caused and SPURIOUS
 * the runs that found nothing to do (pl061-irq). A malformed command,
 * an unknown case or target, or lines the target does not have get
 * -EINVAL; a line that cannot be mapped or requested gets that error.
 */

#include <linux/debugfs.h>
#include <linux/device.h>
#include <linux/fs.h>
#include <linux/gpio/driver.h>
#include <linux/hardirq.h>
#include <linux/interrupt.h>
#include <linux/irq.h>
#include <linux/irq_work.h>
#include <linux/irqchip/chained_irq.h>
#include <linux/irqdomain.h>
#include <linux/kernel.h>
#include <linux/ktime.h>
#include <linux/module.h>
#include <linux/mutex.h>
#include <linux/of.h>
#include <linux/of_address.h>
#include <linux/of_irq.h>
#include <linux/platform_device.h>
#include <linux/property.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/uaccess.h>

#include <linux/gpio/clx.h>

#include "gpio-clx-compat.h"
#include "gpio-clx-sim.h"
#include "gpio-clx-testing.h"

#define CLX_BENCH_MAX_LINES	64
#define CLX_BENCH_MAX_RUNS	100
#define CLX_BENCH_MAX_ITERS	10000000
#define CLX_BENCH_MAX_CMD	256
#define CLX_BENCH_RESULT_SIZE	(8 * 1024)
#define CLX_BENCH_WARMUP	1000

struct clx_bench;

struct clx_bench_case {
	const char *name;
	int (*setup)(struct clx_bench *b, const char *target);
	void (*round)(struct clx_bench *b);
	void (*teardown)(struct clx_bench *b);
	irq_handler_t handler;	/* the consumer's; default: count the run */
	bool irqs_on;		/* rounds run with the CPU's interrupts on */
};

struct clx_bench {
	const struct clx_bench_case *c;
	unsigned int first;
	unsigned int count;
	unsigned int per_round;		/* handler runs each round causes */
	unsigned int nvirqs;		/* requested so far */
	int virqs[CLX_BENCH_MAX_LINES];
	u64 handled;
	u64 spurious;
	u64 counted;		/* handled when the loop ended */
	bool level;
	/* clx and floor: the parent line of the chained handler */
	int parent;
	struct irq_data *parent_data;
	struct irq_chip *parent_chip;
	/* clx */
	struct device *dev;
	struct gpio_clx *clx;
	u32 ppb;
	/* gpio-sim */
	struct gpio_chip *gc;
	void *gc_ref;		/* the reference gpio_clx_chip_get() took */
	/* floor */
	struct device_node *intc_np;
	struct fwnode_handle *floor_fwnode;
	struct irq_domain *floor_domain;
	bool floor_raise;
	/* pl061 */
	void __iomem *regs;
};

static DEFINE_MUTEX(clx_bench_lock);	/* one case at a time */
static struct dentry *clx_bench_dir;
static int clx_bench_floor_line;	/* the floor's parent virq, once mapped */

static irqreturn_t clx_bench_handler(int irq, void *data)
{
	struct clx_bench *b = data;

	b->handled++;
	return IRQ_HANDLED;
}

static int clx_bench_request(struct clx_bench *b, int virq,
			     unsigned long flags)
{
	int ret;

	if (virq <= 0)
		return virq ? virq : -ENOSPC;
	ret = request_irq(virq, b->c->handler ?: clx_bench_handler, flags,
			  "gpio-clx-bench", b);
	if (ret)
		return ret;
	b->virqs[b->nvirqs++] = virq;
	return 0;
}

/*
 * The mappings stay with the chips that made them: gpio-clx and gpio-sim
 * dispose of theirs when the chip goes, which "make bench" does after each
 * run (UML has few interrupt descriptors to spare).
 */
static void clx_bench_release(struct clx_bench *b)
{
	while (b->nvirqs)
		free_irq(b->virqs[--b->nvirqs], b);
}

static void clx_bench_use_parent(struct clx_bench *b, int parent)
{
	b->parent = parent;
	b->parent_data = irq_get_irq_data(parent);
	b->parent_chip = irq_data_get_irq_chip(b->parent_data);
}

/*
 * The line is pending but, with the CPU's interrupts off, not yet taken.
 * A parent with an end-of-interrupt (the GIC) is not unmasked by
 * chained_irq_exit() and delivers nothing while the CPU's interrupts are
 * off anyway: it is left alone.
 */
static void clx_bench_mask_parent(struct clx_bench *b)
{
	if (!b->parent_chip->irq_eoi)
		b->parent_chip->irq_mask(b->parent_data);
}

/*
 * Into the parent's handler as the CPU's interrupt entry goes, in hard-IRQ
 * context: genirq refuses to handle a GIC interrupt from anywhere else.
 */
static void clx_bench_enter_parent(struct clx_bench *b)
{
	__irq_enter_raw();
	generic_handle_irq(b->parent);
	__irq_exit_raw();
}

/* ---- floor: a null irq_chip, one fixed hwirq --------------------------- */

static const struct irq_chip clx_bench_floor_chip = {
	.name = "bench-floor",
};

static int clx_bench_floor_map(struct irq_domain *d, unsigned int virq,
			       irq_hw_number_t hwirq)
{
	irq_set_chip_and_handler(virq, &clx_bench_floor_chip,
				 handle_simple_irq);
	return 0;
}

static const struct irq_domain_ops clx_bench_floor_ops = {
	.map = clx_bench_floor_map,
};

static void clx_bench_floor_chained(struct irq_desc *desc)
{
	struct clx_bench *b = irq_desc_get_handler_data(desc);
	struct irq_chip *chip = irq_desc_get_chip(desc);

	chained_irq_enter(chip, desc);
	/* The floor's hardware drops its line, as any controller must. */
	if (b->floor_raise)
		irq_set_irqchip_state(b->parent, IRQCHIP_STATE_PENDING, false);
	generic_handle_domain_irq(b->floor_domain, 0);
	chained_irq_exit(chip, desc);
}

/*
 * The floor sits on the highest line of the simulated interrupt controller
 * that nothing else has mapped (-EBUSY when there is none). The mapping is
 * made once and kept: removing a chained handler leaves its descriptor
 * "started", and without SPARSE_IRQ (UML) a disposed descriptor is handed
 * to the next mapping in that state, whose irq_startup() would then never
 * run.
 */
static int clx_bench_floor_parent(struct clx_bench *b)
{
	struct irq_domain *intc;
	int line, parent = 0;
	u32 nlines;

	b->intc_np = of_find_compatible_node(NULL, NULL, "linux,clx-sim-intc");
	if (!b->intc_np)
		return -ENODEV;
	intc = irq_find_host(b->intc_np);
	if (!intc ||
	    of_property_read_u32(b->intc_np, "linux,nr-lines", &nlines))
		return -ENODEV;
	for (line = nlines - 1; line >= 0 && !parent; line--) {
		parent = irq_find_mapping(intc, line);
		if (!parent)
			parent = irq_create_mapping(intc, line);
		else if (parent != clx_bench_floor_line)
			parent = 0;
	}
	if (!parent)
		return -EBUSY;
	clx_bench_floor_line = parent;
	clx_bench_use_parent(b, parent);
	return 0;
}

static int clx_bench_floor_setup(struct clx_bench *b, const char *target)
{
	int ret;

	if (strcmp(target, "-") || b->first || b->count != 1)
		return -EINVAL;
	ret = clx_bench_floor_parent(b);
	if (ret)
		return ret;
	b->floor_fwnode = irq_domain_alloc_named_fwnode("gpio-clx-bench-floor");
	if (!b->floor_fwnode)
		return -ENOMEM;
	b->floor_domain = irq_domain_create_linear(b->floor_fwnode, 1,
						   &clx_bench_floor_ops, b);
	if (!b->floor_domain)
		return -ENOMEM;
	ret = clx_bench_request(b, irq_create_mapping(b->floor_domain, 0), 0);
	if (ret)
		return ret;
	irq_set_chained_handler_and_data(b->parent, clx_bench_floor_chained, b);
	return 0;
}

static int clx_bench_floor_raise_setup(struct clx_bench *b, const char *target)
{
	b->floor_raise = true;
	return clx_bench_floor_setup(b, target);
}

static void clx_bench_floor_round(struct clx_bench *b)
{
	clx_bench_mask_parent(b);
	irq_set_irqchip_state(b->parent, IRQCHIP_STATE_PENDING, true);
	clx_bench_enter_parent(b);
}

static void clx_bench_floor_bare_round(struct clx_bench *b)
{
	clx_bench_enter_parent(b);
}

static void clx_bench_floor_teardown(struct clx_bench *b)
{
	int virq = b->nvirqs ? b->virqs[0] : 0;

	if (b->parent > 0)
		irq_set_chained_handler_and_data(b->parent, NULL, NULL);
	clx_bench_release(b);
	if (virq)
		irq_dispose_mapping(virq);
	if (b->floor_domain)
		irq_domain_remove(b->floor_domain);
	if (b->floor_fwnode)
		irq_domain_free_fwnode(b->floor_fwnode);
	of_node_put(b->intc_np);
}

/* ---- clx: a simulated controller on the gpio-clx core ------------------- */

/* The controller, its pins low, its parent line; no interrupt requested. */
static int clx_bench_clx_find(struct clx_bench *b, const char *target)
{
	unsigned int i, ngpio;
	int parent;

	/* A bad target is a bad write, like a bad number. */
	b->dev = bus_find_device_by_name(&platform_bus_type, NULL, target);
	b->clx = gpio_clx_sim_controller(b->dev);
	if (!b->clx)
		return -EINVAL;
	ngpio = gpio_clx_gpio_chip(b->clx)->ngpio;
	if (device_property_read_u32(b->dev, "linux,pins-per-bank", &b->ppb) ||
	    !b->ppb || b->first + b->count > ngpio)
		return -EINVAL;
	parent = platform_get_irq(to_platform_device(b->dev), 0);
	if (parent <= 0)
		return -ENODEV;
	clx_bench_use_parent(b, parent);

	/* Start low, before the interrupts exist: nothing stale fires. */
	for (i = 0; i < b->count; i++)
		gpio_clx_sim_set_input(b->dev, b->first + i, false);
	b->level = false;
	return 0;
}

static int clx_bench_clx_setup(struct clx_bench *b, const char *target)
{
	unsigned int i, off;
	int ret;

	ret = clx_bench_clx_find(b, target);
	for (i = 0; !ret && i < b->count; i++) {
		off = b->first + i;
		ret = clx_bench_request(b, gpio_clx_pin_to_irq(b->clx, off / b->ppb,
							       off % b->ppb),
					IRQF_TRIGGER_RISING |
					IRQF_TRIGGER_FALLING);
	}
	return ret;
}

/* Every round is one edge on each pin: both edges interrupt. */
static void clx_bench_clx_round(struct clx_bench *b)
{
	unsigned int i;

	b->level = !b->level;
	clx_bench_mask_parent(b);
	for (i = 0; i < b->count; i++)
		gpio_clx_sim_set_input(b->dev, b->first + i, b->level);
	clx_bench_enter_parent(b);
}

static int clx_bench_idle_setup(struct clx_bench *b, const char *target)
{
	int ret = clx_bench_clx_setup(b, target);

	b->per_round = 0;
	return ret;
}

static void clx_bench_idle_round(struct clx_bench *b)
{
	clx_bench_enter_parent(b);
}

static int clx_bench_model_setup(struct clx_bench *b, const char *target)
{
	b->per_round = 0;
	return clx_bench_clx_find(b, target);
}

/* An edge on a pin without interrupt: the register model's work alone. */
static void clx_bench_model_round(struct clx_bench *b)
{
	unsigned int i;

	b->level = !b->level;
	for (i = 0; i < b->count; i++)
		gpio_clx_sim_set_input(b->dev, b->first + i, b->level);
}

static void clx_bench_clx_teardown(struct clx_bench *b)
{
	unsigned int i;

	clx_bench_release(b);
	if (b->clx)
		for (i = 0; i < b->count; i++)
			gpio_clx_sim_set_input(b->dev, b->first + i, false);
	put_device(b->dev);
}

/* ---- gpio-sim: mainline's simulator on irq_sim --------------------------- */

static int clx_bench_gpiosim_setup(struct clx_bench *b, const char *target)
{
	unsigned int i;
	int ret;

	b->gc = gpio_clx_chip_get(target, &b->gc_ref);
	if (!b->gc || !b->gc->to_irq)
		return -EINVAL;
	if (b->first + b->count > b->gc->ngpio)
		return -EINVAL;
	for (i = 0; i < b->count; i++) {
		ret = clx_bench_request(b, b->gc->to_irq(b->gc, b->first + i),
					IRQF_TRIGGER_RISING);
		if (ret)
			return ret;
	}
	return 0;
}

static void clx_bench_gpiosim_round(struct clx_bench *b)
{
	unsigned int i;

	for (i = 0; i < b->nvirqs; i++)
		irq_set_irqchip_state(b->virqs[i], IRQCHIP_STATE_PENDING, true);
	irq_work_run();
}

static void clx_bench_gpiosim_teardown(struct clx_bench *b)
{
	clx_bench_release(b);
	gpio_clx_chip_put(b->gc_ref);
	b->gc_ref = NULL;
	b->gc = NULL;
}

/* ---- pl061: an ARM PL061 on the GIC, whichever driver has it ------------ */

#define CLX_BENCH_PL061_DIR	0x400

/* GPIODATA is addressed through a mask: bit N of the offset >> 2. */
static void clx_bench_pl061_drive(struct clx_bench *b, bool high)
{
	writel(high ? BIT(b->first) : 0, b->regs + (BIT(b->first) << 2));
}

static void clx_bench_pl061_direction(struct clx_bench *b, bool out)
{
	u32 dir = readl(b->regs + CLX_BENCH_PL061_DIR);

	dir = out ? dir | BIT(b->first) : dir & ~BIT(b->first);
	writel(dir, b->regs + CLX_BENCH_PL061_DIR);
}

static irqreturn_t clx_bench_pl061_handler(int irq, void *data)
{
	struct clx_bench *b = data;

	if (!b->level) {
		b->spurious++;
		return IRQ_NONE;
	}
	b->level = false;
	b->handled++;
	clx_bench_pl061_drive(b, false);
	return IRQ_HANDLED;
}

/*
 * TARGET is the chip's label, the device's name with either driver. The
 * pin becomes an output only once its interrupt is requested: gpiolib
 * refuses an interrupt on a line it knows as an output, and neither
 * driver touches the direction of a pin after that.
 */
static int clx_bench_pl061_setup(struct clx_bench *b, const char *target)
{
	struct device_node *np;
	int parent, ret;

	b->gc = gpio_clx_chip_get(target, &b->gc_ref);
	if (!b->gc || !b->gc->parent || !b->gc->to_irq || b->count != 1 ||
	    b->first >= b->gc->ngpio)
		return -EINVAL;
	np = dev_of_node(b->gc->parent);
	if (!of_device_is_compatible(np, "arm,pl061"))
		return -EINVAL;
	parent = of_irq_get(np, 0);
	if (parent <= 0)
		return parent ?: -ENODEV;
	clx_bench_use_parent(b, parent);
	b->regs = of_iomap(np, 0);
	if (!b->regs)
		return -ENOMEM;
	b->level = false;
	ret = clx_bench_request(b, b->gc->to_irq(b->gc, b->first),
				IRQF_TRIGGER_HIGH);
	if (ret)
		return ret;
	clx_bench_pl061_direction(b, true);
	clx_bench_pl061_drive(b, false);
	return 0;
}

static void clx_bench_pl061_round(struct clx_bench *b)
{
	b->level = true;
	clx_bench_pl061_drive(b, true);
	clx_bench_enter_parent(b);
}

/* An interrupt that never comes ends the round after 100 ms, uncounted. */
static void clx_bench_pl061_irq_round(struct clx_bench *b)
{
	u64 before = READ_ONCE(b->handled), start = ktime_get_ns();

	b->level = true;
	clx_bench_pl061_drive(b, true);
	while (READ_ONCE(b->handled) == before &&
	       ktime_get_ns() - start < 100 * NSEC_PER_MSEC)
		cpu_relax();
}

static void clx_bench_pl061_teardown(struct clx_bench *b)
{
	if (b->regs) {
		clx_bench_pl061_drive(b, false);
		clx_bench_pl061_direction(b, false);
	}
	clx_bench_release(b);
	if (b->regs)
		iounmap(b->regs);
	gpio_clx_chip_put(b->gc_ref);
	b->gc_ref = NULL;
	b->gc = NULL;
}

static const struct clx_bench_case clx_bench_cases[] = {
	{ "floor", clx_bench_floor_raise_setup, clx_bench_floor_round,
	  clx_bench_floor_teardown },
	{ "floor-bare", clx_bench_floor_setup, clx_bench_floor_bare_round,
	  clx_bench_floor_teardown },
	{ "clx", clx_bench_clx_setup, clx_bench_clx_round,
	  clx_bench_clx_teardown },
	{ "clx-idle", clx_bench_idle_setup, clx_bench_idle_round,
	  clx_bench_clx_teardown },
	{ "clx-model", clx_bench_model_setup, clx_bench_model_round,
	  clx_bench_clx_teardown },
	{ "gpio-sim", clx_bench_gpiosim_setup, clx_bench_gpiosim_round,
	  clx_bench_gpiosim_teardown },
	{ "pl061", clx_bench_pl061_setup, clx_bench_pl061_round,
	  clx_bench_pl061_teardown, clx_bench_pl061_handler },
	{ "pl061-irq", clx_bench_pl061_setup, clx_bench_pl061_irq_round,
	  clx_bench_pl061_teardown, clx_bench_pl061_handler, true },
};

/* ---- running a case ------------------------------------------------------ */

static u64 clx_bench_loop(struct clx_bench *b, unsigned int iterations)
{
	unsigned long flags;
	unsigned int i;
	u64 start, end;

	if (b->c->irqs_on) {
		start = ktime_get_ns();
		for (i = 0; i < iterations; i++)
			b->c->round(b);
		end = ktime_get_ns();
		b->counted = READ_ONCE(b->handled);
		return end - start;
	}
	local_irq_save(flags);
	start = ktime_get_ns();
	for (i = 0; i < iterations; i++)
		b->c->round(b);
	end = ktime_get_ns();
	/* Before an interrupt left pending by the last round can run. */
	b->counted = b->handled;
	local_irq_restore(flags);
	return end - start;
}

static int clx_bench_run(struct clx_bench *b, unsigned int iterations,
			 unsigned int runs, char *out, size_t size)
{
	size_t len = 0;
	unsigned int r;
	u64 ns;

	clx_bench_loop(b, min(iterations, CLX_BENCH_WARMUP));
	for (r = 0; r < runs; r++) {
		b->handled = 0;
		b->spurious = 0;
		ns = clx_bench_loop(b, iterations);
		len += scnprintf(out + len, size - len,
				 "run %u %llu %u %llu %llu %llu\n", r, ns,
				 iterations, (u64)iterations * b->per_round,
				 b->counted, READ_ONCE(b->spurious));
		cond_resched();
	}
	return len;
}

/* CASE TARGET FIRST COUNT ITERATIONS RUNS */
static int clx_bench_parse(char **argv, int argc, struct clx_bench *b,
			   unsigned int *iterations, unsigned int *runs)
{
	unsigned int i;

	if (argc != 6)
		return -EINVAL;
	for (i = 0; i < ARRAY_SIZE(clx_bench_cases); i++)
		if (!strcmp(argv[0], clx_bench_cases[i].name))
			b->c = &clx_bench_cases[i];
	if (!b->c || kstrtouint(argv[2], 10, &b->first) ||
	    kstrtouint(argv[3], 10, &b->count) ||
	    kstrtouint(argv[4], 10, iterations) ||
	    kstrtouint(argv[5], 10, runs) ||
	    !b->count || b->count > CLX_BENCH_MAX_LINES ||
	    !*iterations || *iterations > CLX_BENCH_MAX_ITERS ||
	    !*runs || *runs > CLX_BENCH_MAX_RUNS)
		return -EINVAL;
	return 0;
}

static int clx_bench_case_run(struct clx_bench *b, const char *target,
			      unsigned int iterations, unsigned int runs,
			      char *out, size_t size)
{
	int ret;

	guard(mutex)(&clx_bench_lock);
	b->per_round = b->count;
	ret = b->c->setup(b, target);
	if (!ret)
		ret = clx_bench_run(b, iterations, runs, out, size);
	b->c->teardown(b);
	return ret;
}

static int clx_bench_command(char **argv, int argc, char *out, size_t size)
{
	unsigned int iterations, runs;
	struct clx_bench *b;
	int ret;

	b = kzalloc(sizeof(*b), GFP_KERNEL);
	if (!b)
		return -ENOMEM;
	ret = clx_bench_parse(argv, argc, b, &iterations, &runs);
	if (!ret)
		ret = clx_bench_case_run(b, argv[1], iterations, runs, out, size);
	kfree(b);
	return ret;
}

/* ---- debugfs ------------------------------------------------------------ */

struct clx_bench_result {
	size_t len;
	char text[CLX_BENCH_RESULT_SIZE];
};

static int clx_bench_open(struct inode *inode, struct file *file)
{
	struct clx_bench_result *res = kzalloc(sizeof(*res), GFP_KERNEL);

	if (!res)
		return -ENOMEM;
	file->private_data = res;
	return nonseekable_open(inode, file);
}

static int clx_bench_release_file(struct inode *inode, struct file *file)
{
	kfree(file->private_data);
	return 0;
}

static ssize_t clx_bench_write(struct file *file, const char __user *ubuf,
			       size_t len, loff_t *ppos)
{
	struct clx_bench_result *res = file->private_data;
	char **argv;
	int argc, ret;

	argv = gpio_clx_sim_split_cmd(ubuf, len, CLX_BENCH_MAX_CMD, &argc);
	if (IS_ERR(argv))
		return PTR_ERR(argv);
	res->len = 0;
	ret = clx_bench_command(argv, argc, res->text, sizeof(res->text));
	argv_free(argv);
	if (ret < 0)
		return ret;
	res->len = ret;
	return len;
}

static ssize_t clx_bench_read(struct file *file, char __user *ubuf,
			      size_t len, loff_t *ppos)
{
	struct clx_bench_result *res = file->private_data;

	return simple_read_from_buffer(ubuf, len, ppos, res->text, res->len);
}

static const struct file_operations clx_bench_fops = {
	.owner = THIS_MODULE,
	.open = clx_bench_open,
	.release = clx_bench_release_file,
	.read = clx_bench_read,
	.write = clx_bench_write,
};

static int __init clx_bench_init(void)
{
	clx_bench_dir = debugfs_create_dir("gpio-clx-bench", NULL);
	debugfs_create_file("run", 0600, clx_bench_dir, NULL, &clx_bench_fops);
	return 0;
}
module_init(clx_bench_init);

static void __exit clx_bench_exit(void)
{
	debugfs_remove_recursive(clx_bench_dir);
}
module_exit(clx_bench_exit);

MODULE_DESCRIPTION("In-kernel dispatch cost of GPIO interrupt chips, for make bench");
MODULE_LICENSE("GPL");
