// The shared helpers, and the lab's ImGui style from the palette.
#include "app/ui/ui_style.h"

#include "app/input/touch_state.h"
#include "app/input/touch_surfaces.h"

#include <imgui_internal.h>

#include <algorithm>
#include <cstdlib>
#include <cmath>
#include <string>


namespace bp::ui {

ImU32 signed_color(double v, int alpha) {
    const ImU32 base = v >= 0 ? kPositive : kNegative;
    const float t = static_cast<float>(std::min(1.0, std::fabs(std::isfinite(v) ? v : 0.0)));
    auto channel = [&](int shift) {
        const float c = static_cast<float>((base >> shift) & 0xFF);
        return static_cast<int>(255.0f + (c - 255.0f) * t);
    };
    return IM_COL32(channel(IM_COL32_R_SHIFT), channel(IM_COL32_G_SHIFT), channel(IM_COL32_B_SHIFT), alpha);
}

namespace {
// The item under the finger when the last tap came down: the one its tooltip belongs to.
struct TappedItem {
    const ImGuiContext* context = nullptr;
    double clicked_at = -1.0;  // ImGui's time of that press, and where it was
    ImVec2 clicked_pos;
    ImGuiID id = 0;
    ImRect rect;
};
TappedItem g_tapped;

bool same_place(const ImRect& a, const ImRect& b) {
    constexpr float kSame = 0.5f;
    return std::fabs(a.Min.x - b.Min.x) < kSame && std::fabs(a.Min.y - b.Min.y) < kSame &&
           std::fabs(a.Max.x - b.Max.x) < kSame && std::fabs(a.Max.y - b.Max.y) < kSame;
}
}  // namespace

bool tooltip_allowed() {
    if (!touch_active()) return true;
    const ImGuiContext& g = *GImGui;
    const ImGuiIO& io = ImGui::GetIO();
    const bool this_tap = g_tapped.context == &g && g_tapped.clicked_at == io.MouseClickedTime[0] &&
                          g_tapped.clicked_pos.x == io.MouseClickedPos[0].x && g_tapped.clicked_pos.y == io.MouseClickedPos[0].y;
    // The first hovered item to ask in the frame the finger came down (an item before the child
    // window or the row around it) is the tapped one.
    if (ImGui::IsMouseClicked(ImGuiMouseButton_Left) && !this_tap) {
        g_tapped = {&g, io.MouseClickedTime[0], io.MouseClickedPos[0], g.LastItemData.ID, g.LastItemData.Rect};
        return false;  // the finger is down
    }
    // Only the tapped item, where it was: a tap that changed the layout shows nothing for what
    // slid under the finger.
    return this_tap && touch_allows_tooltip() && g.LastItemData.ID == g_tapped.id && same_place(g.LastItemData.Rect, g_tapped.rect);
}

// With a mouse, on hover; on a touch screen, for the item last tapped until the next touch.
void tooltip(const char* text) {
    if (ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenDisabled) && tooltip_allowed()) {
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

bool selectable_row(const char* label, bool selected, ImGuiSelectableFlags flags) {
    const float height = touch_active() ? std::max(kFingertipPx, ImGui::GetTextLineHeight()) : 0.0f;
    ImGui::PushStyleVar(ImGuiStyleVar_SelectableTextAlign, ImVec2(ImGui::GetStyle().SelectableTextAlign.x, 0.5f));
    const bool pressed = ImGui::Selectable(label, selected, flags, ImVec2(0.0f, height));
    ImGui::PopStyleVar();
    return pressed;
}

void swipe_scrolls_sideways() {
    const ImGuiWindow* window = ImGui::GetCurrentWindowRead();
    if (window->ScrollMax.x <= 0.0f) return;
    const ImRect r = window->InnerRect;
    touch_surfaces().add_sideways(Rect{Vec2{r.Min.x, r.Min.y}, Vec2{r.Max.x, r.Max.y}});
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

std::string wrap_at_spaces(const std::string& text, float width) {
    std::string out;
    size_t line_start = 0;  // in out
    size_t k = 0;
    while (k <= text.size()) {
        const size_t end = std::min(text.find_first_of(" \n", k), text.size());
        const std::string word = text.substr(k, end - k);
        const bool first = out.size() == line_start;
        const std::string candidate = out.substr(line_start) + (first ? "" : " ") + word;
        if (!first && ImGui::CalcTextSize(candidate.c_str()).x > width) {
            out += '\n';
            line_start = out.size();
        } else if (!first) {
            out += ' ';
        }
        out += word;
        if (end < text.size() && text[end] == '\n') {
            out += '\n';
            line_start = out.size();
        }
        k = end + 1;
    }
    return out;
}

void text_wrapped_words(const std::string& text) {
    ImGui::TextUnformatted(wrap_at_spaces(text, std::max(ImGui::GetContentRegionAvail().x, ImGui::GetFontSize() * 4.0f)).c_str());
}

const char* label_that_fits(std::initializer_list<const char*> labels, float width) {
    const char* last = "";
    for (const char* label : labels) {
        last = label;
        if (ImGui::CalcTextSize(label, nullptr, true).x + 2.0f * ImGui::GetStyle().FramePadding.x <= width) return label;
    }
    return last;
}

void same_line_if_fits(float width, float spacing) {
    const float gap = spacing >= 0.0f ? spacing : ImGui::GetStyle().ItemSpacing.x;
    const float used = ImGui::GetItemRectMax().x - ImGui::GetWindowPos().x + gap;
    if (used + width <= ImGui::GetWindowContentRegionMax().x) ImGui::SameLine(0, gap);
}

void push_primary_button() {
    ImGui::PushStyleColor(ImGuiCol_Button, kPrimary);
    ImGui::PushStyleColor(ImGuiCol_Text, kOnFill);
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
    const auto set = [c](ImGuiCol which, ImU32 color) { c[which] = ImGui::ColorConvertU32ToFloat4(color); };
    set(ImGuiCol_WindowBg, ui::kBackground);
    set(ImGuiCol_ChildBg, ui::kPanel);
    set(ImGuiCol_Text, ui::kInk);
    set(ImGuiCol_Border, ui::kBorder);
    set(ImGuiCol_Button, ui::kButton);
    set(ImGuiCol_ButtonHovered, ui::kButtonHovered);
    set(ImGuiCol_ButtonActive, ui::kButtonActive);
    set(ImGuiCol_PopupBg, ui::kPopup);
    // Sliders and combos: a tinted, outlined frame so they read as controls on the white panels.
    set(ImGuiCol_FrameBg, ui::kField);
    set(ImGuiCol_FrameBgHovered, ui::kFieldHovered);
    set(ImGuiCol_FrameBgActive, ui::kFieldActive);
    set(ImGuiCol_SliderGrab, ui::with_alpha(ui::kPrimary, 140));
    set(ImGuiCol_SliderGrabActive, ui::with_alpha(ui::kPrimary, 204));
    style.FrameBorderSize = 1.0f;
    style.ScaleAllSizes(ui_scale);
    if (touch) {
        constexpr float kFingertip = kFingertipPx;
        const float font = kBodyTextPx * ui_scale;  // the body text at this scale
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
