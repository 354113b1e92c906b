// SPDX-License-Identifier: GPL-2.0-only
/*
 * ARM PrimeCell PL061 GPIO controller, as a client of the gpioclx core: one
 * bank of eight pins, memory-mapped, both edges in hardware, no debounce.
 * The register map is the one of ARM's PL061 Technical Reference Manual.
 *
 * The PL061 has one interrupt enable bit per pin (GPIOIE) and nothing to
 * tell enabled from masked, so the driver keeps the pins the core enabled
 * and GPIOIE holds those of them that are unmasked; it also keeps what it
 * last wrote to GPIOIE, so that masking and unmasking, once each per level
 * interrupt, write the register without reading it first. Edges latch in
 * the raw status (GPIORIS) whether or not the pin is masked, and GPIOIC
 * clears them.
 * The data register is address-masked: bits 9:2 of the address select the
 * pins a read or write touches, so writes need no read-modify-write.
 */

#include <linux/amba/bus.h>
#include <linux/bits.h>
#include <linux/device.h>
#include <linux/io.h>
#include <linux/module.h>
#include <linux/pm.h>

#include <linux/gpio/clx.h>

#define PL061_DATA	0x000	/* + (pins << 2) */
#define PL061_DIR	0x400	/* 1: output */
#define PL061_IS	0x404	/* 1: level, 0: edge */
#define PL061_IBE	0x408	/* 1: both edges, GPIOIEV ignored */
#define PL061_IEV	0x40c	/* 1: rising edge or high level */
#define PL061_IE	0x410	/* 1: interrupt unmasked */
#define PL061_RIS	0x414	/* raw status, masked or not */
#define PL061_IC	0x41c	/* write 1: clear an edge's status */

#define PL061_NGPIO	8

/* The registers a system sleep may lose, in the order they are restored. */
static const unsigned int pl061_context[] = {
	PL061_IS, PL061_IBE, PL061_IEV, PL061_DIR, PL061_IE,
};

struct clx_pl061 {
	void __iomem *base;
	u8 enabled;	/* pins whose interrupt the core enabled */
	u8 ie;		/* GPIOIE as last written */
	u8 saved[ARRAY_SIZE(pl061_context)];
	u8 saved_data;
};

static struct clx_pl061 *to_pl061(struct gpio_clx *clx)
{
	return gpio_clx_priv(clx);
}

static u8 pl061_read(struct clx_pl061 *pl, unsigned int reg)
{
	return readb(pl->base + reg);
}

static void pl061_write(struct clx_pl061 *pl, unsigned int reg, u8 val)
{
	writeb(val, pl->base + reg);
}

static void pl061_assign(struct clx_pl061 *pl, unsigned int reg, u8 bits,
			 bool on)
{
	u8 val = pl061_read(pl, reg);

	pl061_write(pl, reg, on ? val | bits : val & ~bits);
}

static void pl061_set_ie(struct clx_pl061 *pl, u8 bits, bool on)
{
	pl->ie = on ? pl->ie | bits : pl->ie & ~bits;
	pl061_write(pl, PL061_IE, pl->ie);
}

static int pl061_read_pins(struct gpio_clx *clx, unsigned int bank, u64 *levels)
{
	*levels = pl061_read(to_pl061(clx), PL061_DATA + (0xff << 2));
	return 0;
}

static int pl061_write_pins(struct gpio_clx *clx, unsigned int bank, u64 set,
			    u64 clear)
{
	pl061_write(to_pl061(clx), PL061_DATA + ((set | clear) << 2), set);
	return 0;
}

static int pl061_set_direction(struct gpio_clx *clx, unsigned int bank,
			       unsigned int pin, bool output, int value)
{
	struct clx_pl061 *pl = to_pl061(clx);

	if (output)
		pl061_write(pl, PL061_DATA + (BIT(pin) << 2), value ? BIT(pin) : 0);
	pl061_assign(pl, PL061_DIR, BIT(pin), output);
	return 0;
}

static int pl061_get_direction(struct gpio_clx *clx, unsigned int bank,
			       unsigned int pin)
{
	return !(pl061_read(to_pl061(clx), PL061_DIR) & BIT(pin));
}

/* Trigger registers of @pin from @cfg, then its stale status cleared. */
static void pl061_program(struct clx_pl061 *pl, unsigned int pin,
			  const struct gpio_clx_irq_config *cfg)
{
	u8 bit = BIT(pin);

	pl061_assign(pl, PL061_IS, bit, cfg->mode == GPIO_CLX_MODE_LEVEL);
	pl061_assign(pl, PL061_IBE, bit, cfg->polarity == GPIO_CLX_ACTIVE_BOTH);
	pl061_assign(pl, PL061_IEV, bit, cfg->polarity == GPIO_CLX_ACTIVE_HIGH);
	pl061_write(pl, PL061_IC, bit);
}

static int pl061_enable_interrupt(struct gpio_clx *clx, unsigned int bank,
				  unsigned int pin,
				  const struct gpio_clx_irq_config *cfg)
{
	struct clx_pl061 *pl = to_pl061(clx);

	guard(gpio_clx_bank)(gpio_clx_get_bank(clx, bank));
	pl061_program(pl, pin, cfg);
	pl->enabled |= BIT(pin);
	pl061_set_ie(pl, BIT(pin), true);
	return 0;
}

static void pl061_disable_interrupt(struct gpio_clx *clx, unsigned int bank,
				    unsigned int pin)
{
	struct clx_pl061 *pl = to_pl061(clx);

	guard(gpio_clx_bank)(gpio_clx_get_bank(clx, bank));
	pl061_set_ie(pl, BIT(pin), false);
	pl->enabled &= ~BIT(pin);
}

static void pl061_mask_interrupts(struct gpio_clx *clx, unsigned int bank,
				  u64 mask, u64 *failed)
{
	pl061_set_ie(to_pl061(clx), mask, false);
	*failed = 0;
}

/*
 * A level pin's status is cleared first: QEMU's PL061 keeps a level
 * condition latched until GPIOIC is written, and looks at the pin again on
 * each register access, so a level still asserted comes straight back and
 * one that went away no longer interrupts. On the silicon, where the level
 * status follows the pin, the write does nothing.
 */
static void pl061_unmask_interrupt(struct gpio_clx *clx, unsigned int bank,
				   unsigned int pin,
				   const struct gpio_clx_irq_config *cfg)
{
	struct clx_pl061 *pl = to_pl061(clx);

	if (cfg->mode == GPIO_CLX_MODE_LEVEL)
		pl061_write(pl, PL061_IC, BIT(pin));
	pl061_set_ie(pl, BIT(pin), true);
}

/*
 * Raw status of the enabled pins, masked or not, so the core counts what
 * waits for an unmask. GPIOIE never has a pin the core did not enable:
 * probe clears it, and only enable and unmask set bits.
 */
static int pl061_query_active(struct gpio_clx *clx, unsigned int bank,
			      u64 *active)
{
	struct clx_pl061 *pl = to_pl061(clx);

	*active = pl061_read(pl, PL061_RIS) & pl->enabled;
	return 0;
}

static void pl061_clear_active(struct gpio_clx *clx, unsigned int bank,
			       u64 mask)
{
	pl061_write(to_pl061(clx), PL061_IC, mask);
}

static int pl061_reconfigure(struct gpio_clx *clx, unsigned int bank,
			     unsigned int pin,
			     const struct gpio_clx_irq_config *cfg)
{
	pl061_program(to_pl061(clx), pin, cfg);
	return 0;
}

static void pl061_save_context(struct gpio_clx *clx, unsigned int bank)
{
	struct clx_pl061 *pl = to_pl061(clx);
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(pl061_context); i++)
		pl->saved[i] = pl061_read(pl, pl061_context[i]);
	pl->saved_data = pl061_read(pl, PL061_DATA + (0xff << 2));
}

static void pl061_restore_context(struct gpio_clx *clx, unsigned int bank)
{
	struct clx_pl061 *pl = to_pl061(clx);
	unsigned int i;

	pl061_write(pl, PL061_DATA + (0xff << 2), pl->saved_data);
	for (i = 0; i < ARRAY_SIZE(pl061_context); i++) {
		if (pl061_context[i] == PL061_IE) {
			pl061_write(pl, PL061_IC, 0xff);
			pl->ie = pl->saved[i];
		}
		pl061_write(pl, pl061_context[i], pl->saved[i]);
	}
}

static const struct gpio_clx_ops clx_pl061_ops = {
	.read_pins = pl061_read_pins,
	.write_pins = pl061_write_pins,
	.set_direction = pl061_set_direction,
	.get_direction = pl061_get_direction,
	.enable_interrupt = pl061_enable_interrupt,
	.disable_interrupt = pl061_disable_interrupt,
	.mask_interrupts = pl061_mask_interrupts,
	.unmask_interrupt = pl061_unmask_interrupt,
	.query_active = pl061_query_active,
	.clear_active = pl061_clear_active,
	.reconfigure = pl061_reconfigure,
	.save_context = pl061_save_context,
	.restore_context = pl061_restore_context,
};

static int clx_pl061_probe(struct amba_device *adev, const struct amba_id *id)
{
	static const struct gpio_clx_info info = {
		.ngpio = PL061_NGPIO,
		.pins_per_bank = PL061_NGPIO,
		.flags = GPIO_CLX_MEMORY_MAPPED | GPIO_CLX_HW_BOTH_EDGES,
	};
	struct device *dev = &adev->dev;
	struct clx_pl061 *pl;
	struct gpio_clx *clx;

	pl = devm_kzalloc(dev, sizeof(*pl), GFP_KERNEL);
	if (!pl)
		return -ENOMEM;
	pl->base = devm_ioremap_resource(dev, &adev->res);
	if (IS_ERR(pl->base))
		return PTR_ERR(pl->base);
	if (adev->irq[0] <= 0)
		return dev_err_probe(dev, -EINVAL, "no interrupt\n");

	/* Whatever the firmware left enabled stays masked until requested. */
	pl061_write(pl, PL061_IE, 0);
	pl061_write(pl, PL061_IC, 0xff);

	clx = devm_gpio_clx_register(dev, &info, &clx_pl061_ops, pl,
				     adev->irq[0]);
	if (IS_ERR(clx))
		return PTR_ERR(clx);
	amba_set_drvdata(adev, clx);
	return 0;
}

static int clx_pl061_suspend_noirq(struct device *dev)
{
	return gpio_clx_suspend(dev_get_drvdata(dev));
}

static int clx_pl061_resume_noirq(struct device *dev)
{
	return gpio_clx_resume(dev_get_drvdata(dev));
}

static const struct dev_pm_ops clx_pl061_pm_ops = {
	NOIRQ_SYSTEM_SLEEP_PM_OPS(clx_pl061_suspend_noirq,
				  clx_pl061_resume_noirq)
};

static const struct amba_id clx_pl061_ids[] = {
	{ .id = 0x00041061, .mask = 0x000fffff },
	{ }
};
MODULE_DEVICE_TABLE(amba, clx_pl061_ids);

static struct amba_driver clx_pl061_driver = {
	.drv = {
		.name = "gpio-clx-pl061",
		.pm = pm_sleep_ptr(&clx_pl061_pm_ops),
	},
	.id_table = clx_pl061_ids,
	.probe = clx_pl061_probe,
};
module_amba_driver(clx_pl061_driver);

MODULE_DESCRIPTION("ARM PL061 GPIO controller on the gpioclx core");
MODULE_LICENSE("GPL");
