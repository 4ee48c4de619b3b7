#include <boost/test/unit_test.hpp>

#include "kpi/formula/lexer.hpp"

using kpi::formula_detail::Token;
using kpi::formula_detail::tokenize;

namespace {

/// Each token as kind:text@column, e.g. "id:a.total@1 -@9 num:2@11 end@12".
std::string show(std::string_view text) {
  std::string out;
  for (const Token& token : tokenize(text)) {
    std::string item;
    switch (token.kind) {
      case Token::Kind::number:
        item = "num:" + std::string(token.text);
        break;
      case Token::Kind::id:
        item = "id:" + std::string(token.text);
        break;
      case Token::Kind::end:
        item = "end";
        break;
      case Token::Kind::invalid:
        item = "bad(" + token.error + ")";
        break;
      default:
        item = std::string(token.text);
        break;
    }
    out += (out.empty() ? "" : " ") + item + "@" + std::to_string(token.column);
  }
  return out;
}

double number_of(std::string_view text) {
  const std::vector<Token> tokens = tokenize(text);
  BOOST_REQUIRE(tokens.front().kind == Token::Kind::number);
  return tokens.front().number;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(formula_lexer)

BOOST_AUTO_TEST_CASE(operators_parentheses_and_whitespace) {
  BOOST_TEST(show("(a+b)*c/d -e") ==
             "(@1 id:a@2 +@3 id:b@4 )@5 *@6 id:c@7 /@8 id:d@9 -@11 id:e@12 end@13");
  BOOST_TEST(show(" \t a \n+\r\n 2 ") == "id:a@4 +@7 num:2@11 end@13");
  BOOST_TEST(show("") == "end@1");
  BOOST_TEST(show("   ") == "end@4");
}

BOOST_AUTO_TEST_CASE(an_id_is_the_longest_run) {
  // Without spaces a minus sign is part of the id.
  BOOST_TEST(show("a.total-a.returns") == "id:a.total-a.returns@1 end@18");
  BOOST_TEST(show("a.total - a.returns") == "id:a.total@1 -@9 id:a.returns@11 end@20");
  BOOST_TEST(show("mkt_2.q-4") == "id:mkt_2.q-4@1 end@10");
  BOOST_TEST(show("3rd.party") == "id:3rd.party@1 end@10");
  // A run of digits that goes on as an id is an id, even one that looks like 10-3.
  BOOST_TEST(show("10-3") == "id:10-3@1 end@5");
  BOOST_TEST(show("1.2.3") == "id:1.2.3@1 end@6");
  BOOST_TEST(show("1e5x") == "id:1e5x@1 end@5");
  BOOST_TEST(show("-a") == "-@1 id:a@2 end@3");
}

BOOST_AUTO_TEST_CASE(numbers) {
  BOOST_TEST(show("100") == "num:100@1 end@4");
  BOOST_TEST(show("2.5") == "num:2.5@1 end@4");
  BOOST_TEST(show("1e-5") == "num:1e-5@1 end@5");
  BOOST_TEST(show("2.5E3") == "num:2.5E3@1 end@6");
  BOOST_TEST(show("1e+5*2") == "num:1e+5@1 *@5 num:2@6 end@7");
  BOOST_TEST(show("5.") == "num:5.@1 end@3");
  // An exponent needs digits: "2.5E" is 2.5 followed by a bad character.
  BOOST_TEST(show("2.5E") == "num:2.5@1 bad(unexpected 'E': KPI ids are lowercase)@4");
  BOOST_TEST(number_of("100") == 100.0);
  BOOST_TEST(number_of("2.5") == 2.5);
  BOOST_TEST(number_of("1e-5") == 0.00001);
  BOOST_TEST(number_of("2.5E3") == 2500.0);
  BOOST_TEST(number_of("007") == 7.0);
}

BOOST_AUTO_TEST_CASE(bad_characters_stop_the_tokens) {
  BOOST_TEST(show("a % b") ==
             "id:a@1 bad(unexpected character '%': a formula holds numbers, KPI ids, + - * / "
             "and parentheses)@3");
  BOOST_TEST(show("Mkt.orders") == "bad(unexpected 'M': KPI ids are lowercase)@1");
  BOOST_TEST(show("a ^ 2") ==
             "id:a@1 bad(unexpected character '^': a formula holds numbers, KPI ids, + - * / "
             "and parentheses)@3");
  BOOST_TEST(show("_a") ==
             "bad(unexpected character '_': a formula holds numbers, KPI ids, + - * / and "
             "parentheses)@1");
  BOOST_TEST(show("a\xc3\xa9") ==
             "id:a@1 bad(unexpected byte 0xc3: a formula holds numbers, KPI ids, + - * / and "
             "parentheses)@2");
  BOOST_TEST(show("1e999") == "bad(number 1e999 is out of range)@1");
}

BOOST_AUTO_TEST_SUITE_END()
