// The panels that keep no state of their own: they read the Lab and call its commands.
#pragma once

#include <imgui.h>

#include "app/lab/lab.h"
#include "app/layout/vec2.h"

namespace bp {

void draw_controls_panel(Lab& lab);
// Draws the loss curve in `size`; returns the box inside its axes (empty where too small to draw).
Rect draw_loss_plot(const Lab& lab, ImVec2 size);
// The loss view's size beyond the plot's box (its tabs, the loss's line and, with a penalty, a
// second line; tick labels and padding) at the current text size.
Vec2 loss_view_chrome(bool penalty_line);
void draw_matrices_panel(Lab& lab);

}  // namespace bp
