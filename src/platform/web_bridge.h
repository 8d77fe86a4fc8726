// The browser bridge: exposes the lab to the page's `window.lab` API and tells the page when the
// first frame is drawn. On the desktop these do nothing.
#pragma once

#include "app/ui/lab_window.h"

namespace bp {

// Makes `Module.labCall(method, argsJson)` reach the window's lab (layout() reads where its views
// were drawn).
void bind_web_api(LabWindow* window);
// Resolves `lab.ready` in the page.
void notify_first_frame();

}  // namespace bp
