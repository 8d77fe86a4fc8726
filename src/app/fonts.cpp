// Loads the embedded lab font into ImGui's atlas.
#include "app/fonts.h"

#include <imgui.h>

#include "embedded_resources.h"

namespace bp {

namespace {
// Must match the subset in CMakeLists.txt (FONT_UNICODES); zero-terminated pairs.
const ImWchar kLabGlyphs[] = {
    0x0020, 0x00FF,  // Latin-1
    0x0177, 0x0177,  // ŷ
    0x0391, 0x03C9,  // Greek
    0x2010, 0x205E,  // punctuation: dashes, bullets, ellipsis, primes
    0x2070, 0x209F,  // superscript and subscript digits
    0x2190, 0x21FF,  // arrows
    0x2200, 0x22FF,  // mathematical operators: ∂ Σ − ≈ ⊙ ...
    0x25A0, 0x25FF,  // geometric shapes
    0x2713, 0x2717,  // check marks
    0,
};
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
                                   kLabGlyphs);
    io.FontGlobalScale = 1.0f / pixel_ratio;
    io.Fonts->Build();
}

}  // namespace bp
