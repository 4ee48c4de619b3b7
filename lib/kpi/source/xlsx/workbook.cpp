// Where the sheets are: _rels/.rels names the workbook part, the workbook lists its sheets
// by name and relationship id, the workbook's relationships give each id a part.

#include <map>

#include "kpi/source/xlsx/parts.hpp"
#include "kpi/source/xlsx/xml.hpp"

namespace kpi::xlsx::detail {

namespace {

struct Relationship {
  std::string type;    ///< the last segment of its Type URI: "worksheet", "sharedStrings"
  std::string target;  ///< the part it points at, resolved from the zip's root
};

/// `target` relative to the folder `base` ("xl/"), or from the root when it starts
/// with '/'; "." and ".." resolved.
std::string resolve(const std::string& base, std::string_view target) {
  std::vector<std::string> parts;
  std::string_view path = target;
  std::string joined;
  if (!path.empty() && path[0] == '/') {
    path.remove_prefix(1);
  } else {
    joined = base + std::string(path);
    path = joined;
  }
  size_t start = 0;
  while (start <= path.size()) {
    size_t slash = path.find('/', start);
    if (slash == std::string_view::npos) {
      slash = path.size();
    }
    const std::string_view segment = path.substr(start, slash - start);
    if (segment == "..") {
      if (!parts.empty()) {
        parts.pop_back();
      }
    } else if (!segment.empty() && segment != ".") {
      parts.emplace_back(segment);
    }
    start = slash + 1;
  }
  std::string out;
  for (const std::string& p : parts) {
    out += (out.empty() ? "" : "/") + p;
  }
  return out;
}

std::string folder_of(const std::string& part) {
  const size_t slash = part.rfind('/');
  return slash == std::string::npos ? "" : part.substr(0, slash + 1);
}

class RelationshipsHandler : public XmlHandler {
 public:
  explicit RelationshipsHandler(std::string base) : m_base(std::move(base)) {}

  void start(int depth, std::string_view name, const char** attributes) override {
    if (depth != 2 || name != "Relationship") {
      return;
    }
    const char* id = attribute(attributes, "Id");
    const char* type = attribute(attributes, "Type");
    const char* target = attribute(attributes, "Target");
    const char* mode = attribute(attributes, "TargetMode");
    if (id == nullptr || type == nullptr || target == nullptr ||
        (mode != nullptr && std::string_view(mode) == "External")) {
      return;
    }
    const std::string_view t(type);
    const size_t slash = t.rfind('/');
    m_relationships[id] = Relationship{std::string(t.substr(slash == t.npos ? 0 : slash + 1)),
                                       resolve(m_base, target)};
  }
  void end(int) override {}
  void text(std::string_view) override {}

  std::map<std::string, Relationship> m_relationships;

 private:
  std::string m_base;
};

class WorkbookHandler : public XmlHandler {
 public:
  void start(int depth, std::string_view name, const char** attributes) override {
    if (depth == 2 && name == "workbookPr") {
      const char* d = attribute(attributes, "date1904");
      m_date1904 = d != nullptr && (std::string_view(d) == "1" || std::string_view(d) == "true");
    } else if (depth == 2 && name == "sheets") {
      m_in_sheets = true;
    } else if (depth == 3 && m_in_sheets && name == "sheet") {
      const char* sheet = attribute(attributes, "name");
      const char* id = attribute(attributes, "id");  // r:id
      if (sheet != nullptr && id != nullptr) {
        m_sheets.push_back({sheet, id});
      }
    }
  }
  void end(int depth) override {
    if (depth == 2) {
      m_in_sheets = false;
    }
  }
  void text(std::string_view) override {}

  struct Entry {
    std::string name;
    std::string id;
  };
  std::vector<Entry> m_sheets;
  bool m_date1904 = false;

 private:
  bool m_in_sheets = false;
};

std::map<std::string, Relationship> read_relationships(const ZipArchive& archive,
                                                       const std::string& part,
                                                       const std::string& base) {
  RelationshipsHandler handler(base);
  XmlParser(archive, part, k_small_limit, handler).run();
  return std::move(handler.m_relationships);
}

}  // namespace

Workbook read_workbook(const ZipArchive& archive) {
  std::string workbook_part = "xl/workbook.xml";
  if (archive.contains("_rels/.rels")) {
    for (const auto& [id, rel] : read_relationships(archive, "_rels/.rels", "")) {
      if (rel.type == "officeDocument" && archive.contains(rel.target)) {
        workbook_part = rel.target;
      }
    }
  }
  if (!archive.contains(workbook_part)) {
    fail(archive.path(), "'" + archive.path() +
                             "' is not an .xlsx workbook: it has no xl/workbook.xml (a zip "
                             "archive, but not a workbook)");
  }
  WorkbookHandler sheets;
  XmlParser(archive, workbook_part, k_small_limit, sheets).run();

  const std::string base = folder_of(workbook_part);
  const std::string rels_part = base + "_rels/" + workbook_part.substr(base.size()) + ".rels";
  std::map<std::string, Relationship> rels;
  if (archive.contains(rels_part)) {
    rels = read_relationships(archive, rels_part, base);
  }
  Workbook book;
  book.date1904 = sheets.m_date1904;
  for (const WorkbookHandler::Entry& e : sheets.m_sheets) {
    const auto rel = rels.find(e.id);
    if (rel == rels.end()) {
      fail(archive.path(), "'" + archive.path() + "' is corrupt: sheet '" + e.name +
                               "' has no part (relationship '" + e.id + "' is not in " + rels_part +
                               ")");
    }
    book.sheets.push_back(SheetPart{e.name, rel->second.target});
  }
  for (const auto& [id, rel] : rels) {
    if (rel.type == "sharedStrings") {
      book.shared_strings = rel.target;
    } else if (rel.type == "styles") {
      book.styles = rel.target;
    }
  }
  // Without relationships for them, the usual places (some writers leave them out).
  if (book.shared_strings.empty() && archive.contains(base + "sharedStrings.xml")) {
    book.shared_strings = base + "sharedStrings.xml";
  }
  if (book.styles.empty() && archive.contains(base + "styles.xml")) {
    book.styles = base + "styles.xml";
  }
  return book;
}

}  // namespace kpi::xlsx::detail
