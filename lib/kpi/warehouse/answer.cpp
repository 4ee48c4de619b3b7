// Folding a table source's answer (see answer.hpp). Findings stand at the YAML key they
// are about (the table, its date, entity or value column) and name the database's value.

#include "kpi/warehouse/answer.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>

#include "kpi/source/cells.hpp"

namespace kpi::warehouse {

namespace {

const std::optional<std::string>& field(const AnswerRow& row, Field f) {
  return row[static_cast<size_t>(f)];
}

std::optional<int64_t> whole(const std::optional<std::string>& text) {
  int64_t out = 0;
  if (!text || text->empty()) {
    return std::nullopt;
  }
  const auto [end, ec] = std::from_chars(text->data(), text->data() + text->size(), out);
  if (ec != std::errc() || end != text->data() + text->size()) {
    return std::nullopt;
  }
  return out;
}

std::string rows_text(int64_t n) { return std::to_string(n) + (n == 1 ? " row" : " rows"); }
std::string have(int64_t n) { return n == 1 ? " has" : " have"; }

class Answer {
 public:
  Answer(const AnswerRow& row, const TableQuery& query, const MeasurementIndex& index,
         const source::EntityMatcher& matcher, size_t max_errors, TableRead& into)
      : m_row(row),
        m_query(query),
        m_source(*query.source),
        m_index(index),
        m_matcher(matcher),
        m_max_errors(max_errors),
        m_into(into) {}

  void fold() {
    const std::optional<int64_t> measure = whole(field(m_row, Field::measure));
    const std::optional<int64_t> bucket = whole(field(m_row, Field::bucket));
    const std::optional<int64_t> rows = whole(field(m_row, Field::rows));
    const std::optional<int64_t> valued = whole(field(m_row, Field::valued));
    if (!measure || *measure < 0 || static_cast<size_t>(*measure) >= m_source.measures.size() ||
        !bucket || *bucket < -1 || *bucket >= static_cast<int64_t>(m_query.buckets.size()) ||
        !rows || !valued || *valued > *rows) {
      throw refused("warehouse-answer", m_source.at_key("table"),
                    "the " + where() +
                        " answered a row kpi did not ask for; is the table a view that "
                        "changes the columns?");
    }
    m_measure = &m_source.measures[static_cast<size_t>(*measure)];
    m_into.report.rows_read += *rows;
    if (*bucket < 0) {
      fail(*rows, "source-date", m_source.columns.date_at,
           rows_text(*rows) + " of " + where() + " that the measure of KPI '" + m_measure->kpi +
               "' matches" + have(*rows) + " no date (NULL in column '" + m_source.columns.date +
               "')");
      return;
    }
    if (*valued < *rows) {
      fail(*rows - *valued, "source-number", m_measure->value_at,
           rows_text(*rows - *valued) + " of " + where() + " that the measure of KPI '" +
               m_measure->kpi + "' matches" + have(*rows - *valued) +
               " no value (NULL in column '" + m_measure->value + "')" + entity_note());
    }
    if (*valued == 0) {
      return;
    }
    const int kpi = m_index.find_kpi(m_measure->kpi);
    const int entity = entity_of(*valued);
    if (kpi < 0 || entity < 0) {
      return;
    }
    const int slot = m_index.slot(kpi, entity);
    if (slot < 0) {
      fail(*valued, "source-unassigned", m_source.at_key("table"),
           rows_text(*valued) + " of " + where() + " measure KPI '" + m_measure->kpi + "' for '" +
               m_index.entity_id(entity) + "', who is not assigned it" + entity_note());
      return;
    }
    GroupFold group;
    group.slot = slot;
    group.kpi = kpi;
    group.entity = entity;
    group.days = m_query.buckets[static_cast<size_t>(*bucket)];
    group.rows = *valued;
    if (!values(group, m_index.is_count(kpi))) {
      return;
    }
    m_into.report.rows_valid += *valued;
    m_into.groups.push_back(group);
  }

 private:
  std::string where() const {
    return "table " + m_source.table + " (source '" + m_source.id + "')";
  }

  std::string entity_note() const {
    const std::optional<std::string>& e = field(m_row, Field::entity);
    return m_source.columns.entity.empty()
               ? ""
               : ", entity '" + e.value_or("") + "' in column '" + m_source.columns.entity + "'";
  }

  /// What stops the run: the answer cannot be folded (exit 2, at `at`).
  static Error refused(std::string rule, const SourceLocation& at, std::string message) {
    Error error = usage_error(std::move(rule), std::move(message));
    error.diagnostic.where = at;
    return error;
  }

  void fail(int64_t rows, std::string rule, const SourceLocation& at, std::string message,
            std::string hint = {}) {
    m_into.report.problems_total += rows;
    if (m_into.report.problems.size() < m_max_errors) {
      m_into.report.problems.push_back(
          Diagnostic{std::move(rule), Severity::error, std::move(message), at, std::move(hint)});
    }
  }

  /// The entity the group's rows are for, or -1 (a finding was added, or the rows skipped).
  int entity_of(int64_t rows) {
    if (!m_source.entity.empty()) {
      return m_index.find_entity(m_source.entity);
    }
    if (m_source.columns.entity.empty()) {
      const int kpi = m_index.find_kpi(m_measure->kpi);
      return kpi >= 0 && m_index.assignees(kpi).size() == 1 ? m_index.assignees(kpi).front() : -1;
    }
    const std::string raw = field(m_row, Field::entity).value_or("");
    const std::string text(source::trimmed(raw));
    const source::EntityMatch match = m_matcher.match(text);
    if (match.kind == source::EntityMatch::Kind::entity) {
      return m_index.find_entity(match.entity);
    }
    const SourceLocation& at = m_source.columns.entity_at;
    const std::string column = "'" + m_source.columns.entity + "'";
    if (match.kind == source::EntityMatch::Kind::ambiguous) {
      std::string owners;
      for (const std::string& id : match.owners) {
        owners += (owners.empty() ? "'" : ", '") + id + "'";
      }
      fail(rows, "alias-clash", at,
           "'" + text + "' in column " + column + " of " + where() + " is the name or alias of " +
               owners + ": its " + rows_text(rows) + " cannot say which one they mean");
    } else if (m_source.unmatched_skip) {
      m_into.unmatched.add(0, text);
      m_into.unmatched.rows += rows - 1;
    } else {
      fail(rows, "source-entity", at,
           "'" + text + "' in column " + column + " of " + where() + " (" + rows_text(rows) +
               ") is no unit or person (by id, name or alias)",
           match.nearest.empty() ? "add it to the entity's 'aliases', or set 'unmatched: skip'"
                                 : "did you mean '" + match.nearest + "'?");
    }
    return -1;
  }

  /// The group's sum, min, max and last value; false (a finding added) when one is no
  /// number or a sum overflowed in the database.
  bool values(GroupFold& group, bool count) {
    const std::optional<std::string>& day = field(m_row, Field::last_day);
    const PeriodParse last_day = parse_stamp(day.value_or("").substr(0, 10));
    if (!last_day.period) {
      throw refused(
          "warehouse-answer", m_source.at_key("table"),
          "the " + where() + " answered the day '" + day.value_or("NULL") + "', which is no date");
    }
    group.last_day = last_day.period->end;
    group.last_order = field(m_row, Field::last_order).value_or("");
    if (count) {
      return true;  // each row counts 1; the value is 0
    }
    auto number = [&](Field f, double& out) {
      const std::optional<double> value = parse_decimal(field(m_row, f).value_or(""));
      if (value) {
        out = *value;
      }
      return value.has_value();
    };
    const std::optional<Decimal> sum = parse_decimal_exact(field(m_row, Field::sum).value_or(""));
    const bool wants_last = field(m_row, Field::last).has_value();
    const bool bounds = number(Field::min, group.min) && number(Field::max, group.max);
    if (const std::optional<std::string>& guard = field(m_row, Field::guard)) {
      // A Decimal128 sum that wrapped around is off by about 10^38 (or no number at all):
      // far beyond what rounding the float sum of these rows could give.
      const double bound =
          static_cast<double>(group.rows) * std::max(std::fabs(group.min), std::fabs(group.max));
      const std::optional<double> approx = parse_decimal(*guard);
      if (bounds && approx && (!sum || std::fabs(*approx - sum->value) > 1e-6 * bound + 1e-9)) {
        throw refused("warehouse-overflow", m_measure->value_at,
                      "the sum of column '" + m_measure->value + "' of " + where() +
                          " overflowed in the database (about " + *guard +
                          "); cast the column to a wider Decimal, or Float64, in a view");
      }
    }
    if (!sum || !bounds || (wants_last && !number(Field::last, group.last))) {
      fail(group.rows, "source-number", m_measure->value_at,
           "column '" + m_measure->value + "' of " + where() +
               " holds values that are no finite number (sum '" +
               field(m_row, Field::sum).value_or("NULL") + "')" + entity_note());
      return false;
    }
    group.sum = *sum;
    return true;
  }

  const AnswerRow& m_row;
  const TableQuery& m_query;
  const Source& m_source;
  const MeasurementIndex& m_index;
  const source::EntityMatcher& m_matcher;
  size_t m_max_errors;
  TableRead& m_into;
  const SourceMeasure* m_measure = nullptr;
};

}  // namespace

bool last_before(const GroupFold& a, const GroupFold& b) {
  if (a.last_day != b.last_day) {
    return a.last_day < b.last_day;
  }
  const std::optional<double> x = parse_decimal(a.last_order);
  const std::optional<double> y = parse_decimal(b.last_order);
  if (x && y) {
    return *x < *y;
  }
  return a.last_order < b.last_order;
}

void fold_answer(const AnswerRow& row, const TableQuery& query, const MeasurementIndex& index,
                 const source::EntityMatcher& matcher, size_t max_errors, TableRead& into) {
  Answer(row, query, index, matcher, max_errors, into).fold();
}

TableRead read_table(TableReader& reader, const TableQuery& query, const MeasurementIndex& index,
                     const source::EntityMatcher& matcher, size_t max_errors) {
  TableRead out;
  reader.run(query, [&](const AnswerRow& row) {
    fold_answer(row, query, index, matcher, max_errors, out);
  });
  // Read order as if the rows were exported sorted by day and order key: a `last` tie
  // between two groups of one entity (two spellings of it) goes to the later row.
  std::stable_sort(out.groups.begin(), out.groups.end(), last_before);
  return out;
}

}  // namespace kpi::warehouse
