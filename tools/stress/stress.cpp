// SPDX-License-Identifier: GPL-2.0
#include "stress.hpp"

#include <chrono>
#include <cstdlib>
#include <fstream>
#include <map>
#include <sstream>
#include <thread>
#include <unistd.h>
#include <utility>

#include "board.hpp"

namespace gpioclx::stress {

namespace {

const char kmemleak[] = "/sys/kernel/debug/kmemleak";
const ::std::string drivers = "/sys/bus/platform/drivers/gpio-clx-sim/";

} /* namespace */

bool long_run()
{
	const char *s = ::getenv("GPIOCLX_STRESS");

	return s && ::std::string(s) == "long";
}

unsigned int cycles(unsigned int short_count, unsigned int long_count)
{
	const char *scale = ::getenv("GPIOCLX_STRESS_SCALE");
	unsigned long n = scale ? ::strtoul(scale, nullptr, 10) : 1;

	return long_run() ? long_count * static_cast<unsigned int>(n ? n : 1) :
			    short_count;
}

bool have_kmemleak()
{
	return ::access(kmemleak, W_OK) == 0;
}

namespace {

/* The reports of the last scan, keyed by their first line (the address). */
::std::map<::std::string, ::std::string> scan_reports()
{
	::std::map<::std::string, ::std::string> reports;
	::std::string key, line;

	write_file(kmemleak, "scan");
	::std::ifstream in(kmemleak);
	while (::std::getline(in, line)) {
		if (line.rfind("unreferenced object", 0) == 0)
			key = line.substr(0, line.find(" (size"));
		if (!key.empty())
			reports[key] += line + "\n";
	}
	return reports;
}

} /* namespace */

::std::vector<::std::string> new_leaks()
{
	::std::vector<::std::string> reports;

	if (!have_kmemleak())
		return reports;
	/*
	 * kmemleak leaves out objects younger than 5 s: let the block's own
	 * allocations age first, or its leaks would be blamed on the next.
	 * An object whose only reference was in flight during a scan (on a
	 * stack, in a register) is reported by that scan and gone, or found
	 * again, by the next: only what two scans 2 s apart both report
	 * counts.
	 */
	::std::this_thread::sleep_for(::std::chrono::milliseconds(5500));
	auto first = scan_reports();
	::std::this_thread::sleep_for(::std::chrono::milliseconds(2000));
	for (auto &[key, report] : scan_reports())
		if (first.count(key))
			reports.push_back(report);
	write_file(kmemleak, "clear");
	return reports;
}

bool ours(const ::std::string &report)
{
	static const char *const frames[] = {
		"[gpio_clx",
		"[irq_clx",
		"gpiochip_",
		"gpiod_",
		"gpio_device",
		"linereq",
		"lineevent",
		"linehandle",
		"irq_domain",
		"irq_create",
		"irq_dispose",
		"__irq_alloc_descs",
		"request_threaded_irq",
		"__setup_irq",
		"devm_",
	};

	for (const char *f : frames)
		if (report.find(f) != ::std::string::npos)
			return true;
	return false;
}

::std::vector<::std::string> new_leaks_of_ours(unsigned int *others)
{
	::std::vector<::std::string> mine;
	unsigned int n = 0;

	for (auto &r : new_leaks()) {
		if (ours(r))
			mine.push_back(::std::move(r));
		else
			n++;
	}
	if (others)
		*others = n;
	return mine;
}

::std::string joined(const ::std::vector<::std::string> &reports)
{
	::std::string all;

	for (const auto &r : reports)
		all += r;
	return all;
}

int unbind(const ::std::string &node)
{
	return write_file(drivers + "unbind", node);
}

int bind(const ::std::string &node)
{
	return write_file(drivers + "bind", node);
}

bool bound(const ::std::string &device)
{
	return ::access(("/sys/bus/platform/devices/" + device + "/driver").c_str(),
			F_OK) == 0;
}

int suspend_once()
{
	/* pm_test busy-waits this long in the platform stage: 1 s, not 5. */
	write_file("/sys/module/suspend/parameters/pm_test_delay", "1");
	write_file("/sys/power/pm_test", "platform");
	int err = write_file("/sys/power/state", "mem");
	write_file("/sys/power/pm_test", "none");
	return err;
}

::std::string module_path(const ::std::string &name)
{
	const char *dir = ::getenv("GPIOCLX_MODULES");

	return ::std::string(dir ? dir : ".") + "/" + name;
}

} /* namespace gpioclx::stress */
