#pragma once
// Random measurement files for the workspace of fixture.hpp, for comparing the parallel
// reader with the plain one: valid rows of every kind of KPI and stamp, and everything
// the fast path must hand to the strict one (bad ids, dates and numbers, blank lines,
// too many fields, spaces, quoted cells, quoted line breaks, CRLF).

#include <cstdint>
#include <string>
#include <vector>

namespace kpi_test {

/// splitmix64: the same numbers on every platform, unlike <random>'s distributions.
class Random {
 public:
  explicit Random(uint64_t seed) : m_state(seed) {}
  uint64_t next() {
    uint64_t z = (m_state += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
  }
  /// 0 .. n-1
  size_t below(size_t n) { return static_cast<size_t>(next() % n); }
  template <typename T>
  const T& pick(const std::vector<T>& from) {
    return from[below(from.size())];
  }

 private:
  uint64_t m_state;
};

/// `rows` rows after the header `kpi,entity,date,value,note`, all in January 2026 or
/// around it. About one row in six is unusual, one in twenty bad. `hostile` adds what
/// files from elsewhere bring: CR line ends (old Excel for Mac), two byte-order marks,
/// bytes that are not UTF-8, NaN and inf on count rows.
inline std::string random_measurements(uint64_t seed, size_t rows, bool quotes = true,
                                       bool hostile = false) {
  Random r(seed);
  // (kpi, entity) pairs that are assigned; an empty entity leans on the single assignee.
  const std::vector<std::pair<std::string, std::string>> valid = {
      {"sales.revenue", "alice"}, {"sales.revenue", "bob"}, {"ops.tickets", ""},
      {"ops.tickets", "ops"},     {"ops.uptime", ""},       {"sales.calls", "alice"},
      {"sales.calls", "bob"},     {"sales.deal", "alice"},  {"sales.low", ""}};
  const std::vector<std::pair<std::string, std::string>> invalid = {
      {"sales.revenu", "alice"}, {"sales.revenue", "carol"}, {"sales.revenue", "dave"},
      {"mkt.conv", "alice"},     {"sales.revenue", ""},      {"", "alice"}};
  const std::vector<std::string> dates = {"2026-01-05", "2026-01-31", "2026-01-01", "2026-02-01",
                                          "2025-12-31", "2026-01",    "2026-W05",   "2026-W02",
                                          "2026-Q1",    "2026-01-15", " 2026-01-09"};
  const std::vector<std::string> bad_dates = {"2026-02-30", "2026-13-01", "Jan 5", "", "2026-1-5"};
  const std::vector<std::string> values = {
      "12.5", "-3", "0", "1e3", "0.1", "0.2", "7 ", "+4.25",
      // 2^70: too large to be exact in 10^-18, added as a double; its multiples stay exact
      "1180591620717411303424", "-1180591620717411303424", "1e15", "0.30", "1.5E2", "100000",
      "0.0000000005"};
  const std::vector<std::string> bad_values = {"1,5", "5%", "NaN", "", "abc"};
  std::string out = r.below(4) == 0 ? "\xEF\xBB\xBF" : "";
  if (hostile && r.below(4) == 0) {
    out += "\xEF\xBB\xBF";  // a second mark: the header's first cell is then wrong
  }
  // Hostile files use one line end throughout, most often CR alone, sometimes mixed.
  const size_t ends = hostile ? r.below(4) : 3;
  out += std::string("kpi,entity,date,value,note") + (ends == 0 ? "\r" : "\n");
  for (size_t i = 0; i < rows; ++i) {
    const size_t kind = r.below(hostile ? 44 : 40);
    const bool crlf = r.below(5) == 0;
    std::string line;
    if (kind == 40) {
      const auto& [k, e] = r.pick(valid);
      line = k + "," + e + "," + r.pick(dates) + "," + r.pick(values) + ",caf\xE9";  // Latin-1
    } else if (kind == 41) {
      line = "ops.tickets,," + r.pick(dates) + "," + (r.below(2) == 0 ? "NaN" : "-inf") + ",";
    } else if (kind == 42) {
      line = "ops.tickets,," + r.pick(dates) + ",,\xC3\xA1 ok";  // empty value, UTF-8 note
    } else if (kind == 43 && quotes) {
      const auto& [k, e] = r.pick(valid);
      line = k + "," + e + "," + r.pick(dates) + "," + r.pick(values) + ",\"a\rb\"";
    } else if (kind == 0) {
      line = "";  // an empty line
    } else if (kind == 1) {
      line = "   ";  // a blank one
    } else if (kind == 2) {
      const auto& [k, e] = r.pick(invalid);
      line = k + "," + e + "," + r.pick(dates) + "," + r.pick(values) + ",";
    } else if (kind == 3) {
      const auto& [k, e] = r.pick(valid);
      line = k + "," + e + "," + r.pick(bad_dates) + "," + r.pick(values) + ",";
    } else if (kind == 4) {
      const auto& [k, e] = r.pick(valid);
      line = k + "," + e + "," + r.pick(dates) + "," + r.pick(bad_values) + ",";
    } else if (kind == 5) {
      const auto& [k, e] = r.pick(valid);
      line = k + "," + e + "," + r.pick(dates) + "," + r.pick(values) + ",note,extra";
    } else if (kind == 6 && quotes) {
      const auto& [k, e] = r.pick(valid);
      line = k + "," + e + "," + r.pick(dates) + ",\"" + r.pick(values) +
             "\",\"a note, with \"\"quotes\"\"\nand a line break\"";
    } else if (kind == 7 && quotes) {
      const auto& [k, e] = r.pick(valid);
      line = "\"" + k + "\"," + e + "," + r.pick(dates) + "," + r.pick(values) + ",\"\"";
    } else if (kind == 8) {
      const auto& [k, e] = r.pick(valid);
      line = " " + k + " ,\t" + e + "," + r.pick(dates) + "," + r.pick(values);  // 4 cells
    } else if (kind == 9 && quotes) {
      line = "sales.revenue,alice,2026-01-05,1,\"an \"unclosed\" quote";
    } else {
      const auto& [k, e] = r.pick(valid);
      line = k + "," + e + "," + r.pick(dates) + "," + r.pick(values) + ",";
    }
    if (ends == 0) {
      out += line + "\r";
    } else if (ends == 1) {
      out += line + (crlf ? "\r\n" : "\r");
    } else {
      out += line + (crlf ? "\r\n" : "\n");
    }
  }
  if (r.below(2) == 0 && !out.empty() && (out.back() == '\n' || out.back() == '\r')) {
    out.pop_back();  // the last row without its line break
  }
  return out;
}

}  // namespace kpi_test
