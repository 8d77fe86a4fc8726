// The View menu and the help overlay.
#include "app/ui/view_menu.h"

#include <algorithm>
#include <cstdio>

#include "app/ui/ui_style.h"

namespace bp {

namespace {


struct Shortcut {
    const char* keys;
    const char* what;
};

constexpr Shortcut kShortcuts[] = {
    {"Space", "Play or pause training"},
    {"N", "Next phase: one layer forward, the loss, one layer back, the update"},
    {"E", "One epoch: every training point once"},
    {"Ctrl+Z", "Undo (a point edit, a Reset, the defaults)"},
    {"Ctrl+Shift+Z", "Redo"},
    {"?  or  F1", "This help"},
    {"Esc", "Close a menu, this help or the QR code"},
};

constexpr Shortcut kGestures[] = {
    {"Click / tap the plane", "Add a point of the chosen class (Shift: the other class)"},
    {"Drag a point", "Move it"},
    {"Right click / hold a point", "Remove it (or use the delete mode)"},
    {"Pinch the plane", "Zoom in and out (two fingers pan; the corner button resets)"},
    {"Click / tap a point", "Inspect it: the network shows its values"},
    {"Click / tap an edge", "Expand that weight's chain rule in the inspector"},
    {"Swipe a panel", "Scroll it (touch screens)"},
};

void shortcut_table(const char* id, const Shortcut* rows, size_t count) {
    // The keys as wide as they are, what they do in the rest of the width, wrapped: the help fits
    // its window on any screen.
    if (!ImGui::BeginTable(id, 2, ImGuiTableFlags_RowBg)) return;
    ImGui::TableSetupColumn("keys", ImGuiTableColumnFlags_WidthFixed);
    ImGui::TableSetupColumn("what", ImGuiTableColumnFlags_WidthStretch);
    for (size_t k = 0; k < count; ++k) {
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(rows[k].keys);
        ImGui::TableNextColumn();
        ui::text_wrapped_words(rows[k].what);
    }
    ImGui::EndTable();
}

}  // namespace

void draw_view_menu(LabWindow& w) {
    const ImVec2 display = ImGui::GetIO().DisplaySize;
    ImGui::SetNextWindowSizeConstraints(ImVec2(0, 0), ImVec2(display.x * 0.96f, display.y));
    if (!ImGui::BeginPopup("View")) return;
    ui::heading("Text size");
    // The sizes in a row, going on to the next row where the screen ends (a 360 px phone).
    const float right = std::min(ImGui::GetWindowPos().x + display.x * 0.96f, display.x) - ImGui::GetStyle().WindowPadding.x;
    bool first = true;
    for (float scale : kTextScales) {
        char label[16];
        std::snprintf(label, sizeof label, "%d %%", static_cast<int>(scale * 100.0f + 0.5f));
        const float width = ImGui::GetFrameHeight() + ImGui::GetStyle().ItemInnerSpacing.x + ImGui::CalcTextSize(label).x;
        if (!first && ImGui::GetItemRectMax().x + ImGui::GetStyle().ItemSpacing.x + width <= right) ImGui::SameLine();
        first = false;
        if (ImGui::RadioButton(label, w.view.text_scale == scale)) w.view.text_scale = scale;
    }
    ImGui::Separator();
    if (ImGui::Checkbox("Presenter mode", &w.view.presenter) && w.view.presenter && w.view.text_scale < 1.25f)
        w.view.text_scale = 1.25f;
    ui::tooltip("For a projector: hides the controls (Space plays, N steps) and enlarges the network and the "
                "data, with larger text.");
    if (ImGui::Button("Show link as QR code")) {
        w.view.qr = QrShown::Moment;
        ImGui::CloseCurrentPopup();
    }
    ui::tooltip("Draws a link to this moment as a large QR code, so a class opens the same lab by scanning it.");
    if (ImGui::Button("Help and shortcuts  (?)")) {
        w.help_open = true;
        ImGui::CloseCurrentPopup();
    }
    if (ui::escape_pressed()) ImGui::CloseCurrentPopup();
    ImGui::EndPopup();
}

void draw_help_overlay(LabWindow& w) {
    if (!w.help_open) return;
    const ImVec2 display = ImGui::GetIO().DisplaySize;
    const ImVec2 size(std::min(display.x - 16.0f, ImGui::GetFontSize() * 34.0f), std::min(display.y - 16.0f, ImGui::GetFontSize() * 30.0f));
    ImGui::SetNextWindowPos(ImVec2((display.x - size.x) * 0.5f, (display.y - size.y) * 0.5f));
    ImGui::SetNextWindowSize(size);
    ImGui::SetNextWindowFocus();
    ImGui::Begin("Help and shortcuts", &w.help_open, ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoResize | ImGuiWindowFlags_NoCollapse |
                                                         ImGuiWindowFlags_NoSavedSettings);
    ui::heading("Keys");
    shortcut_table("keys", kShortcuts, std::size(kShortcuts));
    ImGui::Spacing();
    ui::heading("Mouse and touch");
    shortcut_table("gestures", kGestures, std::size(kGestures));
    ImGui::Spacing();
    ImGui::TextWrapped("Every number has a tooltip: hover it, or tap it on a touch screen. View\u2026 sets the text size "
                       "and presenter mode for a projector.");
    if (ImGui::Button("Close")) w.help_open = false;
    ImGui::End();
}

}  // namespace bp
