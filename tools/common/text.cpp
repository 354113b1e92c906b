// SPDX-License-Identifier: GPL-2.0
#include "common/text.hpp"

#include <sstream>

namespace gpioclx {
namespace common {

::std::vector<::std::string> split(const ::std::string &text, char sep)
{
	::std::vector<::std::string> fields;
	::std::string::size_type start = 0;

	while (start <= text.size()) {
		auto end = text.find(sep, start);

		if (end == ::std::string::npos)
			end = text.size();
		if (end > start)
			fields.push_back(text.substr(start, end - start));
		start = end + 1;
	}
	return fields;
}

::std::vector<::std::string> split_lines(const ::std::string &text)
{
	::std::istringstream in(text);
	::std::vector<::std::string> out;
	::std::string line;

	while (::std::getline(in, line))
		out.push_back(line);
	return out;
}

::std::vector<::std::string> split_words(const ::std::string &line)
{
	::std::istringstream in(line);
	::std::vector<::std::string> out;
	::std::string word;

	while (in >> word)
		out.push_back(word);
	return out;
}

::std::string trim(::std::string text)
{
	return text.erase(text.find_last_not_of(" \t\n") + 1);
}

::std::map<::std::string, ::std::string> parse_key_values(const ::std::string &text)
{
	::std::map<::std::string, ::std::string> fields;

	for (const auto &line : split_lines(text)) {
		auto space = line.find(' ');

		if (!line.empty())
			fields[line.substr(0, space)] = space == ::std::string::npos ?
								"" :
								line.substr(space + 1);
	}
	return fields;
}

} /* namespace common */
} /* namespace gpioclx */
