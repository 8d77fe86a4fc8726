// The browser bridge: exposes the lab to the page's `window.lab` API and tells the page when the
// first frame is drawn. On the desktop these do nothing.
#pragma once

#include "app/lab.h"

namespace bp {

// Makes `Module.labCall(method, argsJson)` reach this lab.
void bind_web_api(Lab* lab);
// Resolves `lab.ready` in the page.
void notify_first_frame();

}  // namespace bp
