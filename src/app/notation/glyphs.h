// Math notation for the screen: superscript and subscript digits and the parameter symbols
// w¹₁₂, b²₁, δ³₁, written with real glyphs (UTF-8), 1-based as on screen.
#pragma once

#include <string>
#include <vector>

namespace bp {

std::string superscript(int n);  // 12 -> "¹²"
std::string subscript(int n);    // 12 -> "₁₂"
// w^l_ij with 0-based code indices: weight_symbol(0, 0, 1) -> "w¹₁₂". Indices above 9 are
// separated by a comma ("w¹₁₀,₁₂") so they stay unambiguous.
std::string weight_symbol(int layer0, int i0, int j0);
std::string bias_symbol(int layer0, int j0);    // "b¹₂"
std::string neuron_symbol(const char* letter, int layer, int j0);  // ("a", 2, 0) -> "a²₁" (layer 1-based)
// "4-3-2-1"
std::string architecture_name(const std::vector<int>& sizes);

}  // namespace bp
