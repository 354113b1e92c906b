// SPDX-License-Identifier: GPL-2.0-only
/*
 * gpio-clx-torture: churns the interrupt life cycle of pins of simulated
 * gpioclx controllers from kernel threads, for reliability runs. Not for
 * production kernels.
 *
 * Loaded, it does nothing until told. Control through debugfs, root only,
 * in /sys/kernel/debug/gpio-clx-torture/:
 *
 *   control (write)	"start CONTROLLER PINS": one thread per pin of
 *			PINS (a list such as "0-3,8") of the gpio-clx-sim
 *			controller whose device-tree node is CONTROLLER
 *			(gpio-controller-0). Several starts run side by side,
 *			on one controller or several.
 *			"stop": stop and join every thread; the counters stay
 *			readable until the next start.
 *   status (read)	"state idle|running|stopped", then one line per pin:
 *			"CONTROLLER PIN thread running|stopped|unbound
 *			 rounds N requests N irqs N failures N
 *			 last_error E last_op OP"
 *
 * A write that does not parse, names a device that is not a bound
 * gpio-clx-sim controller, or pins it does not have gets -EINVAL; pins
 * already churned get -EBUSY. Either way nothing changes.
 *
 * Each round of a pin's thread goes through a consumer's whole life on the
 * pin's interrupt, without gpiolib descriptors: request it (a passive
 * controller's with a threaded handler and IRQF_ONESHOT, a memory-mapped
 * one's with a hard-IRQ handler), change its trigger live through rising,
 * falling and both edges with one edge driven on the pin after each, latch
 * an edge between disable_irq() and enable_irq(), change it to level high
 * and level low (each while disabled, with the pin parked on the level
 * that does not interrupt, so no level storms), arm and disarm it for
 * wake-up, change it back to rising and free it. Then the thread sleeps
 * briefly, so that a run leaves the board's other work room. The edges it
 * drives race with the next step of the round; how many reach the handler
 * ("irqs") is not fixed, at most four a round. Any error is counted with
 * the call that failed; the first of each pin is logged, rate-limited.
 *
 * The pins must be left to the torture while it runs. A pin whose
 * interrupt someone else holds (a peripheral, a userspace event request)
 * only counts -EBUSY: the thread drives a pin only while it holds the
 * pin's interrupt. But a consumer that comes while the thread has let go
 * meets the torture's next request and its edges. A controller unbound
 * during a run has its pins' threads stopped first ("unbound"); the
 * threads are freezable, so system sleep waits for the end of their round.
 */

#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/bitmap.h>
#include <linux/debugfs.h>
#include <linux/delay.h>
#include <linux/device.h>
#include <linux/freezer.h>
#include <linux/gpio/driver.h>
#include <linux/interrupt.h>
#include <linux/irq.h>
#include <linux/kthread.h>
#include <linux/list.h>
#include <linux/module.h>
#include <linux/mutex.h>
#include <linux/platform_device.h>
#include <linux/seq_file.h>
#include <linux/slab.h>
#include <linux/string.h>

#include <linux/gpio/clx.h>

#include "gpio-clx-sim.h"

#define CLX_TORTURE_MAX_CMD	256
/* The pause after each round, in microseconds (usleep_range()). */
#define CLX_TORTURE_PAUSE_US	200

enum clx_torture_state {
	CLX_TORTURE_RUNNING,
	CLX_TORTURE_STOPPED,
	CLX_TORTURE_UNBOUND,
};

static const char *const clx_torture_states[] = {
	[CLX_TORTURE_RUNNING] = "running",
	[CLX_TORTURE_STOPPED] = "stopped",
	[CLX_TORTURE_UNBOUND] = "unbound",
};

struct clx_torture_run;

/*
 * One pin and its thread. The counters are written by the thread (irqs by
 * the pin's handler, which genirq runs on one CPU at a time) and read by
 * the status file with READ_ONCE().
 */
struct clx_torture_pin {
	struct clx_torture_run *run;
	struct task_struct *task;
	unsigned int offset;
	int virq;
	u64 rounds;
	u64 requests;
	u64 irqs;
	u64 failures;
	int last_error;
	const char *last_op;
	bool level;		/* the level the thread last drove */
};

/* One start: pins of one controller. */
struct clx_torture_run {
	struct list_head node;
	struct device *dev;		/* a reference, until the results go */
	bool passive;
	enum clx_torture_state state;
	unsigned int npins;
	struct clx_torture_pin pins[];
};

/*
 * Serialises control writes, status reads and the unbind notifier. Lock
 * order: a device's lock (held around an unbind and its notifier, taken
 * by a start) before this one.
 */
static DEFINE_MUTEX(clx_torture_lock);
static LIST_HEAD(clx_torture_runs);
static struct dentry *clx_torture_dir;

/* ---- the threads ----------------------------------------------------------- */

static irqreturn_t clx_torture_handler(int irq, void *data)
{
	struct clx_torture_pin *p = data;

	WRITE_ONCE(p->irqs, p->irqs + 1);
	return IRQ_HANDLED;
}

/* Count a failed call; the first of the pin's failures is also logged. */
static bool clx_torture_failed(struct clx_torture_pin *p, const char *op,
			       int err)
{
	if (!err)
		return false;
	if (!p->failures)
		pr_warn_ratelimited("%s pin %u: %s failed: %d\n",
				    dev_name(p->run->dev), p->offset, op, err);
	WRITE_ONCE(p->last_error, err);
	WRITE_ONCE(p->last_op, op);
	WRITE_ONCE(p->failures, p->failures + 1);
	return true;
}

static void clx_torture_drive(struct clx_torture_pin *p, bool high)
{
	p->level = high;
	clx_torture_failed(p, "drive",
			   gpio_clx_sim_set_input(p->run->dev, p->offset, high));
}

/*
 * IRQF_PROBE_SHARED: a pin someone else holds is an expected failure here
 * (-EBUSY, counted), not one for genirq to report with a stack dump.
 */
static int clx_torture_request(struct clx_torture_pin *p)
{
	unsigned long flags = IRQF_TRIGGER_RISING | IRQF_PROBE_SHARED;

	if (p->run->passive)
		return request_threaded_irq(p->virq, NULL, clx_torture_handler,
					    flags | IRQF_ONESHOT,
					    KBUILD_MODNAME, p);
	return request_irq(p->virq, clx_torture_handler, flags, KBUILD_MODNAME,
			   p);
}

/* A live trigger change, then one edge on the pin. */
static void clx_torture_edge_type(struct clx_torture_pin *p, unsigned int type)
{
	clx_torture_failed(p, "set_type", irq_set_irq_type(p->virq, type));
	clx_torture_drive(p, !p->level);
}

/*
 * A level trigger, set while disabled with the pin parked on the level that
 * does not interrupt: a level that held would interrupt again after every
 * handler, for as long as the round left it so.
 */
static void clx_torture_level_type(struct clx_torture_pin *p,
				   unsigned int type)
{
	disable_irq(p->virq);
	clx_torture_drive(p, type == IRQ_TYPE_LEVEL_LOW);
	clx_torture_failed(p, "set_type", irq_set_irq_type(p->virq, type));
	enable_irq(p->virq);
}

/*
 * The pin is driven only while its interrupt is the thread's: a pin that
 * someone else holds (request fails) is left alone, and each round leaves
 * the pin low.
 */
static void clx_torture_round(struct clx_torture_pin *p)
{
	if (clx_torture_failed(p, "request", clx_torture_request(p)))
		return;
	WRITE_ONCE(p->requests, p->requests + 1);
	clx_torture_drive(p, false);

	clx_torture_edge_type(p, IRQ_TYPE_EDGE_RISING);
	clx_torture_edge_type(p, IRQ_TYPE_EDGE_FALLING);
	clx_torture_edge_type(p, IRQ_TYPE_EDGE_BOTH);
	/* An edge while disabled latches; enable_irq() delivers it. */
	disable_irq(p->virq);
	clx_torture_drive(p, !p->level);
	enable_irq(p->virq);
	clx_torture_level_type(p, IRQ_TYPE_LEVEL_HIGH);
	clx_torture_level_type(p, IRQ_TYPE_LEVEL_LOW);

	if (!clx_torture_failed(p, "enable_irq_wake", enable_irq_wake(p->virq)))
		clx_torture_failed(p, "disable_irq_wake",
				   disable_irq_wake(p->virq));
	/* Back to rising while high: the falling edge home is no interrupt. */
	clx_torture_edge_type(p, IRQ_TYPE_EDGE_RISING);
	free_irq(p->virq, p);
}

static int clx_torture_thread(void *data)
{
	struct clx_torture_pin *p = data;

	set_freezable();
	while (!kthread_freezable_should_stop(NULL)) {
		clx_torture_round(p);
		WRITE_ONCE(p->rounds, p->rounds + 1);
		cond_resched();
		usleep_range(CLX_TORTURE_PAUSE_US, 2 * CLX_TORTURE_PAUSE_US);
	}
	return 0;
}

/* ---- runs ------------------------------------------------------------------ */

/* Stop and join a run's threads; each ends the round it is in first. */
static void clx_torture_halt(struct clx_torture_run *run,
			     enum clx_torture_state why)
{
	unsigned int i;

	lockdep_assert_held(&clx_torture_lock);
	if (run->state != CLX_TORTURE_RUNNING)
		return;
	for (i = 0; i < run->npins; i++) {
		if (run->pins[i].task)
			kthread_stop(run->pins[i].task);
		run->pins[i].task = NULL;
	}
	run->state = why;
}

static void clx_torture_free(struct clx_torture_run *run)
{
	put_device(run->dev);
	kfree(run);
}

/* Stop everything; with @forget, the results go too. */
static void clx_torture_stop_all(bool forget)
{
	struct clx_torture_run *run, *tmp;

	lockdep_assert_held(&clx_torture_lock);
	list_for_each_entry_safe(run, tmp, &clx_torture_runs, node) {
		clx_torture_halt(run, CLX_TORTURE_STOPPED);
		if (forget) {
			list_del(&run->node);
			clx_torture_free(run);
		}
	}
}

static bool clx_torture_running(void)
{
	struct clx_torture_run *run;

	list_for_each_entry(run, &clx_torture_runs, node)
		if (run->state == CLX_TORTURE_RUNNING)
			return true;
	return false;
}

/* Pins of @pins that a running thread of @dev churns already. */
static bool clx_torture_busy(struct device *dev, const unsigned long *pins)
{
	struct clx_torture_run *run;
	unsigned int i;

	list_for_each_entry(run, &clx_torture_runs, node) {
		if (run->dev != dev || run->state != CLX_TORTURE_RUNNING)
			continue;
		for (i = 0; i < run->npins; i++)
			if (test_bit(run->pins[i].offset, pins))
				return true;
	}
	return false;
}

/*
 * A run of @pins on @dev's controller, its interrupts mapped and its
 * threads created but not started, or an ERR_PTR.
 */
static struct clx_torture_run *clx_torture_prepare(struct device *dev,
						   struct gpio_chip *gc,
						   const unsigned long *pins)
{
	struct clx_torture_run *run;
	struct clx_torture_pin *p;
	unsigned int offset, n;
	int ret = 0;

	n = bitmap_weight(pins, gc->ngpio);
	run = kzalloc(struct_size(run, pins, n), GFP_KERNEL);
	if (!run)
		return ERR_PTR(-ENOMEM);
	run->dev = get_device(dev);
	run->passive = gc->can_sleep;
	run->state = CLX_TORTURE_RUNNING;
	for_each_set_bit(offset, pins, gc->ngpio) {
		p = &run->pins[run->npins];
		p->run = run;
		p->offset = offset;
		p->last_op = "-";
		p->virq = gc->to_irq(gc, offset);
		if (p->virq <= 0) {
			ret = p->virq ? p->virq : -ENXIO;
			break;
		}
		p->task = kthread_create(clx_torture_thread, p,
					 "clx-torture/%u", offset);
		if (IS_ERR(p->task)) {
			ret = PTR_ERR(p->task);
			p->task = NULL;
			break;
		}
		run->npins++;
	}
	if (ret) {
		/* Threads never woken stop without running their function. */
		clx_torture_halt(run, CLX_TORTURE_STOPPED);
		clx_torture_free(run);
		return ERR_PTR(ret);
	}
	return run;
}

/* Add a run of @pins of @dev's controller and start its threads. */
static int clx_torture_add(struct device *dev, struct gpio_chip *gc,
			   const unsigned long *pins)
{
	struct clx_torture_run *run;
	unsigned int i;

	guard(mutex)(&clx_torture_lock);
	if (clx_torture_busy(dev, pins))
		return -EBUSY;
	run = clx_torture_prepare(dev, gc, pins);
	if (IS_ERR(run))
		return PTR_ERR(run);
	/* A fresh start forgets the results of the last run. */
	if (!clx_torture_running())
		clx_torture_stop_all(true);
	list_add_tail(&run->node, &clx_torture_runs);
	for (i = 0; i < run->npins; i++)
		wake_up_process(run->pins[i].task);
	return 0;
}

/* "start CONTROLLER PINS", with @dev locked: it stays bound meanwhile. */
static int clx_torture_start_locked(struct device *dev, const char *list)
{
	struct gpio_clx *clx;
	struct gpio_chip *gc;
	unsigned long *pins;
	int ret;

	clx = gpio_clx_sim_controller(dev);
	if (!clx)
		return -EINVAL;
	gc = gpio_clx_gpio_chip(clx);
	if (!gc->to_irq)
		return -EINVAL;
	pins = bitmap_zalloc(gc->ngpio, GFP_KERNEL);
	if (!pins)
		return -ENOMEM;
	if (bitmap_parselist(list, pins, gc->ngpio) ||
	    bitmap_empty(pins, gc->ngpio))
		ret = -EINVAL;
	else
		ret = clx_torture_add(dev, gc, pins);
	bitmap_free(pins);
	return ret;
}

static int clx_torture_start(const char *name, const char *list)
{
	struct device *dev;
	int ret;

	/* A name that is no device is a bad write, like a bad pin list. */
	dev = bus_find_device_by_name(&platform_bus_type, NULL, name);
	if (!dev)
		return -EINVAL;
	device_lock(dev);
	ret = clx_torture_start_locked(dev, list);
	device_unlock(dev);
	put_device(dev);
	return ret;
}

static int clx_torture_command(int argc, char **argv)
{
	if (argc == 1 && !strcmp(argv[0], "stop")) {
		guard(mutex)(&clx_torture_lock);
		clx_torture_stop_all(false);
		return 0;
	}
	if (argc == 3 && !strcmp(argv[0], "start"))
		return clx_torture_start(argv[1], argv[2]);
	return -EINVAL;
}

/*
 * A controller about to be unbound: its pins' threads stop first, before
 * the driver's resources (and the gpio_chip they use) go.
 */
static int clx_torture_notify(struct notifier_block *nb, unsigned long action,
			      void *data)
{
	struct clx_torture_run *run;
	struct device *dev = data;

	if (action != BUS_NOTIFY_UNBIND_DRIVER)
		return NOTIFY_DONE;
	guard(mutex)(&clx_torture_lock);
	list_for_each_entry(run, &clx_torture_runs, node)
		if (run->dev == dev)
			clx_torture_halt(run, CLX_TORTURE_UNBOUND);
	return NOTIFY_OK;
}

static struct notifier_block clx_torture_nb = {
	.notifier_call = clx_torture_notify,
};

/* ---- debugfs ------------------------------------------------------------- */

static ssize_t clx_torture_control_write(struct file *file,
					 const char __user *ubuf, size_t len,
					 loff_t *ppos)
{
	char **argv;
	int argc, ret;

	argv = gpio_clx_sim_split_cmd(ubuf, len, CLX_TORTURE_MAX_CMD, &argc);
	if (IS_ERR(argv))
		return PTR_ERR(argv);
	ret = clx_torture_command(argc, argv);
	argv_free(argv);
	return ret ? ret : len;
}

static const struct file_operations clx_torture_control_fops = {
	.owner = THIS_MODULE,
	.open = simple_open,
	.write = clx_torture_control_write,
};

static int clx_torture_status_show(struct seq_file *s, void *unused)
{
	struct clx_torture_run *run;
	struct clx_torture_pin *p;
	unsigned int i;

	guard(mutex)(&clx_torture_lock);
	seq_printf(s, "state %s\n", clx_torture_running() ? "running" :
		   list_empty(&clx_torture_runs) ? "idle" : "stopped");
	list_for_each_entry(run, &clx_torture_runs, node) {
		for (i = 0; i < run->npins; i++) {
			p = &run->pins[i];
			seq_printf(s, "%s %u thread %s rounds %llu requests %llu irqs %llu failures %llu last_error %d last_op %s\n",
				   dev_name(run->dev), p->offset,
				   clx_torture_states[run->state],
				   READ_ONCE(p->rounds), READ_ONCE(p->requests),
				   READ_ONCE(p->irqs), READ_ONCE(p->failures),
				   READ_ONCE(p->last_error),
				   READ_ONCE(p->last_op));
		}
	}
	return 0;
}
DEFINE_SHOW_ATTRIBUTE(clx_torture_status);

static int __init clx_torture_init(void)
{
	int ret;

	ret = bus_register_notifier(&platform_bus_type, &clx_torture_nb);
	if (ret)
		return ret;
	clx_torture_dir = debugfs_create_dir("gpio-clx-torture", NULL);
	debugfs_create_file("control", 0200, clx_torture_dir, NULL,
			    &clx_torture_control_fops);
	debugfs_create_file("status", 0400, clx_torture_dir, NULL,
			    &clx_torture_status_fops);
	return 0;
}
module_init(clx_torture_init);

static void __exit clx_torture_exit(void)
{
	/* No control write is in progress or can start once the files go. */
	debugfs_remove_recursive(clx_torture_dir);
	scoped_guard(mutex, &clx_torture_lock)
		clx_torture_stop_all(true);
	bus_unregister_notifier(&platform_bus_type, &clx_torture_nb);
}
module_exit(clx_torture_exit);

MODULE_DESCRIPTION("Interrupt life-cycle torture of simulated gpioclx controllers");
MODULE_LICENSE("GPL");
