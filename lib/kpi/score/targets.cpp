// STUB: replaced by the score module's implementation.
#include "kpi/score/targets.hpp"
#include <stdexcept>
namespace kpi {
std::optional<Target> slot_target(const Kpi&, std::string_view, const Period&) { throw std::logic_error("not implemented"); }
std::optional<double> slot_baseline(const Kpi&, std::string_view, const Period&) { throw std::logic_error("not implemented"); }
RolledUp roll_up(const Kpi&, std::string_view, const Period&) { throw std::logic_error("not implemented"); }
double weight_for(const Kpi&, std::string_view, const Period&) { throw std::logic_error("not implemented"); }
}  // namespace kpi
