// The browser bridge: exposes the lab to the page's `window.lab` API and tells the page when the
// first frame is drawn. On the desktop these do nothing.
#pragma once

#include "app/lab.h"

namespace bp {

// Makes `Module.labCall(method, argsJson)` reach this lab.
void bind_web_api(Lab* lab);
// Resolves `lab.ready` in the page.
void notify_first_frame();
// In the browser: ImGui's copy and paste through the page's clipboard, CSV downloads and the file
// picker for imports (Emscripten's GLFW has no clipboard). On the desktop GLFW does all this.
void install_browser_services(Lab* lab);
// Downloads a PNG of the canvas; call right after drawing a frame.
void save_png_after_frame();

}  // namespace bp
