#pragma once
// Boost.Test prints the day ranges of a plan that differ.

#include <ostream>

#include "kpi/warehouse/plan.hpp"

namespace kpi::warehouse {
inline std::ostream& boost_test_print_type(std::ostream& out, const Bucket& b) {
  return out << format_date(b.first) << ".." << format_date(b.last);
}
}  // namespace kpi::warehouse
