// libFuzzer target: the measurement CSV readers, differentially. The plain reader and
// the parallel one (1 or 2 threads, blocks of 1 to 64 bytes, so that rows straddle the
// blocks) must give the same rows and the same findings at the same positions, as in
// tests/csv/test_parallel.cpp. The first byte picks threads and block size.

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <sstream>
#include <string>
#include <vector>

#include "describe.hpp"
#include "fixture.hpp"
#include "kpi/csv/measurements.hpp"

namespace {

using kpi_test::describe;

struct Collected {
  kpi::ReadReport report;
  std::vector<std::string> rows;  ///< described, in read order
  std::vector<std::string> problems;
};

class Collector : public kpi::RowSink {
 public:
  void add_rows(const kpi::Observation* batch, size_t count) override {
    rows.insert(rows.end(), batch, batch + count);
  }
  std::vector<kpi::Observation> rows;
};

const kpi::MeasurementIndex& fixture_index() {
  static const kpi::Workspace workspace = kpi_test::make_workspace();
  static const kpi::MeasurementIndex index(workspace);
  return index;
}

void finish(Collected& c) {
  for (const kpi::Diagnostic& d : c.report.problems) {
    c.problems.push_back(describe(d));
  }
}

Collected read_plain(const std::string& text) {
  std::istringstream in(text);
  Collected c;
  kpi::ReadOptions options;
  options.max_errors = 20;
  c.report = kpi::read_measurements(
      in, "m.csv", fixture_index(),
      [&](const kpi::Observation& o) { c.rows.push_back(describe(o)); }, options);
  finish(c);
  return c;
}

Collected read_parallel(const std::string& text, size_t jobs, size_t block) {
  std::istringstream in(text);
  std::vector<Collector> collectors(jobs);
  std::vector<kpi::RowSink*> sinks;
  for (Collector& c : collectors) {
    sinks.push_back(&c);
  }
  kpi::ReadOptions options;
  options.block_size = block;
  options.max_errors = 20;
  Collected c;
  c.report = kpi::read_measurements_parallel(in, "m.csv", fixture_index(), sinks, options);
  std::vector<kpi::Observation> all;
  for (const Collector& one : collectors) {
    all.insert(all.end(), one.rows.begin(), one.rows.end());
  }
  std::sort(all.begin(), all.end(),
            [](const kpi::Observation& a, const kpi::Observation& b) { return a.order < b.order; });
  for (const kpi::Observation& o : all) {
    c.rows.push_back(describe(o));
  }
  finish(c);
  return c;
}

void differ(const char* what, const std::string& plain, const std::string& parallel) {
  std::fprintf(stderr, "plain and parallel readers differ in %s:\n  plain:    %s\n  parallel: %s\n",
               what, plain.c_str(), parallel.c_str());
  std::abort();
}

void compare(const std::vector<std::string>& plain, const std::vector<std::string>& parallel,
             const char* what) {
  for (size_t i = 0; i < std::min(plain.size(), parallel.size()); ++i) {
    if (plain[i] != parallel[i]) {
      differ(what, plain[i], parallel[i]);
    }
  }
  if (plain.size() != parallel.size()) {
    differ(what, std::to_string(plain.size()) + " of them",
           std::to_string(parallel.size()) + " of them");
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) {
    return 0;
  }
  const size_t jobs = 1 + ((data[0] >> 6) & 1);
  const size_t block = 1 + (data[0] & 0x3f);
  const std::string text(reinterpret_cast<const char*>(data) + 1, size - 1);
  const Collected plain = read_plain(text);
  const Collected parallel = read_parallel(text, jobs, block);
  compare(plain.problems, parallel.problems, "findings");
  compare(plain.rows, parallel.rows, "rows");
  const auto count = [](int64_t n) { return std::to_string(n); };
  if (plain.report.rows_read != parallel.report.rows_read) {
    differ("rows read", count(plain.report.rows_read), count(parallel.report.rows_read));
  }
  if (plain.report.rows_valid != parallel.report.rows_valid) {
    differ("valid rows", count(plain.report.rows_valid), count(parallel.report.rows_valid));
  }
  if (plain.report.problems_total != parallel.report.problems_total) {
    differ("findings in all", count(plain.report.problems_total),
           count(parallel.report.problems_total));
  }
  return 0;
}
