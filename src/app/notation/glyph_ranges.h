// The characters the lab writes, as ranges of Unicode code points: the font is cut down to exactly
// these at build time (CMakeLists.txt reads this file) and the UI loads the same ranges, so the two
// cannot disagree. Keep one `{0x..., 0x...},` pair a line: the build parses them.
#pragma once

namespace bp {

struct GlyphRange {
    unsigned first, last;
};

inline constexpr GlyphRange kLabGlyphRanges[] = {
    {0x0020, 0x007E},  // ASCII
    {0x00A0, 0x00FF},  // Latin-1: · × ¹ ² ³ ...
    {0x0177, 0x0177},  // ŷ
    {0x02B0, 0x02E4},  // modifier letters: superscript ʲ ˡ ˣ (lessons' a^{l-1})
    {0x0391, 0x03C9},  // Greek: α δ Σ ...
    {0x2010, 0x205E},  // punctuation: dashes, bullets, ellipsis, primes
    {0x1D2C, 0x1D6A},  // modifier letters: superscript ᵀ ᵃ ᵏ, subscript ᵢ ᵣ
    {0x2070, 0x209F},  // superscript and subscript digits
    {0x2190, 0x21FF},  // arrows
    {0x2200, 0x22FF},  // mathematical operators: ∂ Σ − ≈ ⊙ ...
    {0x25A0, 0x25FF},  // geometric shapes
    {0x2713, 0x2717},  // check marks
    {0x2C7C, 0x2C7C},  // subscript ⱼ
};

}  // namespace bp
