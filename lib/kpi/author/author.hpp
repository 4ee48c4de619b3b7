#pragma once
// Authoring definitions as text: a KPI rendered as YAML in a file's own style, inserted
// into existing text without touching any other byte, and the starter workspaces of
// `kpi init`.

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "kpi/model/model.hpp"

namespace kpi {

/// How a file writes its block lists, so that a new entry looks like its neighbours.
struct YamlStyle {
  int item_indent = 2;         ///< columns before the `- ` of a list item
  int key_indent = 4;          ///< columns before the keys of an item after its first
  bool blank_between = true;   ///< entries are separated by a blank line
  std::string newline = "\n";  ///< "\r\n" when the file uses CRLF
};

/// The style of existing text: taken from its `kpis:` list, else from another top-level
/// block list (units, people, ...), else the defaults above.
YamlStyle detect_style(std::string_view text);

/// A scalar as YAML: plain when that reads back as the same string, else double-quoted.
std::string yaml_scalar(std::string_view text);

/// One `- id: ...` list entry holding every field that is set (fields at their default
/// value, such as direction higher or weight 1, are left out). Ends with a newline.
std::string render_kpi_yaml(const Kpi& kpi, const YamlStyle& style);

/// `text` with `kpi` appended to its top-level `kpis:` list, after the list's last
/// line; a file without that key gets `kpis:` at its end. No other byte changes, except
/// an empty flow list `kpis: []`, which becomes a block list. Throws Error (exit 1) when
/// `kpis` is a flow list with entries, which cannot be extended as text; `file` names
/// the text in that message.
std::string insert_kpi(std::string_view text, const Kpi& kpi, const std::string& file);

/// `text` (a workspace file) with `pattern` added to its top-level `include` list: a
/// new item in a block list, an entry in a one-line flow list, or a new `include:` key.
/// Throws Error (exit 1) when `include` is written in another way.
std::string add_include(std::string_view text, std::string_view pattern, const std::string& file);

/// The new text of one definition file; `path` as the user names it (relative to the
/// current folder, or absolute), inside the workspace folder.
struct FileChange {
  std::string path;
  std::string text;
};

/// Writes every file as write_file_atomic does, all or none: each new text first goes to a
/// synced temporary file (a failure there changes nothing), then each is renamed into
/// place; when a rename fails, the files already replaced are put back as they were (new
/// ones removed) and no temporary file is left. Throws Error (exit 2) on failure.
void write_files_atomic(const std::vector<FileChange>& files);

/// Writes `content` to a temporary file beside `path`, flushes it to disk and renames
/// it over `path`, so that readers see the old file or the new one, never a part.
/// Keeps the permissions of a file it replaces. Throws Error (exit 2) on failure.
void write_file_atomic(const std::filesystem::path& path, std::string_view content);

/// What a set of changes would do to a workspace.
struct ChangeCheck {
  /// The findings (loader's and validator's) the changes bring that the workspace did
  /// not have before, named and placed as in the changed files.
  std::vector<Diagnostic> added;
  /// The definition files of the changed workspace, in definition order.
  std::vector<std::string> files;
  /// The name findings give each changed file, in the order of the changes.
  std::vector<std::string> names;
};

/// Loads and validates the workspace with `changes` applied, on a scratch copy of its
/// definition files, so that nothing is written. Throws Error (exit 2) when the
/// workspace cannot be read or a change lies outside the workspace folder.
ChangeCheck check_changes(const std::filesystem::path& workspace_file,
                          const std::vector<FileChange>& changes, Date reference);

/// One file of a starter workspace, its path relative to the workspace folder.
struct TemplateFile {
  std::string_view path;
  std::string_view content;
};

/// A starter workspace of `kpi init --example NAME`.
struct InitTemplate {
  std::string_view name;
  std::vector<TemplateFile> files;  ///< sorted by path
};

/// The starters, sorted by name. Built from examples/init/<name>/ at build time, so the
/// installed program needs no data files.
const std::vector<InitTemplate>& init_templates();

/// The starter called `name`, or null.
const InitTemplate* find_init_template(std::string_view name);

}  // namespace kpi
