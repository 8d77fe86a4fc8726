// The lesson panel: one step at a time, with its title, text, tasks and question, Back and Next,
// and how far the lesson has come. Its own state is the answer being typed.
#pragma once

#include <imgui.h>

#include <string>

#include "app/lab/lab.h"
#include "app/layout/screen_geometry.h"
#include "app/layout/screen_layout.h"
#include "app/layout/view_settings.h"
#include "app/lesson/lesson_run.h"

namespace bp {

struct LessonPanel {
    char answer[64] = "";
    int step_shown = -1;        // the step drawn last frame: a new one clears the answer and scrolls up
    const void* lesson_shown = nullptr;
    int answers_seen = 0;       // the run's answers() when its feedback was last scrolled into sight
    LessonControls drawn;       // where this frame drew the buttons (for window.lab's layout())
    float header = 0.0f;        // the height of its header (the lesson's title, Hide, the progress) as drawn last
};

// Draws the open lesson into the current window's remaining space. `phone`: the panel is a view of
// its own, so it offers a "Show me" button that switches to the view the step points at.
void draw_lesson_panel(LessonPanel& panel, LessonRun& run, Lab& lab, ViewSettings& view, bool phone);

// What the open step asks of the screen layout, with the panel `width` wide: its height, and the
// views it needs, from its `view` setting and what it points at (docs/LESSONS.md).
void ask_lesson_room(const LessonPanel& panel, const LessonRun& run, const Lab& lab, float width, ScreenRequest& request);

}  // namespace bp
