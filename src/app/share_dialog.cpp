// The "Share and export" dialog: a teacher's link that locks or hides chosen controls, exports of the
// weights and settings (JSON), the loss history (CSV) and a picture (PNG), and the weights import.
#include <imgui.h>

#include <algorithm>
#include <string>

#include "app/lab_export.h"
#include "app/ui.h"
#include "app/ui_style.h"

namespace bp {

namespace {

void lock_box(Lab& lab, const char* label, Lab::Lock lock, const char* help) {
    bool on = (lab.dialog_locks & lock) != 0;
    if (ImGui::Checkbox(label, &on)) lab.dialog_locks = on ? (lab.dialog_locks | lock) : (lab.dialog_locks & ~lock);
    ui::tooltip(help);
}

// Download where the platform can, else copy to the clipboard.
void save_or_copy(Lab& lab, const char* name, const std::string& text) {
    if (lab.save_text_file) lab.save_text_file(name, text);
    else ImGui::SetClipboardText(text.c_str());
}

}  // namespace

void copy_share_link(Lab& lab, bool moment, uint32_t locks) {
    const std::string base = lab.page_address ? lab.page_address() : std::string();  // asked only on a click
    ImGui::SetClipboardText((base + "#lab=" + lab.share_link(moment, locks)).c_str());
    lab.copied_until = ImGui::GetTime() + 2.5;  // "copied" shows for a moment
}

void draw_share_dialog(Lab& lab) {
    const float font = ImGui::GetFontSize();
    ImGui::SetNextWindowSize(ImVec2(font * 34, std::min(font * 36, ImGui::GetIO().DisplaySize.y * 0.9f)), ImGuiCond_Appearing);
    if (!ImGui::BeginPopupModal("Share and export")) return;

    ui::heading("A link for a lesson");
    ImGui::TextWrapped("Students who open it see this lab with the chosen controls locked or hidden, so the lesson "
                       "stays on what it is about.");
    lock_box(lab, "lock the network (layers, neurons, activations)", Lab::LockNetwork,
             "Students cannot change the architecture or the activations.");
    lock_box(lab, "lock the training settings (\u03b1, batch size, loss)", Lab::LockTraining,
             "Students cannot change the learning rate, the batch size or the loss.");
    lock_box(lab, "lock the data (data set, points, features)", Lab::LockData,
             "Students cannot add, move or delete points, or change the data set or the inputs.");
    lock_box(lab, "hide the Matrices and Data table tabs", Lab::HideTables, "Only the chain rule stays below the network.");
    if (ImGui::Button("Copy lesson link")) copy_share_link(lab, true, lab.dialog_locks);
    ui::tooltip("This moment, with the trained weights, and the locks above.");
    ImGui::SameLine();
    if (ImGui::Button("Copy lesson start link")) copy_share_link(lab, false, lab.dialog_locks);
    ui::tooltip("The starting point (initial weights), with the locks above.");
    if (ImGui::GetTime() < lab.copied_until) {
        ImGui::SameLine();
        ImGui::PushStyleColor(ImGuiCol_Text, ui::kHighlight);
        ImGui::TextUnformatted("\u2713 copied");
        ImGui::PopStyleColor();
    }

    ImGui::Separator();
    ui::heading(lab.save_text_file ? "Export (downloads a file)" : "Export (copies to the clipboard)");
    if (ImGui::Button("Weights and settings (JSON)")) save_or_copy(lab, "backprop-lab-weights.json", export_weights_json(lab));
    ui::tooltip("The settings and every weight and bias, exactly; Import below restores them.");
    ImGui::SameLine();
    if (ImGui::Button("Loss history (CSV)")) save_or_copy(lab, "backprop-lab-loss.csv", export_history_csv(lab));
    ui::tooltip("step, training loss and test loss of every point of the loss plot.");
    if (lab.can_save_png) {
        ImGui::SameLine();
        if (ImGui::Button("Picture (PNG)")) {
            lab.png_in_frames = 2;  // once this dialog has closed
            ImGui::CloseCurrentPopup();
        }
        ui::tooltip("A picture of the whole lab as it is now, for slides and worksheets.");
    }

    ImGui::Separator();
    ui::heading("Import weights and settings");
    ui::text_box("##weights", lab.weights_draft, ImVec2(-1, font * 6));
    if (ImGui::Button("Import")) {
        const std::string error = import_weights_json(lab, lab.weights_draft);
        lab.weights_message = error.empty() ? "Imported." : "Not imported, nothing changed: " + error;
    }
    ui::tooltip("Paste a weights file exported above. A bad one is refused with the reason and changes nothing.");
    if (!lab.weights_message.empty()) {
        ImGui::SameLine();
        ImGui::TextWrapped("%s", lab.weights_message.c_str());
    }
    ImGui::Separator();
    if (ImGui::Button("Close")) ImGui::CloseCurrentPopup();
    ImGui::EndPopup();
}

}  // namespace bp
