// Significant-digit formatting with words for the non-finite values.
#include "app/notation/number_text.h"

#include <cmath>
#include <cstdio>

namespace bp {

std::string number_text(double v, int digits) {
    if (std::isnan(v)) return "undefined";
    if (std::isinf(v)) return v > 0 ? "overflow" : "\u2212overflow";
    if (v == 0.0) return "0";  // also -0
    char text[48];
    std::snprintf(text, sizeof text, "%.*g", digits < 1 ? 1 : digits > 17 ? 17 : digits, std::fabs(v));
    return (v < 0 ? "\u2212" : "") + std::string(text);
}

}  // namespace bp
