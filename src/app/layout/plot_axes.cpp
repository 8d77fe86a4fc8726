// Nice axis ticks.
#include "app/layout/plot_axes.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace bp {

std::vector<double> nice_ticks(double lo, double hi, int max_ticks) {
    std::vector<double> ticks;
    if (!(hi > lo) || max_ticks < 2 || !std::isfinite(lo) || !std::isfinite(hi)) return ticks;
    const double rough = (hi - lo) / (max_ticks - 1);
    const double magnitude = std::pow(10.0, std::floor(std::log10(rough)));
    double step = magnitude * 10.0;
    for (double m : {1.0, 2.0, 5.0, 10.0})
        if (m * magnitude >= rough) {
            step = m * magnitude;
            break;
        }
    for (double k = std::ceil(lo / step); k * step <= hi + step * 1e-9; k += 1.0) ticks.push_back(k * step);
    return ticks;
}

std::string tick_label(double value, double step) {
    char text[32];
    if (std::fabs(value) < step * 1e-6) value = 0.0;
    const double a = std::fabs(step);
    if (a >= 1e-3 && a < 1e6) {
        const int decimals = std::max(0, static_cast<int>(std::ceil(-std::log10(a) - 1e-9)));
        std::snprintf(text, sizeof text, "%.*f", decimals, value);
    } else {
        std::snprintf(text, sizeof text, "%.1e", value);
    }
    return text;
}

}  // namespace bp
