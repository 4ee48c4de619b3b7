#include "kpi/render/progress_text.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

namespace kpi {

namespace {

/// 1,000-based units, as disks and network rates are counted: "812 KB", "1.2 GB".
std::string bytes_text(double bytes) {
  static const char* units[] = {"B", "KB", "MB", "GB", "TB"};
  int unit = 0;
  while (bytes >= 1000 && unit < 4) {
    bytes /= 1000;
    ++unit;
  }
  return unit == 0 || bytes >= 100 ? fmt::format("{:.0f} {}", bytes, units[unit])
                                   : fmt::format("{:.1f} {}", bytes, units[unit]);
}

std::string duration_text(double seconds) {
  const auto whole = static_cast<int64_t>(std::ceil(seconds));
  if (whole < 60) {
    return fmt::format("{} s", whole);
  }
  if (whole < 3600) {
    return fmt::format("{} min {:02} s", whole / 60, whole % 60);
  }
  return fmt::format("{} h {:02} min", whole / 3600, (whole % 3600) / 60);
}

}  // namespace

std::string progress_text(uint64_t done, uint64_t total, double seconds) {
  std::string text = "reading " + bytes_text(static_cast<double>(done));
  if (total > 0) {
    text += " of " + bytes_text(static_cast<double>(total));
    text +=
        fmt::format(" ({:.0f} %)", std::floor(100.0 * static_cast<double>(std::min(done, total)) /
                                              static_cast<double>(total)));
  }
  if (seconds > 0 && done > 0) {
    const double rate = static_cast<double>(done) / seconds;
    text += ", " + bytes_text(rate) + "/s";
    if (total > done) {
      text += ", " + duration_text(static_cast<double>(total - done) / rate) + " left";
    }
  }
  return text;
}

std::string query_progress_text(const std::string& table, double seconds) {
  return "querying " + table + " in the warehouse, " + duration_text(std::floor(seconds));
}

}  // namespace kpi
