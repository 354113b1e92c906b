// SPDX-License-Identifier: GPL-2.0
#include "common/child_process.hpp"

#include <cerrno>
#include <csignal>
#include <fcntl.h>
#include <spawn.h>
#include <sys/wait.h>
#include <system_error>
#include <thread>
#include <unistd.h>
#include <utility>

namespace gpioclx {
namespace common {

namespace {

constexpr auto poll_interval = ::std::chrono::milliseconds(10);

/* posix_spawn_file_actions_t, destroyed with its owner. */
class spawn_actions {
public:
	spawn_actions() { ::posix_spawn_file_actions_init(&actions_); }
	~spawn_actions() { ::posix_spawn_file_actions_destroy(&actions_); }

	spawn_actions(const spawn_actions &) = delete;
	spawn_actions &operator=(const spawn_actions &) = delete;

	posix_spawn_file_actions_t *get() { return &actions_; }

private:
	posix_spawn_file_actions_t actions_;
};

/* waitpid(2) without EINTR: the pid, 0 (still running, with WNOHANG) or -1. */
pid_t wait_for(pid_t pid, int *status, int flags)
{
	pid_t ret;

	do {
		ret = ::waitpid(pid, status, flags);
	} while (ret < 0 && errno == EINTR);
	return ret;
}

} /* namespace */

child_process::child_process(const ::std::vector<::std::string> &argv,
			     const ::std::string &out_path)
{
	::std::vector<char *> args;
	spawn_actions actions;

	if (argv.empty())
		throw ::std::system_error(EINVAL, ::std::generic_category(),
					  "child_process: no program");
	for (const auto &a : argv)
		args.push_back(const_cast<char *>(a.c_str()));
	args.push_back(nullptr);
	::posix_spawn_file_actions_addopen(actions.get(), 1, out_path.c_str(),
					   O_WRONLY | O_CREAT | O_TRUNC, 0644);
	::posix_spawn_file_actions_adddup2(actions.get(), 1, 2);
	int err = ::posix_spawnp(&pid_, args[0], actions.get(), nullptr, args.data(),
				 environ);
	if (err) {
		pid_ = -1;
		throw ::std::system_error(err, ::std::generic_category(),
					  "cannot start " + argv[0]);
	}
}

child_process::~child_process()
{
	stop();
}

child_process::child_process(child_process &&other) noexcept
	: pid_(::std::exchange(other.pid_, -1)), exit_status_(other.exit_status_)
{
}

child_process &child_process::operator=(child_process &&other) noexcept
{
	if (this != &other) {
		stop();
		pid_ = ::std::exchange(other.pid_, -1);
		exit_status_ = other.exit_status_;
	}
	return *this;
}

void child_process::reaped(int status)
{
	exit_status_ = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
	pid_ = -1;
}

int child_process::wait()
{
	int status;

	if (pid_ < 0)
		return exit_status_;
	if (wait_for(pid_, &status, 0) < 0)
		throw ::std::system_error(errno, ::std::generic_category(),
					  "waitpid " + ::std::to_string(pid_));
	reaped(status);
	return exit_status_;
}

void child_process::signal(int sig) const
{
	if (pid_ > 0 && ::kill(pid_, sig) < 0)
		throw ::std::system_error(errno, ::std::generic_category(),
					  "kill " + ::std::to_string(pid_));
}

void child_process::stop() noexcept
{
	auto deadline = ::std::chrono::steady_clock::now() + term_grace;
	int status;

	if (pid_ < 0)
		return;
	::kill(pid_, SIGTERM);
	while (wait_for(pid_, &status, WNOHANG) == 0) {
		if (::std::chrono::steady_clock::now() >= deadline) {
			::kill(pid_, SIGKILL);
			wait_for(pid_, &status, 0);
			break;
		}
		::std::this_thread::sleep_for(poll_interval);
	}
	pid_ = -1;
}

} /* namespace common */
} /* namespace gpioclx */
