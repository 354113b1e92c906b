// SPDX-License-Identifier: GPL-2.0
/*
 * The kernel's files as the tools use them: sysfs attributes, debugfs and
 * configfs files, procfs. A file is read whole and written in one write(2),
 * as the kernel's store handlers expect; a failure is a ::std::system_error
 * whose code is the errno and whose message names the file.
 */
#ifndef GPIOCLX_COMMON_FILE_HPP
#define GPIOCLX_COMMON_FILE_HPP

#include <string>
#include <vector>

namespace gpioclx {
namespace common {

/* The whole file. */
::std::string read_file(const ::std::string &path);

/*
 * Write @text to @path in one write(2), without creating or truncating it.
 * A refusal (the kernel's -EINVAL from a store handler, say) throws
 * "writing 'TEXT' to PATH: <strerror>" with the errno as its code.
 */
void write_file(const ::std::string &path, const ::std::string &text);

/* Entry names of a directory, without "." and "..". */
::std::vector<::std::string> list_dir(const ::std::string &path);

bool exists(const ::std::string &path);

} /* namespace common */
} /* namespace gpioclx */

#endif /* GPIOCLX_COMMON_FILE_HPP */
