// Screen geometry without a UI library: a point and a rectangle in CSS pixels (x right, y down).
// The UI converts them to and from ImGui's ImVec2 implicitly (src/app/ui/imconfig_lab.h).
#pragma once

namespace bp {

struct Vec2 {
    float x = 0.0f, y = 0.0f;
};

struct Rect {
    Vec2 min, max;  // top-left and bottom-right corners
    float width() const { return max.x - min.x; }
    float height() const { return max.y - min.y; }
    bool contains(Vec2 p) const { return p.x >= min.x && p.x <= max.x && p.y >= min.y && p.y <= max.y; }
};

}  // namespace bp
