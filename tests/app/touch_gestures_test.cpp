// Touch gestures as the pointer ImGui sees frame by frame: every tap is one click where it landed,
// even when its events arrive between two frames; a swipe scrolls and clicks nothing; a sideways
// drag or a resting finger presses; a second finger takes a press back and pinches.
#include <gtest/gtest.h>

#include <vector>

#include "app/input/touch_gestures.h"
#include "app/input/touch_state.h"
#include "app/input/touch_tuning.h"

using namespace bp;

namespace {

TouchEvent touch(TouchPhase phase, float x, float y, double ms, long finger = 1) {
    TouchEvent e;
    e.phase = phase;
    e.finger = finger;
    e.pos = Vec2{x, y};
    e.time_ms = ms;
    return e;
}

// Frames at one time until the queue is empty (and two more): each frame's pointer.
std::vector<TouchFrame> drain(TouchGestures& g, double ms) {
    std::vector<TouchFrame> frames;
    for (int k = 0; k < 8; ++k) frames.push_back(g.next_frame(ms));
    return frames;
}

// The frames where the button went down or up, as (down, x, y).
struct Edge {
    bool down;
    float x, y;
};
std::vector<Edge> edges(const std::vector<TouchFrame>& frames, bool was_down = false) {
    std::vector<Edge> out;
    for (const TouchFrame& f : frames) {
        if (f.down != was_down) out.push_back({f.down, f.pos.x, f.pos.y});
        was_down = f.down;
    }
    return out;
}

const TouchSurfaces kNoSurfaces;

// A mouse that moves while a finger is on the screen, and again after the finger has lifted.
struct MouseAroundATouch {
    TouchFrame finger_down;  // the frame after the first move
    TouchFrame finger_up;    // the frame after the second
};
MouseAroundATouch move_mouse_around_a_touch(TouchGestures& g, double from_ms) {
    g.push(touch(TouchPhase::Start, 100, 100, from_ms), kNoSurfaces);
    g.mouse_moved();
    const TouchFrame finger_down = g.next_frame(from_ms + 10);
    g.push(touch(TouchPhase::End, 100, 100, from_ms + 20), kNoSurfaces);
    drain(g, from_ms + 30);
    g.mouse_moved();
    return {finger_down, g.next_frame(from_ms + 40)};
}

}  // namespace

TEST(TouchGestures, ATapBetweenTwoFramesIsAPressFrameThenAReleaseFrameWhereItLanded) {
    TouchGestures g;
    EXPECT_FALSE(g.next_frame(0).active);
    g.push(touch(TouchPhase::Start, 120, 80, 10), kNoSurfaces);
    g.push(touch(TouchPhase::End, 121, 81, 40), kNoSurfaces);
    const std::vector<TouchFrame> frames = drain(g, 50);
    ASSERT_TRUE(frames[0].active);
    EXPECT_TRUE(frames[0].down);  // the press frame already has the pointer at the tap
    EXPECT_FLOAT_EQ(frames[0].pos.x, 120);
    EXPECT_FLOAT_EQ(frames[0].pos.y, 80);
    EXPECT_FALSE(frames[1].down);
    EXPECT_FLOAT_EQ(frames[1].pos.x, 120);
    const std::vector<Edge> e = edges(frames);
    ASSERT_EQ(e.size(), 2u) << "exactly one click";
    EXPECT_TRUE(frames.back().last_tap);
    EXPECT_FALSE(frames.back().finger_down);
}

TEST(TouchGestures, TwoQuickTapsAreTwoClicksEachAtItsOwnPlace) {
    TouchGestures g;
    g.push(touch(TouchPhase::Start, 100, 100, 0), kNoSurfaces);
    g.push(touch(TouchPhase::End, 100, 100, 20), kNoSurfaces);
    g.push(touch(TouchPhase::Start, 400, 300, 30, 2), kNoSurfaces);
    g.push(touch(TouchPhase::End, 400, 300, 45, 2), kNoSurfaces);
    const std::vector<Edge> e = edges(drain(g, 50));
    ASSERT_EQ(e.size(), 4u);
    EXPECT_TRUE(e[0].down && e[0].x == 100 && e[0].y == 100);
    EXPECT_TRUE(!e[1].down && e[1].x == 100 && e[1].y == 100);  // released where it was pressed
    EXPECT_TRUE(e[2].down && e[2].x == 400 && e[2].y == 300);  // the second press is already at its place
    EXPECT_TRUE(!e[3].down && e[3].x == 400);
}

TEST(TouchGestures, AFingerOnAnImmediateSurfacePressesAtOnce) {
    TouchSurfaces plane;
    plane.add_immediate(Rect{Vec2{0, 0}, Vec2{200, 200}});
    TouchGestures g;
    g.push(touch(TouchPhase::Start, 50, 60, 0), plane);
    const TouchFrame f = g.next_frame(1);
    EXPECT_TRUE(f.down);
    EXPECT_FLOAT_EQ(f.pos.x, 50);
    // Elsewhere the same finger waits to see whether it taps or swipes.
    TouchGestures h;
    h.push(touch(TouchPhase::Start, 250, 60, 0), plane);
    EXPECT_FALSE(h.next_frame(1).down);
}

TEST(TouchGestures, AVerticalSwipeScrollsWithTheFingerAndPressesNothing) {
    TouchGestures g;
    g.push(touch(TouchPhase::Start, 100, 300, 0), kNoSurfaces);
    EXPECT_FALSE(g.next_frame(5).down);  // the pointer goes to the finger: ImGui sees what is under it
    g.push(touch(TouchPhase::Move, 100, 295, 20), kNoSurfaces);  // within the slop: nothing yet
    g.push(touch(TouchPhase::Move, 102, 270, 40), kNoSurfaces);
    g.push(touch(TouchPhase::Move, 104, 200, 60), kNoSurfaces);
    TouchFrame f = g.next_frame(70);
    EXPECT_TRUE(f.scroll_started);
    EXPECT_FLOAT_EQ(f.scroll.y, -100.0f);  // the content follows the finger up by 100 px
    g.push(touch(TouchPhase::Move, 104, 150, 90), kNoSurfaces);
    g.push(touch(TouchPhase::End, 104, 150, 100), kNoSurfaces);
    std::vector<TouchFrame> frames = drain(g, 400);  // long after: the finger has lifted
    EXPECT_FALSE(frames[0].scroll_started);
    EXPECT_FLOAT_EQ(frames[0].scroll.y, -50.0f);
    for (const TouchFrame& frame : frames) EXPECT_FALSE(frame.down);
    EXPECT_EQ(edges(frames).size(), 0u);
    EXPECT_FALSE(frames.back().last_tap);  // a swipe shows no tooltip
    EXPECT_FLOAT_EQ(frames.back().pos.y, 300.0f);  // the pointer stayed on the swiped panel
}

TEST(TouchGestures, ASwipeStartingBetweenTwoFramesScrollsAFrameAfterThePointerArrives) {
    TouchGestures g;
    g.next_frame(0);
    g.push(touch(TouchPhase::Start, 100, 300, 10), kNoSurfaces);
    g.push(touch(TouchPhase::Move, 100, 250, 20), kNoSurfaces);
    const TouchFrame first = g.next_frame(25);
    EXPECT_FLOAT_EQ(first.pos.y, 300.0f);
    EXPECT_FALSE(first.scroll_started);
    const TouchFrame second = g.next_frame(40);
    EXPECT_TRUE(second.scroll_started);
    EXPECT_FLOAT_EQ(second.scroll.y, -50.0f);
}

TEST(TouchGestures, ASidewaysDragPressesWhereTheFingerCameDownThenFollowsIt) {
    TouchGestures g;
    g.push(touch(TouchPhase::Start, 100, 100, 0), kNoSurfaces);
    g.push(touch(TouchPhase::Move, 140, 104, 30), kNoSurfaces);
    const TouchFrame press = g.next_frame(35);
    EXPECT_TRUE(press.down);
    EXPECT_FLOAT_EQ(press.pos.x, 100.0f);  // a slider is grabbed where the finger touched it
    const TouchFrame drag = g.next_frame(50);
    EXPECT_TRUE(drag.down);
    EXPECT_FLOAT_EQ(drag.pos.x, 140.0f);
    EXPECT_FLOAT_EQ(drag.scroll.y, 0.0f);
    g.push(touch(TouchPhase::End, 160, 104, 60), kNoSurfaces);
    const std::vector<TouchFrame> frames = drain(g, 70);
    EXPECT_FALSE(frames[0].down);
    EXPECT_FALSE(frames.back().last_tap);  // a drag, not a tap
}

TEST(TouchGestures, ASidewaysSwipeOnAWideTableScrollsItAndPressesNothing) {
    TouchSurfaces table;
    table.add_sideways(Rect{Vec2{0, 0}, Vec2{300, 300}});
    TouchGestures g;
    g.push(touch(TouchPhase::Start, 200, 100, 0), table);
    g.next_frame(5);
    g.push(touch(TouchPhase::Move, 150, 104, 30), table);
    const TouchFrame first = g.next_frame(35);
    EXPECT_FALSE(first.down);
    EXPECT_TRUE(first.scroll_started);
    EXPECT_FLOAT_EQ(first.scroll.x, -50.0f);  // the columns follow the finger to the left
    g.push(touch(TouchPhase::Move, 90, 104, 50), table);
    g.push(touch(TouchPhase::End, 90, 104, 60), table);
    const std::vector<TouchFrame> frames = drain(g, 70);
    EXPECT_FLOAT_EQ(frames[0].scroll.x, -60.0f);
    EXPECT_EQ(edges(frames).size(), 0u);
    // Beside the table a sideways drag still presses (a slider).
    g.push(touch(TouchPhase::Start, 400, 100, 100), table);
    g.push(touch(TouchPhase::Move, 440, 104, 130), table);
    EXPECT_TRUE(g.next_frame(135).down);
}

TEST(TouchGestures, AFingerRestingPressesAfterTheDelayAndCanThenDragAnyWay) {
    TouchGestures g;
    g.push(touch(TouchPhase::Start, 100, 100, 0), kNoSurfaces);
    EXPECT_FALSE(g.next_frame(kTouchPressDelayMs - 20).down);
    EXPECT_TRUE(g.next_frame(kTouchPressDelayMs + 5).down);
    g.push(touch(TouchPhase::Move, 100, 180, kTouchPressDelayMs + 20), kNoSurfaces);  // vertical, but pressed
    const TouchFrame f = g.next_frame(kTouchPressDelayMs + 30);
    EXPECT_TRUE(f.down);
    EXPECT_FLOAT_EQ(f.pos.y, 180.0f);
    EXPECT_FLOAT_EQ(f.scroll.y, 0.0f);
}

TEST(TouchGestures, ASecondFingerTakesThePressBackAndPinches) {
    TouchSurfaces plane;
    plane.add_immediate(Rect{Vec2{0, 0}, Vec2{400, 400}});
    TouchGestures g;
    g.push(touch(TouchPhase::Start, 100, 200, 0, 7), plane);
    EXPECT_TRUE(g.next_frame(5).down);
    g.push(touch(TouchPhase::Start, 200, 200, 20, 8), plane);
    const TouchFrame cancel = g.next_frame(25);
    EXPECT_FALSE(cancel.down);
    EXPECT_TRUE(cancel.press_cancelled);
    // The fingers move apart to twice their distance, around the same centre.
    g.push(touch(TouchPhase::Move, 75, 200, 30, 7), plane);
    g.push(touch(TouchPhase::Move, 225, 200, 32, 8), plane);
    TouchFrame pinch = g.next_frame(40);
    EXPECT_TRUE(pinch.pinching);
    EXPECT_NEAR(pinch.pinch_scale, 1.5f, 1e-5);
    EXPECT_NEAR(pinch.pinch_centre.x, 150.0f, 1e-4);
    g.push(touch(TouchPhase::Move, 50, 220, 50, 7), plane);
    g.push(touch(TouchPhase::Move, 250, 220, 52, 8), plane);
    pinch = g.next_frame(60);
    EXPECT_NEAR(pinch.pinch_scale, 200.0f / 150.0f, 1e-4);
    EXPECT_NEAR(pinch.pan.y, 20.0f, 1e-4);  // both fingers moved down: a two-finger pan
    // The fingers lift; nothing is pressed again and the pinch was no tap.
    g.push(touch(TouchPhase::End, 50, 220, 70, 8), plane);
    g.push(touch(TouchPhase::Move, 90, 260, 75, 7), plane);
    g.push(touch(TouchPhase::End, 90, 260, 80, 7), plane);
    const std::vector<TouchFrame> frames = drain(g, 90);
    EXPECT_EQ(edges(frames).size(), 0u);
    EXPECT_FALSE(frames.back().last_tap);
    EXPECT_FALSE(frames.back().pinching);
}

TEST(TouchGestures, OnlyTheFirstFingerDrivesThePointer) {
    TouchGestures g;
    g.push(touch(TouchPhase::Start, 100, 100, 0, 1), kNoSurfaces);
    g.push(touch(TouchPhase::Start, 300, 100, 5, 2), kNoSurfaces);  // now a pinch
    g.push(touch(TouchPhase::End, 100, 100, 10, 1), kNoSurfaces);   // the first finger lifts
    g.push(touch(TouchPhase::Move, 340, 180, 20, 2), kNoSurfaces);  // the second one goes on alone
    g.push(touch(TouchPhase::End, 340, 180, 30, 2), kNoSurfaces);
    const std::vector<TouchFrame> frames = drain(g, 400);
    EXPECT_EQ(edges(frames).size(), 0u);
    EXPECT_FLOAT_EQ(frames.back().pos.x, 100.0f);
}

TEST(TouchGestures, ACancelledTouchClicksNothing) {
    TouchGestures g;
    g.push(touch(TouchPhase::Start, 100, 100, 0), kNoSurfaces);
    g.push(touch(TouchPhase::Cancel, 100, 100, 20), kNoSurfaces);
    EXPECT_EQ(edges(drain(g, 30)).size(), 0u);
    TouchSurfaces plane;
    plane.add_immediate(Rect{Vec2{0, 0}, Vec2{400, 400}});
    g.push(touch(TouchPhase::Start, 100, 100, 40), plane);
    g.push(touch(TouchPhase::Cancel, 100, 100, 60), plane);
    const std::vector<TouchFrame> frames = drain(g, 70);
    ASSERT_EQ(edges(frames).size(), 2u);
    EXPECT_TRUE(frames[1].press_cancelled);
}

TEST(TouchGestures, AMouseTakesThePointerBackOnlyOnceTheFingersAreUp) {
    TouchGestures g;
    const MouseAroundATouch mouse = move_mouse_around_a_touch(g, 0);
    EXPECT_TRUE(mouse.finger_down.active);
    EXPECT_FALSE(mouse.finger_up.active);
}

TEST(TouchGestures, TheViewsTurnToTouchOnlyAfterTheFirstTapAndBackOnlyBetweenGestures) {
    TouchGestures g;
    g.push(touch(TouchPhase::Start, 100, 100, 0), kNoSurfaces);
    g.push(touch(TouchPhase::End, 100, 100, 20), kNoSurfaces);
    const TouchFrame press = g.next_frame(30), release = g.next_frame(40), after = g.next_frame(50);
    EXPECT_TRUE(press.active && press.down);
    EXPECT_FALSE(press.touch_ui) << "the tap acts on the layout it was aimed at";
    EXPECT_FALSE(release.touch_ui);
    EXPECT_TRUE(after.touch_ui);
    const MouseAroundATouch mouse = move_mouse_around_a_touch(g, 60);
    EXPECT_TRUE(mouse.finger_down.touch_ui) << "a finger is down: the mouse waits";
    EXPECT_FALSE(mouse.finger_up.touch_ui);
}

// A phone's page starts in touch: the very first tap already lands on the touch layout, so what it
// opens (a neuron's map, a tooltip) stays; nothing is under the pointer before it.
TEST(TouchGestures, APageThatStartsWithTouchHasTheTouchLayoutBeforeTheFirstTap) {
    TouchGestures g;
    g.start_with_touch();
    const TouchFrame before = g.next_frame(0);
    EXPECT_TRUE(before.active && before.touch_ui);
    EXPECT_FALSE(before.down);
    EXPECT_LT(before.pos.x, -1e30f) << "no pointer until a finger comes down";
    g.push(touch(TouchPhase::Start, 100, 100, 10), kNoSurfaces);
    g.push(touch(TouchPhase::End, 100, 100, 30), kNoSurfaces);
    const TouchFrame press = g.next_frame(40), release = g.next_frame(50), after = g.next_frame(60);
    EXPECT_TRUE(press.touch_ui && press.down);
    EXPECT_TRUE(release.touch_ui && !release.down);
    EXPECT_TRUE(after.touch_ui && after.last_tap);
    EXPECT_EQ(after.pos.x, 100.0f);
}

TEST(TouchState, TooltipsShowOnHoverWithAMouseAndAfterATapOnTouch) {
    TouchFrame f;
    publish_touch_frame(f);
    EXPECT_TRUE(touch_allows_tooltip());  // a mouse: hover shows them
    f.active = f.touch_ui = true;
    f.finger_down = true;
    publish_touch_frame(f);
    EXPECT_FALSE(touch_allows_tooltip());  // a finger on the screen: not yet
    f.finger_down = false;
    f.last_tap = false;
    publish_touch_frame(f);
    EXPECT_FALSE(touch_allows_tooltip());  // after a swipe: none
    f.last_tap = true;
    publish_touch_frame(f);
    EXPECT_TRUE(touch_allows_tooltip());  // after a tap: the tapped item's
    publish_touch_frame(TouchFrame{});
}

TEST(TouchState, ALongPressFillsItsRingOnlyAfterATapWouldHaveEnded) {
    EXPECT_EQ(long_press_progress(0.0), 0.0f);
    EXPECT_EQ(long_press_progress(kLongPressRingMs), 0.0f);
    EXPECT_GT(long_press_progress((kLongPressRingMs + kLongPressMs) / 2), 0.4f);
    EXPECT_EQ(long_press_progress(kLongPressMs), 1.0f);
    EXPECT_EQ(long_press_progress(kLongPressMs * 3), 1.0f);
}
