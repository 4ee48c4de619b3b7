#include "prompt.hpp"

#include <fmt/format.h>

#include <functional>
#include <istream>
#include <ostream>

#include "kpi/error.hpp"
#include "kpi/util/suggest.hpp"
#include "kpi/validate/validate.hpp"

namespace kpi::cli {

std::optional<std::string> Prompter::ask(std::string_view question, std::string_view fallback) {
  m_out << question;
  if (!fallback.empty()) {
    m_out << " [" << fallback << "]";
  }
  m_out << ": " << std::flush;
  std::string line;
  if (!std::getline(m_in, line)) {
    m_out << "\n";
    return std::nullopt;
  }
  while (!line.empty() && (line.back() == '\r' || line.back() == ' ' || line.back() == '\t')) {
    line.pop_back();
  }
  size_t first = line.find_first_not_of(" \t");
  line = first == std::string::npos ? std::string() : line.substr(first);
  return line.empty() ? std::string(fallback) : line;
}

void Prompter::say(std::string_view text) { m_out << "  " << text << "\n"; }

namespace {

/// The interview's state: stops at the first abort.
class Interview {
 public:
  Interview(const std::string& id, DefineFields& f, const Workspace& ws, Prompter& p)
      : m_id(id), m_f(f), m_ws(ws), m_p(p) {}

  bool run() {
    m_p.say("Defining KPI " + m_id + ". Enter takes the [default]; Ctrl-D stops, writing nothing.");
    return outcome() && measure() && achievable() && accountable() && relevant() && timely();
  }

 private:
  /// Asks for `field` unless given; `required` answers may not be empty.
  bool ask(std::optional<std::string>& field, std::string_view question, bool required,
           std::string_view fallback = {}) {
    if (field) {
      return true;
    }
    std::optional<std::string> answer = m_p.ask(question, fallback);
    if (!answer || (required && answer->empty())) {
      return false;
    }
    if (!answer->empty()) {
      field = *answer;
    }
    return true;
  }

  /// Asks until `check` accepts the answer (it returns an empty string) or the user stops.
  template <typename Check>
  bool ask_checked(std::optional<std::string>& field, std::string_view question, bool required,
                   std::string_view fallback, Check check) {
    if (field) {
      return true;
    }
    for (;;) {
      if (!ask(field, question, required, fallback)) {
        return false;
      }
      std::string problem = field ? check(*field) : std::string();
      if (problem.empty()) {
        return true;
      }
      m_p.say(problem);
      field.reset();
    }
  }

  /// Warns about a vague goal and asks once more, the first answer as the default.
  /// Values given as flags are left to the validator.
  bool ask_specific(std::optional<std::string>& field, std::string_view question, bool required) {
    if (field) {
      return true;
    }
    if (!ask(field, question, required)) {
      return false;
    }
    std::string word = field ? vague_word(*field) : std::string();
    if (word.empty()) {
      return true;
    }
    m_p.say("warning: '" + word + "' says which way, not how far or what is counted.");
    m_p.say("For example: \"Net revenue invoiced in the month, excluding VAT\", with a target.");
    std::string first = *field;
    field.reset();
    return ask(field, question, required, first);
  }

  bool outcome() {
    if (!m_f.name || !m_f.description) {
      m_p.say("Specific: what outcome does it measure?");
    }
    return ask_specific(m_f.name, "Name (a few words)", true) &&
           ask_specific(m_f.description, "Description (what is counted, and how)", false);
  }

  bool measure() {
    if (!m_f.unit || !m_f.direction || (!m_f.formula && (!m_f.source || !m_f.aggregate))) {
      m_p.say("Measurable: how is it measured?");
    }
    if (!ask(m_f.unit, "Unit of measure (VND, orders, %, hours...)", true)) {
      return false;
    }
    if (!m_f.formula) {
      if (!ask(m_f.source, "Source (the system or report the number comes from)", false) ||
          !ask_checked(m_f.aggregate, "Aggregate (sum, mean, min, max, last, count)", false, "sum",
                       check_field(&DefineFields::aggregate))) {
        return false;
      }
    }
    return ask_checked(m_f.direction, "Direction (higher, lower, range)", false, "higher",
                       check_field(&DefineFields::direction));
  }

  bool achievable() {
    if (!m_f.target || !m_f.baseline) {
      m_p.say("Achievable: how far, and where do we stand?");
    }
    const bool range = m_f.direction == "range";
    if (!ask_checked(m_f.target,
                     range ? "Target range (LOW,HIGH; empty: tracked, not scored)"
                           : "Target per period (empty: tracked, not scored)",
                     false, {}, check_field(&DefineFields::target)) ||
        !ask_checked(m_f.baseline, "Baseline (the current value; empty: unknown)", false, {},
                     check_field(&DefineFields::baseline))) {
      return false;
    }
    if (std::optional<double> stretch = stretch_percent(to_kpi(m_id, m_f))) {
      const double max = m_ws.settings.max_stretch;
      if (*stretch > max) {
        m_p.say(
            fmt::format("warning: the target lies {:.1f} % beyond the baseline, more than "
                        "max_stretch {} %; is it within reach?",
                        *stretch, max));
      }
    }
    return true;
  }

  bool accountable() {
    if (m_f.owner && !m_f.assigned_to.empty()) {
      return true;
    }
    m_p.say("Accountable: who answers for it?");
    std::vector<std::string> entities;
    for (const Unit& u : m_ws.units) {
      entities.push_back(u.id);
    }
    for (const Person& p : m_ws.people) {
      entities.push_back(p.id);
    }
    if (!entities.empty()) {
      m_p.say("Units and people: " + join(entities));
    }
    auto known = [this, entities](const std::string& id) {
      if (m_ws.find_unit(id) || m_ws.find_person(id) || entities.empty()) {
        return std::string();
      }
      std::string hint = did_you_mean(id, entities);
      return "no unit or person '" + id + "'" + (hint.empty() ? "" : "; " + hint);
    };
    if (!ask_checked(m_f.owner, "Owner (the accountable unit or person)", true, {}, known)) {
      return false;
    }
    if (!m_f.assigned_to.empty()) {
      return true;
    }
    std::optional<std::string> assigned;
    if (!ask_checked(assigned, "Assigned to (ids, comma-separated, or members)", false, *m_f.owner,
                     [&](const std::string& text) {
                       for (const std::string& id : split_list(text)) {
                         if (id != "members" && !known(id).empty()) {
                           return known(id);
                         }
                       }
                       return std::string();
                     })) {
      return false;
    }
    if (assigned && *assigned != *m_f.owner) {
      m_f.assigned_to = split_list(*assigned);
    }
    return true;
  }

  bool relevant() {
    if (m_f.aligned_to) {
      return true;
    }
    m_p.say("Relevant: which goal does it serve?");
    std::vector<std::string> ids;
    for (const Kpi& k : m_ws.kpis) {
      ids.push_back(k.id);
    }
    if (!ids.empty()) {
      m_p.say("KPIs: " + join(ids));
    }
    auto known = [this, ids](const std::string& id) {
      if (m_ws.find_kpi(id)) {
        return std::string();
      }
      std::string hint = did_you_mean(id, ids);
      return "no KPI '" + id + "'" + (hint.empty() ? "" : "; " + hint);
    };
    if (!ask_checked(m_f.aligned_to, "Aligned to (the KPI it serves; empty: none)", false, {},
                     known)) {
      return false;
    }
    if (!m_f.aligned_to) {
      return ask_checked(m_f.type, "Type (strategic, operational, functional)", false, "strategic",
                         check_field(&DefineFields::type));
    }
    return true;
  }

  bool timely() {
    if (m_f.period) {
      return true;
    }
    m_p.say("Time-bound: how often is it measured?");
    return ask_checked(m_f.period, "Period (daily, weekly, monthly, quarterly, yearly)", true,
                       "monthly", check_field(&DefineFields::period));
  }

  /// A check that reads one field through to_kpi and returns its message.
  std::function<std::string(const std::string&)> check_field(
      std::optional<std::string> DefineFields::*member) {
    return [this, member](const std::string& text) {
      DefineFields probe;
      probe.*member = text;
      try {
        to_kpi(m_id, probe);
      } catch (const Error& e) {
        return e.diagnostic.message;
      }
      return std::string();
    };
  }

  static std::string join(const std::vector<std::string>& items) {
    std::string out;
    for (const std::string& item : items) {
      out += (out.empty() ? "" : ", ") + item;
    }
    return out;
  }

  const std::string& m_id;
  DefineFields& m_f;
  const Workspace& m_ws;
  Prompter& m_p;
};

}  // namespace

bool interview(const std::string& id, DefineFields& fields, const Workspace& workspace,
               Prompter& prompter) {
  return Interview(id, fields, workspace, prompter).run();
}

}  // namespace kpi::cli
