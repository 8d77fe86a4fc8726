// Touch gestures turned into the mouse that Dear ImGui reads once a frame. The browser's touch events
// queue up between frames; each frame takes from the queue a pointer position (moves apply at once),
// a button that is never pressed and released in the same frame (so every tap is one click where it
// landed), how far a swipe scrolls the panel it started on, and what two fingers do (pinch and pan).
// Only the first finger drives the pointer. Pure logic with the times passed in, tested natively.
//
// A finger that comes down on an immediate surface (see touch_surfaces.h) presses at once.
// Elsewhere it waits: lifted within kTouchSlop it taps; moved past the slop mostly vertically, or
// in any direction on a surface that scrolls sideways (a wide table), it swipes (scrolls, and
// presses nothing); moved mostly sideways elsewhere (a slider) or resting for kTouchPressDelayMs it
// presses where it is and drags from there. A second finger turns the touch
// into a pinch and takes back a press already made.
#pragma once

#include <deque>
#include <vector>

#include "app/input/touch_surfaces.h"
#include "app/layout/vec2.h"

namespace bp {

enum class TouchPhase { Start, Move, End, Cancel };

struct TouchEvent {
    TouchPhase phase = TouchPhase::Start;
    long finger = 0;      // the browser's identifier of this touch point
    Vec2 pos;             // canvas CSS pixels
    double time_ms = 0.0;  // when it arrived
};

// What touch does to the pointer in one frame.
struct TouchFrame {
    bool active = false;           // the last pointer input was a touch: pos and down replace the mouse
    bool touch_ui = false;         // the views act for touch (larger targets, taps): follows `active`, but
                                   // only between gestures, so a tap acts on the layout it was aimed at
    Vec2 pos;                      // the pointer, CSS pixels
    bool down = false;             // the button, held by the first finger
    bool finger_down = false;      // some finger is on the screen now
    bool press_cancelled = false;  // this frame's release takes a press back (a second finger came down)
    bool last_tap = false;         // the last finished touch was a tap (no swipe, drag or pinch)
    Vec2 scroll;                   // a swipe's movement this frame: the panel's content follows it
    bool scroll_started = false;   // a swipe began this frame: the panel under the pointer is its panel
    bool pinching = false;         // two fingers moved this frame
    float pinch_scale = 1.0f;      // this frame's change of the distance between the two fingers
    Vec2 pinch_centre;             // the midpoint of the two fingers
    Vec2 pan;                      // this frame's movement of that midpoint
};

class TouchGestures {
public:
    // One touch point's event, in the order the browser sent them; `surfaces` are where the pointer
    // presses as soon as a finger comes down.
    void push(const TouchEvent& event, const TouchSurfaces& surfaces);
    // What the pointer does in the frame that starts at now_ms.
    TouchFrame next_frame(double now_ms);
    // A real mouse moved: it drives the pointer again, unless a finger is still down.
    void mouse_moved();
    // Touch drives the pointer from the start (a phone's or a tablet's page), with nothing under
    // it until the first touch: the first tap then lands on the touch layout it will keep.
    void start_with_touch();
    bool active() const { return active_; }

private:
    enum class Mode { Idle, Waiting, Pressed, Scrolling, Pinching, Ignoring };
    struct Action {
        enum Kind { Move, Press, Release, Scroll, Pinch } kind = Move;
        Vec2 pos;                 // Move, Press: the pointer; Pinch: the centre
        Vec2 delta;               // Scroll: the finger's movement; Pinch: the centre's movement
        float scale = 1.0f;       // Pinch
        bool flag = false;        // Release: taken back; Scroll: the swipe's first movement
    };

    void start_finger(const TouchEvent& e, const TouchSurfaces& surfaces);
    void move_finger(const TouchEvent& e);
    void lift_finger(const TouchEvent& e);
    void press_if_rested(double now_ms);
    void update_pinch();
    void queue(Action::Kind kind, Vec2 pos, Vec2 delta = {}, float scale = 1.0f, bool flag = false);

    std::deque<Action> actions_;
    std::vector<long> fingers_;  // every finger on the screen
    Mode mode_ = Mode::Idle;
    long first_ = -1, second_ = -1;
    Vec2 start_, first_pos_, second_pos_, swipe_last_;
    double start_ms_ = 0.0;
    bool travelled_ = false;  // the first finger went beyond the slop
    bool sideways_ = false;   // the first finger came down where a sideways swipe scrolls
    float pinch_distance_ = 0.0f;
    Vec2 pinch_centre_;

    // What the pointer has been given so far.
    bool active_ = false;
    Vec2 pos_;
    bool down_ = false;
    bool last_tap_ = false;
    bool touch_ui_ = false;
    bool idle_ = true;  // the last frame ended with no finger down, nothing pressed and nothing queued
};

}  // namespace bp
