#pragma once
// Streaming reader for measurement CSV (format.md): every row validated against the
// definitions, valid rows handed on in file order, bad rows turned into findings.

#include <cstdint>
#include <functional>
#include <istream>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "kpi/error.hpp"
#include "kpi/model/model.hpp"
#include "kpi/period/period.hpp"
#include "kpi/util/id_table.hpp"
#include "kpi/util/progress.hpp"

namespace kpi {

__extension__ typedef __int128 Int128;  // GCC and Clang both have it; -Wpedantic does not

/// The unit of exact decimals: 10^-18.
inline constexpr int k_decimal_scale = 18;

/// A measurement value as read: its double (the text correctly rounded), and, when the
/// text has at most 18 decimals, at most 19 significant digits and a magnitude below
/// 10^20, its exact value in units of 10^-18, so that sums can be exact and independent
/// of the order rows come in.
struct Decimal {
  double value = 0;
  bool exact = false;
  Int128 scaled = 0;  ///< value x 10^18, when exact
};

/// Ids interned once. Entities are numbered people first (definition order), then
/// units, which is also the order of the score result; KPIs in definition order.
class MeasurementIndex {
 public:
  explicit MeasurementIndex(const Workspace& workspace);

  std::optional<int> kpi(std::string_view id) const;
  std::optional<int> entity(std::string_view id) const;
  /// The same lookups for the reader's hot loop: -1 when unknown.
  int find_kpi(std::string_view id) const { return m_kpi_by_id.find(id); }
  int find_entity(std::string_view id) const { return m_entity_by_id.find(id); }
  int kpi_count() const { return static_cast<int>(m_kpi_ids.size()); }
  int entity_count() const { return static_cast<int>(m_entity_ids.size()); }
  const std::string& kpi_id(int k) const { return m_kpi_ids[k]; }
  const std::string& entity_id(int e) const { return m_entity_ids[e]; }
  const std::vector<std::string>& kpi_ids() const { return m_kpi_ids; }
  const std::vector<std::string>& entity_ids() const { return m_entity_ids; }
  /// Entity indices assigned KPI k, in assignee order.
  const std::vector<int>& assignees(int k) const { return m_assignees[k]; }
  bool is_assigned(int k, int e) const { return slot(k, e) >= 0; }
  /// The number of (KPI, entity) assignments: aggregates keep one cell per assignment.
  int slot_count() const { return static_cast<int>(m_slot_count); }
  /// The cell of KPI k for entity e, or -1 when e is not assigned k.
  int slot(int k, int e) const {
    const SlotRange& r = m_ranges[static_cast<size_t>(k)];
    if (r.count < 0) {
      return m_slots.find(k, e);  // assignees spread far apart: the pair table
    }
    const auto i = static_cast<unsigned>(e - r.first_entity);
    return i < static_cast<unsigned>(r.count) ? m_range_slots[r.offset + i] : -1;
  }
  bool is_formula(int k) const { return m_kinds[static_cast<size_t>(k)] == Kind::formula; }
  bool is_count(int k) const { return m_kinds[static_cast<size_t>(k)] == Kind::count; }
  /// A `rollup_of` KPI: its rows are another KPI's, rows recorded for it are errors.
  bool is_rollup(int k) const { return m_kinds[static_cast<size_t>(k)] == Kind::rollup; }
  /// A person's active days [joined, left] (open ends reach far), or null: always active.
  const std::optional<Period>& active_days(int e) const { return m_active[static_cast<size_t>(e)]; }

 private:
  std::vector<std::string> m_kpi_ids;
  std::vector<std::string> m_entity_ids;
  util::IdTable m_kpi_by_id;
  util::IdTable m_entity_by_id;
  std::vector<std::vector<int>> m_assignees;
  /// A KPI's assignees are mostly neighbours (the members of a unit): their cells are
  /// looked up in a small array over the range of their entity numbers.
  struct SlotRange {
    int first_entity = 0;
    int count = 0;  ///< entity numbers in the range; -1: look in m_slots instead
    size_t offset = 0;
  };
  SlotRange range_of(int k, const std::vector<int>& assignees);

  std::vector<SlotRange> m_ranges;  ///< by KPI
  std::vector<int> m_range_slots;   ///< the ranges' cells, -1 for entities not assigned
  util::PairTable m_slots;  ///< (kpi, entity) -> cell, numbered KPI by KPI in assignee order
  size_t m_slot_count = 0;
  enum class Kind : unsigned char { measured, count, formula, rollup };
  std::vector<Kind> m_kinds;
  std::vector<std::optional<Period>> m_active;  ///< by entity
};

/// One valid row.
struct Observation {
  int kpi = 0;
  int entity = 0;
  int slot = 0;  ///< MeasurementIndex::slot(kpi, entity)
  Period stamp;  ///< the day, or the period the row is stamped with
  /// A workbook row's value cell (the date cell for a count KPI): its 0-based column, so
  /// that the row is named "Visits!C17"; -1 elsewhere. It fills padding: no extra byte.
  int32_t cell = -1;
  Decimal value;     ///< 0 (exact) for count KPIs
  int64_t line = 0;  ///< line of the row's first character, for warnings
  /// Read order: increases from row to row through a source, and from one source to the
  /// next when each starts at the chunk number the previous one stopped at
  /// (ReadOptions::first_chunk, ReadReport::chunks). `last` breaks ties by it.
  int64_t order = 0;
};
static_assert(sizeof(Observation) == 80, "a row stays 80 bytes: the readers move millions");

struct ReadOptions {
  size_t max_errors = 50;  ///< stop collecting findings after this many bad rows
  /// Bytes read at a time: 64 KiB for the plain reader, 256 KiB for the parallel one
  /// (0 picks these; tests use small sizes so that rows straddle the blocks).
  size_t block_size = 0;
  int64_t first_chunk = 0;  ///< where this source's read order starts (see Observation)
  int jobs = 1;             ///< threads for aggregate_measurements
  /// aggregate_measurements with the plain reader (one thread, every row through the
  /// tokenizer and the strict check): the reference the fast path is tested against.
  bool plain = false;
  /// aggregate_measurements tells it the bytes read (null: nobody listens).
  ReadProgress* progress = nullptr;
};

/// What reading one source found.
struct ReadReport {
  int64_t rows_read = 0;  ///< data rows seen (valid or not)
  int64_t rows_valid = 0;
  std::vector<Diagnostic> problems;  ///< one per bad row (up to max_errors), errors
  int64_t problems_total = 0;        ///< all bad rows, also beyond max_errors
  int64_t chunks = 0;                ///< chunk numbers used (see Observation::order)
};

/// Reads one CSV source (a file's bytes from `in`, named `file_name` in findings).
/// Calls `sink` for each valid row in file order. Never throws for bad content; a
/// header without a required column is one finding at line 1 and no row is read.
ReadReport read_measurements(std::istream& in, const std::string& file_name,
                             const MeasurementIndex& index,
                             const std::function<void(const Observation&)>& sink,
                             const ReadOptions& options = {});

/// The cells of a valid row as written: kpi, entity, date and value trimmed of spaces
/// and tabs, note as is; unquoted (doubled quotes undone); empty when the header lacks
/// the column or the row leaves the cell out. Views into the reader's buffer, valid only
/// during the sink call. For writing rows back unchanged (`kpi record`).
struct RowText {
  std::string_view kpi;
  std::string_view entity;  ///< empty when the row left it to the KPI's single assignee
  std::string_view date;
  std::string_view value;
  std::string_view note;
  int64_t end_line = 0;  ///< line of the row's end (a quoted note may span lines)
};

/// read_measurements, handing each valid row's text along with its observation.
ReadReport read_measurement_rows(
    std::istream& in, const std::string& file_name, const MeasurementIndex& index,
    const std::function<void(const Observation&, const RowText&)>& sink,
    const ReadOptions& options = {});

/// Receives the valid rows that one thread of read_measurements_parallel reads, in read
/// order within that thread. Each thread has its own sink, so a sink needs no lock.
class RowSink {
 public:
  virtual ~RowSink() = default;
  /// Rows in read order, a batch at a time (a sink can prefetch what the batch needs).
  virtual void add_rows(const Observation* rows, size_t count) = 0;
  void add(const Observation& row) { add_rows(&row, 1); }
};

/// read_measurements on `sinks.size()` threads: the source is read in blocks, cut at row
/// boundaries (quote-aware), and each block parsed by whichever thread is free. Ordinary
/// rows take a fast path; anything unusual is checked by the same code as
/// read_measurements, so rows, findings and their positions are the same. Findings come
/// back in file order. A source whose header the fast path does not take (a quoted or
/// blank first line, no `value` column) is read by read_measurements into sinks[0].
ReadReport read_measurements_parallel(std::istream& in, const std::string& file_name,
                                      const MeasurementIndex& index,
                                      const std::vector<RowSink*>& sinks,
                                      const ReadOptions& options = {});

/// A strict decimal: optional sign, digits, optional '.' fraction, optional exponent;
/// finite. Rejects "1,5", "5%", "NaN", "inf", "" and values out of double's range.
std::optional<double> parse_decimal(std::string_view text);
/// parse_decimal, with the exact value when there is one (see Decimal).
std::optional<Decimal> parse_decimal_exact(std::string_view text);

}  // namespace kpi
