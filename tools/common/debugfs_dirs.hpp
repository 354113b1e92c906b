// SPDX-License-Identifier: GPL-2.0
/*
 * Where the core and the simulator keep their debugfs files: a folder per
 * device under each root, named after the device (which is also the
 * gpiochip's label): gpio-clx/<device>/stats, and
 * gpio-clx-sim/<device>/{pin<N>,regs,generator,...}.
 */
#ifndef GPIOCLX_COMMON_DEBUGFS_DIRS_HPP
#define GPIOCLX_COMMON_DEBUGFS_DIRS_HPP

#include <cstdint>
#include <map>
#include <string>

namespace gpioclx {
namespace common {

extern const char clx_root[]; /* the core's */
extern const char sim_root[]; /* the simulator's */

/* @file in the simulator's folder of @device. */
::std::string sim_file(const ::std::string &device, const ::std::string &file);

/*
 * The edges pin @pin's status latch of simulated controller @device merged
 * since probe ("coalesced", Documentation/sim.rst).
 */
::std::uint64_t sim_coalesced(const ::std::string &device, unsigned int pin);

/* The "key value" lines of @device's signal generator. */
::std::map<::std::string, ::std::string> sim_generator(const ::std::string &device);

} /* namespace common */
} /* namespace gpioclx */

#endif /* GPIOCLX_COMMON_DEBUGFS_DIRS_HPP */
