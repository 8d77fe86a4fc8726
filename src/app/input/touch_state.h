// What the views know about touch in the frame they draw: the platform publishes the frame's touch
// input before the frame is built (see touch_gestures.h), and the views read it here.
#pragma once

#include "app/input/touch_gestures.h"

namespace bp {

// The touch input of the frame being built (all false with a mouse, and in headless frames).
const TouchFrame& touch_frame();
void publish_touch_frame(const TouchFrame& frame);

// The last pointer input was a touch: larger targets, and tooltips on tap. It changes only between
// gestures (TouchFrame::touch_ui), so a first tap still acts on the layout it was aimed at.
bool touch_active();

// Whether a tooltip of the item under the pointer may show: always with a mouse (on hover); on a
// touch screen only for the item last tapped, once the finger is up, until the next touch.
bool touch_allows_tooltip();

// How far a long-press has come after the finger rested held_ms: 0 until kLongPressRingMs, 1 at
// kLongPressMs.
float long_press_progress(double held_ms);

}  // namespace bp
