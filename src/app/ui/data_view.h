// Data view: the input plane with the network's output (or a hovered neuron's map) behind the
// points, where the class draws its data, and its toolbar (data set, the class a click adds, delete
// mode, undo and redo).
#pragma once

#include <imgui.h>

#include "app/lab/lab.h"
#include "app/layout/network_layout.h"
#include "app/layout/plane_view.h"
#include "app/ui/platform.h"

namespace bp {

// The data view's own state: how a click edits, the press in progress, and the plane's zoom.
struct DataView {
    bool add_class_one = true;  // the class a click adds (Shift adds the other)
    bool delete_mode = false;   // a click removes a point (for touch screens)
    int pressed_point = -1;     // the point pressed and not yet released
    bool dragging_point = false;
    bool pending_add = false;   // touch: a finger came down on empty plane; lifted there, it adds a point
    ImVec2 press_pos;           // touch: where the finger came down, on screen
    bool press_travelled = false;  // touch: the finger has moved since it came down (no long-press then)
    double press_u = 0.0, press_v = 0.0;  // touch: and on the plane, as it was drawn then
    PlaneView plane;            // where the plane was drawn last frame, and its zoom
    NeuronRef neuron;           // the neuron hovered in the network view: its map replaces the output
    bool showing_neuron = false;  // the plane showed that neuron's map in the last frame
};

// The data view's height beyond its plane's width (its toolbar in `toolbar_rows` rows, the legend
// under the plane and the view's padding): a view `side` wide and `side + data_view_chrome(rows)` high
// has a plane that fills its width and a legend that ends at its bottom.
float data_view_chrome(float toolbar_rows);

void draw_data_view(DataView& view, Lab& lab, Platform& platform, ImVec2 size);
void draw_data_toolbar(DataView& view, Lab& lab);

}  // namespace bp
