// Where every view of the lab goes on a screen of a given size: pure geometry, so a test can sweep
// every size from a small phone to a 4K desktop without drawing anything.
//
// Three modes, chosen from the canvas size in CSS pixels and the body text size:
//   Wide     desktop and laptop: controls and loss on the left, network and data beside them, the
//            inspector below;
//   Compact  tablet, or a 720p projector zoomed: network, data and loss always visible, one panel
//            shows the controls or the inspector (its tabs choose);
//   Phone    one main view at a time (network with the data, loss, inspector or controls) and a bar
//            to switch: at the bottom, or beside the top bar's buttons when the phone lies sideways.
// Presenter mode hides the controls and gives their room to the network and the data.
// An open lesson takes the controls' place on a wide screen (the controls join the inspector's
// tabs), most of the loss plot's place on an upright tablet, half of the compact panel otherwise,
// or a view of its own on a phone.
#pragma once

#include "app/layout/vec2.h"

namespace bp {

enum class LayoutMode { Wide, Compact, Phone };

// The view a phone shows, or what the compact panel shows (Network and Loss: the controls).
enum class MainView { Network, Loss, Inspector, Controls, Lesson };

const char* layout_mode_name(LayoutMode mode);  // "wide", "compact", "phone"

// The smallest size at which each view is still usable, in CSS pixels.
struct MinimumSize {
    float width, height;
};
constexpr MinimumSize kMinNetwork{200, 140};
constexpr MinimumSize kMinData{160, 160};
constexpr MinimumSize kMinLoss{160, 130};
constexpr MinimumSize kMinInspector{260, 150};
constexpr MinimumSize kMinControls{240, 180};
constexpr MinimumSize kMinLesson{240, 150};

// The body text at text scale 1, in CSS pixels: readable from the back of a room. Every size that
// follows the text is a multiple of the body size at the current scale.
constexpr float kBodyTextPx = 18.0f;

struct ScreenRequest {
    Vec2 display;              // the canvas in CSS pixels
    float font = kBodyTextPx;  // body text size in CSS pixels (the text scale applied)
    float top_bar = 40.0f;     // height of the top bar, with any notice under it
    float bar_row = 40.0f;     // height of the top bar's row of buttons alone
    float tab_bar = 52.0f;     // height of the phone's bottom bar
    float data_chrome = 0.0f;  // the data view's height beyond its square plane (toolbar, legend)
    float data_min_side = 0.0f;  // the data view's least width for its toolbar in two rows (grows with the text)
    float network_min_width = 0.0f;  // the network view's least width for its labels (grows with the text)
    float network_min_height = 0.0f;  // its least height for its header and neurons of a readable size
    float panel_min_width = 0.0f;    // the compact panel's least width for its sliders and labels (grows with the text)
    bool presenter = false;
    bool lesson = false;       // a lesson is open and its panel shown
    float lesson_height = 0.0f;  // the height its step asks for, text unscrolled (0: as the mode gives it)
    float lesson_least = 0.0f;   // its least height: header, question (with keypad) and foot, three lines of text
    bool lesson_panel = true;    // the step needs the controls or the inspector (it points there)
    bool lesson_network = false;  // the step needs the network (it points at a neuron, an edge or the view)
    MainView main = MainView::Network;
    bool landscape = false;  // the loss view shows the loss landscape: give it room (wide and compact)
};

// A rectangle of zero area is a view not shown.
struct ScreenLayout {
    LayoutMode mode = LayoutMode::Wide;
    Rect top_bar, tab_bar;
    Rect network, data, loss, inspector, controls, lesson;
};

inline bool shown(const Rect& r) { return r.width() > 0.0f && r.height() > 0.0f; }

// The mode for a canvas: Wide from 60 × 32 body-text sizes (1080 × 576 CSS px at 18 px text);
// Compact from 640 × 440 where its panel fits beside or under the views (under the top bar as it
// is now, with its notices; landscape from 520 CSS px under it); Phone below that, which on a
// small landscape canvas (a 720p projector zoomed to 150 %) shows the network and data largest.
LayoutMode layout_mode(const ScreenRequest& request);

// Whether an upright phone has the height for the network over the data view, each at its least
// size (the network's header and readable neurons; the plane's least side with its toolbar).
bool phone_fits_network_over_data(const ScreenRequest& request);

// True for the canvases on which every shown view gets at least its minimum size: a 360×640 phone
// either way round, or larger. Smaller canvases still get no negative or mirrored geometry.
bool layout_keeps_minimums(Vec2 display);

ScreenLayout lay_out_screen(const ScreenRequest& request);

}  // namespace bp
