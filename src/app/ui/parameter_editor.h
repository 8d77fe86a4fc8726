// The selected parameter's value, set by hand: drag sideways on it, or double-click (double-tap) it
// and type an exact value. A drag is one undo step, however far it goes.
#pragma once

#include <imgui.h>

#include "app/lab/lab.h"

namespace bp {

struct ParameterEditor {
    bool dragging = false;  // this activation of the field has changed the value (its undo step is taken)
    ImVec2 field_min, field_max;  // where the value's field was drawn last (screen coordinates)
};

// "w¹₁₁ = [value]" for the lab's selected parameter, on one line.
void draw_parameter_editor(ParameterEditor& editor, Lab& lab);

}  // namespace bp
