// The loader's key table (lib/kpi/yaml/keys.hpp): each mapping the loader reads takes
// exactly the table's keys, and `kpi schema` (render_schema) holds every one and no other.

#include <algorithm>
#include <map>
#include <nlohmann/json.hpp>
#include <sstream>

#include "helpers.hpp"
#include "kpi/render/render.hpp"
#include "kpi/yaml/keys.hpp"

using kpi::test::load;

namespace {

/// A workspace text with the key `zzqx` in each mapping of the format, by name.
const std::map<std::string, std::string>& mapping_texts() {
  static const std::map<std::string, std::string> texts = {
      {"workspace", "version: 1\nzzqx: 1\n"},
      {"settings", "version: 1\nsettings:\n  zzqx: 1\n"},
      {"status", "version: 1\nsettings:\n  status:\n    zzqx: 1\n"},
      {"unit", "version: 1\nunits:\n  - id: a\n    zzqx: 1\n"},
      {"person", "version: 1\npeople:\n  - id: p\n    member_of: a\n    zzqx: 1\n"},
      {"reward", "version: 1\nrewards:\n  - {label: A, multiplier: 1, zzqx: 1}\n"},
      {"frame", "version: 1\nframes:\n  - id: f\n    zzqx: 1\n"},
      {"band", "version: 1\nframes:\n  - id: f\n    bands:\n      - {points: 1, zzqx: 1}\n"},
      {"kpi", "version: 1\nkpis:\n  - id: k\n    zzqx: 1\n"},
      {"override", "version: 1\nkpis:\n  - id: k\n    overrides:\n      - {entity: a, zzqx: 1}\n"},
      {"source", "version: 1\nsources:\n  - id: s\n    zzqx: 1\n"},
      {"columns", "version: 1\nsources:\n  - id: s\n    columns: {zzqx: 1}\n"},
      {"wide", "version: 1\nsources:\n  - id: s\n    wide: {zzqx: 1}\n"},
      {"measure", "version: 1\nsources:\n  - id: s\n    measures:\n      - {kpi: k, zzqx: 1}\n"},
      {"warehouse", "version: 1\nwarehouse: {engine: postgres, dsn: env:DW, zzqx: 1}\n"},
  };
  return texts;
}

std::string joined(const std::vector<std::string>& words) {
  std::string out;
  for (const std::string& word : words) {
    out += (out.empty() ? "" : ", ") + word;
  }
  return out;
}

nlohmann::json schema() {
  std::ostringstream out;
  kpi::render_schema(out);
  return nlohmann::json::parse(out.str());
}

}  // namespace

BOOST_AUTO_TEST_SUITE(yaml_keys)

BOOST_AUTO_TEST_CASE(each_mapping_the_loader_reads_knows_exactly_the_tables_keys) {
  // The unknown-key hint lists the keys the loader read the mapping against.
  for (const auto& [name, text] : mapping_texts()) {
    BOOST_TEST_CONTEXT(name) {
      const kpi::LoadResult result = load(text);
      const kpi::Diagnostic* unknown = nullptr;
      for (const kpi::Diagnostic& d : result.diagnostics) {
        if (d.rule == "unknown-key" && d.message.find("'zzqx'") != std::string::npos) {
          unknown = &d;
        }
      }
      BOOST_REQUIRE(unknown != nullptr);
      BOOST_TEST(unknown->hint == "known keys: " + joined(kpi::yaml::keys_of(name)));
    }
  }
  // Every mapping of the table is tried, but the included file (next case).
  BOOST_TEST(mapping_texts().size() + 1 == kpi::yaml::mapping_specs().size());
}

BOOST_AUTO_TEST_CASE(an_included_file_takes_the_definition_lists_and_nothing_else) {
  BOOST_TEST((kpi::yaml::keys_of("included") ==
              std::vector<std::string>{"units", "people", "frames", "rewards", "sources", "kpis"}));
  kpi::test::TempWorkspace dir;
  dir.write("kpi.yaml", "version: 1\ninclude: [more.yaml]\n");
  dir.write("more.yaml", "kpis: []\nsettings: {}\n");
  const kpi::LoadResult result = kpi::load_workspace("kpi.yaml");
  BOOST_REQUIRE_EQUAL(result.diagnostics.size(), 1u);
  BOOST_TEST(result.diagnostics[0].rule == "unknown-key");
  BOOST_TEST(result.diagnostics[0].where.file == "more.yaml");
  BOOST_TEST(result.diagnostics[0].where.line == 2);
  BOOST_TEST(result.diagnostics[0].message.find("not allowed in an included file") !=
             std::string::npos);
}

BOOST_AUTO_TEST_CASE(the_schema_holds_every_key_of_the_table_and_no_other) {
  const nlohmann::json doc = schema();
  BOOST_TEST(doc["$schema"] == "http://json-schema.org/draft-07/schema#");
  const nlohmann::json& definitions = doc["definitions"];
  BOOST_TEST(definitions.size() == kpi::yaml::mapping_specs().size());
  for (const kpi::yaml::MappingSpec& spec : kpi::yaml::mapping_specs()) {
    BOOST_TEST_CONTEXT(spec.name) {
      BOOST_REQUIRE(definitions.contains(spec.name));
      const nlohmann::json& mapping = definitions[spec.name];
      BOOST_TEST(mapping["additionalProperties"] == false);
      std::vector<std::string> keys;
      for (const auto& [key, value] : mapping["properties"].items()) {
        keys.push_back(key);
      }
      std::vector<std::string> expected = spec.key_names;
      std::sort(expected.begin(), expected.end());  // nlohmann::json keeps keys sorted
      BOOST_TEST(keys == expected, boost::test_tools::per_element());
    }
  }
}

BOOST_AUTO_TEST_CASE(schema_values_are_what_the_loader_reads) {
  const nlohmann::json doc = schema();
  const nlohmann::json& kpi = doc["definitions"]["kpi"];
  BOOST_TEST((kpi["required"] == nlohmann::json{"id", "name", "owner", "unit", "period"}));
  BOOST_TEST(kpi["properties"]["direction"]["enum"] ==
             (nlohmann::json{"higher", "lower", "range"}));
  BOOST_TEST(kpi["properties"]["overrides"]["items"]["$ref"] == "#/definitions/override");
  BOOST_TEST(kpi["properties"]["id"]["pattern"] == "^[a-z0-9][a-z0-9_.-]*$");
  const nlohmann::json& settings = doc["definitions"]["settings"]["properties"];
  // A plain `true` is a YAML boolean; the loader takes it as the word.
  BOOST_TEST(settings["prorate_bonus"]["enum"] == (nlohmann::json{"true", true, "false", false}));
  BOOST_TEST(settings["max_kpis_per_entity"]["minimum"] == 1);
  BOOST_TEST(doc["definitions"]["workspace"]["properties"]["version"]["const"] == 1);
}

BOOST_AUTO_TEST_SUITE_END()
