// The panels that keep no state of their own: they read the Lab and call its commands.
#pragma once

#include <imgui.h>

#include "app/lab/lab.h"

namespace bp {

void draw_controls_panel(Lab& lab);
void draw_loss_plot(const Lab& lab, ImVec2 size);
void draw_matrices_panel(Lab& lab);

}  // namespace bp
