// SPDX-License-Identifier: GPL-2.0
/*
 * The command line of gpioclx, parsed into what to do, with nothing read
 * from the system yet. What the arguments alone show to be wrong is a
 * usage_error; checks that need the chip (does it exist, how many lines it
 * has, its line names) come later, when the command runs, and fail as
 * runtime errors.
 */
#ifndef GPIOCLX_TOOL_CLI_HPP
#define GPIOCLX_TOOL_CLI_HPP

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace gpioclx {
namespace tool {

extern const char version[];

enum class command { help, version, list, set, regs, gen, watch };

enum class edge { rising, falling, both };

enum class gen_action { status, square, pulse, stop };

/* gen: "square PINS HZ PERIODS", "pulse PINS HZ PULSES WIDTH_NS" or "stop". */
struct gen_request {
	gen_action action = gen_action::status;
	::std::vector<unsigned int> pins;
	::std::uint32_t hz = 0;
	::std::uint32_t periods = 0;  /* square: periods; pulse: pulses */
	::std::uint64_t width_ns = 0; /* pulse only */
};

/* set: "PIN=0" or "PIN=1"; PIN is a pin list or a line name. */
struct level_assignment {
	::std::string pins;
	bool high;
};

struct invocation {
	command cmd = command::help;
	::std::string topic;                    /* help: a command, or empty */
	::std::string chip;                     /* set, regs, gen, watch */
	::std::vector<::std::string> chips;     /* list --chip */
	bool all = false;                       /* list --all */
	bool raw = false;                       /* regs --raw */
	::std::vector<level_assignment> levels; /* set */
	gen_request gen;                        /* gen */
	bool wait = false;                      /* gen --wait */
	::std::vector<::std::string> pins;      /* watch: pin lists or line names */
	edge edges = edge::both;                /* watch --edge */
	::std::uint64_t count = 0;              /* watch --count; 0: no limit */
	::std::optional<::std::chrono::nanoseconds> timeout; /* watch --timeout */
};

/* The arguments after the program name; throws usage_error. */
invocation parse_command_line(const ::std::vector<::std::string> &args);

/* The help of @topic, a command or "" for the tool; throws usage_error. */
const char *help_text(const ::std::string &topic);

/* Is @word one of the commands? */
bool is_command(const ::std::string &word);

/* Where to look after a usage error in @args: the help of the command. */
::std::string usage_hint(const ::std::vector<::std::string> &args);

} /* namespace tool */
} /* namespace gpioclx */

#endif /* GPIOCLX_TOOL_CLI_HPP */
