#include "kpi/render/html_tables.hpp"

#include <string_view>
#include <vector>

namespace kpi::render {

namespace {

/// The text of an element's content with its tags left out.
std::string text_of(std::string_view content) {
  std::string out;
  bool in_tag = false;
  for (char c : content) {
    if (c == '<') {
      in_tag = true;
    } else if (c == '>') {
      in_tag = false;
    } else if (!in_tag) {
      out += c;
    }
  }
  return out;
}

/// One table's markup with its cells labelled.
std::string label_one(std::string_view table) {
  std::vector<std::string> titles;
  for (size_t at = table.find("<th"); at != std::string_view::npos;
       at = table.find("<th", at + 3)) {
    if (at + 3 >= table.size() || (table[at + 3] != '>' && table[at + 3] != ' ')) {
      continue;  // <thead>
    }
    const size_t open_end = table.find('>', at);
    const size_t close = table.find("</th>", open_end);
    if (open_end == std::string_view::npos || close == std::string_view::npos) {
      break;
    }
    titles.push_back(text_of(table.substr(open_end + 1, close - open_end - 1)));
  }
  // Copied a run at a time up to each row or cell that opens.
  std::string out;
  out.reserve(table.size() + table.size() / 4);
  size_t column = 0;
  size_t i = 0;
  while (i < table.size()) {
    const size_t tag = table.find("<t", i);
    if (tag == std::string_view::npos) {
      out.append(table.substr(i));
      break;
    }
    out.append(table.substr(i, tag - i));
    i = tag;
    if (table.compare(i, 3, "<tr") == 0) {
      column = 0;
    }
    if (table.compare(i, 3, "<td") == 0 && i + 3 < table.size() &&
        (table[i + 3] == '>' || table[i + 3] == ' ')) {
      out += "<td";
      if (column < titles.size()) {
        out += " data-label=\"" + titles[column] + "\"";  // already escaped in the <th>
      }
      ++column;
      i += 3;
      continue;
    }
    out += table[i++];
  }
  return out;
}

}  // namespace

std::string label_table_cells(const std::string& html) {
  std::string out;
  size_t from = 0;
  for (size_t open = html.find("<table", from); open != std::string::npos;
       open = html.find("<table", from)) {
    const size_t close = html.find("</table>", open);
    if (close == std::string::npos) {
      break;
    }
    out.append(html, from, open - from);
    out += label_one(std::string_view(html).substr(open, close - open));
    from = close;
  }
  out.append(html, from, std::string::npos);
  return out;
}

}  // namespace kpi::render
