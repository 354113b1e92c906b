// SPDX-License-Identifier: GPL-2.0-only
/*
 * Signal generator of the simulated gpioclx controller: a square wave or a
 * pulse train on a set of input pins, driven from a hard hrtimer so that
 * every edge reaches the register model in hard-IRQ context, as a signal
 * from outside would. It is the load of the benchmarks and of reliability
 * tests. debugfs, root only:
 *
 *   /sys/kernel/debug/gpio-clx-sim/<device>/generator
 *	square PINS HZ PERIODS		each pin toggles every half period
 *	pulse PINS HZ PULSES WIDTH_NS	each pin leaves its level for WIDTH_NS
 *	stop
 *
 * PINS is a list such as "0-3,8". Each pin moves away from the level it had
 * when the generator started and back, so every step is one edge per pin.
 * Reading the file gives the settings and the counters: edges driven,
 * interrupts delivered on those pins since the start (the core's dispatch
 * counters), and steps that came late and were put off.
 *
 * It only uses the register model's clx_sim_drive() and clx_sim_driven(),
 * and the core's gpio_clx_get_stats().
 */

#include <linux/bitmap.h>
#include <linux/debugfs.h>
#include <linux/device.h>
#include <linux/hrtimer.h>
#include <linux/ktime.h>
#include <linux/mutex.h>
#include <linux/seq_file.h>
#include <linux/slab.h>
#include <linux/string.h>

#include "gpio-clx-sim-internal.h"
#include "gpio-clx-testing.h"

/* The shortest high or low phase: UML's timers go no faster anyway. */
#define CLX_SIM_GEN_MIN_STEP_NS	1000
#define CLX_SIM_GEN_MAX_CMD	256

enum clx_sim_gen_state {
	CLX_SIM_GEN_IDLE,
	CLX_SIM_GEN_RUNNING,
	CLX_SIM_GEN_DONE,
	CLX_SIM_GEN_STOPPED,
};

static const char *const clx_sim_gen_states[] = {
	[CLX_SIM_GEN_IDLE] = "idle",
	[CLX_SIM_GEN_RUNNING] = "running",
	[CLX_SIM_GEN_DONE] = "done",
	[CLX_SIM_GEN_STOPPED] = "stopped",
};

struct clx_sim_gen_cfg {
	bool pulse;
	u32 hz;
	u32 periods;
	u64 away_ns;		/* time away from the starting level */
	u64 back_ns;		/* time back at it */
};

struct clx_sim_gen {
	struct clx_sim *sim;
	struct dentry *file;
	struct mutex lock;	/* serialises control writes and reads */
	struct hrtimer timer;
	struct clx_sim_gen_cfg cfg;
	unsigned long *pins;
	unsigned long *idle;	/* pin levels when the generator started */
	/* Written by the timer while running, read with READ_ONCE(). */
	enum clx_sim_gen_state state;
	bool away;
	bool put_off;		/* the step due was late and put off */
	u64 steps_left;
	u64 edges;
	u64 late;
	u64 start_ns;
	u64 end_ns;
	u64 delivered_base;
};

static enum hrtimer_restart clx_sim_gen_step(struct hrtimer *timer)
{
	struct clx_sim_gen *gen = container_of(timer, struct clx_sim_gen, timer);
	struct clx_sim *sim = gen->sim;
	ktime_t now = hrtimer_cb_get_time(timer);
	ktime_t next;
	unsigned int pin;
	bool put_off;
	u64 phase_ns;

	/*
	 * A step more than half a phase late found the board stalled (a busy
	 * host, interrupts held off): what the last edge woke has not run yet,
	 * and an edge now would meet it still waiting. The step is put off by
	 * half the phase that ended, once, so the board gets that time back
	 * before the next edge, as a prompt timer would have given it; the
	 * rate falls short (counted as late).
	 */
	phase_ns = gen->away ? gen->cfg.away_ns : gen->cfg.back_ns;
	if (!gen->put_off &&
	    ktime_after(now, ktime_add_ns(hrtimer_get_expires(timer), phase_ns / 2))) {
		gen->put_off = true;
		WRITE_ONCE(gen->late, gen->late + 1);
		hrtimer_set_expires(timer, ktime_add_ns(now, phase_ns / 2));
		return HRTIMER_RESTART;
	}
	put_off = gen->put_off;
	gen->put_off = false;

	gen->away = !gen->away;
	for_each_set_bit(pin, gen->pins, sim->ngpio) {
		clx_sim_drive(sim, pin, test_bit(pin, gen->idle) != gen->away);
		WRITE_ONCE(gen->edges, gen->edges + 1);
	}
	if (--gen->steps_left == 0) {
		WRITE_ONCE(gen->end_ns, ktime_get_ns());
		WRITE_ONCE(gen->state, CLX_SIM_GEN_DONE);
		return HRTIMER_NORESTART;
	}
	/*
	 * The next step is due one phase after this one was, so the rate does
	 * not drift; but if that is within half a phase from now (this step
	 * came late: put off and late even so, or, before a shorter phase,
	 * late by less than half the longer one), the phase restarts now
	 * instead, counted as late once per step. Edges are thus never closer
	 * than half a phase.
	 */
	phase_ns = gen->away ? gen->cfg.away_ns : gen->cfg.back_ns;
	next = ktime_add_ns(hrtimer_get_expires(timer), phase_ns);
	if (ktime_before(next, ktime_add_ns(now, phase_ns / 2))) {
		next = ktime_add_ns(now, phase_ns);
		if (!put_off)
			WRITE_ONCE(gen->late, gen->late + 1);
	}
	hrtimer_set_expires(timer, next);
	return HRTIMER_RESTART;
}

static u64 clx_sim_gen_delivered(struct clx_sim_gen *gen)
{
	struct gpio_clx_stats st;
	unsigned int pin;
	u64 sum = 0;

	for_each_set_bit(pin, gen->pins, gen->sim->ngpio) {
		gpio_clx_get_stats(gen->sim->clx, pin, &st);
		sum += st.dispatched;
	}
	return sum;
}

static void clx_sim_gen_stop(struct clx_sim_gen *gen)
{
	lockdep_assert_held(&gen->lock);
	hrtimer_cancel(&gen->timer);
	if (gen->state == CLX_SIM_GEN_RUNNING) {
		gen->end_ns = ktime_get_ns();
		gen->state = CLX_SIM_GEN_STOPPED;
	}
}

static void clx_sim_gen_start(struct clx_sim_gen *gen,
			      const struct clx_sim_gen_cfg *cfg,
			      const unsigned long *pins)
{
	struct clx_sim *sim = gen->sim;
	unsigned int pin;

	lockdep_assert_held(&gen->lock);
	clx_sim_gen_stop(gen);
	gen->cfg = *cfg;
	bitmap_copy(gen->pins, pins, sim->ngpio);
	for_each_set_bit(pin, gen->pins, sim->ngpio)
		__assign_bit(pin, gen->idle, clx_sim_driven(sim, pin));
	gen->delivered_base = clx_sim_gen_delivered(gen);
	gen->away = false;
	gen->put_off = false;
	gen->steps_left = 2ULL * cfg->periods;
	gen->edges = 0;
	gen->late = 0;
	gen->end_ns = 0;
	gen->start_ns = ktime_get_ns();
	gen->state = CLX_SIM_GEN_RUNNING;
	hrtimer_start(&gen->timer, 0, HRTIMER_MODE_REL_HARD);
}

/* Parse "square PINS HZ PERIODS" or "pulse PINS HZ PULSES WIDTH_NS". */
static int clx_sim_gen_parse(struct clx_sim_gen *gen, int argc, char **argv,
			     struct clx_sim_gen_cfg *cfg, unsigned long *pins)
{
	unsigned int ngpio = gen->sim->ngpio;
	u64 period_ns;

	if (!strcmp(argv[0], "square") && argc == 4)
		cfg->pulse = false;
	else if (!strcmp(argv[0], "pulse") && argc == 5)
		cfg->pulse = true;
	else
		return -EINVAL;

	if (bitmap_parselist(argv[1], pins, ngpio) ||
	    bitmap_empty(pins, ngpio) ||
	    kstrtou32(argv[2], 10, &cfg->hz) || !cfg->hz ||
	    kstrtou32(argv[3], 10, &cfg->periods) || !cfg->periods)
		return -EINVAL;

	period_ns = div_u64(NSEC_PER_SEC, cfg->hz);
	if (cfg->pulse) {
		if (kstrtou64(argv[4], 10, &cfg->away_ns) ||
		    cfg->away_ns >= period_ns)
			return -EINVAL;
	} else {
		cfg->away_ns = period_ns / 2;
	}
	cfg->back_ns = period_ns - cfg->away_ns;
	if (cfg->away_ns < CLX_SIM_GEN_MIN_STEP_NS ||
	    cfg->back_ns < CLX_SIM_GEN_MIN_STEP_NS)
		return -EINVAL;
	return 0;
}

static int clx_sim_gen_command(struct clx_sim_gen *gen, int argc, char **argv)
{
	struct clx_sim_gen_cfg cfg = { };
	unsigned long *pins;
	int ret;

	if (argc == 1 && !strcmp(argv[0], "stop")) {
		guard(mutex)(&gen->lock);
		clx_sim_gen_stop(gen);
		return 0;
	}

	pins = bitmap_zalloc(gen->sim->ngpio, GFP_KERNEL);
	if (!pins)
		return -ENOMEM;
	/* Everything is checked before the running generator is touched. */
	ret = clx_sim_gen_parse(gen, argc, argv, &cfg, pins);
	if (!ret) {
		guard(mutex)(&gen->lock);
		clx_sim_gen_start(gen, &cfg, pins);
	}
	bitmap_free(pins);
	return ret;
}

static ssize_t clx_sim_gen_write(struct file *file, const char __user *ubuf,
				 size_t len, loff_t *ppos)
{
	struct seq_file *s = file->private_data;
	struct clx_sim_gen *gen = s->private;
	char **argv;
	int argc, ret;

	argv = gpio_clx_sim_split_cmd(ubuf, len, CLX_SIM_GEN_MAX_CMD, &argc);
	if (IS_ERR(argv))
		return PTR_ERR(argv);
	ret = clx_sim_gen_command(gen, argc, argv);
	argv_free(argv);
	return ret ? ret : len;
}

static int clx_sim_gen_show(struct seq_file *s, void *unused)
{
	struct clx_sim_gen *gen = s->private;
	enum clx_sim_gen_state state;
	u64 end_ns;

	guard(mutex)(&gen->lock);
	state = READ_ONCE(gen->state);
	end_ns = READ_ONCE(gen->end_ns);
	seq_printf(s, "state %s\n", clx_sim_gen_states[state]);
	if (state == CLX_SIM_GEN_IDLE)
		return 0;
	seq_printf(s, "mode %s\npins %*pbl\nhz %u\nperiods %u\naway_ns %llu\nback_ns %llu\n",
		   gen->cfg.pulse ? "pulse" : "square", gen->sim->ngpio,
		   gen->pins, gen->cfg.hz, gen->cfg.periods, gen->cfg.away_ns,
		   gen->cfg.back_ns);
	seq_printf(s, "edges %llu\ndelivered %llu\nlate %llu\nelapsed_ns %llu\n",
		   READ_ONCE(gen->edges),
		   clx_sim_gen_delivered(gen) - gen->delivered_base,
		   READ_ONCE(gen->late),
		   (end_ns ? end_ns : ktime_get_ns()) - gen->start_ns);
	return 0;
}

static int clx_sim_gen_open(struct inode *inode, struct file *file)
{
	return single_open(file, clx_sim_gen_show, inode->i_private);
}

static const struct file_operations clx_sim_gen_fops = {
	.owner = THIS_MODULE,
	.open = clx_sim_gen_open,
	.read = seq_read,
	.write = clx_sim_gen_write,
	.llseek = seq_lseek,
	.release = single_release,
};

static void clx_sim_gen_remove(void *data)
{
	struct clx_sim_gen *gen = data;

	/*
	 * No control write can restart the timer once the file is gone, nor a
	 * gpio_clx_sim_generate() call from a caller that keeps to its
	 * contract (the device bound throughout).
	 */
	debugfs_remove(gen->file);
	hrtimer_cancel(&gen->timer);
	mutex_destroy(&gen->lock);
}

int clx_sim_gen_init(struct clx_sim *sim)
{
	struct clx_sim_gen *gen;

	gen = devm_kzalloc(sim->dev, sizeof(*gen), GFP_KERNEL);
	if (!gen)
		return -ENOMEM;
	gen->pins = devm_bitmap_zalloc(sim->dev, sim->ngpio, GFP_KERNEL);
	gen->idle = devm_bitmap_zalloc(sim->dev, sim->ngpio, GFP_KERNEL);
	if (!gen->pins || !gen->idle)
		return -ENOMEM;
	gen->sim = sim;
	sim->gen = gen;
	mutex_init(&gen->lock);
	hrtimer_setup(&gen->timer, clx_sim_gen_step, CLOCK_MONOTONIC,
		      HRTIMER_MODE_REL_HARD);
	gen->file = debugfs_create_file("generator", 0600, sim->debugfs, gen,
					&clx_sim_gen_fops);
	return devm_add_action_or_reset(sim->dev, clx_sim_gen_remove, gen);
}

/**
 * gpio_clx_sim_generate() - give the signal generator a command
 * @dev: a device bound to the gpio-clx-sim driver, and kept bound
 *	until the call returns
 * @cmd: a command as the generator's debugfs file takes it, such as
 *	"square 9 10 1" or "stop"
 *
 * For kernel code that cannot write the file (KUnit suites). May sleep.
 *
 * Return: 0, -EINVAL for a bad device or command, or -ENOMEM.
 */
int gpio_clx_sim_generate(struct device *dev, const char *cmd)
{
	struct clx_sim *sim = clx_sim_from_dev(dev);
	char **argv;
	int argc, ret;

	if (!sim || !sim->gen)
		return -EINVAL;
	argv = argv_split(GFP_KERNEL, cmd, &argc);
	if (!argv)
		return -ENOMEM;
	ret = argc ? clx_sim_gen_command(sim->gen, argc, argv) : -EINVAL;
	argv_free(argv);
	return ret;
}
EXPORT_SYMBOL_GPL(gpio_clx_sim_generate);
