#include <boost/test/unit_test.hpp>

#include "helpers.hpp"

using namespace kpi;
using namespace kpi::vtest;

BOOST_AUTO_TEST_SUITE(validate_smart)

namespace {

std::vector<Diagnostic> check_kpi(const Fields& changes) {
  return check(k_base + "kpis:\n" + block("k.a", changes));
}

}  // namespace

BOOST_AUTO_TEST_CASE(a_missing_description_points_at_the_kpi) {
  Diagnostic d = one(check_kpi({{"description", "~"}}), "smart-description");
  BOOST_TEST(at(d) == "17:5");
  BOOST_TEST((d.severity == Severity::warning));
}

BOOST_AUTO_TEST_CASE(a_description_of_two_words) {
  Diagnostic d = one(check_kpi({{"description", "Net revenue"}}), "smart-description");
  BOOST_TEST(at(d) == "19:18");
  BOOST_TEST(d.message ==
             "the description of k.a has fewer than 3 words; say what is counted and how");
}

BOOST_AUTO_TEST_CASE(a_description_of_three_words_passes) {
  BOOST_TEST(
      of_rule(check_kpi({{"description", "Net invoiced revenue"}}), "smart-description").empty());
}

BOOST_AUTO_TEST_CASE(a_vague_name_without_number_or_target) {
  Diagnostic d =
      one(check_kpi({{"name", "Improve customer happiness"}, {"target", "~"}}), "smart-vague");
  BOOST_TEST(at(d) == "18:11");
  BOOST_TEST(d.message ==
             "the name of k.a says 'improve' without a number and the KPI has no target; state "
             "how far, e.g. a target");
}

BOOST_AUTO_TEST_CASE(a_vague_description_is_found_too) {
  Diagnostic d = one(check_kpi({{"description", "We want to reduce churn a lot"}, {"target", "~"}}),
                     "smart-vague");
  BOOST_TEST(at(d) == "19:18");
}

BOOST_AUTO_TEST_CASE(a_vague_word_passes_with_a_number_or_a_target) {
  BOOST_TEST(
      of_rule(check_kpi({{"name", "Improve NPS to 40"}, {"target", "~"}}), "smart-vague").empty());
  BOOST_TEST(of_rule(check_kpi({{"name", "Improve customer happiness"}}), "smart-vague").empty());
  // A word that only contains a stem elsewhere is no vague verb.
  BOOST_TEST(
      of_rule(check_kpi({{"name", "Moreover revenue"}, {"target", "~"}}), "smart-vague").empty());
}

BOOST_AUTO_TEST_CASE(no_target) {
  Diagnostic d = one(check_kpi({{"target", "~"}}), "smart-target");
  BOOST_TEST(at(d) == "17:5");
  BOOST_TEST(d.message == "k.a has no target, so it is tracked but not scored; add target: N");
}

BOOST_AUTO_TEST_CASE(a_target_passes) {
  BOOST_TEST(of_rule(check_kpi({}), "smart-target").empty());
}

BOOST_AUTO_TEST_CASE(no_source) {
  Diagnostic d = one(check_kpi({{"source", "~"}}), "smart-source");
  BOOST_TEST(at(d) == "17:5");
}

BOOST_AUTO_TEST_CASE(a_formula_kpi_needs_no_source) {
  std::string text =
      k_base + "kpis:\n" + block("k.a") + block("k.b", {{"source", "~"}, {"formula", "2 * k.a"}});
  BOOST_TEST(of_rule(check(text), "smart-source").empty());
}

BOOST_AUTO_TEST_CASE(a_target_too_far_above_the_baseline) {
  Diagnostic d = one(check_kpi({{"target", "160"}, {"baseline", "100"}}), "smart-stretch");
  BOOST_TEST(at(d) == "24:13");
  BOOST_TEST(d.message ==
             "target 160 of k.a lies 60.0 % above the baseline 100, more than max_stretch 50 %; "
             "set a nearer target or raise settings.max_stretch");
}

BOOST_AUTO_TEST_CASE(a_lower_target_too_far_below_the_baseline) {
  Diagnostic d = one(check_kpi({{"target", "40"}, {"direction", "lower"}, {"baseline", "100"}}),
                     "smart-stretch");
  BOOST_TEST(d.message ==
             "target 40 of k.a lies 60.0 % below the baseline 100, more than max_stretch 50 %; "
             "set a nearer target or raise settings.max_stretch");
}

BOOST_AUTO_TEST_CASE(a_stretch_within_max_stretch_passes) {
  // Exactly 50 % is allowed; so is any target for the other direction.
  BOOST_TEST(of_rule(check_kpi({{"target", "150"}, {"baseline", "100"}}), "smart-stretch").empty());
  BOOST_TEST(of_rule(check_kpi({{"target", "10"}, {"baseline", "100"}}), "smart-stretch").empty());
  std::string raised = "version: 1\nname: T\nsettings:\n  max_stretch: 80\n" +
                       k_base.substr(k_base.find("frames:")) + "kpis:\n" +
                       block("k.a", {{"target", "160"}, {"baseline", "100"}});
  BOOST_TEST(of_rule(check(raised), "smart-stretch").empty());
}

BOOST_AUTO_TEST_CASE(not_strategic_and_not_aligned) {
  Diagnostic d = one(check_kpi({{"type", "operational"}}), "smart-aligned");
  BOOST_TEST(at(d) == "17:5");
  BOOST_TEST(d.message ==
             "k.a serves no goal; add aligned_to: <the KPI it serves>, or type: strategic");
  // No type at all is not strategic either.
  BOOST_TEST(of_rule(check_kpi({{"type", "~"}}), "smart-aligned").size() == 1u);
}

BOOST_AUTO_TEST_CASE(strategic_or_aligned_passes) {
  BOOST_TEST(of_rule(check_kpi({}), "smart-aligned").empty());
  std::string text = k_base + "kpis:\n" + block("k.a") +
                     block("k.b", {{"type", "operational"}, {"aligned_to", "k.a"}});
  BOOST_TEST(of_rule(check(text), "smart-aligned").empty());
}

BOOST_AUTO_TEST_CASE(a_deadline_before_an_override_period) {
  Diagnostic d = one(
      check_kpi({{"deadline", "2026-06-30"}, {"overrides", "[{period: 2026-12, target: 120}]"}}),
      "smart-deadline");
  BOOST_TEST(at(d) == "26:15");
  BOOST_TEST(d.message ==
             "deadline 2026-06-30 of k.a lies before the override period 2026-12 starts; move "
             "the deadline or drop the override");
}

BOOST_AUTO_TEST_CASE(a_deadline_after_the_override_periods_passes) {
  BOOST_TEST(of_rule(check_kpi({{"deadline", "2026-12-31"},
                                {"overrides", "[{period: 2026-12, target: 120}]"}}),
                     "smart-deadline")
                 .empty());
}

BOOST_AUTO_TEST_CASE(vague_word_finds_the_first_stem_lower_cased) {
  BOOST_TEST(vague_word("Improve customer happiness") == "improve");
  BOOST_TEST(vague_word("Get MORE leads, boost sales") == "more");
  BOOST_TEST(vague_word("Reduced churn") == "reduced");
  BOOST_TEST(vague_word("Net revenue invoiced in the month") == "");
  BOOST_TEST(vague_word("") == "");
}

BOOST_AUTO_TEST_CASE(stretch_percent_in_the_direction_of_the_kpi) {
  Kpi k;
  k.target = Target{150, 150, false};
  k.baseline = 100;
  BOOST_TEST(*stretch_percent(k) == 50.0);
  k.direction = Direction::lower;
  k.target = Target{60, 60, false};
  BOOST_TEST(*stretch_percent(k) == 40.0);
  k.baseline = 0;
  BOOST_TEST(!stretch_percent(k).has_value());
  k.baseline = 100;
  k.direction = Direction::range;
  BOOST_TEST(!stretch_percent(k).has_value());
}

BOOST_AUTO_TEST_SUITE_END()
