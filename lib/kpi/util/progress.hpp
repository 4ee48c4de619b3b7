#pragma once
// How far a run's reading has come, for a progress line. The library reports bytes;
// the CLI decides whether and how to draw them (kpi never prints from lib/).

#include <cstdint>
#include <string>

namespace kpi {

class ReadProgress {
 public:
  virtual ~ReadProgress() = default;
  /// Reading starts: `total_bytes` of files in all (0: not known, e.g. standard input).
  virtual void begin(uint64_t total_bytes) = 0;
  /// `bytes` more were read. Called from any thread of a parallel read.
  virtual void add(uint64_t bytes) = 0;
  /// Reading is over, or stopped by an error.
  virtual void end() = 0;
  /// A table source's query on `table` has run `seconds` so far; called about once a
  /// second while it runs (the database tells no share of the work done).
  virtual void querying(const std::string& table, double seconds) {
    (void)table;
    (void)seconds;
  }
};

}  // namespace kpi
