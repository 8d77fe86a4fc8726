// Touch gestures: recognising taps, swipes, drags and pinches as the events arrive, and handing the
// result to the pointer one frame at a time.
#include "app/input/touch_gestures.h"

#include <algorithm>
#include <cfloat>
#include <cmath>

#include "app/input/touch_tuning.h"

namespace bp {

namespace {
Vec2 minus(Vec2 a, Vec2 b) { return Vec2{a.x - b.x, a.y - b.y}; }
Vec2 midpoint(Vec2 a, Vec2 b) { return Vec2{(a.x + b.x) * 0.5f, (a.y + b.y) * 0.5f}; }
float length(Vec2 v) { return std::hypot(v.x, v.y); }
}  // namespace

void TouchGestures::queue(Action::Kind kind, Vec2 pos, Vec2 delta, float scale, bool flag) {
    Action a;
    a.kind = kind;
    a.pos = pos;
    a.delta = delta;
    a.scale = scale;
    a.flag = flag;
    actions_.push_back(a);
}

void TouchGestures::push(const TouchEvent& e, const TouchSurfaces& surfaces) {
    active_ = true;
    press_if_rested(e.time_ms);
    switch (e.phase) {
        case TouchPhase::Start: start_finger(e, surfaces); break;
        case TouchPhase::Move: move_finger(e); break;
        case TouchPhase::End:
        case TouchPhase::Cancel: lift_finger(e); break;
    }
}

void TouchGestures::start_finger(const TouchEvent& e, const TouchSurfaces& surfaces) {
    if (std::find(fingers_.begin(), fingers_.end(), e.finger) == fingers_.end()) fingers_.push_back(e.finger);
    if (mode_ == Mode::Idle) {
        first_ = e.finger;
        start_ = first_pos_ = e.pos;
        start_ms_ = e.time_ms;
        travelled_ = false;
        sideways_ = surfaces.scrolls_sideways(e.pos);
        last_tap_ = false;
        queue(Action::Move, e.pos);
        if (surfaces.presses_at_once(e.pos)) {
            queue(Action::Press, e.pos);
            mode_ = Mode::Pressed;
        } else {
            mode_ = Mode::Waiting;
        }
        return;
    }
    const bool one_finger = mode_ == Mode::Waiting || mode_ == Mode::Pressed || mode_ == Mode::Scrolling;
    if (!one_finger || second_ >= 0 || e.finger == first_) return;  // a third finger changes nothing
    second_ = e.finger;
    second_pos_ = e.pos;
    if (mode_ == Mode::Pressed) queue(Action::Release, first_pos_, {}, 1.0f, true);
    mode_ = Mode::Pinching;
    pinch_distance_ = length(minus(first_pos_, second_pos_));
    pinch_centre_ = midpoint(first_pos_, second_pos_);
}

void TouchGestures::move_finger(const TouchEvent& e) {
    if (e.finger == second_ && mode_ == Mode::Pinching) {
        second_pos_ = e.pos;
        update_pinch();
        return;
    }
    if (e.finger != first_) return;
    first_pos_ = e.pos;
    const Vec2 from_start = minus(e.pos, start_);
    const bool beyond_slop = length(from_start) > kTouchSlop;
    switch (mode_) {
        case Mode::Waiting:
            if (!beyond_slop) break;
            travelled_ = true;
            if (sideways_ || std::fabs(from_start.y) > std::fabs(from_start.x)) {
                mode_ = Mode::Scrolling;
                swipe_last_ = e.pos;
                queue(Action::Scroll, start_, from_start, 1.0f, true);
            } else {  // sideways: a slider, dragged from where the finger came down
                mode_ = Mode::Pressed;
                queue(Action::Press, start_);
                queue(Action::Move, e.pos);
            }
            break;
        case Mode::Pressed:
            travelled_ = travelled_ || beyond_slop;
            queue(Action::Move, e.pos);
            break;
        case Mode::Scrolling:
            queue(Action::Scroll, start_, minus(e.pos, swipe_last_));
            swipe_last_ = e.pos;
            break;
        case Mode::Pinching: update_pinch(); break;
        case Mode::Idle:
        case Mode::Ignoring: break;
    }
}

void TouchGestures::lift_finger(const TouchEvent& e) {
    fingers_.erase(std::remove(fingers_.begin(), fingers_.end(), e.finger), fingers_.end());
    const bool cancel = e.phase == TouchPhase::Cancel;
    if (e.finger == first_) {
        if (mode_ == Mode::Waiting && !cancel) {  // a tap: a press where it came down, then a release
            queue(Action::Press, start_);
            queue(Action::Release, start_);
            last_tap_ = true;
        } else if (mode_ == Mode::Pressed) {
            if (!cancel && (e.pos.x != first_pos_.x || e.pos.y != first_pos_.y)) {
                first_pos_ = e.pos;
                travelled_ = travelled_ || length(minus(e.pos, start_)) > kTouchSlop;
                queue(Action::Move, e.pos);
            }
            queue(Action::Release, first_pos_, {}, 1.0f, cancel);
            last_tap_ = !travelled_ && !cancel;
        }
        first_ = -1;
        if (mode_ != Mode::Idle) mode_ = Mode::Ignoring;
    } else if (e.finger == second_) {
        second_ = -1;
        if (mode_ == Mode::Pinching) mode_ = Mode::Ignoring;
    }
    if (fingers_.empty()) {
        mode_ = Mode::Idle;
        first_ = second_ = -1;
    }
}

void TouchGestures::press_if_rested(double now_ms) {
    if (mode_ != Mode::Waiting || now_ms - start_ms_ < kTouchPressDelayMs) return;
    queue(Action::Press, first_pos_);
    mode_ = Mode::Pressed;
}

void TouchGestures::update_pinch() {
    const float distance = length(minus(first_pos_, second_pos_));
    const Vec2 centre = midpoint(first_pos_, second_pos_);
    const float scale = pinch_distance_ > 1.0f && distance > 1.0f ? distance / pinch_distance_ : 1.0f;
    queue(Action::Pinch, centre, minus(centre, pinch_centre_), scale);
    pinch_distance_ = distance;
    pinch_centre_ = centre;
}

TouchFrame TouchGestures::next_frame(double now_ms) {
    if (idle_ && actions_.empty() && fingers_.empty()) touch_ui_ = active_;  // between gestures
    press_if_rested(now_ms);
    TouchFrame f;
    bool button_changed = false, moved = false;
    while (!actions_.empty()) {
        const Action a = actions_.front();
        const bool pointer = a.kind == Action::Move || a.kind == Action::Press || a.kind == Action::Release;
        if (pointer && button_changed) break;  // the next press, release or move waits for the next frame
        // A swipe scrolls the panel under the pointer: ImGui must have seen the pointer there first.
        if (a.kind == Action::Scroll && a.flag && moved) break;
        actions_.pop_front();
        switch (a.kind) {
            case Action::Move:
                moved = moved || a.pos.x != pos_.x || a.pos.y != pos_.y;
                pos_ = a.pos;
                break;
            case Action::Press:
                pos_ = a.pos;
                down_ = true;
                button_changed = true;
                break;
            case Action::Release:
                down_ = false;
                f.press_cancelled = a.flag;
                button_changed = true;
                break;
            case Action::Scroll:
                f.scroll.x += a.delta.x;
                f.scroll.y += a.delta.y;
                f.scroll_started = f.scroll_started || a.flag;
                break;
            case Action::Pinch:
                f.pinching = true;
                f.pinch_scale *= a.scale;
                f.pinch_centre = a.pos;
                f.pan.x += a.delta.x;
                f.pan.y += a.delta.y;
                break;
        }
    }
    f.active = active_;
    f.pos = pos_;
    f.down = down_;
    f.finger_down = !fingers_.empty();
    f.last_tap = last_tap_ && actions_.empty();
    f.touch_ui = touch_ui_;
    idle_ = !down_ && fingers_.empty() && actions_.empty();
    return f;
}

void TouchGestures::start_with_touch() {
    active_ = touch_ui_ = true;
    pos_ = Vec2{-FLT_MAX, -FLT_MAX};  // ImGui's "no pointer"
}

void TouchGestures::mouse_moved() {
    if (fingers_.empty() && actions_.empty()) active_ = false;
}

}  // namespace bp
