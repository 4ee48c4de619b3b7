#pragma once
// What the plain and the parallel reader must agree on, as text: shared by the
// differential unit test (test_parallel.cpp) and the fuzz target (tests/fuzz/fuzz_csv.cpp).

#include <cstdint>
#include <cstring>
#include <string>

#include "kpi/csv/measurements.hpp"
#include "kpi/error.hpp"

namespace kpi_test {

/// A row as both readers must give it, read order aside (they number rows differently).
inline std::string describe(const kpi::Observation& o) {
  uint64_t bits = 0;
  std::memcpy(&bits, &o.value.value, sizeof bits);
  const auto high = static_cast<long long>(o.value.scaled >> 64);
  const auto low = static_cast<unsigned long long>(o.value.scaled);
  return std::to_string(o.line) + " k" + std::to_string(o.kpi) + " e" + std::to_string(o.entity) +
         " s" + std::to_string(o.slot) + " " + std::to_string(o.stamp.start.days) + ".." +
         std::to_string(o.stamp.end.days) + " " + std::to_string(bits) +
         (o.value.exact ? " exact " + std::to_string(high) + "/" + std::to_string(low)
                        : " inexact");
}

inline std::string describe(const kpi::Diagnostic& d) {
  return d.rule + " " + d.where.file + ":" + std::to_string(d.where.line) + ":" +
         std::to_string(d.where.column) + " " + d.message + " | " + d.hint;
}

}  // namespace kpi_test
