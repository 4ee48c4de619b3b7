// kpi schema [--output FILE]: the JSON Schema of the definition files. It needs no
// workspace: an editor or a CI job asks for it before there is one.

#include <memory>
#include <sstream>

#include "command.hpp"
#include "kpi/error.hpp"
#include "kpi/render/render.hpp"
#include "output.hpp"

namespace kpi::cli {

namespace {

struct SchemaOptions {
  std::string output;
};

}  // namespace

Runner setup_schema(CLI::App& app) {
  auto options = std::make_shared<SchemaOptions>();
  app.add_option("-o,--output", options->output, "Write the schema to FILE (atomically)")
      ->option_text("FILE");
  return [options](const GlobalOptions&) {
    std::ostringstream text;
    render_schema(text);
    write_output(options->output, text.str());
    return k_exit_ok;
  };
}

}  // namespace kpi::cli
