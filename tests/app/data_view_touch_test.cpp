// The data view under a finger, in headless frames fed the way the browser's touch input feeds them:
// a tap on empty plane adds one point where it landed, a tap on a point inspects it and a later tap
// elsewhere leaves it where it is, a long-press removes it, a drag moves it, and a pinch adds nothing
// and zooms the plane.
#include <gtest/gtest.h>

#include <imgui.h>

#include <cmath>

#include "app/input/touch_state.h"
#include "app/input/touch_tuning.h"
#include "app/ui/lab_window.h"
#include "app/ui/palette.h"
#include "headless_imgui.h"

using namespace bp;

namespace {

using test_util::HeadlessImGui;

struct TouchScreen {
    ~TouchScreen() { publish_touch_frame(TouchFrame{}); }
    // One frame with the finger at `at` (down or lifted), `ms` after the last one.
    void frame(LabWindow& window, Vec2 at, bool down, TouchFrame touch = {}, double ms = 16.0) {
        touch.active = touch.touch_ui = true;
        touch.pos = at;
        touch.down = down;
        touch.finger_down = touch.finger_down || down;
        publish_touch_frame(touch);
        ImGui::GetIO().DeltaTime = static_cast<float>(ms / 1000.0);
        HeadlessImGui::input(ImVec2(at.x, at.y), down);
        window.lab.advance(ms / 1000.0);
        HeadlessImGui::frame([&] { draw_lab_window(window); });
    }
    void tap(LabWindow& window, Vec2 at) {
        frame(window, at, true);
        frame(window, at, false);
    }
    HeadlessImGui imgui{ImVec2(1440, 900)};
};

Vec2 screen_of(const LabWindow& w, const Point& p) { return w.data.plane.to_screen(p.x1, p.x2); }

// A place on the plane at least `room` pixels from every point.
Vec2 empty_spot(const LabWindow& w, float room) {
    const Rect& view = w.data.plane.view;
    for (float fy = 0.1f; fy < 0.9f; fy += 0.05f)
        for (float fx = 0.1f; fx < 0.9f; fx += 0.05f) {
            const Vec2 at{view.min.x + fx * view.width(), view.min.y + fy * view.height()};
            bool clear = true;
            for (const Point& p : w.lab.trainer().points()) {
                const Vec2 s = screen_of(w, p);
                clear = clear && std::hypot(s.x - at.x, s.y - at.y) > room;
            }
            if (clear) return at;
        }
    return view.min;
}

// A point with no other point within `room` pixels.
int lone_point(const LabWindow& w, float room) {
    const auto& points = w.lab.trainer().points();
    for (int k = 0; k < static_cast<int>(points.size()); ++k) {
        bool alone = w.data.plane.view.contains(screen_of(w, points[k]));
        for (int j = 0; j < static_cast<int>(points.size()); ++j) {
            if (j == k) continue;
            const Vec2 a = screen_of(w, points[k]), b = screen_of(w, points[j]);
            alone = alone && std::hypot(a.x - b.x, a.y - b.y) > room;
        }
        if (alone) return k;
    }
    return -1;
}

struct Fixture {
    TouchScreen screen;
    Lab lab;
    Platform headless;
    LabWindow window{lab, headless};
    Fixture() {
        TrainingSettings s = lab.settings();
        s.point_count = 20;
        lab.configure(s);
        screen.frame(window, Vec2{5, 5}, false);
        screen.frame(window, Vec2{5, 5}, false);
    }
};

}  // namespace

TEST(DataViewTouch, ATapOnEmptyPlaneAddsOnePointWhereItLanded) {
    Fixture f;
    const size_t before = f.lab.trainer().points().size();
    const Vec2 at = empty_spot(f.window, 2 * kTouchHitRadius);
    f.screen.tap(f.window, at);
    f.screen.frame(f.window, at, false);
    const auto& points = f.lab.trainer().points();
    ASSERT_EQ(points.size(), before + 1);
    const Vec2 added = screen_of(f.window, points.back());
    EXPECT_NEAR(added.x, at.x, 1.0f);
    EXPECT_NEAR(added.y, at.y, 1.0f);
}

TEST(DataViewTouch, ATapOnAPointInspectsItAndATapElsewhereNeverMovesIt) {
    Fixture f;
    const int k = lone_point(f.window, 2 * kTouchHitRadius);
    ASSERT_GE(k, 0);
    const Point p = f.lab.trainer().points()[k];
    const size_t before = f.lab.trainer().points().size();
    const Vec2 at = screen_of(f.window, p);
    f.screen.tap(f.window, Vec2{at.x + 14, at.y - 9});  // a finger is wider than the dot
    EXPECT_EQ(f.lab.inspected_point(), k);
    f.screen.tap(f.window, Vec2{300, 300});  // somewhere else entirely
    f.screen.frame(f.window, Vec2{300, 300}, false);
    ASSERT_EQ(f.lab.trainer().points().size(), before);
    EXPECT_EQ(f.lab.trainer().points()[k].x1, p.x1);
    EXPECT_EQ(f.lab.trainer().points()[k].x2, p.x2);
}

TEST(DataViewTouch, ALongPressRemovesThePointAndAShortOneDoesNot) {
    Fixture f;
    const int k = lone_point(f.window, 2 * kTouchHitRadius);
    ASSERT_GE(k, 0);
    const size_t before = f.lab.trainer().points().size();
    const Vec2 at = screen_of(f.window, f.lab.trainer().points()[k]);
    for (double held = 0; held < kLongPressMs * 0.6; held += 50) f.screen.frame(f.window, at, true, {}, 50);
    f.screen.frame(f.window, at, false);
    EXPECT_EQ(f.lab.trainer().points().size(), before);
    for (double held = 0; held < kLongPressMs + 100; held += 50) f.screen.frame(f.window, at, true, {}, 50);
    EXPECT_EQ(f.lab.trainer().points().size(), before - 1);
    f.screen.frame(f.window, at, false);
    EXPECT_EQ(f.lab.trainer().points().size(), before - 1) << "lifting the finger adds nothing";
}

TEST(DataViewTouch, ADragMovesThePointWithTheFinger) {
    Fixture f;
    const int k = lone_point(f.window, 2 * kTouchHitRadius);
    ASSERT_GE(k, 0);
    const Vec2 at = screen_of(f.window, f.lab.trainer().points()[k]);
    const Rect& view = f.window.data.plane.view;  // towards the middle of the plane
    const Vec2 to{at.x + ((view.min.x + view.max.x) / 2 > at.x ? 60.0f : -60.0f), at.y + ((view.min.y + view.max.y) / 2 > at.y ? 30.0f : -30.0f)};
    f.screen.frame(f.window, at, true);
    for (int s = 1; s <= 6; ++s)
        f.screen.frame(f.window, Vec2{at.x + (to.x - at.x) * s / 6, at.y + (to.y - at.y) * s / 6}, true);
    f.screen.frame(f.window, to, false);
    const Vec2 now = screen_of(f.window, f.lab.trainer().points()[k]);
    EXPECT_NEAR(now.x, to.x, 1.0f);
    EXPECT_NEAR(now.y, to.y, 1.0f);
}

TEST(DataViewTouch, APinchAddsNothingAndZoomsThePlane) {
    Fixture f;
    const size_t before = f.lab.trainer().points().size();
    const Vec2 at = empty_spot(f.window, 2 * kTouchHitRadius);
    f.screen.frame(f.window, at, true);  // the first finger presses at once on the plane
    TouchFrame second;
    second.press_cancelled = true;  // the second finger takes that press back
    second.finger_down = true;
    f.screen.frame(f.window, at, false, second);
    TouchFrame pinch;
    pinch.finger_down = true;
    pinch.pinching = true;
    pinch.pinch_scale = 1.5f;
    pinch.pinch_centre = at;
    f.screen.frame(f.window, at, false, pinch);
    f.screen.frame(f.window, at, false, pinch);
    EXPECT_EQ(f.lab.trainer().points().size(), before);
    EXPECT_NEAR(f.window.data.plane.zoom, 2.25, 1e-6);
    // The zoomed plane still maps screen to plane both ways: a tap adds where it lands.
    const Vec2 spot = empty_spot(f.window, 2 * kTouchHitRadius);
    f.screen.tap(f.window, spot);
    ASSERT_EQ(f.lab.trainer().points().size(), before + 1);
    const Vec2 added = screen_of(f.window, f.lab.trainer().points().back());
    EXPECT_NEAR(added.x, spot.x, 1.0f);
    EXPECT_NEAR(added.y, spot.y, 1.0f);
}

TEST(DataViewTouch, ADragThatRestsBeforeLiftingKeepsThePoint) {
    Fixture f;
    const int k = lone_point(f.window, 2 * kTouchHitRadius);
    ASSERT_GE(k, 0);
    const size_t before = f.lab.trainer().points().size();
    const Vec2 at = screen_of(f.window, f.lab.trainer().points()[k]);
    const Rect& view = f.window.data.plane.view;
    const float dx = (view.min.x + view.max.x) / 2 > at.x ? 40.0f : -40.0f;
    f.screen.frame(f.window, at, true);
    for (int s = 1; s <= 4; ++s) f.screen.frame(f.window, Vec2{at.x + dx * s / 4, at.y}, true);
    // Back to where it came down (within the tap's slop), then resting there for two seconds.
    const Vec2 rest{at.x + 3.0f, at.y};
    for (double held = 0; held < 2000; held += 50) f.screen.frame(f.window, rest, true, {}, 50);
    f.screen.frame(f.window, rest, false);
    ASSERT_EQ(f.lab.trainer().points().size(), before) << "a drag that rests is no long-press";
    const Vec2 now = screen_of(f.window, f.lab.trainer().points()[k]);
    EXPECT_NEAR(now.x, rest.x, 1.0f);
    EXPECT_NEAR(now.y, rest.y, 1.0f);
}

TEST(DataViewTouch, AHoldThatWandersLessThanADragStillRemovesThePoint) {
    Fixture f;
    const int k = lone_point(f.window, 2 * kTouchHitRadius);
    ASSERT_GE(k, 0);
    const size_t before = f.lab.trainer().points().size();
    const Vec2 at = screen_of(f.window, f.lab.trainer().points()[k]);
    for (double held = 0; held < kLongPressMs + 100; held += 50)
        f.screen.frame(f.window, Vec2{at.x + (static_cast<int>(held) % 100 == 0 ? 2.0f : 0.0f), at.y}, true, {}, 50);
    EXPECT_EQ(f.lab.trainer().points().size(), before - 1);
    f.screen.frame(f.window, at, false);
}

// Zoomed in, the points beyond the plane's frame are not drawn: no point's fill shows outside it.
TEST(DataViewTouch, ZoomedInPointsStayInsideThePlanesFrame) {
    Fixture f;
    TrainingSettings s = f.lab.settings();
    s.point_count = 200;
    f.lab.configure(s);
    f.screen.frame(f.window, Vec2{5, 5}, false);
    const Rect view = f.window.data.plane.view;
    f.window.data.plane.zoom_about(Vec2{(view.min.x + view.max.x) / 2, (view.min.y + view.max.y) / 2}, 4.0f);
    f.screen.frame(f.window, Vec2{5, 5}, false);
    int outside_points = 0, visible_outside = 0;
    for (const Point& p : f.lab.trainer().points()) {
        const Vec2 at = screen_of(f.window, p);
        if (view.contains(at)) continue;
        ++outside_points;
        // What the frame would show at that point's centre: a draw command that covers it there.
        for (int n = 0; n < ImGui::GetDrawData()->CmdListsCount; ++n) {
            const ImDrawList* list = ImGui::GetDrawData()->CmdLists[n];
            for (const ImDrawCmd& cmd : list->CmdBuffer) {
                if (cmd.ElemCount == 0 || at.x < cmd.ClipRect.x || at.x > cmd.ClipRect.z || at.y < cmd.ClipRect.y ||
                    at.y > cmd.ClipRect.w)
                    continue;
                const ImU32 colour = p.y > 0.5 ? ui::kClassOne : ui::kClassZero;
                for (unsigned e = 0; e < cmd.ElemCount; ++e) {
                    const ImDrawVert& v = list->VtxBuffer[list->IdxBuffer[cmd.IdxOffset + e] + cmd.VtxOffset];
                    if (v.col == colour && std::hypot(v.pos.x - at.x, v.pos.y - at.y) < 12.0f) ++visible_outside;
                }
            }
        }
    }
    ASSERT_GT(outside_points, 0) << "the zoom leaves points beyond the frame";
    EXPECT_EQ(visible_outside, 0);
}
