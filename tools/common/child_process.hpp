// SPDX-License-Identifier: GPL-2.0
/*
 * A program the tools or tests start and own, such as a gpiomon or a
 * "gpioclx watch" in the background of a test. The object owns the child
 * until it has been reaped: a child still running when its owner goes
 * (a failed assertion, an exception) gets SIGTERM, then SIGKILL if it has
 * not ended within term_grace, and is reaped, so none outlives its test.
 */
#ifndef GPIOCLX_COMMON_CHILD_PROCESS_HPP
#define GPIOCLX_COMMON_CHILD_PROCESS_HPP

#include <chrono>
#include <string>
#include <sys/types.h>
#include <vector>

namespace gpioclx {
namespace common {

class child_process {
public:
	/* How long a child has to end on SIGTERM before SIGKILL. */
	static constexpr ::std::chrono::milliseconds term_grace{ 2000 };

	/*
	 * Start @argv, the program found on $PATH, with its standard output
	 * and error in @out_path (created or truncated). Throws
	 * ::std::system_error naming the program if it cannot be started.
	 */
	child_process(const ::std::vector<::std::string> &argv,
		      const ::std::string &out_path);
	~child_process();

	child_process(child_process &&other) noexcept;
	child_process &operator=(child_process &&other) noexcept;
	child_process(const child_process &) = delete;
	child_process &operator=(const child_process &) = delete;

	/* The child's pid; -1 once reaped or moved from. */
	pid_t pid() const { return pid_; }

	/*
	 * Wait for the child to end and reap it: its exit status, or -1 if a
	 * signal ended it. Asked again, the same answer.
	 */
	int wait();

	/* Send @sig to the child if it has not been reaped. */
	void signal(int sig) const;

private:
	/* SIGTERM, a bounded wait, SIGKILL; reaps the child. */
	void stop() noexcept;
	/* Record how the child ended, from waitpid's @status. */
	void reaped(int status);

	pid_t pid_ = -1;
	int exit_status_ = -1;
};

} /* namespace common */
} /* namespace gpioclx */

#endif /* GPIOCLX_COMMON_CHILD_PROCESS_HPP */
