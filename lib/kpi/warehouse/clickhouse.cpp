// ClickHouse 18.16's spelling of the plan (see plan.hpp). It has no query parameters, so
// every literal is quoted here. Its `sum` of a Decimal128 wraps on overflow without an
// error: the query also sums as Float64 (kpi_guard), and the client refuses a sum that
// strays from it.

#include "kpi/period/period.hpp"
#include "kpi/warehouse/plan.hpp"

namespace kpi::warehouse {

namespace {

class ClickHouse : public Dialect {
 public:
  std::string engine() const override { return "clickhouse"; }
  std::string table(const std::string& name) const override {
    const size_t dot = name.find('.');
    if (dot == std::string::npos) {
      return column(name);
    }
    return column(name.substr(0, dot)) + "." + column(name.substr(dot + 1));
  }
  std::string column(const std::string& name) const override { return escaped(name, '`'); }
  std::string text(const std::string& value) const override { return escaped(value, '\''); }
  std::string date(Date day) const override { return "toDate('" + format_date(day) + "')"; }
  std::string measure(size_t index) const override {
    return "toInt32(" + std::to_string(index) + ")";  // one type in every branch
  }
  std::string day_of(const std::string& column) const override { return "toDate(" + column + ")"; }
  std::string folded(const std::string& column) const override {
    return "lowerUTF8(replaceRegexpAll(toString(" + column +
           "), '^[ \\\\t\\\\x{00A0}]+|[ \\\\t\\\\x{00A0}]+$', ''))";
  }
  std::string is_not_true(const std::string& condition) const override {
    return "NOT ifNull(" + condition + ", 0)";
  }
  std::string as_text(const std::string& expression) const override {
    return "toString(" + expression + ")";
  }
  std::string aggregates(const std::string& value, const std::string& day, const std::string& order,
                         bool last) const override {
    // Every number goes out as a String ('' for none, which the client reads as NULL), so
    // that the branches of the UNION ALL have one type per column.
    if (value.empty()) {
      return "count() AS kpi_valued, '' AS kpi_sum, '' AS kpi_min, '' AS kpi_max, '' AS "
             "kpi_last, toString(max(" +
             day + ")) AS kpi_last_day, '' AS kpi_last_order, '' AS kpi_guard";
    }
    const std::string valued = "isNotNull(" + value + ")";
    // Decimal columns sum as Decimal128 (scale kept), integers as 64-bit integers.
    std::string last_value = "''";
    std::string last_order = "''";
    if (last) {
      const std::string latest = "tuple(" + day + (order.empty() ? "" : ", " + order) + ")";
      last_value = text_of("argMaxIf(" + value + ", " + latest + ", " + valued + ")");
      if (!order.empty()) {
        last_order = text_of("argMaxIf(" + order + ", " + latest + ", " + valued + ")");
      }
    }
    return "count(" + value + ") AS kpi_valued, " + text_of("sum(" + value + ")") +
           " AS kpi_sum, " + text_of("min(" + value + ")") + " AS kpi_min, " +
           text_of("max(" + value + ")") + " AS kpi_max, " + last_value + " AS kpi_last, " +
           text_of("maxIf(" + day + ", " + valued + ")") + " AS kpi_last_day, " + last_order +
           " AS kpi_last_order, " + text_of("sum(toFloat64(" + value + "))") + " AS kpi_guard";
  }

 private:
  static std::string text_of(const std::string& expression) {
    return "ifNull(toString(" + expression + "), '')";
  }
  static std::string escaped(const std::string& text, char quote) {
    std::string out(1, quote);
    for (char c : text) {
      if (c == quote || c == '\\') {
        out += '\\';
      }
      out += c;
    }
    return out + quote;
  }
};

}  // namespace

std::unique_ptr<Dialect> clickhouse_dialect() { return std::make_unique<ClickHouse>(); }

}  // namespace kpi::warehouse
