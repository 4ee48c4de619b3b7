#include <boost/test/data/test_case.hpp>
#include <boost/test/unit_test.hpp>
#include <sstream>

#include "kpi/csv/tokenizer.hpp"

namespace {

using kpi::csv::CsvRecord;
using kpi::csv::CsvTokenizer;

/// A record as plain values, easy to compare.
struct Row {
  std::vector<std::string> texts;
  std::vector<std::string> positions;  ///< "line:column" of each field
  int line = 0;
  std::string error;  ///< "line:column message"
};

std::vector<Row> tokenize(const std::string& text, size_t block, char delimiter = 0) {
  std::istringstream in(text);
  CsvTokenizer tokenizer(in, block);
  tokenizer.set_delimiter(delimiter != 0 ? delimiter
                                         : kpi::csv::detect_delimiter(tokenizer.peek_line()));
  std::vector<Row> rows;
  CsvRecord record;
  while (tokenizer.next(record)) {
    Row row;
    row.line = record.line;
    for (const auto& f : record.fields) {
      row.texts.emplace_back(f.text);
      row.positions.push_back(std::to_string(f.line) + ":" + std::to_string(f.column));
    }
    if (record.error) {
      row.error = std::to_string(record.error->line) + ":" + std::to_string(record.error->column) +
                  " " + record.error->message;
    }
    rows.push_back(row);
  }
  return rows;
}

using Texts = std::vector<std::string>;
using Positions = std::vector<std::string>;

// Block sizes that put the buffer boundary everywhere, plus the default.
const std::vector<size_t> k_blocks = {1, 2, 3, 5, 7, 64 * 1024};

}  // namespace

BOOST_AUTO_TEST_SUITE(csv_tokenizer)

BOOST_DATA_TEST_CASE(plain_rows_with_lf_and_crlf_and_no_final_newline,
                     boost::unit_test::data::make(k_blocks), block) {
  const auto rows = tokenize("kpi,date,value\r\na,2026-01-05,1\nb,2026-01-06,2", block);
  BOOST_TEST_REQUIRE(rows.size() == 3u);
  BOOST_TEST(rows[0].texts == Texts({"kpi", "date", "value"}));
  BOOST_TEST(rows[1].texts == Texts({"a", "2026-01-05", "1"}));
  BOOST_TEST(rows[2].texts == Texts({"b", "2026-01-06", "2"}));
  BOOST_TEST(rows[2].line == 3);
  BOOST_TEST(rows[1].positions == Positions({"2:1", "2:3", "2:14"}));
}

BOOST_DATA_TEST_CASE(quoted_delimiters_doubled_quotes_and_newlines,
                     boost::unit_test::data::make(k_blocks), block) {
  const std::string text =
      "kpi,note,value\n"
      "a,\"x, y\",1\n"
      "b,\"say \"\"hi\"\"\",2\n"
      "c,\"two\nlines\r\nthree\",3\n"
      "d,\"\",4\n";
  const auto rows = tokenize(text, block);
  BOOST_TEST_REQUIRE(rows.size() == 5u);
  BOOST_TEST(rows[1].texts == Texts({"a", "x, y", "1"}));
  BOOST_TEST(rows[2].texts == Texts({"b", "say \"hi\"", "2"}));
  BOOST_TEST(rows[3].texts == Texts({"c", "two\nlines\r\nthree", "3"}));
  // The quoted field starts at its opening quote; the field after it sits on line 6.
  BOOST_TEST(rows[3].positions == Positions({"4:1", "4:3", "6:8"}));
  BOOST_TEST(rows[4].line == 7);
  BOOST_TEST(rows[4].texts == Texts({"d", "", "4"}));
  for (const Row& row : rows) {
    BOOST_TEST(row.error == "");
  }
}

BOOST_DATA_TEST_CASE(bom_and_empty_lines_are_skipped, boost::unit_test::data::make(k_blocks),
                     block) {
  const auto rows = tokenize("\xEF\xBB\xBFkpi,value\n\na,1\r\n\r\n  \nb,2\n\n", block);
  BOOST_TEST_REQUIRE(rows.size() == 3u);
  BOOST_TEST(rows[0].texts == Texts({"kpi", "value"}));
  BOOST_TEST(rows[0].positions == Positions({"1:1", "1:5"}));  // the BOM is no column
  BOOST_TEST(rows[1].line == 3);
  BOOST_TEST(rows[2].line == 6);
  BOOST_TEST(rows[2].texts == Texts({"b", "2"}));
}

BOOST_DATA_TEST_CASE(trailing_delimiter_gives_an_empty_last_field,
                     boost::unit_test::data::make(k_blocks), block) {
  const auto rows = tokenize("kpi,value\na,\nb,", block);
  BOOST_TEST_REQUIRE(rows.size() == 3u);
  BOOST_TEST(rows[1].texts == Texts({"a", ""}));
  BOOST_TEST(rows[2].texts == Texts({"b", ""}));
  BOOST_TEST(rows[2].positions == Positions({"3:1", "3:3"}));
}

BOOST_AUTO_TEST_CASE(columns_count_characters_not_bytes) {
  // "é" is two bytes, "€" three; each is one column.
  const auto rows = tokenize("kpi,note,value\na,é€x,1\n", 4);
  BOOST_TEST_REQUIRE(rows.size() == 2u);
  BOOST_TEST(rows[1].positions == Positions({"2:1", "2:3", "2:7"}));
}

BOOST_DATA_TEST_CASE(semicolon_and_tab_headers, boost::unit_test::data::make(k_blocks), block) {
  const auto semi = tokenize("kpi;date;value\na;2026-01-05;1,5\n", block);
  BOOST_TEST_REQUIRE(semi.size() == 2u);
  BOOST_TEST(semi[1].texts == Texts({"a", "2026-01-05", "1,5"}));
  const auto tab = tokenize("kpi\tdate\tvalue\na\t2026-01-05\t1 000\n", block);
  BOOST_TEST_REQUIRE(tab.size() == 2u);
  BOOST_TEST(tab[1].texts == Texts({"a", "2026-01-05", "1 000"}));
}

BOOST_AUTO_TEST_CASE(delimiter_detection) {
  using kpi::csv::detect_delimiter;
  BOOST_TEST(detect_delimiter("kpi,date,value") == ',');
  BOOST_TEST(detect_delimiter("kpi;date;value") == ';');
  BOOST_TEST(detect_delimiter("kpi\tdate\tvalue") == '\t');
  // Delimiters inside quotes do not count.
  BOOST_TEST(detect_delimiter("\"kpi,x\";date;value") == ';');
  // Two candidates outside quotes: the one that splits off a kpi column.
  BOOST_TEST(detect_delimiter("kpi;date;value,usd") == ';');
  BOOST_TEST(detect_delimiter(" KPI ,date;x,value") == ',');
  BOOST_TEST(detect_delimiter("kpi") == ',');
}

BOOST_DATA_TEST_CASE(unterminated_quote_is_reported_where_it_starts,
                     boost::unit_test::data::make(k_blocks), block) {
  const auto rows = tokenize("kpi,note,value\na,ok,1\nb,\"open\nnever,2\nclosed,3\n", block);
  BOOST_TEST_REQUIRE(rows.size() == 3u);
  BOOST_TEST(rows[2].error ==
             "3:3 unterminated quoted field: the quote opened here is never closed");
  BOOST_TEST(rows[1].error == "");
}

BOOST_AUTO_TEST_CASE(quote_inside_unquoted_field_and_text_after_closing_quote) {
  const auto rows = tokenize("kpi,note,value\na,ab\"c,1\nb,\"x\"y,2\nc,ok,3\n", 64);
  BOOST_TEST_REQUIRE(rows.size() == 4u);
  BOOST_TEST(rows[1].error.rfind("2:3 a quote inside an unquoted field", 0) == 0);
  BOOST_TEST(rows[2].error.rfind("3:3 text after the closing quote", 0) == 0);
  BOOST_TEST(rows[2].texts.size() == 3u);  // the record still ends at its delimiter
  BOOST_TEST(rows[3].error == "");
  BOOST_TEST(rows[3].texts == Texts({"c", "ok", "3"}));
}

BOOST_AUTO_TEST_CASE(record_longer_than_the_buffer_grows_it) {
  const std::string long_note(1000, 'x');
  const auto rows = tokenize("kpi,note\na,\"" + long_note + "\"\"q\"\n", 8);
  BOOST_TEST_REQUIRE(rows.size() == 2u);
  BOOST_TEST(rows[1].texts[1] == long_note + "\"q");
}

BOOST_AUTO_TEST_CASE(peek_line_does_not_consume_the_header) {
  std::istringstream in("\xEF\xBB\xBF\"k;x\";date\r\na;b\r\n");
  CsvTokenizer tokenizer(in, 2);
  BOOST_TEST(tokenizer.peek_line() == "\"k;x\";date");
  tokenizer.set_delimiter(';');
  CsvRecord record;
  BOOST_TEST_REQUIRE(tokenizer.next(record));
  BOOST_TEST(record.fields.size() == 2u);
  BOOST_TEST(record.fields[0].text == "k;x");
  BOOST_TEST_REQUIRE(tokenizer.next(record));
  BOOST_TEST(record.fields[1].text == "b");
  BOOST_TEST(!tokenizer.next(record));
}

BOOST_AUTO_TEST_CASE(empty_input_has_no_records) {
  BOOST_TEST(tokenize("", 4).empty());
  BOOST_TEST(tokenize("\xEF\xBB\xBF", 4).empty());
  BOOST_TEST(tokenize("\n\r\n", 1).empty());
}

BOOST_AUTO_TEST_SUITE_END()
