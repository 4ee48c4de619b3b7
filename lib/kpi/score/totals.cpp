// Totals, unit roll-up, members_mean and rewards (scoring.md, "Totals").

#include <string>

#include "kpi/score/steps.hpp"

namespace kpi::score_steps {

std::optional<double> weighted_total(const std::vector<KpiScore>& kpis) {
  double weighted = 0;
  double weights = 0;
  bool any = false;
  for (const KpiScore& k : kpis) {
    if (!k.in_total || !k.score) {
      continue;
    }
    weighted += k.weight.value_or(0) * *k.score;
    weights += k.weight.value_or(0);
    any = true;
  }
  if (!any || weights == 0) {
    return std::nullopt;
  }
  return weighted / weights;
}

namespace {

/// Bottom-up over the unit tree. Children are taken in result order (people, then
/// units, each in definition order), which is also the order of the sum in the plain
/// mean; scoring.md does not fix that order.
class UnitRollUp {
 public:
  UnitRollUp(const Workspace& workspace, std::vector<EntityScore>& entities,
             const std::vector<bool>& has_kpis)
      : m_workspace(workspace), m_entities(entities), m_has_kpis(has_kpis) {
    m_state.assign(entities.size(), State::todo);
  }

  void run() {
    for (size_t i = 0; i < m_entities.size(); ++i) {
      if (m_entities[i].is_unit) {
        finish(i);
      }
    }
  }

 private:
  enum class State { todo, busy, done };

  /// The entity's final total: people and units with KPIs have theirs already.
  std::optional<double> total_of(size_t i) {
    if (m_entities[i].is_unit) {
      finish(i);
    }
    return m_entities[i].total;
  }

  void finish(size_t i) {
    if (m_state[i] != State::todo) {
      return;  // done, or a parent cycle (the loader refuses those): no total from it
    }
    m_state[i] = State::busy;
    const std::string& id = m_entities[i].id;
    double sum = 0;
    int count = 0;
    for (size_t c = 0; c < m_entities.size(); ++c) {
      if (!is_child(c, id) || m_state[c] == State::busy) {
        continue;
      }
      std::optional<double> t = total_of(c);
      if (t) {
        sum += *t;
        ++count;
      }
    }
    std::optional<double> mean;
    if (count > 0) {
      mean = round_total(sum / count, m_workspace.settings.precision);
    }
    m_entities[i].members_mean = mean;
    if (!m_has_kpis[i]) {
      m_entities[i].total = mean;
    }
    m_state[i] = State::done;
  }

  bool is_child(size_t c, const std::string& unit) const {
    const EntityScore& e = m_entities[c];
    if (!e.is_unit) {
      return e.member_of && *e.member_of == unit;
    }
    const Unit* u = m_workspace.find_unit(e.id);
    return u != nullptr && u->parent == unit;
  }

  const Workspace& m_workspace;
  std::vector<EntityScore>& m_entities;
  const std::vector<bool>& m_has_kpis;
  std::vector<State> m_state;
};

}  // namespace

void roll_up_units(const Workspace& workspace, std::vector<EntityScore>& entities,
                   const std::vector<bool>& has_kpis) {
  UnitRollUp(workspace, entities, has_kpis).run();
}

std::optional<Reward> reward_for(const Workspace& workspace, const Person& person,
                                 const std::optional<double>& total) {
  if (!total) {
    return std::nullopt;
  }
  for (const RewardTier& tier : workspace.rewards) {
    if (!tier.min || *tier.min <= *total) {
      Reward r{tier.label, tier.multiplier, std::nullopt};
      if (person.bonus_base) {
        r.amount = *person.bonus_base * tier.multiplier;
      }
      return r;
    }
  }
  return std::nullopt;  // no tier holds (no catch-all): no reward
}

}  // namespace kpi::score_steps
