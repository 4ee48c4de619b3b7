// duplicate-id: units and people share one namespace; KPIs, frames and reward tiers
// (by label, their only name) each have their own. The second definition is reported,
// naming the line of the first.

#include <algorithm>
#include <map>
#include <tuple>

#include "kpi/util/quote.hpp"
#include "kpi/validate/checks.hpp"

namespace kpi::checks {

namespace {

struct Seen {
  std::string kind;
  SourceLocation where;
};

/// Records `id`; reports it when it was seen before in the same namespace.
void note(Context& context, std::map<std::string, Seen>& seen, const std::string& id,
          const std::string& kind, const Positions& pos, const std::string& key) {
  if (id.empty()) {
    return;
  }
  auto [it, inserted] = seen.emplace(id, Seen{kind, pos.at(key)});
  if (inserted) {
    return;
  }
  context.add("duplicate-id", pos.at(key),
              kind + " " + key + " " + quote(id) + " is already used by the " + it->second.kind +
                  " defined at " + line_of(it->second.where) + "; rename one of them");
}

}  // namespace

void check_duplicates(Context& context) {
  const Workspace& ws = context.workspace();
  // Units and people are both listed in definition order, but interleave across files:
  // whichever comes first in the files is the first definition.
  std::map<std::string, Seen> entities;
  std::vector<std::pair<const Positions*, std::pair<std::string, std::string>>> order;
  for (const Unit& u : ws.units) {
    order.push_back({&u.pos, {u.id, "unit"}});
  }
  for (const Person& p : ws.people) {
    order.push_back({&p.pos, {p.id, "person"}});
  }
  // Each definition's rank computed once (file index, line, column), not per comparison.
  std::map<std::string, size_t> file_index;
  for (size_t i = 0; i < ws.files.size(); ++i) {
    file_index.emplace(ws.files[i], i);  // the first listing of a file counts
  }
  std::vector<std::tuple<size_t, int, int, size_t>> ranked;  // ..., index into order
  ranked.reserve(order.size());
  for (size_t i = 0; i < order.size(); ++i) {
    const SourceLocation& at = order[i].first->mapping;
    auto it = file_index.find(at.file);
    ranked.emplace_back(it == file_index.end() ? ws.files.size() : it->second, at.line, at.column,
                        i);
  }
  std::sort(ranked.begin(), ranked.end());  // the index last: ties keep their order
  for (const auto& entry : ranked) {
    const auto& [pos, what] = order[std::get<3>(entry)];
    note(context, entities, what.first, what.second, *pos, "id");
  }

  std::map<std::string, Seen> kpis;
  for (const Kpi& k : ws.kpis) {
    note(context, kpis, k.id, "KPI", k.pos, "id");
  }
  std::map<std::string, Seen> frames;
  for (const Frame& f : ws.frames) {
    note(context, frames, f.id, "frame", f.pos, "id");
  }
  std::map<std::string, Seen> rewards;
  for (const RewardTier& r : ws.rewards) {
    note(context, rewards, r.label, "reward tier", r.pos, "label");
  }
}

}  // namespace kpi::checks
