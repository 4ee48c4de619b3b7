// Data quality: what is wrong with the data behind the numbers, so that a gap, a
// withheld reward or an empty month is read before anyone pays on the report.

#include <fmt/format.h>

#include "kpi/report/sections.hpp"

namespace kpi::report {

namespace {

/// The report kind of a warning about files or rows, or nothing for other warnings.
std::optional<QualityKind> kind_of_warning(std::string_view rule) {
  if (rule == "data-repeated") {
    return QualityKind::data_repeated;
  }
  if (rule == "data-empty") {
    return QualityKind::data_empty;
  }
  if (rule == "source-empty") {
    return QualityKind::source_empty;
  }
  if (rule == "partial-overlap") {
    return QualityKind::partial_overlap;
  }
  if (rule == "inactive-row") {
    return QualityKind::inactive_row;
  }
  if (rule == "stale-data") {
    return QualityKind::stale_data;
  }
  return std::nullopt;
}

bool about_files(QualityKind kind) {
  return kind == QualityKind::data_repeated || kind == QualityKind::data_empty ||
         kind == QualityKind::source_empty;
}

/// Warnings about files (`files` true) or about rows, in the result's order.
void add_warnings(const ScoreResult& current, bool files, std::vector<QualityIssue>& out) {
  for (const Diagnostic& d : current.warnings) {
    std::optional<QualityKind> kind = kind_of_warning(d.rule);
    if (kind && *kind != QualityKind::stale_data && about_files(*kind) == files) {
      out.push_back(QualityIssue{*kind, "", "", d.message, d.where});
    }
  }
}

}  // namespace

bool period_has_no_data(const ScoreResult& current) {
  bool any_kpi = false;
  for (const Diagnostic& d : current.warnings) {
    if (d.rule == "no-data") {
      return true;
    }
  }
  for (const EntityScore& e : current.entities) {
    for (const KpiScore& k : e.kpis) {
      if (k.rows) {
        any_kpi = true;
        if (*k.rows > 0) {
          return false;
        }
      }
    }
  }
  return any_kpi;
}

std::vector<QualityIssue> find_quality_issues(const ScoreResult& current,
                                              const std::vector<Diagnostic>& findings) {
  std::vector<QualityIssue> out;
  // Data that stopped coming first: every other finding may follow from it.
  for (const Diagnostic& d : current.warnings) {
    if (d.rule == "stale-data") {
      const size_t space = d.message.find(' ');
      out.push_back(QualityIssue{QualityKind::stale_data, "", d.message.substr(0, space), d.message,
                                 d.where});
    }
  }
  if (period_has_no_data(current)) {
    std::string message = fmt::format("no measurement counts toward {} ({} to {}) as of {}",
                                      current.token, format_date(current.period.start),
                                      format_date(current.period.end), format_date(current.as_of));
    SourceLocation where;
    for (const Diagnostic& d : current.warnings) {
      if (d.rule == "no-data") {
        message = d.message;
        where = d.where;
        break;
      }
    }
    out.push_back(QualityIssue{QualityKind::empty_period, "", "", message, where});
  }
  add_warnings(current, true, out);
  for (const EntityScore& e : current.entities) {
    for (const KpiScore& k : e.kpis) {
      if (k.missing) {
        out.push_back(QualityIssue{QualityKind::no_data, e.id, k.id, k.reason.value_or("no data"),
                                   SourceLocation{}});
      }
    }
    if (e.withheld) {
      out.push_back(QualityIssue{QualityKind::withheld, e.id, "", *e.withheld, SourceLocation{}});
    }
  }
  add_warnings(current, false, out);
  for (const Diagnostic& d : findings) {
    if (d.rule == "cascade-gap") {
      out.push_back(QualityIssue{QualityKind::cascade_gap, "", "", d.message, d.where});
    }
  }
  return out;
}

}  // namespace kpi::report

namespace kpi {

std::string_view to_string(QualityKind kind) {
  switch (kind) {
    case QualityKind::no_data:
      return "no-data";
    case QualityKind::partial_overlap:
      return "partial-overlap";
    case QualityKind::cascade_gap:
      return "cascade-gap";
    case QualityKind::empty_period:
      return "empty-period";
    case QualityKind::withheld:
      return "withheld";
    case QualityKind::inactive_row:
      return "inactive-row";
    case QualityKind::data_repeated:
      return "data-repeated";
    case QualityKind::data_empty:
      return "data-empty";
    case QualityKind::stale_data:
      return "stale-data";
    case QualityKind::source_empty:
      break;
  }
  return "source-empty";
}

}  // namespace kpi
