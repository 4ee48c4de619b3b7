#pragma once
// The rows of one chunk, for the parallel reader (internal to the csv module). A line of
// a chunk without quotes is split at the delimiter and checked by fixed-format fast
// paths; a line they do not take, and every row of a chunk with quotes, goes through
// the strict row check, so that findings and their positions are those of the plain
// reader.

#include <vector>

#include "kpi/csv/chunker.hpp"
#include "kpi/csv/header.hpp"
#include "kpi/csv/measurements.hpp"
#include "kpi/csv/row_checker.hpp"

namespace kpi::csv {

class ChunkParser {
 public:
  ChunkParser(const MeasurementIndex& index, const Columns& columns, char delimiter,
              int64_t first_chunk, RowChecker& checker, ReadReport& report)
      : m_index(index),
        m_columns(columns),
        m_delimiter(delimiter),
        m_first_chunk(first_chunk),
        m_checker(checker),
        m_report(report) {}

  void parse(const Chunk& chunk, RowSink& sink);

 private:
  struct Span {
    const char* begin;
    const char* end;
  };
  void parse_lines(const Chunk& chunk, RowSink& sink);
  void parse_records(const Chunk& chunk, RowSink& sink);
  /// The fast path for the cells of one line; false when it does not take the line.
  bool fast_row(const Span* cells, Observation& out) const;
  /// The strict path for one line without quotes: builds the record the tokenizer would.
  void slow_row(const char* begin, const char* end, int64_t line, RowSink& sink);
  void emit(Observation& row, RowSink& sink);
  void flush(RowSink& sink);

  const MeasurementIndex& m_index;
  const Columns& m_columns;
  char m_delimiter;
  int64_t m_first_chunk;
  RowChecker& m_checker;
  ReadReport& m_report;
  int64_t m_order = 0;               ///< the next row's read order
  CsvRecord m_record;                ///< reused by slow_row and parse_records
  std::vector<Observation> m_batch;  ///< rows not yet handed to the sink
  std::vector<Span> m_cells;
};

}  // namespace kpi::csv
