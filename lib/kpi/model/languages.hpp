#pragma once
// The languages kpi has labels for (settings.language, --lang): "en", and one per
// po/<code>.po the build compiled (po/CMakeLists.txt passes the list).

#include <string>
#include <vector>

namespace kpi {

const std::vector<std::string>& available_languages();

}  // namespace kpi
