// STUB: replaced by the csv module's implementation.
#include "kpi/csv/measurements.hpp"
#include <stdexcept>
namespace kpi {
MeasurementIndex::MeasurementIndex(const Workspace&) { throw std::logic_error("not implemented"); }
std::optional<int> MeasurementIndex::kpi(std::string_view) const { throw std::logic_error("not implemented"); }
std::optional<int> MeasurementIndex::entity(std::string_view) const { throw std::logic_error("not implemented"); }
bool MeasurementIndex::is_assigned(int, int) const { throw std::logic_error("not implemented"); }
ReadReport read_measurements(std::istream&, const std::string&, const MeasurementIndex&,
                             const std::function<void(const Observation&)>&, const ReadOptions&) {
  throw std::logic_error("not implemented");
}
std::optional<double> parse_decimal(std::string_view) { throw std::logic_error("not implemented"); }
}  // namespace kpi
