#include "kpi/validate/order.hpp"

#include <algorithm>
#include <tuple>
#include <unordered_map>

namespace kpi {

void sort_findings(std::vector<Diagnostic>& findings, const std::vector<std::string>& files) {
  std::unordered_map<std::string, size_t> ranks;
  for (size_t i = 0; i < files.size(); ++i) {
    ranks.emplace(files[i], i);  // the first listing of a file counts
  }
  const auto rank = [&](const std::string& file) {
    if (file.empty()) {
      return files.size() + 1;
    }
    auto it = ranks.find(file);
    return it == ranks.end() ? files.size() : it->second;
  };
  std::stable_sort(findings.begin(), findings.end(), [&](const Diagnostic& a, const Diagnostic& b) {
    return std::make_tuple(rank(a.where.file), std::cref(a.where.file), a.where.line,
                           a.where.column) < std::make_tuple(rank(b.where.file),
                                                             std::cref(b.where.file), b.where.line,
                                                             b.where.column);
  });
}

}  // namespace kpi
