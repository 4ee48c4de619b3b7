#include "language.hpp"

#include <fmt/format.h>
#include <libintl.h>
#include <unistd.h>

#include <algorithm>
#include <clocale>
#include <cstdlib>
#include <filesystem>
#include <vector>

#include "kpi/error.hpp"
#include "kpi/model/languages.hpp"
#include "kpi/render/labels.hpp"

namespace kpi::cli {

namespace {

namespace fs = std::filesystem;

/// Folders that may hold <code>/LC_MESSAGES/kpi.mo, in the order they are tried.
std::vector<fs::path> catalogue_folders() {
  std::vector<fs::path> folders;
  if (const char* dir = std::getenv("KPI_LOCALEDIR"); dir != nullptr && *dir != '\0') {
    folders.emplace_back(dir);
  }
  std::error_code ec;
  const fs::path exe = fs::read_symlink("/proc/self/exe", ec);
  if (!ec) {
    folders.push_back(exe.parent_path() / "locale");                      // the build tree
    folders.push_back(exe.parent_path().parent_path() / "share/locale");  // bin/../share
  }
  return folders;
}

}  // namespace

std::string use_language(const std::string& option, const Workspace& ws) {
  const std::string code = option.empty() ? ws.settings.language : option;
  const std::vector<std::string>& known = available_languages();
  if (std::find(known.begin(), known.end(), code) == known.end()) {
    throw usage_error("bad-lang", fmt::format("kpi has no labels in '{}' (languages: {})", code,
                                              fmt::join(known, ", ")));
  }
  if (code == "en") {
    render::set_language(code);
    return code;
  }
  std::vector<std::string> looked;
  for (const fs::path& folder : catalogue_folders()) {
    std::error_code ec;
    if (fs::is_regular_file(folder / code / "LC_MESSAGES" / "kpi.mo", ec)) {
      // gettext picks the catalogue by LANGUAGE, which it honours under any locale but C;
      // C.UTF-8 changes nothing else (numbers are kpi's own, LC_NUMERIC stays C).
      setenv("LANGUAGE", code.c_str(), 1);
      std::setlocale(LC_MESSAGES, "C.UTF-8");
      bindtextdomain(render::k_text_domain, folder.c_str());
      bind_textdomain_codeset(render::k_text_domain, "UTF-8");
      render::set_language(code);
      return code;
    }
    looked.push_back(folder.string());
  }
  throw usage_error("bad-lang", fmt::format("no catalogue of '{}' labels (kpi.mo) in {}", code,
                                            fmt::join(looked, ", ")));
}

}  // namespace kpi::cli
