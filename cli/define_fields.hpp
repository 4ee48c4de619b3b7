#pragma once
// The fields of `kpi define` as the user gives them (flags or answers), and their
// conversion into a Kpi.

#include <optional>
#include <string>
#include <vector>

#include "kpi/model/model.hpp"

namespace kpi::cli {

/// Every KPI field of kpi-format(5) as text; empty optionals were not given.
struct DefineFields {
  std::optional<std::string> name, description, owner, unit, source, direction, aggregate, period,
      target, baseline, frame, weight, aligned_to, type, indicator, group, formula, deadline;
  std::vector<std::string> assigned_to;  ///< ids, or the one word `members`
  std::vector<std::string> tags;
};

/// The required fields not given (name, owner, unit, period), as their flags.
std::vector<std::string> missing_required(const DefineFields& fields);

/// The KPI the fields describe. Throws Error (exit 2) naming the flag of a value that
/// cannot be read (a target that is not a number, a direction not in the list...).
Kpi to_kpi(const std::string& id, const DefineFields& fields);

/// Splits "a, b,c" into its trimmed, non-empty parts.
std::vector<std::string> split_list(const std::string& text);

}  // namespace kpi::cli
