// CSV (RFC 4180) and TSV: one row per (entity, KPI), for spreadsheets and scripts.
#include <array>
#include <cstdint>
#include <string>

#include "kpi/render/csv_writer.hpp"
#include "kpi/render/render.hpp"
#include "kpi/render/text.hpp"

namespace kpi {

namespace {

using render::RowWriter;

constexpr std::array k_header = {
    "entity", "kind",        "name",        "kpi",    "kpi_name", "unit",     "actual",
    "target", "target_high", "achievement", "points", "score",    "weight",   "status",
    "label",  "rows",        "missing",     "reason", "total",    "coverage", "withheld"};

/// The entity's own cells, repeated on each of its rows, after the KPI's.
constexpr size_t k_entity_tail = 3;

void write_kpi_cells(RowWriter& row, const KpiScore& k) {
  row.text(k.id);
  row.text(k.name);
  row.text(k.unit);
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
