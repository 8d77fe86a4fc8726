// Loads the embedded lab font into ImGui's atlas.
#include "app/ui/fonts.h"

#include <imgui.h>

#include <iterator>

#include "app/notation/glyph_ranges.h"

#include "embedded_resources.h"

namespace bp {

namespace {
// ImGui's zero-terminated pairs, from the same table the build cuts the font to.
const ImWchar* lab_glyphs() {
    static ImWchar ranges[2 * std::size(kLabGlyphRanges) + 1] = {};
    for (size_t k = 0; k < std::size(kLabGlyphRanges); ++k) {
        ranges[2 * k] = static_cast<ImWchar>(kLabGlyphRanges[k].first);
        ranges[2 * k + 1] = static_cast<ImWchar>(kLabGlyphRanges[k].last);
    }
    return ranges;
}
}  // namespace

void load_lab_font(float size_px, float pixel_ratio) {
    ImGuiIO& io = ImGui::GetIO();
    io.Fonts->Clear();
    ImFontConfig config;
    config.FontDataOwnedByAtlas = false;  // the data is a static array
    config.OversampleH = 2;
    config.OversampleV = 1;
    config.PixelSnapH = false;
    io.Fonts->AddFontFromMemoryTTF(const_cast<unsigned char*>(embedded::lab_font),
                                   static_cast<int>(embedded::lab_font_size), size_px * pixel_ratio, &config,
                                   lab_glyphs());
    io.FontGlobalScale = 1.0f / pixel_ratio;
    io.Fonts->Build();
}

}  // namespace bp
