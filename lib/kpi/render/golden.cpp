// kpi test's results: the failures and a summary for people, JUnit XML for CI (one
// testcase per expectation, so that CI lists every number pinned).

#include <fmt/format.h>

#include "kpi/render/escape.hpp"
#include "kpi/render/render.hpp"
#include "kpi/render/text.hpp"
#include "kpi/render/visible.hpp"

namespace kpi {

namespace {

using render::xml_escape;

/// "tests/october.yaml:7: october as scored: em total: expected 12.5, got 106.35".
std::string failure_line(const ExpectationResult& r, const FieldFailure& f) {
  return render::place_text(f.where) + ": " + r.test + ": " + r.subject + " " + f.field +
         ": expected " + f.expected + ", got " + f.actual;
}

struct Counts {
  size_t tests = 0;
  size_t cases = 0;
  size_t failed = 0;
  size_t errors = 0;
};

Counts count(const std::vector<GoldenReport>& reports) {
  Counts c;
  for (const GoldenReport& report : reports) {
    c.tests += report.tests;
    for (const ExpectationResult& r : report.results) {
      c.cases += r.subject.empty() ? 0 : 1;
      c.failed += r.failures.empty() ? 0 : 1;
      c.errors += r.errors.empty() ? 0 : 1;
    }
  }
  return c;
}

std::string xml_attr(const std::string& text) { return xml_escape(text, true); }

}  // namespace

void render_golden_text(std::ostream& out, const std::vector<GoldenReport>& reports) {
  for (const GoldenReport& report : reports) {
    for (const ExpectationResult& r : report.results) {
      for (const FieldFailure& f : r.failures) {
        out << render::visible(failure_line(r, f)) << '\n';
      }
    }
  }
  const Counts c = count(reports);
  out << fmt::format("{} file{}, {} test{}, {} expectation{}: {} failed", reports.size(),
                     reports.size() == 1 ? "" : "s", c.tests, c.tests == 1 ? "" : "s", c.cases,
                     c.cases == 1 ? "" : "s", c.failed);
  if (c.errors != 0) {
    out << fmt::format(", {} with errors", c.errors);
  }
  out << '\n';
}

void render_golden_junit(std::ostream& out, const std::vector<GoldenReport>& reports) {
  const Counts all = count(reports);
  out << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
  out << fmt::format("<testsuites name=\"kpi test\" tests=\"{}\" failures=\"{}\" errors=\"{}\">\n",
                     all.cases + all.errors, all.failed, all.errors);
  for (const GoldenReport& report : reports) {
    const Counts c = count({report});
    out << fmt::format("  <testsuite name=\"{}\" tests=\"{}\" failures=\"{}\" errors=\"{}\">\n",
                       xml_attr(report.file), c.cases + c.errors, c.failed, c.errors);
    for (const ExpectationResult& r : report.results) {
      const std::string name = r.subject.empty() ? r.test : r.test + ": " + r.subject;
      // Only the attributes junit-10.xsd allows; the position is in each message.
      out << "    <testcase classname=\"" << xml_attr(report.file) << "\" name=\"" << xml_attr(name)
          << "\"";
      if (r.passed()) {
        out << "/>\n";
        continue;
      }
      out << ">\n";
      for (const FieldFailure& f : r.failures) {
        const std::string line = failure_line(r, f);
        out << "      <failure type=\"kpi-test\" message=\""
            << xml_attr(f.field + ": expected " + f.expected + ", got " + f.actual) << "\">"
            << xml_escape(line, false) << "</failure>\n";
      }
      for (const Diagnostic& d : r.errors) {
        const std::string line =
            render::place_text(d.where) + ": error[" + d.rule + "]: " + d.message;
        out << "      <error type=\"" << xml_attr(d.rule) << "\" message=\"" << xml_attr(d.message)
            << "\">" << xml_escape(line, false) << "</error>\n";
      }
      out << "    </testcase>\n";
    }
    out << "  </testsuite>\n";
  }
  out << "</testsuites>\n";
}

}  // namespace kpi
