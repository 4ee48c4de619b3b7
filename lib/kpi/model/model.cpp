#include "kpi/model/model.hpp"

#include <algorithm>
#include <unordered_map>

namespace kpi {

namespace {

template <typename T>
const T* find_by_id(const std::vector<T>& items, std::string_view id) {
  auto it = std::find_if(items.begin(), items.end(), [&](const T& t) { return t.id == id; });
  return it == items.end() ? nullptr : &*it;
}

}  // namespace

void Positions::set(const std::string& key, const SourceLocation& key_at,
                    const SourceLocation& value_at) {
  if (mapping.file.empty()) {
    mapping.file = value_at.file;
  }
  Entry entry{key, key_at.line, key_at.column, value_at.line, value_at.column};
  for (Entry& e : m_entries) {
    if (e.key == key) {
      e = std::move(entry);
      return;
    }
  }
  m_entries.push_back(std::move(entry));
}

const Positions::Entry* Positions::find(const std::string& key) const {
  for (const Entry& e : m_entries) {
    if (e.key == key) {
      return &e;
    }
  }
  return nullptr;
}

SourceLocation Positions::at(const std::string& key) const {
  const Entry* e = find(key);
  return e == nullptr ? mapping : SourceLocation{mapping.file, e->line, e->column};
}

SourceLocation Positions::key_at(const std::string& key) const {
  const Entry* e = find(key);
  return e == nullptr ? mapping : SourceLocation{mapping.file, e->key_line, e->key_column};
}

const Kpi* Workspace::find_kpi(std::string_view id) const { return find_by_id(kpis, id); }
const Unit* Workspace::find_unit(std::string_view id) const { return find_by_id(units, id); }
const Person* Workspace::find_person(std::string_view id) const { return find_by_id(people, id); }
const Frame* Workspace::find_frame(std::string_view id) const { return find_by_id(frames, id); }

const Frame* Workspace::frame_of(const Kpi& kpi) const {
  if (!kpi.frame.empty()) {
    return find_frame(kpi.frame);
  }
  if (!settings.default_frame.empty()) {
    return find_frame(settings.default_frame);
  }
  return frames.empty() ? nullptr : &frames.front();
}

std::vector<std::string> Workspace::assignees_of(const Kpi& kpi) const {
  if (kpi.assigned_to_members) {
    std::vector<std::string> members;
    for (const Person& p : people) {
      if (p.member_of == kpi.owner) {
        members.push_back(p.id);
      }
    }
    return members;
  }
  if (kpi.assigned_to.empty()) {
    return {kpi.owner};
  }
  return kpi.assigned_to;
}

std::vector<std::vector<std::string>> Workspace::assignees_of_all() const {
  // The people of each unit in definition order, as assignees_of lists them.
  std::unordered_map<std::string_view, std::vector<const std::string*>> members;
  if (std::any_of(kpis.begin(), kpis.end(), [](const Kpi& k) { return k.assigned_to_members; })) {
    for (const Person& p : people) {
      members[p.member_of].push_back(&p.id);
    }
  }
  std::vector<std::vector<std::string>> all;
  all.reserve(kpis.size());
  for (const Kpi& kpi : kpis) {
    if (!kpi.assigned_to_members) {
      all.push_back(assignees_of(kpi));
      continue;
    }
    std::vector<std::string>& ids = all.emplace_back();
    if (auto it = members.find(kpi.owner); it != members.end()) {
      for (const std::string* id : it->second) {
        ids.push_back(*id);
      }
    }
  }
  return all;
}

std::string_view to_string(Direction v) {
  switch (v) {
    case Direction::higher:
      return "higher";
    case Direction::lower:
      return "lower";
    case Direction::range:
      return "range";
  }
  return "";
}

std::string_view to_string(Aggregate v) {
  switch (v) {
    case Aggregate::sum:
      return "sum";
    case Aggregate::mean:
      return "mean";
    case Aggregate::min:
      return "min";
    case Aggregate::max:
      return "max";
    case Aggregate::last:
      return "last";
    case Aggregate::count:
      return "count";
  }
  return "";
}

std::string_view to_string(Basis v) {
  switch (v) {
    case Basis::ratio:
      return "ratio";
    case Basis::progress:
      return "progress";
    case Basis::value:
      return "value";
  }
  return "";
}

std::string_view to_string(FrameMethod v) { return v == FrameMethod::bands ? "bands" : "linear"; }

std::string_view to_string(KpiType v) {
  switch (v) {
    case KpiType::strategic:
      return "strategic";
    case KpiType::operational:
      return "operational";
    case KpiType::functional:
      return "functional";
  }
  return "";
}

std::string_view to_string(Indicator v) { return v == Indicator::leading ? "leading" : "lagging"; }

std::string_view to_string(MissingPolicy v) {
  switch (v) {
    case MissingPolicy::skip:
      return "skip";
    case MissingPolicy::zero:
      return "zero";
    case MissingPolicy::error:
      return "error";
  }
  return "skip";
}

std::string_view to_string(RewardIncomplete v) {
  return v == RewardIncomplete::withhold ? "withhold" : "pay";
}

std::string_view to_string(Status v) {
  switch (v) {
    case Status::green:
      return "green";
    case Status::amber:
      return "amber";
    case Status::red:
      return "red";
    case Status::none:
      return "none";
  }
  return "";
}

bool is_valid_id(std::string_view id) {
  if (id.empty() || id.size() > 64) {
    return false;
  }
  auto lower_or_digit = [](char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'); };
  if (!lower_or_digit(id[0])) {
    return false;
  }
  return std::all_of(id.begin() + 1, id.end(),
                     [&](char c) { return lower_or_digit(c) || c == '_' || c == '.' || c == '-'; });
}

}  // namespace kpi
