#include "diagnostics.hpp"

#include <sys/ioctl.h>
#include <unistd.h>

#include <cstdlib>
#include <fstream>
#include <map>
#include <sstream>
#include <string>

#include "kpi/render/visible.hpp"
#include "kpi/util/file.hpp"

namespace kpi::cli {

namespace {

/// Each file's lines, read once: findings tend to come many to a file.
std::map<std::string, std::vector<std::string>>& line_cache() {
  static std::map<std::string, std::vector<std::string>> cache;
  return cache;
}

std::vector<std::string> lines_of(std::istream& in) {
  std::vector<std::string> lines;
  for (std::string text; std::getline(in, text);) {
    if (!text.empty() && text.back() == '\r') {
      text.pop_back();
    }
    lines.push_back(std::move(text));
  }
  return lines;
}

}  // namespace

const std::string& source_line(const std::string& file, int line) {
  static const std::string none;
  std::map<std::string, std::vector<std::string>>& cache = line_cache();
  auto it = cache.find(file);
  if (it == cache.end()) {
    // Through the regular-file check: a finding's file is never a FIFO to wait on.
    FileError error;
    std::istringstream in(read_regular_file(file, error).value_or(""));
    it = cache.emplace(file, lines_of(in)).first;
  }
  if (line < 1 || line > static_cast<int>(it->second.size())) {
    return none;
  }
  return it->second[line - 1];
}

bool use_color(const GlobalOptions& global, int fd) {
  if (global.color == "always") {
    return true;
  }
  if (global.color == "never") {
    return false;
  }
  const char* no_color = std::getenv("NO_COLOR");
  if (no_color != nullptr && *no_color != '\0') {
    return false;
  }
  return isatty(fd) != 0;
}

int terminal_columns(int fd) {
  if (const char* columns = std::getenv("COLUMNS"); columns != nullptr && *columns != '\0') {
    char* end = nullptr;
    const long n = std::strtol(columns, &end, 10);
    if (*end == '\0' && n > 0 && n < 100000) {
      return static_cast<int>(n);
    }
  }
  winsize size{};
  if (isatty(fd) != 0 && ioctl(fd, TIOCGWINSZ, &size) == 0 && size.ws_col > 0) {
    return size.ws_col;
  }
  return 0;
}

namespace {

/// One finding as text, into a buffer: std::cerr is unbuffered, and writing each piece
/// to it made a system call per piece (13,000 for 900 findings).
void format_diagnostic(std::ostream& out, const Diagnostic& d, const GlobalOptions& global,
                       bool color) {
  const bool is_error = d.severity == Severity::error;
  const char* bold = color ? "\x1b[1m" : "";
  const char* tint = color ? (is_error ? "\x1b[1;31m" : "\x1b[1;33m") : "";
  const char* reset = color ? "\x1b[0m" : "";

  std::string place;
  if (!d.where.file.empty()) {
    place = render::visible(d.where.file);
    if (d.where.line > 0) {
      place += ":" + std::to_string(d.where.line);
      if (d.where.column > 0) {
        place += ":" + std::to_string(d.where.column);
      }
    } else if (!d.where.cell.empty()) {
      place += ":" + render::visible(d.where.cell);  // a workbook's cell: Sheet!C17
    }
    place += ": ";
  } else {
    place = "kpi: ";
  }
  out << bold << place << reset << tint << (is_error ? "error" : "warning") << "[" << d.rule << "]"
      << reset << ": " << render::visible(d.message) << "\n";
  if (global.quiet) {
    return;
  }
  if (!d.where.file.empty() && d.where.line > 0) {
    // A window of the line, never all of it: a line can be a whole minified file, or
    // hold text that is not meant to be shown (escape sequences, another file's content).
    const std::string& text = source_line(d.where.file, d.where.line);
    if (!text.empty()) {
      const render::LineWindow window = render::line_window(text, d.where.column);
      out << "  " << window.text << "\n";
      if (d.where.column > 0) {
        out << "  " << std::string(static_cast<size_t>(window.caret), ' ') << tint << "^" << reset
            << "\n";
      }
    }
  }
  if (!d.hint.empty()) {
    out << "  = " << render::visible(d.hint) << "\n";
  }
}

}  // namespace

void print_diagnostic(std::ostream& out, const Diagnostic& d, const GlobalOptions& global) {
  std::ostringstream text;
  format_diagnostic(text, d, global, use_color(global, STDERR_FILENO));
  out << text.str();
}

void use_source_text(const std::string& file, const std::string& text) {
  std::istringstream in(text);
  line_cache()[file] = lines_of(in);
}

void print_diagnostics(std::ostream& out, const std::vector<Diagnostic>& ds,
                       const GlobalOptions& global) {
  const bool color = use_color(global, STDERR_FILENO);
  std::ostringstream text;
  for (const Diagnostic& d : ds) {
    format_diagnostic(text, d, global, color);
  }
  out << text.str();
}

}  // namespace kpi::cli
