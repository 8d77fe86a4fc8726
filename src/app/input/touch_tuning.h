// The distances and times that tell touch gestures apart, in CSS pixels and milliseconds: how far a
// finger may wander and still tap, how long it rests before it presses, how long a long-press takes,
// and how near a finger must come to a point to take it.
#pragma once

namespace bp {

constexpr float kTouchSlop = 10.0f;         // a finger that stays this close to where it started taps
constexpr double kTouchPressDelayMs = 150.0;  // a finger resting this long presses (to drag what it is on)
constexpr double kLongPressMs = 500.0;      // a finger resting this long on a point removes it
constexpr double kLongPressRingMs = 120.0;  // the long-press ring starts to fill after this, so a tap shows none
constexpr float kTouchHitRadius = 22.0f;    // a data point this close to the finger is under it
constexpr float kTouchDragThreshold = 6.0f;  // a pressed point follows the finger past this distance

}  // namespace bp
