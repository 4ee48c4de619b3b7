#pragma once
// A source's files against its mapping (sources.md, "Columns"): the header row of each
// file that its globs match holds every column the source names, once.

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "kpi/csv/chunker.hpp"
#include "kpi/error.hpp"
#include "kpi/model/model.hpp"
#include "kpi/source/mapping.hpp"

namespace kpi::source {

/// The header row of a text source.
struct TextHeader {
  std::vector<NamedColumn> cells;
  char delimiter = ',';
  bool has_body = false;  ///< lines follow it: `chunks` is left at the first body line
};

/// Reads the header row from `chunks`: the `header_row`-th physical line (blank lines
/// counted; lines above it dropped), split with the source's `delimiter` ("auto": the
/// most frequent of , ; tab | on that line, ties in that order). nullopt after adding a
/// finding to `problems` (the file has fewer lines, the line is empty, a quote is
/// unterminated). Only the blocks up to the header are read.
std::optional<TextHeader> read_text_header(csv::ChunkSource& chunks, const std::string& file,
                                           const Source& source, std::vector<Diagnostic>& problems);

/// The delimiter `auto` picks for a header line.
char detect_source_delimiter(std::string_view line);

/// The files of a source: each glob's matches sorted by path, each file once, relative to
/// the folder of the file that defines the source. A glob that matches nothing is a
/// `source-empty` warning in `findings`. Without `allow_outside`, files outside the
/// folder of `workspace_file` are left out (the loader reports them as path-outside).
std::vector<std::string> source_files(const Source& source, std::vector<Diagnostic>& findings,
                                      const std::string& workspace_file = {},
                                      bool allow_outside = true);

/// `source-empty`, `source-column` and `source-date` (wide headers) findings for every
/// source whose files exist: each file's header (a workbook's header row) compiled as
/// reading it would.
std::vector<Diagnostic> check_source_files(const Workspace& workspace);

}  // namespace kpi::source
