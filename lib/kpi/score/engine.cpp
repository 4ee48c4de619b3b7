// STUB: replaced by the score module's implementation.
#include "kpi/score/score.hpp"
#include <stdexcept>
namespace kpi {
AggregateResult aggregate_measurements(const MeasurementIndex&, const std::vector<std::string>&,
                                       const std::vector<std::pair<Period, Date>>&,
                                       const ReadOptions&) {
  throw std::logic_error("not implemented");
}
ScoreResult compute_scores(const Workspace&, const MeasurementIndex&, const PeriodAggregates&,
                           const ScoreRequest&) {
  throw std::logic_error("not implemented");
}
}  // namespace kpi
