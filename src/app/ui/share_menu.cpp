// The "More" menu: the link as a QR code, Recent labs and back to the defaults (after a question);
// a teacher's link that locks or hides chosen controls; exports of the weights and settings (JSON),
// the loss history (CSV) and a picture (PNG); and the weights import.
#include <imgui.h>

#include <algorithm>
#include <string>

#include "app/lab/lab_files.h"
#include "app/ui/share_menu.h"
#include "app/ui/ui_style.h"

namespace bp {

namespace {

constexpr const char* kMoreMenu = "More";
constexpr const char* kConfirmReset = "Reset to defaults?";


// Keeps a button of this label on the current row when it fits there, else starts a new row.
void same_row_if_fits(const char* label) {
    const ImGuiStyle& style = ImGui::GetStyle();
    const float width = ImGui::CalcTextSize(label, nullptr, true).x + 2 * style.FramePadding.x;
    const float right = ImGui::GetWindowPos().x + ImGui::GetWindowContentRegionMax().x;
    if (ImGui::GetItemRectMax().x + style.ItemSpacing.x + width <= right) ImGui::SameLine();
}

// The question before everything goes back to the lesson's defaults. True once the lab was reset.
bool draw_reset_question(Lab& lab) {
    const float font = ImGui::GetFontSize();
    ImGui::SetNextWindowSize(ImVec2(std::min(font * 24, ImGui::GetIO().DisplaySize.x * 0.96f), 0));
    if (!ImGui::BeginPopupModal(kConfirmReset, nullptr, ImGuiWindowFlags_NoResize)) return false;
    ImGui::TextWrapped("Reset everything to the lesson's defaults? The 4-3-2-1 network on the circle data comes "
                       "back with its starting weights, every setting returns to its start, and a lesson link's locks "
                       "are lifted. You can undo this.");
    bool reset = false;
    if (ImGui::Button("Reset")) {
        lab.reset_to_defaults();
        reset = true;
        ImGui::CloseCurrentPopup();
    }
    ImGui::SameLine();
    if (ImGui::Button("Cancel") || ui::escape_pressed()) ImGui::CloseCurrentPopup();
    ImGui::EndPopup();
    return reset;
}

// The first row: the actions on the lab as a whole.
void draw_lab_actions(ShareMenu& menu, Lab& lab, Platform& platform) {
    ui::heading("This lab");
    if (ImGui::Button("Show as QR code")) {
        menu.qr.requested = QrShown::Moment;
        ImGui::CloseCurrentPopup();
    }
    ui::tooltip("Draws a link to this moment as a large QR code, so a class opens the same lab by scanning it "
                "with their phones.");
    if (platform.can_open_recent_labs()) {
        same_row_if_fits("Recent labs\u2026");
        if (ImGui::Button("Recent labs\u2026")) {
            platform.open_recent_labs();
            ImGui::CloseCurrentPopup();
        }
        ui::tooltip("The last labs saved in this browser, from every tab, to open again.");
    }
    same_row_if_fits("Reset to defaults\u2026");
    if (ImGui::Button("Reset to defaults\u2026")) ImGui::OpenPopup(kConfirmReset);
    ui::tooltip("Back to the lesson's defaults: the 4-3-2-1 network on the circle, every setting and the data. "
                "Asks first; you can undo it.");
    if (draw_reset_question(lab)) ImGui::CloseCurrentPopup();  // the lab is reset: back to it
}

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

std::string share_url(const Lab& lab, const Platform& platform, bool moment, uint32_t locks) {
    return platform.page_address() + "#lab=" + lab.share_link(moment, locks);
}

void copy_share_link(ShareMenu& menu, Lab& lab, Platform& platform, bool moment, uint32_t locks) {
    platform.copy_text(share_url(lab, platform, moment, locks));
    menu.copied_until = ImGui::GetTime() + 2.5;  // "copied" shows for a moment
}

void open_more_menu() { ImGui::OpenPopup(kMoreMenu); }

void draw_share_dialog(ShareMenu& menu, Lab& lab, Platform& platform) {
    const float font = ImGui::GetFontSize();
    const ImVec2 display = ImGui::GetIO().DisplaySize;
    ImGui::SetNextWindowSize(ImVec2(std::min(font * 34, display.x * 0.96f), std::min(font * 36, display.y * 0.9f)),
                             ImGuiCond_Appearing);
    if (!ImGui::BeginPopupModal(kMoreMenu)) return;
    // Escape closes the menu; over the question it answers only the question, and in the weights box
    // it only leaves the box.
    if (ui::escape_pressed() && !ImGui::IsPopupOpen(kConfirmReset) && !ImGui::GetIO().WantTextInput) ImGui::CloseCurrentPopup();

    draw_lab_actions(menu, lab, platform);
    ImGui::Separator();

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
    const bool copied = ImGui::GetTime() < menu.copied_until;  // no tooltip over "copied"
    if (!copied) ui::tooltip("This moment, with the trained weights, and the locks above.");
    same_row_if_fits("Copy lesson start link");
    if (ImGui::Button("Copy lesson start link")) copy_share_link(menu, lab, platform, false, menu.dialog_locks);
    if (!copied) ui::tooltip("The starting point (initial weights), with the locks above.");
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
    same_row_if_fits("Loss history (CSV)");
    if (ImGui::Button("Loss history (CSV)")) save_or_copy(platform, "backprop-lab-loss.csv", export_history_csv(lab));
    ui::tooltip("step, training loss and test loss of every point of the loss plot.");
    if (platform.can_save_png()) {
        same_row_if_fits("Picture (PNG)");
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
