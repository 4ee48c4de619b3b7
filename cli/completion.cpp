// Shell completion scripts from the CLI11 definition. bash and zsh share one body (zsh
// runs it with 0-based arrays); fish has its own `complete` lines.

#include "completion.hpp"

#include <algorithm>
#include <sstream>

namespace kpi::cli {

namespace {

/// The values of an IsMember check, from CLI11's type name "TEXT:{table,csv,json}".
std::vector<std::string> listed_values(const std::string& type_name) {
  const size_t open = type_name.find('{');
  const size_t close = type_name.find('}', open);
  std::vector<std::string> out;
  if (open == std::string::npos || close == std::string::npos) {
    return out;
  }
  std::stringstream list(type_name.substr(open + 1, close - open - 1));
  for (std::string value; std::getline(list, value, ',');) {
    out.push_back(value);
  }
  return out;
}

bool named(const std::vector<std::string>& names, std::initializer_list<const char*> any) {
  return std::any_of(names.begin(), names.end(), [&](const std::string& n) {
    return std::any_of(any.begin(), any.end(), [&](const char* a) { return n == a; });
  });
}

CompletionOption option_of(const CLI::Option& o, const std::string& command) {
  CompletionOption out;
  for (const std::string& s : o.get_snames()) {
    out.names.push_back("-" + s);
  }
  for (const std::string& l : o.get_lnames()) {
    out.names.push_back("--" + l);
  }
  out.help = o.get_description();
  out.takes_value = o.get_expected_max() > 0;
  out.values = listed_values(o.get_type_name());
  if (!out.values.empty()) {
    out.kind = CompletionKind::values;
  } else if (named(out.names, {"-C"})) {
    out.kind = CompletionKind::directory;
  } else if (named(out.names, {"--workspace", "--file", "--data", "--out", "--output"})) {
    out.kind = CompletionKind::file;
  } else if (named(out.names, {"--kpi"})) {
    out.kind = CompletionKind::kpi;
  } else if (named(out.names, {"--entity", "--owner", "--assigned-to"}) ||
             (command != "define" && named(out.names, {"--unit"}))) {
    out.kind = CompletionKind::entity;  // define's --unit is the KPI's unit of measure
  } else if (named(out.names, {"--frame"})) {
    out.kind = CompletionKind::frame;
  }
  return out;
}

/// What each command's first positional names: known by command, as help texts are.
CompletionKind positional_of(const std::string& command) {
  if (command == "show") {
    return CompletionKind::id;
  }
  if (command == "record" || command == "explain") {
    return CompletionKind::kpi;
  }
  if (command == "init") {
    return CompletionKind::directory;
  }
  if (command == "validate" || command == "test") {
    return CompletionKind::file;
  }
  return CompletionKind::none;
}

std::string words_of(const std::vector<std::string>& words) {
  std::string out;
  for (const std::string& w : words) {
    out += (out.empty() ? "" : " ") + w;
  }
  return out;
}

std::vector<std::string> option_names(const std::vector<CompletionOption>& options) {
  std::vector<std::string> out;
  for (const CompletionOption& o : options) {
    // Long names only where there is one: `-f` and `--format` are the same choice.
    bool has_long = false;
    for (const std::string& n : o.names) {
      has_long = has_long || n.rfind("--", 0) == 0;
    }
    for (const std::string& n : o.names) {
      if (!has_long || n.rfind("--", 0) == 0) {
        out.push_back(n);
      }
    }
  }
  return out;
}

/// The shell code that completes one word of `kind`: bash fills COMPREPLY, zsh calls
/// compadd or _files.
std::string reply(CompletionKind kind, const std::vector<std::string>& values, bool zsh) {
  auto ids = [&](const char* what) {
    return zsh ? std::string("compadd -- ${(f)\"$(_kpi_ids ") + what + ")\"}"
               : std::string("COMPREPLY=($(compgen -W \"$(_kpi_ids ") + what + ")\" -- \"$cur\"))";
  };
  switch (kind) {
    case CompletionKind::file:
      return zsh ? "_files"
                 : "compopt -o filenames 2>/dev/null; COMPREPLY=($(compgen -f -- \"$cur\"))";
    case CompletionKind::directory:
      return zsh ? "_files -/"
                 : "compopt -o filenames 2>/dev/null; COMPREPLY=($(compgen -d -- \"$cur\"))";
    case CompletionKind::kpi:
      return ids("kpis");
    case CompletionKind::entity:
      return ids("entities");
    case CompletionKind::frame:
      return ids("frames");
    case CompletionKind::id:
      return ids("all");
    case CompletionKind::values:
      return zsh ? "compadd -- " + words_of(values)
                 : "COMPREPLY=($(compgen -W \"" + words_of(values) + "\" -- \"$cur\"))";
    case CompletionKind::none:
      break;
  }
  return zsh ? ":" : "COMPREPLY=()";
}

/// `case $prev in` arms for the options that take a value.
void value_arms(std::ostream& out, const std::vector<CompletionOption>& options, bool zsh,
                const std::string& indent) {
  for (const CompletionOption& o : options) {
    if (!o.takes_value) {
      continue;
    }
    std::string pattern;
    for (const std::string& n : o.names) {
      pattern += (pattern.empty() ? "" : "|") + n;
    }
    out << indent << pattern << ") " << reply(o.kind, o.values, zsh) << "; return ;;\n";
  }
}

std::string shared_body(const CompletionModel& model, bool zsh) {
  std::ostringstream out;
  out << "_kpi_ids() {  # ids of the workspace that -C and --workspace name, or of this one\n"
         "  kpi \"${_kpi_where[@]}\" list --ids \"$1\" 2>/dev/null\n"
         "}\n\n";
  out << (zsh ? "_kpi() {\n  setopt localoptions ksharrays\n  local -a w=(\"${words[@]}\")\n"
                "  local c=$((CURRENT - 1))\n"
              : "_kpi() {\n  local -a w=(\"${COMP_WORDS[@]}\")\n  local c=$COMP_CWORD\n");
  out << "  local cur=${w[c]} prev=${w[c - 1]} sub=\"\" i\n"
         "  _kpi_where=()\n"
         "  for ((i = 1; i < c; i++)); do\n"
         "    case ${w[i]} in\n"
         "      -C | --workspace) _kpi_where+=(\"${w[i]}\" \"${w[i + 1]}\"); ((i++)) ;;\n"
         "      --color) ((i++)) ;;\n"
         "      -*) ;;\n"
         "      *) if [[ -z $sub ]]; then sub=${w[i]}; fi ;;\n"
         "    esac\n"
         "  done\n"
         "  case $sub in\n"
         "    \"\")\n"
         "      case $prev in\n";
  value_arms(out, model.global, zsh, "        ");
  std::vector<std::string> names;
  for (const CompletionCommand& c : model.commands) {
    names.push_back(c.name);
  }
  out << "      esac\n"
         "      if [[ $cur == -* ]]; then "
      << reply(CompletionKind::values, option_names(model.global), zsh) << "; else "
      << reply(CompletionKind::values, names, zsh) << "; fi ;;\n";
  for (const CompletionCommand& c : model.commands) {
    out << "    " << c.name << ")\n      case $prev in\n";
    value_arms(out, c.options, zsh, "        ");
    out << "      esac\n      if [[ $cur == -* ]]; then "
        << reply(CompletionKind::values, option_names(c.options), zsh) << "; else "
        << reply(c.positional, c.positional_values, zsh) << "; fi ;;\n";
  }
  out << "  esac\n}\n";
  return out.str();
}

std::string fish_quoted(const std::string& text) {
  std::string out = "'";
  for (char ch : text) {
    out += ch == '\'' || ch == '\\' ? std::string("\\") + ch : std::string(1, ch);
  }
  return out + "'";
}

std::string fish_arguments(CompletionKind kind, const std::vector<std::string>& values) {
  switch (kind) {
    case CompletionKind::file:
      return " -F";
    case CompletionKind::directory:
      return " -xa '(__fish_complete_directories)'";
    case CompletionKind::kpi:
      return " -xa '(kpi list --ids kpis 2>/dev/null)'";
    case CompletionKind::entity:
      return " -xa '(kpi list --ids entities 2>/dev/null)'";
    case CompletionKind::frame:
      return " -xa '(kpi list --ids frames 2>/dev/null)'";
    case CompletionKind::id:
      return " -xa '(kpi list --ids all 2>/dev/null)'";
    case CompletionKind::values:
      return " -xa " + fish_quoted(words_of(values));
    case CompletionKind::none:
      break;
  }
  return " -f";
}

void fish_option(std::ostream& out, const CompletionOption& o, const std::string& condition) {
  out << "complete -c kpi -n " << fish_quoted(condition);
  for (const std::string& n : o.names) {
    out << (n.rfind("--", 0) == 0 ? " -l " + n.substr(2) : " -s " + n.substr(1));
  }
  out << (o.takes_value ? fish_arguments(o.kind, o.values) : std::string()) << " -d "
      << fish_quoted(o.help.substr(0, o.help.find('\n'))) << "\n";
}

}  // namespace

CompletionModel completion_model(const CLI::App& app) {
  CompletionModel model;
  for (const CLI::Option* o : app.get_options()) {
    if (o->nonpositional()) {
      model.global.push_back(option_of(*o, ""));
    }
  }
  for (const CLI::App* sub : app.get_subcommands([](const CLI::App* s) {
         return !s->get_group().empty();  // hidden commands have no group
       })) {
    CompletionCommand command{
        sub->get_name(), sub->get_description(), {}, CompletionKind::none, {}};
    for (const CLI::Option* o : sub->get_options()) {
      if (o->nonpositional()) {
        command.options.push_back(option_of(*o, command.name));
      } else if (command.positional == CompletionKind::none) {
        command.positional_values = listed_values(o->get_type_name());
        command.positional = command.positional_values.empty() ? positional_of(command.name)
                                                               : CompletionKind::values;
      }
    }
    model.commands.push_back(std::move(command));
  }
  return model;
}

std::string bash_completion(const CompletionModel& model) {
  return "# bash completion for kpi, generated by `kpi completion bash`: do not edit.\n" +
         shared_body(model, false) + "complete -F _kpi kpi\n";
}

std::string zsh_completion(const CompletionModel& model) {
  return "#compdef kpi\n# zsh completion for kpi, generated by `kpi completion zsh`: do not "
         "edit.\n" +
         shared_body(model, true) + "_kpi \"$@\"\n";
}

std::string fish_completion(const CompletionModel& model) {
  std::ostringstream out;
  out << "# fish completion for kpi, generated by `kpi completion fish`: do not edit.\n"
         "complete -c kpi -f\n";
  for (const CompletionOption& o : model.global) {
    fish_option(out, o, "__fish_use_subcommand");
  }
  for (const CompletionCommand& c : model.commands) {
    out << "complete -c kpi -n '__fish_use_subcommand' -a " << c.name << " -d "
        << fish_quoted(c.help) << "\n";
  }
  for (const CompletionCommand& c : model.commands) {
    const std::string in = "__fish_seen_subcommand_from " + c.name;
    for (const CompletionOption& o : c.options) {
      fish_option(out, o, in);
    }
    if (c.positional != CompletionKind::none) {
      out << "complete -c kpi -n " << fish_quoted(in)
          << fish_arguments(c.positional, c.positional_values) << "\n";
    }
  }
  return out.str();
}

}  // namespace kpi::cli
