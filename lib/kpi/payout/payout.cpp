#include "kpi/payout/payout.hpp"

#include <unordered_map>

namespace kpi {

Payout build_payout(const Workspace& workspace, const ScoreResult& scored) {
  Payout payout;
  payout.workspace = scored.workspace;
  payout.token = scored.token;
  payout.period = scored.period;
  payout.as_of = scored.as_of;
  payout.precision = scored.precision;
  payout.warnings = scored.warnings;
  std::unordered_map<std::string_view, const Person*> people;
  for (const Person& p : workspace.people) {
    people.emplace(p.id, &p);
  }
  for (const EntityScore& e : scored.entities) {
    if (e.is_unit) {
      continue;
    }
    PayoutRow row;
    row.id = e.id;
    row.name = e.name;
    row.unit = e.member_of.value_or("");
    row.total = e.total;
    row.coverage = e.coverage;
    const std::optional<Reward>& tier = e.reward ? e.reward : e.withheld_reward;
    if (tier) {
      row.tier = tier->label;
      row.multiplier = tier->multiplier;
    }
    if (const auto found = people.find(e.id); found != people.end()) {
      row.bonus_base = found->second->bonus_base;
    }
    row.active_share = e.active_share;
    row.amount = e.reward ? e.reward->amount : std::nullopt;
    row.withheld = e.withheld;
    if (row.amount) {
      payout.total_amount += *row.amount;
      ++payout.paid;
    }
    if (row.withheld) {
      ++payout.withheld;
    }
    payout.people.push_back(std::move(row));
  }
  return payout;
}

}  // namespace kpi
