#include <boost/test/unit_test.hpp>

#include "kpi/period/period.hpp"

using kpi::SlotKind;

namespace {

kpi::Date day(std::string_view text) { return kpi::parse_date(text).value(); }

std::string show(const kpi::Period& period) {
  return kpi::format_date(period.start) + ".." + kpi::format_date(period.end);
}

std::string show(const std::vector<kpi::Period>& periods) {
  std::string text;
  for (const kpi::Period& period : periods) {
    text += (text.empty() ? "" : " ") + show(period);
  }
  return text;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(period_slots)

BOOST_AUTO_TEST_CASE(slot_kinds_read_and_print) {
  BOOST_TEST((kpi::parse_slot_kind("daily") == SlotKind::daily));
  BOOST_TEST((kpi::parse_slot_kind("weekly") == SlotKind::weekly));
  BOOST_TEST((kpi::parse_slot_kind("monthly") == SlotKind::monthly));
  BOOST_TEST((kpi::parse_slot_kind("quarterly") == SlotKind::quarterly));
  BOOST_TEST((kpi::parse_slot_kind("yearly") == SlotKind::yearly));
  BOOST_TEST(!kpi::parse_slot_kind("Monthly").has_value());
  BOOST_TEST(!kpi::parse_slot_kind("month").has_value());
  BOOST_TEST(!kpi::parse_slot_kind("").has_value());
  BOOST_TEST(kpi::to_string(SlotKind::quarterly) == "quarterly");
  BOOST_TEST(kpi::to_string(SlotKind::weekly) == "weekly");
}

BOOST_AUTO_TEST_CASE(slot_containing_each_kind) {
  const kpi::Date d = day("2026-10-14");  // a Wednesday
  BOOST_TEST(show(kpi::slot_containing(SlotKind::daily, d)) == "2026-10-14..2026-10-14");
  BOOST_TEST(show(kpi::slot_containing(SlotKind::weekly, d)) == "2026-10-12..2026-10-18");
  BOOST_TEST(show(kpi::slot_containing(SlotKind::monthly, d)) == "2026-10-01..2026-10-31");
  BOOST_TEST(show(kpi::slot_containing(SlotKind::quarterly, d)) == "2026-10-01..2026-12-31");
  BOOST_TEST(show(kpi::slot_containing(SlotKind::yearly, d)) == "2026-01-01..2026-12-31");
}

BOOST_AUTO_TEST_CASE(weekly_slots_run_monday_to_sunday_across_years) {
  // Monday and Sunday are the edges of their own week.
  BOOST_TEST(show(kpi::slot_containing(SlotKind::weekly, day("2026-10-12"))) ==
             "2026-10-12..2026-10-18");
  BOOST_TEST(show(kpi::slot_containing(SlotKind::weekly, day("2026-10-18"))) ==
             "2026-10-12..2026-10-18");
  // 2026-01-01 is a Thursday: its week started in 2025.
  BOOST_TEST(show(kpi::slot_containing(SlotKind::weekly, day("2026-01-01"))) ==
             "2025-12-29..2026-01-04");
  BOOST_TEST(show(kpi::slot_containing(SlotKind::weekly, day("2027-01-02"))) ==
             "2026-12-28..2027-01-03");
}

BOOST_AUTO_TEST_CASE(month_and_quarter_lengths) {
  BOOST_TEST(kpi::slot_containing(SlotKind::monthly, day("2024-02-10")).days() == 29);
  BOOST_TEST(kpi::slot_containing(SlotKind::monthly, day("2026-02-10")).days() == 28);
  BOOST_TEST(kpi::slot_containing(SlotKind::quarterly, day("2026-02-10")).days() == 90);
  BOOST_TEST(kpi::slot_containing(SlotKind::quarterly, day("2024-03-31")).days() == 91);
  BOOST_TEST(show(kpi::slot_containing(SlotKind::quarterly, day("2026-06-30"))) ==
             "2026-04-01..2026-06-30");
  BOOST_TEST(show(kpi::slot_containing(SlotKind::quarterly, day("2026-07-01"))) ==
             "2026-07-01..2026-09-30");
  BOOST_TEST(kpi::slot_containing(SlotKind::yearly, day("2024-07-01")).days() == 366);
}

BOOST_AUTO_TEST_CASE(weeks_overlapping_a_month_stick_out_at_both_edges) {
  // October 2026 runs Thursday 1st to Saturday 31st.
  const kpi::Period october{day("2026-10-01"), day("2026-10-31")};
  BOOST_TEST(show(kpi::slots_overlapping(SlotKind::weekly, october)) ==
             "2026-09-28..2026-10-04 2026-10-05..2026-10-11 2026-10-12..2026-10-18 "
             "2026-10-19..2026-10-25 2026-10-26..2026-11-01");
  // February 2027 starts on a Monday and ends on a Sunday: four whole weeks.
  const kpi::Period february{day("2027-02-01"), day("2027-02-28")};
  BOOST_TEST(show(kpi::slots_overlapping(SlotKind::weekly, february)) ==
             "2027-02-01..2027-02-07 2027-02-08..2027-02-14 2027-02-15..2027-02-21 "
             "2027-02-22..2027-02-28");
}

BOOST_AUTO_TEST_CASE(slots_overlapping_other_kinds) {
  const kpi::Period q4{day("2026-10-01"), day("2026-12-31")};
  BOOST_TEST(show(kpi::slots_overlapping(SlotKind::monthly, q4)) ==
             "2026-10-01..2026-10-31 2026-11-01..2026-11-30 2026-12-01..2026-12-31");
  BOOST_TEST(show(kpi::slots_overlapping(SlotKind::quarterly, q4)) == "2026-10-01..2026-12-31");
  BOOST_TEST(show(kpi::slots_overlapping(SlotKind::yearly, q4)) == "2026-01-01..2026-12-31");
  BOOST_TEST(kpi::slots_overlapping(SlotKind::daily, q4).size() == 92u);
  // A range over a year end, cut mid-month and mid-quarter.
  const kpi::Period span{day("2025-11-15"), day("2026-02-03")};
  BOOST_TEST(show(kpi::slots_overlapping(SlotKind::monthly, span)) ==
             "2025-11-01..2025-11-30 2025-12-01..2025-12-31 2026-01-01..2026-01-31 "
             "2026-02-01..2026-02-28");
  BOOST_TEST(show(kpi::slots_overlapping(SlotKind::quarterly, span)) ==
             "2025-10-01..2025-12-31 2026-01-01..2026-03-31");
  BOOST_TEST(show(kpi::slots_overlapping(SlotKind::yearly, span)) ==
             "2025-01-01..2025-12-31 2026-01-01..2026-12-31");
}

BOOST_AUTO_TEST_CASE(slots_overlapping_single_day_and_empty_range) {
  const kpi::Period one{day("2026-10-14"), day("2026-10-14")};
  BOOST_TEST(show(kpi::slots_overlapping(SlotKind::weekly, one)) == "2026-10-12..2026-10-18");
  BOOST_TEST(show(kpi::slots_overlapping(SlotKind::daily, one)) == "2026-10-14..2026-10-14");
  const kpi::Period backwards{day("2026-10-14"), day("2026-10-13")};
  BOOST_TEST(kpi::slots_overlapping(SlotKind::monthly, backwards).empty());
}

BOOST_AUTO_TEST_SUITE_END()
