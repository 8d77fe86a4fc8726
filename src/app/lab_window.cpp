// The lab window: status bar on top, controls on the left, network and data views beside them,
// the loss plot below. Space plays and pauses.
#include <algorithm>

#include "app/ui.h"
#include "app/ui_style.h"

namespace bp {

void draw_status_bar(Lab& lab) {
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
    const FrameStats& s = lab.stats();
    char perf[96];
    std::snprintf(perf, sizeof perf, "%.0f fps \u00b7 lab CPU %.1f ms per frame", s.fps, s.frame_ms);
    ImGui::SameLine(std::max(ImGui::GetCursorPosX(), ImGui::GetWindowContentRegionMax().x - ImGui::CalcTextSize(perf).x));
    ImGui::PushStyleColor(ImGuiCol_Text, ui::kMutedInk);
    ImGui::TextUnformatted(perf);
    ImGui::PopStyleColor();
    ui::tooltip("Frames per second the screen shows, and the CPU time the lab itself spends on each frame "
                "(training and building the picture; the graphics card's drawing is not included).");

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

void draw_lab_window(Lab& lab) {
    const ImGuiIO& io = ImGui::GetIO();
    ImGui::SetNextWindowPos(ImVec2(0, 0));
    ImGui::SetNextWindowSize(io.DisplaySize);
    ImGui::Begin("Backprop Lab", nullptr,
                 ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings |
                     ImGuiWindowFlags_NoBringToFrontOnFocus);
    if (!io.WantTextInput && ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Space), false)) lab.toggle_play();

    draw_status_bar(lab);
    const float font = ImGui::GetFontSize();
    const ImVec2 avail = ImGui::GetContentRegionAvail();
    const float spacing = ImGui::GetStyle().ItemSpacing.x;
    const float controls_w = std::clamp(avail.x * 0.26f, font * 16.0f, font * 22.0f);
    ImGui::BeginChild("controls", ImVec2(controls_w, avail.y), true);
    draw_controls_panel(lab);
    ImGui::EndChild();
    ImGui::SameLine();

    ImGui::BeginGroup();
    const float right_w = avail.x - controls_w - spacing;
    const float top_h = std::max(font * 10.0f, avail.y * 0.64f);
    const float data_w = std::min(right_w * 0.42f, top_h + font * 0.5f);
    draw_network_view(lab, ImVec2(right_w - data_w - spacing, top_h));
    ImGui::SameLine();
    draw_data_view(lab, ImVec2(data_w, top_h));
    draw_loss_plot(lab, ImVec2(right_w, avail.y - top_h - ImGui::GetStyle().ItemSpacing.y));
    ImGui::EndGroup();
    ImGui::End();
}

}  // namespace bp
