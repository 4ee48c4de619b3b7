#include "kpi/render/labels.hpp"

#include <libintl.h>

#include <array>
#include <set>

namespace kpi::render {

namespace {

struct Current {
  std::string code = "en";
  NumberStyle numbers;
  std::set<std::string> untranslated;  ///< labels looked up that the catalogue lacks
};

/// Set once by the CLI before rendering; read by every text renderer.
Current& current() {
  static Current c;
  return c;
}

}  // namespace

const char* tr(const char* english) {
  if (current().code == "en") {
    return english;
  }
  const char* found = dgettext(k_text_domain, english);
  if (found == english) {
    current().untranslated.insert(english);
  }
  return found;
}

const char* tr(const char* context, const char* english) {
  if (current().code == "en") {
    return english;
  }
  // gettext's convention for msgctxt: "context\004msgid"; untranslated, the key comes back.
  thread_local std::string key;
  key = std::string(context) + '\004' + english;
  const char* found = dgettext(k_text_domain, key.c_str());
  if (found == key.c_str()) {
    current().untranslated.insert(std::string(context) + " | " + english);
    return english;
  }
  return found;
}

void set_language(std::string_view code) {
  Current& c = current();
  c.code = std::string(code);
  c.untranslated.clear();
  c.numbers.thousands = tr("number", ",");
  c.numbers.decimal = tr("number", ".");
}

const std::string& language() { return current().code; }

const std::set<std::string>& untranslated_labels() { return current().untranslated; }

const NumberStyle& number_style() { return current().numbers; }

std::string date_in_words(Date date) {
  static constexpr std::array<const char*, 12> k_months = {
      "January", "February", "March",     "April",   "May",      "June",
      "July",    "August",   "September", "October", "November", "December"};
  const YearMonthDay ymd = to_ymd(date);
  const char* month = tr("month", k_months[static_cast<size_t>(ymd.month - 1)]);
  // The translator orders the parts: {0} day, {1} month's name, {2} year, {3} month number.
  const char* pattern = "{0} {1} {2}";
  try {
    return fmt::format(fmt::runtime(tr("date", pattern)), ymd.day, month, ymd.year, ymd.month);
  } catch (const fmt::format_error&) {
    return fmt::format(fmt::runtime(pattern), ymd.day, month, ymd.year, ymd.month);
  }
}

}  // namespace kpi::render
