// STUB: replaced by the period module's implementation.
#include "kpi/period/period.hpp"
#include <stdexcept>
namespace kpi {
#define KPI_STUB throw std::logic_error("not implemented")
Date make_date(int, int, int) { KPI_STUB; }
YearMonthDay to_ymd(Date) { KPI_STUB; }
bool is_valid_date(int, int, int) { KPI_STUB; }
int days_in_month(int, int) { KPI_STUB; }
int iso_weekday(Date) { KPI_STUB; }
int iso_weeks_in_year(int) { KPI_STUB; }
std::optional<Date> parse_date(std::string_view) { KPI_STUB; }
std::string format_date(Date) { KPI_STUB; }
std::optional<SlotKind> parse_slot_kind(std::string_view) { KPI_STUB; }
std::string_view to_string(SlotKind) { KPI_STUB; }
Period slot_containing(SlotKind, Date) { KPI_STUB; }
std::vector<Period> slots_overlapping(SlotKind, const Period&) { KPI_STUB; }
PeriodParse parse_stamp(std::string_view) { KPI_STUB; }
PeriodParse parse_period(std::string_view, Date) { KPI_STUB; }
const std::vector<std::string>& relative_period_words() { KPI_STUB; }
}  // namespace kpi
