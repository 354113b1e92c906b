/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Private header of the simulated gpioclx controller, shared by its files:
 * the client driver (gpio-clx-sim-client.c), its register model
 * (gpio-clx-sim-regs.c), the debugfs view of its pins and registers
 * (gpio-clx-sim-debugfs.c), the signal generator (gpio-clx-sim-gen.c) and
 * the test instrumentation (gpio-clx-sim-testing.c).
 *
 * The client driver only reads and writes registers, as a port does with
 * readl() and writel(); everything that stands in for the silicon (level
 * status, edge latches, debounce, the interrupt output) is the model's.
 * Who may write what: the driver writes the configuration registers and
 * clears status, always under its bank lock (the core's, a raw spinlock or
 * a mutex); the outside world (debugfs, the generator, peripherals, from
 * any context) drives the inputs only. The model makes each access whole
 * with atomics, as a bus makes each register access whole, and takes no
 * lock of its own.
 */
#ifndef _GPIO_CLX_SIM_INTERNAL_H
#define _GPIO_CLX_SIM_INTERNAL_H

#include <linux/atomic.h>
#include <linux/hrtimer.h>
#include <linux/types.h>

#include "gpio-clx-compat.h"
#include "gpio-clx-sim.h"

struct dentry;
struct device;
struct gpio_clx;
struct seq_file;

#define CLX_SIM_MAX_BANKS	32

/*
 * The registers of one bank, as a port names its offsets. The configuration
 * registers come first, in the order a controller that loses power has them
 * restored: the enable register last.
 */
enum clx_sim_reg {
	CLX_SIM_OUT,
	CLX_SIM_DIR,	/* 1 = output */
	CLX_SIM_EDGE,	/* 1 = edge (latched), 0 = level */
	CLX_SIM_POL,	/* 1 = high level / rising edge */
	CLX_SIM_BOTH,	/* 1 = both edges, overrides POL */
	CLX_SIM_MASK,	/* 1 = masked */
	CLX_SIM_EN,
	CLX_SIM_NR_CFG,
	CLX_SIM_IN = CLX_SIM_NR_CFG,	/* read-only: level driven from outside */
	CLX_SIM_LEVEL,	/* read-only: output latch or input, by direction */
	CLX_SIM_STATUS,	/* read: active status; write: 1 clears a latched bit */
};

/*
 * One bank of the model. The configuration registers have one writer at a
 * time (the driver, under its bank lock) and are read anywhere with
 * READ_ONCE(); the input and the edge latches change from both sides and
 * are atomic.
 */
struct clx_sim_bank {
	u64 cfg[CLX_SIM_NR_CFG];
	atomic64_t in;
	atomic64_t latched;
};

/* A pin's hardware debounce, in front of the input register. */
struct clx_sim_debounce {
	struct hrtimer timer;
	struct clx_sim *sim;
	unsigned int offset;
	u32 period_us;		/* programmed with the pin's interrupt */
	bool target;		/* the level waiting to be accepted */
};

/* Test instrumentation (gpio-clx-sim-testing.c). */
struct clx_sim_testing {
	unsigned long *inject;		/* pins to drive once suspended */
	unsigned long *inject_level;
	struct gpio_clx_sim_regs *asleep;	/* registers while suspended */
	struct gpio_clx_sim_regs *boot;	/* as the firmware left them */
	atomic_t pre_processed;		/* bus mode: pre-process steps */
	atomic_t pre_processed_asleep;	/* ...outside hard-IRQ context */
};

struct clx_sim {
	struct device *dev;
	struct gpio_clx *clx;
	int parent_irq;			/* 0 until the model may drive it */
	bool bus;			/* register access sleeps */
	bool latched;			/* linux,parent-pending-latched */
	unsigned int ngpio;
	unsigned int pins_per_bank;
	unsigned int nbanks;
	atomic_long_t irq_banks;	/* banks that assert the output */
	atomic64_t *coalesced;		/* per pin: edges lost in a set latch */
	struct clx_sim_debounce *debounce;	/* NULL: no hardware debounce */
	u64 (*context)[CLX_SIM_NR_CFG];	/* configuration across sleep */
	struct dentry *debugfs;
	struct clx_sim_gen *gen;		/* the signal generator */
	struct clx_sim_testing testing;
	struct clx_sim_bank banks[];
};

/* gpio-clx-sim-regs.c: the register model */
u64 clx_sim_read(struct clx_sim *sim, unsigned int bank, enum clx_sim_reg reg);
void clx_sim_write(struct clx_sim *sim, unsigned int bank,
		   enum clx_sim_reg reg, u64 val);
unsigned long clx_sim_read_summary(struct clx_sim *sim);
void clx_sim_access(struct clx_sim *sim);
void clx_sim_set_debounce(struct clx_sim *sim, unsigned int bank,
			  unsigned int pin, u32 period_us);
void clx_sim_drive(struct clx_sim *sim, unsigned int offset, bool high);
bool clx_sim_driven(struct clx_sim *sim, unsigned int offset);
void clx_sim_snapshot(struct clx_sim *sim, unsigned int bank,
		      struct gpio_clx_sim_regs *regs);
void clx_sim_connect(struct clx_sim *sim, int parent_irq);
void clx_sim_relatch(struct clx_sim *sim);
void clx_sim_leftovers(struct clx_sim *sim, unsigned int bank, u64 en,
		       u64 status);
int clx_sim_debounce_init(struct clx_sim *sim);

/* gpio-clx-sim-debugfs.c */
void clx_sim_debugfs_create_root(void);
void clx_sim_debugfs_remove_root(void);
int clx_sim_debugfs_init(struct clx_sim *sim);
void clx_sim_show_regs(struct seq_file *s, struct clx_sim *sim,
		       const struct gpio_clx_sim_regs *regs);

/* gpio-clx-sim-gen.c */
struct clx_sim_gen;
int clx_sim_gen_init(struct clx_sim *sim);

/* gpio-clx-sim-testing.c */
int clx_sim_testing_init(struct clx_sim *sim);
int clx_sim_testing_boot(struct clx_sim *sim);
void clx_sim_testing_suspend(struct clx_sim *sim);
void clx_sim_testing_pre_process(struct clx_sim *sim);

/* gpio-clx-sim-client.c */
struct clx_sim *clx_sim_from_dev(struct device *dev);

#endif /* _GPIO_CLX_SIM_INTERNAL_H */
