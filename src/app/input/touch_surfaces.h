// Where a touch presses at once instead of first waiting to tell a tap from a swipe: the surfaces
// that are dragged on directly (the data plane, the network drawing). The views list their rectangles
// while they draw a frame; the touch input reads the list when the next finger comes down.
#pragma once

#include <vector>

#include "app/layout/vec2.h"

namespace bp {

struct TouchSurfaces {
    std::vector<Rect> immediate;  // CSS pixels

    bool presses_at_once(Vec2 p) const;
    // Adds r unless it is listed; a list nobody clears (frames without a platform) stays short.
    void add_immediate(const Rect& r);
    void clear() { immediate.clear(); }
};

// The program's one list: the views add to it during a frame, the platform clears it before the next.
TouchSurfaces& touch_surfaces();

}  // namespace bp
