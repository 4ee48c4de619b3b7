// Folding valid measurement rows into per-period accumulators (scoring.md, "Which
// measurements count" and "Actual").

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iostream>

#include "kpi/score/score.hpp"

namespace kpi {

namespace {

std::string two_digits(int n) { return (n < 10 ? "0" : "") + std::to_string(n); }

/// The token a period is written as (2026, 2026-Q1, 2026-01, 2026-W05, 2026-01-05), or
/// empty when it is none of them.
std::string token_of(const Period& p) {
  const YearMonthDay a = to_ymd(p.start);
  const YearMonthDay b = to_ymd(p.end);
  if (p.start == p.end) {
    return format_date(p.start);
  }
  const bool month_start = a.day == 1;
  const bool month_end = b.day == days_in_month(b.year, b.month);
  if (month_start && month_end && a.year == b.year) {
    if (a.month == 1 && b.month == 12) {
      return std::to_string(a.year);
    }
    if (a.month == b.month) {
      return std::to_string(a.year) + "-" + two_digits(a.month);
    }
    if (b.month == a.month + 2 && a.month % 3 == 1) {
      return std::to_string(a.year) + "-Q" + std::to_string(a.month / 3 + 1);
    }
  }
  if (p.days() == 7 && iso_weekday(p.start) == 1) {
    // An ISO week belongs to the year of its Thursday.
    const Date thursday{p.start.days + 3};
    const int year = to_ymd(thursday).year;
    const int week = (thursday.days - make_date(year, 1, 1).days) / 7 + 1;
    return std::to_string(year) + "-W" + two_digits(week);
  }
  return {};
}

/// "2026-W05 (2026-01-26..2026-02-01)", "2026-01-05" or "2026-01-03..2026-02-10".
std::string describe(const Period& p) {
  const std::string range = format_date(p.start) + ".." + format_date(p.end);
  const std::string token = token_of(p);
  if (token.empty()) {
    return range;
  }
  return p.start == p.end ? token : token + " (" + range + ")";
}

class Folder {
 public:
  Folder(const MeasurementIndex& index, AggregateResult& result)
      : m_entity_count(static_cast<size_t>(index.entity_count())), m_result(result) {}

  void fold(const Observation& row, const std::string& file) {
    const int64_t order = m_order++;
    for (PeriodAggregates& aggregates : m_result.periods) {
      const Period& period = aggregates.period;
      const Period& stamp = row.stamp;
      if (!period.overlaps(stamp)) {
        continue;
      }
      if (!period.contains(stamp)) {
        aggregates.warnings.push_back(Diagnostic{"partial-overlap",
                                                 Severity::warning,
                                                 "the row's stamp " + describe(stamp) +
                                                     " overlaps the period " + describe(period) +
                                                     " only in part, so it does not count",
                                                 SourceLocation{file, row.line, 0},
                                                 {}});
        continue;
      }
      if (period.contains(aggregates.as_of) && stamp.end > aggregates.as_of) {
        continue;  // after the as-of date
      }
      add(aggregates.cells[static_cast<size_t>(row.kpi) * m_entity_count +
                           static_cast<size_t>(row.entity)],
          row, order);
    }
  }

 private:
  static void add(Accumulator& cell, const Observation& row, int64_t order) {
    if (cell.rows == 0) {
      cell.min = row.value;
      cell.max = row.value;
    } else {
      cell.min = std::min(cell.min, row.value);
      cell.max = std::max(cell.max, row.value);
    }
    ++cell.rows;
    cell.sum += row.value;
    // The latest stamp end wins; on a tie the row read later.
    if (cell.last_order < 0 || row.stamp.end > cell.last_end ||
        (row.stamp.end == cell.last_end && order > cell.last_order)) {
      cell.last = row.value;
      cell.last_end = row.stamp.end;
      cell.last_order = order;
    }
  }

  size_t m_entity_count;
  AggregateResult& m_result;
  int64_t m_order = 0;
};

}  // namespace

AggregateResult aggregate_measurements(const MeasurementIndex& index,
                                       const std::vector<std::string>& sources,
                                       const std::vector<std::pair<Period, Date>>& periods,
                                       const ReadOptions& options) {
  AggregateResult result;
  const size_t cell_count =
      static_cast<size_t>(index.kpi_count()) * static_cast<size_t>(index.entity_count());
  for (const auto& [period, as_of] : periods) {
    result.periods.push_back(
        PeriodAggregates{period, as_of, std::vector<Accumulator>(cell_count), {}});
  }
  Folder folder(index, result);
  for (const std::string& source : sources) {
    const bool is_stdin = source == "-";
    const std::string name = is_stdin ? "<stdin>" : source;
    std::ifstream file;
    if (!is_stdin) {
      std::error_code ignored;
      if (std::filesystem::is_directory(source, ignored)) {
        throw usage_error("unreadable-file", "'" + source + "' is a folder, not a measurement file",
                          source);
      }
      file.open(source, std::ios::binary);
      if (!file) {
        throw usage_error("unreadable-file", "cannot open the measurement file '" + source + "'",
                          source);
      }
    }
    ReadOptions limits = options;
    limits.max_errors = options.max_errors - std::min(options.max_errors, result.problems.size());
    const ReadReport report = read_measurements(
        is_stdin ? std::cin : file, name, index,
        [&](const Observation& row) { folder.fold(row, name); }, limits);
    if (is_stdin ? std::cin.bad() : file.bad()) {
      throw usage_error("unreadable-file", "error while reading '" + name + "'", name);
    }
    result.problems.insert(result.problems.end(), report.problems.begin(), report.problems.end());
    result.problems_total += report.problems_total;
  }
  return result;
}

}  // namespace kpi
