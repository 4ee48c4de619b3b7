// Cycles among unit parents, aligned_to links and formulas. Each cycle is reported
// once, at the link leaving its earliest-defined member, naming the path a -> b -> a.

#include <fmt/format.h>

#include <algorithm>
#include <functional>
#include <map>
#include <set>

#include "kpi/validate/checks.hpp"

namespace kpi::checks {

namespace {

struct Edge {
  int to = 0;
  SourceLocation where;  ///< the value that makes the link
};

/// Nodes in definition order; `edges[n]` the links leaving node n, in written order.
struct Graph {
  std::vector<std::string> ids;
  std::vector<std::vector<Edge>> edges;
};

/// A cycle's message names at most this many members; a longer one shows its first
/// members, then how many are left out. 6,000 cycles through one long path thus take
/// memory in proportion to their number, not to the sum of their lengths.
constexpr size_t k_max_shown = 10;

struct Cycle {
  std::vector<int> nodes;  ///< its first members, from its earliest-defined one
  size_t length = 0;       ///< members in all
  SourceLocation where;
};

/// The cycle path[from..] (closing back to path[from]), starting at its smallest node
/// index, with at most k_max_shown members kept.
Cycle canonical(const std::vector<std::pair<int, size_t>>& path, size_t from) {
  size_t first = from;
  for (size_t i = from; i < path.size(); ++i) {
    if (path[i].first < path[first].first) {
      first = i;
    }
  }
  Cycle c;
  c.length = path.size() - from;
  for (size_t i = 0; i < c.length && i < k_max_shown; ++i) {
    c.nodes.push_back(path[from + (first - from + i) % c.length].first);
  }
  return c;
}

/// Depth-first search without recursion (a long parent chain must not exhaust the
/// stack); every edge back into the current path closes one cycle.
std::vector<Cycle> find_cycles(const Graph& g) {
  const int n = static_cast<int>(g.ids.size());
  std::vector<int> state(n, 0);  // 0 new, 1 on the path, 2 done
  std::vector<int> depth(n, -1);
  std::set<std::pair<int, int>> seen;  // back links: each closes one cycle
  std::vector<Cycle> cycles;
  for (int root = 0; root < n; ++root) {
    if (state[root] != 0) {
      continue;
    }
    std::vector<std::pair<int, size_t>> path = {{root, 0}};
    state[root] = 1;
    depth[root] = 0;
    while (!path.empty()) {
      auto& [node, next] = path.back();
      if (next == g.edges[node].size()) {
        state[node] = 2;
        path.pop_back();
        continue;
      }
      const Edge& edge = g.edges[node][next++];
      if (state[edge.to] == 0) {
        state[edge.to] = 1;
        depth[edge.to] = static_cast<int>(path.size());
        path.push_back({edge.to, 0});
      } else if (state[edge.to] == 1) {
        // The path to the current node is the tree's, so a back link names its cycle;
        // a formula naming an operand twice gives the same link twice.
        if (seen.insert({node, edge.to}).second) {
          cycles.push_back(canonical(path, static_cast<size_t>(depth[edge.to])));
        }
      }
    }
  }
  // The link leaving the first member towards the second is where the cycle shows.
  for (Cycle& c : cycles) {
    int from = c.nodes.front();
    int to = c.length > 1 ? c.nodes[1] : from;
    for (const Edge& e : g.edges[from]) {
      if (e.to == to) {
        c.where = e.where;
        break;
      }
    }
  }
  return cycles;
}

std::string path_text(const Graph& g, const Cycle& c) {
  std::string text;
  for (int node : c.nodes) {
    text += g.ids[node] + " -> ";
  }
  if (c.length > c.nodes.size()) {
    text += fmt::format("… ({} more) -> ", c.length - c.nodes.size());
  }
  return text + g.ids[c.nodes.front()];
}

template <typename T>
std::map<std::string, int> index_of(const std::vector<T>& items) {
  std::map<std::string, int> index;
  for (size_t i = 0; i < items.size(); ++i) {
    index.emplace(items[i].id, static_cast<int>(i));  // the first definition wins
  }
  return index;
}

void add_refs(const Expr& expr, const std::map<std::string, int>& index, const SourceLocation& at,
              std::vector<Edge>& edges) {
  if (expr.kind == Expr::Kind::ref) {
    auto it = index.find(expr.ref);
    if (it != index.end()) {
      edges.push_back(Edge{it->second, shifted(at, expr.column - 1)});
    }
  }
  if (expr.lhs) {
    add_refs(*expr.lhs, index, at, edges);
  }
  if (expr.rhs) {
    add_refs(*expr.rhs, index, at, edges);
  }
}

void report(Context& context, const Graph& g, std::string_view rule, const std::string& what,
            const std::string& fix) {
  for (const Cycle& c : find_cycles(g)) {
    context.add(rule, c.where, what + " form a cycle: " + path_text(g, c) + "; " + fix);
  }
}

}  // namespace

void check_cycles(Context& context) {
  const Workspace& ws = context.workspace();

  Graph units;
  const std::map<std::string, int> unit_index = index_of(ws.units);
  for (const Unit& u : ws.units) {
    units.ids.push_back(u.id);
    units.edges.emplace_back();
    auto it = unit_index.find(u.parent);
    if (!u.parent.empty() && it != unit_index.end()) {
      units.edges.back().push_back(Edge{it->second, u.pos.at("parent")});
    }
  }
  report(context, units, "unit-cycle", "unit parents", "remove one of these parent links");

  const std::map<std::string, int> kpi_index = index_of(ws.kpis);
  Graph aligned;
  Graph formulas;
  for (const Kpi& k : ws.kpis) {
    aligned.ids.push_back(k.id);
    aligned.edges.emplace_back();
    auto it = kpi_index.find(k.aligned_to);
    if (!k.aligned_to.empty() && it != kpi_index.end()) {
      aligned.edges.back().push_back(Edge{it->second, k.pos.at("aligned_to")});
    }
    formulas.ids.push_back(k.id);
    formulas.edges.emplace_back();
    if (k.formula) {
      add_refs(*k.formula, kpi_index, k.pos.at("formula"), formulas.edges.back());
    }
  }
  report(context, aligned, "alignment-cycle", "aligned_to links",
         "align one of these KPIs to a goal outside the loop");
  report(context, formulas, "formula-cycle", "formulas",
         "make one of these KPIs a measured KPI or change its formula");
}

}  // namespace kpi::checks
