#pragma once
// Shared by the validate tests: a clean base workspace, a KPI builder with a fixed
// field order (so that positions can be worked out by hand), and finding pickers.

#include <boost/test/unit_test.hpp>
#include <string>
#include <utility>
#include <vector>

#include "kpi/validate/validate.hpp"
#include "kpi/yaml/definitions.hpp"

namespace kpi::vtest {

/// 15 lines: a frame, a unit and a person; nothing to find. `kpis:` goes on line 16,
/// the first KPI's `- id:` on line 17.
inline const std::string k_base =
    "version: 1\n"                     // 1
    "name: T\n"                        // 2
    "frames:\n"                        // 3
    "  - id: standard\n"               // 4
    "    scale: 5\n"                   // 5
    "    bands:\n"                     // 6
    "      - {min: 100, points: 5}\n"  // 7
    "      - {points: 0}\n"            // 8
    "units:\n"                         // 9
    "  - id: company\n"                // 10
    "    name: Company\n"              // 11
    "people:\n"                        // 12
    "  - id: alice\n"                  // 13
    "    name: Alice\n"                // 14
    "    member_of: company\n";        // 15

using Fields = std::vector<std::pair<std::string, std::string>>;

/// A KPI block. Lines, from the `- id:` line L: name L+1, description L+2, owner L+3,
/// unit L+4, source L+5, period L+6, target L+7, type L+8, then `changes` that are not
/// default fields, in order. A change replaces a default's value; "~" drops the field.
/// The value of `key` starts at column 7 + key length (`    key: value`).
inline std::string block(const std::string& id, const Fields& changes = {}) {
  Fields fields = {{"name", "Revenue"},  {"description", "Net revenue in the month"},
                   {"owner", "company"}, {"unit", "VND"},
                   {"source", "ERP"},    {"period", "monthly"},
                   {"target", "100"},    {"type", "strategic"}};
  Fields extra;
  for (const auto& [key, value] : changes) {
    bool found = false;
    for (auto& field : fields) {
      if (field.first == key) {
        field.second = value;
        found = true;
      }
    }
    if (!found) {
      extra.emplace_back(key, value);
    }
  }
  std::string text = "  - id: " + id + "\n";
  for (const auto& [key, value] : fields) {
    if (value != "~") {
      text += "    " + key + ": " + value + "\n";
    }
  }
  for (const auto& [key, value] : extra) {
    text += "    " + key + ": " + value + "\n";
  }
  return text;
}

/// The validator's findings for a workspace text, as of 2026-11-23; the loader must have
/// found nothing (a test of the validator must not pass on a loader finding).
inline std::vector<Diagnostic> check(const std::string& text,
                                     Date reference = make_date(2026, 11, 23)) {
  LoadResult load = load_workspace_text(text, "kpi.yaml");
  for (const Diagnostic& d : load.diagnostics) {
    BOOST_TEST_MESSAGE("loader: " << d.where.line << ":" << d.where.column << " " << d.rule << ": "
                                  << d.message);
  }
  BOOST_REQUIRE(load.diagnostics.empty());
  return validate_workspace(load.workspace, reference);
}

/// The findings of one rule.
inline std::vector<Diagnostic> of_rule(const std::vector<Diagnostic>& findings,
                                       const std::string& rule) {
  std::vector<Diagnostic> picked;
  for (const Diagnostic& d : findings) {
    if (d.rule == rule) {
      picked.push_back(d);
    }
  }
  return picked;
}

/// The one finding of `rule`; fails when there is none or several.
inline Diagnostic one(const std::vector<Diagnostic>& findings, const std::string& rule) {
  for (const Diagnostic& d : findings) {
    BOOST_TEST_MESSAGE(d.where.line << ":" << d.where.column << " " << d.rule << ": " << d.message);
  }
  std::vector<Diagnostic> picked = of_rule(findings, rule);
  BOOST_REQUIRE_EQUAL(picked.size(), 1u);
  return picked.front();
}

/// "line:column".
inline std::string at(const Diagnostic& d) {
  return std::to_string(d.where.line) + ":" + std::to_string(d.where.column);
}

}  // namespace kpi::vtest
