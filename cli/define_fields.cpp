#include "define_fields.hpp"

#include <cmath>
#include <cstdlib>
#include <initializer_list>

#include "kpi/error.hpp"

namespace kpi::cli {

namespace {

Error bad_flag(const std::string& flag, const std::string& value, const std::string& expected) {
  return usage_error("bad-value", "--" + flag + " '" + value + "': " + expected);
}

std::string trim(const std::string& text) {
  size_t first = text.find_first_not_of(" \t");
  if (first == std::string::npos) {
    return {};
  }
  return text.substr(first, text.find_last_not_of(" \t") - first + 1);
}

double number(const std::string& flag, const std::string& text) {
  std::string t = trim(text);
  char* end = nullptr;
  double value = t.empty() ? NAN : std::strtod(t.c_str(), &end);
  if (t.empty() || end != t.c_str() + t.size() || !std::isfinite(value) ||
      t.find_first_of("xXnN") != std::string::npos) {
    throw bad_flag(flag, text, "not a number (write digits, e.g. 1500 or 12.5)");
  }
  return value;
}

/// The enum value whose name is `text`, from the names given in order.
template <typename Enum>
Enum choice(const std::string& flag, const std::string& text,
            std::initializer_list<std::pair<const char*, Enum>> names) {
  std::string list;
  for (const auto& [name, value] : names) {
    if (text == name) {
      return value;
    }
    list += (list.empty() ? "" : ", ") + std::string(name);
  }
  throw bad_flag(flag, text, "expected one of " + list);
}

Target target_of(const std::string& text) {
  std::string t = trim(text);
  if (!t.empty() && t.front() == '[' && t.back() == ']') {
    t = t.substr(1, t.size() - 2);
  }
  std::vector<std::string> parts = split_list(t);
  if (parts.size() == 2) {
    return Target{number("target", parts[0]), number("target", parts[1]), true};
  }
  if (parts.size() != 1) {
    throw bad_flag("target", text, "write one number, or LOW,HIGH for direction range");
  }
  double value = number("target", parts[0]);
  return Target{value, value, false};
}

}  // namespace

std::vector<std::string> split_list(const std::string& text) {
  std::vector<std::string> parts;
  size_t begin = 0;
  while (begin <= text.size()) {
    size_t comma = text.find(',', begin);
    std::string part =
        trim(text.substr(begin, comma == std::string::npos ? std::string::npos : comma - begin));
    if (!part.empty()) {
      parts.push_back(part);
    }
    if (comma == std::string::npos) {
      break;
    }
    begin = comma + 1;
  }
  return parts;
}

std::vector<std::string> missing_required(const DefineFields& f) {
  std::vector<std::string> missing;
  for (const auto& [flag, value] :
       {std::pair{"--name", &f.name}, std::pair{"--owner", &f.owner}, std::pair{"--unit", &f.unit},
        std::pair{"--period", &f.period}}) {
    if (!value->has_value() || trim(**value).empty()) {
      missing.emplace_back(flag);
    }
  }
  return missing;
}

Kpi to_kpi(const std::string& id, const DefineFields& f) {
  Kpi k;
  k.id = id;
  k.name = f.name.value_or("");
  k.description = f.description;
  k.owner = f.owner.value_or("");
  if (f.assigned_to.size() == 1 && f.assigned_to.front() == "members") {
    k.assigned_to_members = true;
  } else {
    k.assigned_to = f.assigned_to;
  }
  k.unit = f.unit.value_or("");
  k.source = f.source;
  if (f.direction) {
    k.direction = choice<Direction>(
        "direction", *f.direction,
        {{"higher", Direction::higher}, {"lower", Direction::lower}, {"range", Direction::range}});
  }
  if (f.aggregate) {
    k.aggregate = choice<Aggregate>("aggregate", *f.aggregate,
                                    {{"sum", Aggregate::sum},
                                     {"mean", Aggregate::mean},
                                     {"min", Aggregate::min},
                                     {"max", Aggregate::max},
                                     {"last", Aggregate::last},
                                     {"count", Aggregate::count}});
  }
  if (f.period) {
    k.period = parse_slot_kind(*f.period);
    if (!k.period) {
      throw bad_flag("period", *f.period,
                     "expected one of daily, weekly, monthly, quarterly, yearly");
    }
  }
  if (f.target) {
    k.target = target_of(*f.target);
  }
  if (f.baseline) {
    k.baseline = number("baseline", *f.baseline);
  }
  k.frame = f.frame.value_or("");
  if (f.weight) {
    k.weight = number("weight", *f.weight);
  }
  k.aligned_to = f.aligned_to.value_or("");
  if (f.type) {
    k.type = choice<KpiType>("type", *f.type,
                             {{"strategic", KpiType::strategic},
                              {"operational", KpiType::operational},
                              {"functional", KpiType::functional}});
  }
  if (f.indicator) {
    k.indicator =
        choice<Indicator>("indicator", *f.indicator,
                          {{"leading", Indicator::leading}, {"lagging", Indicator::lagging}});
  }
  if (f.group) {
    if (*f.group != "A" && *f.group != "B" && *f.group != "C") {
      throw bad_flag("group", *f.group, "expected one of A, B, C");
    }
    k.group = f.group;
  }
  if (f.deadline) {
    k.deadline = parse_date(*f.deadline);
    if (!k.deadline) {
      throw bad_flag("deadline", *f.deadline, "not a date (write YYYY-MM-DD)");
    }
  }
  k.tags = f.tags;
  if (f.formula) {
    if (f.aggregate) {
      throw bad_flag("aggregate", *f.aggregate,
                     "a formula KPI has no aggregate; its actual comes from its formula");
    }
    k.formula_text = f.formula;
  }
  return k;
}

}  // namespace kpi::cli
