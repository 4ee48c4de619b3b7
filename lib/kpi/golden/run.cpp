// kpi test: a test's rows scored by compute_scores, its expectations compared with the
// result. A test reads only its own rows, so it pins the rules, not the live data.

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <filesystem>

#include "kpi/golden/golden.hpp"
#include "kpi/score/score.hpp"
#include "kpi/util/file.hpp"
#include "kpi/util/suggest.hpp"

namespace kpi {

namespace {

namespace fs = std::filesystem;

std::string num(double v) { return fmt::format("{}", v); }

/// What score gives for a field: a number, a text, a flag, a range, or nothing (null).
struct Actual {
  enum class Kind { null, number, range, text, flag } kind = Kind::null;
  double number = 0;
  double high = 0;
  std::string text;
  bool flag = false;

  static Actual of(const std::optional<double>& v) {
    return v ? Actual{Kind::number, *v, 0, num(*v), false} : Actual{};
  }
  static Actual of_text(const std::optional<std::string>& v) {
    return v ? Actual{Kind::text, 0, 0, *v, false} : Actual{};
  }
  static Actual of_flag(bool v) { return Actual{Kind::flag, 0, 0, v ? "true" : "false", v}; }
  static Actual of_target(const std::optional<Target>& t) {
    if (!t) {
      return {};
    }
    if (!t->is_range) {
      return of(t->value());
    }
    return Actual{Kind::range, t->low, t->high, "[" + num(t->low) + ", " + num(t->high) + "]",
                  false};
  }
  std::string shown() const { return kind == Kind::null ? "null" : text; }
};

Actual kpi_field(const KpiScore& k, const std::string& field) {
  if (field == "actual") return Actual::of(k.actual);
  if (field == "target") return Actual::of_target(k.target);
  if (field == "baseline") return Actual::of(k.baseline);
  if (field == "achievement") return Actual::of(k.achievement);
  if (field == "points") return Actual::of(k.points);
  if (field == "score") return Actual::of(k.score);
  if (field == "weight") return Actual::of(k.weight);
  if (field == "status") return Actual::of_text(std::string(to_string(k.status)));
  if (field == "label") return Actual::of_text(k.label);
  if (field == "missing") return Actual::of_flag(k.missing);
  if (k.rows) {  // rows
    return Actual::of(static_cast<double>(*k.rows));
  }
  return {};
}

Actual entity_field(const EntityScore& e, const ExpectedValue& expected) {
  const std::string& field = expected.field;
  if (field == "total") return Actual::of(e.total);
  if (field == "coverage") return Actual::of(e.coverage);
  if (field == "members_mean") return Actual::of(e.members_mean);
  if (field == "reward")
    return Actual::of_text(e.reward ? std::optional(e.reward->label) : std::nullopt);
  if (field == "multiplier")
    return Actual::of(e.reward ? std::optional(e.reward->multiplier) : std::nullopt);
  if (field == "amount") return Actual::of(e.reward ? e.reward->amount : std::nullopt);
  // withheld: true/false says whether a reward is withheld; a text is the reason itself.
  if (expected.kind == ExpectedValue::Kind::flag) {
    return Actual::of_flag(e.withheld.has_value());
  }
  return Actual::of_text(e.withheld);
}

bool close(double actual, double expected, double tolerance) {
  if (actual == expected) {
    return true;
  }
  return std::fabs(actual - expected) <=
         tolerance * std::max(std::fabs(actual), std::fabs(expected));
}

bool matches(const Actual& a, const ExpectedValue& e, double tolerance) {
  switch (e.kind) {
    case ExpectedValue::Kind::null:
      return a.kind == Actual::Kind::null;
    case ExpectedValue::Kind::number:
      if (a.kind == Actual::Kind::text) {
        return a.text == e.text;  // a label written as a number
      }
      return a.kind == Actual::Kind::number && close(a.number, e.number, tolerance);
    case ExpectedValue::Kind::range:
      return a.kind == Actual::Kind::range && close(a.number, e.number, tolerance) &&
             close(a.high, e.high, tolerance);
    case ExpectedValue::Kind::flag:
      return a.kind == Actual::Kind::flag ? a.flag == e.flag
                                          : a.kind == Actual::Kind::text && a.text == e.text;
    case ExpectedValue::Kind::text:
      return a.kind == Actual::Kind::text && a.text == e.text;
  }
  return false;
}

Diagnostic error_at(std::string rule, std::string message, const SourceLocation& where,
                    std::string hint = {}) {
  return Diagnostic{std::move(rule), Severity::error, std::move(message), where, std::move(hint)};
}

ExpectationResult check(const Workspace& ws, const ScoreResult& scored, const GoldenTest& t,
                        const Expectation& e) {
  ExpectationResult r;
  r.test = t.name;
  r.where = e.where;
  r.subject = e.entity + (e.kpi ? " " + *e.kpi : "");
  auto it = std::find_if(scored.entities.begin(), scored.entities.end(),
                         [&](const EntityScore& es) { return es.id == e.entity; });
  if (it == scored.entities.end()) {
    std::vector<std::string> ids;
    for (const EntityScore& es : scored.entities) {
      ids.push_back(es.id);
    }
    r.errors.push_back(error_at("unknown-entity", "unknown entity '" + e.entity + "' in a test",
                                e.entity_at, did_you_mean(e.entity, ids)));
    return r;
  }
  if (!e.kpi) {
    for (const ExpectedValue& v : e.values) {
      const Actual a = entity_field(*it, v);
      if (!matches(a, v, t.tolerance)) {
        r.failures.push_back(FieldFailure{
            v.field, v.kind == ExpectedValue::Kind::null ? "null" : v.text, a.shown(), v.where});
      }
    }
    return r;
  }
  auto k = std::find_if(it->kpis.begin(), it->kpis.end(),
                        [&](const KpiScore& s) { return s.id == *e.kpi; });
  if (k == it->kpis.end()) {
    if (ws.find_kpi(*e.kpi) == nullptr) {
      std::vector<std::string> ids;
      for (const Kpi& kpi : ws.kpis) {
        ids.push_back(kpi.id);
      }
      r.errors.push_back(error_at("unknown-kpi", "unknown KPI '" + *e.kpi + "' in a test", e.kpi_at,
                                  did_you_mean(*e.kpi, ids)));
    } else {
      r.errors.push_back(
          error_at("not-assigned", *e.kpi + " is not assigned to " + e.entity, e.kpi_at));
    }
    return r;
  }
  for (const ExpectedValue& v : e.values) {
    const Actual a = kpi_field(*k, v.field);
    if (!matches(a, v, t.tolerance)) {
      r.failures.push_back(FieldFailure{
          v.field, v.kind == ExpectedValue::Kind::null ? "null" : v.text, a.shown(), v.where});
    }
  }
  return r;
}

/// The test's period and as-of date, or an error.
std::optional<std::pair<Period, Date>> when(const GoldenTest& t, std::vector<Diagnostic>& errors) {
  std::optional<Date> as_of;
  if (!t.as_of.empty()) {
    as_of = parse_date(t.as_of);
    if (!as_of) {
      errors.push_back(error_at(
          "bad-date", "'as_of' must be a day, YYYY-MM-DD, not '" + t.as_of + "'", t.as_of_at));
      return std::nullopt;
    }
  }
  const std::vector<std::string>& words = relative_period_words();
  const bool relative = std::any_of(words.begin(), words.end(), [&](const std::string& w) {
    return t.period.find(w) != std::string::npos;
  });
  if (relative && !as_of) {
    errors.push_back(error_at(
        "bad-value", "the relative period '" + t.period + "' needs an 'as_of' day", t.period_at));
    return std::nullopt;
  }
  const PeriodParse parsed = parse_period(t.period, as_of.value_or(Date{}));
  if (!parsed.period) {
    errors.push_back(error_at("bad-value", "'period': " + parsed.error, t.period_at));
    return std::nullopt;
  }
  return std::pair{*parsed.period, as_of.value_or(parsed.period->end)};
}

/// A row finding of the test's own text, moved to where that text stands in the test file.
Diagnostic in_file(Diagnostic d, const GoldenTest& t) {
  if (d.where.line > 0) {
    d.where.line += t.measurements_at.line - 1;
    if (d.where.column > 0) {
      d.where.column += t.measurements_indent;
    }
  }
  return d;
}

}  // namespace

GoldenReport run_golden_tests(const Workspace& workspace, const GoldenFile& file,
                              const GoldenOptions& options) {
  GoldenReport out;
  out.file = file.path;
  out.tests = file.tests.size();
  const MeasurementIndex index(workspace);
  const fs::path folder = fs::path(file.path).parent_path();
  for (const GoldenTest& t : file.tests) {
    std::vector<Diagnostic> setup;  // what keeps the test's rows or period from reading
    const std::optional<std::pair<Period, Date>> span = when(t, setup);
    MeasurementInputs inputs;  // no workspace: its sources are live data
    for (const auto& [path, at] : t.data) {
      const std::string resolved = (folder / path).lexically_normal().string();
      std::error_code ec;
      if (!options.allow_outside && !is_inside(workspace.root, fs::absolute(resolved, ec))) {
        setup.push_back(error_at(
            "path-outside", "the test's data file '" + path + "' lies outside the workspace folder",
            at, "keep test data inside the workspace, or use --allow-outside"));
      } else if (!fs::is_regular_file(resolved, ec)) {
        setup.push_back(error_at(
            "unreadable-file",
            "the test's data file '" + path + "' (" + resolved + ") is not a readable file", at));
      } else {
        inputs.files.push_back(resolved);
      }
    }
    if (t.measurements) {
      inputs.texts.emplace_back(file.path, *t.measurements);
    }
    if (span && setup.empty()) {
      const AggregateResult read = aggregate_measurements(index, inputs, {*span});
      for (const Diagnostic& d : read.problems) {
        setup.push_back(d.where.file == file.path ? in_file(d, t) : d);
      }
      ScoreRequest request;
      request.token = t.period;
      request.period = span->first;
      request.as_of = span->second;
      const ScoreResult scored = compute_scores(workspace, index, read.periods.front(), request);
      for (const Expectation& e : t.expect) {
        if (!e.entity.empty() && !e.values.empty()) {
          out.results.push_back(check(workspace, scored, t, e));
        }
      }
    }
    if (!setup.empty()) {
      out.results.push_back(ExpectationResult{t.name, "", t.where, {}, std::move(setup)});
    }
  }
  return out;
}

}  // namespace kpi
