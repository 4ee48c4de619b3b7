#include "progress.hpp"

#include <unistd.h>

#include <cstdlib>
#include <iostream>
#include <string>

#include "kpi/render/progress_text.hpp"

namespace kpi::cli {

ProgressLine::ProgressLine(const GlobalOptions& global, bool machine_output) {
  const char* term = std::getenv("TERM");
  m_enabled = !global.quiet && !machine_output && ::isatty(STDERR_FILENO) == 1 &&
              !(term != nullptr && std::string(term) == "dumb");
  if (const char* after = std::getenv("KPI_PROGRESS_AFTER_MS")) {
    m_after = std::chrono::milliseconds(std::strtoll(after, nullptr, 10));
  }
}

ProgressLine::~ProgressLine() { end(); }

void ProgressLine::begin(uint64_t total_bytes) {
  m_total = total_bytes;
  m_done = 0;
  m_start = Clock::now();
  m_next_draw_ms = m_after.count();
}

void ProgressLine::add(uint64_t bytes) {
  if (m_in_query.exchange(false)) {
    std::lock_guard<std::mutex> lock(m_drawing);
    m_query.clear();  // the query is over: files again
  }
  m_done += bytes;
  const auto elapsed =
      std::chrono::duration_cast<std::chrono::milliseconds>(Clock::now() - m_start).count();
  int64_t next = m_next_draw_ms.load();
  // Five times a second at most, by whichever thread gets there first.
  if (elapsed >= next && m_next_draw_ms.compare_exchange_strong(next, elapsed + 200)) {
    draw(false);
  }
}

void ProgressLine::querying(const std::string& table, double seconds) {
  if (std::chrono::duration_cast<std::chrono::milliseconds>(Clock::now() - m_start) < m_after) {
    return;
  }
  {
    std::lock_guard<std::mutex> lock(m_drawing);
    m_query = query_progress_text(table, seconds);
  }
  m_in_query = true;
  draw(true);
}

void ProgressLine::draw(bool force) {
  std::unique_lock<std::mutex> lock(m_drawing, std::try_to_lock);
  if (!lock.owns_lock() && !force) {
    return;
  }
  if (!lock.owns_lock()) {
    lock.lock();
  }
  const double seconds = std::chrono::duration<double>(Clock::now() - m_start).count();
  // \r and "erase to the end of the line": the line is redrawn in place.
  std::cerr << '\r' << (m_query.empty() ? progress_text(m_done, m_total, seconds) : m_query)
            << "\x1b[K" << std::flush;
  m_drawn = true;
}

void ProgressLine::end() {
  std::lock_guard<std::mutex> lock(m_drawing);
  if (m_drawn) {
    std::cerr << "\r\x1b[K" << std::flush;
    m_drawn = false;
  }
  m_next_draw_ms = INT64_MAX;  // nothing after the end
}

}  // namespace kpi::cli
