// The surfaces where a touch presses at once or a sideways swipe scrolls, and the program's one list of them.
#include "app/input/touch_surfaces.h"

#include <cstddef>

namespace bp {

namespace {

bool any_contains(const std::vector<Rect>& rects, Vec2 p) {
    for (const Rect& r : rects)
        if (r.contains(p)) return true;
    return false;
}

void add_once(std::vector<Rect>& rects, const Rect& r) {
    constexpr std::size_t kMostSurfaces = 16;
    for (const Rect& listed : rects)
        if (listed.min.x == r.min.x && listed.min.y == r.min.y && listed.max.x == r.max.x && listed.max.y == r.max.y) return;
    if (rects.size() >= kMostSurfaces) rects.erase(rects.begin());
    rects.push_back(r);
}

}  // namespace

bool TouchSurfaces::presses_at_once(Vec2 p) const { return any_contains(immediate, p); }

bool TouchSurfaces::scrolls_sideways(Vec2 p) const { return any_contains(sideways, p); }

void TouchSurfaces::add_immediate(const Rect& r) { add_once(immediate, r); }

void TouchSurfaces::add_sideways(const Rect& r) { add_once(sideways, r); }

TouchSurfaces& touch_surfaces() {
    static TouchSurfaces surfaces;
    return surfaces;
}

}  // namespace bp
