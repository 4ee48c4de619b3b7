#pragma once
// Streaming reader for measurement CSV (format.md): every row validated against the
// definitions, valid rows handed on in file order, bad rows turned into findings.

#include <cstdint>
#include <functional>
#include <istream>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "kpi/error.hpp"
#include "kpi/model/model.hpp"
#include "kpi/period/period.hpp"

namespace kpi {

/// Hashes std::string and std::string_view alike, so that lookups by a view into the
/// read buffer need no temporary string.
struct IdHash {
  using is_transparent = void;
  size_t operator()(std::string_view id) const noexcept {
    return std::hash<std::string_view>{}(id);
  }
};

/// Ids interned once. Entities are numbered people first (definition order), then
/// units, which is also the order of the score result; KPIs in definition order.
class MeasurementIndex {
 public:
  explicit MeasurementIndex(const Workspace& workspace);

  std::optional<int> kpi(std::string_view id) const;
  std::optional<int> entity(std::string_view id) const;
  int kpi_count() const { return static_cast<int>(m_kpi_ids.size()); }
  int entity_count() const { return static_cast<int>(m_entity_ids.size()); }
  const std::string& kpi_id(int k) const { return m_kpi_ids[k]; }
  const std::string& entity_id(int e) const { return m_entity_ids[e]; }
  const std::vector<std::string>& kpi_ids() const { return m_kpi_ids; }
  const std::vector<std::string>& entity_ids() const { return m_entity_ids; }
  /// Entity indices assigned KPI k, in assignee order.
  const std::vector<int>& assignees(int k) const { return m_assignees[k]; }
  bool is_assigned(int k, int e) const;
  bool is_formula(int k) const { return m_formula[k]; }
  bool is_count(int k) const { return m_count[k]; }

 private:
  std::vector<std::string> m_kpi_ids;
  std::vector<std::string> m_entity_ids;
  std::unordered_map<std::string, int, IdHash, std::equal_to<>> m_kpi_by_id;
  std::unordered_map<std::string, int, IdHash, std::equal_to<>> m_entity_by_id;
  std::vector<std::vector<int>> m_assignees;
  std::vector<bool> m_formula;
  std::vector<bool> m_count;
};

/// One valid row.
struct Observation {
  int kpi = 0;
  int entity = 0;
  Period stamp;      ///< the day, or the period the row is stamped with
  double value = 0;  ///< 0 for count KPIs
  int line = 0;      ///< line of the row's first character, for warnings
};

struct ReadOptions {
  size_t max_errors = 50;         ///< stop collecting findings after this many bad rows
  size_t block_size = 64 * 1024;  ///< bytes read at a time (small in tests of the buffer)
};

/// What reading one source found.
struct ReadReport {
  int64_t rows_read = 0;  ///< data rows seen (valid or not)
  int64_t rows_valid = 0;
  std::vector<Diagnostic> problems;  ///< one per bad row (up to max_errors), errors
  int64_t problems_total = 0;        ///< all bad rows, also beyond max_errors
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
  int end_line = 0;  ///< line of the row's end (a quoted note may span lines)
};

/// read_measurements, handing each valid row's text along with its observation.
ReadReport read_measurement_rows(
    std::istream& in, const std::string& file_name, const MeasurementIndex& index,
    const std::function<void(const Observation&, const RowText&)>& sink,
    const ReadOptions& options = {});

/// A strict decimal: optional sign, digits, optional '.' fraction, optional exponent;
/// finite. Rejects "1,5", "5%", "NaN", "inf", "" and values out of double's range.
std::optional<double> parse_decimal(std::string_view text);

}  // namespace kpi
