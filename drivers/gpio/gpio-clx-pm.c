// SPDX-License-Identifier: GPL-2.0-only
/*
 * gpioclx core: system sleep (rule 27), the counterpart of GpioClx's
 * Save/RestoreBankHardwareContext. The client calls these from its noirq
 * PM callbacks; wake-up pins stay armed, every other enabled pin is held
 * masked while the system sleeps.
 */

#include <linux/bitmap.h>

#include "gpio-clx-internal.h"

/**
 * gpio_clx_suspend() - quiesce a controller's interrupts for system sleep
 * @clx: the controller
 *
 * Call from the client's suspend_noirq callback, after genirq has disabled
 * the interrupts not armed for wake-up. Holds masked every enabled pin that
 * is not armed (irq_set_irq_wake()), then lets the client save each bank's
 * context (the counterpart of SaveBankHardwareContext). Wake-up pins stay
 * unmasked, so their interrupts still reach the parent.
 *
 * Return: 0.
 */
int gpio_clx_suspend(struct gpio_clx *clx)
{
	struct gpio_clx_bank *bank;
	unsigned int b;
	u64 newly;

	for (b = 0; b < clx->nbanks; b++) {
		bank = &clx->banks[b];
		guard(gpio_clx_bank)(bank);
		newly = bank->enabled & ~bank->wake & ~gpio_clx_held(bank);
		bank->asleep = bank->enabled & ~bank->wake;
		if (newly)
			gpio_clx_hw_mask(clx, b, newly);
		if (clx->ops->save_context)
			clx->ops->save_context(clx, b);
	}
	return 0;
}
EXPORT_SYMBOL_GPL(gpio_clx_suspend);

/**
 * gpio_clx_resume() - bring a controller's interrupts back after sleep
 * @clx: the controller
 *
 * Call from the client's resume_noirq callback, before genirq enables the
 * interrupts again. Lets the client restore each bank's context (mode,
 * polarity and cleared status first, enable bits last: the counterpart of
 * RestoreBankHardwareContext), clears the status that pins not armed for
 * wake-up latched meanwhile, and sets every enabled pin's mask to what the
 * core holds now, whatever the saved context said. Status on wake-up pins
 * is kept: the event that woke the system is delivered.
 *
 * Return: 0.
 */
int gpio_clx_resume(struct gpio_clx *clx)
{
	struct gpio_clx_bank *bank;
	unsigned int b, base, pin;
	DECLARE_BITMAP(bits, GPIO_CLX_MAX_PINS_PER_BANK);
	u64 slept, stale, held;

	for (b = 0; b < clx->nbanks; b++) {
		bank = &clx->banks[b];
		base = b * clx->info.pins_per_bank;
		guard(gpio_clx_bank)(bank);
		if (clx->ops->restore_context)
			clx->ops->restore_context(clx, b);
		slept = bank->asleep;
		stale = slept & bank->edge;
		if (stale && !gpio_clx_clears_on_read(clx))
			clx->ops->clear_active(clx, b, stale);
		bank->asleep = 0;
		bank->replay_held &= ~slept;
		/*
		 * The restored context is the mask of the moment of the save;
		 * genirq may have masked or unmasked pins since (a wake-up
		 * interrupt is disabled when it fires asleep). The hardware
		 * gets the core's view of every enabled pin, not the saved one.
		 */
		held = bank->enabled & gpio_clx_held(bank);
		if (held)
			gpio_clx_hw_mask(clx, b, held);
		bitmap_from_u64(bits, bank->enabled & ~held);
		for_each_set_bit(pin, bits, clx->info.pins_per_bank)
			gpio_clx_pin_unmask_hw(clx, base + pin);
		/* The level may have moved while asleep (rule 20). */
		bitmap_from_u64(bits, bank->emul);
		for_each_set_bit(pin, bits, clx->info.pins_per_bank)
			gpio_clx_emul_sync(clx, base + pin, false);
		bank->replay &= ~slept;
	}
	return 0;
}
EXPORT_SYMBOL_GPL(gpio_clx_resume);
