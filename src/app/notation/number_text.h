// Numbers as the lab writes them on screen: a fixed count of significant digits (1.25e-10 stays
// 1.25e-10, never 0.000000), no "-0", a true minus sign (−), and words for what IEEE arithmetic
// spells inf and nan, which no student should have to decode.
#pragma once

#include <string>

namespace bp {

// v with `digits` significant digits: 0.05453, −1.234e-07, 12.35, 0; "overflow" for ±infinity and
// "undefined" for NaN.
std::string number_text(double v, int digits = 4);

}  // namespace bp
