// STUB: replaced by the validate module's implementation.
#include "kpi/validate/validate.hpp"
namespace kpi {
std::vector<Diagnostic> validate_workspace(const Workspace&) { return {}; }
}  // namespace kpi
