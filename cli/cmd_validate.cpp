#include "command.hpp"
#include "kpi/error.hpp"

namespace kpi::cli {

Runner setup_validate(CLI::App& app) {
  (void)app;
  return [](const GlobalOptions&) -> int { return k_exit_usage; };
}

}  // namespace kpi::cli
