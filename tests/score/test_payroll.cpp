// Payroll-safe scoring (scoring.md, issue 13), each rule on numbers worked by hand:
// definitions from YAML, rows from CSV files, as `kpi score` reads them.
//
// The frame `id` maps achievement to score one to one (linear [0, 0] .. [200, 200], scale
// 100), so a score is its achievement; rewards A >= 95 x1.5, B >= 80 x1, C >= 60 x0.5, D.

#include <unistd.h>

#include <boost/test/unit_test.hpp>
#include <cmath>
#include <filesystem>
#include <fstream>

#include "kpi/csv/measurements.hpp"
#include "kpi/score/score.hpp"
#include "kpi/yaml/definitions.hpp"

namespace fs = std::filesystem;

namespace {

const std::string k_head =
    "version: 1\n"
    "name: Payroll\n"
    "frames:\n"
    "  - {id: id, basis: ratio, method: linear, points: [[0, 0], [200, 200]]}\n"
    "rewards:\n"
    "  - {min: 95, label: A, multiplier: 1.5}\n"
    "  - {min: 80, label: B, multiplier: 1.0}\n"
    "  - {min: 60, label: C, multiplier: 0.5}\n"
    "  - {label: D, multiplier: 0}\n";

/// A folder of its own for one test, removed after it.
class TempDir {
 public:
  TempDir()
      : m_dir(fs::temp_directory_path() /
              ("kpi_payroll_" + std::to_string(getpid()) + "_" + std::to_string(++s_count))) {
    fs::create_directories(m_dir);
  }
  ~TempDir() {
    std::error_code ignored;
    fs::remove_all(m_dir, ignored);
  }
  std::string write(const std::string& name, const std::string& text) const {
    const fs::path path = m_dir / name;
    fs::create_directories(path.parent_path());
    std::ofstream(path, std::ios::binary) << text;
    return path.string();
  }
  const fs::path& dir() const { return m_dir; }

 private:
  static inline int s_count = 0;
  fs::path m_dir;
};

kpi::Period period_of(const std::string& a, const std::string& b) {
  return kpi::Period{*kpi::parse_date(a), *kpi::parse_date(b)};
}

/// Scores `period` (token `token`) as of `as_of` from the YAML `body` (after k_head) and
/// the rows `csv`; `sources` replaces the one data file when given.
struct Run {
  kpi::Workspace workspace;
  kpi::AggregateResult aggregates;
  kpi::ScoreResult result;
};

Run score(const std::string& body, const std::string& csv, const std::string& token,
          kpi::Period period, const std::string& as_of, std::vector<std::string> sources = {}) {
  TempDir temp;
  kpi::LoadResult load = kpi::load_workspace_text(k_head + body, "kpi.yaml");
  for (const kpi::Diagnostic& d : load.diagnostics) {
    BOOST_TEST_MESSAGE(d.message);
  }
  BOOST_TEST_REQUIRE(load.diagnostics.empty());
  Run run;
  run.workspace = load.workspace;
  if (sources.empty()) {
    sources = {temp.write("data.csv", csv)};
  }
  kpi::MeasurementIndex index(run.workspace);
  kpi::ScoreRequest request;
  request.token = token;
  request.period = period;
  request.as_of = *kpi::parse_date(as_of);
  run.aggregates = kpi::aggregate_measurements(index, sources, {{period, request.as_of}});
  BOOST_TEST_REQUIRE(run.aggregates.problems.empty());
  run.result = kpi::compute_scores(run.workspace, index, run.aggregates.periods[0], request);
  return run;
}

const kpi::EntityScore& entity(const kpi::ScoreResult& r, const std::string& id) {
  for (const kpi::EntityScore& e : r.entities) {
    if (e.id == id) {
      return e;
    }
  }
  throw std::runtime_error("no entity " + id);
}

const kpi::KpiScore& row(const kpi::EntityScore& e, const std::string& id) {
  for (const kpi::KpiScore& k : e.kpis) {
    if (k.id == id) {
      return k;
    }
  }
  throw std::runtime_error("no row " + id);
}

std::vector<kpi::Diagnostic> with_rule(const kpi::ScoreResult& r, const std::string& rule) {
  std::vector<kpi::Diagnostic> out;
  for (const kpi::Diagnostic& d : r.warnings) {
    if (d.rule == rule) {
      out.push_back(d);
    }
  }
  return out;
}

const kpi::Period k_october = period_of("2026-10-01", "2026-10-31");

// alice: revenue (sum, target 100) and visits (count, target 20); only revenue has rows.
std::string count_body(const std::string& missing) {
  return "settings: {missing: " + missing + ", default_frame: id}\n" +
         "units: [{id: sales, name: Sales}]\n"
         "people: [{id: alice, name: Alice, member_of: sales, bonus_base: 1000}]\n"
         "kpis:\n"
         "  - {id: sales.revenue, name: R, owner: alice, unit: x, period: monthly, target: 100}\n"
         "  - {id: sales.visits, name: V, owner: alice, unit: x, period: monthly, target: 20,\n"
         "     aggregate: count}\n"
         "  - {id: ops.complaints, name: C, owner: alice, unit: x, period: monthly, target: 5,\n"
         "     aggregate: count, direction: lower}\n";
}

const std::string k_revenue_99 = "kpi,entity,date,value\nsales.revenue,alice,2026-10-05,99\n";

}  // namespace

BOOST_AUTO_TEST_SUITE(score_payroll)

BOOST_AUTO_TEST_CASE(a_count_of_no_rows_is_zero_under_skip) {
  // visits: A = 0 (not missing), 0 / 20 -> 0 %; complaints: A = 0, lower: 100 x (2 - 0/5)
  // = 200 %. Total (99 + 0 + 200) / 3 = 99.666.. -> 99.67. Without the rule visits and
  // complaints dropped out: 99 alone.
  const Run run = score(count_body("skip"), k_revenue_99, "2026-10", k_october, "2026-11-01");
  const kpi::EntityScore& alice = entity(run.result, "alice");
  const kpi::KpiScore& visits = row(alice, "sales.visits");
  BOOST_TEST(visits.actual.value() == 0.0);
  BOOST_TEST(visits.rows.value() == 0);
  BOOST_TEST(!visits.missing);
  BOOST_TEST(visits.achievement.value() == 0.0);
  BOOST_TEST(visits.score.value() == 0.0);
  BOOST_TEST(row(alice, "ops.complaints").score.value() == 200.0);
  BOOST_TEST(alice.total.value() == 99.67);
  BOOST_TEST(alice.coverage.value() == 100.0);
  BOOST_TEST(with_rule(run.result, "missing-data").empty());
}

BOOST_AUTO_TEST_CASE(a_count_of_no_rows_is_zero_under_zero) {
  // Under zero, zero complaints once scored 0 (missing); now 0 rows -> 200 %, as above.
  const Run run = score(count_body("zero"), k_revenue_99, "2026-10", k_october, "2026-11-01");
  const kpi::EntityScore& alice = entity(run.result, "alice");
  BOOST_TEST(row(alice, "ops.complaints").actual.value() == 0.0);
  BOOST_TEST((row(alice, "ops.complaints").status == kpi::Status::green));
  BOOST_TEST(alice.total.value() == 99.67);
  BOOST_TEST(alice.reward->label == "A");
  BOOST_TEST(alice.reward->amount.value() == 1500.0);
}

BOOST_AUTO_TEST_CASE(missing_error_names_each_gap_and_scores_as_skip) {
  // Three KPIs for alice and bob; bob has no row for sales.b, and none for sales.c,
  // whose own `missing: zero` overrides the settings. bob: a = 90 %, b skipped, c = 0:
  // (90 + 0) / 2 = 45. alice: (100 + 80 + 120) / 3 = 100.
  const std::string body =
      "settings: {missing: error, default_frame: id}\n"
      "units: [{id: sales, name: Sales}]\n"
      "people:\n"
      "  - {id: alice, name: Alice, member_of: sales}\n"
      "  - {id: bob, name: Bob, member_of: sales}\n"
      "kpis:\n"
      "  - {id: sales.a, name: A, owner: sales, assigned_to: members, unit: x,\n"
      "     period: monthly, target: 10}\n"
      "  - {id: sales.b, name: B, owner: sales, assigned_to: members, unit: x,\n"
      "     period: monthly, target: 10}\n"
      "  - {id: sales.c, name: C, owner: sales, assigned_to: members, unit: x,\n"
      "     period: monthly, target: 10, missing: zero}\n";
  const std::string csv =
      "kpi,entity,date,value\n"
      "sales.a,alice,2026-10-01,10\n"
      "sales.b,alice,2026-10-02,8\n"
      "sales.c,alice,2026-10-03,12\n"
      "sales.a,bob,2026-10-04,9\n";
  const Run run = score(body, csv, "2026-10", k_october, "2026-11-01");
  const std::vector<kpi::Diagnostic> gaps = with_rule(run.result, "missing-data");
  BOOST_TEST_REQUIRE(gaps.size() == 1u);
  BOOST_TEST((gaps[0].severity == kpi::Severity::error));
  BOOST_TEST(gaps[0].message.rfind(
                 "sales.b for bob has no actual for 2026-10 (no data for sales.b)", 0) == 0);
  const kpi::EntityScore& bob = entity(run.result, "bob");
  BOOST_TEST(bob.total.value() == 45.0);
  BOOST_TEST(!row(bob, "sales.b").in_total);
  BOOST_TEST(row(bob, "sales.c").in_total);
  BOOST_TEST(row(bob, "sales.c").score.value() == 0.0);
  // coverage: b counts against it, c (kept in under zero) for it: 100 x 2 / 3.
  BOOST_TEST(bob.coverage.value() == 100.0 * 2 / 3);
  BOOST_TEST(entity(run.result, "alice").total.value() == 100.0);
  BOOST_TEST(entity(run.result, "alice").coverage.value() == 100.0);
}

BOOST_AUTO_TEST_CASE(coverage_with_a_zero_weight_and_withheld_rewards) {
  // alice: r (weight 3, 100 %), z (weight 0, no data), t (no target: tracked).
  // coverage = 100 x 3 / (3 + 0) = 100: the reward is paid.
  const std::string body =
      "settings: {default_frame: id}\n"
      "units: [{id: sales, name: Sales}]\n"
      "people: [{id: alice, name: Alice, member_of: sales, bonus_base: 1000}]\n"
      "kpis:\n"
      "  - {id: sales.r, name: R, owner: alice, unit: x, period: monthly, target: 10, weight: 3}\n"
      "  - {id: sales.z, name: Z, owner: alice, unit: x, period: monthly, target: 10, weight: 0}\n"
      "  - {id: sales.t, name: T, owner: alice, unit: x, period: monthly}\n";
  const std::string csv = "kpi,entity,date,value\nsales.r,,2026-10-01,10\nsales.t,,2026-10-01,4\n";
  const Run paid = score(body, csv, "2026-10", k_october, "2026-11-01");
  const kpi::EntityScore& alice = entity(paid.result, "alice");
  BOOST_TEST(alice.coverage.value() == 100.0);
  BOOST_TEST(alice.reward->label == "A");
  BOOST_TEST(!alice.withheld);

  // z weighs 1 and t's target 0 leaves its achievement undefined: coverage 100 x 3 / 5 =
  // 60; the tier A found is withheld, with both reasons.
  std::string partial = body;
  partial.replace(partial.find("weight: 0"), 9, "weight: 1");
  partial.replace(partial.find("period: monthly}"), 16, "period: monthly, target: 0}");
  const Run withheld = score(partial, csv, "2026-10", k_october, "2026-11-01");
  const kpi::EntityScore& w = entity(withheld.result, "alice");
  BOOST_TEST(w.total.value() == 100.0);
  BOOST_TEST(w.coverage.value() == 60.0);
  BOOST_TEST(!w.reward);
  BOOST_TEST(w.withheld.value() ==
             "2 of 3 KPIs unscored: sales.z (no data), sales.t (achievement undefined)");

  // reward_incomplete: pay pays on what was scored, and nothing is withheld.
  const Run pay =
      score("settings: {reward_incomplete: pay}\n" + partial.substr(partial.find('\n') + 1), csv,
            "2026-10", k_october, "2026-11-01");
  BOOST_TEST(entity(pay.result, "alice").reward->amount.value() == 1500.0);
  BOOST_TEST(!entity(pay.result, "alice").withheld);
  BOOST_TEST(entity(pay.result, "alice").coverage.value() == 60.0);
}

BOOST_AUTO_TEST_CASE(precision_rounds_totals_before_they_are_tiered) {
  // One KPI, target 100: the score is the actual. 94.995 x 100 = 9499.5 in double,
  // rounded half away from zero: 9500 -> 95.00, tier A; 94.9949999 -> 94.99, tier B.
  auto body = [](const std::string& precision) {
    return "settings: {default_frame: id, precision: " + precision +
           "}\n"
           "units: [{id: sales, name: Sales}]\n"
           "people: [{id: alice, name: Alice, member_of: sales}]\n"
           "kpis:\n"
           "  - {id: sales.r, name: R, owner: alice, unit: x, period: monthly, target: 100}\n";
  };
  auto total = [&](const std::string& precision, const std::string& value) {
    const Run run = score(body(precision), "kpi,date,value\nsales.r,2026-10-01," + value + "\n",
                          "2026-10", k_october, "2026-11-01");
    const kpi::EntityScore& alice = entity(run.result, "alice");
    return std::make_pair(alice.total.value(), alice.reward->label);
  };
  BOOST_TEST(total("2", "94.995").first == 95.0);
  BOOST_TEST(total("2", "94.995").second == "A");
  BOOST_TEST(total("2", "94.9949999").first == 94.99);
  BOOST_TEST(total("2", "94.9949999").second == "B");
  BOOST_TEST(total("none", "94.995").first == 94.995);
  BOOST_TEST(total("none", "94.995").second == "B");
  BOOST_TEST(total("0", "94.5").first == 95.0);
}

BOOST_AUTO_TEST_CASE(precision_keeps_float_residue_of_third_weights_from_the_tier) {
  // Weights 1/3 each, scores 82, 97 and 106: (82 + 97 + 106) / 3 = 95, but in double the
  // weighted sum over the sum of weights is 94.99999999999999. Rounded to 2 decimals:
  // 95, tier A; with precision none the residue decides: tier B.
  auto body = [](const std::string& precision) {
    std::string text = "settings: {default_frame: id, precision: " + precision +
                       "}\n"
                       "units: [{id: sales, name: Sales}]\n"
                       "people: [{id: alice, name: Alice, member_of: sales}]\n"
                       "kpis:\n";
    for (const char* id : {"a", "b", "c"}) {
      text += std::string("  - {id: sales.") + id + ", name: " + id +
              ", owner: alice, unit: x, period: monthly, target: 100, "
              "weight: 0.3333333333333333}\n";
    }
    return text;
  };
  const std::string csv =
      "kpi,date,value\nsales.a,2026-10-01,82\nsales.b,2026-10-01,97\nsales.c,2026-10-01,106\n";
  const Run two = score(body("2"), csv, "2026-10", k_october, "2026-11-01");
  BOOST_TEST(entity(two.result, "alice").total.value() == 95.0);
  BOOST_TEST(entity(two.result, "alice").reward->label == "A");
  const Run none = score(body("none"), csv, "2026-10", k_october, "2026-11-01");
  BOOST_TEST(entity(none.result, "alice").total.value() == 94.99999999999999);
  BOOST_TEST(entity(none.result, "alice").reward->label == "B");
  // The unit takes the rounded total as its members' mean.
  BOOST_TEST(entity(two.result, "sales").members_mean.value() == 95.0);
}

namespace {

// dana joined on 2026-10-16 and left on 2026-11-15; a monthly sum KPI with 10 a day
// (310 in October and December, 300 in November by an override). bonus_base 5704.
const std::string k_dana =
    "settings: {default_frame: id}\n"
    "units: [{id: sales, name: Sales}]\n"
    "people:\n"
    "  - {id: dana, name: Dana, member_of: sales, bonus_base: 5704, joined: 2026-10-16,\n"
    "     left: 2026-11-15}\n"
    "kpis:\n"
    "  - id: sales.r\n"
    "    name: R\n"
    "    owner: dana\n"
    "    unit: x\n"
    "    period: monthly\n"
    "    target: 310\n"
    "    overrides: [{period: 2026-11, target: 300}]\n";
const std::string k_dana_rows =
    "kpi,date,value\n"
    "sales.r,2026-10-10,50\n"   // 2: before she joined
    "sales.r,2026-10-17,30\n"   // 3
    "sales.r,2026-10-20,130\n"  // 4
    "sales.r,2026-11-10,150\n"  // 5
    "sales.r,2026-11-20,40\n";  // 6: after she left

}  // namespace

BOOST_AUTO_TEST_CASE(a_joiner_scored_for_the_month) {
  // E_p = 10-16..10-31, 16 of 31 days: T = 310 x 16/31 = 160; A = 30 + 130 = 160 (the row
  // of 10-10 is an inactive row) -> 100 %, tier A: 5704 x 1.5 x 16/31 = 4416.
  const Run run = score(k_dana, k_dana_rows, "2026-10", k_october, "2026-11-01");
  const kpi::EntityScore& dana = entity(run.result, "dana");
  BOOST_TEST(row(dana, "sales.r").target->value() == 160.0);
  BOOST_TEST(row(dana, "sales.r").actual.value() == 160.0);
  BOOST_TEST(row(dana, "sales.r").rows.value() == 2);
  BOOST_TEST(dana.total.value() == 100.0);
  BOOST_TEST(dana.active_share == 16.0 / 31);
  BOOST_TEST(dana.reward->amount.value() == 4416.0);
  const std::vector<kpi::Diagnostic> inactive = with_rule(run.result, "inactive-row");
  BOOST_TEST_REQUIRE(inactive.size() == 1u);
  BOOST_TEST(inactive[0].where.line == 2);
  BOOST_TEST(inactive[0].message ==
             "the row's stamp 2026-10-10 lies outside the active days of dana (joined "
             "2026-10-16, left 2026-11-15), so it does not count");
}

BOOST_AUTO_TEST_CASE(a_leaver_scored_for_the_quarter) {
  // E_p = 10-16..11-15, 31 of 92 days: T = 310 x 16/31 + 300 x 15/30 = 310; A = 30 + 130 +
  // 150 = 310 -> 100 %; 5704 x 1.5 x 31/92 = 2883. Two inactive rows.
  const Run run =
      score(k_dana, k_dana_rows, "2026-Q4", period_of("2026-10-01", "2026-12-31"), "2027-01-01");
  const kpi::EntityScore& dana = entity(run.result, "dana");
  BOOST_TEST(row(dana, "sales.r").target->value() == 310.0);
  BOOST_TEST(row(dana, "sales.r").actual.value() == 310.0);
  BOOST_TEST(dana.active_share == 31.0 / 92);
  BOOST_TEST(dana.reward->amount.value() == 2883.0);
  BOOST_TEST(with_rule(run.result, "inactive-row").size() == 2u);
}

BOOST_AUTO_TEST_CASE(a_joiner_scored_for_a_week_and_after_leaving) {
  // 2026-W42 = 10-12..10-18: E_p = 10-16..10-18, 3 of 7 days; T = 310 x 3/31 = 30; A = 30.
  const Run week =
      score(k_dana, k_dana_rows, "2026-W42", period_of("2026-10-12", "2026-10-18"), "2026-11-01");
  const kpi::EntityScore& dana = entity(week.result, "dana");
  BOOST_TEST(row(dana, "sales.r").target->value() == 30.0, boost::test_tools::tolerance(1e-12));
  BOOST_TEST(row(dana, "sales.r").actual.value() == 30.0);
  BOOST_TEST(dana.active_share == 3.0 / 7);
  BOOST_TEST(dana.reward->amount.value() == 5704 * 1.5 * 3 / 7);
  // 2026-W47 = 11-16..11-22, after she left: listed with every number null.
  const Run after =
      score(k_dana, k_dana_rows, "2026-W47", period_of("2026-11-16", "2026-11-22"), "2026-12-01");
  const kpi::EntityScore& gone = entity(after.result, "dana");
  BOOST_TEST(!gone.active);
  BOOST_TEST(!gone.total);
  BOOST_TEST(!gone.coverage);
  BOOST_TEST(!gone.reward);
  BOOST_TEST(!gone.withheld);
  const kpi::KpiScore& r = row(gone, "sales.r");
  BOOST_TEST(!r.weight);
  BOOST_TEST(!r.target);
  BOOST_TEST(!r.actual);
  BOOST_TEST(!r.score);
  BOOST_TEST(r.rows.value() == 0);
  BOOST_TEST(!r.missing);
  BOOST_TEST((r.status == kpi::Status::none));
  BOOST_TEST(r.reason.value() == "not active in P");
  BOOST_TEST(with_rule(after.result, "missing-data").empty());
  BOOST_TEST(with_rule(after.result, "inactive-row").size() == 1u);  // the row of 11-20
}

BOOST_AUTO_TEST_CASE(rollup_of_over_two_levels_of_units) {
  // company > sales > north, south. ann (north), ben (south), cat (sales), dan (south,
  // joined 10-15). dept.revenue rolls up sales.revenue: north = 100; sales = ann 100 +
  // ben 200 + cat 50 + dan 3 (his row of 10-05 is inactive, the September row is outside
  // P) = 353; company = 353. dept.deal (max) over the same rows: 120 for sales.
  const std::string body =
      "settings: {default_frame: id}\n"
      "units:\n"
      "  - {id: company, name: Co}\n"
      "  - {id: sales, name: Sales, parent: company}\n"
      "  - {id: north, name: North, parent: sales}\n"
      "  - {id: south, name: South, parent: sales}\n"
      "people:\n"
      "  - {id: ann, name: Ann, member_of: north}\n"
      "  - {id: ben, name: Ben, member_of: south}\n"
      "  - {id: cat, name: Cat, member_of: sales}\n"
      "  - {id: dan, name: Dan, member_of: south, joined: 2026-10-15}\n"
      "kpis:\n"
      "  - {id: sales.revenue, name: R, owner: sales, assigned_to: [ann, ben, cat, dan],\n"
      "     unit: x, period: monthly, target: 100}\n"
      "  - {id: dept.revenue, name: D, owner: sales, assigned_to: [company, sales, north],\n"
      "     unit: x, period: monthly, target: 400, rollup_of: sales.revenue}\n"
      "  - {id: dept.deal, name: M, owner: sales, unit: x, period: monthly, aggregate: max,\n"
      "     rollup_of: sales.revenue}\n";
  const std::string csv =
      "kpi,entity,date,value\n"
      "sales.revenue,ann,2026-10-02,100\n"
      "sales.revenue,ben,2026-10-03,120\n"
      "sales.revenue,ben,2026-10-04,80\n"
      "sales.revenue,cat,2026-10-05,50\n"
      "sales.revenue,dan,2026-10-05,7\n"
      "sales.revenue,dan,2026-10-20,3\n"
      "sales.revenue,ann,2026-09-30,1000\n";
  const Run run = score(body, csv, "2026-10", k_october, "2026-11-01");
  const kpi::KpiScore& north = row(entity(run.result, "north"), "dept.revenue");
  BOOST_TEST(north.actual.value() == 100.0);
  BOOST_TEST(north.rows.value() == 1);
  const kpi::KpiScore& sales = row(entity(run.result, "sales"), "dept.revenue");
  BOOST_TEST(sales.actual.value() == 353.0);
  BOOST_TEST(sales.rows.value() == 5);
  BOOST_TEST(sales.achievement.value() == 88.25);
  BOOST_TEST(row(entity(run.result, "company"), "dept.revenue").actual.value() == 353.0);
  BOOST_TEST(row(entity(run.result, "sales"), "dept.deal").actual.value() == 120.0);
  // The unit's total comes from its own KPIs: dept.revenue only (dept.deal has no target).
  BOOST_TEST(entity(run.result, "sales").total.value() == 88.25);
}

BOOST_AUTO_TEST_CASE(a_file_is_read_once_however_it_is_named) {
  // revenue 60 in one file: named twice, by another spelling and through a link, it still
  // counts 60 (not 120), and each repeat is a data-repeated warning.
  TempDir temp;
  const std::string file = temp.write("data/a.csv", "kpi,date,value\nsales.r,2026-10-01,60\n");
  const std::string dotted = (temp.dir() / "data" / "." / "a.csv").string();
  const fs::path link = temp.dir() / "link.csv";
  fs::create_symlink(file, link);
  const std::string body =
      "settings: {default_frame: id}\n"
      "units: [{id: sales, name: Sales}]\n"
      "people: [{id: alice, name: Alice, member_of: sales}]\n"
      "kpis:\n"
      "  - {id: sales.r, name: R, owner: alice, unit: x, period: monthly, target: 100}\n";
  const Run run =
      score(body, "", "2026-10", k_october, "2026-11-01", {file, file, dotted, link.string()});
  BOOST_TEST(row(entity(run.result, "alice"), "sales.r").actual.value() == 60.0);
  const std::vector<kpi::Diagnostic> repeated = with_rule(run.result, "data-repeated");
  BOOST_TEST_REQUIRE(repeated.size() == 3u);
  BOOST_TEST(repeated[0].message ==
             "the measurement file '" + file + "' is named more than once; it is read once");
  BOOST_TEST(repeated[2].message == "'" + link.string() + "' is the same file as '" + file +
                                        "', named more than once; it is read once");

  // Two data globs that match the same file: listed twice, read once.
  temp.write("kpi.yaml", k_head + "data: [data/*.csv, data/a.csv]\n" + body);
  const kpi::LoadResult load = kpi::load_workspace((temp.dir() / "kpi.yaml").string());
  const kpi::DataFiles files = kpi::data_files(load.workspace);
  BOOST_TEST(files.files.size() == 2u);
  BOOST_TEST(files.warnings.empty());
  const Run globbed = score(body, "", "2026-10", k_october, "2026-11-01", files.files);
  BOOST_TEST(row(entity(globbed.result, "alice"), "sales.r").actual.value() == 60.0);
  BOOST_TEST(with_rule(globbed.result, "data-repeated").size() == 1u);
}

BOOST_AUTO_TEST_CASE(an_empty_glob_and_an_empty_period_are_warned_about) {
  TempDir temp;
  temp.write("kpi.yaml", k_head + "data: [nowhere/*.csv]\n");
  const kpi::LoadResult load = kpi::load_workspace((temp.dir() / "kpi.yaml").string());
  const kpi::DataFiles files = kpi::data_files(load.workspace);
  BOOST_TEST(files.files.empty());
  BOOST_TEST_REQUIRE(files.warnings.size() == 1u);
  BOOST_TEST(files.warnings[0].rule == "data-empty");
  BOOST_TEST(files.warnings[0].message == "data glob 'nowhere/*.csv' matches no file");
  BOOST_TEST(files.warnings[0].where.line == 10);

  const Run run = score(count_body("skip"), k_revenue_99, "2026-09",
                        period_of("2026-09-01", "2026-09-30"), "2026-10-01");
  const std::vector<kpi::Diagnostic> none = with_rule(run.result, "no-data");
  BOOST_TEST_REQUIRE(none.size() == 1u);
  BOOST_TEST(none[0].message ==
             "no measurement counts toward 2026-09 (2026-09-01..2026-09-30) as of 2026-10-01; "
             "the period has no data (count KPIs score 0, every other actual is missing)");
  const Run october = score(count_body("skip"), k_revenue_99, "2026-10", k_october, "2026-11-01");
  BOOST_TEST(with_rule(october.result, "no-data").empty());
}

BOOST_AUTO_TEST_SUITE_END()
