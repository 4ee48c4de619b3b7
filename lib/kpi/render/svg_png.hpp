#pragma once
// Internal: one of the report's SVG charts drawn as a PNG image, for mail readers that
// drop inline SVG (Gmail, Outlook). librsvg and cairo do the drawing.

#include <string>
#include <string_view>

namespace kpi::render {

struct Png {
  std::string bytes;
  int width = 0;   ///< CSS pixels the image stands for (its viewBox width)
  int height = 0;  ///< the same for its height; the image itself is drawn at twice the size
};

/// `svg` (one <svg>...</svg> of kpi's own charts) with `stylesheet` added as its <style>,
/// drawn at 2x (less where a side would pass 32,767 pixels). Throws Error (exit 2) when it cannot be drawn.
Png svg_to_png(std::string_view svg, std::string_view stylesheet);

}  // namespace kpi::render
