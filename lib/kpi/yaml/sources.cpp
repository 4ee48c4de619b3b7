// Sources (sources.md): every key read with its position; what the keys mean together
// is checked in validate/sources.cpp.

#include <map>

#include "kpi/yaml/readers.hpp"

namespace kpi::yaml {

namespace {

void read_text(NodeReader& reader, const MapReader& map, const std::string& key, std::string& into,
               SourceLocation* at_out = nullptr) {
  with(map, key, [&](const Node& value, const SourceLocation& at) {
    if (std::optional<std::string> text = reader.string(value, "'" + key + "'", at)) {
      into = *text;
    }
    if (at_out != nullptr) {
      *at_out = at;
    }
  });
}

/// `where`/`except`: column names (any text) to a value or a list of values.
std::vector<ColumnFilter> read_filters(NodeReader& reader, const Node& node,
                                       const std::string& what, const SourceLocation& at) {
  std::vector<ColumnFilter> out;
  if (!node.IsMap()) {
    reader.report(
        "wrong-type", at,
        what + " must be a mapping of column names to values, not " + std::string(describe(node)));
    return out;
  }
  std::map<std::string, int> seen;
  for (const auto& entry : node.entries()) {
    const Node key = entry.first;
    const SourceLocation key_at = reader.location(key);
    if (!key.IsScalar()) {
      reader.report(
          "wrong-type", key_at,
          "a column name in " + what + " must be text, not " + std::string(describe(key)));
      continue;
    }
    if (auto first = seen.find(key.Scalar()); first != seen.end()) {
      reader.report("duplicate-key", key_at,
                    "duplicate column '" + key.Scalar() + "' in " + what +
                        " (first written on line " + std::to_string(first->second) +
                        "); list its values once");
      continue;
    }
    seen.emplace(key.Scalar(), key_at.line);
    ColumnFilter filter{key.Scalar(), key_at, {}};
    for (auto& [text, where] :
         reader.string_list(entry.second, "the values of '" + key.Scalar() + "' in " + what,
                            reader.location(entry.second))) {
      filter.values.push_back(text);
    }
    out.push_back(std::move(filter));
  }
  return out;
}

SourceMeasure read_measure(NodeReader& reader, const Node& node) {
  SourceMeasure measure;
  measure.at = reader.location(node);
  MapReader map(reader, node, "a measure", keys_of("measure"), measure.at);
  read_text(reader, map, "kpi", measure.kpi, &measure.kpi_at);
  measure.value_at = measure.at;
  read_text(reader, map, "value", measure.value, &measure.value_at);
  measure.has_value = map.has("value");
  with(map, "where", [&](const Node& value, const SourceLocation& at) {
    measure.where = read_filters(reader, value, "'where'", at);
  });
  with(map, "except", [&](const Node& value, const SourceLocation& at) {
    measure.except = read_filters(reader, value, "'except'", at);
  });
  map.require("kpi", measure.kpi.empty() ? "a measure" : "measure '" + measure.kpi + "'");
  return measure;
}

void read_columns(NodeReader& reader, const Node& node, const SourceLocation& at,
                  SourceColumns& into) {
  MapReader map(reader, node, "'columns'", keys_of("columns"), at);
  read_text(reader, map, "date", into.date, &into.date_at);
  read_text(reader, map, "entity", into.entity, &into.entity_at);
  read_text(reader, map, "note", into.note, &into.note_at);
  read_text(reader, map, "order", into.order, &into.order_at);
}

void read_wide(NodeReader& reader, const Node& node, const SourceLocation& at, SourceWide& into) {
  MapReader map(reader, node, "'wide'", keys_of("wide"), at);
  read_text(reader, map, "columns", into.columns, &into.columns_at);
  into.date_format_at = at;
  read_text(reader, map, "date_format", into.date_format, &into.date_format_at);
  map.require("columns", "'wide'");
}

/// One of `words`, kept as written.
void read_choice(NodeReader& reader, const MapReader& map, const std::string& key,
                 const std::vector<std::string>& words, std::string& into) {
  with(map, key, [&](const Node& value, const SourceLocation& at) {
    if (std::optional<std::size_t> i = reader.choice(value, "'" + key + "'", at, words)) {
      into = words[*i];
    }
  });
}

}  // namespace

Source read_source(NodeReader& reader, const Node& node) {
  Source source;
  source.at = reader.location(node);
  MapReader map(reader, node, "a source", keys_of("source"), source.at);
  with(map, "id", [&](const Node& value, const SourceLocation& at) {
    source.id = reader.id(value, "'id'", at).value_or("");
  });
  with(map, "files", [&](const Node& value, const SourceLocation& at) {
    for (auto& [glob, where] : reader.string_list(value, "'files'", at)) {
      source.files.push_back(glob);
      source.file_positions.push_back(where);
    }
  });
  read_text(reader, map, "table", source.table);
  read_text(reader, map, "sheet", source.sheet);
  with(map, "header_row", [&](const Node& value, const SourceLocation& at) {
    if (std::optional<int> row = reader.whole_number(value, "'header_row'", at)) {
      if (*row < 1) {
        reader.report("bad-value", at,
                      "'header_row' counts lines from 1, not " + std::to_string(*row));
      } else {
        source.header_row = *row;
      }
    }
  });
  read_choice(reader, map, "delimiter", choices_of("source", "delimiter"), source.delimiter);
  read_text(reader, map, "date_format", source.date_format);
  read_choice(reader, map, "decimal", choices_of("source", "decimal"), source.decimal);
  read_choice(reader, map, "thousands", choices_of("source", "thousands"), source.thousands);
  if (source.thousands == "none") {
    source.thousands.clear();
  }
  with(map, "strip", [&](const Node& value, const SourceLocation& at) {
    for (auto& [text, where] : reader.string_list(value, "'strip'", at)) {
      if (text.empty()) {
        reader.report("bad-value", where, "an empty 'strip' text removes nothing; remove it");
      } else {
        source.strip.push_back(text);
      }
    }
  });
  with(map, "columns", [&](const Node& value, const SourceLocation& at) {
    read_columns(reader, value, at, source.columns);
  });
  read_text(reader, map, "entity", source.entity);
  with(map, "unmatched", [&](const Node& value, const SourceLocation& at) {
    if (std::optional<std::size_t> i =
            reader.choice(value, "'unmatched'", at, choices_of("source", "unmatched"))) {
      source.unmatched_skip = *i == 1;
    }
  });
  with(map, "wide", [&](const Node& value, const SourceLocation& at) {
    source.has_wide = true;
    read_wide(reader, value, at, source.wide);
  });
  with(map, "measures", [&](const Node& value, const SourceLocation& at) {
    for (const Node& item : reader.sequence(value, "'measures'", at)) {
      source.measures.push_back(read_measure(reader, item));
    }
  });
  const std::string name = source.id.empty() ? "a source" : "source '" + source.id + "'";
  map.require("id", name);
  if (map.is_map() && !map.has("files") && !map.has("table")) {
    reader.report("missing-field", source.at,
                  name + " needs 'files' (exports on disk) or 'table' (a warehouse table)");
  }
  if (map.is_map() && map.has("measures") && source.measures.empty()) {
    reader.report("missing-field", map.at("measures"),
                  name + " needs at least one measure under 'measures'");
  } else {
    map.require("measures", name);
  }
  for (const std::string& key : map.order()) {
    source.key_positions.emplace_back(key, map.at(key));
  }
  return source;
}

Warehouse read_warehouse(NodeReader& reader, const Node& node, const SourceLocation& at) {
  Warehouse warehouse;
  warehouse.at = at;
  MapReader map(reader, node, "'warehouse'", keys_of("warehouse"), at);
  with(map, "engine", [&](const Node& value, const SourceLocation& where) {
    const std::vector<std::string>& engines = choices_of("warehouse", "engine");
    if (std::optional<std::size_t> i = reader.choice(value, "'engine'", where, engines)) {
      warehouse.engine = engines[*i];
    }
    warehouse.engine_at = where;
  });
  with(map, "dsn", [&](const Node& value, const SourceLocation& where) {
    warehouse.dsn = reader.string(value, "'dsn'", where).value_or("");
    warehouse.dsn_at = where;
    if (!warehouse.dsn.empty() && warehouse.dsn_variable().empty()) {
      // A DSN written out would put a password into git.
      reader.report("bad-value", where,
                    "'dsn' names the environment variable that holds the DSN, as "
                    "'env:KPI_WAREHOUSE_DSN'; credentials never stand in the definitions");
    }
  });
  map.require("engine", "'warehouse'");
  map.require("dsn", "'warehouse'");
  return warehouse;
}

}  // namespace kpi::yaml
