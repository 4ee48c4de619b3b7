// CSV (RFC 4180) and TSV: one row per (entity, KPI), for spreadsheets and scripts.
#include <array>
#include <cstdint>
#include <string>

#include "kpi/render/render.hpp"
#include "kpi/render/text.hpp"

namespace kpi {

namespace {

constexpr std::array k_header = {"entity", "kind",        "name",        "kpi",     "actual",
                                 "target", "target_high", "achievement", "points",  "score",
                                 "weight", "status",      "label",       "rows",    "missing",
                                 "reason", "total",       "coverage",    "withheld"};

/// The entity's own cells, repeated on each of its rows, after the KPI's.
constexpr size_t k_entity_tail = 3;

/// Writes cells of one row, text and numbers treated differently.
class RowWriter {
 public:
  RowWriter(std::ostream& out, char delimiter) : m_out(out), m_delimiter(delimiter) {}

  /// User text: guarded against formula injection, then quoted (csv) or flattened (tsv).
  void text(std::string_view value) {
    // A spreadsheet would run such a cell as a formula; the apostrophe makes it text.
    bool guard =
        !value.empty() && std::string_view("=+-@\t\r").find(value[0]) != std::string_view::npos;
    std::string cell(guard ? 1 : 0, '\'');
    cell.append(value.begin(), value.end());
    raw(m_delimiter == '\t' ? flatten(cell) : quote(cell));
  }
  void optional_text(const std::optional<std::string>& value) {
    text(value ? *value : std::string());
  }

  void number(const std::optional<double>& value) {
    raw(value ? render::plain_number(*value) : std::string());
  }
  void integer(const std::optional<int64_t>& value) {
    raw(value ? std::to_string(*value) : std::string());
  }
  void boolean(bool value) { raw(value ? "true" : "false"); }
  void empty() { raw({}); }

  void end_row() {
    m_out << '\n';
    m_first = true;
  }

 private:
  void raw(std::string_view cell) {
    if (!m_first) {
      m_out << m_delimiter;
    }
    m_first = false;
    m_out << cell;
  }

  std::string quote(const std::string& cell) const {
    if (cell.find_first_of(std::string{m_delimiter, '"', '\r', '\n'}) == std::string::npos) {
      return cell;
    }
    std::string out = "\"";
    for (char c : cell) {
      if (c == '"') {
        out += '"';
      }
      out += c;
    }
    return out + '"';
  }

  static std::string flatten(std::string cell) {
    for (char& c : cell) {
      if (c == '\t' || c == '\n' || c == '\r') {
        c = ' ';
      }
    }
    return cell;
  }

  std::ostream& m_out;
  char m_delimiter;
  bool m_first = true;
};

void write_kpi_cells(RowWriter& row, const KpiScore& k) {
  row.text(k.id);
  row.number(k.actual);
  if (k.target) {
    row.number(k.target->low);
    row.number(k.target->is_range ? std::optional<double>(k.target->high) : std::nullopt);
  } else {
    row.empty();
    row.empty();
  }
  row.number(k.achievement);
  row.number(k.points);
  row.number(k.score);
  row.number(k.weight);
  row.text(to_string(k.status));
  row.optional_text(k.label);
  row.integer(k.rows);
  row.boolean(k.missing);
  row.optional_text(k.reason);
}

}  // namespace

void render_score_csv(std::ostream& out, const ScoreResult& result, char delimiter) {
  RowWriter row(out, delimiter);
  for (const char* name : k_header) {
    row.text(name);
  }
  row.end_row();
  for (const EntityScore& e : result.entities) {
    auto begin_row = [&] {
      row.text(e.id);
      row.text(e.is_unit ? "unit" : "person");
      row.text(e.name);
    };
    // Numbers as the JSON holds them (the total as settings.precision rounded it, the
    // coverage never rounded); the reason a reward is withheld as text.
    auto end_row = [&] {
      row.number(e.total);
      row.number(e.coverage);
      row.optional_text(e.withheld);
      row.end_row();
    };
    if (e.kpis.empty()) {
      // Still one row, so that the entity's total shows.
      begin_row();
      for (size_t i = 3; i + k_entity_tail < k_header.size(); ++i) {
        row.empty();
      }
      end_row();
    }
    for (const KpiScore& k : e.kpis) {
      begin_row();
      write_kpi_cells(row, k);
      end_row();
    }
  }
}

}  // namespace kpi
