// SPDX-License-Identifier: GPL-2.0
/*
 * The GPIO chips of this system through libgpiod 2: the character device
 * of every chip, and a chip found by its label. A gpio-clx controller's
 * label is its device's name, the device-tree node's (gpio-controller-0),
 * as is a gpio-sim chip's its configfs folder's.
 */
#ifndef GPIOCLX_COMMON_GPIO_CHIPS_HPP
#define GPIOCLX_COMMON_GPIO_CHIPS_HPP

#include <filesystem>
#include <string>
#include <vector>

#include <gpiod.hpp>

namespace gpioclx {
namespace common {

/* /dev/gpiochipN of every GPIO chip, in the order of N. */
::std::vector<::std::filesystem::path> gpiochip_paths();

/* The chip labelled @label; throws ::std::runtime_error if there is none. */
::gpiod::chip open_chip_by_label(const ::std::string &label);

} /* namespace common */
} /* namespace gpioclx */

#endif /* GPIOCLX_COMMON_GPIO_CHIPS_HPP */
