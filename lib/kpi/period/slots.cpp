// The slots a KPI's `period` cuts time into.

#include "kpi/period/calendar.hpp"

namespace kpi {

using namespace period_detail;

std::optional<SlotKind> parse_slot_kind(std::string_view word) {
  for (SlotKind kind : {SlotKind::daily, SlotKind::weekly, SlotKind::monthly, SlotKind::quarterly,
                        SlotKind::yearly}) {
    if (word == to_string(kind)) {
      return kind;
    }
  }
  return std::nullopt;
}

std::string_view to_string(SlotKind kind) {
  switch (kind) {
    case SlotKind::daily:
      return "daily";
    case SlotKind::weekly:
      return "weekly";
    case SlotKind::monthly:
      return "monthly";
    case SlotKind::quarterly:
      return "quarterly";
    case SlotKind::yearly:
      return "yearly";
  }
  return "daily";
}

Period slot_containing(SlotKind kind, Date day) {
  const YearMonthDay ymd = to_ymd(day);
  switch (kind) {
    case SlotKind::daily:
      return day_period(day);
    case SlotKind::weekly: {
      // ISO weeks run Monday to Sunday, whatever year they belong to.
      const Date monday = add_days(day, 1 - iso_weekday(day));
      return Period{monday, add_days(monday, 6)};
    }
    case SlotKind::monthly:
      return month_period(ymd.year, ymd.month);
    case SlotKind::quarterly:
      return quarter_period(ymd.year, (ymd.month - 1) / 3 + 1);
    case SlotKind::yearly:
      return year_period(ymd.year);
  }
  return day_period(day);
}

std::vector<Period> slots_overlapping(SlotKind kind, const Period& range) {
  std::vector<Period> slots;
  if (range.end < range.start) {
    return slots;
  }
  for (Period slot = slot_containing(kind, range.start); slot.start <= range.end;
       slot = slot_containing(kind, add_days(slot.end, 1))) {
    slots.push_back(slot);
  }
  return slots;
}

}  // namespace kpi
