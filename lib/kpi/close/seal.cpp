// kpi.closed/1: writing, reading and checking the seal of a closed period.

#include "kpi/close/seal.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "kpi/render/score_json.hpp"
#include "kpi/util/sha256.hpp"

namespace kpi {

namespace {

namespace fs = std::filesystem;
using Json = nlohmann::ordered_json;

Error invalid(const std::string& display, const std::string& why) {
  return Error(Diagnostic{"closed-invalid", Severity::error,
                          "'" + display + "' is not a seal of kpi close: " + why,
                          SourceLocation{display, 0, 0},
                          "restore it from git, or remove it (a reviewed commit) to reopen "
                          "the period"},
               k_exit_input);
}

/// A number of score's as text: the shortest that reads back the same; "null".
std::string shown(const Json& v) {
  if (v.is_null()) {
    return "null";
  }
  if (v.is_number()) {
    return fmt::format("{}", v.get<double>());
  }
  if (v.is_object() && v.contains("label")) {  // a reward: "B x1 = 12000000"
    std::string text = shown(v["label"]) + " x" + shown(v.value("multiplier", Json(nullptr)));
    const Json amount = v.value("amount", Json(nullptr));
    return amount.is_null() ? text : text + " = " + shown(amount);
  }
  return v.is_string() ? v.get<std::string>() : v.dump();
}

void compare(const std::string& subject, const char* field, const Json& then, const Json& now,
             SealCheck& out) {
  const Json a = then.contains(field) ? then[field] : Json(nullptr);
  const Json b = now.contains(field) ? now[field] : Json(nullptr);
  if (a == b) {
    return;
  }
  ++out.differences_total;
  if (out.differences.size() < 20) {
    out.differences.push_back(subject + " " + field + ": " + shown(a) + " -> " + shown(b));
  }
}

const Json* find_by_id(const Json& list, const std::string& id) {
  if (!list.is_array()) {
    return nullptr;
  }
  for (const Json& item : list) {
    if (item.is_object() && item.value("id", "") == id) {
      return &item;
    }
  }
  return nullptr;
}

/// The list `key` of `object`, or an empty one (a reference: find_by_id points into it).
const Json& list_of(const Json& object, const char* key) {
  static const Json k_none = Json::array();
  return object.is_object() && object.contains(key) ? object[key] : k_none;
}

/// Every number of score's per entity and KPI, sealed against now.
void compare_scores(const Json& then, const Json& now, SealCheck& out) {
  static const Json k_empty = Json::object();
  for (const Json& entity : list_of(now, "entities")) {
    const std::string id = entity.value("id", "");
    const Json* before = find_by_id(list_of(then, "entities"), id);
    const Json& b = before != nullptr ? *before : k_empty;
    for (const char* field : {"total", "coverage", "reward", "withheld"}) {
      compare(id, field, b, entity, out);
    }
    for (const Json& kpi : list_of(entity, "kpis")) {
      const std::string kid = kpi.value("id", "");
      const Json* kb = find_by_id(list_of(b, "kpis"), kid);
      for (const char* field :
           {"actual", "target", "achievement", "points", "score", "weight", "status", "rows"}) {
        compare(id + " " + kid, field, kb != nullptr ? *kb : k_empty, kpi, out);
      }
    }
  }
}

}  // namespace

std::string seal_path(const std::string& token) {
  std::string name = token;
  for (size_t at = name.find(".."); at != std::string::npos; at = name.find("..")) {
    name.replace(at, 2, "_");
  }
  return std::string(k_closed_folder) + "/" + name + ".json";
}

std::vector<SealedFile> hash_files(const std::string& root, std::vector<std::string> paths) {
  std::sort(paths.begin(), paths.end());
  paths.erase(std::unique(paths.begin(), paths.end()), paths.end());
  std::vector<SealedFile> out;
  for (const std::string& path : paths) {
    const fs::path full = fs::path(path).is_absolute() ? fs::path(path) : fs::path(root) / path;
    std::string error;
    std::optional<std::string> digest = sha256_file(full.string(), error);
    if (!digest) {
      throw usage_error("unreadable-file", "cannot read '" + path + "': " + error, path);
    }
    out.push_back(SealedFile{path, *digest});
  }
  return out;
}

std::string seal_document(const ScoreResult& scored, const std::vector<SealedFile>& files) {
  Json j;
  j["schema"] = "kpi.closed/1";
  j["period"] = Json{{"token", scored.token},
                     {"start", format_date(scored.period.start)},
                     {"end", format_date(scored.period.end)}};
  j["as_of"] = format_date(scored.as_of);
  j["files"] = Json::array();
  for (const SealedFile& f : files) {
    j["files"].push_back(Json{{"path", f.path}, {"sha256", f.sha256}});
  }
  j["score"] = render::score_json(scored);
  return j.dump(2, ' ', false, Json::error_handler_t::replace) + "\n";
}

ClosedPeriod read_seal(const std::string& path, const std::string& display) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    throw invalid(display, "it cannot be read");
  }
  std::ostringstream text;
  text << in.rdbuf();
  Json j = Json::parse(text.str(), nullptr, false);
  if (j.is_discarded() || !j.is_object() || j.value("schema", "") != "kpi.closed/1") {
    throw invalid(display, "it is not a kpi.closed/1 JSON document");
  }
  ClosedPeriod c;
  c.file = display;
  try {
    c.token = j.at("period").at("token").get<std::string>();
    const std::optional<Date> start = parse_date(j.at("period").at("start").get<std::string>());
    const std::optional<Date> end = parse_date(j.at("period").at("end").get<std::string>());
    const std::optional<Date> as_of = parse_date(j.at("as_of").get<std::string>());
    if (!start || !end || !as_of || *end < *start) {
      throw invalid(display, "its period or as-of date is not a day");
    }
    c.period = Period{*start, *end};
    c.as_of = *as_of;
    for (const Json& f : j.at("files")) {
      c.files.push_back(
          SealedFile{f.at("path").get<std::string>(), f.at("sha256").get<std::string>()});
    }
    c.score_json = j.at("score").dump();
  } catch (const Json::exception& e) {
    throw invalid(display,
                  std::string("a field is missing or of the wrong type (") + e.what() + ")");
  }
  return c;
}

std::vector<ClosedPeriod> read_seals(const std::string& root) {
  std::vector<ClosedPeriod> out;
  std::error_code ec;
  const fs::path folder = fs::path(root) / k_closed_folder;
  if (!fs::is_directory(folder, ec)) {
    return out;
  }
  std::vector<std::string> names;
  for (const fs::directory_entry& e : fs::directory_iterator(folder, ec)) {
    if (e.path().extension() == ".json" && e.is_regular_file(ec)) {
      names.push_back(e.path().filename().string());
    }
  }
  std::sort(names.begin(), names.end());
  for (const std::string& name : names) {
    out.push_back(read_seal((folder / name).string(), std::string(k_closed_folder) + "/" + name));
  }
  return out;
}

SealCheck check_seal(const ClosedPeriod& seal, const std::vector<SealedFile>& now,
                     const ScoreResult& scored) {
  SealCheck out;
  for (const SealedFile& then : seal.files) {
    auto it = std::find_if(now.begin(), now.end(),
                           [&](const SealedFile& f) { return f.path == then.path; });
    if (it == now.end() || it->sha256 != then.sha256) {
      out.changed.push_back(then.path);
    }
  }
  for (const SealedFile& f : now) {
    auto it = std::find_if(seal.files.begin(), seal.files.end(),
                           [&](const SealedFile& s) { return s.path == f.path; });
    if (it == seal.files.end()) {
      out.added.push_back(f.path);
    }
  }
  out.as_of_differs = seal.as_of != scored.as_of;
  compare_scores(Json::parse(seal.score_json), render::score_json(scored), out);
  return out;
}

Diagnostic closed_changed(const ClosedPeriod& seal, const SealCheck& check, bool strict) {
  std::string message = seal.token + " was closed (" + seal.file + ")";
  if (!check.changed.empty()) {
    message += fmt::format("; changed since: {}", fmt::join(check.changed, ", "));
  }
  if (!check.added.empty()) {
    message += fmt::format("; new since: {}", fmt::join(check.added, ", "));
  }
  if (check.as_of_differs) {
    message += "; it was scored as of " + format_date(seal.as_of);
  }
  if (check.differences_total == 0) {
    message += "; no number differs";
  } else {
    message +=
        fmt::format("; {} number{} differ{}: {}", check.differences_total,
                    check.differences_total == 1 ? "" : "s",
                    check.differences_total == 1 ? "s" : "", fmt::join(check.differences, "; "));
    if (check.differences_total > check.differences.size()) {
      message += "; ...";
    }
  }
  return Diagnostic{"closed-changed", strict ? Severity::error : Severity::warning, message,
                    SourceLocation{seal.file, 0, 0},
                    "the paid numbers are the seal's; restore the files from git, or remove "
                    "the seal (a reviewed commit) to reopen the period"};
}

}  // namespace kpi
