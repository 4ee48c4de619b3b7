#include "sealing.hpp"

#include <filesystem>

#include "kpi/source/headers.hpp"

namespace kpi::cli {

namespace fs = std::filesystem;

namespace {

/// `path` (as a run names it, relative to the current folder) relative to the root.
std::string from_root(const std::string& root, const std::string& path) {
  std::error_code ec;
  const fs::path absolute = fs::absolute(path, ec).lexically_normal();
  const fs::path relative = absolute.lexically_relative(root);
  return relative.empty() ? absolute.generic_string() : relative.generic_string();
}

}  // namespace

std::vector<std::string> counted_files(const Workspace& ws, const std::vector<std::string>& data,
                                       const GlobalOptions& global) {
  std::vector<std::string> out;
  for (const std::string& f : ws.files) {
    out.push_back(from_root(ws.root, f));
  }
  for (const std::string& f : data) {
    if (f != "-") {
      out.push_back(from_root(ws.root, f));
    }
  }
  for (const Source& s : ws.sources) {
    std::vector<Diagnostic> ignored;
    for (const std::string& f : source::source_files(s, ignored, ws.file, global.allow_outside)) {
      out.push_back(from_root(ws.root, f));
    }
  }
  return out;
}

std::optional<Diagnostic> check_closed(const Workspace& ws, const std::vector<std::string>& data,
                                       const ScoreResult& scored, const GlobalOptions& global,
                                       bool strict) {
  const std::string relative = seal_path(scored.token);
  const fs::path seal_file = fs::path(ws.root) / relative;
  std::error_code ec;
  if (!fs::exists(seal_file, ec)) {
    return std::nullopt;
  }
  const ClosedPeriod seal = read_seal(seal_file.string(), relative);
  // The numbers first: only when one moved are the files read again, to name them.
  if (check_seal(seal, seal.files, scored).clean()) {
    return std::nullopt;
  }
  const SealCheck check =
      check_seal(seal, hash_files(ws.root, counted_files(ws, data, global)), scored);
  return closed_changed(seal, check, strict);
}

}  // namespace kpi::cli
