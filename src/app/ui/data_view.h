// Data view: the input plane with the network's output behind the points, where the class draws its
// data, and its toolbar (data set, the class a click adds, delete mode, undo and redo).
#pragma once

#include <imgui.h>

#include "app/lab/lab.h"
#include "app/layout/plane_view.h"
#include "app/ui/platform.h"

namespace bp {

// The data view's own state: how a click edits, and the point under the pointer's press.
struct DataView {
    bool add_class_one = true;  // the class a click adds (Shift adds the other)
    bool delete_mode = false;   // a click removes a point (for touch screens)
    int pressed_point = -1;     // the point pressed and not yet released
    bool dragging_point = false;
    PlaneView plane;            // where the plane was drawn last frame
};

void draw_data_view(DataView& view, Lab& lab, Platform& platform, ImVec2 size);
void draw_data_toolbar(DataView& view, Lab& lab);

}  // namespace bp
