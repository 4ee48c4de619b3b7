// kpi list: what is defined, one line per item, tab-separated for scripts.

#include <fmt/format.h>

#include <iostream>
#include <memory>

#include "command.hpp"
#include "diagnostics.hpp"
#include "kpi/render/visible.hpp"
#include "workspace.hpp"

namespace kpi::cli {

namespace {

struct ListOptions {
  std::string what = "kpis";
};

std::string number(double value) { return fmt::format("{}", value); }

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
              << number(f.scale) << '\n';
  }
}

void list_rewards(const Workspace& ws) {
  for (const RewardTier& r : ws.rewards) {
    std::cout << cell(r.label) << '\t' << (r.min ? number(*r.min) : "") << '\t'
              << number(r.multiplier) << '\n';
  }
}

int run_list(const ListOptions& opts, const GlobalOptions& global) {
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
  } else {
    list_rewards(ws);
  }
  return open.blocked ? k_exit_input : k_exit_ok;
}

}  // namespace

Runner setup_list(CLI::App& app) {
  auto opts = std::make_shared<ListOptions>();
  app.add_option("what", opts->what, "kpis (default), units, people, frames or rewards")
      ->check(CLI::IsMember({"kpis", "units", "people", "frames", "rewards"}));
  return [opts](const GlobalOptions& global) { return run_list(*opts, global); };
}

}  // namespace kpi::cli
