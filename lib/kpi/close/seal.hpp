#pragma once
// A closed period (kpi close, kpi-close(1)): closed/<token>.json holds the score of the
// period as paid, its as-of date and the SHA-256 of every file that counted. Later runs
// compare against it: a record into the period is refused, a changed file is named with
// the numbers it moves.

#include <optional>
#include <string>
#include <vector>

#include "kpi/error.hpp"
#include "kpi/period/period.hpp"
#include "kpi/score/score.hpp"

namespace kpi {

/// A file that counted, by its path relative to the workspace folder.
struct SealedFile {
  std::string path;
  std::string sha256;
};

/// One closed period as its seal file holds it.
struct ClosedPeriod {
  std::string file;  ///< the seal, e.g. "closed/2026-10.json" (as the caller named it)
  std::string token;
  Period period;
  Date as_of;
  std::vector<SealedFile> files;
  std::string score_json;  ///< the sealed kpi.score/1 document, as text
};

/// The folder seals are kept in, and a period's seal in it.
inline constexpr const char* k_closed_folder = "closed";
/// "closed/2026-10.json"; `..` of a range becomes `_` ("closed/2026-01-01_2026-01-15.json").
std::string seal_path(const std::string& token);

/// Hashes `paths` (relative to `root`, or absolute); throws Error (exit 2) when one
/// cannot be read. Paths are kept as given, sorted, each once.
std::vector<SealedFile> hash_files(const std::string& root, std::vector<std::string> paths);

/// The kpi.closed/1 document of a scored period.
std::string seal_document(const ScoreResult& scored, const std::vector<SealedFile>& files);

/// Reads a seal; a file that is not one is an error `closed-invalid` naming it (exit 1).
ClosedPeriod read_seal(const std::string& path, const std::string& display);

/// Every seal under `root`/closed, sorted by file name; none when the folder is absent.
std::vector<ClosedPeriod> read_seals(const std::string& root);

/// What changed since a period was sealed.
struct SealCheck {
  std::vector<std::string> changed;  ///< files whose bytes differ, or that are gone
  std::vector<std::string> added;    ///< files that count now and did not then
  /// "alice total: 68 -> 70", for every number of score's that differs (first 20).
  std::vector<std::string> differences;
  size_t differences_total = 0;
  bool as_of_differs = false;
  /// No number of score's differs. Files that changed without moving one (the journal
  /// growing with a later month) are no finding: the paid numbers stand.
  bool clean() const { return differences_total == 0; }
};
SealCheck check_seal(const ClosedPeriod& seal, const std::vector<SealedFile>& now,
                     const ScoreResult& scored);

/// The `closed-changed` finding of a check that is not clean (error under --strict).
Diagnostic closed_changed(const ClosedPeriod& seal, const SealCheck& check, bool strict);

}  // namespace kpi
