// Loads the embedded lab font into ImGui's atlas. The super- and subscript digits (the indices of
// w¹₁₂, ∂z²₁) are DejaVu's own glyphs, drawn 30 % larger than the font's design (theirs are 56 % of
// a digit's height; enlarged they are 73 %) and moved back onto the line, so an index stays
// readable from the back of a room: never below 70 % of the body text.
#include "app/ui/fonts.h"

#include <imgui.h>

#include <iterator>
#include <vector>

#include "app/notation/glyph_ranges.h"

#include "embedded_resources.h"

namespace bp {

namespace {

constexpr float kScriptScale = 1.3f;  // the index glyphs' size against the body text

// ImGui's zero-terminated pairs.
using Ranges = std::vector<ImWchar>;

const Ranges& superscripts() {
    static const Ranges r = {0x00B2, 0x00B3, 0x00B9, 0x00B9, 0x02B0, 0x02B8, 0x02E0, 0x02E4, 0x1D2C, 0x1D61, 0x2070, 0x207F, 0};
    return r;
}
const Ranges& subscripts() {
    static const Ranges r = {0x1D62, 0x1D6A, 0x2080, 0x209F, 0x2C7C, 0x2C7C, 0};
    return r;
}

bool in(const Ranges& r, unsigned c) {
    for (size_t k = 0; k + 1 < r.size(); k += 2)
        if (c >= r[k] && c <= r[k + 1]) return true;
    return false;
}

// The lab's ranges (the same table the build cuts the font to) without the indices, which the
// enlarged merges provide.
const Ranges& body_glyphs() {
    static const Ranges ranges = [] {
        Ranges out;
        for (const GlyphRange& g : kLabGlyphRanges) {
            unsigned start = g.first;
            for (unsigned c = g.first; c <= g.last + 1; ++c) {
                const bool end = c == g.last + 1 || in(superscripts(), c) || in(subscripts(), c);
                if (!end) continue;
                if (c > start) {
                    out.push_back(static_cast<ImWchar>(start));
                    out.push_back(static_cast<ImWchar>(c - 1));
                }
                start = c + 1;
            }
        }
        out.push_back(0);
        return out;
    }();
    return ranges;
}

void add_font(float size, const Ranges& ranges, bool merge, float offset_y) {
    ImFontConfig config;
    config.FontDataOwnedByAtlas = false;  // the data is a static array
    config.OversampleH = 2;
    config.OversampleV = 1;
    config.PixelSnapH = false;
    config.MergeMode = merge;
    config.GlyphOffset = ImVec2(0.0f, offset_y);
    ImGui::GetIO().Fonts->AddFontFromMemoryTTF(const_cast<unsigned char*>(embedded::lab_font),
                                               static_cast<int>(embedded::lab_font_size), size, &config, ranges.data());
}

}  // namespace

void load_lab_font(float size_px, float pixel_ratio) {
    ImGuiIO& io = ImGui::GetIO();
    io.Fonts->Clear();
    const float size = size_px * pixel_ratio;
    add_font(size, body_glyphs(), false, 0.0f);
    // Enlarged, a superscript would rise above the line and a subscript sit on the baseline: the
    // offsets (in em of the body text) put the one under the line's top and the other below the baseline.
    add_font(size * kScriptScale, superscripts(), true, size * 0.08f);
    add_font(size * kScriptScale, subscripts(), true, size * 0.14f);
    io.FontGlobalScale = 1.0f / pixel_ratio;
    io.Fonts->Build();
}

}  // namespace bp
