// The lab window: every view of one lab, with each view's own state, and the platform's services.
// Like a debugger window that holds a pointer to the machine it shows, it points at the Lab and
// never owns it; the platform creates one and draws it every frame.
#pragma once

#include "app/lab/lab.h"
#include "app/layout/screen_geometry.h"
#include "app/layout/view_settings.h"
#include "app/lesson/lesson_run.h"
#include "app/ui/chain_rule_panel.h"
#include "app/ui/data_table.h"
#include "app/ui/data_view.h"
#include "app/ui/landscape_view.h"
#include "app/ui/lesson_panel.h"
#include "app/ui/lessons_menu.h"
#include "app/ui/network_view.h"
#include "app/ui/platform.h"
#include "app/ui/share_menu.h"

namespace bp {

struct LabWindow {
    LabWindow(Lab& l, Platform& p) : lab(l), platform(p) {}

    Lab& lab;
    Platform& platform;
    NetworkView network;
    DataView data;
    LandscapeView landscape;
    Inspector inspector;
    DataTable table;
    ShareMenu share;
    ViewSettings view;  // text scale, presenter mode, QR code: the user's or a script's choice
    LessonRun lesson;   // the open lesson, if any
    LessonPanel lesson_panel;
    LessonsMenu lessons_menu;

    ScreenLayout layout;                // where the last frame put every view
    Rect play_button;                   // where the top bar drew Play / Pause in the last frame
    bool help_open = false;             // the help overlay (the ? key)
    bool start_hint = true;             // the first-open hint, until dismissed or the lab first trains
    bool hint_on_learn = false;         // this frame, the hint is on the Learn button: no room for its banner
    bool was_presenting = false;        // presenter mode in the last frame: its end restores the panel's tab

    // Where the views were drawn in the last frame (for window.lab's layout()).
    ScreenGeometry geometry() const {
        return {network.layout,
                {data.plane.min, data.plane.max},
                layout,
                lesson.is_open() && shown(layout.lesson) ? lesson_panel.drawn : LessonControls{},
                network.maps_drawn,
                data.showing_neuron ? data.neuron : NeuronRef{},
                {inspector.editor.field_min, inspector.editor.field_max},
                play_button,
                shown(layout.network) ? network.values : std::vector<std::vector<Rect>>{},
                shown(layout.network) ? network.deltas : std::vector<std::vector<Rect>>{}};
    }
};

// The whole lab in one window filling the display.
void draw_lab_window(LabWindow& window);

// A key press the platform saw (key as GLFW spells it: ASCII capitals, 32 for Space), handled even
// when it was pressed and released between two frames: Space plays, N next phase, E epoch,
// Ctrl+Z undo, Ctrl+Shift+Z redo. Ignored while a text field has the keyboard.
// ? (Shift+/) or F1 opens the help, Escape closes the help and the QR code.
void handle_shortcut(LabWindow& window, int key, bool ctrl, bool shift);

}  // namespace bp
