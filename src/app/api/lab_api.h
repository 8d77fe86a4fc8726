// window.lab: the lab's browser API as JSON in, JSON out, so that the platform bridge stays thin
// and every call can be tested natively. Every method is one row of one table (api_methods()):
// its name, how many arguments it takes, and a small handler that checks them and calls the Lab.
// The page's side (web/lab_api.js) is checked against this table by a test, so a method cannot
// exist on one side only. The README documents each method.
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "app/lab/lab.h"
#include "app/layout/screen_geometry.h"
#include "app/layout/view_settings.h"
#include "app/lesson/lesson_run.h"

namespace bp {

// One call's context: the lab, the arguments (a JSON array), where the views were drawn and the
// window's view settings (text scale, presenter mode), which some calls change.
struct ApiCall {
    Lab& lab;
    const nlohmann::json& args;
    const ScreenGeometry& screen;
    ViewSettings& view;
    LessonRun& lesson;  // the open lesson, if any
    // Argument k, or null when the caller gave fewer.
    const nlohmann::json& arg(size_t k) const;
    // True when the caller gave argument k (even null): null is then a wrong value, not "absent".
    bool has(size_t k) const { return k < args.size(); }
};

struct ApiMethod {
    const char* name;     // window.lab.<name>
    int max_args;         // a call with more arguments is refused
    nlohmann::json (*run)(const ApiCall& call);
};

// A call's answer: {"ok": true, "error": null} when `error` is empty, else {"ok": false, "error": error}.
nlohmann::json result(const std::string& error);

// The table: every window.lab method, in the order the README lists them.
const std::vector<ApiMethod>& api_methods();

// Runs one API call: `method` is the lab.* function's name, `args_json` a JSON array of its
// arguments. Returns the JSON result. Unknown methods and malformed arguments return
// {"ok": false, "error": "..."} and change nothing. Without a window's view settings and lesson,
// calls that change them act on ones of their own that nothing shows and the call forgets.
std::string call_lab_api(Lab& lab, const std::string& method, const std::string& args_json,
                         const ScreenGeometry& screen, ViewSettings& view, LessonRun& lesson);
std::string call_lab_api(Lab& lab, const std::string& method, const std::string& args_json,
                         const ScreenGeometry& screen, ViewSettings& view);
std::string call_lab_api(Lab& lab, const std::string& method, const std::string& args_json,
                         const ScreenGeometry& screen = {});

}  // namespace bp
