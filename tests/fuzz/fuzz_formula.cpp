// libFuzzer target: the formula parser, the evaluator and the canonical form. Operand
// values come from the id's length, with missing ones, zeros and huge ones among them.

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <optional>
#include <string>
#include <string_view>

#include "kpi/formula/formula.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  const kpi::FormulaParse parse = kpi::parse_formula(text);
  if (!parse.expr) {
    if (parse.error.empty() || parse.error_column < 1) {
      std::abort();  // a refusal must say why and where
    }
    return 0;
  }
  (void)kpi::formula_refs(*parse.expr);
  const auto lookup = [](const std::string& id) -> std::optional<double> {
    switch (id.size() % 5) {
      case 0:
        return std::nullopt;
      case 1:
        return 0.0;
      case 2:
        return 1e308;
      case 3:
        return -2.5;
      default:
        return static_cast<double>(id.size());
    }
  };
  (void)kpi::evaluate_formula(*parse.expr, lookup);
  (void)kpi::to_string(*parse.expr);
  return 0;
}
