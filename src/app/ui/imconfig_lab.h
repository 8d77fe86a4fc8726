// Dear ImGui's compile-time configuration for the lab (IMGUI_USER_CONFIG): ImVec2 converts to and
// from the lab's own geometry type, so the pure layout code (src/app/layout) needs no ImGui.
#pragma once

#include "app/layout/vec2.h"

#define IM_VEC2_CLASS_EXTRA                                           \
    constexpr ImVec2(const bp::Vec2& v) : x(v.x), y(v.y) {}           \
    operator bp::Vec2() const { return bp::Vec2{x, y}; }
