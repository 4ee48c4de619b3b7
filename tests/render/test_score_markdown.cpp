#include <boost/test/unit_test.hpp>
#include <sstream>

#include "kpi/render/render.hpp"
#include "payroll_sample.hpp"

namespace {

std::string render(const kpi::ScoreResult& result) {
  std::ostringstream out;
  kpi::render_score_markdown(out, result);
  return out.str();
}

}  // namespace

BOOST_AUTO_TEST_SUITE(render_score_markdown)

BOOST_AUTO_TEST_CASE(prints_the_sample_exactly) {
  const char* expected = R"md(# ACME Corp: 2026-10 (1 October 2026 to 31 October 2026)

As of 1 November 2026.

### Alice Nguyen (alice)

Person · member of Sales Department (sales) · total 80.00 · reward B ×1.25 = 15,000,000

| KPI | Unit | Actual | Target | Achievement | Points | Score | Weight | Status |
| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | --- |
| Net revenue | VND | 2,100,000,000 | 2,000,000,000 | 105 | 4 | 80 | 40 | green (Achieved) |
| Calls made | calls | — | 300 | — | — | — | 60 | none |

- Calls made: no measurements

### Carol (carol)

Person · member of Sales Department (sales) · total — · reward —

No KPIs.

### Sales Department (sales)

Unit · total 33.33 · members mean 80.00

| KPI | Unit | Actual | Target | Achievement | Points | Score | Weight | Status |
| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | --- |
| Gross margin | ratio | 0.3 | 0.25–0.35 | 100 | 3 | 33.33 | 1 | amber |

## Warnings

- warning[smart-specific]: kpis/sales.yaml:12: describe the outcome in a few words
- warning[missing-data]: no rows for sales.calls
)md";
  BOOST_TEST(render(kpi::test::sample_result()) == expected);
}

BOOST_AUTO_TEST_CASE(escapes_pipes_backslashes_and_line_breaks) {
  kpi::ScoreResult r = kpi::test::sample_result();
  r.entities.resize(1);
  r.entities[0].name = "A|B\\C\nD";
  r.entities[0].kpis[0].label = "x | y";
  r.warnings.clear();
  std::string text = render(r);
  BOOST_TEST(text.find("### A\\|B\\\\C D (alice)\n") != std::string::npos);
  BOOST_TEST(text.find("| green (x \\| y) |\n") != std::string::npos);
  // Without warnings there is no warnings section, and one newline ends the document.
  BOOST_TEST(text.find("Warnings") == std::string::npos);
  BOOST_TEST(text.back() == '\n');
  BOOST_TEST(text.substr(text.size() - 2) != "\n\n");
}

BOOST_AUTO_TEST_CASE(shows_coverage_a_withheld_reward_and_an_inactive_person) {
  const char* expected = R"md(# ACME Corp: 2026-10 (1 October 2026 to 31 October 2026)

As of 1 November 2026.

### Ana (ana)

Person · member of Sales (sales) · total 82.50 (coverage 80 %) · reward withheld: 1 of 2 KPIs unscored: sales.visits (no data)

| KPI | Unit | Actual | Target | Achievement | Points | Score | Weight | Status |
| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | --- |
| sales.revenue |  | 110 | 100 | 110 | 4 | 82.5 | 80 | green |
| sales.visits |  | — | 20 | — | — | — | 20 | none |

- sales.visits: no data

### Ben (ben)

Person · member of Sales (sales) · total 95.00 · reward B ×1 = 12,000,000

| KPI | Unit | Actual | Target | Achievement | Points | Score | Weight | Status |
| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | --- |
| sales.revenue |  | 130 | 100 | 130 | 4.75 | 95 | 100 | green |

### Cid (cid)

Person · member of Sales (sales) · total — · not active in the period · reward —

| KPI | Unit | Actual | Target | Achievement | Points | Score | Weight | Status |
| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | --- |
| sales.revenue |  | — | — | — | — | — | — | none |

- sales.revenue: not active in P

### Sales (sales)

Unit · total 88.75 · members mean 88.75

No KPIs.
)md";
  BOOST_TEST(render(kpi::test::payroll_result(2)) == expected);
}

BOOST_AUTO_TEST_CASE(totals_follow_the_precision) {
  std::string text = render(kpi::test::payroll_result(0));
  BOOST_TEST(text.find("· total 83 (coverage 80 %) · reward withheld: ") != std::string::npos);
  BOOST_TEST(text.find("· total 95 · reward B ×1 = 12,000,000\n") != std::string::npos);
  BOOST_TEST(text.find("Unit · total 89 · members mean 89\n") != std::string::npos);
  text = render(kpi::test::payroll_result(std::nullopt));
  BOOST_TEST(text.find("· total 94.99 · reward B ×1 = 12,000,000\n") != std::string::npos);
  BOOST_TEST(text.find("Unit · total 88.74 · members mean 88.74\n") != std::string::npos);
}

BOOST_AUTO_TEST_SUITE_END()
