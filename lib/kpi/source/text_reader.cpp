// Text sources: the chunked reader of measurement files, with a source's mapping
// applied to each row instead of the fixed measurement columns.

#include <algorithm>
#include <cstring>
#include <exception>
#include <filesystem>
#include <mutex>
#include <sstream>
#include <thread>

#include "kpi/csv/chunker.hpp"
#include "kpi/csv/line_ends.hpp"
#include "kpi/csv/tokenizer.hpp"
#include "kpi/source/headers.hpp"
#include "kpi/source/reader.hpp"
#include "kpi/source/text.hpp"
#include "kpi/util/quote.hpp"

namespace kpi::source {

namespace {

constexpr size_t k_source_block_size = 256 * 1024;
constexpr size_t k_text_batch = 64;

/// Cells of a line without quotes: split at every delimiter.
class LinePlaces : public CellPlaces {
 public:
  LinePlaces(const std::string& file, const std::vector<RowCell>& cells)
      : m_file(file), m_cells(cells) {}
  void set_line(const char* begin, const char* end, int64_t line) {
    m_begin = begin;
    m_end = end;
    m_line = line;
  }
  SourceLocation at(size_t cell, size_t byte) const override {
    const char* p = m_end;  // a cell the row lacks: just after its end
    if (cell < m_cells.size()) {
      const std::string_view text = m_cells[cell].text;
      p = text.data() + std::min(byte, text.size());
    }
    return SourceLocation{m_file, m_line, csv::characters(m_begin, p) + 1};
  }

 private:
  const std::string& m_file;
  const std::vector<RowCell>& m_cells;
  const char* m_begin = nullptr;
  const char* m_end = nullptr;
  int64_t m_line = 0;
};

/// Cells of a record from the tokenizer (quoted cells, cells over several lines).
class RecordPlaces : public CellPlaces {
 public:
  RecordPlaces(const std::string& file, const csv::CsvRecord& record)
      : m_file(file), m_record(record) {}
  SourceLocation at(size_t cell, size_t byte) const override {
    if (cell >= m_record.fields.size()) {
      return SourceLocation{m_file, m_record.end_line, m_record.end_column};
    }
    const csv::CsvField& f = m_record.fields[cell];
    const std::string_view before = f.text.substr(0, std::min(byte, f.text.size()));
    return SourceLocation{m_file, f.line,
                          f.column + (f.quoted ? 1 : 0) +
                              csv::characters(before.data(), before.data() + before.size())};
  }

 private:
  const std::string& m_file;
  const csv::CsvRecord& m_record;
};

struct Worker {
  Worker(const Source& source, const Mapping& mapping, const MeasurementIndex& index,
         const EntityMatcher& matcher, const std::string& file, const ReadOptions& options)
      : mapper(source, mapping, index, matcher, report, options.max_errors),
        line_places(file, cells),
        file(file) {}
  ReadReport report;
  RowMapper mapper;
  csv::Chunk chunk;
  std::vector<RowCell> cells;
  LinePlaces line_places;
  csv::CsvRecord record;
  std::vector<Observation> batch;
  const std::string& file;
  int64_t order = 0;

  /// Gives the rows mapped since `from` their read order, and hands full batches on.
  void emit(size_t from, RowSink& sink) {
    for (size_t i = from; i < batch.size(); ++i) {
      batch[i].order = order++;
    }
    if (batch.size() >= k_text_batch) {
      flush(sink);
    }
  }
  void flush(RowSink& sink) {
    if (!batch.empty()) {
      sink.add_rows(batch.data(), batch.size());
      batch.clear();
    }
  }

  void parse_lines(char delimiter, RowSink& sink) {
    const char* p = chunk.data.get();
    const char* const end = p + chunk.size;
    int64_t line = chunk.first_line;
    while (p < end) {
      const char* eol =
          static_cast<const char*>(std::memchr(p, '\n', static_cast<size_t>(end - p)));
      const char* stop = eol == nullptr ? end : eol;
      const char* text_end = stop > p && stop[-1] == '\r' ? stop - 1 : stop;
      cells.clear();
      for (const char* start = p;;) {
        const auto* mark = static_cast<const char*>(
            std::memchr(start, delimiter, static_cast<size_t>(text_end - start)));
        const char* const cell_end = mark == nullptr ? text_end : mark;
        cells.push_back(RowCell{std::string_view(start, static_cast<size_t>(cell_end - start)),
                                RowCell::Kind::text});
        if (mark == nullptr) {
          break;
        }
        start = mark + 1;
      }
      line_places.set_line(p, text_end, line);
      const size_t from = batch.size();
      mapper.map_row(cells.data(), cells.size(), line, line_places, batch);
      emit(from, sink);
      ++line;
      p = stop + 1;
    }
  }

  void parse_records(char delimiter, RowSink& sink) {
    csv::MemoryBuffer buffer(chunk.data.get(), chunk.size);
    std::istream in(&buffer);
    csv::CsvTokenizer tokenizer(in, chunk.size + 1);
    tokenizer.set_delimiter(delimiter);
    tokenizer.start_inside(chunk.first_line);
    const RecordPlaces places(file, record);
    while (tokenizer.next(record)) {
      if (record.error) {
        ++report.rows_read;
        mapper.fail("csv-syntax", SourceLocation{file, record.error->line, record.error->column},
                    record.error->message);
        continue;
      }
      cells.clear();
      for (const csv::CsvField& f : record.fields) {
        cells.push_back(RowCell{f.text, RowCell::Kind::text});
      }
      const size_t from = batch.size();
      mapper.map_row(cells.data(), cells.size(), record.line, places, batch);
      emit(from, sink);
    }
  }
};

}  // namespace

bool is_workbook(const std::string& path) {
  return fold_case(std::filesystem::path(path).extension().string()) == ".xlsx";
}

ReadReport read_text_source(std::istream& raw, const std::string& file, const Source& source,
                            const MeasurementIndex& index, const EntityMatcher& matcher,
                            const std::vector<RowSink*>& sinks, const ReadOptions& options,
                            UnmatchedTally& unmatched) {
  ReadReport report;
  csv::LineEndStream in(raw);
  csv::ChunkSource chunks(in, options.block_size > 0 ? options.block_size : k_source_block_size);
  const std::optional<TextHeader> header = read_text_header(chunks, file, source, report.problems);
  std::optional<Mapping> mapping;
  if (header) {
    mapping = compile_mapping(source, file, header->cells, index, report.problems);
  }
  report.problems_total = static_cast<int64_t>(report.problems.size());
  if (!mapping || !header->has_body) {
    return report;  // a header the mapping cannot use, or no body rows
  }
  const char delimiter = header->delimiter;

  std::vector<std::unique_ptr<Worker>> workers;
  for (size_t w = 0; w < sinks.size(); ++w) {
    workers.push_back(std::make_unique<Worker>(source, *mapping, index, matcher, file, options));
  }
  std::mutex turn;  // one thread at a time reads and cuts the next chunk
  std::exception_ptr failure;
  auto work = [&](size_t w) {
    Worker& worker = *workers[w];
    RowSink& sink = *sinks[w];
    try {
      while (true) {
        {
          const std::lock_guard<std::mutex> lock(turn);
          if (failure || !chunks.next(worker.chunk)) {
            break;
          }
        }
        worker.order = (options.first_chunk + worker.chunk.number) << 32;
        if (worker.chunk.has_quote) {
          worker.parse_records(delimiter, sink);
        } else {
          worker.parse_lines(delimiter, sink);
        }
        worker.flush(sink);
      }
    } catch (...) {
      const std::lock_guard<std::mutex> lock(turn);
      if (!failure) {
        failure = std::current_exception();
      }
    }
  };
  std::vector<std::thread> threads;
  for (size_t w = 1; w < sinks.size(); ++w) {
    threads.emplace_back(work, w);
  }
  work(0);
  for (std::thread& t : threads) {
    t.join();
  }
  if (failure) {
    std::rethrow_exception(failure);
  }
  for (const std::unique_ptr<Worker>& worker : workers) {
    report.rows_read += worker->report.rows_read;
    report.rows_valid += worker->report.rows_valid;
    report.problems_total += worker->report.problems_total;
    report.problems.insert(report.problems.end(), worker->report.problems.begin(),
                           worker->report.problems.end());
    unmatched.merge(worker->mapper.unmatched());
  }
  std::stable_sort(
      report.problems.begin(), report.problems.end(), [](const Diagnostic& a, const Diagnostic& b) {
        return std::pair(a.where.line, a.where.column) < std::pair(b.where.line, b.where.column);
      });
  if (report.problems.size() > options.max_errors) {
    report.problems.resize(options.max_errors);
  }
  report.chunks = chunks.chunks();
  return report;
}

std::optional<Diagnostic> unmatched_warning(const Source& source, const UnmatchedTally& tally) {
  if (tally.rows == 0) {
    return std::nullopt;
  }
  std::string values;
  for (const auto& [line, value] : tally.first) {
    values += (values.empty() ? "" : ", ") + quote(value);
  }
  const bool more = tally.first.size() >= k_unmatched_listed;
  return Diagnostic{
      "source-entity", Severity::warning,
      with_thousands(static_cast<size_t>(tally.rows)) + " row" + (tally.rows == 1 ? "" : "s") +
          " of source '" + source.id + "' matched no unit or person and " +
          (tally.rows == 1 ? "was" : "were") + " left out (unmatched: skip): " + values +
          (more ? " (the first " + std::to_string(k_unmatched_listed) + " values)" : ""),
      source.at_key("unmatched"),
      "add the spellings to the entities' 'aliases' if they should count"};
}

}  // namespace kpi::source
