// SPDX-License-Identifier: GPL-2.0-only
/*
 * Simulated memory-mapped GPIO controller, a client of the gpioclx core, and
 * the worked example of a port (Documentation/porting.rst): this file is
 * the client driver, its callbacks plain sequences of register reads and
 * writes through clx_sim_read() and clx_sim_write(), as a port's are
 * through readl() and writel(). Behind a bus ("linux,bus-attached") each
 * callback is one transfer, clx_sim_access(), which sleeps.
 *
 * Each bank is a register file like the ones found on SoC GPIO blocks:
 * input level, output, direction, interrupt enable, mask, edge/level select,
 * polarity, both-edge select and a status register cleared by writing ones.
 * The hardware behind them is a model (gpio-clx-sim-regs.c): edges latch
 * whether or not the pin is masked, level status follows the pin, and the
 * controller's interrupt output (its line to the parent interrupt
 * controller) is high while any bank has status that is enabled and not
 * masked; with hardware debounce, a change on a pin with a debounce period
 * reaches the input register only once the pin has held the new level for
 * the whole period. The driver never calls gpiolib or genirq itself; the
 * model drives the parent line.
 *
 * Device-tree switches (on an ACPI board, properties of the device's _DSD)
 * turn hardware features off so that every path of the
 * core runs on the board: "linux,no-hw-both-edges" (the core emulates both
 * edges), "linux,no-hw-debounce" (the core, or the character device,
 * debounces) and "linux,bus-attached" (the controller sits behind a slow
 * bus: every register access sleeps a little, and the core drives it as a
 * passive-level controller). "linux,parent-pending-latched" says that the
 * parent keeps the pending state the model sets only until the interrupt
 * is taken, as a GIC does with an SPI raised through its pending bit: the
 * driver then runs the primary ISR from a handler of its own (chained, or
 * threaded in bus mode) and raises the parent again while its output is
 * still asserted.
 * "linux,firmware-leftovers" starts the model with interrupts enabled and
 * edges latched, as a warm reboot leaves them.
 *
 * debugfs, root only, per device in /sys/kernel/debug/gpio-clx-sim/<device>/:
 *
 *   pin<N>          "0" or "1": drive input pin N; read the driven level
 *   regs            every bank's registers (gpio-clx-sim-debugfs.c)
 *   coalesced       "PIN COUNT" lines: edges lost in a latch already set
 *   debounce        "PIN PERIOD_US" lines: pins with a hardware debounce period
 *   generator       square waves and pulse trains (gpio-clx-sim-gen.c)
 *   suspend_inject  "PIN LEVEL": drive a pin once suspended
 *   asleep_regs     the registers as they were while suspended
 *   boot_regs       the registers as the firmware left them, before probe
 *   pre_process     bus mode: "runs N outside_hardirq M", pre-process steps
 *
 * The last four are test instrumentation (gpio-clx-sim-testing.c), as are
 * the hooks of gpio-clx-sim.h for kernel code.
 */

#include <linux/acpi.h>
#include <linux/device.h>
#include <linux/interrupt.h>
#include <linux/irq.h>
#include <linux/irqchip/chained_irq.h>
#include <linux/mod_devicetable.h>
#include <linux/module.h>
#include <linux/platform_device.h>
#include <linux/property.h>
#include <linux/slab.h>

#include <linux/gpio/clx.h>

#include "gpio-clx-sim-internal.h"

static struct clx_sim *to_clx_sim(struct gpio_clx *clx)
{
	return gpio_clx_priv(clx);
}

/*
 * Read-modify-write of the bits in @mask, as regmap_update_bits() does: the
 * bank lock, held around every callback, makes the sequence whole.
 */
static void clx_sim_update_bits(struct clx_sim *sim, unsigned int bank,
				enum clx_sim_reg reg, u64 mask, u64 val)
{
	u64 old = clx_sim_read(sim, bank, reg);

	clx_sim_write(sim, bank, reg, (old & ~mask) | (val & mask));
}

/* ---- client callbacks ----------------------------------------------- */

static int clx_sim_read_pins(struct gpio_clx *clx, unsigned int bank,
			     u64 *levels)
{
	struct clx_sim *sim = to_clx_sim(clx);

	clx_sim_access(sim);
	*levels = clx_sim_read(sim, bank, CLX_SIM_LEVEL);
	return 0;
}

static int clx_sim_write_pins(struct gpio_clx *clx, unsigned int bank,
			      u64 set, u64 clear)
{
	struct clx_sim *sim = to_clx_sim(clx);

	clx_sim_access(sim);
	clx_sim_update_bits(sim, bank, CLX_SIM_OUT, set | clear, set);
	return 0;
}

static int clx_sim_set_direction(struct gpio_clx *clx, unsigned int bank,
				 unsigned int pin, bool output, int value)
{
	struct clx_sim *sim = to_clx_sim(clx);
	u64 bit = BIT_ULL(pin);

	clx_sim_access(sim);
	if (output)
		clx_sim_update_bits(sim, bank, CLX_SIM_OUT, bit, value ? bit : 0);
	clx_sim_update_bits(sim, bank, CLX_SIM_DIR, bit, output ? bit : 0);
	return 0;
}

static int clx_sim_get_direction(struct gpio_clx *clx, unsigned int bank,
				 unsigned int pin)
{
	struct clx_sim *sim = to_clx_sim(clx);

	clx_sim_access(sim);
	return clx_sim_read(sim, bank, CLX_SIM_DIR) & BIT_ULL(pin) ? 0 : 1;
}

/* Mode, polarity and debounce of a pin; status from before is stale. */
static void clx_sim_program(struct clx_sim *sim, unsigned int bank,
			    unsigned int pin,
			    const struct gpio_clx_irq_config *cfg)
{
	u64 bit = BIT_ULL(pin);

	clx_sim_update_bits(sim, bank, CLX_SIM_EDGE, bit,
			    cfg->mode == GPIO_CLX_MODE_EDGE ? bit : 0);
	clx_sim_update_bits(sim, bank, CLX_SIM_POL, bit,
			    cfg->polarity == GPIO_CLX_ACTIVE_HIGH ? bit : 0);
	clx_sim_update_bits(sim, bank, CLX_SIM_BOTH, bit,
			    cfg->polarity == GPIO_CLX_ACTIVE_BOTH ? bit : 0);
	clx_sim_set_debounce(sim, bank, pin, cfg->debounce_us);
	/* Latched under the old configuration (rules 5, 21). */
	clx_sim_write(sim, bank, CLX_SIM_STATUS, bit);
}

/*
 * Enable and disable run without the bank's interrupt lock and take it
 * themselves (rule 17), around the whole register sequence, so the
 * primary ISR never sees a half-programmed pin.
 */
static int clx_sim_enable_interrupt(struct gpio_clx *clx, unsigned int bank,
				    unsigned int pin,
				    const struct gpio_clx_irq_config *cfg)
{
	struct clx_sim *sim = to_clx_sim(clx);
	u64 bit = BIT_ULL(pin);

	clx_sim_access(sim);
	guard(gpio_clx_bank)(gpio_clx_get_bank(clx, bank));
	clx_sim_program(sim, bank, pin, cfg);
	clx_sim_update_bits(sim, bank, CLX_SIM_MASK, bit, 0);
	clx_sim_update_bits(sim, bank, CLX_SIM_EN, bit, bit);
	return 0;
}

static void clx_sim_disable_interrupt(struct gpio_clx *clx, unsigned int bank,
				      unsigned int pin)
{
	struct clx_sim *sim = to_clx_sim(clx);
	u64 bit = BIT_ULL(pin);

	clx_sim_access(sim);
	guard(gpio_clx_bank)(gpio_clx_get_bank(clx, bank));
	clx_sim_update_bits(sim, bank, CLX_SIM_EN, bit, 0);
	clx_sim_update_bits(sim, bank, CLX_SIM_EDGE, bit, 0);
	clx_sim_update_bits(sim, bank, CLX_SIM_POL, bit, 0);
	clx_sim_update_bits(sim, bank, CLX_SIM_BOTH, bit, 0);
	clx_sim_set_debounce(sim, bank, pin, 0);
}

static void clx_sim_mask_interrupts(struct gpio_clx *clx, unsigned int bank,
				    u64 mask, u64 *failed)
{
	struct clx_sim *sim = to_clx_sim(clx);

	clx_sim_access(sim);
	clx_sim_update_bits(sim, bank, CLX_SIM_MASK, mask, mask);
	*failed = 0;
}

static void clx_sim_unmask_interrupt(struct gpio_clx *clx, unsigned int bank,
				     unsigned int pin,
				     const struct gpio_clx_irq_config *cfg)
{
	struct clx_sim *sim = to_clx_sim(clx);

	clx_sim_access(sim);
	clx_sim_update_bits(sim, bank, CLX_SIM_MASK, BIT_ULL(pin), 0);
}

static int clx_sim_query_active(struct gpio_clx *clx, unsigned int bank,
				u64 *active)
{
	struct clx_sim *sim = to_clx_sim(clx);

	clx_sim_access(sim);
	*active = clx_sim_read(sim, bank, CLX_SIM_STATUS) &
		  clx_sim_read(sim, bank, CLX_SIM_EN);
	return 0;
}

/* Write-1-to-clear; only latched bits stay cleared. */
static void clx_sim_clear_active(struct gpio_clx *clx, unsigned int bank,
				 u64 mask)
{
	struct clx_sim *sim = to_clx_sim(clx);

	clx_sim_access(sim);
	clx_sim_write(sim, bank, CLX_SIM_STATUS, mask);
}

static int clx_sim_query_enabled(struct gpio_clx *clx, unsigned int bank,
				 u64 *enabled)
{
	struct clx_sim *sim = to_clx_sim(clx);

	clx_sim_access(sim);
	*enabled = clx_sim_read(sim, bank, CLX_SIM_EN);
	return 0;
}

static int clx_sim_reconfigure(struct gpio_clx *clx, unsigned int bank,
			       unsigned int pin,
			       const struct gpio_clx_irq_config *cfg)
{
	struct clx_sim *sim = to_clx_sim(clx);

	clx_sim_access(sim);
	clx_sim_program(sim, bank, pin, cfg);
	return 0;
}

/*
 * The controller's summary register: one bit per bank whose status is
 * enabled and not masked, exactly what drives the interrupt output. A bank
 * that turns pending after this read keeps the output high, so the primary
 * ISR runs again.
 */
static void clx_sim_pending_banks(struct gpio_clx *clx, unsigned long *banks)
{
	banks[0] = clx_sim_read_summary(to_clx_sim(clx));
}

/*
 * Context across system sleep. The simulated registers keep their contents,
 * but the sequence is the one a controller that loses power needs: save the
 * configuration; restore it in register order, which puts mode, polarity
 * and mask first and the enable bits last. Status is left as the hardware
 * latched it: the core decides what is stale.
 */
static void clx_sim_save_context(struct gpio_clx *clx, unsigned int bank)
{
	struct clx_sim *sim = to_clx_sim(clx);
	enum clx_sim_reg reg;

	clx_sim_access(sim);
	for (reg = 0; reg < CLX_SIM_NR_CFG; reg++)
		sim->context[bank][reg] = clx_sim_read(sim, bank, reg);
}

static void clx_sim_restore_context(struct gpio_clx *clx, unsigned int bank)
{
	struct clx_sim *sim = to_clx_sim(clx);
	enum clx_sim_reg reg;

	clx_sim_access(sim);
	for (reg = 0; reg < CLX_SIM_NR_CFG; reg++)
		clx_sim_write(sim, bank, reg, sim->context[bank][reg]);
}

/*
 * Passive (bus-attached) mode only, in hard-IRQ context before the threaded
 * primary ISR. A real expander would latch its status here; the model's
 * status latches by itself, so there is only the tests' count to keep.
 */
static void clx_sim_pre_process(struct gpio_clx *clx)
{
	clx_sim_testing_pre_process(to_clx_sim(clx));
}

static const struct gpio_clx_ops clx_sim_ops = {
	.read_pins = clx_sim_read_pins,
	.write_pins = clx_sim_write_pins,
	.set_direction = clx_sim_set_direction,
	.get_direction = clx_sim_get_direction,
	.enable_interrupt = clx_sim_enable_interrupt,
	.disable_interrupt = clx_sim_disable_interrupt,
	.mask_interrupts = clx_sim_mask_interrupts,
	.unmask_interrupt = clx_sim_unmask_interrupt,
	.query_active = clx_sim_query_active,
	.clear_active = clx_sim_clear_active,
	.query_enabled = clx_sim_query_enabled,
	.reconfigure = clx_sim_reconfigure,
	.pending_banks = clx_sim_pending_banks,
	.save_context = clx_sim_save_context,
	.restore_context = clx_sim_restore_context,
	.pre_process = clx_sim_pre_process,
};

/* ---- probe ------------------------------------------------------------ */

/*
 * Probe refuses a node that is wrong in any way the driver can see, with one
 * line that says what is wrong, before it changes anything: the schema in
 * Documentation/devicetree/bindings catches much of it too, but a tree that
 * never met the schema reaches the driver as it is.
 */

/* A 32-bit number the node must have. */
static int clx_sim_read_u32(struct device *dev, const char *prop, u32 *val)
{
	if (!device_property_present(dev, prop))
		return dev_err_probe(dev, -EINVAL, "%s is missing\n", prop);
	if (device_property_read_u32(dev, prop, val))
		return dev_err_probe(dev, -EINVAL, "%s is not a 32-bit number\n",
				     prop);
	return 0;
}

/*
 * The node provides GPIOs and interrupts, and consumers give <&node PIN
 * FLAGS> for both: anything but two cells would misparse them.
 */
static int clx_sim_check_provider(struct device *dev)
{
	static const char *const props[][2] = {
		{ "gpio-controller", "#gpio-cells" },
		{ "interrupt-controller", "#interrupt-cells" },
	};
	unsigned int i;
	u32 cells;

	/*
	 * An ACPI consumer names the controller's device and a pin in its
	 * GpioInt or GpioIo resource: there are no cells to misparse.
	 */
	if (is_acpi_node(dev_fwnode(dev)))
		return 0;
	for (i = 0; i < ARRAY_SIZE(props); i++) {
		if (!device_property_present(dev, props[i][0]))
			return dev_err_probe(dev, -EINVAL, "%s is missing\n",
					     props[i][0]);
		if (device_property_read_u32(dev, props[i][1], &cells) ||
		    cells != 2)
			return dev_err_probe(dev, -EINVAL, "%s must be 2\n",
					     props[i][1]);
	}
	return 0;
}

static int clx_sim_read_geometry(struct device *dev, u32 *ngpio, u32 *ppb)
{
	int ret;

	ret = clx_sim_check_provider(dev);
	if (!ret)
		ret = clx_sim_read_u32(dev, "ngpios", ngpio);
	if (!ret)
		ret = clx_sim_read_u32(dev, "linux,pins-per-bank", ppb);
	if (ret)
		return ret;
	if (!*ppb || *ppb > GPIO_CLX_MAX_PINS_PER_BANK)
		return dev_err_probe(dev, -EINVAL,
				     "linux,pins-per-bank must be 1..%d, not %u\n",
				     GPIO_CLX_MAX_PINS_PER_BANK, *ppb);
	if (!*ngpio || DIV_ROUND_UP(*ngpio, *ppb) > CLX_SIM_MAX_BANKS)
		return dev_err_probe(dev, -EINVAL,
				     "ngpios must be 1..%u (at most %u banks of %u), not %u\n",
				     CLX_SIM_MAX_BANKS * *ppb, CLX_SIM_MAX_BANKS,
				     *ppb, *ngpio);
	return 0;
}

/*
 * gpio-line-names: strings, at most one per pin, and no name twice except
 * the empty one of an unnamed pin. gpiolib would drop the names of a list
 * that is no list of strings, cut a longer one after a warning, and take
 * duplicates as they are; a lookup by name then finds one pin of two.
 */
static int clx_sim_check_names(struct device *dev, u32 ngpio)
{
	const char **names __free(kfree) = NULL;
	int n, i, j;

	if (!device_property_present(dev, "gpio-line-names"))
		return 0;
	n = device_property_string_array_count(dev, "gpio-line-names");
	if (n <= 0)
		return dev_err_probe(dev, -EINVAL,
				     "gpio-line-names is not a list of strings\n");
	if ((u32)n > ngpio)
		return dev_err_probe(dev, -EINVAL,
				     "gpio-line-names has %d names for %u pins\n",
				     n, ngpio);
	names = kcalloc(n, sizeof(*names), GFP_KERNEL);
	if (!names)
		return -ENOMEM;
	n = device_property_read_string_array(dev, "gpio-line-names", names, n);
	for (i = 1; i < n; i++) {
		if (!*names[i])
			continue;
		for (j = 0; j < i; j++) {
			if (!strcmp(names[i], names[j]))
				return dev_err_probe(dev, -EINVAL,
						     "gpio-line-names: pins %d and %d are both \"%s\"\n",
						     j, i, names[i]);
		}
	}
	return 0;
}

static const char *clx_sim_trigger_name(unsigned int type)
{
	switch (type) {
	case IRQ_TYPE_EDGE_RISING:
		return "edge rising";
	case IRQ_TYPE_EDGE_FALLING:
		return "edge falling";
	case IRQ_TYPE_EDGE_BOTH:
		return "both edges";
	case IRQ_TYPE_LEVEL_LOW:
		return "level low";
	default:
		return "of an unknown type";
	}
}

/*
 * The controller's interrupt output, mapped by its parent's domain, which
 * checks the specifier and says what is wrong with it. The output is a
 * level-high line that stays high while any bank is pending: an edge
 * trigger would lose every interrupt that comes while another is pending,
 * a low level would fire for good. A chained handler never programs the
 * parent's trigger, so nothing else would notice. A specifier without a
 * trigger (0) leaves the parent as it is.
 */
static int clx_sim_parent_irq(struct platform_device *pdev)
{
	struct device *dev = &pdev->dev;
	unsigned int type;
	int irq;

	/* The _optional variant prints nothing: one error line per failure. */
	irq = platform_get_irq_optional(pdev, 0);
	if (irq == -ENXIO && !device_property_present(dev, "interrupts") &&
	    !device_property_present(dev, "interrupts-extended"))
		return dev_err_probe(dev, -EINVAL, "no parent interrupt\n");
	if (irq < 0)
		return dev_err_probe(dev, irq == -ENXIO ? -EINVAL : irq,
				     "parent interrupt not mapped: refused by its controller, or no descriptor free\n");
	type = irq_get_trigger_type(irq);
	if (type != IRQ_TYPE_NONE && type != IRQ_TYPE_LEVEL_HIGH)
		return dev_err_probe(dev, -EINVAL,
				     "parent interrupt is %s, but the controller's output is level high\n",
				     clx_sim_trigger_name(type));
	return irq;
}

/* ---- a parent that latches its pending state ---------------------- */

static void clx_sim_latched_handler(struct irq_desc *desc)
{
	struct clx_sim *sim = irq_desc_get_handler_data(desc);
	struct irq_chip *chip = irq_desc_get_chip(desc);

	chained_irq_enter(chip, desc);
	gpio_clx_handle_primary(sim->clx);
	chained_irq_exit(chip, desc);
	clx_sim_relatch(sim);
}

static void clx_sim_latched_remove(void *data)
{
	struct clx_sim *sim = data;

	irq_set_chained_handler_and_data(sim->parent_irq, NULL, NULL);
}

/* Bus mode: the pre-process step in hard-IRQ context, as the core's. */
static irqreturn_t clx_sim_latched_hardirq(int irq, void *data)
{
	struct clx_sim *sim = data;

	clx_sim_pre_process(sim->clx);
	return IRQ_WAKE_THREAD;
}

static irqreturn_t clx_sim_latched_thread(int irq, void *data)
{
	struct clx_sim *sim = data;

	gpio_clx_handle_primary(sim->clx);
	clx_sim_relatch(sim);
	return IRQ_HANDLED;
}

/*
 * The core installs no handler (GPIO_CLX_CLIENT_SERVICES_PARENT): the
 * driver's own calls the primary ISR and keeps the parent pending while
 * it has to be.
 * That handler is chained for a memory-mapped controller and threaded for
 * a bus-attached one, as the core's would be.
 */
static int clx_sim_latched_parent(struct clx_sim *sim, int irq)
{
	if (sim->bus)
		return devm_request_threaded_irq(sim->dev, irq,
						 clx_sim_latched_hardirq,
						 clx_sim_latched_thread,
						 IRQF_ONESHOT,
						 dev_name(sim->dev), sim);
	irq_set_chained_handler_and_data(irq, clx_sim_latched_handler, sim);
	return devm_add_action_or_reset(sim->dev, clx_sim_latched_remove, sim);
}

static struct clx_sim *clx_sim_alloc(struct device *dev, u32 ngpio, u32 ppb)
{
	unsigned int nbanks = DIV_ROUND_UP(ngpio, ppb);
	struct clx_sim *sim;

	sim = devm_kzalloc(dev, struct_size(sim, banks, nbanks), GFP_KERNEL);
	if (!sim)
		return NULL;
	sim->context = devm_kcalloc(dev, nbanks, sizeof(*sim->context),
				    GFP_KERNEL);
	sim->coalesced = devm_kcalloc(dev, ngpio, sizeof(*sim->coalesced),
				      GFP_KERNEL);
	if (!sim->context || !sim->coalesced)
		return NULL;
	sim->dev = dev;
	sim->ngpio = ngpio;
	sim->pins_per_bank = ppb;
	sim->nbanks = nbanks;
	return sim;
}

/* One row <PIN ENABLED LATCHED> into the banks' masks. */
static int clx_sim_leftover_row(struct clx_sim *sim, const u32 *row, u64 *en,
				u64 *status)
{
	unsigned int bank;
	u64 bit;

	if (row[1] > 1 || row[2] > 1)
		return -EINVAL;
	if (row[0] >= sim->ngpio)
		return 0;
	bank = row[0] / sim->pins_per_bank;
	bit = BIT_ULL(row[0] % sim->pins_per_bank);
	en[bank] |= row[1] ? bit : 0;
	status[bank] |= row[2] ? bit : 0;
	return 0;
}

/*
 * A warm reboot: "linux,firmware-leftovers" lists pins as the firmware left
 * them, in rows of <PIN ENABLED LATCHED>: the pin's interrupt left enabled
 * (a rising-edge interrupt, unmasked), an edge left latched in its status.
 * The model takes them on before the core registers the controller, which
 * must disable and clear them all (rule 4). A pin the controller does not
 * have is ignored, as a register has no bit for it.
 */
static int clx_sim_firmware_leftovers(struct clx_sim *sim)
{
	static const char prop[] = "linux,firmware-leftovers";
	struct device *dev = sim->dev;
	u64 *en, *status;
	unsigned int bank;
	int i, n, ret;
	u32 *rows;

	if (!device_property_present(dev, prop))
		return 0;
	n = device_property_count_u32(dev, prop);
	if (n <= 0 || n % 3)
		goto bad;
	rows = kcalloc(n, sizeof(*rows), GFP_KERNEL);
	en = kcalloc(2 * sim->nbanks, sizeof(*en), GFP_KERNEL);
	if (!rows || !en) {
		ret = -ENOMEM;
		goto out;
	}
	status = &en[sim->nbanks];
	ret = device_property_read_u32_array(dev, prop, rows, n);
	for (i = 0; !ret && i < n; i += 3)
		ret = clx_sim_leftover_row(sim, &rows[i], en, status);
	for (bank = 0; !ret && bank < sim->nbanks; bank++)
		clx_sim_leftovers(sim, bank, en[bank], status[bank]);
out:
	kfree(rows);
	kfree(en);
	if (ret != -EINVAL)
		return ret;
bad:
	return dev_err_probe(dev, -EINVAL,
			     "%s must be rows of <PIN ENABLED LATCHED>, each flag 0 or 1\n",
			     prop);
}

static int clx_sim_probe(struct platform_device *pdev)
{
	struct gpio_clx_info info = { };
	struct device *dev = &pdev->dev;
	struct clx_sim *sim;
	u32 ngpio, ppb;
	int irq, ret;

	ret = clx_sim_read_geometry(dev, &ngpio, &ppb);
	if (!ret)
		ret = clx_sim_check_names(dev, ngpio);
	if (ret)
		return ret;
	irq = clx_sim_parent_irq(pdev);
	if (irq < 0)
		return irq;

	sim = clx_sim_alloc(dev, ngpio, ppb);
	if (!sim)
		return -ENOMEM;
	ret = clx_sim_firmware_leftovers(sim);
	if (ret)
		return ret;
	/* What the tests compare the core's work with (boot_regs). */
	ret = clx_sim_testing_boot(sim);
	if (ret)
		return ret;

	info.ngpio = ngpio;
	info.pins_per_bank = ppb;
	/* Switched off to exercise the core's other paths on the board. */
	if (!device_property_read_bool(dev, "linux,no-hw-both-edges"))
		info.flags |= GPIO_CLX_HW_BOTH_EDGES;
	sim->bus = device_property_read_bool(dev, "linux,bus-attached");
	if (!sim->bus)
		info.flags |= GPIO_CLX_MEMORY_MAPPED;
	if (!device_property_read_bool(dev, "linux,no-hw-debounce")) {
		ret = clx_sim_debounce_init(sim);
		if (ret)
			return ret;
		info.flags |= GPIO_CLX_HW_DEBOUNCE;
	}
	/* The parent is the driver's own then, and the core arms its wake. */
	sim->latched = device_property_read_bool(dev, "linux,parent-pending-latched");
	if (sim->latched)
		info.flags |= GPIO_CLX_CLIENT_SERVICES_PARENT;
	sim->clx = devm_gpio_clx_register(dev, &info, &clx_sim_ops, sim, irq);
	if (IS_ERR(sim->clx))
		return PTR_ERR(sim->clx);
	if (sim->latched) {
		ret = clx_sim_latched_parent(sim, irq);
		if (ret)
			return ret;
	}
	/* Only now may the model drive the parent line. */
	clx_sim_connect(sim, irq);
	platform_set_drvdata(pdev, sim);

	ret = clx_sim_debugfs_init(sim);
	if (!ret)
		ret = clx_sim_testing_init(sim);
	if (!ret)
		ret = clx_sim_gen_init(sim);
	return ret;
}

/* ---- power management -------------------------------------------- */

static int clx_sim_suspend_noirq(struct device *dev)
{
	struct clx_sim *sim = dev_get_drvdata(dev);
	int ret;

	ret = gpio_clx_suspend(sim->clx);
	clx_sim_testing_suspend(sim);
	return ret;
}

static int clx_sim_resume_noirq(struct device *dev)
{
	struct clx_sim *sim = dev_get_drvdata(dev);

	return gpio_clx_resume(sim->clx);
}

/*
 * A latched parent that fired in sleep (a wake-up) was taken while genirq
 * held its handler back, which cleared its pending bit; and genirq resends
 * no level interrupt when it enables the parent again at the end of the
 * noirq phase, since a level line would still be asserted. Ours is raised
 * again here, after that, while the output is.
 */
static int clx_sim_resume_early(struct device *dev)
{
	struct clx_sim *sim = dev_get_drvdata(dev);

	if (sim->latched)
		clx_sim_relatch(sim);
	return 0;
}

/*
 * The noirq phase: genirq has disabled the interrupts that are not armed
 * for wake-up before, and enables them again after.
 */
static const struct dev_pm_ops clx_sim_pm_ops = {
	NOIRQ_SYSTEM_SLEEP_PM_OPS(clx_sim_suspend_noirq, clx_sim_resume_noirq)
	LATE_SYSTEM_SLEEP_PM_OPS(NULL, clx_sim_resume_early)
};

static const struct of_device_id clx_sim_of_match[] = {
	{ .compatible = "linux,gpio-clx-sim" },
	{ }
};
MODULE_DEVICE_TABLE(of, clx_sim_of_match);

/*
 * The same controller described by an ACPI table (dts/acpi/gpioclx-ssdt.asl):
 * its properties in _DSD, its parent an Interrupt() resource. A test ID of
 * the project's own, not a registered one.
 */
static const struct acpi_device_id clx_sim_acpi_match[] = {
	{ "GCLX0001" },
	{ }
};
MODULE_DEVICE_TABLE(acpi, clx_sim_acpi_match);

static struct platform_driver clx_sim_driver = {
	.probe = clx_sim_probe,
	.driver = {
		.name = "gpio-clx-sim",
		.of_match_table = clx_sim_of_match,
		.acpi_match_table = clx_sim_acpi_match,
		.pm = pm_sleep_ptr(&clx_sim_pm_ops),
	},
};

/* The simulator bound to @dev, or NULL: for the hooks of gpio-clx-sim.h. */
struct clx_sim *clx_sim_from_dev(struct device *dev)
{
	if (!dev || dev->driver != &clx_sim_driver.driver)
		return NULL;
	return dev_get_drvdata(dev);
}

static int __init clx_sim_init(void)
{
	int ret;

	clx_sim_debugfs_create_root();
	ret = platform_driver_register(&clx_sim_driver);
	if (ret)
		clx_sim_debugfs_remove_root();
	return ret;
}
module_init(clx_sim_init);

static void __exit clx_sim_exit(void)
{
	platform_driver_unregister(&clx_sim_driver);
	clx_sim_debugfs_remove_root();
}
module_exit(clx_sim_exit);

MODULE_DESCRIPTION("Simulated memory-mapped GPIO controller for gpioclx");
MODULE_LICENSE("GPL");
