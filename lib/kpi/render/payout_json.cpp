// kpi.payout/1: the payout sheet for a payroll system (kpi-payout(1)).
#include "kpi/render/render.hpp"
#include "kpi/render/score_json.hpp"

namespace kpi {

namespace {

using render::Json;
using render::or_null;

Json payout_row_json(const PayoutRow& row) {
  Json j;
  j["id"] = row.id;
  j["name"] = row.name;
  j["unit"] = row.unit;
  j["total"] = or_null(row.total);
  j["coverage"] = or_null(row.coverage);
  j["tier"] = or_null(row.tier);
  j["multiplier"] = or_null(row.multiplier);
  j["bonus_base"] = or_null(row.bonus_base);
  j["active_share"] = row.active_share;
  j["amount"] = or_null(row.amount);
  j["withheld"] = or_null(row.withheld);
  return j;
}

}  // namespace

void render_payout_json(std::ostream& out, const Payout& payout) {
  Json j;
  j["schema"] = "kpi.payout/1";
  j["workspace"] = payout.workspace;
  j["period"]["token"] = payout.token;
  j["period"]["start"] = format_date(payout.period.start);
  j["period"]["end"] = format_date(payout.period.end);
  j["as_of"] = format_date(payout.as_of);
  j["people"] = Json::array();
  for (const PayoutRow& row : payout.people) {
    j["people"].push_back(payout_row_json(row));
  }
  j["total_amount"] = payout.total_amount;
  j["paid"] = payout.paid;
  j["withheld"] = payout.withheld;
  j["warnings"] = Json::array();
  for (const Diagnostic& d : payout.warnings) {
    j["warnings"].push_back(render::warning_json(d));
  }
  out << j.dump(2, ' ', false, Json::error_handler_t::replace) << '\n';
}

}  // namespace kpi
