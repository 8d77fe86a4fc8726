// Data table: every point's raw values, features, target and split, editable in place; CSV export
// (copy, or download where the platform can) and import (paste, or a file where the platform can).
// A bad CSV row is reported by row and column and the pasted text stays for fixing.
#include <imgui.h>

#include <algorithm>
#include <string>

#include "app/ui/data_table.h"
#include "app/ui/ui_style.h"
#include "core/csv.h"

namespace bp {

namespace {

// The buttons above the table.
void csv_buttons(DataTable& table, Lab& lab, Platform& platform) {
    const std::string csv_name = "backprop-lab-points.csv";
    if (ImGui::Button("Copy CSV")) platform.copy_text(points_to_csv(lab.trainer().points()));
    ui::tooltip("Copy every point as CSV (x1,x2,y,split) to paste into a spreadsheet.");
    if (platform.can_save_files()) {
        ImGui::SameLine();
        if (ImGui::Button("Download CSV")) platform.save_text_file(csv_name, points_to_csv(lab.trainer().points()));
        ui::tooltip("Save every point as a CSV file.");
    }
    ImGui::SameLine();
    if (ImGui::Button("Import CSV\u2026")) ImGui::OpenPopup("Import CSV");
    ui::tooltip("Replace the points with rows of x1,x2,y[,split] pasted from a spreadsheet or a file. A bad row is "
                "named, and nothing changes until every row is right.");
    const Lab::Message& message = lab.data_message();
    if (!message.text.empty()) {
        ImGui::SameLine();
        ImGui::PushStyleColor(ImGuiCol_Text, message.is_error ? IM_COL32(153, 27, 27, 255) : ui::kMutedInk);
        ImGui::TextUnformatted(message.text.c_str());
        ImGui::PopStyleColor();
    }
    ImGui::SetNextWindowSize(ImVec2(ImGui::GetFontSize() * 30, ImGui::GetFontSize() * 22), ImGuiCond_Appearing);
    if (ImGui::BeginPopupModal("Import CSV")) {
        ImGui::TextWrapped("Paste rows of x1,x2,y (and optionally train or test). A first row that is not numbers is a "
                           "header. x1 and x2 run from -2 to 2; y is 0 or 1 (for the curve, -2 to 2).");
        ui::text_box("##csv", table.csv_draft, ImVec2(-1, -ImGui::GetFrameHeightWithSpacing() * 2.2f));
        if (message.is_error) {
            ImGui::PushStyleColor(ImGuiCol_Text, IM_COL32(153, 27, 27, 255));
            ImGui::TextWrapped("%s", message.text.c_str());
            ImGui::PopStyleColor();
        }
        if (ImGui::Button("Import") && lab.import_csv(table.csv_draft).empty()) ImGui::CloseCurrentPopup();
        if (platform.can_choose_files()) {
            ImGui::SameLine();
            if (ImGui::Button("Choose a file\u2026")) {
                platform.choose_csv_file();
                ImGui::CloseCurrentPopup();
            }
        }
        ImGui::SameLine();
        if (ImGui::Button("Close")) ImGui::CloseCurrentPopup();
        ImGui::EndPopup();
    }
}

// An editable number cell; returns true when the user changed it.
bool number_cell(const char* id, double& value) {
    ImGui::SetNextItemWidth(-1);
    return ImGui::InputDouble(id, &value, 0.0, 0.0, "%.4f", ImGuiInputTextFlags_EnterReturnsTrue);
}

}  // namespace

void draw_data_table(DataTable& table, Lab& lab, Platform& platform) {
    ImGui::BeginDisabled(lab.locked(Lab::LockData));
    csv_buttons(table, lab, platform);
    ImGui::EndDisabled();
    const bool regression = is_regression(lab.settings().dataset);
    const auto& features = lab.settings().features;
    const auto& points = lab.trainer().points();
    const int columns = 6 + static_cast<int>(features.size());
    const ImGuiTableFlags flags = ImGuiTableFlags_ScrollY | ImGuiTableFlags_ScrollX | ImGuiTableFlags_RowBg |
                                  ImGuiTableFlags_BordersInnerV | ImGuiTableFlags_SizingFixedFit;
    if (!ImGui::BeginTable("points", columns, flags)) return;
    const float number_w = ImGui::GetFontSize() * 5.0f;
    ImGui::TableSetupScrollFreeze(1, 1);
    ImGui::TableSetupColumn("#");
    ImGui::TableSetupColumn("x\u2081", ImGuiTableColumnFlags_WidthFixed, number_w);
    ImGui::TableSetupColumn("x\u2082", ImGuiTableColumnFlags_WidthFixed, number_w);
    for (Feature f : features) ImGui::TableSetupColumn(feature_label(f));
    ImGui::TableSetupColumn(regression ? "y" : "class", ImGuiTableColumnFlags_WidthFixed, number_w);
    ImGui::TableSetupColumn("split");
    ImGui::TableSetupColumn("");
    ImGui::TableHeadersRow();
    ImGui::BeginDisabled(lab.locked(Lab::LockData));
    ImGuiListClipper clipper;
    clipper.Begin(static_cast<int>(points.size()));
    int remove = -1;
    while (clipper.Step())
        for (int k = clipper.DisplayStart; k < clipper.DisplayEnd; ++k) {
            Point p = points[k];
            bool edited = false;
            ImGui::PushID(k);
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            ImGui::Text("%d", k + 1);
            ImGui::TableNextColumn();
            edited |= number_cell("##x1", p.x1);
            ImGui::TableNextColumn();
            ImGui::BeginDisabled(regression);
            edited |= number_cell("##x2", p.x2);
            ImGui::EndDisabled();
            for (Feature f : features) {
                ImGui::TableNextColumn();
                ImGui::Text("%.4f", feature_value(f, p.x1, p.x2));
            }
            ImGui::TableNextColumn();
            edited |= number_cell("##y", p.y);
            ImGui::TableNextColumn();
            if (ImGui::SmallButton(p.test ? "test" : "train")) {
                p.test = !p.test;
                edited = true;
            }
            ui::tooltip("Click to move this point between the training and the test points.");
            ImGui::TableNextColumn();
            if (ImGui::SmallButton("\u2715")) remove = k;
            ui::tooltip("Delete this point.");
            if (edited) {
                const std::string error = lab.move_point(k, p);
                lab.set_data_message(error.empty() ? "" : "Point #" + std::to_string(k + 1) + " not changed: " + error,
                                     !error.empty());
            }
            ImGui::PopID();
        }
    ImGui::EndDisabled();
    ImGui::EndTable();
    if (remove >= 0) lab.remove_point(remove);
}

}  // namespace bp
