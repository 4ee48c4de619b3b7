// The workspace file: its top-level keys, then the files it includes.

#include <yaml-cpp/exceptions.h>

#include <algorithm>

#include "kpi/util/suggest.hpp"
#include "kpi/yaml/limits.hpp"
#include "kpi/yaml/loading.hpp"
#include "kpi/yaml/readers.hpp"

namespace kpi {

namespace fs = std::filesystem;

namespace {

/// The document of `text`, or a yaml-syntax or yaml-limit finding; an empty document
/// reads as null.
std::optional<yaml::Tree> parse_document(std::string_view text, yaml::NodeReader& reader) {
  try {
    yaml::ParsedText parsed = yaml::parse_yaml(text, reader.file());
    if (parsed.limit) {
      reader.report(parsed.limit->rule, parsed.limit->where, parsed.limit->message,
                    parsed.limit->hint);
    }
    return std::move(parsed.tree);
  } catch (const YAML::Exception& e) {
    reader.report("yaml-syntax", reader.location(e.mark), "the file is not valid YAML: " + e.msg);
  }
  return std::nullopt;
}

void read_version(yaml::NodeReader& reader, const yaml::MapReader& map, Workspace& ws) {
  if (!map.has("version")) {
    reader.report("missing-field", reader.location(1, 1),
                  "the workspace lacks the required key 'version'; add 'version: 1' at the top");
    return;
  }
  std::optional<int> version =
      reader.whole_number(map.get("version"), "'version'", map.at("version"));
  if (!version) {
    return;
  }
  ws.version = *version;
  if (*version != 1) {
    reader.report("bad-value", map.at("version"),
                  "unsupported version " + std::to_string(*version) +
                      "; the only version is 1, write 'version: 1'");
  }
}

/// The paths the workspace file names, with their positions.
struct TopPaths {
  std::vector<yaml::GlobEntry> includes;
  std::vector<yaml::GlobEntry> data;
  yaml::GlobEntry journal;
};

/// The top-level keys of the workspace file; returns the paths it names.
TopPaths read_top(yaml::NodeReader& reader, const yaml::Node& root, LoadResult& into) {
  Workspace& ws = into.workspace;
  yaml::MapReader map(reader, root, "the workspace file", yaml::keys_of("workspace"),
                      reader.location(root));
  ws.pos = map.positions();
  TopPaths paths;
  if (!map.is_map()) {
    return paths;
  }
  read_version(reader, map, ws);
  yaml::with(map, "name", [&](const yaml::Node& value, const SourceLocation& at) {
    ws.name = reader.string(value, "'name'", at).value_or("");
  });
  yaml::with(map, "include", [&](const yaml::Node& value, const SourceLocation& at) {
    paths.includes = reader.string_list(value, "'include'", at);
  });
  for (const auto& [glob, at] : paths.includes) {
    ws.include.push_back(glob);
  }
  if (map.has("data")) {
    ws.data.clear();
    paths.data = reader.string_list(map.get("data"), "'data'", map.at("data"));
    for (auto& [glob, at] : paths.data) {
      ws.data.push_back(glob);
    }
  } else {
    for (const std::string& glob : ws.data) {
      paths.data.emplace_back(glob, SourceLocation{ws.file, 1, 1});
    }
  }
  paths.journal = {ws.journal, SourceLocation{ws.file, 1, 1}};
  yaml::with(map, "journal", [&](const yaml::Node& value, const SourceLocation& at) {
    if (auto journal = reader.string(value, "'journal'", at)) {
      ws.journal = *journal;
      paths.journal = {ws.journal, at};
    }
  });
  yaml::with(map, "tests", [&](const yaml::Node& value, const SourceLocation& at) {
    ws.tests.clear();
    for (auto& [glob, where] : reader.string_list(value, "'tests'", at)) {
      ws.tests.push_back(glob);
    }
  });
  yaml::with(map, "settings", [&](const yaml::Node& value, const SourceLocation& at) {
    ws.settings = yaml::read_settings(reader, value, at);
  });
  yaml::with(map, "warehouse", [&](const yaml::Node& value, const SourceLocation& at) {
    ws.warehouse = yaml::read_warehouse(reader, value, at);
  });
  yaml::read_definition_lists(reader, map, ws);
  return paths;
}

std::string absolute_folder(const fs::path& folder) {
  std::error_code ec;
  fs::path root = fs::absolute(folder.empty() ? fs::path(".") : folder, ec).lexically_normal();
  if (!root.has_filename() && root != root.root_path()) {
    root = root.parent_path();
  }
  return root.string();
}

}  // namespace

namespace yaml {

void read_included_text(std::string_view text, const std::string& file, LoadResult& into) {
  NodeReader reader(file, text, into.diagnostics);
  into.workspace.files.push_back(file);
  check_encoding(text, file, into.diagnostics);
  std::optional<yaml::Tree> tree = parse_document(text, reader);
  if (!tree || tree->root().IsNull()) {
    return;
  }
  const yaml::Node root = tree->root();
  // Keys that belong in kpi.yaml get a message of their own; the rest are unknown.
  if (root.IsMap()) {
    for (const auto& entry : root.entries()) {
      yaml::Node key = entry.first;
      const std::vector<std::string>& allowed = definition_keys();
      const std::vector<std::string>& top = keys_of("workspace");
      if (key.IsScalar() && std::count(top.begin(), top.end(), key.Scalar()) != 0 &&
          std::count(allowed.begin(), allowed.end(), key.Scalar()) == 0) {
        reader.report("unknown-key", reader.location(key),
                      "key '" + key.Scalar() +
                          "' is not allowed in an included file; only units, people, frames, "
                          "rewards, kpis and sources are (move it to the workspace file)");
      }
    }
  }
  MapReader map(reader, root, "an included file", keys_of("workspace"), reader.location(root));
  read_definition_lists(reader, map, into.workspace);
}

}  // namespace yaml

LoadResult load_workspace_text(std::string_view text, const std::string& file_name,
                               const LoadOptions& options) {
  LoadResult result;
  Workspace& ws = result.workspace;
  ws.file = file_name;
  fs::path folder = fs::path(file_name).parent_path();
  ws.root = absolute_folder(folder);
  ws.data = {"data/*.csv"};
  ws.files.push_back(file_name);
  yaml::NodeReader reader(file_name, text, result.diagnostics);
  yaml::check_encoding(text, file_name, result.diagnostics);
  std::optional<yaml::Tree> tree = parse_document(text, reader);
  if (!tree) {
    return result;
  }
  const yaml::Node root = tree->root();
  if (root.IsNull()) {
    // An empty workspace file still owes its version: say what to write.
    reader.report("missing-field", SourceLocation{file_name, 1, 1},
                  "the workspace lacks the required key 'version'; add 'version: 1' at the top");
    return result;
  }
  TopPaths paths = read_top(reader, root, result);
  yaml::load_includes(paths.includes, folder, options, result);
  if (!options.allow_outside) {
    yaml::check_data_paths(paths.data, paths.journal, folder, result.diagnostics);
    yaml::check_source_paths(result.workspace.sources, folder, result.diagnostics);
  }
  return result;
}

LoadResult load_workspace(const fs::path& workspace_file, const LoadOptions& options) {
  std::string error;
  std::optional<std::string> text = yaml::read_file_text(workspace_file, error);
  if (!text) {
    throw usage_error("no-workspace",
                      "cannot read workspace file '" + workspace_file.string() + "': " + error,
                      workspace_file.string());
  }
  return load_workspace_text(*text, workspace_file.string(), options);
}

}  // namespace kpi
