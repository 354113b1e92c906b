// SPDX-License-Identifier: GPL-2.0-only
/*
 * Sample peripheral for the gpioclx test board: a device whose interrupt
 * output is wired to a pin of the simulated GPIO controller, and its driver.
 * The output is active low and open drain on the device tree boards; it
 * asserts the polarity its trigger type asks for (high for a rising edge
 * or a high level), so that any trigger an ACPI GpioInt gives works.
 *
 * The driver takes its GPIO interrupt resource from the device tree
 * (interrupts-extended = <&gpio PIN IRQ_TYPE_LEVEL_LOW>) or from an ACPI
 * GpioInt resource, through one probe path, and services it in a
 * threaded, passive-level handler: the thread "reads the device's status
 * register", which makes the device release the line. Several devices may
 * share one level line (wired-AND): it stays low while any of them asserts,
 * so the line stays masked until every sharer's thread has run. A device on
 * an edge-triggered line (IRQ_TYPE_EDGE_FALLING: its assertion) has it to
 * itself. An ACPI GpioInt says itself whether its pin is Exclusive or
 * Shared, and the driver requests the interrupt accordingly.
 *
 * sysfs, per device: "trigger" (write 1: the device raises its interrupt;
 * write 2: it raises it while the system is suspending, after interrupts
 * were suspended, like a button pressed during sleep) and "events" (how
 * many interrupts the driver has serviced), documented in
 * Documentation/ABI/testing/sysfs-driver-gpio-clx-sample. A device with the
 * "wakeup-source" property, or whose GpioInt gpiolib reports wake-capable
 * (ExclusiveAndWake, SharedAndWake: only on a machine whose FADT says
 * low-power S0 idle), arms its interrupt for wake-up across sleep.
 *
 * A device with "linux,external-line" has its line driven from outside the
 * simulation, e.g. a button on a real controller: there is no wire, any
 * GPIO controller may be the interrupt parent, "trigger" is refused, and
 * every interrupt its thread sees counts as an event.
 */

#include <linux/acpi.h>
#include <linux/interrupt.h>
#include <linux/irq.h>
#include <linux/irqdomain.h>
#include <linux/list.h>
#include <linux/mod_devicetable.h>
#include <linux/module.h>
#include <linux/mutex.h>
#include <linux/platform_device.h>
#include <linux/pm_wakeup.h>
#include <linux/property.h>
#include <linux/slab.h>

#include "gpio-clx-acpi.h"
#include "gpio-clx-sim.h"

/* One physical line on the simulated controller and who asserts it. */
struct clx_sample_wire {
	struct list_head node;
	struct device *ctrl;
	unsigned int pin;
	unsigned int asserted;
	unsigned int users;
	bool active_high;	/* as its first user's trigger asks */
};

struct clx_sample {
	struct device *dev;
	struct clx_sample_wire *wire;
	int irq;
	bool asserted;		/* the device's interrupt status bit */
	bool assert_in_sleep;	/* raise the interrupt in suspend_noirq */
	bool wake_armed;
	unsigned long events;
};

static LIST_HEAD(clx_sample_wires);
static DEFINE_MUTEX(clx_sample_lock);	/* wires and every device's state */

static void clx_sample_drive(struct clx_sample *s, bool assert)
{
	struct clx_sample_wire *w = s->wire;

	lockdep_assert_held(&clx_sample_lock);
	if (s->asserted == assert)
		return;
	s->asserted = assert;
	w->asserted += assert ? 1 : -1;
	/* Wired-OR of the active level: active while anyone asserts. */
	gpio_clx_sim_set_input(w->ctrl, w->pin,
			       !!w->asserted == w->active_high);
}

/* The passive-level ISR: service the device if it is the one asking. */
static irqreturn_t clx_sample_thread(int irq, void *data)
{
	struct clx_sample *s = data;

	guard(mutex)(&clx_sample_lock);
	if (!s->wire) {
		s->events++;
		return IRQ_HANDLED;
	}
	if (!s->asserted)
		return IRQ_NONE;
	clx_sample_drive(s, false);
	s->events++;
	return IRQ_HANDLED;
}

static ssize_t trigger_store(struct device *dev, struct device_attribute *attr,
			     const char *buf, size_t len)
{
	struct clx_sample *s = dev_get_drvdata(dev);
	unsigned int val;
	int ret;

	ret = kstrtouint(buf, 10, &val);
	if (ret)
		return ret;
	if ((val != 1 && val != 2) || !s->wire)
		return -EINVAL;
	guard(mutex)(&clx_sample_lock);
	if (val == 2)
		s->assert_in_sleep = true;
	else
		clx_sample_drive(s, true);
	return len;
}
static DEVICE_ATTR_WO(trigger);

static ssize_t events_show(struct device *dev, struct device_attribute *attr,
			   char *buf)
{
	struct clx_sample *s = dev_get_drvdata(dev);

	guard(mutex)(&clx_sample_lock);
	return sysfs_emit(buf, "%lu\n", s->events);
}
static DEVICE_ATTR_RO(events);

static struct attribute *clx_sample_attrs[] = {
	&dev_attr_trigger.attr,
	&dev_attr_events.attr,
	NULL
};
ATTRIBUTE_GROUPS(clx_sample);

static void clx_sample_put_wire(void *data)
{
	struct clx_sample *s = data;
	struct clx_sample_wire *w = s->wire;

	guard(mutex)(&clx_sample_lock);
	clx_sample_drive(s, false);
	if (--w->users)
		return;
	list_del(&w->node);
	put_device(w->ctrl);
	kfree(w);
}

/*
 * The level that asserts the line: high for a rising edge or a high level;
 * low for the rest, both edges included (the assertion is the falling edge,
 * the release the rising one).
 */
static bool clx_sample_active_high(int irq)
{
	unsigned int type = irq_get_trigger_type(irq);

	return type == IRQ_TYPE_EDGE_RISING || type == IRQ_TYPE_LEVEL_HIGH;
}

/*
 * Find the controller and pin our interrupt is wired to, from the mapping
 * the interrupt already has (the controller's domain carries its firmware
 * node, the pin is the hwirq): the same whether a device tree or an ACPI
 * GpioInt resource described it. Then join the wire.
 */
static int clx_sample_get_wire(struct clx_sample *s)
{
	struct irq_data *d = irq_get_irq_data(s->irq);
	struct clx_sample_wire *w;
	struct device *ctrl = NULL;
	unsigned int pin;

	if (d && d->domain)
		ctrl = bus_find_device_by_fwnode(&platform_bus_type,
						 d->domain->fwnode);
	if (!ctrl || !gpio_clx_sim_controller(ctrl)) {
		put_device(ctrl);
		return dev_err_probe(s->dev, -EPROBE_DEFER,
				     "interrupt parent is not a bound gpio-clx-sim\n");
	}
	/*
	 * Unbinding the controller unbinds us first, binding it again binds
	 * us again: nothing drives the wire of a controller going away. A
	 * device tree's interrupt gets such a link from the driver core
	 * (fw_devlink), where this one is the same link; an ACPI GpioInt
	 * gets none.
	 */
	if (!device_link_add(s->dev, ctrl, DL_FLAG_AUTOPROBE_CONSUMER)) {
		put_device(ctrl);
		return dev_err_probe(s->dev, -ENODEV, "cannot link to %s\n",
				     dev_name(ctrl));
	}
	pin = irqd_to_hwirq(d);

	scoped_guard(mutex, &clx_sample_lock) {
		list_for_each_entry(w, &clx_sample_wires, node) {
			if (w->ctrl == ctrl && w->pin == pin) {
				put_device(ctrl);
				w->users++;
				s->wire = w;
				break;
			}
		}
		if (!s->wire) {
			w = kzalloc(sizeof(*w), GFP_KERNEL);
			if (!w) {
				put_device(ctrl);
				return -ENOMEM;
			}
			w->ctrl = ctrl;
			w->pin = pin;
			w->users = 1;
			w->active_high = clx_sample_active_high(s->irq);
			list_add(&w->node, &clx_sample_wires);
			s->wire = w;
			/* Nobody asserts it yet: the line idles inactive. */
			gpio_clx_sim_set_input(w->ctrl, w->pin,
					       !w->active_high);
		}
	}
	return devm_add_action_or_reset(s->dev, clx_sample_put_wire, s);
}

/*
 * The interrupt, whether it may wake the system and whether others may share
 * it. Wake: "wakeup-source", or on an ACPI device the wake bit of its
 * GpioInt, which only acpi_dev_gpio_irq_wake_get() reports
 * (platform_get_irq() takes the same GpioInt for index 0 but drops the
 * bit). Sharing: an ACPI GpioInt says Exclusive or Shared, and a second
 * device on an Exclusive pin is refused; a device tree cannot say, and
 * there a level line is shared (wired-AND) and an edge line is not. The
 * _optional variant and the ACPI calls print nothing: one error line per
 * failure.
 */
static int clx_sample_get_irq(struct platform_device *pdev, bool *wake,
			      bool *shared)
{
	struct acpi_device *adev = ACPI_COMPANION(&pdev->dev);
	struct device *dev = &pdev->dev;
	bool gpio_wake = false;
	int irq, ret;

	if (adev) {
		irq = acpi_dev_gpio_irq_wake_get(adev, 0, &gpio_wake);
		if (irq == -ENOENT)
			return dev_err_probe(dev, -EINVAL, "no GpioInt resource\n");
		if (irq < 0)
			return dev_err_probe(dev, irq,
					     "GpioInt: no such pin on its controller, or its interrupt not mapped\n");
	} else {
		irq = platform_get_irq_optional(pdev, 0);
		if (irq == -ENXIO &&
		    !device_property_present(dev, "interrupts") &&
		    !device_property_present(dev, "interrupts-extended"))
			return dev_err_probe(dev, -EINVAL, "no interrupt\n");
	}
	if (irq < 0)
		return dev_err_probe(dev, irq == -ENXIO ? -EINVAL : irq,
				     "interrupt not mapped: refused by its controller, or no descriptor free\n");
	*wake = gpio_wake || device_property_read_bool(dev, "wakeup-source");
	if (!adev) {
		*shared = irq_get_trigger_type(irq) & IRQ_TYPE_LEVEL_MASK;
		return irq;
	}
	ret = gpio_clx_gpioint_shared(adev, 0);
	if (ret < 0)
		return dev_err_probe(dev, ret, "cannot read the GpioInt's sharing\n");
	*shared = ret;
	return irq;
}

static int clx_sample_probe(struct platform_device *pdev)
{
	struct device *dev = &pdev->dev;
	struct clx_sample *s;
	unsigned long flags;
	bool wake, shared;
	int ret;

	s = devm_kzalloc(dev, sizeof(*s), GFP_KERNEL);
	if (!s)
		return -ENOMEM;
	s->dev = dev;
	platform_set_drvdata(pdev, s);

	/*
	 * Mapped first: the controller's domain checks the pin and the
	 * trigger of the specifier, and says what is wrong with them, before
	 * anything drives the wire.
	 */
	s->irq = clx_sample_get_irq(pdev, &wake, &shared);
	if (s->irq < 0)
		return s->irq;

	if (!device_property_read_bool(dev, "linux,external-line")) {
		ret = clx_sample_get_wire(s);
		if (ret)
			return ret;
	}
	/*
	 * No hard-IRQ handler: the line stays masked from the interrupt until
	 * every sharer's thread has returned (IRQF_ONESHOT), so a level that
	 * is still asserted cannot storm while the threads run. Shared only
	 * where the firmware lets others share (above). (genirq's DEBUG_SHIRQ
	 * runs a shared interrupt's primary handler once more as it is freed,
	 * and a passive controller's nested interrupt has none: sharing an
	 * edge line for nothing would warn on every unbind.)
	 */
	flags = IRQF_ONESHOT;
	if (shared)
		flags |= IRQF_SHARED;
	ret = devm_request_threaded_irq(dev, s->irq, NULL, clx_sample_thread,
					flags, dev_name(dev), s);
	if (ret)
		return dev_err_probe(dev, ret, "cannot request interrupt\n");
	device_init_wakeup(dev, wake);
	return 0;
}

static int clx_sample_suspend(struct device *dev)
{
	struct clx_sample *s = dev_get_drvdata(dev);

	if (device_may_wakeup(dev))
		s->wake_armed = !enable_irq_wake(s->irq);
	return 0;
}

/*
 * Interrupts are suspended by now: only a wake-up interrupt gets through,
 * and it aborts the suspend, as a button pressed during sleep would.
 */
static int clx_sample_suspend_noirq(struct device *dev)
{
	struct clx_sample *s = dev_get_drvdata(dev);

	guard(mutex)(&clx_sample_lock);
	if (s->assert_in_sleep) {
		s->assert_in_sleep = false;
		clx_sample_drive(s, true);
	}
	return 0;
}

static int clx_sample_resume(struct device *dev)
{
	struct clx_sample *s = dev_get_drvdata(dev);

	if (s->wake_armed)
		disable_irq_wake(s->irq);
	s->wake_armed = false;
	return 0;
}

static const struct dev_pm_ops clx_sample_pm_ops = {
	SYSTEM_SLEEP_PM_OPS(clx_sample_suspend, clx_sample_resume)
	NOIRQ_SYSTEM_SLEEP_PM_OPS(clx_sample_suspend_noirq, NULL)
};

static const struct of_device_id clx_sample_of_match[] = {
	{ .compatible = "linux,gpio-clx-sample" },
	{ }
};
MODULE_DEVICE_TABLE(of, clx_sample_of_match);

/* A consumer in an ACPI table, its interrupt one GpioInt resource. */
static const struct acpi_device_id clx_sample_acpi_match[] = {
	{ "GCLX0002" },
	{ }
};
MODULE_DEVICE_TABLE(acpi, clx_sample_acpi_match);

static struct platform_driver clx_sample_driver = {
	.probe = clx_sample_probe,
	.driver = {
		.name = "gpio-clx-sample",
		.of_match_table = clx_sample_of_match,
		.acpi_match_table = clx_sample_acpi_match,
		.pm = pm_sleep_ptr(&clx_sample_pm_ops),
		.dev_groups = clx_sample_groups,
	},
};
module_platform_driver(clx_sample_driver);

MODULE_DESCRIPTION("Sample peripheral with a shared, level-triggered GPIO interrupt");
MODULE_LICENSE("GPL");
