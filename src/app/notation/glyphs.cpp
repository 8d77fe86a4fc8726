// Superscript and subscript digits and parameter symbols.
#include "app/notation/glyphs.h"

namespace bp {

namespace {
const char* const kSuperscripts[] = {"\u2070", "\u00b9", "\u00b2", "\u00b3", "\u2074",
                                     "\u2075", "\u2076", "\u2077", "\u2078", "\u2079"};
const char* const kSubscripts[] = {"\u2080", "\u2081", "\u2082", "\u2083", "\u2084",
                                   "\u2085", "\u2086", "\u2087", "\u2088", "\u2089"};

std::string digits(int n, const char* const* glyphs) {
    if (n < 0) return "-" + digits(-n, glyphs);
    const std::string plain = std::to_string(n);
    std::string out;
    for (char c : plain) out += glyphs[c - '0'];
    return out;
}
}  // namespace

std::string superscript(int n) { return digits(n, kSuperscripts); }
std::string subscript(int n) { return digits(n, kSubscripts); }

std::string weight_symbol(int layer0, int i0, int j0) {
    const bool wide = i0 >= 9 || j0 >= 9;
    return "w" + superscript(layer0 + 1) + subscript(i0 + 1) + (wide ? "," : "") + subscript(j0 + 1);
}

std::string bias_symbol(int layer0, int j0) { return "b" + superscript(layer0 + 1) + subscript(j0 + 1); }

std::string neuron_symbol(const char* letter, int layer, int j0) {
    return letter + superscript(layer) + subscript(j0 + 1);
}

std::string architecture_name(const std::vector<int>& sizes) {
    std::string name;
    for (size_t l = 0; l < sizes.size(); ++l) name += (l ? "-" : "") + std::to_string(sizes[l]);
    return name;
}

}  // namespace bp
