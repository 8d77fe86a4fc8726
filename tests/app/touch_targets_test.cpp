// On a touch screen everything tapped is at least a fingertip high: buttons through the touch
// style, and the rows of the lists and drop-downs (the lessons, the data sets) through selectable_row.
#include <gtest/gtest.h>

#include <imgui.h>

#include "app/input/touch_state.h"
#include "app/ui/ui_style.h"
#include "headless_imgui.h"

using namespace bp;
using test_util::HeadlessImGui;

namespace {

// The heights of a button and a list row drawn in one frame, with touch on or off.
ImVec2 heights(bool touch) {
    HeadlessImGui imgui(ImVec2(390, 844));
    apply_lab_style(1.0f, touch);
    TouchFrame f;
    f.active = f.touch_ui = touch;
    publish_touch_frame(f);
    float button = 0.0f, row = 0.0f;
    HeadlessImGui::frame([&] {
        HeadlessImGui::begin_display_window();
        ImGui::Button("Next");
        button = ImGui::GetItemRectSize().y;
        ui::selectable_row("The chain rule  (9 steps)");
        row = ImGui::GetItemRectSize().y;
        ImGui::End();
    });
    publish_touch_frame(TouchFrame{});
    return ImVec2(button, row);
}

}  // namespace

TEST(TouchTargets, ButtonsAndListRowsAreAFingertipHighOnTouch) {
    const ImVec2 touch = heights(true);
    EXPECT_GE(touch.x, kFingertipPx);
    EXPECT_GE(touch.y, kFingertipPx);
    const ImVec2 mouse = heights(false);
    EXPECT_LT(mouse.y, kFingertipPx) << "with a mouse the rows stay as dense as the text";
}
