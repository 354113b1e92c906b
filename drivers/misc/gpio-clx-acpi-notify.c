// SPDX-License-Identifier: GPL-2.0-only
/*
 * A listener for ACPI notifications on the gpioclx test board's ACPI boot.
 *
 * The simulated controller's _AEI in the board's SSDT
 * (dts/acpi/gpioclx-ssdt.asl) names one of its pins as a GPIO-signaled
 * ACPI event; gpiolib runs the event's _Exx method once per edge, and the
 * method notifies this device (ACPI ID GCLX0003). The driver counts the
 * notifications it receives, so a test can drive the pin and compare.
 *
 * sysfs, per device: "notifications" (how many notifications the device
 * received since it was bound), documented in
 * Documentation/ABI/testing/sysfs-driver-gpio-clx-acpi-notify.
 *
 * Built only for a kernel with ACPI (drivers/misc/Kbuild).
 */

#include <linux/acpi.h>
#include <linux/atomic.h>
#include <linux/mod_devicetable.h>
#include <linux/module.h>
#include <linux/platform_device.h>

struct clx_notify {
	struct device *dev;
	atomic_long_t count;
};

/* ACPICA calls it from its notify workqueue, once per Notify(). */
static void clx_notify_handler(acpi_handle handle, u32 event, void *data)
{
	struct clx_notify *n = data;

	atomic_long_inc(&n->count);
	dev_dbg(n->dev, "notification %#x\n", event);
}

static ssize_t notifications_show(struct device *dev,
				  struct device_attribute *attr, char *buf)
{
	struct clx_notify *n = dev_get_drvdata(dev);

	return sysfs_emit(buf, "%ld\n", atomic_long_read(&n->count));
}
static DEVICE_ATTR_RO(notifications);

static struct attribute *clx_notify_attrs[] = {
	&dev_attr_notifications.attr,
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

static int clx_notify_probe(struct platform_device *pdev)
{
	struct device *dev = &pdev->dev;
	struct clx_notify *n;
	acpi_status status;

	n = devm_kzalloc(dev, sizeof(*n), GFP_KERNEL);
	if (!n)
		return -ENOMEM;
	n->dev = dev;
	platform_set_drvdata(pdev, n);

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
