// SPDX-License-Identifier: GPL-2.0
#include "generator.hpp"

#include <cerrno>
#include <cstring>

#include "common/usage_error.hpp"
#include "values.hpp"

namespace gpioclx {
namespace tool {

namespace {

constexpr ::std::uint64_t ns_per_s = 1000000000;

::std::string ns(::std::uint64_t value)
{
	return ::std::to_string(value) + " ns";
}

/* The simulator splits each period into a phase away from the level and one back. */
void check_phases(const gen_request &req, ::std::uint64_t period_ns)
{
	auto hz = ::std::to_string(req.hz) + " Hz";
	auto away_ns = req.action == gen_action::square ? period_ns / 2 : req.width_ns;

	if (req.action == gen_action::pulse && away_ns >= period_ns)
		throw common::usage_error("a pulse of " + ns(away_ns) +
					  " does not fit in the " + ns(period_ns) +
					  " period of " + hz);
	auto back_ns = period_ns - away_ns;
	if (req.action == gen_action::square && away_ns < gen_min_phase_ns)
		throw common::usage_error(hz + " is too fast: a half period of " +
					  ns(away_ns) + " is below the generator's " +
					  ns(gen_min_phase_ns) +
					  " (500000 Hz at the most)");
	if (away_ns < gen_min_phase_ns)
		throw common::usage_error("a pulse of " + ns(away_ns) +
					  " is below the generator's " +
					  ns(gen_min_phase_ns));
	if (back_ns < gen_min_phase_ns)
		throw common::usage_error("at " + hz + " a pulse of " + ns(away_ns) +
					  " leaves " + ns(back_ns) +
					  " between pulses, below the generator's " +
					  ns(gen_min_phase_ns));
}

} /* namespace */

void check_gen_request(const gen_request &req)
{
	if (req.action != gen_action::square && req.action != gen_action::pulse)
		return;
	if (req.pins.empty())
		throw common::usage_error("no pins");
	if (!req.hz || !req.periods)
		throw common::usage_error("HZ and the count must be more than 0");
	check_phases(req, ns_per_s / req.hz);
}

::std::string gen_command(const gen_request &req, unsigned int ngpio,
			  const ::std::string &chip)
{
	if (req.action == gen_action::status)
		return "";
	if (req.action == gen_action::stop)
		return "stop";
	check_pins(req.pins, ngpio, chip);

	auto command =
		::std::string(req.action == gen_action::square ? "square " : "pulse ") +
		format_pin_list(req.pins) + " " + ::std::to_string(req.hz) + " " +
		::std::to_string(req.periods);
	if (req.action == gen_action::pulse)
		command += " " + ::std::to_string(req.width_ns);
	return command;
}

::std::string gen_refused(const ::std::string &path, const ::std::string &command,
			  int err)
{
	return path + " refused '" + command + "': " + ::std::strerror(err) +
	       (err == EINVAL ? " (the simulator's rules differ from this tool's; see "
				"Documentation/sim.rst)" :
				"");
}

} /* namespace tool */
} /* namespace gpioclx */
