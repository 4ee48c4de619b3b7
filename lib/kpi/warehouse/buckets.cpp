// The day ranges of a warehouse read (see plan.hpp): every edge of a period, of its as-of
// cut and of a person's active days becomes a cut, and the pieces inside some period stay.

#include <algorithm>

#include "kpi/csv/measurements.hpp"
#include "kpi/warehouse/plan.hpp"

namespace kpi::warehouse {

std::vector<Bucket> buckets_for(const std::vector<std::pair<Period, Date>>& periods,
                                const std::vector<Period>& active_days) {
  std::vector<Period> counted;  // each period's days that can count
  for (const auto& [period, as_of] : periods) {
    Period days = period;
    if (period.contains(as_of)) {
      days.end = as_of;
    }
    counted.push_back(days);
  }
  std::vector<int> cuts;  // first days of pieces
  for (const Period& p : counted) {
    cuts.push_back(p.start.days);
    cuts.push_back(p.end.days + 1);
  }
  for (const Period& active : active_days) {
    cuts.push_back(active.start.days);
    cuts.push_back(active.end.days + 1);
  }
  std::sort(cuts.begin(), cuts.end());
  cuts.erase(std::unique(cuts.begin(), cuts.end()), cuts.end());
  std::vector<Bucket> out;
  for (size_t i = 0; i + 1 < cuts.size(); ++i) {
    const Bucket piece{Date{cuts[i]}, Date{cuts[i + 1] - 1}};
    const bool inside = std::any_of(counted.begin(), counted.end(), [&](const Period& p) {
      return p.contains(Period{piece.first, piece.last});
    });
    if (inside) {
      out.push_back(piece);
    }
  }
  return out;
}

std::vector<Period> active_days_of(const MeasurementIndex& index) {
  std::vector<Period> out;
  for (int e = 0; e < index.entity_count(); ++e) {
    if (const std::optional<Period>& active = index.active_days(e)) {
      out.push_back(*active);
    }
  }
  return out;
}

}  // namespace kpi::warehouse
