#pragma once
// The keys of every mapping in the definition files and the shape of each value, in
// kpi-format(5)'s order. The loader reads each mapping against these lists (an unknown
// key is a finding) and `kpi schema` is generated from them, so the two cannot drift.

#include <string>
#include <string_view>
#include <vector>

namespace kpi::yaml {

/// What a key's value may be, as the loader reads it.
enum class ValueShape {
  text,       ///< any scalar, read as text (a plain 2026 is the text "2026")
  id,         ///< text matching the id pattern, at most 64 characters
  number,     ///< a plain decimal number (40, 12.5, 2e9); quoted is text, not a number
  whole,      ///< a plain whole number, at least `minimum`
  day,        ///< text YYYY-MM-DD
  choice,     ///< one of `choices`
  texts,      ///< a text or a list of texts
  mapping,    ///< the mapping named `ref`
  list,       ///< a list of the mapping named `ref`; empty or nothing: none
  target,     ///< a number, or a pair [low, high]
  points,     ///< a list of [x, y] number pairs
  filters,    ///< column name -> a text or a list of texts
  precision,  ///< a whole number 0..9, or `none`
  version,    ///< the format version: 1
};

struct KeySpec {
  std::string name;
  ValueShape shape;
  std::string summary;               ///< one line, for an editor's hover text
  std::vector<std::string> choices;  ///< choice: the words, in the order the enum has them
  std::string ref;                   ///< mapping, list: the mapping's name
  bool required = false;
  int minimum = 0;  ///< whole
};

struct MappingSpec {
  std::string name;   ///< "kpi", "settings", ...
  std::string title;  ///< "a KPI"
  std::vector<KeySpec> keys;
  std::vector<std::string> key_names;  ///< the names of `keys`, in order
};

/// Every mapping of the format: workspace, included, settings, status, unit, person,
/// reward, frame, band, kpi, override, source, columns, wide, measure.
const std::vector<MappingSpec>& mapping_specs();
/// The mapping called `name`; an unknown name is a programming error (std::out_of_range).
const MappingSpec& mapping_spec(std::string_view name);
/// The key names of mapping `name`, in order.
const std::vector<std::string>& keys_of(std::string_view mapping);
/// The words key `key` of mapping `mapping` may hold, in order.
const std::vector<std::string>& choices_of(std::string_view mapping, std::string_view key);

}  // namespace kpi::yaml
