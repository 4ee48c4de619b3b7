// System warnings about each entity's set of KPIs: weights that do not sum to 100
// when some weight is written, more KPIs than max_kpis_per_entity, only lagging
// indicators.

#include <algorithm>
#include <cmath>
#include <string_view>
#include <unordered_map>

#include "kpi/validate/checks.hpp"

namespace kpi::checks {

namespace {

struct Entity {
  std::string id;
  const Positions* pos;
};

/// The weight for `entity` after its overrides that have no period (the first written
/// wins on a tie, as in scoring).
double entity_weight(const Kpi& k, const std::string& entity) {
  for (const Override& o : k.overrides) {
    if (o.weight && o.entity == entity && !o.period) {
      return *o.weight;
    }
  }
  return k.weight;
}

bool writes_weight(const Kpi& k) {
  return k.pos.has("weight") || std::any_of(k.overrides.begin(), k.overrides.end(),
                                            [](const Override& o) { return o.weight.has_value(); });
}

void check_weights(Context& context, const Entity& e, const std::vector<const Kpi*>& kpis) {
  if (std::none_of(kpis.begin(), kpis.end(), [](const Kpi* k) { return writes_weight(*k); })) {
    return;
  }
  double sum = 0;
  std::string parts;
  for (const Kpi* k : kpis) {
    const double w = entity_weight(*k, e.id);
    sum += w;
    parts += (parts.empty() ? "" : ", ") + k->id + " " + format_number(w);
  }
  if (std::fabs(sum - 100) > 1e-9) {
    context.add("weights-sum", e.pos->mapping,
                "the weights of " + e.id + "'s KPIs sum to " + format_number(sum) + ", not 100 (" +
                    parts + "); change them so they sum to 100");
  }
}

void check_count(Context& context, const Entity& e, const std::vector<const Kpi*>& kpis,
                 int limit) {
  if (static_cast<int>(kpis.size()) > limit) {
    context.add("too-many-kpis", e.pos->mapping,
                e.id + " has " + std::to_string(kpis.size()) + " KPIs, more than " +
                    "max_kpis_per_entity " + std::to_string(limit) +
                    "; keep the few that matter or raise settings.max_kpis_per_entity");
  }
}

void check_lagging(Context& context, const Entity& e, const std::vector<const Kpi*>& kpis) {
  const bool all_lagging = std::all_of(
      kpis.begin(), kpis.end(), [](const Kpi* k) { return k->indicator == Indicator::lagging; });
  if (all_lagging) {
    context.add("only-lagging", e.pos->mapping,
                "all KPIs of " + e.id +
                    " are lagging indicators; add a leading one that shows early where they go");
  }
}

}  // namespace

void check_system(Context& context) {
  const Workspace& ws = context.workspace();
  std::vector<Entity> entities;
  for (const Unit& u : ws.units) {
    entities.push_back({u.id, &u.pos});
  }
  for (const Person& p : ws.people) {
    entities.push_back({p.id, &p.pos});
  }
  // Each entity's KPIs in definition order, each once, from one pass over the
  // assignees (not one pass over every KPI's assignees per entity).
  const std::vector<std::vector<std::string>> assignees = ws.assignees_of_all();
  std::unordered_map<std::string_view, std::vector<const Kpi*>> kpis_of;
  for (size_t i = 0; i < ws.kpis.size(); ++i) {
    for (const std::string& id : assignees[i]) {
      std::vector<const Kpi*>& list = kpis_of[id];
      if (list.empty() || list.back() != &ws.kpis[i]) {
        list.push_back(&ws.kpis[i]);
      }
    }
  }
  for (const Entity& e : entities) {
    auto found = kpis_of.find(e.id);
    if (found == kpis_of.end()) {
      continue;
    }
    const std::vector<const Kpi*>& kpis = found->second;
    check_weights(context, e, kpis);
    check_count(context, e, kpis, ws.settings.max_kpis_per_entity);
    check_lagging(context, e, kpis);
  }
}

}  // namespace kpi::checks
