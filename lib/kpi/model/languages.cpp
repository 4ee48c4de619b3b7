#include "kpi/model/languages.hpp"

#include <algorithm>
#include <string_view>

namespace kpi {

const std::vector<std::string>& available_languages() {
  static const std::vector<std::string> codes = [] {
    std::vector<std::string> out;
    std::string_view list = KPI_LANGUAGES;  // "en vi", from po/CMakeLists.txt
    while (!list.empty()) {
      const size_t space = std::min(list.find(' '), list.size());
      if (space > 0) {
        out.emplace_back(list.substr(0, space));
      }
      list.remove_prefix(std::min(space + 1, list.size()));
    }
    return out;
  }();
  return codes;
}

}  // namespace kpi
