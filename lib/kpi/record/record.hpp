#pragma once
// Recording measurements in the workspace's journal (cli.md, `kpi record`): input rows
// checked by the csv module, their keys (kpi, entity, date) checked against the journal
// as data, and the journal changed under a lock so that concurrent writers lose nothing
// and a failed write leaves it exactly as it was.

#include <cerrno>
#include <cstdint>
#include <istream>
#include <string>
#include <string_view>
#include <vector>

#include "kpi/csv/measurements.hpp"
#include "kpi/error.hpp"
#include "kpi/period/period.hpp"

namespace kpi {

/// A valid measurement row as text, to be written back exactly as given.
struct RecordRow {
  std::string kpi;
  std::string entity;  ///< filled in from the single assignee when the input left it out
  std::string date;
  std::string value;
  std::string note;
  bool entity_given = true;  ///< false when the entity defaulted to the single assignee
  int64_t line = 0;          ///< first line in its source
  int64_t end_line = 0;      ///< last line in its source (a quoted note may span lines)
  Period stamp;              ///< the parsed date: `2026-11` and `2026-11-01` are different keys
};

/// The valid rows of one source and the findings about the others.
struct RowsRead {
  std::vector<RecordRow> rows;
  ReadReport report;
};

/// Reads measurement CSV with read_measurement_rows, keeping each valid row's text.
RowsRead read_record_rows(std::istream& in, const std::string& file_name,
                          const MeasurementIndex& index, const ReadOptions& options = {});

/// The journal as read (under the lock, when about to change it).
struct Journal {
  std::string path;
  bool exists = false;
  std::string content;               ///< every byte, as read
  std::vector<std::string> columns;  ///< header names, trimmed and lower-cased
  char delimiter = ',';
  std::string line_end = "\n";       ///< "\r\n" or "\r" when the header ends so
  std::vector<RecordRow> rows;       ///< the valid rows
  std::vector<Diagnostic> problems;  ///< bad rows, or a last line cut short: never merged
};

/// The columns of a journal `kpi record` creates.
inline const std::vector<std::string> k_journal_columns = {"kpi", "entity", "date", "value",
                                                           "note"};

/// Reads the journal at `path`; a missing file is an empty journal with the default
/// columns. Throws Error (exit 2) when it exists but cannot be read.
Journal read_journal(const std::string& path, const MeasurementIndex& index);
/// The same from bytes already read (tests).
Journal parse_journal(const std::string& path, std::string content, const MeasurementIndex& index);

enum class RecordMode {
  refuse,   ///< a key already recorded is an error
  replace,  ///< the journal's rows with the input's keys give way to the input's rows
  append,   ///< rows with the same key are kept side by side
};

/// What `--replace-period P --kpi K...` replaces: every journal row of one of `kpis`
/// whose stamp lies inside `period` (a month row inside a quarter, not a quarter row
/// inside a month), whatever its entity or key.
struct ReplaceScope {
  Period period;
  std::vector<std::string> kpis;
  bool holds(const RecordRow& row) const;
};

/// A key the input shares with the journal or, earlier, with itself.
struct KeyConflict {
  size_t input_row = 0;    ///< index into the input rows
  bool in_journal = true;  ///< else the other row is an earlier input row
  size_t other_row = 0;    ///< index into the journal's rows or the input rows
};

/// What recording the input would do.
struct RecordPlan {
  std::vector<KeyConflict> conflicts;  ///< the call is refused when there are any
  std::vector<size_t> replaced;        ///< journal rows dropped (replace), in file order
  std::vector<size_t> outside;         ///< input rows outside a ReplaceScope: refused
  bool refused() const { return !conflicts.empty() || !outside.empty(); }
};

RecordPlan plan_record(const Journal& journal, const std::vector<RecordRow>& input,
                       RecordMode mode);

/// Replacing a period: the journal's rows inside `scope` give way to the input's rows,
/// which may share keys (two visits on one day). An input row outside the scope is
/// refused, so that running the same nightly import twice leaves the journal of one run.
RecordPlan plan_replace_period(const Journal& journal, const std::vector<RecordRow>& input,
                               const ReplaceScope& scope);

/// `rows` as journal lines in the journal's columns, delimiter and line ends, quoted
/// as RFC 4180 needs; with the header first when the journal does not exist yet.
/// Throws Error (exit 1, rule `journal-columns`) when the journal's header has no
/// column for something a row holds (a note, or an entity that did not default).
std::string format_journal_rows(const Journal& journal, const std::vector<RecordRow>& rows);

/// The journal's bytes after a replace: the kept lines as they were, then `rows`.
std::string replaced_journal_content(const Journal& journal, const RecordPlan& plan,
                                     const std::vector<RecordRow>& rows);

/// One field as RFC 4180 wants it: quoted when it holds the delimiter, a quote, a line
/// break, or space at either end (which readers may trim).
std::string quote_field(std::string_view text, char delimiter);

/// Failures to inject into the writer, for tests: a full disk, a failed fsync or rename.
struct WriteFaults {
  int64_t fail_after_bytes = -1;  ///< write() fails with `error` once this many bytes went
  int error = ENOSPC;
  bool fail_open = false;    ///< opening the file to write fails with `error`
  bool fail_sync = false;    ///< fsync() fails with `error`
  bool fail_rename = false;  ///< rename() fails with `error`
};

/// An exclusive flock on `<journal>.lock`, held for the whole read-check-write. Creates
/// the journal's folder when missing. Blocks until granted; throws Error (exit 2) when
/// the lock file cannot be opened.
class JournalLock {
 public:
  explicit JournalLock(const std::string& journal_path);
  ~JournalLock();
  JournalLock(const JournalLock&) = delete;
  JournalLock& operator=(const JournalLock&) = delete;

 private:
  int m_fd = -1;
};

/// Appends `bytes` to the journal (creating it when `journal.exists` is false) and
/// syncs it before returning. On failure the journal is cut back to its size as read
/// (or removed when it was created) and Error (exit 2) says why.
void append_to_journal(const Journal& journal, std::string_view bytes,
                       const WriteFaults& faults = {});

/// Writes `content` to a new file in the journal's folder, syncs it, renames it over
/// the journal and syncs the folder. On failure the journal is untouched and Error
/// (exit 2) says why.
void replace_journal(const Journal& journal, std::string_view content,
                     const WriteFaults& faults = {});

}  // namespace kpi
