#include <libintl.h>

#include <boost/test/unit_test.hpp>
#include <clocale>
#include <cstdlib>
#include <sstream>

#include "kpi/payout/payout.hpp"
#include "kpi/render/labels.hpp"
#include "kpi/render/render.hpp"
#include "kpi/render/text.hpp"
#include "kpi/render/total_text.hpp"
#include "report_sample.hpp"

namespace {

/// Vietnamese for the test's life, from the catalogue the build compiled (po/vi.po);
/// English again after it.
struct Vietnamese {
  Vietnamese() {
    setenv("LANGUAGE", "vi", 1);
    std::setlocale(LC_MESSAGES, "C.UTF-8");
    bindtextdomain(kpi::render::k_text_domain, KPI_TEST_LOCALEDIR);
    bind_textdomain_codeset(kpi::render::k_text_domain, "UTF-8");
    kpi::render::set_language("vi");
  }
  ~Vietnamese() {
    kpi::render::set_language("en");
    unsetenv("LANGUAGE");
  }
};

/// Every text output of score, report and payout on the samples, in the current language.
std::string render_everything() {
  std::ostringstream out;
  for (const kpi::ScoreResult& r : {kpi::test::sample_result(), kpi::test::payroll_result(2)}) {
    kpi::render_score_table(out, r, kpi::RenderOptions{});
    kpi::render_score_markdown(out, r);
    out << kpi::render_score_xlsx(r).size();
    kpi::Workspace ws;
    const kpi::Payout payout = kpi::build_payout(ws, r);
    kpi::render_payout_table(out, payout);
    out << kpi::render_payout_xlsx(payout).size();
  }
  kpi::Report running = kpi::test::sample_report();
  running.running = true;
  running.elapsed_days = 12;
  running.at_risk.push_back(kpi::AtRisk{"alice", "sales.revenue", kpi::Status::red, true, 10, {}});
  kpi::Report empty = kpi::test::payroll_report();
  empty.no_data = true;
  for (const kpi::Report& r :
       {kpi::test::sample_report(), kpi::test::payroll_report(), running, empty}) {
    kpi::render_report_markdown(out, r);
    kpi::render_report_html(out, r, "2026-12-01 06:00 UTC");
    out << kpi::render_report_xlsx(r).size();
  }
  return out.str();
}

}  // namespace

BOOST_AUTO_TEST_SUITE(render_labels)

BOOST_AUTO_TEST_CASE(english_numbers_and_dates) {
  BOOST_TEST(kpi::render::human_number(1250000000.5, 2) == "1,250,000,000.5");
  BOOST_TEST(kpi::render::fixed_number(95.2, 2) == "95.20");
  BOOST_TEST(kpi::render::date_in_words(kpi::make_date(2026, 11, 5)) == "5 November 2026");
}

BOOST_AUTO_TEST_CASE(vietnamese_numbers_dates_and_labels) {
  Vietnamese vi;
  BOOST_TEST(kpi::render::human_number(1250000000.5, 2) == "1.250.000.000,5");
  BOOST_TEST(kpi::render::human_number(-1152000000, 2) == "-1.152.000.000");
  BOOST_TEST(kpi::render::fixed_number(95.2, 2) == "95,20");
  BOOST_TEST(kpi::render::truncated_number(94.996, 2, true) == "94,99");
  BOOST_TEST(kpi::render::human_coverage(80.5) == "80,5 %");
  BOOST_TEST(kpi::render::date_in_words(kpi::make_date(2026, 11, 5)) == "ngày 5 tháng 11 năm 2026");
  BOOST_TEST(std::string(kpi::render::tr("Total")) == "Tổng");
  BOOST_TEST(kpi::render::status_label(kpi::Status::green) == "xanh");
}

BOOST_AUTO_TEST_CASE(every_label_of_every_output_has_a_vietnamese_translation) {
  Vietnamese vi;
  render_everything();
  for (const std::string& label : kpi::render::untranslated_labels()) {
    BOOST_ERROR("po/vi.po lacks: " << label);
  }
  BOOST_TEST(kpi::render::untranslated_labels().empty());
}

// English is the msgids themselves, and comes back whole after another language: nothing
// of Vietnamese (labels, separators, month names) stays in the process's state.
BOOST_AUTO_TEST_CASE(english_is_the_msgids_and_comes_back_after_vietnamese) {
  kpi::render::set_language("en");
  const std::string before = render_everything();
  BOOST_TEST(before.find("Scorecards") != std::string::npos);
  BOOST_TEST(before.find("1 October 2026") != std::string::npos);
  BOOST_TEST(before.find("T\u1ed5ng") == std::string::npos);  // "Tổng"
  {
    Vietnamese vi;
    const std::string vietnamese = render_everything();
    BOOST_TEST(vietnamese.find("T\u1ed5ng") != std::string::npos);
    BOOST_TEST((vietnamese != before));
  }
  BOOST_TEST((render_everything() == before));
}

BOOST_AUTO_TEST_SUITE_END()
