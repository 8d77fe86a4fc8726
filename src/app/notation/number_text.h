// Numbers as the lab writes them on screen: a fixed count of significant digits (1.25e-10 stays
// 1.25e-10, never 0.000000), no "-0", a true minus sign (−), and words for what IEEE arithmetic
// spells inf and nan, which no student should have to decode. And the way back, for numbers a user
// edits in place.
#pragma once

#include <string>

namespace bp {

// v with `digits` significant digits: 0.05453, −1.234e-07, 12.35, 0; "overflow" for ±infinity and
// "undefined" for NaN.
std::string number_text(double v, int digits = 4);

// v in few characters, for a number inside a small shape (a neuron's circle): two significant
// digits, three from 99.5 to 999 (123, not 1.2e+02), and outside 0.001 to 999 the exponent form
// written short: 1.2e3, −1e-4. Otherwise as number_text: 0, 0.004, −0.73, overflow, undefined.
std::string short_number_text(double v);

// Reads a finite number as a user types it or number_text wrote it: "−0.5" (true minus), "-0.5",
// "+2", "1e-3", with spaces around. False (value unchanged) for anything else.
bool number_from_text(const std::string& text, double& value);

}  // namespace bp
