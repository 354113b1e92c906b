// SPDX-License-Identifier: GPL-2.0
/*
 * Small helpers of the benchmark tool: files in sysfs, debugfs, configfs
 * and procfs, the monotonic clock, and sleeping.
 */
#ifndef GPIOCLX_BENCH_UTIL_HPP
#define GPIOCLX_BENCH_UTIL_HPP

#include <cstdint>
#include <string>
#include <vector>

namespace gpioclx {
namespace bench {

/* The whole file; throws ::std::system_error naming @path. */
::std::string read_file(const ::std::string &path);

/* Write @text in one write(2); throws ::std::system_error naming @path. */
void write_file(const ::std::string &path, const ::std::string &text);

/* Entry names of a directory, without "." and "..". */
::std::vector<::std::string> list_dir(const ::std::string &path);

bool exists(const ::std::string &path);

/* CLOCK_MONOTONIC in nanoseconds: the clock of the GPIO event timestamps. */
::std::int64_t now_ns();

void sleep_ms(double ms);

/* "a,b,c" -> {"a", "b", "c"}; empty fields are dropped. */
::std::vector<::std::string> split(const ::std::string &text, char sep);

/* Parse an unsigned number or throw ::std::invalid_argument naming @what. */
unsigned long parse_unsigned(const ::std::string &text, const ::std::string &what);

} /* namespace bench */
} /* namespace gpioclx */

#endif /* GPIOCLX_BENCH_UTIL_HPP */
