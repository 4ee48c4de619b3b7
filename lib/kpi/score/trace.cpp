#include "kpi/score/trace.hpp"

#include <algorithm>

namespace kpi {

const char* fate_name(RowFate fate) {
  switch (fate) {
    case RowFate::counted:
      return "counted";
    case RowFate::outside_period:
      return "outside the period";
    case RowFate::partial_overlap:
      return "overlaps the period in part";
    case RowFate::after_as_of:
      return "after the as-of date";
    case RowFate::inactive:
      return "outside the active days";
  }
  return "counted";
}

RowTrace::RowTrace(std::vector<int> slots) : m_slots(std::move(slots)) {
  std::sort(m_slots.begin(), m_slots.end());
}

bool RowTrace::wants(int slot) const {
  return std::binary_search(m_slots.begin(), m_slots.end(), slot);
}

void RowTrace::note(TracedRow row) {
  const std::lock_guard<std::mutex> lock(m_mutex);
  m_rows.push_back(std::move(row));
}

std::vector<TracedRow> RowTrace::rows() const {
  std::vector<TracedRow> out;
  {
    const std::lock_guard<std::mutex> lock(m_mutex);
    out = m_rows;
  }
  std::stable_sort(out.begin(), out.end(),
                   [](const TracedRow& a, const TracedRow& b) { return a.order < b.order; });
  return out;
}

}  // namespace kpi
