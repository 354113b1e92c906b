// SPDX-License-Identifier: GPL-2.0-only
/*
 * Listeners for ACPI notifications on the gpioclx test board's ACPI boot,
 * and the simulated peripheral behind a level-triggered ACPI event.
 *
 * The simulated controller's _AEI in the board's SSDT
 * (dts/acpi/gpioclx-ssdt.asl) names pins of it as GPIO-signaled ACPI
 * events; gpiolib runs an event's _Exx method once per edge, its _Lxx
 * method once per assertion of the level, and each method notifies one of
 * these devices (ACPI ID GCLX0003). The driver counts the notifications a
 * device receives, so a test can drive the pin and compare.
 *
 * A level event needs a source that the method acknowledges, or the level
 * stays asserted and the event fires again as soon as gpiolib unmasks it. A
 * device with the "linux,interrupt-wire" property (a reference to a
 * gpio-clx-sim controller and a pin number) is such a source: writing 1 to
 * its "trigger" file latches its interrupt status, which drives the pin
 * high, and a write of 0 to the one-byte register of its operation region
 * (address space 0x80, the first one ACPI leaves to the platform), which is
 * what the _Lxx method does, clears it. The register reads back the status.
 *
 * sysfs, per device: "notifications" (how many notifications the device
 * received since it was bound) and "trigger", documented in
 * Documentation/ABI/testing/sysfs-driver-gpio-clx-acpi-notify.
 *
 * Built only for a kernel with ACPI (drivers/misc/Kbuild).
 */

#include <linux/acpi.h>
#include <linux/atomic.h>
#include <linux/device.h>
#include <linux/list.h>
#include <linux/mod_devicetable.h>
#include <linux/module.h>
#include <linux/mutex.h>
#include <linux/platform_device.h>
#include <linux/property.h>

#include "gpio-clx-sim.h"

/* The platform's first address space ID, for the peripheral's register. */
#define CLX_NOTIFY_REGION_SPACE	((acpi_adr_space_type)0x80)

struct clx_notify {
	struct device *dev;
	atomic_long_t count;
	/* The interrupt wire of a level event's source, if any. */
	struct device *ctrl;
	unsigned int pin;
	bool status;
	struct list_head node;	/* on clx_notify_sources while it serves */
};

/*
 * Every source's status and wire, and which sources serve their register.
 * ACPICA calls a region handler outside its own locks, and removing the
 * handler does not wait for a call under way (an _Lxx method running from
 * gpiolib's interrupt thread): the handler checks here that its device is
 * still serving, and the unbind takes it off under the same lock.
 */
static DEFINE_MUTEX(clx_notify_lock);
static LIST_HEAD(clx_notify_sources);

/* ACPICA calls it from its notify workqueue, once per Notify(). */
static void clx_notify_handler(acpi_handle handle, u32 event, void *data)
{
	struct clx_notify *n = data;

	atomic_long_inc(&n->count);
	dev_dbg(n->dev, "notification %#x\n", event);
}

/*
 * Latch or clear the interrupt status; the wire follows it, active high.
 * -EINVAL when the controller has no such pin.
 */
static int clx_notify_set_status(struct clx_notify *n, bool asserted)
{
	lockdep_assert_held(&clx_notify_lock);
	n->status = asserted;
	return gpio_clx_sim_set_input(n->ctrl, n->pin, asserted);
}

static bool clx_notify_serving(struct clx_notify *n)
{
	struct clx_notify *it;

	lockdep_assert_held(&clx_notify_lock);
	list_for_each_entry(it, &clx_notify_sources, node)
		if (it == n)
			return true;
	return false;
}

/*
 * The register of the device's operation region, as AML reads and writes
 * it: one byte, the interrupt status; writing 0 clears it.
 */
static acpi_status clx_notify_region(u32 function, acpi_physical_address addr,
				     u32 bits, u64 *value, void *handler_ctx,
				     void *region_ctx)
{
	struct clx_notify *n = handler_ctx;

	if (addr != 0 || bits != 8)
		return AE_BAD_ADDRESS;
	guard(mutex)(&clx_notify_lock);
	if (!clx_notify_serving(n))
		return AE_NOT_EXIST;
	switch (function) {
	case ACPI_READ:
		*value = n->status;
		return AE_OK;
	case ACPI_WRITE:
		if (*value == 0)
			clx_notify_set_status(n, false);
		return AE_OK;
	default:
		return AE_BAD_PARAMETER;
	}
}

static ssize_t notifications_show(struct device *dev,
				  struct device_attribute *attr, char *buf)
{
	struct clx_notify *n = dev_get_drvdata(dev);

	return sysfs_emit(buf, "%ld\n", atomic_long_read(&n->count));
}
static DEVICE_ATTR_RO(notifications);

static ssize_t trigger_store(struct device *dev, struct device_attribute *attr,
			     const char *buf, size_t len)
{
	struct clx_notify *n = dev_get_drvdata(dev);
	unsigned int val;
	int ret;

	ret = kstrtouint(buf, 10, &val);
	if (ret)
		return ret;
	if (val != 1 || !n->ctrl)
		return -EINVAL;
	guard(mutex)(&clx_notify_lock);
	clx_notify_set_status(n, true);
	return len;
}
static DEVICE_ATTR_WO(trigger);

static struct attribute *clx_notify_attrs[] = {
	&dev_attr_notifications.attr,
	&dev_attr_trigger.attr,
	NULL
};
ATTRIBUTE_GROUPS(clx_notify);

/* Waits for a handler still running before the count is freed. */
static void clx_notify_remove(void *data)
{
	struct clx_notify *n = data;

	acpi_remove_notify_handler(ACPI_HANDLE(n->dev), ACPI_DEVICE_NOTIFY,
				   clx_notify_handler);
}

static void clx_notify_remove_region(void *data)
{
	struct clx_notify *n = data;

	acpi_remove_address_space_handler(ACPI_HANDLE(n->dev),
					  CLX_NOTIFY_REGION_SPACE,
					  clx_notify_region);
}

/* After the handler's removal: waits for a call of it still under way. */
static void clx_notify_stop_serving(void *data)
{
	struct clx_notify *n = data;

	guard(mutex)(&clx_notify_lock);
	list_del(&n->node);
}

static void clx_notify_put_wire(void *data)
{
	struct clx_notify *n = data;

	scoped_guard(mutex, &clx_notify_lock)
		clx_notify_set_status(n, false);
	put_device(n->ctrl);
}

/*
 * The controller at the other end of the wire, bound to gpio-clx-sim, and
 * a device link to it: unbinding the controller unbinds this device first,
 * so that nothing drives the wire of a controller that is going away, and
 * binding it again binds this device again.
 */
static int clx_notify_find_ctrl(struct clx_notify *n,
				struct fwnode_handle *fwnode)
{
	struct device *dev = n->dev;

	n->ctrl = bus_find_device_by_fwnode(&platform_bus_type, fwnode);
	if (!n->ctrl || !gpio_clx_sim_controller(n->ctrl))
		return dev_err_probe(dev, -EPROBE_DEFER,
				     "linux,interrupt-wire: not a bound gpio-clx-sim\n");
	if (!device_link_add(dev, n->ctrl, DL_FLAG_AUTOPROBE_CONSUMER))
		return dev_err_probe(dev, -ENODEV,
				     "linux,interrupt-wire: cannot link to %s\n",
				     dev_name(n->ctrl));
	return 0;
}

/*
 * A level event's source: join the wire the property names, idle low, and
 * serve the register the event's method acknowledges through.
 */
static int clx_notify_get_wire(struct clx_notify *n)
{
	struct fwnode_reference_args args;
	struct device *dev = n->dev;
	acpi_status status;
	int ret;

	if (!device_property_present(dev, "linux,interrupt-wire"))
		return 0;
	ret = fwnode_property_get_reference_args(dev_fwnode(dev),
						 "linux,interrupt-wire", NULL,
						 1, 0, &args);
	/* ACPI gives a reference without its argument no error of its own. */
	if (!ret && args.nargs < 1) {
		fwnode_handle_put(args.fwnode);
		ret = -EINVAL;
	}
	if (ret)
		return dev_err_probe(dev, ret,
				     "linux,interrupt-wire: want a controller and a pin\n");
	ret = clx_notify_find_ctrl(n, args.fwnode);
	fwnode_handle_put(args.fwnode);
	/* Idle low; the controller refuses a pin it does not have. */
	n->pin = args.args[0];
	if (!ret && n->pin != args.args[0])
		ret = -EINVAL;
	if (!ret) {
		scoped_guard(mutex, &clx_notify_lock)
			ret = clx_notify_set_status(n, false);
	}
	if (ret == -EINVAL)
		dev_err(dev, "linux,interrupt-wire: no pin %llu on %s\n",
			args.args[0], dev_name(n->ctrl));
	if (ret) {
		put_device(n->ctrl);
		n->ctrl = NULL;
		return ret;
	}
	ret = devm_add_action_or_reset(dev, clx_notify_put_wire, n);
	if (ret)
		return ret;

	scoped_guard(mutex, &clx_notify_lock)
		list_add(&n->node, &clx_notify_sources);
	ret = devm_add_action_or_reset(dev, clx_notify_stop_serving, n);
	if (ret)
		return ret;

	status = acpi_install_address_space_handler(ACPI_HANDLE(dev),
						    CLX_NOTIFY_REGION_SPACE,
						    clx_notify_region, NULL, n);
	if (ACPI_FAILURE(status))
		return dev_err_probe(dev, -ENODEV,
				     "cannot serve the operation region: %s\n",
				     acpi_format_exception(status));
	return devm_add_action_or_reset(dev, clx_notify_remove_region, n);
}

static int clx_notify_probe(struct platform_device *pdev)
{
	struct device *dev = &pdev->dev;
	struct clx_notify *n;
	acpi_status status;
	int ret;

	n = devm_kzalloc(dev, sizeof(*n), GFP_KERNEL);
	if (!n)
		return -ENOMEM;
	n->dev = dev;
	platform_set_drvdata(pdev, n);

	ret = clx_notify_get_wire(n);
	if (ret)
		return ret;

	status = acpi_install_notify_handler(ACPI_HANDLE(dev),
					     ACPI_DEVICE_NOTIFY,
					     clx_notify_handler, n);
	if (ACPI_FAILURE(status))
		return dev_err_probe(dev, -ENODEV,
				     "cannot install a notify handler: %s\n",
				     acpi_format_exception(status));
	return devm_add_action_or_reset(dev, clx_notify_remove, n);
}

static const struct acpi_device_id clx_notify_acpi_match[] = {
	{ "GCLX0003" },
	{ }
};
MODULE_DEVICE_TABLE(acpi, clx_notify_acpi_match);

static struct platform_driver clx_notify_driver = {
	.probe = clx_notify_probe,
	.driver = {
		.name = "gpio-clx-acpi-notify",
		.acpi_match_table = clx_notify_acpi_match,
		.dev_groups = clx_notify_groups,
	},
};
module_platform_driver(clx_notify_driver);

MODULE_DESCRIPTION("Counts the ACPI notifications a gpioclx test device receives");
MODULE_LICENSE("GPL");
