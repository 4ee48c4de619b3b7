#include <boost/test/unit_test.hpp>

#include "kpi/formula/formula.hpp"

namespace {

/// The canonical text of the parse, or "error@<column>: <message>".
std::string parsed(std::string_view text) {
  const kpi::FormulaParse parse = kpi::parse_formula(text);
  if (!parse.expr) {
    return "error@" + std::to_string(parse.error_column) + ": " + parse.error;
  }
  BOOST_TEST(parse.error.empty());
  return kpi::to_string(*parse.expr);
}

std::shared_ptr<const kpi::Expr> tree(std::string_view text) {
  const kpi::FormulaParse parse = kpi::parse_formula(text);
  BOOST_REQUIRE(parse.expr);
  return parse.expr;
}

std::string repeat(std::string_view piece, int times) {
  std::string out;
  for (int i = 0; i < times; ++i) {
    out += piece;
  }
  return out;
}

const std::string k_operand = "expected a number, KPI id or '('";
const std::string k_alphabet = ": a formula holds numbers, KPI ids, + - * / and parentheses";

}  // namespace

BOOST_AUTO_TEST_SUITE(formula_parser)

using Kind = kpi::Expr::Kind;

BOOST_AUTO_TEST_CASE(precedence_shapes_the_tree) {
  const auto sum = tree("1 + 2 * 3");
  BOOST_TEST((sum->kind == Kind::add));
  BOOST_TEST(sum->lhs->number == 1.0);
  BOOST_TEST((sum->rhs->kind == Kind::multiply));
  BOOST_TEST(sum->rhs->column == 5);
  BOOST_TEST(sum->rhs->rhs->number == 3.0);

  const auto product = tree("(a + b) * c");
  BOOST_TEST((product->kind == Kind::multiply));
  BOOST_TEST(product->column == 1);  // starts at the '('
  BOOST_TEST((product->lhs->kind == Kind::add));
  BOOST_TEST(product->lhs->column == 2);
  BOOST_TEST(product->rhs->ref == "c");
  BOOST_TEST(product->rhs->column == 11);
}

BOOST_AUTO_TEST_CASE(operators_associate_to_the_left) {
  // 8 / 4 / 2 is (8 / 4) / 2.
  const auto quotient = tree("8/4/2");
  BOOST_TEST((quotient->kind == Kind::divide));
  BOOST_TEST((quotient->lhs->kind == Kind::divide));
  BOOST_TEST(quotient->rhs->number == 2.0);
  const auto difference = tree("10 - 3 - 2");
  BOOST_TEST((difference->kind == Kind::subtract));
  BOOST_TEST((difference->lhs->kind == Kind::subtract));
  BOOST_TEST(difference->lhs->rhs->number == 3.0);
  BOOST_TEST(difference->rhs->column == 10);
}

BOOST_AUTO_TEST_CASE(unary_minus_binds_tightest) {
  const auto negated = tree("-x * 2");
  BOOST_TEST((negated->kind == Kind::multiply));
  BOOST_TEST((negated->lhs->kind == Kind::negate));
  BOOST_TEST(negated->lhs->column == 1);
  BOOST_TEST(negated->lhs->lhs->ref == "x");
  BOOST_TEST(negated->lhs->lhs->column == 2);
  BOOST_TEST(!negated->lhs->rhs);
  const auto twice = tree("- - 5");
  BOOST_TEST((twice->kind == Kind::negate));
  BOOST_TEST((twice->lhs->kind == Kind::negate));
  BOOST_TEST(twice->lhs->column == 3);
  BOOST_TEST(twice->lhs->lhs->number == 5.0);
}

BOOST_AUTO_TEST_CASE(ids_keep_their_columns) {
  const auto rate = tree("100 * mkt.orders / mkt.leads");
  BOOST_TEST((rate->kind == Kind::divide));
  BOOST_TEST(rate->lhs->rhs->ref == "mkt.orders");
  BOOST_TEST(rate->lhs->rhs->column == 7);
  BOOST_TEST(rate->rhs->ref == "mkt.leads");
  BOOST_TEST(rate->rhs->column == 20);
  BOOST_TEST(tree("(x)")->column == 2);
  BOOST_TEST(tree("a.total-a.returns")->ref == "a.total-a.returns");
}

BOOST_AUTO_TEST_CASE(canonical_text_has_minimal_parentheses) {
  BOOST_TEST(parsed("100*mkt.orders/mkt.leads") == "100 * mkt.orders / mkt.leads");
  BOOST_TEST(parsed("1+2*3") == "1 + 2 * 3");
  BOOST_TEST(parsed("(1+2)*3") == "(1 + 2) * 3");
  BOOST_TEST(parsed("1+(2*3)") == "1 + 2 * 3");
  BOOST_TEST(parsed("((a))") == "a");
  BOOST_TEST(parsed("8/4/2") == "8 / 4 / 2");
  BOOST_TEST(parsed("(8/4)/2") == "8 / 4 / 2");
  BOOST_TEST(parsed("8/(4/2)") == "8 / (4 / 2)");
  BOOST_TEST(parsed("10 - (3 - 2)") == "10 - (3 - 2)");
  BOOST_TEST(parsed("a + (b + c)") == "a + (b + c)");  // another sum in double
  BOOST_TEST(parsed("a * (b / c)") == "a * (b / c)");
  BOOST_TEST(parsed("a / (b * c)") == "a / (b * c)");
  BOOST_TEST(parsed("(a * b) + (c / d)") == "a * b + c / d");
  BOOST_TEST(parsed("-(a*b)") == "-(a * b)");
  BOOST_TEST(parsed("(-a)*b") == "-a * b");
  BOOST_TEST(parsed("- - a") == "--a");
  BOOST_TEST(parsed("a--b") == "a--b");  // one id
  BOOST_TEST(parsed("a - -b") == "a - -b");
  BOOST_TEST(parsed("a*-b") == "a * -b");
  BOOST_TEST(parsed("-(a)") == "-a");
}

BOOST_AUTO_TEST_CASE(numbers_print_as_their_shortest_form) {
  BOOST_TEST(parsed("2.5E3") == "2500");
  BOOST_TEST(parsed("007") == "7");
  BOOST_TEST(parsed("0.1") == "0.1");
  BOOST_TEST(parsed("1e-5") == "1e-05");
  BOOST_TEST(parsed("1e21 * 5.") == "1e+21 * 5");
}

BOOST_AUTO_TEST_CASE(canonical_text_reads_back_the_same) {
  for (std::string_view text : {"100 * mkt.orders / mkt.leads", "a - (b - c) * -(d + e) / f",
                                "--(a) / (b / c) - 1e-05", "(a + b) * (c - d)", "1e+21 * -2.5"}) {
    const std::string once = parsed(text);
    BOOST_TEST(parsed(once) == once);
  }
}

BOOST_AUTO_TEST_CASE(missing_operands) {
  BOOST_TEST(parsed("") == "error@1: empty formula: " + k_operand);
  BOOST_TEST(parsed("   ") == "error@1: empty formula: " + k_operand);
  BOOST_TEST(parsed("a +") == "error@4: " + k_operand + " after '+'");
  BOOST_TEST(parsed("100 * mkt.orders /") == "error@19: " + k_operand + " after '/'");
  BOOST_TEST(parsed("2 * * 3") == "error@5: " + k_operand + " after '*'");
  BOOST_TEST(parsed("a + + b") == "error@5: " + k_operand + " after '+'");
  BOOST_TEST(parsed("* 3") == "error@1: " + k_operand + " at the start of the formula");
  BOOST_TEST(parsed(") + 1") == "error@1: " + k_operand + " at the start of the formula");
  BOOST_TEST(parsed("a + )") == "error@5: " + k_operand + " after '+'");
  BOOST_TEST(parsed("()") == "error@2: " + k_operand + " after '('");
  BOOST_TEST(parsed("-") == "error@2: " + k_operand + " after '-'");
  BOOST_TEST(parsed("2 * -") == "error@6: " + k_operand + " after '-'");
}

BOOST_AUTO_TEST_CASE(unbalanced_parentheses) {
  BOOST_TEST(parsed("a)") == "error@2: unexpected ')' with no matching '('");
  BOOST_TEST(parsed("(a))") == "error@4: unexpected ')' with no matching '('");
  BOOST_TEST(parsed("(a + b") == "error@7: unclosed '(' opened at column 1");
  BOOST_TEST(parsed("2 * (a + b") == "error@11: unclosed '(' opened at column 5");
  // The innermost unclosed '(' is reported.
  BOOST_TEST(parsed("((a)") == "error@5: unclosed '(' opened at column 1");
  BOOST_TEST(parsed("(a * (b)") == "error@9: unclosed '(' opened at column 1");
  BOOST_TEST(parsed("((a + b") == "error@8: unclosed '(' opened at column 2");
}

BOOST_AUTO_TEST_CASE(missing_operators) {
  BOOST_TEST(parsed("a b") == "error@3: missing operator before 'b'");
  BOOST_TEST(parsed("2 (a)") == "error@3: missing operator before '('");
  BOOST_TEST(parsed("(a b)") == "error@4: missing operator before 'b'");
  BOOST_TEST(parsed("2.5E3x") == "error@6: missing operator before 'x'");
}

BOOST_AUTO_TEST_CASE(bad_characters) {
  BOOST_TEST(parsed("100 % 2") == "error@5: unexpected character '%'" + k_alphabet);
  BOOST_TEST(parsed("a ^ 2") == "error@3: unexpected character '^'" + k_alphabet);
  BOOST_TEST(parsed("orders%") == "error@7: unexpected character '%'" + k_alphabet);
  BOOST_TEST(parsed("100 * Mkt.orders") == "error@7: unexpected 'M': KPI ids are lowercase");
  BOOST_TEST(parsed("2 * %") == "error@5: unexpected character '%'" + k_alphabet);
  BOOST_TEST(parsed(".5 + 1") == "error@1: unexpected character '.'" + k_alphabet);
  BOOST_TEST(parsed("1e999 + 1") == "error@1: number 1e999 is out of range");
  // The first problem from the left wins, even if a bad character follows.
  BOOST_TEST(parsed("a + * %") == "error@5: " + k_operand + " after '+'");
}

BOOST_AUTO_TEST_CASE(hostile_nesting_is_refused_not_crashed) {
  BOOST_TEST(parsed(repeat("(", 100) + "1" + repeat(")", 100)) == "1");
  BOOST_TEST(parsed(repeat("(", 101) + "1" + repeat(")", 101)) ==
             "error@101: formula nests '(' and '-' more than 100 deep");
  BOOST_TEST(parsed(repeat("-", 100) + "1") == repeat("-", 100) + "1");
  BOOST_TEST(parsed(repeat("-", 101) + "1") ==
             "error@101: formula nests '(' and '-' more than 100 deep");
  BOOST_TEST(parsed(repeat("(", 100000)) ==
             "error@101: formula nests '(' and '-' more than 100 deep");
  // A flat chain of 999 additions is a tree 1000 deep; one more is refused at its '+'.
  BOOST_TEST(parsed("1" + repeat(" + 1", 999)) == "1" + repeat(" + 1", 999));
  BOOST_TEST(parsed("1" + repeat(" + 1", 1000)) ==
             "error@3999: formula is too long or nested too deeply (more than 1000 levels)");
}

BOOST_AUTO_TEST_CASE(every_short_text_parses_or_points_inside_it) {
  // All texts of up to 4 characters over an alphabet that mixes every token kind.
  const std::string alphabet = "a1.-+*/()eE %";
  int bad_columns = 0;
  int unstable = 0;
  int parsed_count = 0;
  std::vector<std::string> texts = {""};
  for (int length = 1; length <= 4; ++length) {
    std::vector<std::string> longer;
    for (const std::string& text : texts) {
      for (char c : alphabet) {
        longer.push_back(text + c);
      }
    }
    for (const std::string& text : longer) {
      const kpi::FormulaParse parse = kpi::parse_formula(text);
      if (!parse.expr) {
        const bool inside =
            parse.error_column >= 1 && parse.error_column <= static_cast<int>(text.size()) + 1;
        bad_columns += (inside && !parse.error.empty()) ? 0 : 1;
        continue;
      }
      ++parsed_count;
      const std::string canonical = kpi::to_string(*parse.expr);
      unstable += parsed(canonical) == canonical ? 0 : 1;
    }
    texts = std::move(longer);
  }
  BOOST_TEST(bad_columns == 0);
  BOOST_TEST(unstable == 0);
  BOOST_TEST(parsed_count > 0);
}

BOOST_AUTO_TEST_SUITE_END()
