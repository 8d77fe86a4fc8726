// Axis ticks for plots: "nice" round values (1, 2 or 5 times a power of ten) covering a range.
#pragma once

#include <string>
#include <vector>

namespace bp {

// Ticks k * step inside [lo, hi], with step the smallest nice number giving at most max_ticks.
std::vector<double> nice_ticks(double lo, double hi, int max_ticks);
// The tick's label: as few digits as the step needs ("0.05", "1200", "2.5e-05").
std::string tick_label(double value, double step);

}  // namespace bp
