// The browser's touch events on the canvas, queued between frames and handed to Dear ImGui one frame
// at a time (see touch_input.h). Natively there is no touch input: the frame only forgets the
// surfaces the views listed.
#include "platform/touch_input.h"

#ifdef __EMSCRIPTEN__

#include <GLFW/glfw3.h>
#include <emscripten/em_js.h>
#include <emscripten/html5.h>
#include <imgui.h>
#include <imgui_internal.h>

#include "app/input/touch_gestures.h"
#include "app/input/touch_state.h"
#include "app/input/touch_surfaces.h"

namespace bp {

namespace {

TouchGestures g_gestures;
ImGuiWindow* g_swiped_window = nullptr;  // the panel the current swipe started on
double g_cursor_x = 0.0, g_cursor_y = 0.0;  // GLFW's cursor last frame: it moves only for a real mouse

EM_BOOL on_touch(int type, const EmscriptenTouchEvent* event, void*) {
    TouchPhase phase = TouchPhase::Move;
    if (type == EMSCRIPTEN_EVENT_TOUCHSTART) phase = TouchPhase::Start;
    else if (type == EMSCRIPTEN_EVENT_TOUCHEND) phase = TouchPhase::End;
    else if (type == EMSCRIPTEN_EVENT_TOUCHCANCEL) phase = TouchPhase::Cancel;
    // When the browser saw the touch (the same clock as emscripten_get_now), even if a long frame
    // delayed this callback.
    const double when = event->timestamp > 0.0 ? event->timestamp : emscripten_get_now();
    for (int k = 0; k < event->numTouches; ++k) {
        const EmscriptenTouchPoint& t = event->touches[k];
        if (!t.isChanged) continue;
        TouchEvent e;
        e.phase = phase;
        e.finger = t.identifier;
        e.pos = Vec2{static_cast<float>(t.targetX), static_cast<float>(t.targetY)};
        e.time_ms = when;
        g_gestures.push(e, touch_surfaces());
    }
    return EM_TRUE;  // prevents the browser's scrolling and zooming, and its emulated mouse events
}

// ImGui's own choice of the window a mouse wheel scrolls: the hovered one, or the nearest parent
// that can scroll along that axis.
ImGuiWindow* scrollable(ImGuiWindow* window, bool vertical) {
    while (window && (window->Flags & ImGuiWindowFlags_ChildWindow) && window->ParentWindow &&
           ((vertical ? window->ScrollMax.y : window->ScrollMax.x) == 0.0f || (window->Flags & ImGuiWindowFlags_NoScrollWithMouse)))
        window = window->ParentWindow;
    if (!window || (window->Flags & (ImGuiWindowFlags_NoScrollWithMouse | ImGuiWindowFlags_NoMouseInputs))) return nullptr;
    return window;
}

// The swipe moves the content under the finger with it: scrolling goes the other way.
void scroll_swiped_window(const TouchFrame& f) {
    if (f.scroll_started) g_swiped_window = ImGui::GetCurrentContext()->HoveredWindow;
    if (!g_swiped_window) return;
    if (f.scroll.y != 0.0f)
        if (ImGuiWindow* w = scrollable(g_swiped_window, true)) ImGui::SetScrollY(w, w->Scroll.y - f.scroll.y);
    if (f.scroll.x != 0.0f)
        if (ImGuiWindow* w = scrollable(g_swiped_window, false)) ImGui::SetScrollX(w, w->Scroll.x - f.scroll.x);
}

}  // namespace

// A touch screen is the page's main pointer (a phone or a tablet): CSS's (pointer: coarse).
EM_JS(int, js_pointer_is_coarse, (), { return window.matchMedia && window.matchMedia("(pointer: coarse)").matches ? 1 : 0; });

void install_touch_input() {
    if (js_pointer_is_coarse()) g_gestures.start_with_touch();
    emscripten_set_touchstart_callback("#canvas", nullptr, EM_TRUE, on_touch);
    emscripten_set_touchmove_callback("#canvas", nullptr, EM_TRUE, on_touch);
    emscripten_set_touchend_callback("#canvas", nullptr, EM_TRUE, on_touch);
    emscripten_set_touchcancel_callback("#canvas", nullptr, EM_TRUE, on_touch);
}

void feed_touch_input() {
    double x = 0.0, y = 0.0;
    glfwGetCursorPos(glfwGetCurrentContext(), &x, &y);
    if (x != g_cursor_x || y != g_cursor_y) g_gestures.mouse_moved();
    g_cursor_x = x;
    g_cursor_y = y;

    const TouchFrame f = g_gestures.next_frame(emscripten_get_now());
    touch_surfaces().clear();  // the views list this frame's surfaces as they draw
    publish_touch_frame(f);
    if (!f.active) return;
    ImGuiIO& io = ImGui::GetIO();
    io.MousePos = ImVec2(f.pos.x, f.pos.y);
    for (bool& button : io.MouseDown) button = false;
    io.MouseDown[0] = f.down;
    scroll_swiped_window(f);
}

}  // namespace bp

#else

#include "app/input/touch_surfaces.h"

namespace bp {
void install_touch_input() {}
void feed_touch_input() { touch_surfaces().clear(); }
}  // namespace bp

#endif
