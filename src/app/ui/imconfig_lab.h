// Dear ImGui's compile-time configuration for the lab (IMGUI_USER_CONFIG): ImVec2 converts to and
// from the lab's own geometry type, so the pure layout code (src/app/layout) needs no ImGui; and draw
// lists index their vertices with 32 bits. The data view of 2,000 points alone needs some 240,000
// vertices, past 16-bit indices, and WebGL 2's renderer cannot split a draw list by vertex offset
// (ImGui asserts in a build with assertions; without, the indices wrap and the view is garbled).
#pragma once

#include "app/layout/vec2.h"

#define IM_VEC2_CLASS_EXTRA                                           \
    constexpr ImVec2(const bp::Vec2& v) : x(v.x), y(v.y) {}           \
    operator bp::Vec2() const { return bp::Vec2{x, y}; }

#define ImDrawIdx unsigned int
