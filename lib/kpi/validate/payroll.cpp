// Checks on the fields payroll runs rely on: a person's active days, and `rollup_of`
// (scoring.md, "Actual" and "People who join or leave").

#include "kpi/validate/checks.hpp"

namespace kpi::checks {

namespace {

void check_rollup(Context& context, const Workspace& ws, const Kpi& k) {
  if (k.rollup_of.empty()) {
    return;
  }
  const SourceLocation& at = k.pos.at("rollup_of");
  if (k.is_formula()) {
    context.add("rollup-of", at,
                "KPI '" + k.id + "' has both a formula and 'rollup_of'; keep one of them");
  }
  const Kpi* other = ws.find_kpi(k.rollup_of);
  if (other == nullptr) {
    return;  // unknown-kpi says so
  }
  if (other->id == k.id) {
    context.add("rollup-of", at, "KPI '" + k.id + "' cannot roll up its own rows");
  } else if (other->is_formula()) {
    context.add("rollup-of", at,
                "'rollup_of' of " + k.id + " names the formula KPI '" + other->id +
                    "', which has no rows; name a measured KPI (or write a formula)");
  } else if (!other->rollup_of.empty()) {
    context.add("rollup-of", at,
                "'rollup_of' of " + k.id + " names '" + other->id +
                    "', itself a rollup with no rows of its own; name the KPI it rolls up");
  }
  for (const std::string& entity : ws.assignees_of(k)) {
    if (ws.find_person(entity) != nullptr) {
      context.add("rollup-of", k.pos.at(k.pos.has("assigned_to") ? "assigned_to" : "owner"),
                  "KPI '" + k.id + "' sets 'rollup_of' but is assigned to the person '" + entity +
                      "'; a rollup is assigned to units only");
      break;
    }
  }
}

}  // namespace

void check_payroll(Context& context) {
  const Workspace& ws = context.workspace();
  for (const Person& p : ws.people) {
    if (p.joined && p.left && *p.left < *p.joined) {
      context.add("joined-after-left", p.pos.at("left"),
                  "person '" + p.id + "' left on " + format_date(*p.left) + ", before joining on " +
                      format_date(*p.joined) +
                      "; 'left' is the last active day and cannot come before 'joined'");
    }
  }
  for (const Kpi& k : ws.kpis) {
    check_rollup(context, ws, k);
  }
}

}  // namespace kpi::checks
