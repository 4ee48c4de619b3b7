#include <boost/test/unit_test.hpp>
#include <sstream>

#include "kpi/render/render.hpp"
#include "sample.hpp"

namespace {

std::string render(const kpi::ScoreResult& result) {
  std::ostringstream out;
  kpi::render_score_markdown(out, result);
  return out.str();
}

}  // namespace

BOOST_AUTO_TEST_SUITE(render_score_markdown)

BOOST_AUTO_TEST_CASE(prints_the_sample_exactly) {
  const char* expected = R"md(# ACME Corp: 2026-10 (2026-10-01 to 2026-10-31)

As of 2026-11-01.

### Alice Nguyen (alice)

Person · member of Sales Department (sales) · total 80 · reward B ×1.25 = 15,000,000

| KPI | Actual | Target | Achievement | Points | Score | Weight | Status |
| --- | ---: | ---: | ---: | ---: | ---: | ---: | --- |
| sales.revenue | 2,100,000,000 | 2,000,000,000 | 105 | 4 | 80 | 40 | green (Achieved) |
| sales.calls | — | 300 | — | — | — | 60 | none |

- sales.calls: no measurements

### Carol (carol)

Person · member of Sales Department (sales) · total — · reward —

No KPIs.

### Sales Department (sales)

Unit · total 33.33 · members mean 80

| KPI | Actual | Target | Achievement | Points | Score | Weight | Status |
| --- | ---: | ---: | ---: | ---: | ---: | ---: | --- |
| sales.margin | 0.3 | 0.25–0.35 | 100 | 3 | 33.33 | 1 | amber |

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

BOOST_AUTO_TEST_SUITE_END()
