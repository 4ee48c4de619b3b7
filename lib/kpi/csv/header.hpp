#pragma once
// The header row of a measurement file (internal to the csv module).

#include <string>
#include <string_view>

#include "kpi/csv/tokenizer.hpp"

namespace kpi::csv {

inline constexpr const char* k_expected_columns =
    "expected a header naming the columns kpi, entity, date (or period), value and note, in any "
    "order";

/// Where the columns sit; -1 when the header lacks one.
struct Columns {
  int kpi = -1;
  int entity = -1;
  int date = -1;
  int value = -1;
  int note = -1;
  size_t count = 0;
};

/// Spaces and tabs around a cell do not count.
inline std::string_view trim(std::string_view text) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) {
    text.remove_prefix(1);
  }
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) {
    text.remove_suffix(1);
  }
  return text;
}

Columns match_header(const CsvRecord& header);
/// "'kpi' column", "'date' (or 'period') column", both, or empty when neither is missing.
std::string missing_header_columns(const Columns& columns);

}  // namespace kpi::csv
