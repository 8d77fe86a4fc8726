// A step's set-up applied to the lab: configure()'s settings in one go, then the lesson's own in a
// fixed order (link, configure, reset, train, phase, select, inspect, edges), whatever the order
// of the lines. The tab and the phone's view are for the window: they are handed back.
#pragma once

#include <string>
#include <vector>

#include "app/lesson/lesson.h"

namespace bp {

class Lab;

// What a step asks of the window: the panel tab to show ("controls", "chain rule", "matrices",
// "data table") and the phone's view ("network", "loss", "chain rule", "controls"); "" = no change.
struct LessonView {
    std::string tab, view;
};

// Applies the settings; false with the first problem (its line in `problem_line`). The lab may be
// partly changed on failure: callers apply set-ups to a copy first when that matters.
bool apply_lesson_setup(Lab& lab, const std::vector<LessonSetting>& setup, LessonView& view, std::string& error,
                        int& problem_line);

}  // namespace bp
