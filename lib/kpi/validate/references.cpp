// References that do not resolve: owner, assigned_to and override entities name an
// entity; parent and member_of a unit; manager a person; aligned_to and formula
// operands a KPI; frame and settings.default_frame a frame. Each with a did-you-mean.

#include <functional>
#include <unordered_set>

#include "kpi/util/quote.hpp"
#include "kpi/util/suggest.hpp"
#include "kpi/validate/checks.hpp"

namespace kpi::checks {

namespace {

/// The ids of one namespace: in definition order for did-you-mean (the first of equally
/// near candidates is suggested) and hashed for the lookups, one per reference.
struct Known {
  std::vector<std::string> ids;
  std::unordered_set<std::string> set;

  void add(const std::string& id) {
    ids.push_back(id);
    set.insert(id);
  }
  bool contains(const std::string& id) const { return set.count(id) != 0; }
};

struct Names {
  Known units;
  Known people;
  Known entities;
  Known kpis;
  Known frames;
};

Names collect_names(const Workspace& ws) {
  Names names;
  for (const Unit& u : ws.units) {
    names.units.add(u.id);
    names.entities.add(u.id);
  }
  for (const Person& p : ws.people) {
    names.people.add(p.id);
    names.entities.add(p.id);
  }
  for (const Kpi& k : ws.kpis) {
    names.kpis.add(k.id);
  }
  for (const Frame& f : ws.frames) {
    names.frames.add(f.id);
  }
  return names;
}

/// Reports `id` under `rule` unless it is one of `known`.
void resolve(Context& context, std::string_view rule, const std::string& id, const Known& known,
             const SourceLocation& where, const std::string& kind, const std::string& field) {
  if (id.empty() || known.contains(id)) {
    return;
  }
  context.add(
      rule, where,
      "unknown " + kind + " " + quote(id) + " in " + field + "; fix the name or define the " + kind,
      did_you_mean(id, known.ids));
}

void walk_refs(const Expr& expr, const std::function<void(const Expr&)>& visit) {
  if (expr.kind == Expr::Kind::ref) {
    visit(expr);
  }
  if (expr.lhs) {
    walk_refs(*expr.lhs, visit);
  }
  if (expr.rhs) {
    walk_refs(*expr.rhs, visit);
  }
}

void check_kpi(Context& context, const Names& names, const Kpi& k) {
  resolve(context, "unknown-entity", k.owner, names.entities, k.pos.at("owner"), "entity",
          "owner of " + k.id);
  for (size_t i = 0; i < k.assigned_to.size(); ++i) {
    const SourceLocation& at =
        i < k.assigned_to_positions.size() ? k.assigned_to_positions[i] : k.pos.at("assigned_to");
    resolve(context, "unknown-entity", k.assigned_to[i], names.entities, at, "entity",
            "assigned_to of " + k.id);
  }
  for (const Override& o : k.overrides) {
    if (o.entity) {
      resolve(context, "unknown-entity", *o.entity, names.entities, o.pos.at("entity"), "entity",
              "an override of " + k.id);
    }
  }
  resolve(context, "unknown-kpi", k.aligned_to, names.kpis, k.pos.at("aligned_to"), "KPI",
          "aligned_to of " + k.id);
  resolve(context, "unknown-frame", k.frame, names.frames, k.pos.at("frame"), "frame",
          "frame of " + k.id);
  resolve(context, "unknown-kpi", k.rollup_of, names.kpis, k.pos.at("rollup_of"), "KPI",
          "rollup_of of " + k.id);
  if (k.formula) {
    const bool exact = k.formula_start.line > 0;
    const SourceLocation& at = exact ? k.formula_start : k.pos.at("formula");
    walk_refs(*k.formula, [&](const Expr& ref) {
      resolve(context, "unknown-kpi", ref.ref, names.kpis, exact ? shifted(at, ref.column - 1) : at,
              "KPI", "formula of " + k.id);
    });
  }
}

}  // namespace

void check_references(Context& context) {
  const Workspace& ws = context.workspace();
  const Names names = collect_names(ws);
  resolve(context, "unknown-frame", ws.settings.default_frame, names.frames,
          ws.settings.pos.at("default_frame"), "frame", "settings.default_frame");
  for (const Unit& u : ws.units) {
    resolve(context, "unknown-unit", u.parent, names.units, u.pos.at("parent"), "unit",
            "parent of " + u.id);
    resolve(context, "unknown-person", u.manager, names.people, u.pos.at("manager"), "person",
            "manager of " + u.id);
  }
  for (const Person& p : ws.people) {
    resolve(context, "unknown-unit", p.member_of, names.units, p.pos.at("member_of"), "unit",
            "member_of of " + p.id);
  }
  for (const Kpi& k : ws.kpis) {
    check_kpi(context, names, k);
  }
}

}  // namespace kpi::checks
