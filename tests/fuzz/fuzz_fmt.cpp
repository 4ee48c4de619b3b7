// libFuzzer target: kpi fmt's layout on any text. It must never crash, and what it lays
// out must be a fixed point: formatting the result again changes nothing and finds
// nothing (a file fmt wrote that fmt itself would rewrite or refuse is a bug).

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "kpi/yaml/format.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  const kpi::FormatResult once = kpi::format_definition_text(text, "kpi.yaml");
  if (!once.problems.empty()) {
    return 0;
  }
  const kpi::FormatResult twice = kpi::format_definition_text(once.text, "kpi.yaml");
  if (!twice.problems.empty() || twice.text != once.text) {
    std::abort();
  }
  return 0;
}
