#include <boost/test/unit_test.hpp>
#include <map>

#include "kpi/formula/formula.hpp"

namespace {

using Values = std::map<std::string, double>;

kpi::FormulaValue evaluate(std::string_view text, const Values& values = {}) {
  const kpi::FormulaParse parse = kpi::parse_formula(text);
  BOOST_REQUIRE(parse.expr);
  return kpi::evaluate_formula(*parse.expr, [&](const std::string& id) -> std::optional<double> {
    const auto found = values.find(id);
    if (found == values.end()) {
      return std::nullopt;
    }
    return found->second;
  });
}

double value_of(std::string_view text, const Values& values = {}) {
  const kpi::FormulaValue result = evaluate(text, values);
  BOOST_REQUIRE(result.value.has_value());
  BOOST_TEST(result.reason.empty());
  return *result.value;
}

std::string reason_of(std::string_view text, const Values& values = {}) {
  const kpi::FormulaValue result = evaluate(text, values);
  BOOST_TEST(!result.value.has_value());
  return result.reason;
}

std::vector<std::string> refs_of(std::string_view text) {
  const kpi::FormulaParse parse = kpi::parse_formula(text);
  BOOST_REQUIRE(parse.expr);
  return kpi::formula_refs(*parse.expr);
}

}  // namespace

BOOST_AUTO_TEST_SUITE(formula_evaluate)

BOOST_AUTO_TEST_CASE(precedence_and_left_associativity) {
  BOOST_TEST(value_of("2 + 3 * 4") == 14.0);
  BOOST_TEST(value_of("(2 + 3) * 4") == 20.0);
  BOOST_TEST(value_of("8 / 4 / 2") == 1.0);
  BOOST_TEST(value_of("8 / (4 / 2)") == 4.0);
  BOOST_TEST(value_of("10 - 3 - 2") == 5.0);
  BOOST_TEST(value_of("10 - (3 - 2)") == 9.0);
  BOOST_TEST(value_of("2 * 3 - 12 / 4 + 1") == 4.0);
}

BOOST_AUTO_TEST_CASE(unary_minus) {
  BOOST_TEST(value_of("-2 * 3") == -6.0);
  BOOST_TEST(value_of("--2") == 2.0);
  BOOST_TEST(value_of("2 - -3") == 5.0);
  BOOST_TEST(value_of("-(2 - 5)") == 3.0);
  BOOST_TEST(value_of("-x", {{"x", 4}}) == -4.0);
}

BOOST_AUTO_TEST_CASE(conversion_rate_by_hand) {
  // 100 x 45 = 4500, then 4500 / 300 = 15.
  BOOST_TEST(value_of("100 * mkt.orders / mkt.leads", {{"mkt.orders", 45}, {"mkt.leads", 300}}) ==
             15.0);
  BOOST_TEST(value_of("a.total - a.returns", {{"a.total", 120}, {"a.returns", 7.5}}) == 112.5);
  // Without spaces the minus belongs to the id.
  BOOST_TEST(value_of("a.total-a.returns", {{"a.total-a.returns", 3}}) == 3.0);
}

BOOST_AUTO_TEST_CASE(double_arithmetic_in_written_order) {
  // (0.1 + 0.2) + 0.3 and 0.1 + (0.2 + 0.3) are different doubles.
  BOOST_TEST(value_of("0.1 + 0.2 + 0.3") == 0.6000000000000001);
  BOOST_TEST(value_of("0.1 + (0.2 + 0.3)") == 0.6);
  BOOST_TEST(value_of("1 / 3 * 3") == 1.0);
  BOOST_TEST(value_of("2.5E3 / 0.25") == 10000.0);
}

BOOST_AUTO_TEST_CASE(missing_operands_name_the_first_from_the_left) {
  BOOST_TEST(reason_of("a + b", {{"a", 1}}) == "no data for b");
  BOOST_TEST(reason_of("x / y") == "no data for x");
  BOOST_TEST(reason_of("100 * mkt.orders / mkt.leads", {{"mkt.orders", 45}}) ==
             "no data for mkt.leads");
  BOOST_TEST(reason_of("-(q * 2)") == "no data for q");
}

BOOST_AUTO_TEST_CASE(division_by_zero) {
  BOOST_TEST(reason_of("a / 0", {{"a", 5}}) == "division by zero");
  BOOST_TEST(reason_of("a / (b - b)", {{"a", 5}, {"b", 2}}) == "division by zero");
  BOOST_TEST(reason_of("1 / -0") == "division by zero");
  BOOST_TEST(value_of("0 / 5") == 0.0);
  // Left to right: whichever fails first gives the reason.
  BOOST_TEST(reason_of("missing / 0") == "no data for missing");
  BOOST_TEST(reason_of("1 / 0 + missing") == "division by zero");
}

BOOST_AUTO_TEST_CASE(overflow_is_missing_not_infinite) {
  BOOST_TEST(reason_of("1e308 * 10") == "the result is too large for a number");
  BOOST_TEST(reason_of("-1e308 - 1e308") == "the result is too large for a number");
  // An intermediate overflow is not undone by what follows.
  BOOST_TEST(reason_of("1e308 * 10 / 1e10") == "the result is too large for a number");
  BOOST_TEST(value_of("1e308 / 2 * 2") == 1e308);
}

BOOST_AUTO_TEST_CASE(refs_in_order_of_first_appearance) {
  const std::vector<std::string> rate = {"mkt.orders", "mkt.leads"};
  BOOST_TEST(refs_of("100 * mkt.orders / mkt.leads") == rate, boost::test_tools::per_element());
  const std::vector<std::string> repeated = {"b", "a", "c"};
  BOOST_TEST(refs_of("b + a * b - c / a") == repeated, boost::test_tools::per_element());
  const std::vector<std::string> nested = {"a.x", "a.y"};
  BOOST_TEST(refs_of("-(a.x + (a.y)) / a.x") == nested, boost::test_tools::per_element());
  BOOST_TEST(refs_of("100 * 5").empty());
}

BOOST_AUTO_TEST_SUITE_END()
