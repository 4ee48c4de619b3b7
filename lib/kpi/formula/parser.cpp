// Recursive-descent parser for formulas:
//   expr  = term (('+' | '-') term)*
//   term  = unary (('*' | '/') unary)*
//   unary = '-' unary | primary
//   primary = number | id | '(' expr ')'

#include <fmt/format.h>

#include <algorithm>
#include <utility>

#include "kpi/formula/formula.hpp"
#include "kpi/formula/lexer.hpp"

namespace kpi {

using formula_detail::Token;

namespace {

/// Deeper trees and nesting are refused so that parsing, evaluating, printing and freeing
/// them never exhausts the stack.
constexpr int k_max_depth = 1000;
constexpr int k_max_nesting = 100;

struct ParseFailure {
  std::string message;
  int column;
};

struct Node {
  std::shared_ptr<const Expr> expr;
  int depth = 1;
  int start_column = 1;  ///< of the text that produced it, '(' included
};

class Parser {
 public:
  explicit Parser(std::vector<Token> tokens) : m_tokens(std::move(tokens)) {}

  Node parse_formula() {
    if (peek().kind == Token::Kind::end) {
      throw ParseFailure{"empty formula: expected a number, KPI id or '('", 1};
    }
    Node node = parse_expr("at the start of the formula");
    const Token& next = peek();
    if (next.kind == Token::Kind::close) {
      throw ParseFailure{"unexpected ')' with no matching '('", next.column};
    }
    if (next.kind != Token::Kind::end) {
      fail_after_operand(next);
    }
    return node;
  }

 private:
  const Token& peek() const { return m_tokens[m_next]; }
  const Token& take() { return m_tokens[m_next++]; }

  static std::string after(const Token& token) { return fmt::format("after '{}'", token.text); }

  /// An operand was complete and `token` neither continues nor ends it.
  [[noreturn]] static void fail_after_operand(const Token& token) {
    if (token.kind == Token::Kind::invalid) {
      throw ParseFailure{token.error, token.column};
    }
    throw ParseFailure{fmt::format("missing operator before '{}'", token.text), token.column};
  }

  static Node make(Expr expr, int depth, int error_column) {
    if (depth > k_max_depth) {
      throw ParseFailure{
          fmt::format("formula is too long or nested too deeply (more than {} levels)",
                      k_max_depth),
          error_column};
    }
    const int start = expr.column;
    return Node{std::make_shared<const Expr>(std::move(expr)), depth, start};
  }

  void enter(const Token& token) {
    if (++m_nesting > k_max_nesting) {
      throw ParseFailure{fmt::format("formula nests '(' and '-' more than {} deep", k_max_nesting),
                         token.column};
    }
  }

  static Node binary(const Token& op, Node lhs, Node rhs) {
    Expr expr;
    switch (op.kind) {
      case Token::Kind::plus:
        expr.kind = Expr::Kind::add;
        break;
      case Token::Kind::minus:
        expr.kind = Expr::Kind::subtract;
        break;
      case Token::Kind::star:
        expr.kind = Expr::Kind::multiply;
        break;
      default:
        expr.kind = Expr::Kind::divide;
        break;
    }
    expr.column = lhs.start_column;
    const int depth = std::max(lhs.depth, rhs.depth) + 1;
    expr.lhs = std::move(lhs.expr);
    expr.rhs = std::move(rhs.expr);
    return make(std::move(expr), depth, op.column);
  }

  Node parse_expr(const std::string& context) {
    Node lhs = parse_term(context);
    while (peek().kind == Token::Kind::plus || peek().kind == Token::Kind::minus) {
      const Token& op = take();
      Node rhs = parse_term(after(op));
      lhs = binary(op, std::move(lhs), std::move(rhs));
    }
    return lhs;
  }

  Node parse_term(const std::string& context) {
    Node lhs = parse_unary(context);
    while (peek().kind == Token::Kind::star || peek().kind == Token::Kind::slash) {
      const Token& op = take();
      Node rhs = parse_unary(after(op));
      lhs = binary(op, std::move(lhs), std::move(rhs));
    }
    return lhs;
  }

  Node parse_unary(const std::string& context) {
    if (peek().kind != Token::Kind::minus) {
      return parse_primary(context);
    }
    const Token& op = take();
    enter(op);
    Node operand = parse_unary(after(op));
    --m_nesting;
    Expr expr;
    expr.kind = Expr::Kind::negate;
    expr.column = op.column;
    expr.lhs = std::move(operand.expr);
    return make(std::move(expr), operand.depth + 1, op.column);
  }

  Node parse_primary(const std::string& context) {
    const Token& token = take();
    switch (token.kind) {
      case Token::Kind::number: {
        Expr expr;
        expr.kind = Expr::Kind::number;
        expr.number = token.number;
        expr.column = token.column;
        return make(std::move(expr), 1, token.column);
      }
      case Token::Kind::id: {
        Expr expr;
        expr.kind = Expr::Kind::ref;
        expr.ref = std::string(token.text);
        expr.column = token.column;
        return make(std::move(expr), 1, token.column);
      }
      case Token::Kind::open:
        return parse_group(token);
      case Token::Kind::invalid:
        throw ParseFailure{token.error, token.column};
      default:
        throw ParseFailure{fmt::format("expected a number, KPI id or '(' {}", context),
                           token.column};
    }
  }

  Node parse_group(const Token& open) {
    enter(open);
    Node inner = parse_expr(after(open));
    --m_nesting;
    const Token& close = peek();
    if (close.kind == Token::Kind::end) {
      throw ParseFailure{fmt::format("unclosed '(' opened at column {}", open.column),
                         close.column};
    }
    if (close.kind != Token::Kind::close) {
      fail_after_operand(close);
    }
    take();
    // The group is its inner expression; an operator around it starts at the '('.
    inner.start_column = open.column;
    return inner;
  }

  std::vector<Token> m_tokens;
  std::size_t m_next = 0;
  int m_nesting = 0;
};

}  // namespace

FormulaParse parse_formula(std::string_view text) {
  try {
    Parser parser(formula_detail::tokenize(text));
    return FormulaParse{parser.parse_formula().expr, {}, 0};
  } catch (const ParseFailure& failure) {
    return FormulaParse{nullptr, failure.message, failure.column};
  }
}

}  // namespace kpi
