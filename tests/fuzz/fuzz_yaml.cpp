// libFuzzer target: the YAML loader on text, never on files. The first byte picks the
// entry point: a workspace file (kpi.yaml, its includes resolved in a folder that does
// not exist, so no file is read) or an included definitions file.

#include <cstddef>
#include <cstdint>
#include <string_view>

#include "kpi/yaml/definitions.hpp"
#include "kpi/yaml/loading.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) {
    return 0;
  }
  const std::string_view text(reinterpret_cast<const char*>(data) + 1, size - 1);
  if (data[0] & 1) {
    kpi::LoadResult result;
    kpi::yaml::read_included_text(text, "/nonexistent-kpi-fuzz/kpis/f.yaml", result);
  } else {
    (void)kpi::load_workspace_text(text, "/nonexistent-kpi-fuzz/kpi.yaml");
  }
  return 0;
}
