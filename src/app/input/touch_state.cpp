// The touch input of the frame being built, as the views read it.
#include "app/input/touch_state.h"

#include <algorithm>

#include "app/input/touch_tuning.h"

namespace bp {

namespace {
TouchFrame& current() {
    static TouchFrame frame;
    return frame;
}
}  // namespace

const TouchFrame& touch_frame() { return current(); }

void publish_touch_frame(const TouchFrame& frame) { current() = frame; }

bool touch_active() { return current().touch_ui; }

bool touch_allows_tooltip() {
    const TouchFrame& f = current();
    return !f.touch_ui || (f.last_tap && !f.down && !f.finger_down);
}

float long_press_progress(double held_ms) {
    const double t = (held_ms - kLongPressRingMs) / (kLongPressMs - kLongPressRingMs);
    return static_cast<float>(std::clamp(t, 0.0, 1.0));
}

}  // namespace bp
