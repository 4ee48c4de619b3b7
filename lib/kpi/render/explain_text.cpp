// kpi explain for people: the path of the number as titled steps, printed as indented
// text or as Markdown from the same steps, so that both say the same thing.

#include <fmt/format.h>

#include "kpi/render/escape.hpp"
#include "kpi/render/render.hpp"
#include "kpi/render/text.hpp"
#include "kpi/render/total_text.hpp"
#include "kpi/render/visible.hpp"

namespace kpi {

namespace {

using render::human_number;
using render::plain_number;

/// How many counted rows are listed at each end, and left-out rows in all.
constexpr size_t k_rows_each_end = 5;
constexpr size_t k_excluded_listed = 5;

struct Step {
  std::string title;
  std::vector<std::string> lines;
};

std::string stamp(const Period& p) {
  const std::string token = period_token(p);
  return token.empty() ? format_date(p.start) + ".." + format_date(p.end) : token;
}

std::string range(const Period& p) { return format_date(p.start) + ".." + format_date(p.end); }

std::string row_line(const ExplainedRow& r) {
  if (!r.table.empty()) {
    // A table's rows come added up: one line per spelling of the entity and range of days.
    std::string line = render::place_text(r.where) + "  table " + r.table + "  " + range(r.stamp) +
                       "  " + std::to_string(r.rows) + (r.rows == 1 ? " row" : " rows");
    if (r.value) {
      line += ", sum " + plain_number(*r.value);
    }
    return r.reason.empty() ? line : line + "  (" + r.reason + ")";
  }
  std::string line = render::place_text(r.where) + "  " + stamp(r.stamp);
  if (r.value) {
    line += "  " + plain_number(*r.value);
  }
  if (!r.reason.empty()) {
    line += "  (" + r.reason + ")";
  }
  return line;
}

/// The rows the lines stand for: one each, a table's group its count.
int64_t rows_in(const std::vector<ExplainedRow>& lines) {
  int64_t n = 0;
  for (const ExplainedRow& r : lines) {
    n += r.rows;
  }
  return n;
}

std::string percent(double share) { return human_number(100 * share, 2) + " %"; }

Step rows_step(const ExplainedKpi& k) {
  Step step{"Rows", {}};
  if (k.kpi->is_formula()) {
    step.title = "Formula";
    step.lines.push_back(k.kpi->formula_text.value_or(""));
    for (const ExplainedOperand& op : k.operands) {
      step.lines.push_back(
          op.id + " = " +
          (op.actual ? plain_number(*op.actual) : "missing (" + op.reason.value_or("") + ")"));
    }
    return step;
  }
  const size_t n = k.counted.size();
  const int64_t rows = rows_in(k.counted);
  step.lines.push_back(
      fmt::format("{} row{} of {} counted", rows, rows == 1 ? "" : "s", k.rows_of));
  for (size_t i = 0; i < n; ++i) {
    if (n > 2 * k_rows_each_end && i == k_rows_each_end) {
      step.lines.push_back(fmt::format("... {} more ...", n - 2 * k_rows_each_end));
      i = n - k_rows_each_end;
    }
    step.lines.push_back("  " + row_line(k.counted[i]));
  }
  if (!k.excluded.empty()) {
    std::string counts;
    for (const auto& [reason, count] : k.excluded_by) {
      counts += (counts.empty() ? "" : ", ") + fmt::format("{} {}", count, reason);
    }
    step.lines.push_back(fmt::format("{} left out: {}", rows_in(k.excluded), counts));
    size_t listed = 0;
    for (const ExplainedRow& r : k.excluded) {
      if (r.reason == fate_name(RowFate::outside_period) || listed == k_excluded_listed) {
        continue;  // rows of other periods are only counted
      }
      step.lines.push_back("  " + row_line(r));
      ++listed;
    }
  }
  return step;
}

Step actual_step(const ExplainedKpi& k) {
  const KpiScore& s = k.score;
  Step step{"Actual", {}};
  if (!s.actual) {
    step.lines.push_back((s.missing ? "missing: " : "none: ") + s.reason.value_or("no data"));
    if (s.in_total) {
      step.lines.push_back("missing: zero keeps it in the total with score 0");
    }
    return step;
  }
  if (k.kpi->is_formula()) {
    step.lines.push_back("the formula = " + plain_number(*s.actual));
  } else {
    const int64_t n = s.rows.value_or(0);
    step.lines.push_back(fmt::format("{} of {} row{} = {}", to_string(k.kpi->aggregate), n,
                                     n == 1 ? "" : "s", plain_number(*s.actual)));
  }
  return step;
}

std::string target_text(const std::optional<Target>& t) {
  if (!t) {
    return "none";
  }
  return t->is_range ? "[" + plain_number(t->low) + ", " + plain_number(t->high) + "]"
                     : plain_number(t->value());
}

Step target_step(const ExplainedKpi& k) {
  Step step{"Target", {}};
  for (const ExplainedSlot& slot : k.slots) {
    std::string line = describe_period(slot.slot) + ": " + target_text(slot.target);
    if (slot.target) {
      line += " x " + plain_number(slot.factor);
      line += slot.target_from ? " (override at " + render::place_text(*slot.target_from) + ")"
                               : " (the KPI's own target)";
    }
    if (slot.baseline) {
      line += ", baseline " + plain_number(*slot.baseline);
    }
    step.lines.push_back("  " + line);
  }
  step.lines.push_back("rolled up: " + target_text(k.score.target) +
                       (k.score.baseline ? ", baseline " + plain_number(*k.score.baseline) : ""));
  return step;
}

Step grade_step(const ExplainedKpi& k) {
  const KpiScore& s = k.score;
  Step step{"Score", {}};
  if (!k.achievement_formula.empty()) {
    step.lines.push_back(fmt::format("achievement ({} basis, {}): {}", to_string(k.frame->basis),
                                     to_string(k.kpi->direction), k.achievement_formula));
  }
  if (!s.points) {
    step.lines.push_back("unscored: " + s.reason.value_or("no points"));
    return step;
  }
  std::string band = s.label ? *s.label + ": " : "";
  step.lines.push_back(fmt::format("{}{} points of {}, score {}, status {}", band,
                                   plain_number(*s.points), plain_number(k.frame->scale),
                                   plain_number(*s.score), to_string(s.status)));
  if (k.next_band) {
    const NextBand& nb = *k.next_band;
    std::string more;
    if (s.actual && (k.kpi->aggregate == Aggregate::sum || k.kpi->aggregate == Aggregate::count) &&
        !k.kpi->is_formula()) {
      const double d = nb.actual_needed - *s.actual;
      more = fmt::format(" ({}{})", d >= 0 ? "+" : "", human_number(d, 6));
    }
    step.lines.push_back(fmt::format("next band: {}{} points at achievement {}: actual {}{}",
                                     nb.label ? *nb.label + ", " : "", plain_number(nb.points),
                                     plain_number(nb.min), plain_number(nb.actual_needed), more));
  } else if (k.frame->method == FrameMethod::bands) {
    step.lines.push_back("next band: none (no band above gives more points)");
  }
  return step;
}

Step weight_step(const ExplainedKpi& k) {
  const KpiScore& s = k.score;
  Step step{"Weight", {}};
  std::string line = "weight " + (s.weight ? plain_number(*s.weight) : std::string("none"));
  line += k.weight_from ? " (override at " + render::place_text(*k.weight_from) + ")" : "";
  if (k.weight_share) {
    line += ", " + percent(*k.weight_share) + " of the total";
    if (k.contribution) {
      line += ": contributes " + human_number(*k.contribution, 4) + " points";
    }
  } else {
    line += ", not in the total";
  }
  step.lines.push_back(line);
  return step;
}

Step total_step(const Explanation& x) {
  Step step{"Total", {}};
  const EntityScore& e = x.entity;
  step.lines.push_back("total " + render::human_total(e.total, x.precision) + ", coverage " +
                       render::human_coverage(e.coverage));
  if (!e.is_unit) {
    step.lines.push_back("reward " + render::reward_text(e));
    if (x.next_tier) {
      step.lines.push_back(fmt::format("next tier: {} from {}: {} more", x.next_tier->label,
                                       plain_number(x.next_tier->min),
                                       human_number(x.next_tier->total_needed, 4)));
    }
  }
  return step;
}

std::string header(const Explanation& x) {
  std::string what = x.one_kpi && !x.kpis.empty() ? x.kpis.front().score.id + " for " : "";
  std::string line = what + x.entity.id + " (" + x.entity.name + "), " + x.token + " (" +
                     range(x.period) + ") as of " + format_date(x.as_of);
  if (!x.entity.active) {
    line += ", not active in the period";
  } else if (x.stretch.start != x.period.start || x.stretch.end != x.period.end) {
    line += ", scored over " + range(x.stretch);
  }
  return line;
}

Step scorecard_step(const Explanation& x) {
  Step step{"KPIs", {}};
  if (x.kpis.empty()) {
    step.lines.push_back(x.entity.is_unit
                             ? "none assigned: the total is the plain mean of the direct "
                               "children's totals"
                             : "none assigned");
  }
  for (const ExplainedKpi& k : x.kpis) {
    const KpiScore& s = k.score;
    std::string line = s.id + ": ";
    if (s.in_total && s.score) {
      line += "score " + plain_number(*s.score) + " x " + percent(k.weight_share.value_or(0)) +
              " = " + human_number(k.contribution.value_or(0), 4);
    } else {
      line += (s.missing ? "missing: " : "unscored: ") + s.reason.value_or("no score");
    }
    step.lines.push_back(line);
  }
  return step;
}

std::vector<Step> steps_of(const Explanation& x) {
  std::vector<Step> steps;
  if (x.one_kpi && !x.kpis.empty()) {
    const ExplainedKpi& k = x.kpis.front();
    steps.push_back(rows_step(k));
    steps.push_back(actual_step(k));
    steps.push_back(target_step(k));
    steps.push_back(grade_step(k));
    steps.push_back(weight_step(k));
  } else {
    steps.push_back(scorecard_step(x));
  }
  steps.push_back(total_step(x));
  return steps;
}

}  // namespace

void render_explain_text(std::ostream& out, const Explanation& x) {
  // User text (names, file names) can hold control characters: shown, never obeyed.
  out << render::visible(header(x)) << '\n';
  for (const Step& step : steps_of(x)) {
    out << '\n' << step.title << '\n';
    for (const std::string& line : step.lines) {
      out << "  " << render::visible(line) << '\n';
    }
  }
}

void render_explain_markdown(std::ostream& out, const Explanation& x) {
  out << "## " << render::md_escape(header(x)) << '\n';
  for (const Step& step : steps_of(x)) {
    out << "\n### " << step.title << "\n\n";
    for (const std::string& line : step.lines) {
      const bool nested = line.rfind("  ", 0) == 0;
      out << (nested ? "  - " + render::md_escape(line.substr(2)) : "- " + render::md_escape(line))
          << '\n';
    }
  }
}

}  // namespace kpi
