#include "kpi/render/svg_png.hpp"

#include <cairo.h>
#include <librsvg/rsvg.h>

#include <algorithm>
#include <memory>

#include "kpi/error.hpp"

namespace kpi::render {

namespace {

[[noreturn]] void fail_chart(const std::string& why) {
  throw usage_error("unwritable", "cannot draw a chart of the report as PNG: " + why);
}

cairo_status_t append_bytes(void* closure, const unsigned char* data, unsigned int length) {
  static_cast<std::string*>(closure)->append(reinterpret_cast<const char*>(data), length);
  return CAIRO_STATUS_SUCCESS;
}

}  // namespace

Png svg_to_png(std::string_view svg, std::string_view stylesheet) {
  // The charts' classes get their colours from a <style> of their own.
  std::string styled(svg);
  const size_t open_end = styled.find('>');
  if (open_end == std::string::npos) {
    fail_chart("not an SVG element");
  }
  styled.insert(open_end + 1, "<style>" + std::string(stylesheet) + "</style>");

  GError* error = nullptr;
  std::unique_ptr<RsvgHandle, decltype(&g_object_unref)> handle(
      rsvg_handle_new_from_data(reinterpret_cast<const guint8*>(styled.data()), styled.size(),
                                &error),
      g_object_unref);
  if (!handle) {
    const std::string why = error != nullptr ? error->message : "librsvg refused it";
    g_clear_error(&error);
    fail_chart(why);
  }
  gdouble width = 0;
  gdouble height = 0;
  if (!rsvg_handle_get_intrinsic_size_in_pixels(handle.get(), &width, &height) || width <= 0 ||
      height <= 0) {
    RsvgRectangle box{};
    gboolean has_width = FALSE;
    gboolean has_height = FALSE;
    gboolean has_box = FALSE;
    RsvgLength w{};
    RsvgLength h{};
    rsvg_handle_get_intrinsic_dimensions(handle.get(), &has_width, &w, &has_height, &h, &has_box,
                                         &box);
    if (!has_box) {
      fail_chart("it has no size");
    }
    width = box.width;
    height = box.height;
  }
  // Twice the size, sharp on high-density screens; less where that would pass cairo's
  // largest image side (32,767 pixels: the bar chart of a thousand people).
  constexpr double k_max_side = 32767;
  const double k_scale = std::min({2.0, k_max_side / width, k_max_side / height});
  std::unique_ptr<cairo_surface_t, decltype(&cairo_surface_destroy)> surface(
      cairo_image_surface_create(CAIRO_FORMAT_ARGB32,
                                 std::max(1, static_cast<int>(width * k_scale + 0.5)),
                                 std::max(1, static_cast<int>(height * k_scale + 0.5))),
      cairo_surface_destroy);
  std::unique_ptr<cairo_t, decltype(&cairo_destroy)> cr(cairo_create(surface.get()), cairo_destroy);
  // A white ground: mail readers in dark mode would show a transparent chart on black.
  cairo_set_source_rgb(cr.get(), 1, 1, 1);
  cairo_paint(cr.get());
  const RsvgRectangle viewport{0, 0, width * k_scale, height * k_scale};
  if (!rsvg_handle_render_document(handle.get(), cr.get(), &viewport, &error)) {
    const std::string why = error != nullptr ? error->message : "librsvg could not draw it";
    g_clear_error(&error);
    fail_chart(why);
  }
  Png png;
  png.width = static_cast<int>(width + 0.5);
  png.height = static_cast<int>(height + 0.5);
  if (cairo_surface_write_to_png_stream(surface.get(), append_bytes, &png.bytes) !=
      CAIRO_STATUS_SUCCESS) {
    fail_chart("cairo could not write the PNG");
  }
  return png;
}

}  // namespace kpi::render
