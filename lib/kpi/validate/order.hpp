#pragma once
// The order findings are reported in (kpi-validate(1)): file by file, then by line and
// column.

#include <string>
#include <vector>

#include "kpi/error.hpp"

namespace kpi {

/// Sorts `findings` file by file in the order of `files` (a file not among them after
/// those, by name; findings without a file last), then by line and column; findings at
/// the same place keep their order.
void sort_findings(std::vector<Diagnostic>& findings, const std::vector<std::string>& files);

}  // namespace kpi
