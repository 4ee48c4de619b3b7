#include <boost/test/unit_test.hpp>
#include <sstream>

#include "kpi/render/render.hpp"
#include "kpi/render/text.hpp"
#include "payroll_sample.hpp"
#include "sample.hpp"

namespace {

std::string render(const kpi::ScoreResult& result, bool color = false, int width = 0) {
  std::ostringstream out;
  kpi::render_score_table(out, result, kpi::RenderOptions{color, width});
  return out.str();
}

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) {
    lines.push_back(line);
  }
  return lines;
}

/// The display column at which `needle` starts in `line` (-1 when absent).
int column_of(const std::string& line, const std::string& needle) {
  size_t at = line.find(needle);
  return at == std::string::npos ? -1 : kpi::render::display_width(line.substr(0, at));
}

kpi::EntityScore person(std::string id, std::string name, std::string label) {
  kpi::EntityScore e;
  e.id = std::move(id);
  e.name = std::move(name);
  e.member_of = "sales";
  e.total = 75;
  kpi::KpiScore k = kpi::test::scored_kpi("sales.revenue", 1234567.5, 1000000, 123.45678, 4, 75,
                                          100, kpi::Status::red);
  k.label = std::move(label);
  e.kpis = {k};
  return e;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(render_score_table)

BOOST_AUTO_TEST_CASE(prints_the_sample_exactly) {
  const char* expected = R"(Alice Nguyen (alice)     · person · Sales Department
  KPI           Unit          Actual         Target  Achv %  Points  Score  Weight  Status
  Net revenue   VND    2,100,000,000  2,000,000,000     105       4     80      40  green   Achieved
  Calls made    calls              —            300       —       —      —      60  none    no measurements
  Total 80.00 · reward B ×1.25 = 15,000,000

Carol (carol)            · person · Sales Department
  No KPIs.
  Total — · reward —

Sales Department (sales) · unit
  KPI           Unit          Actual         Target  Achv %  Points  Score  Weight  Status
  Gross margin  ratio            0.3      0.25–0.35     100       3  33.33       1  amber
  Total 33.33 · members mean 80.00

warning: kpis/sales.yaml:12: describe the outcome in a few words
warning: no rows for sales.calls
)";
  std::string text = render(kpi::test::sample_result());
  BOOST_TEST(text == expected);
  BOOST_TEST(text.find('\x1b') == std::string::npos);
}

BOOST_AUTO_TEST_CASE(a_narrow_terminal_shows_ids_where_names_are_longer) {
  kpi::ScoreResult r = kpi::test::sample_result();
  r.entities[0].kpis[0].name = "Net revenue from every sales channel of the region";
  r.warnings.clear();
  // With the long name the widest row is 145 columns (its note included); with ids, 108.
  const std::string wide = render(r, false, 145);
  BOOST_TEST(wide.find("  Net revenue from every sales channel of the region  VND  ") !=
             std::string::npos);
  const std::string narrow = render(r, false, 144);
  BOOST_TEST(narrow.find("\n  sales.revenue  VND    2,100,000,000  ") != std::string::npos);
  BOOST_TEST(narrow.find("\n  sales.calls    calls              —  ") != std::string::npos);
  BOOST_TEST(narrow.find("Net revenue") == std::string::npos);
  // No limit (a file or a pipe): names.
  BOOST_TEST(render(r).find("Net revenue from every") != std::string::npos);
  // The sample's names are shorter than its ids: a narrow terminal keeps them.
  BOOST_TEST(render(kpi::test::sample_result(), false, 40).find("  Net revenue   VND") !=
             std::string::npos);
}

BOOST_AUTO_TEST_CASE(people_come_before_units_whatever_the_order) {
  kpi::ScoreResult r = kpi::test::sample_result();
  std::swap(r.entities[0], r.entities[2]);
  std::string text = render(r);
  // Now units, then Carol, then Alice: people keep their own order but go first.
  BOOST_TEST(text.find("Carol (carol)") < text.find("Alice Nguyen (alice)"));
  BOOST_TEST(text.find("Alice Nguyen (alice)") < text.find("Sales Department (sales)"));
}

BOOST_AUTO_TEST_CASE(colours_status_only_when_asked) {
  std::string text = render(kpi::test::sample_result(), true);
  BOOST_TEST(text.find("  \x1b[32mgreen\x1b[0m   Achieved\n") != std::string::npos);
  BOOST_TEST(text.find("  \x1b[2mnone\x1b[0m    no measurements\n") != std::string::npos);
  BOOST_TEST(text.find("  \x1b[33mamber\x1b[0m\n") != std::string::npos);
  // The column titles stay plain.
  BOOST_TEST(text.find("Weight  Status\n") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(columns_align_by_display_width_with_wide_and_combining_text) {
  kpi::ScoreResult r = kpi::test::sample_result();
  r.entities = {
      person("wang", "\u738B\u5C0F\u660E", "\u8D85\u989D"),  // 王小明, 超额
      // Nguyễn Thị Hồng, decomposed: combining marks take no column.
      person("hong", "Nguye\u0302\u0303n Thi\u0323 Ho\u0302\u0300ng", "\u0110a\u0323t"),
      person("ivan", "\u0418\u0432\u0430\u043D \u041F\u0435\u0442\u0440\u043E\u0432", "OK"),
      person("al", "Al", "\u8D85\u989D\u5B8C\u6210"),
  };
  r.warnings.clear();
  std::vector<std::string> lines = lines_of(render(r));
  std::vector<int> after_name;
  std::vector<int> status_at;
  const std::vector<std::string> labels = {"\u8D85\u989D\u5B8C\u6210", "\u8D85\u989D",
                                           "\u0110a\u0323t", "OK"};
  for (const std::string& line : lines) {
    if (line.find("\u00B7 person") != std::string::npos) {
      after_name.push_back(column_of(line, "\u00B7 person"));
    } else if (line.find("sales.revenue") != std::string::npos) {
      status_at.push_back(column_of(line, "red"));
      // The note after the status starts right after the Status column and its gap.
      for (const std::string& label : labels) {
        if (line.find(label) != std::string::npos) {
          BOOST_TEST(column_of(line, label) == column_of(line, "red") + 8);
          break;
        }
      }
      BOOST_TEST(line.find("  1,234,567.5  1,000,000  123.46       4     75     100  red   ") !=
                 std::string::npos);
    } else if (line.find("Status") != std::string::npos) {
      status_at.push_back(column_of(line, "Status"));
    }
  }
  BOOST_TEST_REQUIRE(after_name.size() == 4u);
  // The widest heading is "Nguyễn Thị Hồng (hong)": 22 columns, then one space.
  for (int column : after_name) {
    BOOST_TEST(column == 23);
  }
  BOOST_TEST_REQUIRE(status_at.size() == 8u);
  for (int column : status_at) {
    BOOST_TEST(column == status_at.front());
  }
  // In bytes the Chinese heading is 3 longer than its width, so byte padding would fail.
  BOOST_TEST(lines[0] == "\u738B\u5C0F\u660E (wang)          \u00B7 person \u00B7 sales");
}

BOOST_AUTO_TEST_CASE(control_characters_cannot_reach_the_terminal) {
  kpi::ScoreResult r = kpi::test::sample_result();
  r.entities[0].name = "Eve\x1b[2J\nX";
  r.entities[0].kpis[0].label = "a\tb";
  std::string text = render(r);
  BOOST_TEST(text.find('\x1b') == std::string::npos);
  BOOST_TEST(text.find('\t') == std::string::npos);
  BOOST_TEST(text.find("Eve [2J X (alice)") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(warnings_alone_when_there_is_nothing_to_score) {
  kpi::ScoreResult r = kpi::test::sample_result();
  r.entities.clear();
  BOOST_TEST(render(r) ==
             "warning: kpis/sales.yaml:12: describe the outcome in a few words\n"
             "warning: no rows for sales.calls\n");
  r.warnings.clear();
  BOOST_TEST(render(r) == "");
}

BOOST_AUTO_TEST_CASE(shows_coverage_a_withheld_reward_and_an_inactive_person) {
  // KPIs without a name show their ids; an empty unit is an empty cell.
  const char* expected = R"(Ana (ana)     · person · Sales
  KPI            Unit  Actual  Target  Achv %  Points  Score  Weight  Status
  sales.revenue           110     100     110       4   82.5      80  green
  sales.visits              —      20       —       —      —      20  none    no data
  Total 82.50 (coverage 80 %) · reward withheld: 1 of 2 KPIs unscored: sales.visits (no data)

Ben (ben)     · person · Sales
  KPI            Unit  Actual  Target  Achv %  Points  Score  Weight  Status
  sales.revenue           130     100     130    4.75     95     100  green
  Total 95.00 · reward B ×1 = 12,000,000

Cid (cid)     · person · Sales
  KPI            Unit  Actual  Target  Achv %  Points  Score  Weight  Status
  sales.revenue             —       —       —       —      —       —  none    not active in P
  Total — · not active in the period · reward —

Sales (sales) · unit
  No KPIs.
  Total 88.75 · members mean 88.75
)";
  BOOST_TEST(render(kpi::test::payroll_result(2)) == expected);
}

BOOST_AUTO_TEST_CASE(totals_print_with_the_precision_or_cut_to_two_decimals) {
  // Precision 0: 82.5 is rounded half away from zero, 94.996 reads 95.
  std::string text = render(kpi::test::payroll_result(0));
  BOOST_TEST(text.find("\n  Total 83 (coverage 80 %) · reward withheld: ") != std::string::npos);
  BOOST_TEST(text.find("\n  Total 95 · reward B ×1 = 12,000,000\n") != std::string::npos);
  BOOST_TEST(text.find("\n  Total 89 · members mean 89\n") != std::string::npos);
  // Precision none: 2 decimals cut toward zero, never above the tier's reach.
  text = render(kpi::test::payroll_result(std::nullopt));
  BOOST_TEST(text.find("\n  Total 82.50 (coverage 80 %) · reward withheld: ") != std::string::npos);
  BOOST_TEST(text.find("\n  Total 94.99 · reward B ×1 = 12,000,000\n") != std::string::npos);
  BOOST_TEST(text.find("\n  Total 88.74 · members mean 88.74\n") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(coverage_shows_only_when_known_and_partial) {
  kpi::ScoreResult r = kpi::test::payroll_result(2);
  r.entities[0].coverage = 100;
  r.entities[0].withheld = std::nullopt;
  r.entities[0].reward = kpi::Reward{"C", 0.5, std::nullopt};
  r.entities[1].coverage = std::nullopt;
  r.entities[3].coverage = 99.996;
  const std::string text = render(r);
  BOOST_TEST(text.find("\n  Total 82.50 · reward C ×0.5\n") != std::string::npos);
  BOOST_TEST(text.find("\n  Total 95.00 · reward B ×1 = 12,000,000\n") != std::string::npos);
  BOOST_TEST(text.find("\n  Total 88.75 (coverage 99.99 %) · members mean 88.75\n") !=
             std::string::npos);
  BOOST_TEST(text.find("coverage 100") == std::string::npos);
}

BOOST_AUTO_TEST_SUITE_END()
