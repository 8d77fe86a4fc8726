// window.lab: the lab's browser API as JSON in, JSON out, so that the platform bridge stays thin
// and every call can be tested natively. Every method is one row of one table (api_methods()): its
// name, its arguments and how the page sends each, what the page makes of the answer, and a small
// handler that checks the arguments and calls the Lab. The page (web/lab_api.js) builds window.lab
// from this table at run time (page_table.h), so a method exists in one place. The README
// documents each method.
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "app/lab/lab.h"
#include "app/lab/untrusted_json.h"
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

// How the page sends one argument of a call (web/lab_api.js applies it before the JSON goes out).
enum class Send {
    Value,    // as given; undefined becomes null
    Number,   // as given, but NaN and the infinities as their text ("NaN"), which the lab refuses:
              // JSON would turn them into null, which some calls read as "left out"
    Text,     // String(x): anything becomes its text
    Options,  // an object; {} when left out or null; anything else the page refuses unsent
};

struct ApiArg {
    Send send = Send::Value;
    // An optional argument left out (undefined) is not sent, unless a later one is given: it is then
    // sent as `fallback` (null when that is not set).
    bool optional = false;
    nlohmann::json fallback = nullptr;
};

// What the page makes of a call's answer.
enum class Answer {
    Json,  // the answer as it is
    Link,  // a text after "#lab=": the page answers with its own address and that text, and throws
           // an Error with the message when the call was refused
    LessonLink,  // {ok, error, text, step}: a lesson file and a step of it; the page answers with a
                 // Promise of {ok, error, link}, the lesson link it makes of them (web/lesson_link.js)
};

struct ApiMethod {
    const char* name;           // window.lab.<name>
    std::vector<ApiArg> args;   // the most the call takes; a call with more is refused
    nlohmann::json (*run)(const ApiCall& call);
    Answer answer = Answer::Json;
};

// The longest notice (characters): it is drawn across the top of the lab every frame, so a few
// lines at most; the page's own notices (a lesson's error with the lesson's name) fit.
inline constexpr size_t kMaxNoticeChars = 1000;
// The longest arguments of one call, as JSON text in characters (UTF-16 units), refused by the page
// before they are copied into the lab's memory, which never shrinks. The largest a call needs is a
// CSV or weights file of 1 MiB, escaped. Three UTF-8 bytes at most per unit stay within what the
// lab's JSON reader takes.
inline constexpr size_t kMaxArgumentChars = 4u << 20;
static_assert(3 * kMaxArgumentChars <= kApiJsonLimits.max_bytes, "the page's limit must be within the lab's");

// A call's answer: {"ok": true, "error": null} when `error` is empty, else {"ok": false, "error": error}.
nlohmann::json result(const std::string& error);

// The table: every window.lab method (the README documents each).
const std::vector<ApiMethod>& api_methods();

// Runs one API call: `method` is the lab.* function's name, `args_json` a JSON array of its
// arguments. Returns the JSON result. Unknown methods and malformed arguments return
// {"ok": false, "error": "..."} and change nothing; every error of a method begins with its name
// ("setSpeed(): the speed is at least 1 step per second"), which the handlers leave to this.
// Without a window's view settings and lesson, calls that change them act on ones of their own that
// nothing shows and the call forgets.
std::string call_lab_api(Lab& lab, const std::string& method, const std::string& args_json,
                         const ScreenGeometry& screen, ViewSettings& view, LessonRun& lesson);
std::string call_lab_api(Lab& lab, const std::string& method, const std::string& args_json,
                         const ScreenGeometry& screen, ViewSettings& view);
std::string call_lab_api(Lab& lab, const std::string& method, const std::string& args_json,
                         const ScreenGeometry& screen = {});

}  // namespace bp
