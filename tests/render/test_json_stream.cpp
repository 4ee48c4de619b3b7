#include <boost/test/unit_test.hpp>
#include <sstream>

#include "kpi/render/json_stream.hpp"

namespace {

using Json = kpi::render::JsonStream::Json;

}  // namespace

BOOST_AUTO_TEST_SUITE(render_json_stream)

BOOST_AUTO_TEST_CASE(writes_the_bytes_of_the_whole_trees_dump) {
  Json whole;
  whole["schema"] = "x/1";
  whole["empty_list"] = Json::array();
  whole["empty_object"] = Json::object();
  whole["list"] = Json::array({1, 2.5, nullptr, "a\"b"});
  whole["nested"] = {{"deep", {{"n", 0.1 + 0.2}}}, {"more", Json::array({Json::array({1})})}};
  whole["last"] = false;

  std::ostringstream out;
  kpi::render::JsonStream j(out);
  j.begin_object();
  j.member("schema", "x/1");
  j.key("empty_list");
  j.begin_array();
  j.end_array();
  j.key("empty_object");
  j.begin_object();
  j.end_object();
  j.key("list");
  j.begin_array();
  for (const Json& v : whole["list"]) {
    j.value(v);
  }
  j.end_array();
  j.member("nested", whole["nested"]);
  j.member("last", false);
  j.end_object();
  BOOST_TEST(out.str() == whole.dump(2) + "\n");
}

BOOST_AUTO_TEST_CASE(a_lone_value_is_a_document) {
  std::ostringstream out;
  kpi::render::JsonStream j(out);
  j.value(Json::array({1, 2}));
  BOOST_TEST(out.str() == "[\n  1,\n  2\n]\n");
}

BOOST_AUTO_TEST_SUITE_END()
