// The owners of the CRM benchmark (issue 12), shared by kpi-bench-crm-gen (the CSV
// export and its workspace) and kpi-bench-xlsx-gen (the same deals as a workbook), so
// that both files name the same 1,000 people.
#pragma once

#include <string>

namespace kpi_bench {

inline constexpr int k_owners = 1000;

/// Owner i (0 <= i < 1000) by full name: 600 distinct Vietnamese names, then the same
/// names numbered, as a large sales team's CRM spells them.
inline std::string owner_name(int i) {
  static const char* const family[] = {"Nguyễn", "Trần", "Lê",   "Phạm",
                                       "Hoàng",  "Võ",   "Đặng", "Bùi"};
  static const char* const middle[] = {"Văn", "Thị", "Ngọc", "Minh", "Thanh"};
  static const char* const given[] = {"An",     "Bình", "Linh",  "Hùng", "Lan",
                                      "Tuấn",   "Hà",   "Dũng",  "Mai",  "Sơn",
                                      "Phương", "Quân", "Trang", "Khoa", "Vy"};
  return std::string(family[i % 8]) + " " + middle[(i / 8) % 5] + " " + given[(i / 40) % 15] +
         (i >= 600 ? " " + std::to_string(i) : "");
}

}  // namespace kpi_bench
