// kpi report --format eml: the HTML report as a MIME message (RFC 2045, 2387) that Gmail
// and Outlook show with its charts: they drop inline SVG, so each chart becomes a PNG
// part (multipart/related) that the page names by Content-ID.
#include <fmt/format.h>

#include <cstdint>
#include <sstream>
#include <vector>

#include "kpi/render/labels.hpp"
#include "kpi/render/render.hpp"
#include "kpi/render/report_style.hpp"
#include "kpi/render/svg_png.hpp"

namespace kpi {

namespace {

constexpr std::string_view k_base64 =
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

std::string base64(std::string_view bytes) {
  std::string out;
  out.reserve((bytes.size() + 2) / 3 * 4);
  for (size_t i = 0; i < bytes.size(); i += 3) {
    uint32_t n = static_cast<uint32_t>(static_cast<unsigned char>(bytes[i])) << 16;
    if (i + 1 < bytes.size()) {
      n |= static_cast<uint32_t>(static_cast<unsigned char>(bytes[i + 1])) << 8;
    }
    if (i + 2 < bytes.size()) {
      n |= static_cast<unsigned char>(bytes[i + 2]);
    }
    out += k_base64[(n >> 18) & 63];
    out += k_base64[(n >> 12) & 63];
    out += i + 1 < bytes.size() ? k_base64[(n >> 6) & 63] : '=';
    out += i + 2 < bytes.size() ? k_base64[n & 63] : '=';
  }
  return out;
}

/// A header value in RFC 2047 encoded words of at most 45 bytes of UTF-8 each, folded.
std::string encoded_words(std::string_view text) {
  std::string out;
  size_t i = 0;
  while (i < text.size()) {
    size_t end = std::min(text.size(), i + 45);
    while (end < text.size() && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80) {
      --end;  // never cut a character in two
    }
    out += (out.empty() ? "" : "\r\n ") + std::string("=?UTF-8?B?") +
           base64(text.substr(i, end - i)) + "?=";
    i = end;
  }
  return out;
}

/// A stable boundary: the same report gives the same message (FNV-1a of the page).
std::string boundary_for(std::string_view html) {
  uint64_t h = 1469598103934665603ULL;
  for (char c : html) {
    h = (h ^ static_cast<unsigned char>(c)) * 1099511628211ULL;
  }
  return fmt::format("kpi-report-{:016x}", h);
}

struct Chart {
  std::string id;
  render::Png png;
};

/// The page with each <svg> chart replaced by an <img> of its PNG part.
std::string with_images(const std::string& html, std::vector<Chart>& charts) {
  std::string out;
  size_t from = 0;
  for (size_t at = html.find("<svg", from); at != std::string::npos; at = html.find("<svg", from)) {
    const size_t end = html.find("</svg>", at);
    if (end == std::string::npos) {
      break;
    }
    const std::string_view svg = std::string_view(html).substr(at, end + 6 - at);
    Chart chart{fmt::format("chart-{}@kpi", charts.size() + 1),
                render::svg_to_png(svg, render::chart_stylesheet())};
    // The chart's own aria-label (escaped already) says what the image shows.
    std::string alt;
    if (const size_t a = svg.find("aria-label=\""); a != std::string_view::npos) {
      alt = std::string(svg.substr(a + 12, svg.find('"', a + 12) - a - 12));
    }
    out.append(html, from, at - from);
    out += fmt::format(
        "<img src=\"cid:{}\" alt=\"{}\" width=\"{}\" height=\"{}\" "
        "style=\"max-width:100%;height:auto;display:block\">",
        chart.id, alt, chart.png.width, chart.png.height);
    charts.push_back(std::move(chart));
    from = end + 6;
  }
  out.append(html, from, std::string::npos);
  return out;
}

}  // namespace

uint64_t render_report_eml(std::ostream& out, const Report& report, std::string_view generated) {
  std::vector<Chart> charts;
  std::string html;
  {
    std::ostringstream page;
    render_report_html(page, report, generated);
    html = with_images(page.str(), charts);
  }
  uint64_t size = 0;
  const auto put = [&](std::string_view text) {
    out << text;
    size += text.size();
  };
  // A body in base64, in lines of 76 characters ending in CRLF.
  const auto put_base64 = [&](std::string_view bytes) {
    const std::string text = base64(bytes);
    for (size_t i = 0; i < text.size(); i += 76) {
      put(std::string_view(text).substr(i, 76));
      put("\r\n");
    }
  };
  const std::string boundary = boundary_for(html);
  put("MIME-Version: 1.0\r\nSubject: ");
  put(encoded_words(
      render::trf("{}: report for {}", report.current.workspace, report.current.token)));
  put("\r\nContent-Type: multipart/related; boundary=\"" + boundary + "\"; type=\"text/html\"\r\n");
  put("\r\nThis is a MIME message: the report as HTML with its charts as images.\r\n");
  put("\r\n--" + boundary + "\r\n");
  put("Content-Type: text/html; charset=utf-8\r\nContent-Transfer-Encoding: base64\r\n\r\n");
  put_base64(html);
  for (const Chart& c : charts) {
    put("\r\n--" + boundary + "\r\n");
    put("Content-Type: image/png\r\nContent-Transfer-Encoding: base64\r\n");
    put("Content-ID: <" + c.id + ">\r\n");
    put("Content-Disposition: inline; filename=\"" + c.id.substr(0, c.id.find('@')) +
        ".png\"\r\n\r\n");
    put_base64(c.png.bytes);
  }
  put("\r\n--" + boundary + "--\r\n");
  return size;
}

}  // namespace kpi
