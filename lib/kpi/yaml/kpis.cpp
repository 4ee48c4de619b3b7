// KPI definitions: every field of format.md, targets, overrides and formulas.

#include "kpi/util/quote.hpp"
#include "kpi/yaml/readers.hpp"

namespace kpi::yaml {

namespace {

/// A number, or `[low, high]` for a range.
std::optional<Target> read_target(NodeReader& reader, const Node& node, const SourceLocation& at) {
  if (node.IsSequence()) {
    if (node.size() != 2) {
      reader.report("wrong-type", at,
                    "a range 'target' must be a pair [low, high], not a list of " +
                        std::to_string(node.size()) + " values");
      return std::nullopt;
    }
    std::optional<double> low =
        reader.number(node[0], "the low end of 'target'", reader.location(node[0]));
    std::optional<double> high =
        reader.number(node[1], "the high end of 'target'", reader.location(node[1]));
    if (!low || !high) {
      return std::nullopt;
    }
    return Target{*low, *high, true};
  }
  if (node.IsScalar() || node.IsNull()) {
    if (std::optional<double> value = reader.number(node, "'target'", at)) {
      return Target{*value, *value, false};
    }
    return std::nullopt;
  }
  reader.report(
      "wrong-type", at,
      "'target' must be a number or a pair [low, high], not " + std::string(describe(node)));
  return std::nullopt;
}

Override read_override(NodeReader& reader, const Node& node) {
  Override entry;
  MapReader map(reader, node, "an override", keys_of("override"), reader.location(node));
  with(map, "entity", [&](const Node& value, const SourceLocation& at) {
    entry.entity = reader.string(value, "'entity'", at);
  });
  with(map, "period", [&](const Node& value, const SourceLocation& at) {
    std::optional<std::string> token = reader.string(value, "'period'", at);
    if (!token) {
      return;
    }
    entry.period_token = *token;
    PeriodParse parsed = parse_stamp(*token);
    if (parsed.period) {
      entry.period = parsed.period;
    } else {
      reader.report("bad-value", at,
                    "override period " + quote(*token) + " cannot be read (" + parsed.error +
                        "); write YYYY, YYYY-Qn, YYYY-MM, YYYY-Www or YYYY-MM-DD");
    }
  });
  with(map, "target", [&](const Node& value, const SourceLocation& at) {
    entry.target = read_target(reader, value, at);
  });
  with(map, "baseline", [&](const Node& value, const SourceLocation& at) {
    entry.baseline = reader.number(value, "'baseline'", at);
  });
  with(map, "weight", [&](const Node& value, const SourceLocation& at) {
    entry.weight = reader.number(value, "'weight'", at);
  });
  if (map.is_map() && !map.has("entity") && !map.has("period")) {
    reader.report("missing-field", map.positions().mapping,
                  "an override needs 'entity', 'period' or both to say where it applies");
  }
  entry.pos = map.positions();
  return entry;
}

void read_assigned_to(NodeReader& reader, const Node& node, const SourceLocation& at, Kpi& kpi) {
  if (node.IsScalar() && node.Scalar() == "members") {
    kpi.assigned_to_members = true;
    return;
  }
  for (auto& [id, where] : reader.string_list(node, "'assigned_to'", at)) {
    kpi.assigned_to.push_back(id);
    kpi.assigned_to_positions.push_back(where);
  }
}

void read_formula(NodeReader& reader, const Node& node, const SourceLocation& at, Kpi& kpi) {
  kpi.formula_text = reader.string(node, "'formula'", at);
  if (!kpi.formula_text) {
    return;
  }
  // Point into the formula text: a quoted scalar starts one column after its quote; a
  // block scalar's text starts on another line, so findings point at the scalar itself.
  const char first = reader.first_char(node);
  if (first != '|' && first != '>') {
    kpi.formula_start = at;
    kpi.formula_start.column += (first == '"' || first == '\'' ? 1 : 0);
  }
  FormulaParse parsed = parse_formula(*kpi.formula_text);
  if (parsed.expr) {
    kpi.formula = parsed.expr;
    return;
  }
  SourceLocation where = at;
  if (kpi.formula_start.line > 0 && parsed.error_column > 0) {
    where = kpi.formula_start;
    where.column += parsed.error_column - 1;
  }
  reader.report("formula-syntax", where,
                "formula " + quote(*kpi.formula_text) + " does not parse: " + parsed.error);
}

template <typename Enum>
void assign(Enum& into, std::size_t index) {
  into = static_cast<Enum>(index);
}

template <typename Enum>
void assign(std::optional<Enum>& into, std::size_t index) {
  into = static_cast<Enum>(index);
}

template <typename Enum>
void read_choice(NodeReader& reader, const MapReader& map, const std::string& key,
                 const std::vector<std::string>& words, Enum& into) {
  with(map, key, [&](const Node& value, const SourceLocation& at) {
    if (auto index = reader.choice(value, "'" + key + "'", at, words)) {
      assign(into, *index);
    }
  });
}

/// The simple scalar fields; what needs more than one line lives in read_kpi.
void read_kpi_scalars(NodeReader& reader, const MapReader& map, Kpi& kpi) {
  auto text = [&](const std::string& key, auto& into) {
    with(map, key, [&](const Node& value, const SourceLocation& at) {
      if (auto read = reader.string(value, "'" + key + "'", at)) {
        into = *read;
      }
    });
  };
  auto number = [&](const std::string& key, auto& into) {
    with(map, key, [&](const Node& value, const SourceLocation& at) {
      if (auto read = reader.number(value, "'" + key + "'", at)) {
        into = *read;
      }
    });
  };
  text("name", kpi.name);
  text("description", kpi.description);
  text("owner", kpi.owner);
  text("unit", kpi.unit);
  text("source", kpi.source);
  text("frame", kpi.frame);
  text("aligned_to", kpi.aligned_to);
  text("rollup_of", kpi.rollup_of);
  number("baseline", kpi.baseline);
  number("weight", kpi.weight);
  read_choice(reader, map, "direction", choices_of("kpi", "direction"), kpi.direction);
  read_choice(reader, map, "aggregate", choices_of("kpi", "aggregate"), kpi.aggregate);
  read_choice(reader, map, "period", choices_of("kpi", "period"), kpi.period);
  read_choice(reader, map, "type", choices_of("kpi", "type"), kpi.type);
  read_choice(reader, map, "indicator", choices_of("kpi", "indicator"), kpi.indicator);
  read_choice(reader, map, "missing", choices_of("kpi", "missing"), kpi.missing);
  with(map, "group", [&](const Node& value, const SourceLocation& at) {
    if (auto index = reader.choice(value, "'group'", at, choices_of("kpi", "group"))) {
      kpi.group = std::string(1, static_cast<char>('A' + *index));
    }
  });
  with(map, "cascade", [&](const Node& value, const SourceLocation& at) {
    kpi.cascade_sum =
        reader.choice(value, "'cascade'", at, choices_of("kpi", "cascade")).has_value();
  });
}

}  // namespace

Kpi read_kpi(NodeReader& reader, const Node& node) {
  Kpi kpi;
  MapReader map(reader, node, "a KPI", keys_of("kpi"), reader.location(node));
  with(map, "id", [&](const Node& value, const SourceLocation& at) {
    kpi.id = reader.id(value, "'id'", at).value_or("");
  });
  read_kpi_scalars(reader, map, kpi);
  with(map, "assigned_to", [&](const Node& value, const SourceLocation& at) {
    read_assigned_to(reader, value, at, kpi);
  });
  with(map, "target", [&](const Node& value, const SourceLocation& at) {
    kpi.target = read_target(reader, value, at);
  });
  with(map, "deadline", [&](const Node& value, const SourceLocation& at) {
    std::optional<std::string> text = reader.string(value, "'deadline'", at);
    if (!text) {
      return;
    }
    kpi.deadline = parse_date(*text);
    if (!kpi.deadline) {
      reader.report("bad-value", at,
                    "'deadline' must be a real day written YYYY-MM-DD, not " + quote(*text));
    }
  });
  with(map, "tags", [&](const Node& value, const SourceLocation& at) {
    for (auto& [tag, where] : reader.string_list(value, "'tags'", at)) {
      kpi.tags.push_back(tag);
    }
  });
  with(map, "overrides", [&](const Node& value, const SourceLocation& at) {
    for (const Node& item : reader.sequence(value, "'overrides'", at)) {
      kpi.overrides.push_back(read_override(reader, item));
    }
  });
  with(map, "formula",
       [&](const Node& value, const SourceLocation& at) { read_formula(reader, value, at, kpi); });
  if (map.has("formula") && map.has("aggregate")) {
    reader.report("formula-aggregate", map.positions().key_at("aggregate"),
                  "a formula KPI takes no 'aggregate': its actual comes from its formula; "
                  "remove 'aggregate'");
  }
  std::string name = kpi.id.empty() ? "a KPI" : "KPI " + quote(kpi.id);
  for (const char* key : {"id", "name", "owner", "unit", "period"}) {
    map.require(key, name);
  }
  kpi.pos = map.positions();
  return kpi;
}

}  // namespace kpi::yaml
