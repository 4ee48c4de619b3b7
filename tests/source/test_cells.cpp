#include <boost/test/unit_test.hpp>
#include <cmath>
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "kpi/source/cells.hpp"

using kpi::source::DateFormat;
using kpi::source::NumberFormat;

namespace {

/// The exact value as decimal text ("-2300000.5"), or what went wrong and where
/// ("error@4"), so that every check states the whole outcome.
std::string number(std::string_view cell, const NumberFormat& format = {}) {
  const kpi::source::NumberParse p = kpi::source::parse_number_cell(cell, format);
  if (!p.value) {
    return "error@" + std::to_string(p.column);
  }
  if (!p.value->exact) {
    return "inexact " + std::to_string(p.value->value);
  }
  kpi::Int128 v = p.value->scaled;
  const bool negative = v < 0;
  v = negative ? -v : v;
  std::string digits;
  for (; v != 0; v /= 10) {
    digits.insert(digits.begin(), static_cast<char>('0' + static_cast<int>(v % 10)));
  }
  digits.insert(0, std::string(digits.size() < 19 ? 19 - digits.size() : 0, '0'));
  std::string out = digits.substr(0, digits.size() - 18) + "." + digits.substr(digits.size() - 18);
  while (out.back() == '0') {
    out.pop_back();
  }
  if (out.back() == '.') {
    out.pop_back();
  }
  return (negative ? "-" : "") + out;
}

std::string message(std::string_view cell, const NumberFormat& format = {}) {
  return kpi::source::parse_number_cell(cell, format).error;
}

DateFormat date_format_of(std::string_view text) {
  const kpi::source::DateFormatParse f = kpi::source::parse_date_format(text);
  BOOST_REQUIRE_MESSAGE(f.format, f.error);
  return *f.format;
}

/// "2026-10-31" for a day, "2026-10-01..2026-10-31" for a longer stamp, or "error@C".
std::string date(std::string_view cell, std::string_view date_format = "iso") {
  const kpi::source::DateParse p = kpi::source::parse_date_cell(cell, date_format_of(date_format));
  if (!p.stamp) {
    return "error@" + std::to_string(p.column);
  }
  const std::string start = kpi::format_date(p.stamp->start);
  return p.stamp->start == p.stamp->end ? start : start + ".." + kpi::format_date(p.stamp->end);
}

const NumberFormat k_vietnamese{',', '.', {"₫", "VND"}};
const NumberFormat k_english{'.', ',', {}};

}  // namespace

BOOST_AUTO_TEST_SUITE(source_cells)

BOOST_AUTO_TEST_CASE(plain_numbers_are_exact) {
  BOOST_TEST(number("0") == "0");
  BOOST_TEST(number("1250000") == "1250000");
  BOOST_TEST(number(" -12.50 ") == "-12.5");
  BOOST_TEST(number("+3") == "3");
  BOOST_TEST(number("1e3") == "1000");
  BOOST_TEST(number("2.5E-2") == "0.025");
  BOOST_TEST(number("\xC2\xA0"
                    "7\xC2\xA0") == "7");
  BOOST_TEST(number("0.1") == "0.1");
  BOOST_TEST(number("0.000000000000000001") == "0.000000000000000001");
  BOOST_TEST(number("0.0000000000000000001") == "inexact 0.000000");
}

BOOST_AUTO_TEST_CASE(marks_group_in_threes) {
  BOOST_TEST(number("1.250.000,50", k_vietnamese) == "1250000.5");
  BOOST_TEST(number("1250000,50", k_vietnamese) == "1250000.5");
  BOOST_TEST(number("26.941.000,50", k_vietnamese) == "26941000.5");
  BOOST_TEST(number("999", k_vietnamese) == "999");
  BOOST_TEST(number("1,234,567.891", k_english) == "1234567.891");
  BOOST_TEST(number("1 234,5", NumberFormat{',', ' ', {}}) == "1234.5");
  BOOST_TEST(number("1'234.5", NumberFormat{'.', '\'', {}}) == "1234.5");
  // Wrong groups: the column of the group that does not have three digits.
  BOOST_TEST(number("1.25.000", k_vietnamese) == "error@3");
  BOOST_TEST(number("1.2500", k_vietnamese) == "error@3");
  BOOST_TEST(number("1250.000", k_vietnamese) == "error@5");
  BOOST_TEST(number("1.", k_vietnamese) == "error@3");
  BOOST_TEST(number(".250", k_vietnamese) == "error@1");
  BOOST_TEST(number("1,5", k_english) == "error@3");
  BOOST_TEST(number("1.250,", k_vietnamese) == "error@7");
}

BOOST_AUTO_TEST_CASE(default_marks_refuse_a_comma_with_advice) {
  BOOST_TEST(number("1,5") == "error@2");
  BOOST_TEST(message("1,5") ==
             "'1,5' is not a number (the decimal mark is '.'; set `decimal` or `thousands` for "
             "this source)");
  BOOST_TEST(number("5%") == "error@2");
  BOOST_TEST(message("5%") == "'5%' is not a number");
  BOOST_TEST(number("5%", NumberFormat{'.', 0, {"%"}}) == "5");
  BOOST_TEST(number("N/A") == "error@1");
  BOOST_TEST(number("") == "error@1");
  BOOST_TEST(message("  ") == "the value is empty");
  BOOST_TEST(number("1e") == "error@3");
  BOOST_TEST(number("1e+") == "error@4");
  BOOST_TEST(number("--1") == "error@2");
  BOOST_TEST(number("1e400") == "error@1");
  BOOST_TEST(message("1e400") == "'1e400' is out of range");
}

BOOST_AUTO_TEST_CASE(strip_texts_go_before_parsing_and_columns_stay_the_cells) {
  BOOST_TEST(number("1.250.000 ₫", k_vietnamese) == "1250000");
  BOOST_TEST(number("VND 26.941.000,50", k_vietnamese) == "26941000.5");
  BOOST_TEST(number("₫1.250.000", k_vietnamese) == "1250000");
  // "₫" is three bytes: the bad '/' is the cell's fifth byte.
  BOOST_TEST(number("₫1/2", k_vietnamese) == "error@5");
  BOOST_TEST(number("₫", k_vietnamese) == "error@1");
}

BOOST_AUTO_TEST_CASE(accounting_parentheses_are_negative) {
  BOOST_TEST(number("(2,300,000.00)", k_english) == "-2300000");
  BOOST_TEST(number(" (1.234,50) ₫", k_vietnamese) == "-1234.5");
  BOOST_TEST(number("(5)") == "-5");
  BOOST_TEST(number("(-5)") == "error@2");
  BOOST_TEST(message("(-5)") == "'(-5)' is not a number");
  BOOST_TEST(number("(+5)") == "error@2");
  BOOST_TEST(number("(5") == "error@3");
  BOOST_TEST(number("5)") == "error@2");
  BOOST_TEST(number("()") == "error@2");
}

BOOST_AUTO_TEST_CASE(exact_values_match_the_measurement_reader) {
  // A source's value and the same number in a measurement file sum to the same cells.
  for (const char* text : {"1250000.50", "-0.125", "123456789012345678.9", "7e-3"}) {
    const kpi::source::NumberParse p = kpi::source::parse_number_cell(text, {});
    const std::optional<kpi::Decimal> plain = kpi::parse_decimal_exact(text);
    BOOST_REQUIRE(p.value && plain);
    BOOST_TEST(p.value->exact == plain->exact);
    BOOST_TEST((p.value->scaled == plain->scaled));
    BOOST_TEST(p.value->value == plain->value);
  }
}

BOOST_AUTO_TEST_CASE(grouped_numbers_equal_the_plain_reader_bit_for_bit) {
  // The common shape (`1.250.000,50`) takes a fast path; each of these must give the
  // double and the exact value that the plain reader gives for the same digits, at the
  // edges of that path too (15 and 16 significant digits, 18 and 19 decimals, zeros).
  const NumberFormat grouped{',', '.', {}};
  uint64_t state = 7;
  auto next = [&state] {
    state = state * 6364136223846793005ULL + 1442695040888963407ULL;
    return state >> 11;
  };
  std::vector<std::pair<std::string, std::string>> cases = {
      {"0", "0"},
      {"-0", "-0"},
      {"0,000", "0.000"},
      {"999.999.999.999.999", "999999999999999"},
      {"9.999.999.999.999.999", "9999999999999999"},
      {"1,123456789012345678", "1.123456789012345678"},
      {"1,1234567890123456789", "1.1234567890123456789"},
      {"(2.300.000,00)", "-2300000.00"},
      {"+12,5", "12.5"},
      {"000.123,4", "000123.4"},
  };
  for (int decimals = 1; decimals <= 19; ++decimals) {  // each power of ten once
    const std::string fraction = std::string(static_cast<size_t>(decimals - 1), '0') + "7";
    cases.emplace_back("0," + fraction, "0." + fraction);
  }
  for (int i = 0; i < 2000; ++i) {
    const uint64_t whole = next() % 100000000000ULL;
    const uint64_t cents = next() % 100;
    std::string digits = std::to_string(whole);
    std::string marked;
    for (size_t d = 0; d < digits.size(); ++d) {
      if (d > 0 && (digits.size() - d) % 3 == 0) {
        marked += '.';
      }
      marked += digits[d];
    }
    const std::string fraction = (cents < 10 ? "0" : "") + std::to_string(cents);
    const bool negative = i % 3 == 0;
    cases.emplace_back((negative ? "-" : "") + marked + "," + fraction,
                       (negative ? "-" : "") + digits + "." + fraction);
  }
  for (const auto& [cell, plain_text] : cases) {
    const kpi::source::NumberParse p = kpi::source::parse_number_cell(cell, grouped);
    const std::optional<kpi::Decimal> plain = kpi::parse_decimal_exact(plain_text);
    BOOST_REQUIRE_MESSAGE(p.value && plain, cell);
    BOOST_TEST(p.value->exact == plain->exact, cell);
    BOOST_TEST((p.value->scaled == plain->scaled), cell);
    BOOST_TEST(std::signbit(p.value->value) == std::signbit(plain->value), cell);
    BOOST_TEST(p.value->value == plain->value, cell);
  }
}

BOOST_AUTO_TEST_CASE(iso_takes_stamps_and_date_times) {
  BOOST_TEST(date("2026-10-31") == "2026-10-31");
  BOOST_TEST(date(" 2026-10 ") == "2026-10-01..2026-10-31");
  BOOST_TEST(date("2026-Q4") == "2026-10-01..2026-12-31");
  BOOST_TEST(date("2026-W44") == "2026-10-26..2026-11-01");
  BOOST_TEST(date("2026") == "2026-01-01..2026-12-31");
  BOOST_TEST(date("2026-10-31T14:05") == "2026-10-31");
  BOOST_TEST(date("2026-10-31 14:05:09") == "2026-10-31");
  BOOST_TEST(date("2026-10-31T23:59:59.123Z") == "2026-10-31");
  BOOST_TEST(date("2026-10-31T23:30+07:00") == "2026-10-31");  // never converted
  BOOST_TEST(date("2026-10-31T00:30-0500") == "2026-10-31");
  BOOST_TEST(date("2026-02-31T10:00") == "error@1");
  BOOST_TEST(date("2026-10-31T25:00") == "error@1");
  BOOST_TEST(date("2026-10-31T") == "error@1");
  BOOST_TEST(date("today") == "error@1");
  BOOST_TEST(date("2026-10..2026-11") == "error@1");
  BOOST_TEST(date("  31/10/2026") == "error@3");
  BOOST_TEST(date("") == "error@1");
}

BOOST_AUTO_TEST_CASE(excel_serials_count_from_1900) {
  BOOST_TEST(date("46326", "excel") == "2026-10-31");
  BOOST_TEST(date("46326.75", "excel") == "2026-10-31");
  BOOST_TEST(date("1", "excel") == "1900-01-01");
  BOOST_TEST(date("59", "excel") == "1900-02-28");
  BOOST_TEST(date("61", "excel") == "1900-03-01");
  BOOST_TEST(date("60", "excel") == "error@1");  // Excel's 1900-02-29
  BOOST_TEST(date("0", "excel") == "error@1");
  BOOST_TEST(date("2958465", "excel") == "9999-12-31");
  BOOST_TEST(date("2958466", "excel") == "error@1");
  BOOST_TEST(date("-1", "excel") == "error@1");
  BOOST_TEST(date("463x6", "excel") == "error@4");
  BOOST_TEST(date("2026-10-31", "excel") == "error@5");
}

BOOST_AUTO_TEST_CASE(patterns_match_the_whole_cell) {
  BOOST_TEST(date("31/10/2026", "%d/%m/%Y") == "2026-10-31");
  BOOST_TEST(date("1/2/2026", "%d/%m/%Y") == "2026-02-01");
  BOOST_TEST(date("01/02/2026", "%d/%m/%Y") == "2026-02-01");
  BOOST_TEST(date(" 9/7/2026 ", "%d/%m/%Y") == "2026-07-09");
  BOOST_TEST(date("10/31/26", "%m/%d/%y") == "2026-10-31");
  BOOST_TEST(date("31-Oct-2026", "%d-%b-%Y") == "2026-10-31");
  BOOST_TEST(date("31 OCTOBER 2026", "%d %B %Y") == "2026-10-31");
  BOOST_TEST(date("31/10/2026 14:05", "%d/%m/%Y %H:%M") == "2026-10-31");
  BOOST_TEST(date("31/10/2026 9:05:07", "%d/%m/%Y %H:%M:%S") == "2026-10-31");
  BOOST_TEST(date("2026-10", "%Y-%m") == "2026-10-01..2026-10-31");
  BOOST_TEST(date("Oct 2026", "%b %Y") == "2026-10-01..2026-10-31");
  BOOST_TEST(date("FY2026", "FY%Y") == "2026-01-01..2026-12-31");
  BOOST_TEST(date("50% 2026", "50%% %Y") == "2026-01-01..2026-12-31");
  // Errors point at the first byte that does not fit.
  BOOST_TEST(date("31.10.2026", "%d/%m/%Y") == "error@3");
  BOOST_TEST(date("31/10/26", "%d/%m/%Y") == "error@7");
  BOOST_TEST(date("31/10/2026x", "%d/%m/%Y") == "error@11");
  BOOST_TEST(date("/10/2026", "%d/%m/%Y") == "error@1");
  BOOST_TEST(date("31-Okt-2026", "%d-%b-%Y") == "error@4");
  BOOST_TEST(date("31/10/2026 24:00", "%d/%m/%Y %H:%M") == "error@12");
  // Days that do not exist, and months past twelve.
  BOOST_TEST(date("31/02/2026", "%d/%m/%Y") == "error@1");
  BOOST_TEST(date("29/02/2028", "%d/%m/%Y") == "2028-02-29");
  BOOST_TEST(date("29/02/2026", "%d/%m/%Y") == "error@1");
  BOOST_TEST(date("0/10/2026", "%d/%m/%Y") == "error@1");
  BOOST_TEST(date("12/13/2026", "%d/%m/%Y") == "error@1");
  const kpi::source::DateParse p =
      kpi::source::parse_date_cell("31/02/2026", date_format_of("%d/%m/%Y"));
  BOOST_TEST(p.error == "'31/02/2026' is not a real day");
}

BOOST_AUTO_TEST_CASE(date_formats_are_checked_when_read) {
  using kpi::source::parse_date_format;
  BOOST_TEST((parse_date_format("iso").format->kind == DateFormat::Kind::iso));
  BOOST_TEST((parse_date_format("excel").format->kind == DateFormat::Kind::excel));
  BOOST_TEST(parse_date_format("%d/%m/%Y").format->pattern == "%d/%m/%Y");
  BOOST_TEST(parse_date_format("%d/%m").error ==
             "the date format '%d/%m' has no year (%Y or %y); use iso, excel or a pattern");
  BOOST_TEST(parse_date_format("%d/%Y").error == "the date format '%d/%Y' has a day but no month");
  BOOST_TEST(parse_date_format("%d/%m/%Q").error ==
             "the date format has no directive '%Q' (known: %Y %y %m %d %b %B %H %M %S %%)");
  BOOST_TEST(parse_date_format("%Y%").error == "the date format ends in a lone '%'");
  BOOST_TEST(!parse_date_format("ISO").format);
}

BOOST_AUTO_TEST_CASE(trimming_takes_spaces_tabs_and_no_break_spaces) {
  BOOST_TEST(kpi::source::trimmed(" \t\xC2\xA0x y\xC2\xA0\t ") == "x y");
  BOOST_TEST(kpi::source::trimmed("\xC2\xA0") == "");
  BOOST_TEST(kpi::source::trimmed("") == "");
}

BOOST_AUTO_TEST_SUITE_END()
