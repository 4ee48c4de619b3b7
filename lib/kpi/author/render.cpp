// A KPI as a YAML list entry, in the order format.md lists the fields.

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <utility>

#include "kpi/author/author.hpp"

namespace kpi {

namespace {

/// Words YAML 1.1 and 1.2 read as booleans or null.
constexpr std::array<std::string_view, 13> k_special_words = {
    "true", "false", "yes", "no", "on", "off", "y", "n", "null", "~", "nan", "inf", ".inf"};

bool needs_quotes(std::string_view text, bool in_flow) {
  if (text.empty() || text.front() == ' ' || text.back() == ' ' || text.back() == ':') {
    return true;
  }
  if (std::string_view("-?:,[]{}#&*!|>'\"%@`+.").find(text.front()) != std::string_view::npos) {
    return true;
  }
  // Numbers, dates and times (2026, 1e3, 0x1f, 2026-12-31, 12:30) would not read back
  // as strings; "100 * a / b" or "1st" would.
  if (std::isdigit(static_cast<unsigned char>(text.front())) != 0 &&
      text.find_first_not_of("0123456789+-.:_eExXoObBaAcCdDfF") == std::string_view::npos) {
    return true;
  }
  if (text.find(": ") != std::string_view::npos || text.find(" #") != std::string_view::npos) {
    return true;
  }
  if (in_flow && text.find_first_of(",[]{}") != std::string_view::npos) {
    return true;
  }
  for (char c : text) {
    if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f) {
      return true;
    }
  }
  std::string lower;
  for (char c : text) {
    lower += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  }
  return std::find(k_special_words.begin(), k_special_words.end(), lower) != k_special_words.end();
}

std::string quoted(std::string_view text) {
  std::string out = "\"";
  for (char c : text) {
    const auto byte = static_cast<unsigned char>(c);
    if (c == '"' || c == '\\') {
      out += '\\';
      out += c;
    } else if (c == '\n') {
      out += "\\n";
    } else if (c == '\t') {
      out += "\\t";
    } else if (byte < 0x20 || byte == 0x7f) {
      out += fmt::format("\\x{:02x}", byte);
    } else {
      out += c;
    }
  }
  return out + "\"";
}

std::string flow_scalar(std::string_view text) {
  return needs_quotes(text, true) ? quoted(text) : std::string(text);
}

std::string flow_list(const std::vector<std::string>& items) {
  std::string out = "[";
  for (const std::string& item : items) {
    out += (out.size() > 1 ? ", " : "") + flow_scalar(item);
  }
  return out + "]";
}

std::string number(double value) { return fmt::format("{}", value); }

using Fields = std::vector<std::pair<std::string_view, std::string>>;

Fields fields_of(const Kpi& k) {
  Fields f;
  auto add = [&f](std::string_view key, std::string value) { f.emplace_back(key, value); };
  add("name", yaml_scalar(k.name));
  if (k.description) {
    add("description", yaml_scalar(*k.description));
  }
  add("owner", yaml_scalar(k.owner));
  if (k.assigned_to_members) {
    add("assigned_to", "members");
  } else if (!k.assigned_to.empty()) {
    add("assigned_to", flow_list(k.assigned_to));
  }
  add("unit", yaml_scalar(k.unit));
  if (k.source) {
    add("source", yaml_scalar(*k.source));
  }
  if (k.formula_text) {
    add("formula", yaml_scalar(*k.formula_text));
  }
  if (k.direction != Direction::higher) {
    add("direction", std::string(to_string(k.direction)));
  }
  if (k.aggregate != Aggregate::sum && !k.is_formula()) {
    add("aggregate", std::string(to_string(k.aggregate)));
  }
  if (k.period) {
    add("period", std::string(to_string(*k.period)));
  }
  if (k.target) {
    add("target", k.target->is_range
                      ? fmt::format("[{}, {}]", number(k.target->low), number(k.target->high))
                      : number(k.target->value()));
  }
  if (k.baseline) {
    add("baseline", number(*k.baseline));
  }
  if (!k.frame.empty()) {
    add("frame", yaml_scalar(k.frame));
  }
  if (k.weight != 1) {
    add("weight", number(k.weight));
  }
  if (!k.aligned_to.empty()) {
    add("aligned_to", yaml_scalar(k.aligned_to));
  }
  if (k.cascade_sum) {
    add("cascade", "sum");
  }
  if (k.type) {
    add("type", std::string(to_string(*k.type)));
  }
  if (k.indicator) {
    add("indicator", std::string(to_string(*k.indicator)));
  }
  if (k.group) {
    add("group", yaml_scalar(*k.group));
  }
  if (k.deadline) {
    add("deadline", format_date(*k.deadline));
  }
  if (!k.tags.empty()) {
    add("tags", flow_list(k.tags));
  }
  return f;
}

}  // namespace

std::string yaml_scalar(std::string_view text) {
  return needs_quotes(text, false) ? quoted(text) : std::string(text);
}

std::string render_kpi_yaml(const Kpi& kpi, const YamlStyle& style) {
  std::string out = std::string(static_cast<size_t>(std::max(style.item_indent, 0)), ' ') +
                    "- id: " + yaml_scalar(kpi.id) + style.newline;
  const std::string indent(static_cast<size_t>(std::max(style.key_indent, 0)), ' ');
  for (const auto& [key, value] : fields_of(kpi)) {
    out += indent + std::string(key) + ": " + value + style.newline;
  }
  return out;
}

}  // namespace kpi
