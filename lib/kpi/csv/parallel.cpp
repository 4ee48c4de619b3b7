// read_measurements_parallel: the source cut into chunks of whole rows, parsed by
// several threads, findings merged back into file order.

#include <algorithm>
#include <exception>
#include <mutex>
#include <sstream>
#include <thread>

#include "kpi/csv/chunk_parser.hpp"
#include "kpi/csv/chunker.hpp"
#include "kpi/csv/header.hpp"
#include "kpi/csv/line_ends.hpp"
#include "kpi/csv/measurements.hpp"
#include "kpi/csv/row_checker.hpp"

namespace kpi {

namespace {

// A quarter of a core's L2 cache (1 MiB on the machines measured): the block streams
// through the cache, and the id tables and cells should stay in it. 1 MiB blocks made
// one thread 50 % slower (bench/README.md).
constexpr size_t k_parallel_block_size = 256 * 1024;

/// The bytes a ChunkSource has read, then the rest of the stream: for starting over
/// with the plain reader.
class PrefixedBuffer : public std::streambuf {
 public:
  PrefixedBuffer(std::string prefix, std::istream& rest)
      : m_prefix(std::move(prefix)), m_rest(rest) {
    setg(m_prefix.data(), m_prefix.data(), m_prefix.data() + m_prefix.size());
  }

 protected:
  int_type underflow() override {
    if (gptr() < egptr()) {
      return traits_type::to_int_type(*gptr());
    }
    m_block.resize(64 * 1024);
    m_rest.read(m_block.data(), static_cast<std::streamsize>(m_block.size()));
    const auto got = static_cast<size_t>(m_rest.gcount());
    if (got == 0) {
      return traits_type::eof();
    }
    setg(m_block.data(), m_block.data(), m_block.data() + got);
    return traits_type::to_int_type(*gptr());
  }

 private:
  std::string m_prefix;
  std::istream& m_rest;
  std::string m_block;
};

/// A first line the fast path takes: not blank and without quotes (a header with
/// quotes, or a blank first line, is the plain reader's).
bool plain_header(std::string_view line) {
  return line.find('"') == std::string_view::npos &&
         line.find_first_not_of(" \t\r") != std::string_view::npos;
}

/// One thread's share of the work.
struct Worker {
  Worker(const std::string& file, const MeasurementIndex& index, const csv::Columns& columns,
         char delimiter, const ReadOptions& options)
      : checker(file, index, columns, options, report),
        parser(index, columns, delimiter, options.first_chunk, checker, report) {}
  ReadReport report;
  csv::RowChecker checker;
  csv::ChunkParser parser;
  csv::Chunk chunk;
};

}  // namespace

ReadReport read_measurements_parallel(std::istream& raw, const std::string& file_name,
                                      const MeasurementIndex& index,
                                      const std::vector<RowSink*>& sinks,
                                      const ReadOptions& options) {
  // CR line ends read as LF here as in the plain reader (which reads `in` again when it
  // takes over: a second pass changes nothing).
  csv::LineEndStream in(raw);
  csv::ChunkSource source(in, options.block_size > 0 ? options.block_size : k_parallel_block_size);
  const std::optional<std::string_view> first = source.first_line();
  csv::CsvRecord header;
  csv::Columns columns;
  char delimiter = ',';
  if (first && plain_header(*first)) {
    std::istringstream line(std::string(*first) + "\n");
    csv::CsvTokenizer tokenizer(line);
    delimiter = csv::detect_delimiter(tokenizer.peek_line());
    tokenizer.set_delimiter(delimiter);
    tokenizer.next(header);
    columns = csv::match_header(header);
  }
  if (!first || !plain_header(*first) || columns.value < 0 ||
      !csv::missing_header_columns(columns).empty()) {
    // The plain reader decides what the fast path does not take, from the first byte.
    PrefixedBuffer buffer(std::string(source.bytes_read()), in);
    std::istream again(&buffer);
    RowSink& sink = *sinks.front();
    return read_measurements(
        again, file_name, index, [&sink](const Observation& row) { sink.add(row); }, options);
  }
  source.skip_first_line(delimiter);

  std::vector<std::unique_ptr<Worker>> workers;
  for (size_t w = 0; w < sinks.size(); ++w) {
    workers.push_back(std::make_unique<Worker>(file_name, index, columns, delimiter, options));
  }
  std::mutex turn;  // one thread at a time reads and cuts the next chunk
  std::exception_ptr failure;
  auto work = [&](size_t w) {
    Worker& worker = *workers[w];
    try {
      while (true) {
        {
          const std::lock_guard<std::mutex> lock(turn);
          if (failure || !source.next(worker.chunk)) {
            return;
          }
        }
        worker.parser.parse(worker.chunk, *sinks[w]);
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

  // Each thread kept its first max_errors findings; together they hold the file's first
  // max_errors. Rows do not share lines, so the line number is the file order.
  ReadReport report;
  for (const std::unique_ptr<Worker>& worker : workers) {
    report.rows_read += worker->report.rows_read;
    report.rows_valid += worker->report.rows_valid;
    report.problems_total += worker->report.problems_total;
    report.problems.insert(report.problems.end(), worker->report.problems.begin(),
                           worker->report.problems.end());
  }
  std::stable_sort(
      report.problems.begin(), report.problems.end(),
      [](const Diagnostic& a, const Diagnostic& b) { return a.where.line < b.where.line; });
  if (report.problems.size() > options.max_errors) {
    report.problems.resize(options.max_errors);
  }
  report.chunks = source.chunks();
  return report;
}

}  // namespace kpi
