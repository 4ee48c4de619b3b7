#include "output.hpp"

#include <fcntl.h>
#include <fmt/format.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <iostream>
#include <vector>

#include "kpi/error.hpp"
#include "kpi/period/period.hpp"
#include "kpi/period/shift.hpp"

namespace kpi::cli {

namespace {

[[noreturn]] void fail(const std::string& path, const std::string& what) {
  throw usage_error("unwritable", "cannot write '" + path + "': " + what);
}

}  // namespace

void write_output(const std::string& path, std::string_view text) {
  if (path.empty()) {
    std::cout << text << std::flush;
    return;
  }
  const std::filesystem::path target(path);
  const std::filesystem::path folder =
      target.has_parent_path() ? target.parent_path() : std::filesystem::path(".");
  // A cron line writes reports/{period}/summary.html: the month's folder is made first.
  std::error_code made;
  std::filesystem::create_directories(folder, made);
  std::string pattern = (folder / ("." + target.filename().string() + ".tmpXXXXXX")).string();
  std::vector<char> name(pattern.begin(), pattern.end());
  name.push_back('\0');
  const int fd = mkstemp(name.data());
  if (fd < 0) {
    fail(path, std::strerror(errno));
  }
  const std::string temp(name.data());
  size_t done = 0;
  while (done < text.size()) {
    const ssize_t n = ::write(fd, text.data() + done, text.size() - done);
    if (n < 0 && errno == EINTR) {
      continue;
    }
    if (n <= 0) {
      const std::string why = std::strerror(errno);
      ::close(fd);
      ::unlink(temp.c_str());
      fail(path, why);
    }
    done += static_cast<size_t>(n);
  }
  // mkstemp makes the file 0600; a report is meant to be read like any other file.
  const mode_t mask = ::umask(0);
  ::umask(mask);
  ::fchmod(fd, 0666 & ~mask);
  if (::fsync(fd) != 0 || ::close(fd) != 0) {
    const std::string why = std::strerror(errno);
    ::unlink(temp.c_str());
    fail(path, why);
  }
  if (std::rename(temp.c_str(), path.c_str()) != 0) {
    const std::string why = std::strerror(errno);
    ::unlink(temp.c_str());
    fail(path, why);
  }
}

std::string expand_output_path(const std::string& pattern, const Period& period, Date as_of,
                               std::string_view lang) {
  std::string out;
  for (size_t i = 0; i < pattern.size(); ++i) {
    const size_t close = pattern[i] == '{' ? pattern.find('}', i) : std::string::npos;
    if (close == std::string::npos) {
      out += pattern[i];
      continue;
    }
    const std::string_view name = std::string_view(pattern).substr(i + 1, close - i - 1);
    if (name == "period") {
      out += absolute_token(period);
    } else if (name == "as_of") {
      out += format_date(as_of);
    } else if (name == "lang") {
      out += lang;
    } else {
      throw usage_error("bad-output", "unknown placeholder '{" + std::string(name) +
                                          "}' in --output '" + pattern +
                                          "' (known: {period}, {as_of}, {lang})");
    }
    i = close;
  }
  return out;
}

std::string generated_stamp() {
  const char* value = std::getenv("SOURCE_DATE_EPOCH");
  if (value == nullptr || *value == '\0') {
    return "";
  }
  char* end = nullptr;
  errno = 0;
  const long long seconds = std::strtoll(value, &end, 10);
  // Up to the year 9999, so that the date prints as YYYY-MM-DD.
  if (*end != '\0' || errno != 0 || seconds < 0 || seconds > 253402300799LL) {
    throw usage_error("bad-value", std::string("SOURCE_DATE_EPOCH: '") + value +
                                       "' is not a number of seconds since 1970");
  }
  const Date day{static_cast<int>(seconds / 86400)};
  const long long rest = seconds % 86400;
  return fmt::format("{} {:02}:{:02} UTC", format_date(day), rest / 3600, rest % 3600 / 60);
}

}  // namespace kpi::cli
