#pragma once
// Reading the files of a source into observations (sources.md): each file's header
// compiled into a mapping, its rows mapped, on several threads for text files.

#include <functional>
#include <istream>
#include <string>
#include <vector>

#include "kpi/csv/measurements.hpp"
#include "kpi/source/entities.hpp"
#include "kpi/source/rows.hpp"

namespace kpi::source {

/// Reads one text file (.csv, .tsv, .txt) of `source`: lines above `header_row` skipped,
/// the header compiled (a missing column: one finding, no row read), body rows cut into
/// chunks and mapped on `sinks.size()` threads (rows without quotes split at the
/// delimiter, others through the RFC 4180 tokenizer). Observations reach each thread's
/// sink in read order (ReadOptions::first_chunk, ReadReport::chunks); findings come
/// back in file order. Rows of `unmatched: skip` go to `unmatched`.
ReadReport read_text_source(std::istream& in, const std::string& file, const Source& source,
                            const MeasurementIndex& index, const EntityMatcher& matcher,
                            const std::vector<RowSink*>& sinks, const ReadOptions& options,
                            UnmatchedTally& unmatched);

/// Reads one sheet (`sheet`, default the first) of a workbook of `source`, on one thread:
/// rows above `header_row` skipped, the header compiled, each row mapped, with findings
/// at `file:Sheet!C17`. A file that is no workbook, a missing sheet or a broken part is one
/// finding (`source-file`) and no row. `on_sheet` hears the sheet's name before any row.
ReadReport read_xlsx_source(const std::string& file, const Source& source,
                            const MeasurementIndex& index, const EntityMatcher& matcher,
                            RowSink& sink, const ReadOptions& options, UnmatchedTally& unmatched,
                            const std::function<void(const std::string&)>& on_sheet);

/// The header row of a workbook source checked as read_xlsx_source compiles it
/// (`source-column`, `source-date` of wide headers, `source-file`), for validate.
void check_xlsx_header(const std::string& file, const Source& source, const MeasurementIndex& index,
                       std::vector<std::string>& reported, std::vector<Diagnostic>& findings);

/// True for the files sources.md reads as Excel workbooks (.xlsx, any case).
bool is_workbook(const std::string& path);

/// The one warning of an `unmatched: skip` source whose rows matched nobody (its count
/// and first distinct values), or nothing when every row matched.
std::optional<Diagnostic> unmatched_warning(const Source& source, const UnmatchedTally& tally);

}  // namespace kpi::source
