// Shared colours, tooltips and the lab's ImGui style.
#include "app/ui/ui_style.h"

#include "app/input/touch_state.h"

#include <algorithm>
#include <cmath>
#include <string>


namespace bp::ui {

ImU32 with_alpha(ImU32 color, int alpha) {
    return (color & ~IM_COL32_A_MASK) | (static_cast<ImU32>(alpha) << IM_COL32_A_SHIFT);
}

ImU32 signed_color(double v, int alpha) {
    const ImU32 base = v >= 0 ? kPositive : kNegative;
    const float t = static_cast<float>(std::min(1.0, std::fabs(std::isfinite(v) ? v : 0.0)));
    auto channel = [&](int shift) {
        const float c = static_cast<float>((base >> shift) & 0xFF);
        return static_cast<int>(255.0f + (c - 255.0f) * t);
    };
    return IM_COL32(channel(IM_COL32_R_SHIFT), channel(IM_COL32_G_SHIFT), channel(IM_COL32_B_SHIFT), alpha);
}

// With a mouse, on hover; on a touch screen, for the item last tapped until the next touch.
void tooltip(const char* text) {
    if (ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenDisabled) && touch_allows_tooltip()) {
        ImGui::BeginTooltip();
        // 26 characters' widths, or what a phone's screen leaves beside its margins.
        const float wide = ImGui::GetIO().DisplaySize.x - 2.0f * ImGui::GetStyle().WindowPadding.x - 16.0f;
        ImGui::PushTextWrapPos(std::max(ImGui::GetFontSize() * 8.0f, std::min(ImGui::GetFontSize() * 26.0f, wide)));
        ImGui::TextUnformatted(text);
        ImGui::PopTextWrapPos();
        ImGui::EndTooltip();
    }
}

void text_box(const char* id, std::string& text, ImVec2 size) {
    auto resize = [](ImGuiInputTextCallbackData* data) {
        if (data->EventFlag == ImGuiInputTextFlags_CallbackResize) {
            auto* s = static_cast<std::string*>(data->UserData);
            s->resize(static_cast<size_t>(data->BufTextLen));
            data->Buf = s->data();
        }
        return 0;
    };
    ImGui::InputTextMultiline(id, text.data(), text.capacity() + 1, size, ImGuiInputTextFlags_CallbackResize, resize, &text);
}

bool escape_pressed() { return ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape), false); }

void heading(const char* text) {
    ImGui::PushStyleColor(ImGuiCol_Text, kMutedInk);
    ImGui::TextUnformatted(text);
    ImGui::PopStyleColor();
}

void text_wrapped_at_spaces(const std::string& line) {
    const float width = std::max(ImGui::GetContentRegionAvail().x, ImGui::GetFontSize() * 8.0f);
    std::string piece;
    size_t start = 0;
    while (start < line.size()) {
        size_t end = line.find(' ', start + 1);
        if (end == std::string::npos) end = line.size();
        const std::string candidate = piece + line.substr(start, end - start);
        if (!piece.empty() && ImGui::CalcTextSize(candidate.c_str()).x > width) {
            ImGui::TextUnformatted(piece.c_str());
            piece = "    " + line.substr(line[start] == ' ' ? start + 1 : start, end - start - (line[start] == ' ' ? 1 : 0));
        } else {
            piece = candidate;
        }
        start = end;
    }
    ImGui::TextUnformatted(piece.c_str());
}

void same_line_if_fits(float width, float spacing) {
    const float gap = spacing >= 0.0f ? spacing : ImGui::GetStyle().ItemSpacing.x;
    const float used = ImGui::GetItemRectMax().x - ImGui::GetWindowPos().x + gap;
    if (used + width <= ImGui::GetWindowContentRegionMax().x) ImGui::SameLine(0, gap);
}

void push_primary_button() {
    ImGui::PushStyleColor(ImGuiCol_Button, ImVec4(0.15f, 0.39f, 0.92f, 1.0f));
    ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(1, 1, 1, 1));
}

void pop_primary_button() { ImGui::PopStyleColor(2); }

}  // namespace bp::ui

namespace bp {

void apply_lab_style(float ui_scale, bool touch) {
    ImGuiStyle style;
    ImGui::StyleColorsLight(&style);
    style.WindowPadding = ImVec2(12, 10);
    style.FramePadding = ImVec2(8, 5);
    style.ItemSpacing = ImVec2(10, 8);
    style.FrameRounding = 5.0f;
    style.GrabRounding = 5.0f;
    style.ChildRounding = 6.0f;
    style.PopupRounding = 6.0f;
    style.WindowRounding = 0.0f;
    style.ScrollbarSize = 16.0f;
    style.GrabMinSize = 10.0f;
    ImVec4* c = style.Colors;
    c[ImGuiCol_WindowBg] = ImVec4(0.95f, 0.96f, 0.97f, 1.0f);
    c[ImGuiCol_ChildBg] = ImVec4(1, 1, 1, 1);
    c[ImGuiCol_Text] = ImVec4(0.08f, 0.09f, 0.12f, 1.0f);
    c[ImGuiCol_Border] = ImVec4(0.80f, 0.82f, 0.86f, 1.0f);
    c[ImGuiCol_Button] = ImVec4(0.88f, 0.91f, 0.96f, 1.0f);
    c[ImGuiCol_ButtonHovered] = ImVec4(0.75f, 0.83f, 0.97f, 1.0f);
    c[ImGuiCol_ButtonActive] = ImVec4(0.62f, 0.74f, 0.96f, 1.0f);
    c[ImGuiCol_PopupBg] = ImVec4(1.0f, 1.0f, 0.97f, 1.0f);
    // Sliders and combos: a tinted, outlined frame so they read as controls on the white panels.
    c[ImGuiCol_FrameBg] = ImVec4(0.90f, 0.92f, 0.96f, 1.0f);
    c[ImGuiCol_FrameBgHovered] = ImVec4(0.84f, 0.88f, 0.96f, 1.0f);
    c[ImGuiCol_FrameBgActive] = ImVec4(0.78f, 0.84f, 0.96f, 1.0f);
    c[ImGuiCol_SliderGrab] = ImVec4(0.15f, 0.39f, 0.92f, 0.55f);
    c[ImGuiCol_SliderGrabActive] = ImVec4(0.15f, 0.39f, 0.92f, 0.8f);
    style.FrameBorderSize = 1.0f;
    style.ScaleAllSizes(ui_scale);
    if (touch) {
        constexpr float kFingertip = 44.0f;  // CSS px
        const float font = 18.0f * ui_scale;  // the body text at this scale
        style.FramePadding.y = std::max(style.FramePadding.y, (kFingertip - font) * 0.5f);
        style.FramePadding.x = std::max(style.FramePadding.x, 12.0f);
        style.ItemSpacing.y = std::max(style.ItemSpacing.y, 10.0f);
        style.GrabMinSize = std::max(style.GrabMinSize, 28.0f);
        style.ScrollbarSize = std::max(style.ScrollbarSize, 22.0f);
        style.TouchExtraPadding = ImVec2(4.0f, 4.0f);
    }
    ImGui::GetStyle() = style;
}

}  // namespace bp
