// What a parsed formula names, its value, and its canonical text.

#include <charconv>
#include <cmath>

#include "kpi/formula/formula.hpp"

namespace kpi {

namespace {

void collect_refs(const Expr& expr, std::vector<std::string>& refs) {
  if (expr.kind == Expr::Kind::ref) {
    for (const std::string& seen : refs) {
      if (seen == expr.ref) {
        return;
      }
    }
    refs.push_back(expr.ref);
    return;
  }
  if (expr.lhs) {
    collect_refs(*expr.lhs, refs);
  }
  if (expr.rhs) {
    collect_refs(*expr.rhs, refs);
  }
}

FormulaValue missing(std::string reason) { return FormulaValue{std::nullopt, std::move(reason)}; }

/// Binding strength, for printing: atoms bind tightest.
int precedence(Expr::Kind kind) {
  switch (kind) {
    case Expr::Kind::add:
    case Expr::Kind::subtract:
      return 1;
    case Expr::Kind::multiply:
    case Expr::Kind::divide:
      return 2;
    case Expr::Kind::negate:
      return 3;
    case Expr::Kind::number:
    case Expr::Kind::ref:
      return 4;
  }
  return 4;
}

std::string_view operator_text(Expr::Kind kind) {
  switch (kind) {
    case Expr::Kind::add:
      return " + ";
    case Expr::Kind::subtract:
      return " - ";
    case Expr::Kind::multiply:
      return " * ";
    default:
      return " / ";
  }
}

std::string format_number(double number) {
  // Shortest text that reads back as the same double.
  char buffer[64];
  const auto result = std::to_chars(buffer, buffer + sizeof buffer, number);
  return std::string(buffer, result.ptr);
}

std::string write(const Expr& expr);

std::string write_operand(const Expr* operand, bool parenthesize) {
  const std::string text = operand != nullptr ? write(*operand) : std::string("?");
  return parenthesize ? "(" + text + ")" : text;
}

std::string write(const Expr& expr) {
  const int own = precedence(expr.kind);
  const Expr* lhs = expr.lhs.get();
  const Expr* rhs = expr.rhs.get();
  switch (expr.kind) {
    case Expr::Kind::number:
      return format_number(expr.number);
    case Expr::Kind::ref:
      return expr.ref;
    case Expr::Kind::negate:
      return "-" + write_operand(lhs, lhs != nullptr && precedence(lhs->kind) < own);
    default:
      // Left-associative: a right operand of equal strength keeps its parentheses, since
      // a - (b - c) and a / (b / c) are other values, and in double so is a + (b + c).
      return write_operand(lhs, lhs != nullptr && precedence(lhs->kind) < own) +
             std::string(operator_text(expr.kind)) +
             write_operand(rhs, rhs != nullptr && precedence(rhs->kind) <= own);
  }
}

}  // namespace

std::vector<std::string> formula_refs(const Expr& expr) {
  std::vector<std::string> refs;
  collect_refs(expr, refs);
  return refs;
}

FormulaValue evaluate_formula(
    const Expr& expr, const std::function<std::optional<double>(const std::string&)>& lookup) {
  switch (expr.kind) {
    case Expr::Kind::number:
      return FormulaValue{expr.number, {}};
    case Expr::Kind::ref: {
      std::optional<double> value = lookup(expr.ref);
      if (!value) {
        return missing("no data for " + expr.ref);
      }
      return FormulaValue{value, {}};
    }
    default:
      break;
  }
  if (!expr.lhs || (expr.kind != Expr::Kind::negate && !expr.rhs)) {
    return missing("incomplete formula");
  }
  // Operands are evaluated left to right; the first that fails gives the reason.
  const FormulaValue left = evaluate_formula(*expr.lhs, lookup);
  if (!left.value) {
    return left;
  }
  if (expr.kind == Expr::Kind::negate) {
    return FormulaValue{-*left.value, {}};
  }
  const FormulaValue right = evaluate_formula(*expr.rhs, lookup);
  if (!right.value) {
    return right;
  }
  const double a = *left.value;
  const double b = *right.value;
  double result = 0;
  switch (expr.kind) {
    case Expr::Kind::add:
      result = a + b;
      break;
    case Expr::Kind::subtract:
      result = a - b;
      break;
    case Expr::Kind::multiply:
      result = a * b;
      break;
    default:
      if (b == 0) {
        return missing("division by zero");
      }
      result = a / b;
      break;
  }
  if (!std::isfinite(result)) {
    return missing("the result is too large for a number");
  }
  return FormulaValue{result, {}};
}

std::string to_string(const Expr& expr) { return write(expr); }

}  // namespace kpi
