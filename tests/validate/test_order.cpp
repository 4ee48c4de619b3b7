// The order of findings kpi-validate(1) promises: file by file, then line and column.

#include <boost/test/unit_test.hpp>

#include "kpi/validate/order.hpp"

using namespace kpi;

BOOST_AUTO_TEST_SUITE(validate_order)

namespace {

Diagnostic at(std::string file, int line, int column, std::string rule = "bad-id") {
  return Diagnostic{std::move(rule), Severity::error, "m", {std::move(file), line, column}, ""};
}

std::string places(const std::vector<Diagnostic>& ds) {
  std::string out;
  for (const Diagnostic& d : ds) {
    out += d.where.file + ":" + std::to_string(d.where.line) + ":" +
           std::to_string(d.where.column) + " ";
  }
  return out;
}

}  // namespace

BOOST_AUTO_TEST_CASE(files_in_the_given_order_then_lines_then_columns) {
  std::vector<Diagnostic> ds = {at("kpis/b.yaml", 2, 1), at("kpi.yaml", 9, 3), at("zz.csv", 1, 1),
                                at("kpis/b.yaml", 1, 8), at("", 0, 0),         at("kpi.yaml", 9, 1),
                                at("aa.yaml", 5, 5),     at("kpi.yaml", 1, 1)};
  sort_findings(ds, {"kpi.yaml", "kpis/b.yaml", "zz.csv"});
  BOOST_TEST(places(ds) ==
             "kpi.yaml:1:1 kpi.yaml:9:1 kpi.yaml:9:3 kpis/b.yaml:1:8 kpis/b.yaml:2:1 "
             "zz.csv:1:1 aa.yaml:5:5 :0:0 ");
}

BOOST_AUTO_TEST_CASE(findings_at_one_place_keep_their_order) {
  std::vector<Diagnostic> ds = {at("k.yaml", 3, 1, "second-found"), at("k.yaml", 1, 1),
                                at("k.yaml", 3, 1, "third-found")};
  sort_findings(ds, {"k.yaml"});
  BOOST_TEST(ds[1].rule == "second-found");
  BOOST_TEST(ds[2].rule == "third-found");
}

BOOST_AUTO_TEST_SUITE_END()
