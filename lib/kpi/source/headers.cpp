// Reading a text source's header row and checking the columns the source names.

#include "kpi/source/headers.hpp"

#include <fnmatch.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>

#include "kpi/csv/line_ends.hpp"
#include "kpi/csv/tokenizer.hpp"
#include "kpi/source/cells.hpp"
#include "kpi/source/reader.hpp"
#include "kpi/source/text.hpp"
#include "kpi/util/file.hpp"
#include "kpi/util/glob.hpp"
#include "kpi/util/suggest.hpp"

namespace kpi::source {

namespace fs = std::filesystem;

namespace {

Diagnostic finding(std::string rule, SourceLocation where, std::string message,
                   std::string hint = {}) {
  return Diagnostic{std::move(rule), Severity::error, std::move(message), std::move(where),
                    std::move(hint)};
}

void check_file(const Source& s, const std::string& file, const MeasurementIndex& index,
                std::vector<std::string>& reported, std::vector<Diagnostic>& out) {
  FileError why;
  std::optional<InputFile> in = InputFile::open(file, why);
  if (!in) {
    out.push_back(
        finding("source-file", SourceLocation{file, 0, 0},
                "cannot read the file '" + file + "' of source '" + s.id + "': " + why.message));
    return;
  }
  csv::LineEndStream lines(in->stream());
  csv::ChunkSource chunks(lines, 64 * 1024);
  const std::optional<TextHeader> header = read_text_header(chunks, file, s, out);
  if (header) {
    compile_mapping(s, file, header->cells, index, out, &reported);
  }
}

}  // namespace

char detect_source_delimiter(std::string_view line) {
  const char candidates[] = {',', ';', '\t', '|'};
  int counts[4] = {0, 0, 0, 0};
  bool quoted = false;
  for (char c : line) {
    if (c == '"') {
      quoted = !quoted;
    }
    for (int i = 0; i < 4 && !quoted; ++i) {
      counts[i] += c == candidates[i] ? 1 : 0;
    }
  }
  int best = 0;
  for (int i = 1; i < 4; ++i) {
    best = counts[i] > counts[best] ? i : best;
  }
  return candidates[best];
}

std::optional<TextHeader> read_text_header(csv::ChunkSource& chunks, const std::string& file,
                                           const Source& source,
                                           std::vector<Diagnostic>& problems) {
  std::optional<std::string_view> first;
  const bool dropped = chunks.drop_lines(source.header_row - 1);
  if (dropped) {
    first = chunks.first_line();
  }
  // Without a line break after it, the header is the file's last line.
  std::string line(first ? *first : dropped ? chunks.bytes_read() : std::string_view{});
  if (!first && line.empty()) {
    problems.push_back(finding("source-column", SourceLocation{file, 0, 0},
                               file + " has no line " + std::to_string(source.header_row) +
                                   ", where 'header_row' of source '" + source.id +
                                   "' puts its column names"));
    return std::nullopt;
  }
  if (source.header_row == 1 && line.compare(0, 3, "\xEF\xBB\xBF") == 0) {
    line.erase(0, 3);  // the byte-order mark is no part of the first column's name
  }
  if (!line.empty() && line.back() == '\r') {
    line.pop_back();
  }
  TextHeader out;
  out.delimiter = source.delimiter == "auto" || source.delimiter.empty()
                      ? detect_source_delimiter(line)
                      : source.delimiter[0];
  std::istringstream in(line + "\n");
  csv::CsvTokenizer tokenizer(in);
  tokenizer.start_inside(source.header_row);
  tokenizer.set_delimiter(out.delimiter);
  csv::CsvRecord record;
  if (!tokenizer.next(record)) {
    problems.push_back(finding("source-column", SourceLocation{file, source.header_row, 1},
                               "line " + std::to_string(source.header_row) + " of " + file +
                                   " is empty; 'header_row' of source '" + source.id +
                                   "' must point at the column names"));
    return std::nullopt;
  }
  if (record.error) {
    problems.push_back(finding("csv-syntax",
                               SourceLocation{file, record.error->line, record.error->column},
                               record.error->message));
    return std::nullopt;
  }
  for (const csv::CsvField& f : record.fields) {
    out.cells.push_back(
        NamedColumn{std::string(trimmed(f.text)), SourceLocation{file, f.line, f.column}, {}});
  }
  if (first) {
    chunks.skip_first_line(out.delimiter);
    out.has_body = true;
  }
  return out;
}

std::vector<std::string> source_files(const Source& source, std::vector<Diagnostic>& findings,
                                      const std::string& workspace_file, bool allow_outside) {
  const fs::path folder = fs::path(source.at.file).parent_path();
  const fs::path base = folder.empty() ? fs::path(".") : folder;
  const fs::path top = fs::path(workspace_file).parent_path();
  const fs::path workspace = top.empty() ? fs::path(".") : top;
  std::error_code ec;
  const fs::path boundary = allow_outside ? fs::path() : fs::absolute(workspace, ec);
  std::vector<std::string> out;
  // A file is read once however often the source names it: by path, and by device and
  // inode (another spelling, a link), as measurement files are.
  std::set<std::string> seen;
  std::map<FileIdentity, std::string> seen_files;
  for (size_t g = 0; g < source.files.size(); ++g) {
    if (!allow_outside && glob_leaves(workspace, base, source.files[g])) {
      continue;  // the loader reports it (path-outside)
    }
    const std::vector<std::string> matches = expand_glob(base, source.files[g], boundary);
    if (matches.empty()) {
      Diagnostic d = finding(
          "source-empty", source.file_positions[g],
          "the glob '" + source.files[g] + "' of source '" + source.id + "' matches no file");
      d.severity = Severity::warning;
      findings.push_back(std::move(d));
    }
    for (const std::string& match : matches) {
      const fs::path path = fs::path(match).is_absolute() ? fs::path(match) : folder / match;
      if (!allow_outside && !is_inside(workspace, path)) {
        continue;  // the loader reports it (path-outside)
      }
      const std::string file = path.lexically_normal().generic_string();
      if (!seen.insert(file).second) {
        continue;  // two globs that overlap: not worth a word
      }
      if (const std::optional<FileIdentity> id = file_identity(file)) {
        const auto [it, fresh] = seen_files.emplace(*id, file);
        if (!fresh) {
          Diagnostic d = finding("data-repeated", source.file_positions[g],
                                 "'" + file + "' is the same file as '" + it->second +
                                     "' in source '" + source.id + "'; it is read once");
          d.severity = Severity::warning;
          findings.push_back(std::move(d));
          continue;
        }
      }
      out.push_back(file);
    }
  }
  return out;
}

std::vector<Diagnostic> check_source_files(const Workspace& workspace) {
  std::vector<Diagnostic> out;
  if (workspace.sources.empty()) {
    return out;
  }
  const MeasurementIndex index(workspace);
  for (const Source& s : workspace.sources) {
    std::vector<std::string> reported;
    for (const std::string& file : source_files(s, out, workspace.file, false)) {
      if (is_workbook(file)) {
        check_xlsx_header(file, s, index, reported, out);
      } else {
        check_file(s, file, index, reported, out);
      }
    }
  }
  return out;
}

}  // namespace kpi::source
