#pragma once
// Labels people read (column titles, section headings, words between numbers) in the
// language the CLI chose, through gettext's "kpi" domain: the English text is the key,
// po/<lang>.po holds its translation, and a language without a catalogue reads English.
// The same catalogue gives the language's number separators and date words, so that a
// new language is a file, not code. CSV, TSV and JSON never use these.

#include <fmt/format.h>

#include <set>
#include <string>
#include <string_view>

#include "kpi/period/period.hpp"

namespace kpi::render {

/// gettext's domain of kpi's catalogues.
inline constexpr const char* k_text_domain = "kpi";

/// `english` in the current language (itself when untranslated).
const char* tr(const char* english);
/// The same with a context, for one English word with two meanings ("unit" of measure,
/// "unit" of the organisation): po's msgctxt.
const char* tr(const char* context, const char* english);

/// A translated pattern with fmt's {} fields: tr(pattern) formatted with `args`; a
/// translation whose fields do not fit falls back to the English pattern.
template <typename... Args>
std::string trf(const char* pattern, const Args&... args) {
  try {
    return fmt::format(fmt::runtime(tr(pattern)), args...);
  } catch (const fmt::format_error&) {
    return fmt::format(fmt::runtime(pattern), args...);
  }
}

/// The language whose labels and number style the outputs use: "en" (the default) or
/// a code with a catalogue, set once by the CLI before anything is rendered.
void set_language(std::string_view code);
const std::string& language();

/// The labels asked for since set_language that the catalogue has no translation of
/// ("context | english" for those with a context): what a complete catalogue leaves empty.
const std::set<std::string>& untranslated_labels();

/// Separators of numbers in text outputs: "2,100,000,000.5" in en, "2.100.000.000,5" in vi.
struct NumberStyle {
  std::string thousands = ",";
  std::string decimal = ".";
};
const NumberStyle& number_style();

/// A date for prose: "5 November 2026" in en, "ngày 5 tháng 11 năm 2026" in vi.
std::string date_in_words(Date date);

}  // namespace kpi::render
