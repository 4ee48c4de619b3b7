#pragma once
// The language of the labels a run prints (score, report, payout): --lang, else the
// workspace's settings.language; its gettext catalogue found beside the executable
// (build/locale in a build tree, ../share/locale when installed, or $KPI_LOCALEDIR).

#include <string>

#include "kpi/model/model.hpp"

namespace kpi::cli {

/// Makes the language current for the renderers and returns its code. An unknown code or
/// a missing catalogue is exit 2, naming the languages kpi has.
std::string use_language(const std::string& option, const Workspace& ws);

}  // namespace kpi::cli
