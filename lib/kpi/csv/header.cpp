#include "kpi/csv/header.hpp"

#include <utility>

namespace kpi::csv {

namespace {

bool iequals(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) {
    return false;
  }
  for (size_t i = 0; i < a.size(); ++i) {
    const char x = a[i] >= 'A' && a[i] <= 'Z' ? static_cast<char>(a[i] + 32) : a[i];
    if (x != b[i]) {
      return false;
    }
  }
  return true;
}

}  // namespace

Columns match_header(const CsvRecord& header) {
  Columns c;
  int period = -1;
  c.count = header.fields.size();
  for (size_t i = 0; i < header.fields.size(); ++i) {
    const std::string_view name = trim(header.fields[i].text);
    const int at = static_cast<int>(i);
    // The first column of a name wins; `date` wins over `period`; others are ignored.
    for (auto [word, slot] :
         {std::pair{"kpi", &c.kpi}, std::pair{"entity", &c.entity}, std::pair{"date", &c.date},
          std::pair{"period", &period}, std::pair{"value", &c.value}, std::pair{"note", &c.note}}) {
      if (*slot < 0 && iequals(name, word)) {
        *slot = at;
      }
    }
  }
  if (c.date < 0) {
    c.date = period;
  }
  return c;
}

std::string missing_header_columns(const Columns& columns) {
  std::string missing;
  if (columns.kpi < 0) {
    missing = "'kpi'";
  }
  if (columns.date < 0) {
    missing +=
        missing.empty() ? "'date' (or 'period') column" : " and 'date' (or 'period') columns";
  } else if (!missing.empty()) {
    missing += " column";
  }
  return missing;
}

}  // namespace kpi::csv
