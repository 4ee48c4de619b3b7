#include <boost/test/unit_test.hpp>
#include <sstream>

#include "kpi/render/render.hpp"
#include "payroll_sample.hpp"

namespace {

std::string render(const kpi::ScoreResult& result, char delimiter) {
  std::ostringstream out;
  kpi::render_score_csv(out, result, delimiter);
  return out.str();
}

/// The sample with one entity whose text cells hold everything hostile.
kpi::ScoreResult hostile_result() {
  kpi::ScoreResult r = kpi::test::sample_result();
  kpi::EntityScore& alice = r.entities[0];
  alice.name = "Nguyen, \"Al\"\nice";
  alice.kpis[0].label = "=HYPERLINK(\"x\")";
  alice.kpis[0].reason = "-2+3";
  alice.kpis[1].reason = "@SUM(A1)\tnow";
  alice.kpis[1].label = "+1";
  alice.kpis[1].actual = -5;  // a number, not text: no apostrophe
  r.entities.resize(1);
  return r;
}

const char* const k_header =
    "entity,kind,name,kpi,kpi_name,unit,actual,target,target_high,achievement,points,score,"
    "weight,status,label,rows,missing,reason,total,coverage,withheld\n";

}  // namespace

BOOST_AUTO_TEST_SUITE(render_score_csv)

BOOST_AUTO_TEST_CASE(prints_the_sample_exactly) {
  std::string expected =
      std::string(k_header) +
      "alice,person,Alice Nguyen,sales.revenue,Net revenue,VND,2100000000,2000000000,,105,4,"
      "80,40,green,Achieved,23,false,,80,,\n"
      "alice,person,Alice Nguyen,sales.calls,Calls made,calls,,300,,,,,60,none,,0,true,"
      "no measurements,80,,\n"
      "carol,person,Carol,,,,,,,,,,,,,,,,,,\n"
      "sales,unit,Sales Department,sales.margin,Gross margin,ratio,0.30000000000000004,0.25,0.35,"
      "100,3,33.333333333333336,1,amber,,3,false,,33.333333333333336,,\n";
  BOOST_TEST(render(kpi::test::sample_result(), ',') == expected);
}

BOOST_AUTO_TEST_CASE(an_entity_without_kpis_still_shows_its_total) {
  kpi::ScoreResult r = kpi::test::sample_result();
  r.entities[1].total = 12.5;
  std::string text = render(r, ',');
  BOOST_TEST(text.find("\ncarol,person,Carol,,,,,,,,,,,,,,,,12.5,,\n") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(quotes_per_rfc_4180_and_guards_formulas) {
  std::string expected =
      std::string(k_header) +
      "alice,person,\"Nguyen, \"\"Al\"\"\nice\",sales.revenue,Net revenue,VND,2100000000,"
      "2000000000,,105,4,80,40,green,\"'=HYPERLINK(\"\"x\"\")\",23,false,'-2+3,"
      "80,,\n"
      "alice,person,\"Nguyen, \"\"Al\"\"\nice\",sales.calls,Calls made,calls,-5,300,,,,,60,none,"
      "'+1,0,true,'@SUM(A1)\tnow,80,,\n";
  BOOST_TEST(render(hostile_result(), ',') == expected);
}

BOOST_AUTO_TEST_CASE(tsv_flattens_tabs_and_newlines_and_guards_formulas) {
  std::string expected =
      "entity\tkind\tname\tkpi\tkpi_name\tunit\tactual\ttarget\ttarget_"
      "high\tachievement\tpoints\tscore\tweight\t"
      "status\tlabel\trows\tmissing\treason\ttotal\tcoverage\twithheld\n"
      "alice\tperson\tNguyen, \"Al\" ice\tsales.revenue\tNet "
      "revenue\tVND\t2100000000\t2000000000\t\t105\t4\t80\t40\t"
      "green\t'=HYPERLINK(\"x\")\t23\tfalse\t'-2+3\t80\t\t\n"
      "alice\tperson\tNguyen, \"Al\" ice\tsales.calls\tCalls "
      "made\tcalls\t-5\t300\t\t\t\t\t60\tnone\t'+1\t0\ttrue\t"
      "'@SUM(A1) now\t80\t\t\n";
  BOOST_TEST(render(hostile_result(), '\t') == expected);
}

BOOST_AUTO_TEST_CASE(a_cell_starting_with_tab_or_cr_is_guarded_and_quoted) {
  kpi::ScoreResult r = kpi::test::sample_result();
  r.entities.resize(1);
  r.entities[0].kpis.resize(1);
  r.entities[0].kpis[0].label = "\tx";
  r.entities[0].kpis[0].reason = "\ry";
  std::string text = render(r, ',');
  BOOST_TEST(text.find(",green,'\tx,23,false,\"'\ry\",80,,\n") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(huge_and_tiny_numbers_stay_plain) {
  kpi::ScoreResult r = kpi::test::sample_result();
  r.entities.resize(1);
  r.entities[0].kpis.resize(1);
  r.entities[0].kpis[0].actual = 1e21;
  r.entities[0].kpis[0].target = kpi::Target{1.5e-7, 1.5e-7, false};
  std::string text = render(r, ',');
  BOOST_TEST(text.find(",sales.revenue,Net revenue,VND,1000000000000000000000,0.00000015,,105,") !=
             std::string::npos);
}

BOOST_AUTO_TEST_CASE(coverage_and_withheld_follow_the_total_on_every_row) {
  const std::string withheld = "1 of 2 KPIs unscored: sales.visits (no data)";
  std::string expected =
      std::string(k_header) +
      "ana,person,Ana,sales.revenue,,,110,100,,110,4,82.5,80,green,,3,false,,82.5,80," + withheld +
      "\n"
      "ana,person,Ana,sales.visits,,,,20,,,,,20,none,,0,true,no data,82.5,80," +
      withheld +
      "\n"
      "ben,person,Ben,sales.revenue,,,130,100,,130,4.7498,94.996,100,green,,2,false,,94.996,100,\n"
      // Not active: every number empty, the weight too.
      "cid,person,Cid,sales.revenue,,,,,,,,,,none,,0,false,not active in P,,,\n"
      "sales,unit,Sales,,,,,,,,,,,,,,,,88.748,,\n";
  // Numbers as the JSON holds them, whatever the precision.
  BOOST_TEST(render(kpi::test::payroll_result(2), ',') == expected);
  BOOST_TEST(render(kpi::test::payroll_result(std::nullopt), ',') == expected);
}

BOOST_AUTO_TEST_CASE(a_withheld_reason_with_commas_is_quoted_and_tsv_keeps_it_whole) {
  kpi::ScoreResult r = kpi::test::payroll_result(2);
  r.entities.resize(1);
  r.entities[0].kpis.resize(1);
  r.entities[0].coverage = 200.0 / 3;
  r.entities[0].withheld = "2 of 3 KPIs unscored: a (no data), b (achievement undefined)";
  BOOST_TEST(render(r, ',').find(",82.5,66.66666666666667,\"2 of 3 KPIs unscored: a (no data), b "
                                 "(achievement undefined)\"\n") != std::string::npos);
  BOOST_TEST(render(r, '\t').find("\t82.5\t66.66666666666667\t2 of 3 KPIs unscored: a (no data), "
                                  "b (achievement undefined)\n") != std::string::npos);
}

BOOST_AUTO_TEST_SUITE_END()
