// The "Share and export" dialog: a teacher's link that locks or hides chosen controls, exports of the
// weights and settings (JSON), the loss history (CSV) and a picture (PNG), and the weights import.
#include <imgui.h>

#include <algorithm>
#include <string>

#include "app/lab/lab_files.h"
#include "app/ui/share_menu.h"
#include "app/ui/ui_style.h"

namespace bp {

namespace {

void lock_box(ShareMenu& menu, const char* label, Lab::Lock lock, const char* help) {
    bool on = (menu.dialog_locks & lock) != 0;
    if (ImGui::Checkbox(label, &on)) menu.dialog_locks = on ? (menu.dialog_locks | lock) : (menu.dialog_locks & ~lock);
    ui::tooltip(help);
}

// Download where the platform can, else copy to the clipboard.
void save_or_copy(Platform& platform, const char* name, const std::string& text) {
    if (platform.can_save_files()) platform.save_text_file(name, text);
    else platform.copy_text(text);
}

}  // namespace

void copy_share_link(ShareMenu& menu, Lab& lab, Platform& platform, bool moment, uint32_t locks) {
    const std::string base = platform.page_address();  // asked only on a click
    platform.copy_text(base + "#lab=" + lab.share_link(moment, locks));
    menu.copied_until = ImGui::GetTime() + 2.5;  // "copied" shows for a moment
}

void draw_share_dialog(ShareMenu& menu, Lab& lab, Platform& platform) {
    const float font = ImGui::GetFontSize();
    ImGui::SetNextWindowSize(ImVec2(font * 34, std::min(font * 36, ImGui::GetIO().DisplaySize.y * 0.9f)), ImGuiCond_Appearing);
    if (!ImGui::BeginPopupModal("Share and export")) return;

    ui::heading("A link for a lesson");
    ImGui::TextWrapped("Students who open it see this lab with the chosen controls locked or hidden, so the lesson "
                       "stays on what it is about.");
    lock_box(menu, "lock the network (layers, neurons, activations)", Lab::LockNetwork,
             "Students cannot change the architecture or the activations.");
    lock_box(menu, "lock the training settings (\u03b1, batch size, loss)", Lab::LockTraining,
             "Students cannot change the learning rate, the batch size or the loss.");
    lock_box(menu, "lock the data (data set, points, features)", Lab::LockData,
             "Students cannot add, move or delete points, or change the data set or the inputs.");
    lock_box(menu, "hide the Matrices and Data table tabs", Lab::HideTables, "Only the chain rule stays below the network.");
    if (ImGui::Button("Copy lesson link")) copy_share_link(menu, lab, platform, true, menu.dialog_locks);
    ui::tooltip("This moment, with the trained weights, and the locks above.");
    ImGui::SameLine();
    if (ImGui::Button("Copy lesson start link")) copy_share_link(menu, lab, platform, false, menu.dialog_locks);
    ui::tooltip("The starting point (initial weights), with the locks above.");
    if (ImGui::GetTime() < menu.copied_until) {
        ImGui::SameLine();
        ImGui::PushStyleColor(ImGuiCol_Text, ui::kHighlight);
        ImGui::TextUnformatted("\u2713 copied");
        ImGui::PopStyleColor();
    }

    ImGui::Separator();
    ui::heading(platform.can_save_files() ? "Export (downloads a file)" : "Export (copies to the clipboard)");
    if (ImGui::Button("Weights and settings (JSON)")) save_or_copy(platform, "backprop-lab-weights.json", export_weights_json(lab));
    ui::tooltip("The settings and every weight and bias, exactly; Import below restores them.");
    ImGui::SameLine();
    if (ImGui::Button("Loss history (CSV)")) save_or_copy(platform, "backprop-lab-loss.csv", export_history_csv(lab));
    ui::tooltip("step, training loss and test loss of every point of the loss plot.");
    if (platform.can_save_png()) {
        ImGui::SameLine();
        if (ImGui::Button("Picture (PNG)")) {
            platform.save_png_soon();  // once this dialog has closed
            ImGui::CloseCurrentPopup();
        }
        ui::tooltip("A picture of the whole lab as it is now, for slides and worksheets.");
    }

    ImGui::Separator();
    ui::heading("Import weights and settings");
    ui::text_box("##weights", menu.weights_draft, ImVec2(-1, font * 6));
    if (ImGui::Button("Import")) {
        const std::string error = import_weights_json(lab, menu.weights_draft);
        menu.weights_message = error.empty() ? "Imported." : "Not imported, nothing changed: " + error;
    }
    ui::tooltip("Paste a weights file exported above. A bad one is refused with the reason and changes nothing.");
    if (!menu.weights_message.empty()) {
        ImGui::SameLine();
        ImGui::TextWrapped("%s", menu.weights_message.c_str());
    }
    ImGui::Separator();
    if (ImGui::Button("Close")) ImGui::CloseCurrentPopup();
    ImGui::EndPopup();
}

}  // namespace bp
