#include "kpi/render/svg.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <iterator>

#include "kpi/render/escape.hpp"
#include "kpi/render/text.hpp"

namespace kpi::render {

namespace {

constexpr double k_width = 520;
constexpr double k_label_width = 150;
constexpr double k_row = 24;
constexpr double k_text_room = 72;  ///< right of the bars: the column of values

std::string num(double v) { return fmt::format("{:.1f}", v); }

/// At most `limit` code points of `text`, with an ellipsis when cut.
std::string shorten(const std::string& text, size_t limit) {
  size_t points = 0;
  for (size_t i = 0; i < text.size(); ++i) {
    if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) {
      if (points == limit) {
        return text.substr(0, i) + "\u2026";
      }
      ++points;
    }
  }
  return text;
}

/// One polyline per run of values that exist (a missing value breaks the line), appended
/// to `svg`; returns the index of the last value that exists.
template <typename X, typename Y>
std::optional<size_t> append_lines(std::string& svg,
                                   const std::vector<std::optional<double>>& values, const X& x_of,
                                   const Y& y_of) {
  std::string points;
  const auto flush = [&] {
    if (!points.empty()) {
      svg += "<polyline points=\"" + points + "\" class=\"line\"/>";
      points.clear();
    }
  };
  std::optional<size_t> last;
  for (size_t i = 0; i < values.size(); ++i) {
    if (!values[i] || !std::isfinite(*values[i])) {
      flush();
      continue;
    }
    points += (points.empty() ? "" : " ") + num(x_of(i)) + "," + num(y_of(*values[i]));
    last = i;
  }
  flush();
  return last;
}

std::string bar_chart(const std::vector<Bar>& bars, const std::string& title, double reference,
                      double axis_max, const std::vector<double>& ticks, const char* unit) {
  double top = axis_max;
  for (const Bar& b : bars) {
    if (b.value && std::isfinite(*b.value)) {
      top = std::max(top, std::min(*b.value, 1000.0));
    }
  }
  const double plot = k_width - k_label_width - k_text_room;
  const auto x_of = [&](double v) { return k_label_width + plot * std::clamp(v, 0.0, top) / top; };
  const double height = k_row * static_cast<double>(bars.size()) + 22;
  std::string s = fmt::format(
      "<svg class=\"chart\" viewBox=\"0 0 {} {}\" role=\"img\" aria-label=\"{}\" "
      "xmlns=\"http://www.w3.org/2000/svg\"><title>{}</title>\n",
      num(k_width), num(height), html_escape(title), html_escape(title));
  for (double t : ticks) {
    fmt::format_to(
        std::back_inserter(s),
        "<line x1=\"{0}\" y1=\"0\" x2=\"{0}\" y2=\"{1}\" class=\"grid\"/>"
        "<text x=\"{0}\" y=\"{2}\" class=\"tick\" text-anchor=\"middle\">{3}{4}</text>\n",
        num(x_of(t)), num(height - 18), num(height - 4), static_cast<int>(t), unit);
  }
  for (size_t i = 0; i < bars.size(); ++i) {
    const Bar& b = bars[i];
    const double y = k_row * static_cast<double>(i);
    fmt::format_to(std::back_inserter(s),
                   "<text x=\"{}\" y=\"{}\" class=\"label\" text-anchor=\"end\">{}</text>",
                   num(k_label_width - 8), num(y + 16), html_escape(shorten(b.label, 20)));
    if (b.value && std::isfinite(*b.value)) {
      const double end = x_of(*b.value);
      fmt::format_to(
          std::back_inserter(s),
          "<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"16\" rx=\"2\" class=\"bar {}\"/>",
          num(k_label_width), num(y + 4), num(std::max(end - k_label_width, 0.0)),
          b.neutral ? std::string("total") : status_class(b.status));
    }
    // Values in a column of their own at the right, past every bar and the reference
    // line, so that no value is drawn over a bar's end or the 100 % line at any width.
    fmt::format_to(std::back_inserter(s),
                   "<text x=\"{}\" y=\"{}\" class=\"value{}\" text-anchor=\"end\">{}</text>",
                   num(k_width - 2), num(y + 16),
                   b.value && std::isfinite(*b.value) ? "" : " muted", html_escape(b.text));
    s += '\n';
  }
  fmt::format_to(std::back_inserter(s),
                 "<line x1=\"{0}\" y1=\"0\" x2=\"{0}\" y2=\"{1}\" class=\"reference\"/>\n",
                 num(x_of(reference)), num(height - 18));
  s += "</svg>";
  return s;
}

}  // namespace

std::string status_class(Status status) { return std::string(to_string(status)); }

std::string achievement_chart(const std::vector<Bar>& bars, const std::string& title) {
  return bar_chart(bars, title, 100, 150, {0, 50, 100, 150}, " %");
}

std::string total_chart(const std::vector<Bar>& bars, const std::string& title) {
  return bar_chart(bars, title, 100, 100, {0, 25, 50, 75, 100}, "");
}

std::string sparkline(const std::vector<std::optional<double>>& values, double reference,
                      Status status, const std::string& title) {
  constexpr double w = 96;
  constexpr double h = 24;
  constexpr double pad = 3;
  double lo = reference;
  double hi = reference;
  for (const std::optional<double>& v : values) {
    if (v && std::isfinite(*v)) {
      lo = std::min(lo, *v);
      hi = std::max(hi, *v);
    }
  }
  if (hi - lo < 1e-9) {
    hi = lo + 1;
  }
  const size_t n = values.size();
  const auto x_of = [&](size_t i) {
    return n <= 1 ? w / 2
                  : pad + (w - 2 * pad) * static_cast<double>(i) / static_cast<double>(n - 1);
  };
  const auto y_of = [&](double v) { return h - pad - (h - 2 * pad) * (v - lo) / (hi - lo); };
  std::string s = fmt::format(
      "<svg class=\"spark\" viewBox=\"0 0 {} {}\" width=\"{}\" height=\"{}\" role=\"img\" "
      "aria-label=\"{}\" xmlns=\"http://www.w3.org/2000/svg\"><title>{}</title>",
      num(w), num(h), num(w), num(h), html_escape(title), html_escape(title));
  fmt::format_to(std::back_inserter(s),
                 "<line x1=\"0\" y1=\"{0}\" x2=\"{1}\" y2=\"{0}\" class=\"reference\"/>",
                 num(y_of(reference)), num(w));
  const std::optional<size_t> last = append_lines(s, values, x_of, y_of);
  if (last) {
    fmt::format_to(std::back_inserter(s),
                   "<circle cx=\"{}\" cy=\"{}\" r=\"2.5\" class=\"dot {}\"/>", num(x_of(*last)),
                   num(y_of(*values[*last])), status_class(status));
  }
  s += "</svg>";
  return s;
}

std::string trend_chart(const std::vector<std::optional<double>>& values,
                        const std::vector<std::string>& periods, Status status,
                        const std::string& title) {
  constexpr double w = 280;
  constexpr double h = 120;
  constexpr double left = 44;  // room for the "100 %" label
  constexpr double right = 12;
  constexpr double top = 20;     // room for the last value above its dot
  constexpr double bottom = 22;  // room for the period names
  double hi = 120;
  double lo = 0;
  for (const std::optional<double>& v : values) {
    if (v && std::isfinite(*v)) {
      hi = std::max(hi, std::min(*v, 1000.0));
      lo = std::min(lo, std::max(*v, -1000.0));
    }
  }
  const size_t n = values.size();
  const double plot_w = w - left - right;
  const double plot_h = h - top - bottom;
  const auto x_of = [&](size_t i) {
    return n <= 1 ? left + plot_w / 2
                  : left + plot_w * static_cast<double>(i) / static_cast<double>(n - 1);
  };
  const auto y_of = [&](double v) {
    return top + plot_h * (hi - std::clamp(v, lo, hi)) / (hi - lo);
  };
  std::string s = fmt::format(
      "<svg class=\"trend\" viewBox=\"0 0 {} {}\" role=\"img\" aria-label=\"{}\" "
      "xmlns=\"http://www.w3.org/2000/svg\"><title>{}</title>\n",
      num(w), num(h), html_escape(title), html_escape(title));
  fmt::format_to(std::back_inserter(s),
                 "<line x1=\"{0}\" y1=\"{1}\" x2=\"{2}\" y2=\"{1}\" class=\"reference\"/>"
                 "<text x=\"{3}\" y=\"{4}\" class=\"tick\" text-anchor=\"end\">100 %</text>\n",
                 num(left), num(y_of(100)), num(w - right), num(left - 6), num(y_of(100) + 4));
  fmt::format_to(std::back_inserter(s),
                 "<line x1=\"{0}\" y1=\"{1}\" x2=\"{2}\" y2=\"{1}\" class=\"grid\"/>\n", num(left),
                 num(top + plot_h), num(w - right));
  const std::optional<size_t> last = append_lines(s, values, x_of, y_of);
  for (size_t i = 0; i < n; ++i) {
    if (values[i] && std::isfinite(*values[i])) {
      fmt::format_to(std::back_inserter(s),
                     "<circle cx=\"{}\" cy=\"{}\" r=\"{}\" class=\"dot {}\"/>", num(x_of(i)),
                     num(y_of(*values[i])), i == last ? "4" : "2.5",
                     i == last ? status_class(status) : std::string("none"));
    }
  }
  if (last) {
    // The last value in the band above the plot (the axis reaches at least 120 %, so the
    // 100 % line and every point lie below it): it crosses neither.
    fmt::format_to(std::back_inserter(s),
                   "<text x=\"{}\" y=\"13\" class=\"value\" text-anchor=\"end\">{} %</text>",
                   num(w - right), html_escape(human_number(*values[*last], 1)));
  }
  if (!periods.empty()) {
    fmt::format_to(std::back_inserter(s),
                   "\n<text x=\"{}\" y=\"{}\" class=\"tick\" text-anchor=\"start\">{}</text>",
                   num(left), num(h - 6), html_escape(periods.front()));
    if (periods.size() > 1) {
      fmt::format_to(std::back_inserter(s),
                     "<text x=\"{}\" y=\"{}\" class=\"tick\" text-anchor=\"end\">{}</text>",
                     num(w - right), num(h - 6), html_escape(periods.back()));
    }
  }
  s += "</svg>";
  return s;
}

}  // namespace kpi::render
