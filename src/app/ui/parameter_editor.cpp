// The selected parameter's value, set by hand (see parameter_editor.h). The lab checks the value; the
// field clamps to what it accepts, so a drag can never be refused halfway.
#include "app/ui/parameter_editor.h"

#include <imgui.h>

#include <algorithm>
#include <cmath>
#include <string>

#include "app/notation/chain_rule_symbols.h"
#include "app/ui/ui_style.h"

namespace bp {

void draw_parameter_editor(ParameterEditor& editor, Lab& lab) {
    const Selection which = lab.selection();
    const std::string symbol = parameter_symbol(which.layer, which.i, which.j, which.is_bias);
    ImGui::AlignTextToFramePadding();
    ImGui::Text("%s =", symbol.c_str());
    ImGui::SameLine();
    double value = lab.parameter(which);
    const double highest = Lab::kMaxHandParameter, lowest = -highest;
    // A pixel of drag moves the value by about a thousandth of its size, at least 0.001: fine control
    // near zero, and a large weight still moves at a useful pace.
    const float speed = static_cast<float>(std::max(0.001, std::fabs(value) * 0.002));
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 8.0f);
    ImGui::PushID("hand_set");
    const bool changed = ImGui::DragScalar("##value", ImGuiDataType_Double, &value, speed, &lowest, &highest,
                                           "%.6g", ImGuiSliderFlags_AlwaysClamp);
    ImGui::PopID();
    editor.field_min = ImGui::GetItemRectMin();
    editor.field_max = ImGui::GetItemRectMax();
    if (changed) {
        if (!editor.dragging) lab.begin_parameter_drag(which);
        editor.dragging = true;
        lab.set_parameter(which, value);
    }
    if (ImGui::IsItemDeactivated()) {
        lab.end_parameter_drag();
        editor.dragging = false;
    }
    ui::tooltip("Set this parameter by hand: drag sideways on the value, or double-click (double-tap) it, type an "
                "exact value and press Enter. The network, the data view, the loss and this inspector follow at "
                "once; Undo (Ctrl+Z) takes it back, and a link of this moment carries it.");
}

}  // namespace bp
