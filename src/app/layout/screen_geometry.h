// Where the views drew the lab in the last frame, in CSS pixels: written by the UI each frame, read
// by window.lab's layout() so tests and scripts can check what is on screen.
#pragma once

#include "app/layout/network_layout.h"
#include "app/layout/screen_layout.h"
#include "app/layout/vec2.h"

#include <string>
#include <utility>
#include <vector>

namespace bp {

// Where the lesson panel drew its controls (zero rectangles for those not drawn).
struct LessonControls {
    Rect back, next, show_me, answer, check, hide, show_answer;
    Rect text, question;  // the step's text (its scroller) and its question: prompt, field or choices, keypad
    std::vector<std::pair<std::string, Rect>> keys;  // the keypad's keys on touch, by their label
    std::vector<Rect> choices;
};

struct ScreenGeometry {
    NetworkLayout network;  // every neuron's centre and the node radius
    Rect data_plane;        // the square showing the plane [-extent, extent]^2
    ScreenLayout views;     // the layout mode and every view's rectangle
    LessonControls lesson;  // the lesson panel's buttons and answer field
    bool neuron_maps = false;  // every neuron's circle held its map (drawn on the GPU)
    NeuronRef data_neuron;     // the neuron whose map the data plane showed instead of the output
    Rect parameter_field;      // the inspector's field that sets the selected parameter by hand
    Rect play_button;          // the top bar's Play / Pause button
    std::vector<std::vector<Rect>> values, deltas;  // where each neuron's value and δ were written ([layer][j])
};

}  // namespace bp
