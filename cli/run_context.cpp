#include "run_context.hpp"

#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <ctime>
#include <filesystem>

#include "diagnostics.hpp"

namespace kpi::cli {

namespace {

/// "2026-12-02T03:46:08": JUnit's timestamp, in UTC.
std::string run_timestamp() {
  std::time_t when = std::time(nullptr);
  const char* epoch = std::getenv("SOURCE_DATE_EPOCH");
  if (epoch != nullptr && *epoch != '\0') {
    char* end = nullptr;
    errno = 0;
    const long long seconds = std::strtoll(epoch, &end, 10);
    if (*end == '\0' && errno == 0 && seconds >= 0 && seconds <= 253402300799LL) {
      when = static_cast<std::time_t>(seconds);
    }
  }
  std::tm utc{};
  gmtime_r(&when, &utc);
  char text[32];
  std::strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%S", &utc);
  return text;
}

std::string host_name() {
  char name[256] = {};
  if (gethostname(name, sizeof name - 1) != 0) {
    return "";
  }
  return name;
}

}  // namespace

void describe_run(FindingsReport& report, const GlobalOptions& global,
                  std::chrono::steady_clock::time_point started) {
  std::error_code ec;
  const std::filesystem::path working = std::filesystem::current_path(ec);
  if (!ec) {
    report.working_directory = working.string();
    report.start_directory =
        global.start_directory.empty() ? report.working_directory : global.start_directory;
  }
  report.source_line = [](const std::string& file, int line) { return source_line(file, line); };
  report.timestamp = run_timestamp();
  report.hostname = host_name();
  report.seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
}

}  // namespace kpi::cli
