// Sources against the definitions (sources.md): keys that do not go together, KPIs and
// entities that do not resolve, values where none belongs, aliases shared by two
// entities. The files themselves are checked by source/headers.cpp.

#include <algorithm>
#include <map>

#include "kpi/source/cells.hpp"
#include "kpi/source/text.hpp"
#include "kpi/util/suggest.hpp"
#include "kpi/validate/checks.hpp"

namespace kpi::checks {

namespace {

std::string named(const Source& s) { return "source '" + s.id + "'"; }

void check_formats(Context& context, const Source& s) {
  const source::DateFormatParse date = source::parse_date_format(s.date_format);
  if (!date.format) {
    context.add("bad-value", s.at_key("date_format"),
                "'date_format' of " + named(s) + ": " + date.error);
  }
  if (s.has_wide) {
    const source::DateFormatParse wide = source::parse_date_format(s.wide.date_format);
    if (!wide.format) {
      context.add("bad-value", s.wide.date_format_at, "'date_format' of 'wide': " + wide.error);
    }
  }
  if (!s.thousands.empty() && s.thousands == s.decimal) {
    context.add("bad-value", s.at_key("thousands"),
                "'thousands' and 'decimal' of " + named(s) + " are both '" + s.decimal +
                    "'; a number cannot use one mark for both");
  }
}

void check_mapping(Context& context, const Source& s) {
  if (!s.files.empty() && !s.table.empty()) {
    context.add("source-mapping", s.at_key("table"),
                named(s) + " names both 'files' and 'table'; a source reads one of them");
  }
  if (s.has_wide && !s.columns.date.empty()) {
    context.add("source-mapping", s.columns.date_at,
                named(s) +
                    " is wide: each wide column's header is its date, so 'columns' "
                    "takes no 'date'");
  }
  if (!s.has_wide && s.columns.date.empty() && !s.measures.empty()) {
    context.add("missing-field", s.has_key("columns") ? s.at_key("columns") : s.at,
                named(s) +
                    " needs the column of its dates: add 'columns: {date: ...}' (or "
                    "'wide' for one column per period)");
  }
  if (!s.entity.empty() && !s.columns.entity.empty()) {
    context.add("source-mapping", s.at_key("entity"),
                named(s) +
                    " gives both 'entity' (one entity for every row) and 'columns: "
                    "{entity: ...}'; keep one");
  }
}

/// A table source (sources.md, "Tables in a warehouse"): a warehouse to read it from, no
/// keys that only files have, and an order column where a `last` KPI needs one.
void check_table(Context& context, const Source& s) {
  if (s.table.empty()) {
    return;
  }
  const Workspace& ws = context.workspace();
  if (ws.warehouse.engine.empty()) {
    context.add("source-mapping", s.at_key("table"),
                named(s) +
                    " reads a warehouse table, but kpi.yaml names no warehouse: add "
                    "'warehouse: {engine: postgres, dsn: env:KPI_WAREHOUSE_DSN}'");
  }
  for (const char* key :
       {"sheet", "header_row", "delimiter", "decimal", "thousands", "strip", "wide"}) {
    if (s.has_key(key)) {
      context.add(
          "source-mapping", s.at_key(key),
          named(s) + " reads a table: '" + key + "' is for files; the database's own types say it");
    }
  }
  if (s.has_key("date_format") && s.date_format != "iso") {
    context.add("source-mapping", s.at_key("date_format"),
                named(s) +
                    " reads a table: its date column is a DATE, a TIMESTAMP or ISO text, so "
                    "'date_format' can only be iso");
  }
  if (!s.columns.order.empty()) {
    return;
  }
  for (const SourceMeasure& m : s.measures) {
    const Kpi* kpi = ws.find_kpi(m.kpi);
    if (kpi != nullptr && kpi->aggregate == Aggregate::last) {
      context.add("missing-field", s.has_key("columns") ? s.at_key("columns") : s.at,
                  "KPI '" + m.kpi + "' takes the last value, and " + named(s) +
                      " is a table, whose rows have no order of their own: name the column "
                      "that orders them, 'columns: {order: loaded_at}'");
      return;
    }
  }
}

void check_measure(Context& context, const Source& s, const SourceMeasure& m,
                   const std::vector<std::string>& kpi_ids,
                   const std::vector<std::vector<std::string>>& assignees) {
  const Workspace& ws = context.workspace();
  const Kpi* kpi = ws.find_kpi(m.kpi);
  if (kpi == nullptr) {
    if (!m.kpi.empty()) {
      context.add("unknown-kpi", m.kpi_at,
                  "unknown KPI '" + m.kpi + "' in a measure of " + named(s),
                  did_you_mean(m.kpi, kpi_ids));
    }
    return;
  }
  if (kpi->is_formula()) {
    context.add("source-mapping", m.kpi_at,
                "KPI '" + m.kpi + "' is a formula KPI: its actual is computed, no source feeds it");
    return;
  }
  if (!kpi->rollup_of.empty()) {
    context.add("source-mapping", m.kpi_at,
                "KPI '" + m.kpi + "' rolls up '" + kpi->rollup_of +
                    "' (rollup_of): its rows are that KPI's; feed '" + kpi->rollup_of +
                    "' instead");
    return;
  }
  const bool count = kpi->aggregate == Aggregate::count;
  if (m.has_value && (count || s.has_wide)) {
    context.add("source-value", m.value_at,
                count ? "KPI '" + m.kpi +
                            "' counts rows (aggregate count): its measure takes no "
                            "'value'; remove it"
                      : "in wide " + named(s) +
                            " the value is the cell of each wide column: "
                            "the measure takes no 'value'; remove it");
  } else if (!m.has_value && !count && !s.has_wide) {
    context.add("source-value", m.at,
                "the measure of KPI '" + m.kpi +
                    "' needs 'value': the column holding its "
                    "values");
  }
  const std::vector<std::string>& who = assignees[static_cast<size_t>(kpi - ws.kpis.data())];
  if (!s.entity.empty()) {
    if (ws.find_person(s.entity) != nullptr || ws.find_unit(s.entity) != nullptr) {
      if (std::find(who.begin(), who.end(), s.entity) == who.end()) {
        context.add("source-unassigned", s.at_key("entity"),
                    "entity '" + s.entity + "' of " + named(s) + " is not assigned KPI '" + m.kpi +
                        "' (line " + std::to_string(m.kpi_at.line) + ")");
      }
    }
  } else if (s.columns.entity.empty() && who.size() != 1) {
    context.add("source-mapping", m.kpi_at,
                "KPI '" + m.kpi + "' has " + std::to_string(who.size()) + " assignees, and " +
                    named(s) +
                    " says whose rows they are neither by 'columns: {entity: ...}' "
                    "nor by 'entity'");
  }
}

/// An alias that folds like another entity's name or alias: an export's cell could not
/// say which of the two it means. Checked when some source matches entities by a column.
void check_aliases(Context& context) {
  const Workspace& ws = context.workspace();
  bool matched_by_column = false;
  for (const Source& s : ws.sources) {
    matched_by_column = matched_by_column || !s.columns.entity.empty();
  }
  if (!matched_by_column) {
    return;
  }
  struct Owner {
    std::string id;
    std::string spelling;
    SourceLocation at;
  };
  std::map<std::string, Owner> names;  // folded name -> its entity
  auto add_names = [&](const auto& entities) {
    for (const auto& e : entities) {
      if (!e.name.empty()) {
        names.emplace(source::match_key(e.name), Owner{e.id, e.name, e.pos.at("name")});
      }
    }
  };
  add_names(ws.people);
  add_names(ws.units);
  std::map<std::string, Owner> aliases;
  for (const EntityAliases& e : ws.aliases) {
    for (size_t i = 0; i < e.aliases.size(); ++i) {
      const std::string key = source::match_key(e.aliases[i]);
      const SourceLocation& at = e.positions[i];
      for (const std::map<std::string, Owner>* table : {&names, &aliases}) {
        auto other = table->find(key);
        if (other != table->end() && other->second.id != e.entity) {
          context.add("alias-clash", at,
                      "alias '" + e.aliases[i] + "' of '" + e.entity + "' is also " +
                          (table == &names ? "the name" : "an alias") + " of '" + other->second.id +
                          "' (" + line_of(other->second.at) +
                          "): a source could not tell them apart");
          break;
        }
      }
      aliases.emplace(key, Owner{e.entity, e.aliases[i], at});
    }
  }
}

}  // namespace

void check_sources(Context& context) {
  const Workspace& ws = context.workspace();
  if (ws.sources.empty()) {
    return;
  }
  std::vector<std::string> kpi_ids;
  for (const Kpi& k : ws.kpis) {
    kpi_ids.push_back(k.id);
  }
  std::vector<std::string> entity_ids;
  for (const Person& p : ws.people) {
    entity_ids.push_back(p.id);
  }
  for (const Unit& u : ws.units) {
    entity_ids.push_back(u.id);
  }
  const std::vector<std::vector<std::string>> assignees = ws.assignees_of_all();
  std::map<std::string, const Source*> first;
  for (const Source& s : ws.sources) {
    if (!s.id.empty()) {
      auto [it, added] = first.emplace(s.id, &s);
      if (!added) {
        context.add("duplicate-id", s.at_key("id"),
                    "two sources share the id '" + s.id + "' (first at " +
                        line_of(it->second->at_key("id")) + "); rename one");
      }
    }
    check_formats(context, s);
    check_mapping(context, s);
    check_table(context, s);
    if (!s.entity.empty() && ws.find_person(s.entity) == nullptr &&
        ws.find_unit(s.entity) == nullptr) {
      context.add("unknown-entity", s.at_key("entity"),
                  "unknown entity '" + s.entity + "' in 'entity' of " + named(s) +
                      "; fix the name or define the entity",
                  did_you_mean(s.entity, entity_ids));
    }
    for (const SourceMeasure& m : s.measures) {
      check_measure(context, s, m, kpi_ids, assignees);
    }
  }
  check_aliases(context);
}

}  // namespace kpi::checks
