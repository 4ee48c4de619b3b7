#include "options.hpp"

#include <fmt/format.h>

#include "workspace.hpp"

namespace kpi::cli {

namespace {

// The absolute token naming a period: 2026-10 for a whole month, 2026-Q4, 2026-W43,
// 2026, a day, else START..END. Relative words are shown this way so that output never
// depends on the day it was made (last-month run on 2026-11-03 says 2026-10).
std::string absolute_token(const Period& p) {
  const YearMonthDay start = to_ymd(p.start);
  if (p.start == p.end) {
    return format_date(p.start);
  }
  for (SlotKind kind : {SlotKind::yearly, SlotKind::quarterly, SlotKind::monthly}) {
    if (slot_containing(kind, p.start) == p) {
      switch (kind) {
        case SlotKind::yearly:
          return fmt::format("{:04}", start.year);
        case SlotKind::quarterly:
          return fmt::format("{:04}-Q{}", start.year, (start.month - 1) / 3 + 1);
        default:
          return fmt::format("{:04}-{:02}", start.year, start.month);
      }
    }
  }
  if (slot_containing(SlotKind::weekly, p.start) == p) {
    // The ISO year of a week is the year of its Thursday.
    const Date thursday{p.start.days + 3};
    const YearMonthDay t = to_ymd(thursday);
    const int week = (thursday.days - make_date(t.year, 1, 1).days) / 7 + 1;
    return fmt::format("{:04}-W{:02}", t.year, week);
  }
  return format_date(p.start) + ".." + format_date(p.end);
}

bool is_relative(const std::string& token) {
  for (const std::string& word : relative_period_words()) {
    if (token.find(word) != std::string::npos) {
      return true;
    }
  }
  return false;
}

}  // namespace

ScoreRequest resolve_period_request(const std::string& period, const std::string& as_of) {
  ScoreRequest request;
  request.as_of = today();
  if (!as_of.empty()) {
    std::optional<Date> day = parse_date(as_of);
    if (!day) {
      throw usage_error("bad-value", "--as-of: '" + as_of + "' is not a real day (YYYY-MM-DD)");
    }
    request.as_of = *day;
  }
  PeriodParse parsed = parse_period(period, request.as_of);
  if (!parsed.period) {
    throw usage_error("bad-value", "--period: " + parsed.error);
  }
  request.token = is_relative(period) ? absolute_token(*parsed.period) : period;
  request.period = *parsed.period;
  return request;
}

void print_problem_count(std::ostream& out, size_t shown, int64_t total,
                         const std::string& advice) {
  out << "kpi: ";
  if (static_cast<int64_t>(shown) < total) {
    out << shown << " of " << total << " invalid rows shown";
  } else {
    out << total << (total == 1 ? " invalid row" : " invalid rows");
  }
  out << "; " << advice << "\n";
}

}  // namespace kpi::cli
