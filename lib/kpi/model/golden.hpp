#pragma once
// Golden-data tests of `kpi test` (kpi-test(1)), as written in a test file, with
// positions: a period, an as-of date, rows of their own, and the numbers expected.

#include <optional>
#include <string>
#include <vector>

#include "kpi/error.hpp"

namespace kpi {

/// One `field: value` of an expectation, kept as written: compared as a number when it
/// reads as one, as `[low, high]`, as true/false, as text, or as null.
struct ExpectedValue {
  std::string field;
  enum class Kind { number, range, flag, text, null } kind = Kind::null;
  double number = 0;
  double high = 0;  ///< range: the upper bound
  bool flag = false;
  std::string text;      ///< the text, or the number as written
  SourceLocation where;  ///< of the value
};

/// `{entity: alice, kpi: sales.revenue, achievement: 105}` or `{entity: alice, total: 87.5}`.
struct Expectation {
  std::string entity;
  SourceLocation entity_at;
  std::optional<std::string> kpi;  ///< none: the entity's own numbers
  SourceLocation kpi_at;
  std::vector<ExpectedValue> values;  ///< in written order
  SourceLocation where;
};

struct GoldenTest {
  std::string name;
  std::string period;  ///< a token, as for --period
  SourceLocation period_at;
  std::string as_of;  ///< empty: the period's last day
  SourceLocation as_of_at;
  /// Rows written in the test (CSV text with a header), or none.
  std::optional<std::string> measurements;
  SourceLocation measurements_at;   ///< where the text's first line stands in the file
  int64_t measurements_indent = 0;  ///< columns the block's lines are indented by
  std::vector<std::pair<std::string, SourceLocation>> data;  ///< files, as written
  double tolerance = 1e-9;                                   ///< relative
  std::vector<Expectation> expect;
  SourceLocation where;
};

struct GoldenFile {
  std::string path;
  std::vector<GoldenTest> tests;
};

}  // namespace kpi
