// The surfaces where a touch presses at once, and the program's one list of them.
#include "app/input/touch_surfaces.h"

#include <cstddef>

namespace bp {

bool TouchSurfaces::presses_at_once(Vec2 p) const {
    for (const Rect& r : immediate)
        if (r.contains(p)) return true;
    return false;
}

void TouchSurfaces::add_immediate(const Rect& r) {
    constexpr std::size_t kMostSurfaces = 16;
    for (const Rect& listed : immediate)
        if (listed.min.x == r.min.x && listed.min.y == r.min.y && listed.max.x == r.max.x && listed.max.y == r.max.y) return;
    if (immediate.size() >= kMostSurfaces) immediate.erase(immediate.begin());
    immediate.push_back(r);
}

TouchSurfaces& touch_surfaces() {
    static TouchSurfaces surfaces;
    return surfaces;
}

}  // namespace bp
