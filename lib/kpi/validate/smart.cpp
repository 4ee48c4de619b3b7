// SMART warnings: Specific (a description of several words, no vague goal without a
// number), Measurable (target, source), Achievable (stretch over the baseline),
// Relevant (aligned_to unless strategic), Time-bound (a plausible deadline).

#include <fmt/format.h>

#include <cctype>
#include <cmath>

#include "kpi/validate/checks.hpp"
#include "kpi/validate/validate.hpp"

namespace kpi::checks {

namespace {

/// Word stems of goals that say which way without saying how far.
constexpr std::string_view k_vague_stems[] = {"improv", "increas", "better", "enhanc", "optimi",
                                              "maximi", "minimi",  "boost",  "reduc"};

std::vector<std::string> words_of(std::string_view text) {
  std::vector<std::string> words;
  std::string word;
  for (char c : text) {
    if (std::isalpha(static_cast<unsigned char>(c)) != 0) {
      word += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    } else if (!word.empty()) {
      words.push_back(std::move(word));
      word.clear();
    }
  }
  if (!word.empty()) {
    words.push_back(std::move(word));
  }
  return words;
}

bool has_digit(std::string_view text) {
  for (char c : text) {
    if (std::isdigit(static_cast<unsigned char>(c)) != 0) {
      return true;
    }
  }
  return false;
}

int word_count(std::string_view text) {
  int count = 0;
  bool in_word = false;
  for (char c : text) {
    bool space = std::isspace(static_cast<unsigned char>(c)) != 0;
    if (!space && !in_word) {
      ++count;
    }
    in_word = !space;
  }
  return count;
}

void check_specific(Context& context, const Kpi& k) {
  if (!k.description) {
    context.add("smart-description", k.pos.mapping,
                k.id +
                    " has no description; add one that says what is counted, e.g. "
                    "description: Net revenue invoiced in the month");
  } else if (word_count(*k.description) < 3) {
    context.add(
        "smart-description", k.pos.at("description"),
        "the description of " + k.id + " has fewer than 3 words; say what is counted and how");
  }
  if (k.target) {
    return;
  }
  const std::string description = k.description.value_or("");
  if (has_digit(k.name) || has_digit(description)) {
    return;
  }
  for (const char* key : {"name", "description"}) {
    const std::string& text = key == std::string_view("name") ? k.name : description;
    std::string word = vague_word(text);
    if (!word.empty()) {
      context.add("smart-vague", k.pos.at(key),
                  "the " + std::string(key) + " of " + k.id + " says '" + word +
                      "' without a number and the KPI has no target; state how far, e.g. a "
                      "target");
      return;
    }
  }
}

void check_measurable(Context& context, const Kpi& k) {
  if (!k.target) {
    context.add("smart-target", k.pos.mapping,
                k.id + " has no target, so it is tracked but not scored; add target: N");
  }
  // A formula KPI's number comes from its formula, which says where it comes from.
  if (!k.source && !k.is_formula()) {
    context.add("smart-source", k.pos.mapping,
                k.id +
                    " does not say where its number comes from; add source: (system or "
                    "report)");
  }
}

void check_stretch(Context& context, const Kpi& k, double max_stretch) {
  const std::optional<double> percent = stretch_percent(k);
  if (percent && *percent > max_stretch) {
    context.add("smart-stretch", k.pos.at("target"),
                fmt::format("target {} of {} lies {:.1f} % {} the baseline {}, more than "
                            "max_stretch {} %; set a nearer target or raise settings.max_stretch",
                            format_number(k.target->value()), k.id, *percent,
                            k.direction == Direction::higher ? "above" : "below",
                            format_number(*k.baseline), format_number(max_stretch)));
  }
}

void check_deadline(Context& context, const Kpi& k) {
  if (!k.deadline) {
    return;
  }
  for (const Override& o : k.overrides) {
    if (o.period && *k.deadline < o.period->start) {
      context.add("smart-deadline", k.pos.at("deadline"),
                  "deadline " + format_date(*k.deadline) + " of " + k.id +
                      " lies before the override period " + o.period_token +
                      " starts; move the deadline or drop the override");
      return;
    }
  }
}

}  // namespace

void check_smart(Context& context) {
  const Workspace& ws = context.workspace();
  for (const Kpi& k : ws.kpis) {
    check_specific(context, k);
    check_measurable(context, k);
    check_stretch(context, k, ws.settings.max_stretch);
    if (k.type != KpiType::strategic && k.aligned_to.empty()) {
      context.add("smart-aligned", k.pos.mapping,
                  k.id +
                      " serves no goal; add aligned_to: <the KPI it serves>, or type: "
                      "strategic");
    }
    check_deadline(context, k);
  }
}

}  // namespace kpi::checks

namespace kpi {

std::string vague_word(std::string_view text) {
  for (const std::string& w : checks::words_of(text)) {
    if (w == "more") {
      return w;
    }
    for (std::string_view stem : checks::k_vague_stems) {
      if (w.compare(0, stem.size(), stem) == 0) {
        return w;
      }
    }
  }
  return {};
}

std::optional<double> stretch_percent(const Kpi& k) {
  if (!k.target || k.target->is_range || !k.baseline || *k.baseline == 0 ||
      k.direction == Direction::range) {
    return std::nullopt;
  }
  const double target = k.target->value();
  const double baseline = *k.baseline;
  const double beyond = k.direction == Direction::higher ? target - baseline : baseline - target;
  return 100 * beyond / std::fabs(baseline);
}

}  // namespace kpi
