// The lesson's math markup, for writers without a way to type w¹₁₁: "w^1_11" becomes w¹₁₁,
// "\partial L/\partial w" becomes ∂L/∂w, "\alpha" becomes α (the full list is in docs/LESSONS.md).
// Characters typed directly (∂, ŷ, ¹) are kept. A character the lab's font does not have is an
// error, since it would be drawn as a box.
#pragma once

#include <string>

namespace bp {

// The markup of one line turned into the glyphs the lab draws; false (with the reason) when the
// line has a character or a ^/_ group the lab cannot draw.
bool render_markup(const std::string& line, std::string& out, std::string& error);

// True when the UTF-8 text decodes and every character lies in the lab's glyph ranges; else the
// first problem (an invalid byte, or the character and its code point).
bool drawable_text(const std::string& text, std::string& error);

}  // namespace bp
