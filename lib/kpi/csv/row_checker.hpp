#pragma once
// The strict check of one measurement row (internal to the csv module): the rules of
// format.md, with a finding at the exact line and column of what is wrong. Both readers
// use it, the plain one for every row, the parallel one for every row its fast path
// does not take, so that both find the same.

#include <optional>
#include <string>

#include "kpi/csv/header.hpp"
#include "kpi/csv/measurements.hpp"

namespace kpi::csv {

class RowChecker {
 public:
  RowChecker(const std::string& file, const MeasurementIndex& index, const Columns& columns,
             const ReadOptions& options, ReadReport& report)
      : m_file(file), m_index(index), m_columns(columns), m_options(options), m_report(report) {}

  /// Counts a problem, and keeps it while fewer than max_errors are kept.
  void add(std::string rule, std::string message, int64_t line, int64_t column,
           std::string hint = {});

  /// A valid row's observation (without its order), or nothing: the problem is added.
  std::optional<Observation> check(const CsvRecord& row, char delimiter);
  /// Set when a row needs the value column the header lacks: reading stops.
  bool stopped() const { return m_stopped; }

 private:
  /// True when the list of problems is full: the problem is only counted, and its
  /// message (with a did-you-mean over every id) need not be built.
  bool counted_only();
  const CsvField* cell(const CsvRecord& row, int column) const {
    if (column < 0 || static_cast<size_t>(column) >= row.fields.size()) {
      return nullptr;
    }
    return &row.fields[static_cast<size_t>(column)];
  }
  std::optional<int> check_entity(const CsvRecord& row, int k);
  std::string assignee_list(int k) const;

  const std::string& m_file;
  const MeasurementIndex& m_index;
  const Columns& m_columns;
  const ReadOptions& m_options;
  ReadReport& m_report;
  bool m_stopped = false;
};

}  // namespace kpi::csv
