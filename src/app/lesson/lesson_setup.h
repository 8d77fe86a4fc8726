// A step's set-up applied to the lab: configure()'s settings in one go, then the lesson's own in a
// fixed order (link, configure, reset, train, phase, select, inspect, edges), whatever the order
// of the lines. The tab, the phone's view and the landscape's pair are for the window: they are handed back.
#pragma once

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "app/layout/panel_names.h"
#include "app/lesson/lesson.h"
#include "core/network.h"

namespace bp {

class Lab;

// What a step asks of the window: the panel tab to show (one of kTabPanels), the phone's view (one
// of kViewPanels), and the two parameters of the loss landscape to show, if the step names them.
struct LessonView {
    std::optional<Panel> tab, view;
    std::optional<std::pair<ParameterRef, ParameterRef>> landscape;
};

// The settings a `set:` line may name (configure()'s, then the lesson's own), and their list for a
// message.
bool is_lesson_setting(const std::string& name);
std::string lesson_setting_names();

// Applies the settings; false with the first problem (its line in `problem_line`). The lab may be
// partly changed on failure: callers apply set-ups to a copy first when that matters.
bool apply_lesson_setup(Lab& lab, const std::vector<LessonSetting>& setup, LessonView& view, std::string& error,
                        int& problem_line);

}  // namespace bp
