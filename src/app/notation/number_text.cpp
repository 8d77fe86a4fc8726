// Significant-digit formatting with words for the non-finite values, and reading such text back.
#include "app/notation/number_text.h"

#include <cmath>
#include <cstdio>
#include <cstdlib>

namespace bp {

std::string number_text(double v, int digits) {
    if (std::isnan(v)) return "undefined";
    if (std::isinf(v)) return v > 0 ? "overflow" : "\u2212overflow";
    if (v == 0.0) return "0";  // also -0
    char text[48];
    std::snprintf(text, sizeof text, "%.*g", digits < 1 ? 1 : digits > 17 ? 17 : digits, std::fabs(v));
    return (v < 0 ? "\u2212" : "") + std::string(text);
}

bool number_from_text(const std::string& text, double& value) {
    const std::string minus = "\u2212";
    std::string ascii;
    for (size_t k = 0; k < text.size();) {
        if (text.compare(k, minus.size(), minus) == 0) {
            ascii += '-';
            k += minus.size();
        } else {
            ascii += text[k++];
        }
    }
    const size_t first = ascii.find_first_not_of(" \t");
    const size_t last = ascii.find_last_not_of(" \t");
    if (first == std::string::npos) return false;
    ascii = ascii.substr(first, last - first + 1);
    // Only the characters of a decimal number: strtod would also read "inf", "nan" and hex.
    if (ascii.find_first_not_of("0123456789+-.eE") != std::string::npos) return false;
    char* end = nullptr;
    const double v = std::strtod(ascii.c_str(), &end);
    if (end != ascii.c_str() + ascii.size() || !std::isfinite(v)) return false;
    value = v == 0.0 ? 0.0 : v;  // no -0
    return true;
}

}  // namespace bp
