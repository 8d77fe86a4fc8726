// Browser bridge: embind entry points for window.lab (its calls, its table, its limits) and the
// first-frame signal.
#include "platform/web_bridge.h"

#ifdef __EMSCRIPTEN__
#include <emscripten.h>
#include <emscripten/bind.h>

#include <string>

#include "app/api/lab_api.h"
#include "app/api/page_table.h"

namespace {
bp::LabWindow* g_window = nullptr;

std::string lab_call(const std::string& method, const std::string& args_json) {
    if (!g_window) return R"({"ok":false,"error":"the lab is not running yet"})";
    return bp::call_lab_api(g_window->lab, method, args_json, g_window->geometry(), g_window->view, g_window->lesson);
}

// The table web/lab_api.js builds window.lab from, and the limits the page checks, as JSON text.
std::string lab_methods() { return bp::api_table_json().dump(); }
std::string lab_limits() { return bp::api_limits_json().dump(); }
}  // namespace

EMSCRIPTEN_BINDINGS(backprop_lab) {
    emscripten::function("labCall", &lab_call);
    emscripten::function("labMethods", &lab_methods);
    emscripten::function("labLimits", &lab_limits);
}

namespace bp {
void bind_web_api(LabWindow* window) { g_window = window; }
void notify_first_frame() {
    EM_ASM({
        if (Module["onFirstFrame"]) Module["onFirstFrame"]();
    });
}
}  // namespace bp

#else

namespace bp {
void bind_web_api(LabWindow*) {}
void notify_first_frame() {}
}  // namespace bp

#endif
