#include <boost/test/unit_test.hpp>

#include "kpi/period/period.hpp"

namespace {

kpi::Date day(std::string_view text) { return kpi::parse_date(text).value(); }

/// "start..end", or "error: <message>".
std::string show(const kpi::PeriodParse& parse) {
  if (!parse.period) {
    return "error: " + parse.error;
  }
  return kpi::format_date(parse.period->start) + ".." + kpi::format_date(parse.period->end);
}

std::string stamp(std::string_view token) { return show(kpi::parse_stamp(token)); }

std::string period(std::string_view token, std::string_view as_of = "2026-10-14") {
  return show(kpi::parse_period(token, day(as_of)));
}

const std::string k_expected_any =
    "expected YYYY, YYYY-Qn, YYYY-MM, YYYY-Www, YYYY-MM-DD, A..B or a word such as last-month";
const std::string k_expected_stamp = "expected YYYY, YYYY-Qn, YYYY-MM, YYYY-Www or YYYY-MM-DD";

}  // namespace

BOOST_AUTO_TEST_SUITE(period_tokens)

BOOST_AUTO_TEST_CASE(absolute_tokens) {
  BOOST_TEST(stamp("2026") == "2026-01-01..2026-12-31");
  BOOST_TEST(stamp("2026-Q1") == "2026-01-01..2026-03-31");
  BOOST_TEST(stamp("2026-Q2") == "2026-04-01..2026-06-30");
  BOOST_TEST(stamp("2026-Q3") == "2026-07-01..2026-09-30");
  BOOST_TEST(stamp("2026-Q4") == "2026-10-01..2026-12-31");
  BOOST_TEST(stamp("2026-q4") == "2026-10-01..2026-12-31");
  BOOST_TEST(stamp("2026-10") == "2026-10-01..2026-10-31");
  BOOST_TEST(stamp("2026-02") == "2026-02-01..2026-02-28");
  BOOST_TEST(stamp("2024-02") == "2024-02-01..2024-02-29");
  BOOST_TEST(stamp("2026-W43") == "2026-10-19..2026-10-25");
  BOOST_TEST(stamp("2026-w43") == "2026-10-19..2026-10-25");
  BOOST_TEST(stamp("2026-10-14") == "2026-10-14..2026-10-14");
  BOOST_TEST(stamp("0001") == "0001-01-01..0001-12-31");
  BOOST_TEST(stamp("9999-12-31") == "9999-12-31..9999-12-31");
}

BOOST_AUTO_TEST_CASE(iso_weeks_belong_to_the_year_of_their_thursday) {
  BOOST_TEST(stamp("2026-W01") == "2025-12-29..2026-01-04");
  BOOST_TEST(stamp("2027-W01") == "2027-01-04..2027-01-10");
  BOOST_TEST(stamp("2020-W53") == "2020-12-28..2021-01-03");
  BOOST_TEST(stamp("2021-W01") == "2021-01-04..2021-01-10");
  // 2026 starts on a Thursday, so it has 53 weeks; the last one ends in 2027.
  BOOST_TEST(stamp("2026-W53") == "2026-12-28..2027-01-03");
  BOOST_TEST(stamp("2025-W52") == "2025-12-22..2025-12-28");
  BOOST_TEST(stamp("2027-W52") == "2027-12-27..2028-01-02");
  BOOST_TEST(stamp("2027-W53") == "error: 2027 has 52 ISO weeks, not 53");
  BOOST_TEST(stamp("2025-W53") == "error: 2025 has 52 ISO weeks, not 53");
  BOOST_TEST(stamp("2020-W54") == "error: 2020 has 53 ISO weeks, not 54");
  BOOST_TEST(stamp("2026-W00") == "error: week 00 does not exist (01..53)");
  BOOST_TEST(stamp("2026-W5") == "error: an ISO week has two digits, e.g. 2026-W05");
  BOOST_TEST(stamp("2026-W") == "error: an ISO week has two digits, e.g. 2026-W05");
  BOOST_TEST(stamp("2026-W1x") == "error: an ISO week has two digits, e.g. 2026-W05");
}

BOOST_AUTO_TEST_CASE(days_that_do_not_exist) {
  BOOST_TEST(stamp("2024-02-29") == "2024-02-29..2024-02-29");
  BOOST_TEST(stamp("2026-02-29") == "error: 2026-02-29 is not a real day");
  BOOST_TEST(stamp("2026-02-30") == "error: 2026-02-30 is not a real day");
  BOOST_TEST(stamp("2026-04-31") == "error: 2026-04-31 is not a real day");
  BOOST_TEST(stamp("2026-10-00") == "error: 2026-10-00 is not a real day");
  BOOST_TEST(stamp("1900-02-29") == "error: 1900-02-29 is not a real day");
  BOOST_TEST(stamp("2000-02-29") == "2000-02-29..2000-02-29");
}

BOOST_AUTO_TEST_CASE(bad_months_quarters_and_years) {
  BOOST_TEST(stamp("2026-13") == "error: month 13 does not exist (01..12)");
  BOOST_TEST(stamp("2026-00") == "error: month 00 does not exist (01..12)");
  BOOST_TEST(stamp("2026-13-01") == "error: month 13 does not exist (01..12)");
  BOOST_TEST(stamp("2026-1") == "error: a month has two digits (01..12)");
  BOOST_TEST(stamp("2026-100") == "error: a month has two digits (01..12)");
  BOOST_TEST(stamp("2026-10-1") == "error: a day has two digits (01..31)");
  BOOST_TEST(stamp("2026-Q5") == "error: quarter must be Q1..Q4");
  BOOST_TEST(stamp("2026-Q0") == "error: quarter must be Q1..Q4");
  BOOST_TEST(stamp("2026-Q") == "error: quarter must be Q1..Q4");
  BOOST_TEST(stamp("2026-Q12") == "error: quarter must be Q1..Q4");
  BOOST_TEST(stamp("0000") == "error: year 0000 does not exist (0001..9999)");
  BOOST_TEST(stamp("0000-01-01") == "error: year 0000 does not exist (0001..9999)");
}

BOOST_AUTO_TEST_CASE(malformed_tokens_say_what_is_expected) {
  BOOST_TEST(stamp("26") == "error: unknown period '26': " + k_expected_stamp);
  BOOST_TEST(stamp("20261") == "error: unknown period '20261': " + k_expected_stamp);
  BOOST_TEST(stamp(" 2026") == "error: unknown period ' 2026': " + k_expected_stamp);
  BOOST_TEST(stamp("2026 ") == "error: unknown period '2026 ': " + k_expected_stamp);
  BOOST_TEST(stamp("2026-") == "error: unknown period '2026-': " + k_expected_stamp);
  BOOST_TEST(stamp("2026-10-") == "error: unknown period '2026-10-': " + k_expected_stamp);
  BOOST_TEST(stamp("2026-H1") == "error: unknown period '2026-H1': " + k_expected_stamp);
  BOOST_TEST(stamp("2026/10") == "error: unknown period '2026/10': " + k_expected_stamp);
  BOOST_TEST(stamp("") == "error: empty period: " + k_expected_stamp);
  BOOST_TEST(period("lastmonth") == "error: unknown period 'lastmonth': " + k_expected_any);
  BOOST_TEST(period("Today") == "error: unknown period 'Today': " + k_expected_any);
  BOOST_TEST(period("") == "error: empty period: " + k_expected_any);
  // Control characters never reach a one-line message.
  BOOST_TEST(period("a\nb") == "error: unknown period 'a?b': " + k_expected_any);
}

BOOST_AUTO_TEST_CASE(stamps_are_single_absolute_tokens) {
  BOOST_TEST(stamp("today") == "error: 'today' is a relative period; a stamp must be absolute: " +
                                   k_expected_stamp.substr(9));
  BOOST_TEST(stamp("2026-01..2026-03") ==
             "error: '2026-01..2026-03' is a range; a stamp is a single period: " +
                 k_expected_stamp.substr(9));
}

BOOST_AUTO_TEST_CASE(relative_words_on_a_wednesday) {
  // 2026-10-14 is a Wednesday in week 42 and Q4.
  BOOST_TEST(period("today") == "2026-10-14..2026-10-14");
  BOOST_TEST(period("yesterday") == "2026-10-13..2026-10-13");
  BOOST_TEST(period("this-week") == "2026-10-12..2026-10-18");
  BOOST_TEST(period("last-week") == "2026-10-05..2026-10-11");
  BOOST_TEST(period("this-month") == "2026-10-01..2026-10-31");
  BOOST_TEST(period("last-month") == "2026-09-01..2026-09-30");
  BOOST_TEST(period("this-quarter") == "2026-10-01..2026-12-31");
  BOOST_TEST(period("last-quarter") == "2026-07-01..2026-09-30");
  BOOST_TEST(period("this-year") == "2026-01-01..2026-12-31");
  BOOST_TEST(period("last-year") == "2025-01-01..2025-12-31");
  BOOST_TEST(period("ytd") == "2026-01-01..2026-10-14");
}

BOOST_AUTO_TEST_CASE(relative_words_across_boundaries) {
  BOOST_TEST(period("last-month", "2026-01-15") == "2025-12-01..2025-12-31");
  BOOST_TEST(period("last-month", "2026-03-31") == "2026-02-01..2026-02-28");
  BOOST_TEST(period("last-quarter", "2026-02-10") == "2025-10-01..2025-12-31");
  BOOST_TEST(period("yesterday", "2026-01-01") == "2025-12-31..2025-12-31");
  BOOST_TEST(period("yesterday", "2024-03-01") == "2024-02-29..2024-02-29");
  // 2026-10-18 is a Sunday: still the week that began on Monday 12th.
  BOOST_TEST(period("this-week", "2026-10-18") == "2026-10-12..2026-10-18");
  BOOST_TEST(period("last-week", "2026-10-18") == "2026-10-05..2026-10-11");
  BOOST_TEST(period("this-week", "2026-10-19") == "2026-10-19..2026-10-25");
  BOOST_TEST(period("last-week", "2026-01-01") == "2025-12-22..2025-12-28");
  BOOST_TEST(period("ytd", "2026-01-01") == "2026-01-01..2026-01-01");
  BOOST_TEST(period("ytd", "2024-12-31") == "2024-01-01..2024-12-31");
}

BOOST_AUTO_TEST_CASE(relative_words_before_year_one_fail) {
  BOOST_TEST(period("last-year", "0001-06-01") ==
             "error: 'last-year' as of 0001-06-01 falls before 0001-01-01");
  BOOST_TEST(period("yesterday", "0001-01-01") ==
             "error: 'yesterday' as of 0001-01-01 falls before 0001-01-01");
  BOOST_TEST(period("this-year", "0001-06-01") == "0001-01-01..0001-12-31");
}

BOOST_AUTO_TEST_CASE(ranges_run_from_the_start_of_a_to_the_end_of_b) {
  BOOST_TEST(period("2026-01..2026-03") == "2026-01-01..2026-03-31");
  BOOST_TEST(period("2026-W01..2026-W04") == "2025-12-29..2026-01-25");
  BOOST_TEST(period("2026-Q1..2026-02") == "2026-01-01..2026-02-28");
  BOOST_TEST(period("2025..2026-Q1") == "2025-01-01..2026-03-31");
  BOOST_TEST(period("2026-10-01..2026-10-01") == "2026-10-01..2026-10-01");
  BOOST_TEST(period("2026-01..this-month") == "2026-01-01..2026-10-31");
  BOOST_TEST(period("last-month..today") == "2026-09-01..2026-10-14");
  // B may end inside A: the range still runs from A's start.
  BOOST_TEST(period("2026..2026-03") == "2026-01-01..2026-03-31");
}

BOOST_AUTO_TEST_CASE(bad_ranges) {
  BOOST_TEST(period("2026-03..2026-01") == "error: range '2026-03..2026-01' ends before it starts");
  BOOST_TEST(period("2026-10-15..today") ==
             "error: range '2026-10-15..today' ends before it starts");
  BOOST_TEST(period("2026-01..") == "error: range '2026-01..' needs a period on each side of '..'");
  BOOST_TEST(period("..2026") == "error: range '..2026' needs a period on each side of '..'");
  BOOST_TEST(period("2026..2027..2028") ==
             "error: range '2026..2027..2028' has more than one '..'");
  BOOST_TEST(period("2026-13..2026-12") == "error: month 13 does not exist (01..12)");
  BOOST_TEST(period("2026..2027-W53") == "error: 2027 has 52 ISO weeks, not 53");
  BOOST_TEST(period("2026..lastyear") == "error: unknown period 'lastyear': " + k_expected_any);
}

BOOST_AUTO_TEST_CASE(relative_word_list) {
  const std::vector<std::string> expected = {
      "today",        "yesterday",    "this-week", "last-week", "this-month", "last-month",
      "this-quarter", "last-quarter", "this-year", "last-year", "ytd"};
  BOOST_TEST(kpi::relative_period_words() == expected, boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(every_short_token_parses_or_explains) {
  // All tokens of up to 5 characters over an alphabet of digits, separators and letters.
  const std::string alphabet = "0129-Qw.t";
  int silent_errors = 0;
  int backwards = 0;
  std::vector<std::string> tokens = {""};
  for (int length = 1; length <= 5; ++length) {
    std::vector<std::string> longer;
    for (const std::string& token : tokens) {
      for (char c : alphabet) {
        longer.push_back(token + c);
      }
    }
    for (const std::string& token : longer) {
      for (const kpi::PeriodParse& parse :
           {kpi::parse_stamp(token), kpi::parse_period(token, day("2026-10-14"))}) {
        silent_errors += (!parse.period && parse.error.empty()) ? 1 : 0;
        backwards += (parse.period && parse.period->end < parse.period->start) ? 1 : 0;
      }
    }
    tokens = std::move(longer);
  }
  BOOST_TEST(silent_errors == 0);
  BOOST_TEST(backwards == 0);
}

BOOST_AUTO_TEST_CASE(weeks_and_words_stay_within_0001_to_9999) {
  BOOST_TEST(stamp("0001-W01") == "0001-01-01..0001-01-07");
  BOOST_TEST(stamp("9999-W51") == "9999-12-20..9999-12-26");
  // 9999-W52 runs from 9999-12-27 to 10000-01-02.
  BOOST_TEST(stamp("9999-W52") ==
             "error: 9999-W52 ends after 9999-12-31 (the last day kpi can name)");
  BOOST_TEST(period("2026-10..9999-W52") ==
             "error: 9999-W52 ends after 9999-12-31 (the last day kpi can name)");
  BOOST_TEST(period("this-week", "9999-12-31") ==
             "error: 'this-week' as of 9999-12-31 ends after 9999-12-31");
  BOOST_TEST(period("this-year", "9999-12-31") == "9999-01-01..9999-12-31");
}

BOOST_AUTO_TEST_SUITE_END()
