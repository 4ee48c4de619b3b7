#pragma once
// A source's files against its mapping (sources.md, "Columns"): the header row of each
// file that its globs match holds every column the source names, once.

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "kpi/error.hpp"
#include "kpi/model/model.hpp"

namespace kpi::source {

/// One header cell: its name trimmed, and where it stands.
struct HeaderCell {
  std::string name;
  int64_t line = 0;
  int64_t column = 0;
};

/// The header row of a text source: the `header_row`-th physical line (blank lines
/// counted), split with `delimiter` ("auto": the most frequent of , ; tab | on that
/// line, ties in that order). Throws Error (exit 1) when the file cannot be read or
/// has fewer lines.
std::vector<HeaderCell> read_header(const std::string& path, int header_row,
                                    const std::string& delimiter);

/// The delimiter `auto` picks for a header line.
char detect_source_delimiter(std::string_view line);

/// The files of a source: each glob's matches sorted by path, each file once, relative to
/// the folder of the file that defines the source. A glob that matches nothing is a
/// `source-empty` warning in `findings`.
std::vector<std::string> source_files(const Source& source, std::vector<Diagnostic>& findings);

/// `source-empty`, `source-column` and `source-date` (wide headers) findings for every
/// source whose files exist. Excel workbooks are not read yet and not checked.
std::vector<Diagnostic> check_source_files(const Workspace& workspace);

}  // namespace kpi::source
