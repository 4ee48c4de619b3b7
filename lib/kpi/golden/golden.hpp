#pragma once
// Running golden-data tests (kpi test): each test's rows scored by the one engine, and
// each expected number compared with what score gives.

#include <string>
#include <vector>

#include "kpi/error.hpp"
#include "kpi/model/golden.hpp"
#include "kpi/model/model.hpp"

namespace kpi {

/// A field whose number is not the one expected.
struct FieldFailure {
  std::string field;
  std::string expected;  ///< as written
  std::string actual;    ///< as score gives it ("null" when absent)
  SourceLocation where;  ///< of the expected value
};

/// One expectation (one JUnit test case): passed when `failures` is empty and `errors` too.
struct ExpectationResult {
  std::string test;     ///< the test's name
  std::string subject;  ///< "alice sales.revenue" or "alice"; empty: the test's own setup
  SourceLocation where;
  std::vector<FieldFailure> failures;
  std::vector<Diagnostic> errors;  ///< an unknown entity or KPI, rows that do not read
  bool passed() const { return failures.empty() && errors.empty(); }
};

struct GoldenReport {
  std::string file;
  /// Test by test, expectation by expectation; after a test's expectations, one without
  /// a subject when its period or rows have errors.
  std::vector<ExpectationResult> results;
  size_t tests = 0;
};

struct GoldenOptions {
  bool allow_outside = false;  ///< a test's data files may lie outside the workspace
};

/// Runs every test of `file` against `workspace`. A test reads only its own rows (its
/// `measurements` or `data` files, relative to the test file): never the workspace's
/// data, journal or sources, so that it does not change when live data does.
GoldenReport run_golden_tests(const Workspace& workspace, const GoldenFile& file,
                              const GoldenOptions& options = {});

}  // namespace kpi
