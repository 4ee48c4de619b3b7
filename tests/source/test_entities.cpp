#include <boost/test/unit_test.hpp>

#include "kpi/source/entities.hpp"
#include "kpi/source/text.hpp"
#include "kpi/yaml/definitions.hpp"

using kpi::source::EntityMatch;

namespace {

kpi::Workspace workspace() {
  const kpi::LoadResult r = kpi::load_workspace_text(
      "version: 1\n"
      "units:\n"
      "  - {id: sales, name: Sales, aliases: [Sales Team]}\n"
      "people:\n"
      "  - {id: an, name: Nguyễn Văn An, member_of: sales, aliases: [an@acme.vn]}\n"
      "  - {id: linh, name: Võ Ngọc Linh, member_of: sales, aliases: [Linh V., \"an\"]}\n"
      "  - {id: an2, name: Nguyen Van An, member_of: sales, aliases: [AN@ACME.VN]}\n"
      "  - {id: bao, name: Bảo, member_of: sales, aliases: [sales]}\n",
      "kpi.yaml");
  BOOST_REQUIRE(r.diagnostics.empty());
  return r.workspace;
}

std::string outcome(const EntityMatch& m) {
  switch (m.kind) {
    case EntityMatch::Kind::entity:
      return m.entity;
    case EntityMatch::Kind::ambiguous: {
      std::string out = "ambiguous:";
      for (const std::string& id : m.owners) {
        out += " " + id;
      }
      return out;
    }
    case EntityMatch::Kind::none:
      break;
  }
  return "none" + (m.nearest.empty() ? "" : " ~" + m.nearest);
}

}  // namespace

BOOST_AUTO_TEST_SUITE(source_entities)

BOOST_AUTO_TEST_CASE(ids_then_names_then_aliases) {
  const kpi::Workspace ws = workspace();
  const kpi::source::EntityMatcher matcher(ws);
  BOOST_TEST(outcome(matcher.match("linh")) == "linh");
  BOOST_TEST(outcome(matcher.match(" linh\xC2\xA0")) == "linh");
  BOOST_TEST(outcome(matcher.match("LINH")) == "none ~linh");  // ids match exactly
  BOOST_TEST(outcome(matcher.match("NGUYỄN VĂN AN")) == "an");
  BOOST_TEST(outcome(matcher.match("nguyễn văn an")) == "an");
  BOOST_TEST(outcome(matcher.match("Võ Ngọc Linh")) == "linh");
  BOOST_TEST(outcome(matcher.match("VÕ NGỌC LINH")) == "linh");
  BOOST_TEST(outcome(matcher.match("linh v.")) == "linh");
  BOOST_TEST(outcome(matcher.match("sales team")) == "sales");
  BOOST_TEST(outcome(matcher.match("BẢO")) == "bao");
  // The id `an` wins over linh's alias "an"; the unit id `sales` over bao's alias.
  BOOST_TEST(outcome(matcher.match("an")) == "an");
  BOOST_TEST(outcome(matcher.match("sales")) == "sales");
  // An alias of two entities, ignoring case, says neither.
  BOOST_TEST(outcome(matcher.match("an@acme.vn")) == "ambiguous: an an2");
  BOOST_TEST(outcome(matcher.match("Nguyen Van An")) == "an2");
  BOOST_TEST(outcome(matcher.match("Nguyen Van Anh")) == "none ~Nguyen Van An");
  BOOST_TEST(outcome(matcher.match("nobody at all")) == "none");
}

BOOST_AUTO_TEST_CASE(case_folding_is_unicode_default_folding) {
  using kpi::source::fold_case;
  BOOST_TEST(fold_case("NGUYỄN VĂN AN") == "nguyễn văn an");
  BOOST_TEST(fold_case("Straße") == "strasse");
  BOOST_TEST(fold_case("ΣΊΣΥΦΟΣ") == "σίσυφοσ");
  BOOST_TEST(fold_case("ǅ") == "ǆ");
  BOOST_TEST(fold_case("ABC def") == "abc def");
  BOOST_TEST(fold_case("\xFF\xFE") == "\xFF\xFE");  // not UTF-8: kept
  BOOST_TEST(kpi::source::match_key("  Đỗ\t") == "đỗ");
}

BOOST_AUTO_TEST_CASE(where_and_except_compare_trimmed_ignoring_case) {
  kpi::SourceMeasure m;
  m.where = {{"Stage", {}, {"Lost", "Abandoned"}}, {"Region", {}, {"Hà Nội"}}};
  m.except = {{"Owner", {}, {"test", "demo"}}};
  auto row = [](std::string stage, std::string region, std::string owner) {
    return [=](const std::string& column) {
      return column == "Stage" ? stage : column == "Region" ? region : owner;
    };
  };
  BOOST_TEST(kpi::source::measure_matches(m, row("lost", " HÀ NỘI ", "linh")));
  BOOST_TEST(kpi::source::measure_matches(m, row("ABANDONED", "hà nội", "an")));
  BOOST_TEST(!kpi::source::measure_matches(m, row("Won", "Hà Nội", "linh")));
  BOOST_TEST(!kpi::source::measure_matches(m, row("Lost", "Huế", "linh")));
  BOOST_TEST(!kpi::source::measure_matches(m, row("Lost", "Hà Nội", "DEMO")));
  BOOST_TEST(!kpi::source::measure_matches(m, row("Lost", "Hà Nội", " test ")));
  BOOST_TEST(kpi::source::measure_matches(kpi::SourceMeasure{}, row("", "", "")));
}

BOOST_AUTO_TEST_SUITE_END()
