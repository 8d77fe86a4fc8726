// What the open lesson's step points at, for the views to ring in this frame: the window sets the
// marks before drawing the views, and each view asks about its own items (a neuron, an edge, a
// panel, a control). Like touch_state, it is this frame's input to the views, not a view's state.
#pragma once

#include <imgui.h>

#include <vector>

#include "app/lesson/lesson.h"

namespace bp {

void set_lesson_marks(const std::vector<LessonPointer>& pointers);  // empty: no lesson shown
bool lesson_marks_any();

bool marked_neuron(int layer, int j);            // a^layer_j (layer 0: an input)
bool marked_weight(int layer, int i, int j);     // the edge of w^layer_ij (0-based i, j)
bool marked_bias(int layer, int j);
bool marked_cell(int layer, int i, int j);       // W^layer's cell in the Matrices tab
bool marked_panel(Panel panel);                  // one of kPointedPanels
bool marked_control(const char* name);           // "play", "step", "next phase", ...

// The lesson's ring: an amber outline that pulses gently, so the eye finds it from across a room.
void draw_lesson_ring(ImDrawList* draw, ImVec2 min, ImVec2 max, float rounding = 6.0f);
void draw_lesson_circle(ImDrawList* draw, ImVec2 center, float radius);
void draw_lesson_line(ImDrawList* draw, ImVec2 from, ImVec2 to, float radius);  // between two circles
// Rings the last ImGui item when the lesson points at the control `name`.
void ring_if_marked(const char* name);

}  // namespace bp
