// STUB: replaced by the score module's implementation.
#include "kpi/score/score.hpp"
#include <stdexcept>
namespace kpi {
ScoreResult compute_scores(const Workspace&, const MeasurementIndex&, const PeriodAggregates&,
                           const ScoreRequest&) {
  throw std::logic_error("not implemented");
}
}  // namespace kpi
