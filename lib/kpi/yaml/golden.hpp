#pragma once
// Reading the test files of `kpi test` (kpi-test(1)).

#include <string>
#include <string_view>
#include <vector>

#include "kpi/error.hpp"
#include "kpi/model/golden.hpp"

namespace kpi {

/// A test file and every finding made while reading it (YAML syntax, unknown keys, wrong
/// types, a KPI's number in an entity's expectation); reading never stops at the first.
struct GoldenLoad {
  GoldenFile file;
  std::vector<Diagnostic> diagnostics;
};

/// Reads the test file `path`; throws Error (exit 2) when it cannot be read.
GoldenLoad load_golden_file(const std::string& path);
/// The same from text, as if it were the file `path`.
GoldenLoad load_golden_text(std::string_view text, const std::string& path);

}  // namespace kpi
