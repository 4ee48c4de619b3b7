// Whose rows a `rollup_of` KPI takes (scoring.md, "Actual").

#include <set>

#include "kpi/score/steps.hpp"

namespace kpi::score_steps {

std::vector<int> rollup_members(const Workspace& workspace, const MeasurementIndex& index,
                                const std::string& unit) {
  std::set<std::string> units = {unit};
  for (bool grew = true; grew;) {  // a fixpoint, safe on (invalid) parent cycles
    grew = false;
    for (const Unit& u : workspace.units) {
      if (units.count(u.parent) != 0 && units.insert(u.id).second) {
        grew = true;
      }
    }
  }
  std::vector<int> out;
  for (const Person& p : workspace.people) {
    if (units.count(p.member_of) != 0) {
      if (std::optional<int> e = index.entity(p.id)) {
        out.push_back(*e);
      }
    }
  }
  for (const std::string& id : units) {
    if (std::optional<int> e = index.entity(id)) {
      out.push_back(*e);
    }
  }
  return out;
}

}  // namespace kpi::score_steps
