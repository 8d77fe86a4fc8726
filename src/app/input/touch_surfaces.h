// Where a touch presses at once instead of first waiting to tell a tap from a swipe: the surfaces
// that are dragged on directly (the data plane, the network drawing); and where a sideways swipe
// scrolls instead of dragging a slider: the panels wider than their view (the chain rule's paths,
// the matrices, the data table). The views list their rectangles while they draw a frame; the touch
// input reads the lists when the next finger comes down.
#pragma once

#include <vector>

#include "app/layout/vec2.h"

namespace bp {

struct TouchSurfaces {
    std::vector<Rect> immediate;  // CSS pixels
    std::vector<Rect> sideways;   // CSS pixels

    bool presses_at_once(Vec2 p) const;
    bool scrolls_sideways(Vec2 p) const;
    // Adds r unless it is listed; a list nobody clears (frames without a platform) stays short.
    void add_immediate(const Rect& r);
    void add_sideways(const Rect& r);
    void clear() {
        immediate.clear();
        sideways.clear();
    }
};

// The program's one list: the views add to it during a frame, the platform clears it before the next.
TouchSurfaces& touch_surfaces();

}  // namespace bp
