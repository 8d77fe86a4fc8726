// LabApi: the `window.lab` browser API as JSON in, JSON out, so that the platform bridge stays thin
// and every call can be tested natively. Names and shapes follow DESIGN.md.
#pragma once

#include <string>

#include "app/lab.h"

namespace bp {

// Runs one API call: `method` is the lab.* function's name, `args_json` a JSON array of its
// arguments. Returns the JSON result. Unknown methods and malformed arguments return
// {"ok": false, "error": "..."} and change nothing.
std::string call_lab_api(Lab& lab, const std::string& method, const std::string& args_json);

}  // namespace bp
