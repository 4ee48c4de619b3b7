#pragma once
// Formula expressions of derived KPIs: + - * / ( ), numbers and KPI ids.

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace kpi {

struct Expr {
  enum class Kind { number, ref, negate, add, subtract, multiply, divide };
  Kind kind = Kind::number;
  double number = 0;  ///< for number
  std::string ref;    ///< for ref: a KPI id
  int column = 1;     ///< 1-based offset of this node's first character in the formula text
  std::shared_ptr<const Expr> lhs;  ///< operand of negate; left of binary operators
  std::shared_ptr<const Expr> rhs;
};

struct FormulaParse {
  std::shared_ptr<const Expr> expr;  ///< null on error
  std::string error;                 ///< e.g. "expected a number, KPI id or '(' after '*'"
  int error_column = 0;              ///< 1-based offset in the formula text
};

/// Parses a formula. An identifier is the longest run matching [a-z0-9][a-z0-9_.-]*;
/// a run made of digits with at most one '.' (and an optional exponent) is a number.
FormulaParse parse_formula(std::string_view text);

/// KPI ids the expression names, in order of first appearance, without repeats.
std::vector<std::string> formula_refs(const Expr& expr);

/// The value of an expression, or why it has none.
struct FormulaValue {
  std::optional<double> value;
  std::string reason;  ///< e.g. "division by zero", "no data for mkt.leads"
};

/// Evaluates left to right in double. `lookup` gives an operand's value or nullopt when
/// it is missing; a missing operand or a division by zero makes the result missing.
FormulaValue evaluate_formula(
    const Expr& expr, const std::function<std::optional<double>(const std::string&)>& lookup);

/// The expression written back in canonical form (for `kpi show` and tests).
std::string to_string(const Expr& expr);

}  // namespace kpi
