// PostgreSQL's spelling of the plan (see plan.hpp). Nothing here would stop postgres_fdw
// from shipping the aggregation to a shard: no date_trunc (never shipped), only CASE,
// comparisons with date literals, casts, lower/btrim and built-in aggregates.

#include "kpi/period/period.hpp"
#include "kpi/warehouse/plan.hpp"

namespace kpi::warehouse {

namespace {

std::string quoted(const std::string& text, char quote) {
  std::string out(1, quote);
  for (char c : text) {
    if (c == quote) {
      out += quote;
    }
    out += c;
  }
  return out + quote;
}

class Postgres : public Dialect {
 public:
  std::string engine() const override { return "postgres"; }
  std::string table(const std::string& name) const override {
    std::string out;
    size_t start = 0;
    while (true) {
      const size_t dot = name.find('.', start);
      out += column(name.substr(start, dot == std::string::npos ? dot : dot - start));
      if (dot == std::string::npos) {
        return out;
      }
      out += '.';
      start = dot + 1;
    }
  }
  std::string column(const std::string& name) const override { return quoted(name, '"'); }
  std::string text(const std::string& value) const override {
    // standard_conforming_strings is on since PostgreSQL 9.1: a backslash is itself.
    return quoted(value, '\'');
  }
  std::string date(Date day) const override { return "DATE '" + format_date(day) + "'"; }
  std::string measure(size_t index) const override { return std::to_string(index); }
  std::string day_of(const std::string& column) const override {
    return "CAST(" + column + " AS date)";
  }
  std::string folded(const std::string& column) const override {
    // No coalesce: postgres_fdw does not ship it with a text literal; a NULL stays NULL,
    // which matches no `where` value and, through IS NOT TRUE, passes `except`.
    return "lower(btrim(CAST(" + column + " AS text), E' \\t\\u00A0'))";
  }
  std::string is_not_true(const std::string& condition) const override {
    return condition + " IS NOT TRUE";
  }
  std::string as_text(const std::string& expression) const override {
    return "CAST(" + expression + " AS text)";
  }
  std::string aggregates(const std::string& value, const std::string& day, const std::string& order,
                         bool last) const override {
    // Numbers go out as text, and each branch of the UNION ALL says its NULLs are text:
    // a count measure's NULLs beside a sum's numeric would not match.
    const std::string none = "CAST(NULL AS text)";
    if (value.empty()) {
      return "count(*) AS kpi_valued, " + none + " AS kpi_sum, " + none + " AS kpi_min, " + none +
             " AS kpi_max, " + none + " AS kpi_last, max(" + day + ") AS kpi_last_day, " + none +
             " AS kpi_last_order, " + none + " AS kpi_guard";
    }
    const std::string valued = " FILTER (WHERE " + value + " IS NOT NULL)";
    std::string last_value = none;
    std::string last_order = none;
    if (last) {
      // The value of the latest day, the row with the greatest order key on a tie.
      const std::string latest =
          " ORDER BY " + day + " DESC" + (order.empty() ? "" : ", " + order + " DESC") + ")";
      last_value = as_text("(array_agg(" + value + latest + valued + ")[1]");
      if (!order.empty()) {
        last_order = as_text("(array_agg(" + order + latest + valued + ")[1]");
      }
    }
    return "count(" + value + ") AS kpi_valued, " + as_text("sum(" + value + ")") +
           " AS kpi_sum, " + as_text("min(" + value + ")") + " AS kpi_min, " +
           as_text("max(" + value + ")") + " AS kpi_max, " + last_value + " AS kpi_last, max(" +
           day + ")" + valued + " AS kpi_last_day, " + last_order + " AS kpi_last_order, " + none +
           " AS kpi_guard";
  }
};

}  // namespace

std::unique_ptr<Dialect> postgres_dialect() { return std::make_unique<Postgres>(); }

}  // namespace kpi::warehouse
