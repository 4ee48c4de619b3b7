#pragma once
// One progress line on stderr while a run reads its files: drawn only on a terminal,
// not with -q, and only once reading has taken about two seconds; cleared when done.

#include <atomic>
#include <chrono>
#include <mutex>
#include <string>

#include "command.hpp"
#include "kpi/util/progress.hpp"

namespace kpi::cli {

class ProgressLine : public ReadProgress {
 public:
  /// Draws nothing unless stderr is a terminal and neither -q nor `machine_output` (a
  /// format that CI reads) is in effect. KPI_PROGRESS_AFTER_MS overrides the delay.
  ProgressLine(const GlobalOptions& global, bool machine_output);
  ~ProgressLine() override;

  /// Null when no line would ever be drawn: the readers then skip the calls.
  ReadProgress* when_shown() { return m_enabled ? this : nullptr; }

  void begin(uint64_t total_bytes) override;
  void add(uint64_t bytes) override;
  void end() override;
  void querying(const std::string& table, double seconds) override;

 private:
  using Clock = std::chrono::steady_clock;
  void draw(bool force);

  bool m_enabled = false;
  std::chrono::milliseconds m_after{2000};
  Clock::time_point m_start = Clock::now();
  std::atomic<uint64_t> m_done{0};
  std::atomic<uint64_t> m_total{0};
  std::atomic<int64_t> m_next_draw_ms{0};
  std::mutex m_drawing;
  bool m_drawn = false;
  std::string m_query;  ///< the line of a running table query; empty while files are read
  std::atomic<bool> m_in_query{false};
};

}  // namespace kpi::cli
