// Validating a change before it is written: the workspace's definition files are
// copied to a scratch folder, the changes laid over them, and the copy loaded there.

#include <stdlib.h>

#include <fstream>
#include <set>

#include "kpi/author/author.hpp"
#include "kpi/error.hpp"
#include "kpi/validate/validate.hpp"
#include "kpi/yaml/definitions.hpp"
#include "kpi/yaml/loading.hpp"

namespace kpi {

namespace {

namespace fs = std::filesystem;

/// A scratch folder removed when it goes out of scope.
class ScratchFolder {
 public:
  ScratchFolder() {
    std::string pattern = (fs::temp_directory_path() / "kpi-define-XXXXXX").string();
    if (::mkdtemp(pattern.data()) == nullptr) {
      throw usage_error("write-error",
                        "cannot create a scratch folder in " + fs::temp_directory_path().string());
    }
    m_path = pattern;
  }
  ScratchFolder(const ScratchFolder&) = delete;
  ScratchFolder& operator=(const ScratchFolder&) = delete;
  ~ScratchFolder() {
    std::error_code ignored;
    fs::remove_all(m_path, ignored);
  }
  const fs::path& path() const { return m_path; }

 private:
  fs::path m_path;
};

/// `file` relative to `root`, or empty when it lies outside.
fs::path inside(const fs::path& root, const std::string& file) {
  std::error_code ec;
  fs::path rel = fs::weakly_canonical(fs::absolute(file), ec).lexically_relative(root);
  if (ec || rel.empty() || *rel.begin() == "..") {
    return {};
  }
  return rel;
}

void put(const fs::path& file, std::string_view text) {
  fs::create_directories(file.parent_path());
  std::ofstream out(file, std::ios::binary);
  out << text;
  out.close();  // a failed write may show only when the buffer is flushed
  if (!out) {
    throw usage_error("write-error", "cannot write the scratch copy " + file.string());
  }
}

std::vector<Diagnostic> findings_of(const LoadResult& load, Date reference) {
  std::vector<Diagnostic> all = load.diagnostics;
  std::vector<Diagnostic> more = validate_workspace(load.workspace, reference);
  all.insert(all.end(), more.begin(), more.end());
  return all;
}

std::string key_of(const Diagnostic& d) { return d.rule + '\x1f' + d.message; }

}  // namespace

ChangeCheck check_changes(const fs::path& workspace_file, const std::vector<FileChange>& changes,
                          Date reference) {
  const LoadResult before = load_workspace(workspace_file);
  const fs::path root = fs::weakly_canonical(fs::path(before.workspace.root));
  ScratchFolder scratch;
  for (const std::string& file : before.workspace.files) {
    fs::path rel = inside(root, file);
    std::string error;
    std::optional<std::string> text = yaml::read_file_text(file, error);
    if (!rel.empty() && text) {
      put(scratch.path() / rel, *text);
    }
  }
  for (const FileChange& change : changes) {
    fs::path rel = inside(root, change.path);
    if (rel.empty()) {
      throw usage_error("outside-workspace",
                        "'" + change.path + "' lies outside the workspace folder " + root.string(),
                        change.path);
    }
    put(scratch.path() / rel, change.text);
  }
  const fs::path scratch_root = fs::weakly_canonical(scratch.path());
  const LoadResult after = load_workspace(scratch_root / inside(root, workspace_file.string()));

  // Name everything as the real files are named.
  const std::string prefix = scratch_root.generic_string() + "/";
  const fs::path real_folder = workspace_file.parent_path();
  auto real_name = [&](const std::string& name) {
    return name.rfind(prefix, 0) == 0 ? yaml::display_path(real_folder, name.substr(prefix.size()))
                                      : name;
  };
  std::string real_prefix = real_folder.generic_string();
  real_prefix += real_prefix.empty() ? "" : "/";
  auto rename_in = [&](std::string& text) {
    for (size_t at = text.find(prefix); at != std::string::npos;
         at = text.find(prefix, at + real_prefix.size())) {
      text.replace(at, prefix.size(), real_prefix);
    }
  };
  std::multiset<std::string> old_keys;
  for (const Diagnostic& d : findings_of(before, reference)) {
    old_keys.insert(key_of(d));
  }
  ChangeCheck check;
  for (Diagnostic d : findings_of(after, reference)) {
    d.where.file = real_name(d.where.file);
    rename_in(d.message);  // messages may name files too ("first defined at ...")
    rename_in(d.hint);
    auto it = old_keys.find(key_of(d));
    if (it != old_keys.end()) {
      old_keys.erase(it);
    } else {
      check.added.push_back(std::move(d));
    }
  }
  for (const FileChange& change : changes) {
    check.names.push_back(
        yaml::display_path(real_folder, inside(root, change.path).generic_string()));
  }
  for (const std::string& file : after.workspace.files) {
    check.files.push_back(real_name(file));
  }
  return check;
}

}  // namespace kpi
