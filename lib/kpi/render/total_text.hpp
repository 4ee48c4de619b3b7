#pragma once
// Internal: how totals, coverage and withheld rewards read in the text outputs (table,
// md, the report's md and html), so that every one of them says the same thing.

#include <optional>
#include <string>

#include "kpi/score/score.hpp"

namespace kpi::render {

/// `value` rounded half away from zero (C's round) to exactly `decimals` places, thousands
/// separated by commas: (94.996, 2) -> "95.00", (94.996, 0) -> "95", -0.001 -> "0.00".
std::string fixed_number(double value, int decimals);

/// `value` cut toward zero after `decimals` places of its shortest decimal text, thousands
/// separated: (94.996, 2) -> "94.99", (0.1 + 0.2, 2) -> "0.30" (`keep_zeros`) or "0.3".
/// The text never reads as a larger double than `value`.
std::string truncated_number(double value, int decimals, bool keep_zeros);

/// A total or members' mean as scoring.md's "Totals" prints it: with the precision's
/// decimals (2 -> "95.00", 0 -> "95"); with precision `none`, 2 decimals rounded toward
/// zero, so that a total never shows above its tier's reach; the dash for null.
std::string human_total(const std::optional<double>& total, const std::optional<int>& precision);

/// Coverage in percent with at most 2 decimals cut toward zero, so that a partial
/// scorecard never reads as 100: 80 -> "80 %", 99.996 -> "99.99 %"; the dash for null.
std::string human_coverage(const std::optional<double>& coverage);

/// " (coverage 80 %)" when the coverage is known and below 100; "" otherwise.
std::string coverage_note(const EntityScore& e);

/// The reward as people read it: "withheld: " and the reason when the tier is withheld,
/// else "B ×1.5 = 12,000,000" (human_reward), or the dash.
std::string reward_text(const EntityScore& e);

/// The line of a total for people: "82.50 (coverage 80 %)", then " · not active in the
/// period" for a person without active days.
std::string total_text(const ScoreResult& result, const EntityScore& e);

}  // namespace kpi::render
