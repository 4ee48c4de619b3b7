// cascade-gap: the KPIs aligned_to a `cascade: sum` parent with the same unit of
// measure should have targets adding up to the parent's. Children are rolled up to
// the parent's period slot that holds the reference date (a weekly child's targets
// over the parent's month), each with its own KPI-level target (no entity overrides).

#include <algorithm>
#include <cmath>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "kpi/score/targets.hpp"
#include "kpi/validate/checks.hpp"

namespace kpi::checks {

namespace {

/// A single-number target rolled up over `slot`, or nothing (no target, or a range).
std::optional<double> rolled_target(const Kpi& k, const Period& slot) {
  RolledUp r = roll_up(k, "", slot);
  if (!r.target || r.target->is_range) {
    return std::nullopt;
  }
  return r.target->value();
}

/// The KPIs aligned_to each id, in definition order.
using Children = std::unordered_map<std::string_view, std::vector<const Kpi*>>;

void check_parent(Context& context, const Kpi& parent, const Children& aligned) {
  if (!parent.period) {
    return;
  }
  const Period slot = slot_containing(*parent.period, context.reference());
  const std::optional<double> goal = rolled_target(parent, slot);
  if (!goal) {
    return;
  }
  auto found = aligned.find(parent.id);
  if (found == aligned.end()) {
    return;
  }
  double sum = 0;
  int children = 0;
  for (const Kpi* child : found->second) {
    const Kpi& k = *child;
    if (k.unit != parent.unit || &k == &parent || !k.period) {
      continue;
    }
    if (std::optional<double> t = rolled_target(k, slot)) {
      sum += *t;
      ++children;
    }
  }
  const double gap = *goal - sum;
  if (children == 0 || std::fabs(gap) <= 1e-9 * std::max(1.0, std::fabs(*goal))) {
    return;
  }
  context.add("cascade-gap", parent.pos.at("cascade"),
              "children of " + parent.id + " add up to " + format_number(sum) + ", " +
                  format_number(std::fabs(gap)) + (gap > 0 ? " short of" : " over") +
                  " its target " + format_number(*goal) +
                  "; change the children's targets or the parent's");
}

}  // namespace

void check_cascade(Context& context) {
  const std::vector<Kpi>& kpis = context.workspace().kpis;
  if (std::none_of(kpis.begin(), kpis.end(), [](const Kpi& k) { return k.cascade_sum; })) {
    return;
  }
  Children aligned;
  for (const Kpi& k : kpis) {
    aligned[k.aligned_to].push_back(&k);
  }
  for (const Kpi& k : kpis) {
    if (k.cascade_sum) {
      check_parent(context, k, aligned);
    }
  }
}

}  // namespace kpi::checks
