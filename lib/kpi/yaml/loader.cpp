// STUB: replaced by the yaml module's implementation.
#include "kpi/yaml/definitions.hpp"
#include <stdexcept>
namespace kpi {
LoadResult load_workspace(const std::filesystem::path&) { throw std::logic_error("not implemented"); }
LoadResult load_workspace_text(std::string_view, const std::string&) { throw std::logic_error("not implemented"); }
void load_definitions_file(const std::filesystem::path&, LoadResult&) { throw std::logic_error("not implemented"); }
std::optional<std::filesystem::path> find_workspace_file(const std::filesystem::path&) { throw std::logic_error("not implemented"); }
std::vector<std::string> measurement_files(const Workspace&) { throw std::logic_error("not implemented"); }
}  // namespace kpi
