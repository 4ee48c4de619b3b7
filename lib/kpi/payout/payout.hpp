#pragma once
// The payout sheet (kpi payout): one row per person of a scored period, with the numbers
// a payroll system imports. Every number is score's own; nothing is computed again but
// the sum of the amounts.

#include <optional>
#include <string>
#include <vector>

#include "kpi/model/model.hpp"
#include "kpi/score/score.hpp"

namespace kpi {

struct PayoutRow {
  std::string id;
  std::string name;
  std::string unit;  ///< the unit the person is a member of (its id)
  std::optional<double> total;
  std::optional<double> coverage;
  /// The tier the total reaches, also when it is withheld; null without a total or tiers.
  std::optional<std::string> tier;
  std::optional<double> multiplier;
  std::optional<double> bonus_base;
  double active_share = 1;
  /// What is paid: score's reward amount; null when withheld, without a bonus_base or tier.
  std::optional<double> amount;
  std::optional<std::string> withheld;  ///< why the tier is withheld, else null
};

struct Payout {
  std::string workspace;
  std::string token;
  Period period;
  Date as_of;
  std::optional<int> precision = 2;  ///< settings.precision, for the totals' text
  std::vector<PayoutRow> people;     ///< definition order
  double total_amount = 0;           ///< the amounts added in row order
  int paid = 0;                      ///< rows with an amount
  int withheld = 0;                  ///< rows whose tier is withheld
  std::vector<Diagnostic> warnings;  ///< score's
};

/// The people of `scored` (units left out) with their bonus bases from `workspace`.
Payout build_payout(const Workspace& workspace, const ScoreResult& scored);

}  // namespace kpi
