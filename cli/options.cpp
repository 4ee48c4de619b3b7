#include "options.hpp"

#include "kpi/period/shift.hpp"
#include "kpi/util/suggest.hpp"
#include "workspace.hpp"

namespace kpi::cli {

namespace {

std::vector<std::string> entity_ids(const Workspace& ws) {
  std::vector<std::string> ids;
  for (const Person& p : ws.people) {
    ids.push_back(p.id);
  }
  for (const Unit& u : ws.units) {
    ids.push_back(u.id);
  }
  return ids;
}

void require_known(const std::string& option, const std::string& value,
                   const std::vector<std::string>& known, const std::string& what) {
  for (const std::string& id : known) {
    if (id == value) {
      return;
    }
  }
  Error error = usage_error("unknown-" + what, option + ": no " + what + " '" + value + "'");
  error.diagnostic.hint = did_you_mean(value, known);
  throw error;
}

bool is_relative(const std::string& token) {
  for (const std::string& word : relative_period_words()) {
    if (token.find(word) != std::string::npos) {
      return true;
    }
  }
  return false;
}

}  // namespace

ScoreRequest resolve_period_request(const std::string& period, const std::string& as_of) {
  ScoreRequest request;
  request.as_of = today();
  if (!as_of.empty()) {
    std::optional<Date> day = parse_date(as_of);
    if (!day) {
      throw usage_error("bad-value", "--as-of: '" + as_of + "' is not a real day (YYYY-MM-DD)");
    }
    request.as_of = *day;
  }
  PeriodParse parsed = parse_period(period, request.as_of);
  if (!parsed.period) {
    throw usage_error("bad-value", "--period: " + parsed.error);
  }
  request.token = is_relative(period) ? absolute_token(*parsed.period) : period;
  request.period = *parsed.period;
  return request;
}

void check_filters(const Workspace& ws, const ScoreRequest& request) {
  const std::vector<std::string> entities = entity_ids(ws);
  for (const std::string& e : request.entities) {
    require_known("--entity", e, entities, "entity");
  }
  if (request.unit) {
    std::vector<std::string> units;
    for (const Unit& u : ws.units) {
      units.push_back(u.id);
    }
    require_known("--unit", *request.unit, units, "unit");
  }
  std::vector<std::string> kpis;
  for (const Kpi& k : ws.kpis) {
    kpis.push_back(k.id);
  }
  for (const std::string& k : request.kpis) {
    require_known("--kpi", k, kpis, "kpi");
  }
}

void print_problem_count(std::ostream& out, size_t shown, int64_t total,
                         const std::string& advice) {
  out << "kpi: ";
  if (static_cast<int64_t>(shown) < total) {
    out << shown << " of " << total << " invalid rows shown";
  } else {
    out << total << (total == 1 ? " invalid row" : " invalid rows");
  }
  out << "; " << advice << "\n";
}

}  // namespace kpi::cli
