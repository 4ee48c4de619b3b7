// libFuzzer target: the period token parsers (scoring.md) and what is computed from
// their result: every period parsed must be a range of valid days that formats back.

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "kpi/period/period.hpp"

namespace {

void check(const kpi::PeriodParse& parse) {
  if (!parse.period) {
    if (parse.error.empty()) {
      std::abort();  // no period must say why
    }
    return;
  }
  const kpi::Period& p = *parse.period;
  if (p.end < p.start || !kpi::parse_date(kpi::format_date(p.start)) ||
      !kpi::parse_date(kpi::format_date(p.end))) {
    std::abort();
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  check(kpi::parse_stamp(text));
  // Relative words against a day near each end of the calendar and one in between.
  for (const char* day : {"0001-01-01", "2026-12-02", "9999-12-31"}) {
    check(kpi::parse_period(text, *kpi::parse_date(day)));
  }
  (void)kpi::parse_date(text);
  (void)kpi::parse_slot_kind(text);
  return 0;
}
