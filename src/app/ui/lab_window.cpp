// The lab window: status bar on top; controls and the loss plot on the left; the network and the
// data beside them, the chain-rule inspector and matrices below. Space plays, N and E step.
#include <algorithm>

#include <string>

#include "app/ui/lab_window.h"
#include "app/ui/panels.h"
#include "app/ui/ui_style.h"

namespace bp {

namespace {
// Copy a link to this moment or to its starting point; reset everything.
void share_buttons(LabWindow& w) {
    Lab& lab = w.lab;
    if (ImGui::Button("Copy link")) copy_share_link(w.share, lab, w.platform, true, lab.locks());
    ui::tooltip("Copy a link that reopens exactly this moment: the network, its trained weights, the data, the "
                "step and what is on screen. Students who open it and press Play see the same numbers at every "
                "step. The address bar also follows the lab, so a bookmark or a reload keeps it.");
    ImGui::SameLine();
    if (ImGui::Button("Copy start link")) copy_share_link(w.share, lab, w.platform, false, lab.locks());
    ui::tooltip("Copy a link to the starting point: the same settings and data with the initial weights, before "
                "any training, so the class trains it themselves.");
    ImGui::SameLine();
    if (ImGui::GetTime() < w.share.copied_until) {
        ImGui::PushStyleColor(ImGuiCol_Text, ui::kHighlight);
        ImGui::TextUnformatted("\u2713 copied");
        ImGui::PopStyleColor();
    } else if (ImGui::SmallButton("Defaults")) {
        lab.reset_to_defaults();
    }
    ui::tooltip("Back to the lesson's defaults: the 4-3-2-1 network on the circle, all settings and data reset.");
}

void draw_status_bar(LabWindow& w) {
    Lab& lab = w.lab;
    const Trainer& t = lab.trainer();
    ImGui::TextUnformatted("Backprop Lab");
    ImGui::SameLine(0, ImGui::GetFontSize() * 2);
    ImGui::Text("step %lld", static_cast<long long>(t.step_count()));
    ui::tooltip("Steps: updates of the weights, one per mini-batch.");
    ImGui::SameLine(0, ImGui::GetFontSize());
    ImGui::Text("epoch %lld", static_cast<long long>(t.epoch_count()));
    ui::tooltip("Epochs: complete passes over the training points, each in a fresh random order.");
    ImGui::SameLine(0, ImGui::GetFontSize());
    ImGui::Text("samples seen %lld", static_cast<long long>(t.samples_seen()));
    ui::tooltip("Samples: training points fed through the network so far (steps \u00d7 batch size).");
    ImGui::SameLine(0, ImGui::GetFontSize() * 2);
    share_buttons(w);
    ImGui::SameLine();
    if (ImGui::SmallButton("More\u2026")) ImGui::OpenPopup("Share and export");
    ui::tooltip("A teacher's link that locks or hides controls; export and import of weights, the loss history "
                "and a picture.");
    draw_share_dialog(w.share, lab, w.platform);
    if (lab.locks()) {
        ImGui::SameLine();
        ImGui::PushStyleColor(ImGuiCol_Text, ui::kMutedInk);
        ImGui::TextUnformatted("(some controls are set by the lesson)");
        ImGui::PopStyleColor();
        ui::tooltip("This link's teacher locked or hid some controls so the lesson stays on track. Defaults "
                    "unlocks everything.");
    }
    const FrameStats& s = lab.stats();
    char perf[96];
    std::snprintf(perf, sizeof perf, "%.0f fps \u00b7 lab CPU %.1f ms per frame", s.fps, s.frame_ms);
    ImGui::SameLine(std::max(ImGui::GetCursorPosX(), ImGui::GetWindowContentRegionMax().x - ImGui::CalcTextSize(perf).x));
    ImGui::PushStyleColor(ImGuiCol_Text, ui::kMutedInk);
    ImGui::TextUnformatted(perf);
    ImGui::PopStyleColor();
    ui::tooltip("Frames per second the screen shows, and the CPU time the lab itself spends on each frame "
                "(training and building the picture; the graphics card's drawing is not included).");

    if (!lab.notice().empty()) {
        ImGui::PushStyleColor(ImGuiCol_ChildBg, IM_COL32(254, 243, 199, 255));
        ImGui::BeginChild("notice", ImVec2(0, ImGui::GetFrameHeightWithSpacing() * 1.6f), true);
        ImGui::TextWrapped("%s", lab.notice().c_str());
        ImGui::SameLine();
        if (ImGui::Button("OK")) lab.set_notice("");
        ImGui::EndChild();
        ImGui::PopStyleColor();
    }
    if (!t.error().empty()) {
        ImGui::PushStyleColor(ImGuiCol_ChildBg, IM_COL32(254, 226, 226, 255));
        ImGui::BeginChild("error", ImVec2(0, ImGui::GetFrameHeightWithSpacing() * 1.6f), true);
        ImGui::PushStyleColor(ImGuiCol_Text, IM_COL32(153, 27, 27, 255));
        ImGui::TextWrapped("%s", t.error().c_str());
        ImGui::PopStyleColor();
        ImGui::SameLine();
        if (ImGui::Button("Reset")) lab.reset();
        ImGui::EndChild();
        ImGui::PopStyleColor();
    }
}

}  // namespace

void handle_shortcut(Lab& lab, int key, bool ctrl, bool shift) {
    if (ImGui::GetCurrentContext() && ImGui::GetIO().WantTextInput) return;
    const bool running = lab.trainer().error().empty();
    if (key == ' ' && !ctrl) lab.toggle_play();
    if (key == 'N' && !ctrl && running) lab.next_phase();
    if (key == 'E' && !ctrl && running) lab.step_epoch();
    if (key == 'Z' && ctrl) shift ? lab.redo() : lab.undo();
}

void draw_lab_window(LabWindow& w) {
    Lab& lab = w.lab;
    const ImGuiIO& io = ImGui::GetIO();
    ImGui::SetNextWindowPos(ImVec2(0, 0));
    ImGui::SetNextWindowSize(io.DisplaySize);
    ImGui::Begin("Backprop Lab", nullptr,
                 ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings |
                     ImGuiWindowFlags_NoBringToFrontOnFocus);

    draw_status_bar(w);
    const float font = ImGui::GetFontSize();
    const ImVec2 avail = ImGui::GetContentRegionAvail();
    const ImGuiStyle& style = ImGui::GetStyle();
    const float spacing = style.ItemSpacing.x;

    // Left column: the controls, and the loss plot under them.
    const float left_w = std::clamp(avail.x * 0.27f, font * 16.0f, font * 24.0f);
    ImGui::BeginGroup();
    const float controls_h = std::min(avail.y * 0.64f, font * 30.0f);
    ImGui::BeginChild("controls", ImVec2(left_w, controls_h), true);
    draw_controls_panel(lab);
    ImGui::EndChild();
    draw_loss_plot(lab, ImVec2(left_w, avail.y - controls_h - style.ItemSpacing.y));
    ImGui::EndGroup();
    ImGui::SameLine();

    // Right: the network and the data on top, the inspector below.
    ImGui::BeginGroup();
    const float right_w = avail.x - left_w - spacing;
    const float top_h = std::max(font * 10.0f, avail.y * 0.56f);
    const float data_w = std::min(right_w * 0.4f, top_h + font * 0.5f);
    draw_network_view(w.network, lab, w.inspector, ImVec2(right_w - data_w - spacing, top_h));
    ImGui::SameLine();
    draw_data_view(w.data, lab, w.platform, ImVec2(data_w, top_h));
    ImGui::BeginChild("inspector", ImVec2(right_w, avail.y - top_h - style.ItemSpacing.y), true);
    if (ImGui::BeginTabBar("inspector_tabs")) {
        if (ImGui::BeginTabItem("Chain rule")) {
            draw_chain_rule_panel(w.inspector, lab);
            ImGui::EndTabItem();
        }
        if (!lab.locked(Lab::HideTables) && ImGui::BeginTabItem("Matrices")) {
            ImGui::BeginChild("matrices_scroll", ImVec2(0, 0), false, ImGuiWindowFlags_HorizontalScrollbar);
            draw_matrices_panel(lab);
            ImGui::EndChild();
            ImGui::EndTabItem();
        }
        if (!lab.locked(Lab::HideTables) && ImGui::BeginTabItem("Data table")) {
            draw_data_table(w.table, lab, w.platform);
            ImGui::EndTabItem();
        }
        ImGui::EndTabBar();
    }
    ImGui::EndChild();
    ImGui::EndGroup();
    ImGui::End();
}

}  // namespace bp
