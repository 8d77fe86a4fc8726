// The lab's font: DejaVu Sans (subset at build time and embedded), with the math glyphs the lab
// writes (∂ α Σ ŷ δ, super- and subscript digits, arrows).
#pragma once

namespace bp {

// Replaces the font atlas's fonts with the lab font rasterised at size_px * pixel_ratio and drawn
// at size_px (sharp text on high-density screens). The renderer must re-upload the atlas after.
void load_lab_font(float size_px, float pixel_ratio);

}  // namespace bp
