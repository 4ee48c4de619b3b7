#pragma once
// Internal to yaml/: the readers that map YAML nodes onto the model, one per section.

#include <vector>

#include "kpi/model/model.hpp"
#include "kpi/yaml/keys.hpp"
#include "kpi/yaml/node_reader.hpp"
#include "kpi/yaml/tree.hpp"

namespace kpi::yaml {

/// The list sections an included file may hold, in the order they are read.
const std::vector<std::string>& definition_keys();

/// Reads the list sections present in `map` (units, people, frames, rewards, kpis,
/// sources) and
/// appends their entries to `into`.
void read_definition_lists(NodeReader& reader, const MapReader& map, Workspace& into);

Settings read_settings(NodeReader& reader, const Node& node, const SourceLocation& at);
StatusThresholds read_status(NodeReader& reader, const Node& node, const SourceLocation& at,
                             const std::string& context);

Unit read_unit(NodeReader& reader, const Node& node);
Person read_person(NodeReader& reader, const Node& node);
RewardTier read_reward(NodeReader& reader, const Node& node);
Frame read_frame(NodeReader& reader, const Node& node);
Kpi read_kpi(NodeReader& reader, const Node& node);
Source read_source(NodeReader& reader, const Node& node);
Warehouse read_warehouse(NodeReader& reader, const Node& node, const SourceLocation& at);

}  // namespace kpi::yaml
