#pragma once
// The words of a progress line: "reading 1.2 GB of 2.0 GB, 310 MB/s, 3 s left".

#include <cstdint>
#include <string>

namespace kpi {

/// `done` bytes of `total` (0: not known) after `seconds`; the rate and the time left
/// once there is a rate to tell.
std::string progress_text(uint64_t done, uint64_t total, double seconds);

/// "querying crm.deals in the warehouse, 12 s": a table source's query running.
std::string query_progress_text(const std::string& table, double seconds);

}  // namespace kpi
