// kpi show ID: every field of one KPI, unit, person or frame, and where it is written.

#include <fmt/format.h>

#include <iostream>
#include <memory>

#include "command.hpp"
#include "diagnostics.hpp"
#include "kpi/render/visible.hpp"
#include "kpi/util/suggest.hpp"
#include "workspace.hpp"

namespace kpi::cli {

namespace {

struct ShowOptions {
  std::string id;
};

using Fields = std::vector<std::pair<std::string, std::string>>;

std::string number(double value) { return fmt::format("{}", value); }

std::string place(const SourceLocation& at) {
  return fmt::format("{}:{}:{}", render::visible(at.file), at.line, at.column);
}

std::string join(const std::vector<std::string>& items) {
  std::string out;
  for (const std::string& item : items) {
    out += (out.empty() ? "" : ", ") + item;
  }
  return out;
}

std::string target_text(const Target& t) {
  return t.is_range ? fmt::format("[{}, {}]", t.low, t.high) : number(t.value());
}

void print_fields(const std::string& kind, const std::string& id, const Positions& pos,
                  const Fields& fields) {
  std::cout << kind << " " << render::visible(id) << "\n";
  size_t width = 10;
  for (const auto& [key, value] : fields) {
    width = std::max(width, key.size());
  }
  for (const auto& [key, value] : fields) {
    if (!value.empty()) {
      std::cout << "  " << key << std::string(width - key.size() + 2, ' ') << render::visible(value)
                << "\n";
    }
  }
  std::cout << "  "
            << "defined at" << std::string(width - 10 + 2, ' ') << place(pos.mapping) << "\n";
}

Fields kpi_fields(const Workspace& ws, const Kpi& k) {
  const Frame* frame = ws.frame_of(k);
  Fields f = {
      {"name", k.name},
      {"description", k.description.value_or("")},
      {"owner", k.owner},
      {"assigned to", join(ws.assignees_of(k))},
      {"unit", k.unit},
      {"source", k.source.value_or("")},
      {"direction", std::string(to_string(k.direction))},
      {"aggregate", k.is_formula() ? "" : std::string(to_string(k.aggregate))},
      {"formula", k.formula_text.value_or("")},
      {"period", k.period ? std::string(to_string(*k.period)) : ""},
      {"target", k.target ? target_text(*k.target) : "none (tracked, not scored)"},
      {"baseline", k.baseline ? number(*k.baseline) : ""},
      {"frame", frame ? frame->id : ""},
      {"weight", number(k.weight)},
      {"aligned to", k.aligned_to},
      {"cascade", k.cascade_sum ? "sum" : ""},
      {"type", k.type ? std::string(to_string(*k.type)) : ""},
      {"indicator", k.indicator ? std::string(to_string(*k.indicator)) : ""},
      {"group", k.group.value_or("")},
      {"deadline", k.deadline ? format_date(*k.deadline) : ""},
      {"tags", join(k.tags)},
  };
  std::vector<std::string> served_by;
  for (const Kpi& other : ws.kpis) {
    if (other.aligned_to == k.id) {
      served_by.push_back(other.id);
    }
  }
  f.emplace_back("served by", join(served_by));
  for (const Override& o : k.overrides) {
    std::string scope = o.entity.value_or("");
    if (!o.period_token.empty()) {
      scope += (scope.empty() ? "" : " in ") + o.period_token;
    }
    std::string what;
    if (o.target) {
      what += "target " + target_text(*o.target);
    }
    if (o.baseline) {
      what += (what.empty() ? "" : ", ") + std::string("baseline ") + number(*o.baseline);
    }
    if (o.weight) {
      what += (what.empty() ? "" : ", ") + std::string("weight ") + number(*o.weight);
    }
    f.emplace_back("override", scope + ": " + what + " (" + place(o.pos.mapping) + ")");
  }
  return f;
}

Fields frame_fields(const Frame& fr) {
  Fields f = {{"method", std::string(to_string(fr.method))},
              {"basis", std::string(to_string(fr.basis))},
              {"scale", number(fr.scale)}};
  for (const Band& b : fr.bands) {
    std::string bounds = b.is_catch_all() ? "otherwise"
                                          : fmt::format("{}{}{}", b.min ? number(*b.min) : "",
                                                        " <= x < ", b.max ? number(*b.max) : "");
    if (b.min && !b.max) {
      bounds = "x >= " + number(*b.min);
    } else if (!b.min && b.max) {
      bounds = "x < " + number(*b.max);
    }
    f.emplace_back("band", fmt::format("{}: {} points{}", bounds, b.points,
                                       b.label ? " (" + *b.label + ")" : ""));
  }
  for (const auto& [x, y] : fr.points) {
    f.emplace_back("point", fmt::format("{} -> {}", x, y));
  }
  if (fr.status) {
    f.emplace_back("status",
                   fmt::format("green >= {}, amber >= {}", fr.status->green, fr.status->amber));
  }
  return f;
}

int run_show(const ShowOptions& opts, const GlobalOptions& global) {
  OpenWorkspace open = open_workspace(global);
  const Workspace& ws = open.load.workspace;
  if (const Kpi* k = ws.find_kpi(opts.id)) {
    print_fields("kpi", k->id, k->pos, kpi_fields(ws, *k));
  } else if (const Person* p = ws.find_person(opts.id)) {
    print_fields("person", p->id, p->pos,
                 {{"name", p->name},
                  {"member of", p->member_of},
                  {"position", p->position},
                  {"bonus base", p->bonus_base ? number(*p->bonus_base) : ""}});
  } else if (const Unit* u = ws.find_unit(opts.id)) {
    print_fields("unit", u->id, u->pos,
                 {{"name", u->name}, {"parent", u->parent}, {"manager", u->manager}});
  } else if (const Frame* f = ws.find_frame(opts.id)) {
    print_fields("frame", f->id, f->pos, frame_fields(*f));
  } else {
    std::vector<std::string> ids;
    for (const Kpi& k : ws.kpis) {
      ids.push_back(k.id);
    }
    for (const Person& p : ws.people) {
      ids.push_back(p.id);
    }
    for (const Unit& u : ws.units) {
      ids.push_back(u.id);
    }
    for (const Frame& f : ws.frames) {
      ids.push_back(f.id);
    }
    Error error = usage_error("unknown-id", "no KPI, person, unit or frame '" + opts.id + "'");
    error.diagnostic.hint = did_you_mean(opts.id, ids);
    throw error;
  }
  return k_exit_ok;
}

}  // namespace

Runner setup_show(CLI::App& app) {
  auto opts = std::make_shared<ShowOptions>();
  app.add_option("id", opts->id, "A KPI, person, unit or frame id")->required();
  return [opts](const GlobalOptions& global) { return run_show(*opts, global); };
}

}  // namespace kpi::cli
