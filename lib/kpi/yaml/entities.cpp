// Units, people, reward tiers and settings: the small sections of a definition file.

#include "kpi/util/quote.hpp"
#include "kpi/yaml/readers.hpp"

namespace kpi::yaml {

namespace {

const std::vector<std::string> k_unit_keys = {"id", "name", "parent", "manager"};
const std::vector<std::string> k_person_keys = {"id", "name", "member_of", "position",
                                                "bonus_base"};
const std::vector<std::string> k_reward_keys = {"min", "label", "multiplier"};
const std::vector<std::string> k_settings_keys = {"max_kpis_per_entity", "max_stretch", "missing",
                                                  "status", "default_frame"};
const std::vector<std::string> k_status_keys = {"green", "amber"};

/// "unit 'sales'" once the id is known, else "a unit".
std::string named(const std::string& kind, const std::string& id) {
  if (id.empty()) {
    return std::string(kind[0] == 'a' ? "an " : "a ") + kind;
  }
  return kind + " " + quote(id);
}

void read_string(NodeReader& reader, const MapReader& map, const std::string& key,
                 std::string& into) {
  with(map, key, [&](const YAML::Node& value, const SourceLocation& at) {
    if (auto text = reader.string(value, "'" + key + "'", at)) {
      into = *text;
    }
  });
}

template <typename T>
void read_number(NodeReader& reader, const MapReader& map, const std::string& key, T& into) {
  with(map, key, [&](const YAML::Node& value, const SourceLocation& at) {
    if (auto number = reader.number(value, "'" + key + "'", at)) {
      into = *number;
    }
  });
}

}  // namespace

const std::vector<std::string>& definition_keys() {
  static const std::vector<std::string> keys = {"units", "people", "frames", "rewards", "kpis"};
  return keys;
}

void read_definition_lists(NodeReader& reader, const MapReader& map, Workspace& into) {
  auto items = [&](const std::string& key) {
    return map.has(key) ? reader.sequence(map.get(key), "'" + key + "'", map.at(key))
                        : std::vector<YAML::Node>{};
  };
  for (const YAML::Node& node : items("units")) {
    into.units.push_back(read_unit(reader, node));
  }
  for (const YAML::Node& node : items("people")) {
    into.people.push_back(read_person(reader, node));
  }
  for (const YAML::Node& node : items("frames")) {
    into.frames.push_back(read_frame(reader, node));
  }
  for (const YAML::Node& node : items("rewards")) {
    into.rewards.push_back(read_reward(reader, node));
  }
  for (const YAML::Node& node : items("kpis")) {
    into.kpis.push_back(read_kpi(reader, node));
  }
}

Unit read_unit(NodeReader& reader, const YAML::Node& node) {
  Unit unit;
  MapReader map(reader, node, "a unit", k_unit_keys, reader.location(node));
  with(map, "id", [&](const YAML::Node& value, const SourceLocation& at) {
    unit.id = reader.id(value, "'id'", at).value_or("");
  });
  read_string(reader, map, "name", unit.name);
  read_string(reader, map, "parent", unit.parent);
  read_string(reader, map, "manager", unit.manager);
  map.require("id", named("unit", unit.id));
  unit.pos = map.positions();
  return unit;
}

Person read_person(NodeReader& reader, const YAML::Node& node) {
  Person person;
  MapReader map(reader, node, "a person", k_person_keys, reader.location(node));
  with(map, "id", [&](const YAML::Node& value, const SourceLocation& at) {
    person.id = reader.id(value, "'id'", at).value_or("");
  });
  read_string(reader, map, "name", person.name);
  read_string(reader, map, "member_of", person.member_of);
  read_string(reader, map, "position", person.position);
  read_number(reader, map, "bonus_base", person.bonus_base);
  map.require("id", named("person", person.id));
  map.require("member_of", named("person", person.id));
  person.pos = map.positions();
  return person;
}

RewardTier read_reward(NodeReader& reader, const YAML::Node& node) {
  RewardTier tier;
  MapReader map(reader, node, "a reward tier", k_reward_keys, reader.location(node));
  read_number(reader, map, "min", tier.min);
  read_string(reader, map, "label", tier.label);
  read_number(reader, map, "multiplier", tier.multiplier);
  std::string name = tier.label.empty() ? "a reward tier" : "reward tier " + quote(tier.label);
  map.require("label", name);
  map.require("multiplier", name);
  tier.pos = map.positions();
  return tier;
}

StatusThresholds read_status(NodeReader& reader, const YAML::Node& node, const SourceLocation& at,
                             const std::string& context) {
  StatusThresholds status;
  MapReader map(reader, node, context, k_status_keys, at);
  read_number(reader, map, "green", status.green);
  read_number(reader, map, "amber", status.amber);
  return status;
}

Settings read_settings(NodeReader& reader, const YAML::Node& node, const SourceLocation& at) {
  Settings settings;
  MapReader map(reader, node, "settings", k_settings_keys, at);
  with(map, "max_kpis_per_entity", [&](const YAML::Node& value, const SourceLocation& where) {
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
  with(map, "missing", [&](const YAML::Node& value, const SourceLocation& where) {
    if (auto index = reader.choice(value, "'missing'", where, {"skip", "zero"})) {
      settings.missing = *index == 0 ? MissingPolicy::skip : MissingPolicy::zero;
    }
  });
  with(map, "status", [&](const YAML::Node& value, const SourceLocation& where) {
    settings.status = read_status(reader, value, where, "'status'");
  });
  read_string(reader, map, "default_frame", settings.default_frame);
  settings.pos = map.positions();
  return settings;
}

}  // namespace kpi::yaml
