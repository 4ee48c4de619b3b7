// STUB: replaced by the formula module's implementation.
#include "kpi/formula/formula.hpp"
#include <stdexcept>
namespace kpi {
FormulaParse parse_formula(std::string_view) { throw std::logic_error("not implemented"); }
std::vector<std::string> formula_refs(const Expr&) { throw std::logic_error("not implemented"); }
FormulaValue evaluate_formula(const Expr&,
                              const std::function<std::optional<double>(const std::string&)>&) {
  throw std::logic_error("not implemented");
}
std::string to_string(const Expr&) { throw std::logic_error("not implemented"); }
}  // namespace kpi
