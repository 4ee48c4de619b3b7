// kpi list: what is defined, one line per item, tab-separated for scripts.

#include <fmt/format.h>

#include <iostream>
#include <memory>
#include <optional>

#include "command.hpp"
#include "diagnostics.hpp"
#include "kpi/error.hpp"
#include "kpi/render/visible.hpp"
#include "workspace.hpp"

namespace kpi::cli {

namespace {

struct ListOptions {
  std::string what = "kpis";
  bool ids = false;  ///< --ids: ids only, quietly, for shell completion
};

std::string number_text(double value) { return fmt::format("{}", value); }

/// A field as one safe cell: no tab or line break that would shift the columns, no escape
/// sequence for the terminal.
std::string cell(const std::string& text) { return render::visible(text); }

void list_kpis(const Workspace& ws) {
  for (const Kpi& k : ws.kpis) {
    std::string period = k.period ? std::string(to_string(*k.period)) : "";
    std::cout << cell(k.id) << '\t' << cell(k.name) << '\t' << cell(k.owner) << '\t' << period
              << '\t' << cell(k.unit) << '\n';
  }
}

void list_units(const Workspace& ws) {
  for (const Unit& u : ws.units) {
    std::cout << cell(u.id) << '\t' << cell(u.name) << '\t' << cell(u.parent) << '\n';
  }
}

void list_people(const Workspace& ws) {
  for (const Person& p : ws.people) {
    std::cout << cell(p.id) << '\t' << cell(p.name) << '\t' << cell(p.member_of) << '\n';
  }
}

void list_frames(const Workspace& ws) {
  for (const Frame& f : ws.frames) {
    std::cout << cell(f.id) << '\t' << to_string(f.method) << '\t' << to_string(f.basis) << '\t'
              << number_text(f.scale) << '\n';
  }
}

void list_rewards(const Workspace& ws) {
  for (const RewardTier& r : ws.rewards) {
    std::cout << cell(r.label) << '\t' << (r.min ? number_text(*r.min) : "") << '\t'
              << number_text(r.multiplier) << '\n';
  }
}

/// --ids: one id a line, and nothing on stderr whatever the workspace's state, so that
/// a completion script can call it on every TAB.
int list_ids(const ListOptions& opts, const GlobalOptions& global) {
  std::optional<OpenWorkspace> open;
  try {
    open.emplace(open_workspace(global));
  } catch (const Error& e) {
    return e.exit_status;  // no workspace here: nothing to complete, and nothing to say
  }
  const Workspace& ws = open->load.workspace;
  const std::string& what = opts.what;
  const bool all = what == "all";
  auto print = [](const auto& items, auto id_of) {
    for (const auto& item : items) {
      std::cout << cell(id_of(item)) << '\n';
    }
  };
  auto id = [](const auto& item) -> const std::string& { return item.id; };
  if (what == "kpis" || all) {
    print(ws.kpis, id);
  }
  if (what == "people" || what == "entities" || all) {
    print(ws.people, id);
  }
  if (what == "units" || what == "entities" || all) {
    print(ws.units, id);
  }
  if (what == "frames" || all) {
    print(ws.frames, id);
  }
  if (what == "sources" || all) {
    print(ws.sources, id);
  }
  if (what == "rewards") {
    print(ws.rewards, [](const RewardTier& r) -> const std::string& { return r.label; });
  }
  return k_exit_ok;
}

int run_list(const ListOptions& opts, const GlobalOptions& global) {
  if (opts.ids) {
    return list_ids(opts, global);
  }
  OpenWorkspace open = open_workspace(global);
  if (open.blocked) {
    // Still list what could be read: list is how people look into a broken workspace.
    std::vector<Diagnostic> errors;
    for (const Diagnostic& d : open.findings) {
      if (d.severity == Severity::error) {
        errors.push_back(d);
      }
    }
    print_diagnostics(std::cerr, errors, global);
  }
  const Workspace& ws = open.load.workspace;
  if (opts.what == "kpis") {
    list_kpis(ws);
  } else if (opts.what == "units") {
    list_units(ws);
  } else if (opts.what == "people") {
    list_people(ws);
  } else if (opts.what == "frames") {
    list_frames(ws);
  } else if (opts.what == "rewards") {
    list_rewards(ws);
  } else {
    throw usage_error(
        "bad-value",
        "'" + opts.what + "' is listed with --ids only (kpi list --ids " + opts.what + ")");
  }
  return open.blocked ? k_exit_input : k_exit_ok;
}

}  // namespace

Runner setup_list(CLI::App& app) {
  auto opts = std::make_shared<ListOptions>();
  app.add_option("what", opts->what,
                 "kpis (default), units, people, frames or rewards; with --ids also entities "
                 "(people and units), sources or all")
      ->check(CLI::IsMember(
          {"kpis", "units", "people", "frames", "rewards", "entities", "sources", "all"}));
  app.add_flag("--ids", opts->ids,
               "Ids only, one a line, and no messages even for a broken workspace (for "
               "shell completion)");
  return [opts](const GlobalOptions& global) { return run_list(*opts, global); };
}

}  // namespace kpi::cli
