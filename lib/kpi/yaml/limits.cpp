#include "kpi/yaml/limits.hpp"

#include <yaml-cpp/exceptions.h>

#include "kpi/yaml/tree.hpp"

namespace kpi::yaml {

std::optional<Diagnostic> check_yaml_limits(std::string_view text, const std::string& file) {
  try {
    return parse_yaml(text, file).limit;
  } catch (const YAML::Exception&) {
    // Syntax errors are the loader's to report, with its own message.
  }
  return std::nullopt;
}

}  // namespace kpi::yaml
