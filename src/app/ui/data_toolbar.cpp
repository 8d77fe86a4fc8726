// The data view's toolbar: which data set, which class a click adds, delete mode, undo and redo.
#include <string>

#include "app/lab/dataset_settings.h"
#include "app/ui/data_view.h"
#include "app/ui/ui_style.h"

namespace bp {


void draw_data_toolbar(DataView& view, Lab& lab) {
    TrainingSettings s = lab.settings();
    const bool regression = is_regression(s.dataset);
    ImGui::BeginDisabled(lab.locked(Lab::LockData));
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 4.6f + ImGui::GetFrameHeight());  // "spiral" and the arrow
    if (ImGui::BeginCombo("##dataset", dataset_name(s.dataset))) {
        for (DatasetKind kind : kAllDatasets)
            if (ui::selectable_row(dataset_name(kind), kind == s.dataset) && kind != s.dataset) {
                s.dataset = kind;
                fit_settings_to_dataset(s, false, false, false);
                lab.configure(s);
            }
        ImGui::EndCombo();
    }
    ui::tooltip("The data set: circle, xor, gauss (two Gaussians) and spiral are classification; curve is a 1-D "
                "regression (fit y of x\u2081). Choosing one generates its points and restarts training.");
    const float frame = ImGui::GetFrameHeight(), gap = ImGui::GetStyle().ItemInnerSpacing.x;
    if (!regression) {
        ui::same_line_if_fits(frame * 2 + ImGui::CalcTextSize("1").x * 2 + gap * 3);
        int one = view.add_class_one ? 1 : 0;
        ImGui::PushStyleColor(ImGuiCol_Text, ui::kPositive);
        if (ImGui::RadioButton("1", &one, 1)) view.add_class_one = true;
        ImGui::PopStyleColor();
        ui::tooltip("A click on the plane adds a class 1 point (Shift+click adds class 0).");
        ImGui::SameLine();
        ImGui::PushStyleColor(ImGuiCol_Text, ui::kNegative);
        if (ImGui::RadioButton("0", &one, 0)) view.add_class_one = false;
        ImGui::PopStyleColor();
        ui::tooltip("A click on the plane adds a class 0 point (Shift+click adds class 1).");
    }
    ui::same_line_if_fits(frame + gap + ImGui::CalcTextSize("delete").x);
    ImGui::Checkbox("delete", &view.delete_mode);
    ui::tooltip("Delete mode: a click on a point removes it (for touch screens; with a mouse, right click removes).");
    ui::same_line_if_fits(frame * 2.5f);
    ImGui::BeginDisabled(!lab.can_undo());
    if (ImGui::Button("\u21b6")) lab.undo();
    ImGui::EndDisabled();
    ui::tooltip("Undo the last change to the data, or the last Reset or Reset to defaults: the whole lab comes "
                "back as it was (Ctrl+Z).");
    ImGui::SameLine();
    ImGui::BeginDisabled(!lab.can_redo());
    if (ImGui::Button("\u21b7")) lab.redo();
    ImGui::EndDisabled();
    ui::tooltip("Redo (Ctrl+Shift+Z).");
    ImGui::EndDisabled();
}

}  // namespace bp
