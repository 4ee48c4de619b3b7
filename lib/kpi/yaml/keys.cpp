#include "kpi/yaml/keys.hpp"

#include <stdexcept>

#include "kpi/model/languages.hpp"

namespace kpi::yaml {

namespace {

KeySpec key(std::string name, ValueShape shape, std::string summary) {
  return KeySpec{std::move(name), shape, std::move(summary), {}, {}, false, 0};
}
KeySpec text(std::string name, std::string summary) {
  return key(std::move(name), ValueShape::text, std::move(summary));
}
KeySpec number(std::string name, std::string summary) {
  return key(std::move(name), ValueShape::number, std::move(summary));
}
KeySpec whole(std::string name, int minimum, std::string summary) {
  KeySpec spec = key(std::move(name), ValueShape::whole, std::move(summary));
  spec.minimum = minimum;
  return spec;
}
KeySpec choice(std::string name, std::vector<std::string> words, std::string summary) {
  KeySpec spec = key(std::move(name), ValueShape::choice, std::move(summary));
  spec.choices = std::move(words);
  return spec;
}
KeySpec nested(std::string name, ValueShape shape, std::string ref, std::string summary) {
  KeySpec spec = key(std::move(name), shape, std::move(summary));
  spec.ref = std::move(ref);
  return spec;
}
KeySpec required(KeySpec spec) {
  spec.required = true;
  return spec;
}

MappingSpec mapping(std::string name, std::string title, std::vector<KeySpec> keys) {
  MappingSpec spec{std::move(name), std::move(title), std::move(keys), {}};
  for (const KeySpec& each : spec.keys) {
    spec.key_names.push_back(each.name);
  }
  return spec;
}

/// The lists an included file may hold; the workspace file holds them too.
std::vector<KeySpec> definition_lists() {
  return {
      nested("units", ValueShape::list, "unit", "The organisation tree: departments, teams."),
      nested("people", ValueShape::list, "person", "The people scored, each a member of a unit."),
      nested("frames", ValueShape::list, "frame",
             "Score frames: how an achievement becomes points."),
      nested("rewards", ValueShape::list, "reward",
             "Reward tiers on a person's total score, first match wins."),
      nested("sources", ValueShape::list, "source",
             "Exports and warehouse tables read as measurements."),
      // Last: the longest list, where kpi define adds a KPI at the end of the file.
      nested("kpis", ValueShape::list, "kpi", "The KPI definitions."),
  };
}

std::vector<MappingSpec> build() {
  std::vector<KeySpec> top = {
      required(key("version", ValueShape::version, "The format version: 1.")),
      text("name", "The organisation's name, shown in reports."),
      key("include", ValueShape::texts,
          "More definition files: globs relative to this file, merged in."),
      key("data", ValueShape::texts, "Measurement CSV files: globs (default data/*.csv)."),
      text("journal", "Where kpi record appends (default data/measurements.csv)."),
      key("tests", ValueShape::texts, "Test files of kpi test: globs (default tests/*.yaml)."),
      nested("settings", ValueShape::mapping, "settings", "Workspace-wide rules."),
      nested("warehouse", ValueShape::mapping, "warehouse",
             "The database that table sources live in."),
  };
  for (KeySpec& list : definition_lists()) {
    top.push_back(std::move(list));
  }
  std::vector<MappingSpec> specs;
  specs.push_back(mapping("workspace", "the workspace file", std::move(top)));
  specs.push_back(mapping("included", "an included file", definition_lists()));
  specs.push_back(mapping(
      "settings", "settings",
      {
          whole("max_kpis_per_entity", 1, "At most this many KPIs per entity (default 7)."),
          number("max_stretch", "Percent over baseline before a target is flagged (default 50)."),
          choice("missing", {"skip", "zero", "error"},
                 "A KPI without data in the period: skip (default), zero or error."),
          nested("status", ValueShape::mapping, "status",
                 "Achievement thresholds of the RAG status (default green 100, amber 80)."),
          text("default_frame", "The frame of a KPI that names none."),
          key("precision", ValueShape::precision,
              "Decimals of totals, rounded before tiering: 0..9 or none (default 2)."),
          choice("reward_incomplete", {"withhold", "pay"},
                 "A reward on a partial scorecard: withhold (default) or pay."),
          choice("prorate_bonus", {"true", "false"},
                 "Reward amount times the active share for joiners and leavers (default true)."),
          whole("freshness_days", 0,
                "Days a closed slot has to get its rows before stale-data warns (default 5; "
                "0: never)."),
          choice("language", available_languages(),
                 "The language of the labels and numbers people read: en (default) or vi."),
      }));
  specs.push_back(mapping("status", "status thresholds",
                          {
                              number("green", "Achievement (percent) from which a KPI is green."),
                              number("amber", "Achievement (percent) from which a KPI is amber."),
                          }));
  specs.push_back(mapping("unit", "a unit",
                          {
                              required(key("id", ValueShape::id,
                                           "The unit's id; units and people share one namespace.")),
                              text("name", "The unit's name."),
                              text("parent", "The parent unit; omitted only on roots."),
                              text("manager", "The person who manages the unit."),
                              key("aliases", ValueShape::texts, "How exports spell this unit."),
                          }));
  specs.push_back(
      mapping("person", "a person",
              {
                  required(key("id", ValueShape::id, "The person's id.")),
                  text("name", "The person's name."),
                  required(text("member_of", "The unit the person belongs to.")),
                  text("position", "The person's position."),
                  number("bonus_base", "Reward amount = bonus_base x the tier's multiplier."),
                  key("joined", ValueShape::day, "First active day, YYYY-MM-DD."),
                  key("left", ValueShape::day, "Last active day, YYYY-MM-DD."),
                  key("aliases", ValueShape::texts, "How exports spell this person."),
              }));
  specs.push_back(mapping("reward", "a reward tier",
                          {
                              number("min", "The lowest total score (percent) of the tier."),
                              required(text("label", "The tier's name.")),
                              required(number("multiplier", "Times bonus_base.")),
                          }));
  specs.push_back(mapping(
      "frame", "a frame",
      {
          required(key("id", ValueShape::id, "The frame's id.")),
          choice("basis", {"ratio", "progress", "value"},
                 "What the bands and points read: ratio (default), progress or value."),
          choice("method", {"bands", "linear"},
                 "bands: the first band whose bounds hold; linear: through the points."),
          number("scale", "Points that count as a 100 % score (default 100)."),
          nested("bands", ValueShape::list, "band", "Bands in order; the last is a catch-all."),
          key("points", ValueShape::points, "[x, y] pairs of a linear frame, x increasing."),
          nested("status", ValueShape::mapping, "status",
                 "This frame's RAG thresholds, overriding settings.status."),
      }));
  specs.push_back(
      mapping("band", "a band",
              {
                  number("min", "Lower bound, inclusive, in basis units."),
                  number("max", "Upper bound, exclusive, in basis units."),
                  required(number("points", "The points of the band.")),
                  text("label", "The band's name."),
                  choice("status", {"green", "amber", "red"}, "The RAG status of the band."),
              }));
  specs.push_back(mapping(
      "kpi", "a KPI",
      {
          required(key("id", ValueShape::id, "The KPI's id.")),
          required(text("name", "What is measured, in words.")),
          text("description", "Specific: what counts and what does not."),
          required(text("owner", "Accountable: the owning unit or person.")),
          key("assigned_to", ValueShape::texts,
              "Who is scored on it: ids, or members (default the owner)."),
          required(text("unit", "Measurable: the unit of measure.")),
          text("source", "Measurable: where the number comes from."),
          choice("direction", {"higher", "lower", "range"},
                 "Which way is better: higher (default), lower or range."),
          choice("aggregate", {"sum", "mean", "min", "max", "last", "count"},
                 "How a period's rows become its actual (default sum)."),
          text("formula", "Derived: + - * / ( ), numbers and KPI ids."),
          required(choice("period", {"daily", "weekly", "monthly", "quarterly", "yearly"},
                          "Time-bound: how often it is scored.")),
          key("target", ValueShape::target, "Per period; [low, high] for a range."),
          number("baseline", "Where we stand; needed by basis progress."),
          text("frame", "The score frame (default settings.default_frame)."),
          number("weight", "Share in each assignee's total (default 1)."),
          text("aligned_to", "Relevant: the KPI it serves."),
          choice("cascade", {"sum"}, "sum: the aligned children's targets add up to this one."),
          choice("type", {"strategic", "operational", "functional"}, "The KPI's type."),
          choice("indicator", {"leading", "lagging"}, "Leading or lagging."),
          choice("group", {"A", "B", "C"}, "Effort x impact class."),
          key("deadline", ValueShape::day, "For one-off goals, YYYY-MM-DD."),
          choice("missing", {"skip", "zero", "error"},
                 "No data this period (default settings.missing)."),
          text("rollup_of", "On a unit's KPI: its rows are this KPI's rows of the unit's people."),
          key("tags", ValueShape::texts, "Free tags."),
          nested("overrides", ValueShape::list, "override",
                 "Targets and weights per entity or period; the most specific wins."),
      }));
  specs.push_back(mapping(
      "override", "an override",
      {
          text("entity", "The entity it applies to."),
          text("period", "The period it applies to: YYYY, YYYY-Qn, YYYY-MM, YYYY-Www, YYYY-MM-DD."),
          key("target", ValueShape::target, "The target there."),
          number("baseline", "The baseline there."),
          number("weight", "The weight there."),
      }));
  specs.push_back(mapping(
      "source", "a source",
      {
          required(key("id", ValueShape::id, "The source's id.")),
          key("files", ValueShape::texts, "Globs of .csv, .tsv, .txt or .xlsx files."),
          text("table", "A warehouse table or view, instead of files."),
          text("sheet", "An .xlsx sheet's name (default the first sheet)."),
          whole("header_row", 1, "The 1-based row holding the column names (default 1)."),
          choice("delimiter", {"auto", ",", ";", "\t", "|"},
                 "Text files: the delimiter (default auto)."),
          text("date_format", "How the date column is written, strftime-like (default iso)."),
          choice("decimal", {".", ","}, "The decimal mark (default .)."),
          choice("thousands", {"none", ",", ".", " ", "'"},
                 "The thousands separator (default none)."),
          key("strip", ValueShape::texts, "Texts removed from a value cell before parsing."),
          nested("columns", ValueShape::mapping, "columns", "Role -> the column's header name."),
          text("entity", "One entity for every row (not with columns.entity)."),
          choice("unmatched", {"error", "skip"},
                 "A row whose entity matches nothing: error (default) or skip."),
          nested("wide", ValueShape::mapping, "wide", "Periods across the columns."),
          required(nested("measures", ValueShape::list, "measure",
                          "What each matching row measures; at least one.")),
      }));
  specs.push_back(
      mapping("warehouse", "'warehouse'",
              {
                  required(choice("engine", {"postgres", "clickhouse"}, "The database engine.")),
                  required(text("dsn", "env:NAME: the environment variable holding the DSN.")),
              }));
  specs.push_back(mapping("columns", "'columns'",
                          {
                              text("date", "The date column (required unless wide)."),
                              text("entity", "The entity column."),
                              text("note", "A column kept as the measurement's note."),
                              text("order", "A column that orders rows for last ties."),
                          }));
  specs.push_back(
      mapping("wide", "'wide'",
              {
                  required(text("columns", "The header cells that are periods, e.g. a glob.")),
                  text("date_format", "How those header cells are written."),
              }));
  specs.push_back(mapping(
      "measure", "a measure",
      {
          required(text("kpi", "The KPI the rows measure.")),
          text("value", "The column holding the value; not for count KPIs."),
          key("where", ValueShape::filters, "Every named column must hold one of the values."),
          key("except", ValueShape::filters,
              "Rows where a named column holds one of these are left out."),
      }));
  return specs;
}

}  // namespace

const std::vector<MappingSpec>& mapping_specs() {
  static const std::vector<MappingSpec> specs = build();
  return specs;
}

const MappingSpec& mapping_spec(std::string_view name) {
  for (const MappingSpec& spec : mapping_specs()) {
    if (spec.name == name) {
      return spec;
    }
  }
  throw std::out_of_range("no mapping '" + std::string(name) + "' in the key table");
}

const std::vector<std::string>& keys_of(std::string_view mapping) {
  return mapping_spec(mapping).key_names;
}

const std::vector<std::string>& choices_of(std::string_view mapping, std::string_view key) {
  for (const KeySpec& spec : mapping_spec(mapping).keys) {
    if (spec.name == key) {
      return spec.choices;
    }
  }
  throw std::out_of_range("no key '" + std::string(key) + "' in mapping '" + std::string(mapping) +
                          "'");
}

}  // namespace kpi::yaml
