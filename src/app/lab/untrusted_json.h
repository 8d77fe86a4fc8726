// JSON text from outside the lab (window.lab arguments, a pasted weights file) parsed within limits
// that are checked before parsing: the parser recurses once per nesting level, so text nested
// thousands deep would exhaust the stack (in WebAssembly, a trap that leaves the module dead).
#pragma once

#include <nlohmann/json.hpp>
#include <string>

namespace bp {

struct JsonLimits {
    size_t max_bytes;
    int max_depth;  // arrays and objects inside one another
};

// Everything window.lab takes fits: a settings object is 3 deep, a weights file 4, a CSV text one
// string of a few hundred KiB at most (2,000 points).
constexpr JsonLimits kApiJsonLimits{16u << 20, 32};

// The parsed value; or a discarded value and `error` saying what is wrong (too long, nested too
// deep, or not JSON).
nlohmann::json parse_untrusted_json(const std::string& text, const JsonLimits& limits, std::string& error);

}  // namespace bp
