// Units, people, reward tiers and settings: the small sections of a definition file.

#include "kpi/util/quote.hpp"
#include "kpi/yaml/readers.hpp"

namespace kpi::yaml {

namespace {

/// "unit 'sales'" once the id is known, else "a unit".
std::string named(const std::string& kind, const std::string& id) {
  if (id.empty()) {
    return std::string(kind[0] == 'a' ? "an " : "a ") + kind;
  }
  return kind + " " + quote(id);
}

void read_string(NodeReader& reader, const MapReader& map, const std::string& key,
                 std::string& into) {
  with(map, key, [&](const Node& value, const SourceLocation& at) {
    if (auto text = reader.string(value, "'" + key + "'", at)) {
      into = *text;
    }
  });
}

/// `aliases`: a list of strings (a single string is one alias).
EntityAliases read_aliases(NodeReader& reader, const Node& node, const std::string& id) {
  EntityAliases out{id, {}, {}};
  if (!node.IsMap() || !node["aliases"]) {
    return out;
  }
  const Node value = node["aliases"];
  for (auto& [alias, where] : reader.string_list(value, "'aliases'", reader.location(value))) {
    out.aliases.push_back(alias);
    out.positions.push_back(where);
  }
  return out;
}

void add_aliases(Workspace& into, EntityAliases aliases) {
  if (!aliases.aliases.empty()) {
    into.aliases.push_back(std::move(aliases));
  }
}

template <typename T>
void read_number(NodeReader& reader, const MapReader& map, const std::string& key, T& into) {
  with(map, key, [&](const Node& value, const SourceLocation& at) {
    if (auto number = reader.number(value, "'" + key + "'", at)) {
      into = *number;
    }
  });
}

void read_day(NodeReader& reader, const MapReader& map, const std::string& key,
              std::optional<Date>& into) {
  with(map, key, [&](const Node& value, const SourceLocation& at) {
    std::optional<std::string> text = reader.string(value, "'" + key + "'", at);
    if (!text) {
      return;
    }
    into = parse_date(*text);
    if (!into) {
      reader.report("bad-value", at,
                    "'" + key + "' must be a real day written YYYY-MM-DD, not '" + *text + "'");
    }
  });
}

/// `precision`: a whole number 0..9, or `none` (full precision).
void read_precision(NodeReader& reader, const MapReader& map, Settings& settings) {
  with(map, "precision", [&](const Node& value, const SourceLocation& at) {
    if (value.IsScalar() && value.Scalar() == "none") {
      settings.precision.reset();
      return;
    }
    if (auto digits = reader.whole_number(value, "'precision'", at)) {
      if (*digits < 0 || *digits > 9) {
        reader.report("bad-value", at,
                      "'precision' must be a whole number from 0 to 9 or 'none', not " +
                          std::to_string(*digits));
      } else {
        settings.precision = *digits;
      }
    }
  });
}

}  // namespace

const std::vector<std::string>& definition_keys() { return keys_of("included"); }

void read_definition_lists(NodeReader& reader, const MapReader& map, Workspace& into) {
  auto items = [&](const std::string& key) {
    return map.has(key) ? reader.sequence(map.get(key), "'" + key + "'", map.at(key))
                        : std::vector<Node>{};
  };
  for (const Node& node : items("units")) {
    into.units.push_back(read_unit(reader, node));
    add_aliases(into, read_aliases(reader, node, into.units.back().id));
  }
  for (const Node& node : items("people")) {
    into.people.push_back(read_person(reader, node));
    add_aliases(into, read_aliases(reader, node, into.people.back().id));
  }
  for (const Node& node : items("frames")) {
    into.frames.push_back(read_frame(reader, node));
  }
  for (const Node& node : items("rewards")) {
    into.rewards.push_back(read_reward(reader, node));
  }
  for (const Node& node : items("kpis")) {
    into.kpis.push_back(read_kpi(reader, node));
  }
  for (const Node& node : items("sources")) {
    into.sources.push_back(read_source(reader, node));
  }
}

Unit read_unit(NodeReader& reader, const Node& node) {
  Unit unit;
  MapReader map(reader, node, "a unit", keys_of("unit"), reader.location(node));
  with(map, "id", [&](const Node& value, const SourceLocation& at) {
    unit.id = reader.id(value, "'id'", at).value_or("");
  });
  read_string(reader, map, "name", unit.name);
  read_string(reader, map, "parent", unit.parent);
  read_string(reader, map, "manager", unit.manager);
  map.require("id", named("unit", unit.id));
  unit.pos = map.positions();
  return unit;
}

Person read_person(NodeReader& reader, const Node& node) {
  Person person;
  MapReader map(reader, node, "a person", keys_of("person"), reader.location(node));
  with(map, "id", [&](const Node& value, const SourceLocation& at) {
    person.id = reader.id(value, "'id'", at).value_or("");
  });
  read_string(reader, map, "name", person.name);
  read_string(reader, map, "member_of", person.member_of);
  read_string(reader, map, "position", person.position);
  read_number(reader, map, "bonus_base", person.bonus_base);
  read_day(reader, map, "joined", person.joined);
  read_day(reader, map, "left", person.left);
  map.require("id", named("person", person.id));
  map.require("member_of", named("person", person.id));
  person.pos = map.positions();
  return person;
}

RewardTier read_reward(NodeReader& reader, const Node& node) {
  RewardTier tier;
  MapReader map(reader, node, "a reward tier", keys_of("reward"), reader.location(node));
  read_number(reader, map, "min", tier.min);
  read_string(reader, map, "label", tier.label);
  read_number(reader, map, "multiplier", tier.multiplier);
  std::string name = tier.label.empty() ? "a reward tier" : "reward tier " + quote(tier.label);
  map.require("label", name);
  map.require("multiplier", name);
  tier.pos = map.positions();
  return tier;
}

StatusThresholds read_status(NodeReader& reader, const Node& node, const SourceLocation& at,
                             const std::string& context) {
  StatusThresholds status;
  MapReader map(reader, node, context, keys_of("status"), at);
  read_number(reader, map, "green", status.green);
  read_number(reader, map, "amber", status.amber);
  return status;
}

Settings read_settings(NodeReader& reader, const Node& node, const SourceLocation& at) {
  Settings settings;
  MapReader map(reader, node, "settings", keys_of("settings"), at);
  with(map, "max_kpis_per_entity", [&](const Node& value, const SourceLocation& where) {
    if (auto count = reader.whole_number(value, "'max_kpis_per_entity'", where)) {
      if (*count < 1) {
        reader.report("bad-value", where,
                      "'max_kpis_per_entity' must be at least 1, not " + std::to_string(*count));
      } else {
        settings.max_kpis_per_entity = *count;
      }
    }
  });
  read_number(reader, map, "max_stretch", settings.max_stretch);
  with(map, "missing", [&](const Node& value, const SourceLocation& where) {
    if (auto index = reader.choice(value, "'missing'", where, choices_of("settings", "missing"))) {
      settings.missing = static_cast<MissingPolicy>(*index);
    }
  });
  read_precision(reader, map, settings);
  with(map, "reward_incomplete", [&](const Node& value, const SourceLocation& where) {
    if (auto index = reader.choice(value, "'reward_incomplete'", where,
                                   choices_of("settings", "reward_incomplete"))) {
      settings.reward_incomplete = static_cast<RewardIncomplete>(*index);
    }
  });
  with(map, "prorate_bonus", [&](const Node& value, const SourceLocation& where) {
    if (auto index = reader.choice(value, "'prorate_bonus'", where,
                                   choices_of("settings", "prorate_bonus"))) {
      settings.prorate_bonus = *index == 0;
    }
  });
  with(map, "freshness_days", [&](const Node& value, const SourceLocation& where) {
    if (auto days = reader.whole_number(value, "'freshness_days'", where)) {
      if (*days < 0) {
        reader.report("bad-value", where,
                      "'freshness_days' must be 0 or more, not " + std::to_string(*days));
      } else {
        settings.freshness_days = *days;
      }
    }
  });
  with(map, "status", [&](const Node& value, const SourceLocation& where) {
    settings.status = read_status(reader, value, where, "'status'");
  });
  read_string(reader, map, "default_frame", settings.default_frame);
  with(map, "language", [&](const Node& value, const SourceLocation& where) {
    const std::vector<std::string>& codes = choices_of("settings", "language");
    if (auto index = reader.choice(value, "'language'", where, codes)) {
      settings.language = codes[*index];
    }
  });
  settings.pos = map.positions();
  return settings;
}

}  // namespace kpi::yaml
