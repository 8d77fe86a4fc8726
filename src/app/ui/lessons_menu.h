// The Lessons menu: the built-in lessons, a lesson file from disk, the editor (a lesson written in
// the lab with a live check and preview), and for the open lesson its link, its file, and leaving it.
#pragma once

#include <string>

#include "app/lab/lab.h"
#include "app/lesson/lesson_run.h"
#include "app/ui/platform.h"

namespace bp {

struct LessonEditor {
    bool open = false;
    std::string text;           // the draft
    std::string checked_text;   // the draft the status below describes
    double changed_at = 0.0;    // ImGui time of the last edit: the check waits for a pause in typing
    bool ok = false;
    std::string status;         // "7 steps" or the first problem with its line
    Lesson preview;             // the draft as parsed, when it parses
    int preview_step = 0;
};

struct LessonsMenu {
    LessonEditor editor;
};

void open_lessons_menu();  // opens the popup "Lessons"
// The popup, once opened, and the editor window, while open.
void draw_lessons_menu(LessonsMenu& menu, LessonRun& run, Lab& lab, Platform& platform);

}  // namespace bp
