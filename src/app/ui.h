// The lab's panels, one function each, and the window that arranges them. Views read the Lab and
// change it only through its commands.
#pragma once

#include <imgui.h>

#include "app/lab.h"

namespace bp {

// The whole lab in one window filling the display.
void draw_lab_window(Lab& lab);

void draw_controls_panel(Lab& lab);
void draw_network_view(Lab& lab, ImVec2 size);
void draw_data_view(Lab& lab, ImVec2 size);
void draw_data_toolbar(Lab& lab);  // data set, the class a click adds, delete mode, undo and redo
void draw_loss_plot(const Lab& lab, ImVec2 size);
void draw_chain_rule_panel(Lab& lab);  // inside a child or tab the caller opened
void draw_matrices_panel(Lab& lab);
void draw_data_table(Lab& lab);  // every point's values, editable, with CSV import and export
void draw_share_dialog(Lab& lab);  // the "Share and export" popup: teacher links, exports, imports
// Copies this page's address with the state's link (a moment, or the starting point) and shows
// "copied" for a moment.
void copy_share_link(Lab& lab, bool moment, uint32_t locks);
void draw_status_bar(Lab& lab);

// A key press the platform saw (key as GLFW spells it: ASCII capitals, 32 for Space), handled even
// when it was pressed and released between two frames: Space plays, N next phase, E epoch,
// Ctrl+Z undo, Ctrl+Shift+Z redo. Ignored while a text field has the keyboard.
void handle_shortcut(Lab& lab, int key, bool ctrl, bool shift);

// Applies the lab's light, high-contrast style (readable on a projector), scaled by ui_scale.
void apply_lab_style(float ui_scale);

}  // namespace bp
