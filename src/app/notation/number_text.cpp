// Significant-digit formatting with words for the non-finite values, and reading such text back.
#include "app/notation/number_text.h"

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>

namespace bp {

std::string number_text(double v, int digits) {
    if (std::isnan(v)) return "undefined";
    if (std::isinf(v)) return v > 0 ? "overflow" : "\u2212overflow";
    if (v == 0.0) return "0";  // also -0
    char text[48];
    std::snprintf(text, sizeof text, "%.*g", digits < 1 ? 1 : digits > 17 ? 17 : digits, std::fabs(v));
    return (v < 0 ? "\u2212" : "") + std::string(text);
}

std::string short_number_text(double v) {
    const double size = std::fabs(v);
    // Outside 0.001 to 999 the plain form's zeros take more room than an exponent.
    if (!std::isfinite(v) || v == 0.0 || (size >= 0.001 && size < 999.5)) return number_text(v, size >= 99.5 ? 3 : 2);
    char text[32];
    std::snprintf(text, sizeof text, "%.1e", size);  // 1.2e+03, 1.0e-05
    const char* e = std::strchr(text, 'e');
    std::string mantissa(text, static_cast<size_t>(e - text));
    if (mantissa.size() == 3 && mantissa[2] == '0') mantissa.resize(1);  // 1.0 -> 1
    return (v < 0 ? "\u2212" : "") + mantissa + "e" + std::to_string(std::atoi(e + 1));
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
