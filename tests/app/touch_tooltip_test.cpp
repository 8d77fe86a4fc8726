// Tooltips on a touch screen belong to the item a tap came down on: a tap that changes the layout
// (Hide, Next, OK) shows none for what slides under the finger, and a tap on an item that stays
// where it was shows that item's help.
#include <gtest/gtest.h>

#include <imgui.h>
#include <imgui_internal.h>

#include "app/input/touch_state.h"
#include "app/lesson/builtin_lessons.h"
#include "app/ui/lab_window.h"
#include "headless_imgui.h"

using namespace bp;

namespace {

using test_util::HeadlessImGui;

// Whether the last frame showed a tooltip.
bool tooltip_shown() {
    for (const ImGuiWindow* w : GImGui->Windows)
        if ((w->Flags & ImGuiWindowFlags_Tooltip) && w->Active) return true;
    return false;
}

struct Screen {
    HeadlessImGui imgui;
    Lab lab;
    Platform headless;
    LabWindow window{lab, headless};
    explicit Screen(ImVec2 size) : imgui(size) {}
    ~Screen() { publish_touch_frame(TouchFrame{}); }
    // One frame with a finger (touch) or a mouse at `at`.
    void frame(Vec2 at, bool down, bool touch, bool last_tap = false) {
        TouchFrame f;
        f.active = f.touch_ui = touch;
        f.pos = at;
        f.down = f.finger_down = touch && down;
        f.last_tap = touch && last_tap;
        publish_touch_frame(f);
        HeadlessImGui::input(ImVec2(at.x, at.y), down);
        HeadlessImGui::frame([&] { draw_lab_window(window); });
    }
    // A tap as the touch input hands it over: a press, a release, then frames with the finger up.
    void tap(Vec2 at) {
        frame(at, true, true);
        frame(at, false, true, true);
        frame(at, false, true, true);
        frame(at, false, true, true);
    }
};

Vec2 centre(const Rect& r) { return Vec2{(r.min.x + r.max.x) / 2, (r.min.y + r.max.y) / 2}; }

}  // namespace

TEST(TouchTooltip, ATapThatChangesTheLayoutShowsNoTooltipForWhatSlidUnderTheFinger) {
    Screen s(ImVec2(1440, 900));
    const BuiltinLesson& first = builtin_lessons().front();
    ASSERT_EQ(s.window.lesson.open(s.lab, first.text, first.name, 0), "");
    s.frame(Vec2{-1000, -1000}, false, true);
    s.frame(Vec2{-1000, -1000}, false, true);
    const Rect hide = s.window.lesson_panel.drawn.hide;
    ASSERT_GT(hide.width(), 0.0f);
    const Vec2 at = centre(hide);
    s.tap(at);
    ASSERT_FALSE(s.window.lesson.shown) << "Hide hid the lesson";
    EXPECT_FALSE(tooltip_shown());
    // Something with a tooltip now lies there: a mouse resting on it shows it.
    s.frame(at, false, false);
    s.frame(at, false, false);
    EXPECT_TRUE(tooltip_shown()) << "nothing with a tooltip slid under the finger: the test shows nothing";
}

TEST(TouchTooltip, ATapOnAnItemThatStaysShowsItsTooltip) {
    Screen s(ImVec2(1440, 900));
    s.frame(Vec2{-1000, -1000}, false, true);
    s.frame(Vec2{-1000, -1000}, false, true);
    const Rect play = s.window.play_button;
    ASSERT_GT(play.width(), 0.0f);
    // Play changes no layout: its tooltip shows after the tap.
    s.tap(centre(play));
    EXPECT_TRUE(s.lab.playing());
    EXPECT_TRUE(tooltip_shown());
}
