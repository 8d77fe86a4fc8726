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

// The same set-up in two halves around its training, so that the training can be spread over
// frames (step_build.h): the first half applies link, configure and reset and reads `train = n`
// (checked as window.lab's train(n) is; 0 steps without one); after the n steps, the second half
// applies the rest. apply_lesson_setup is the two with the training between.
struct SetupTraining {
    int steps = 0;
    int line = 0;  // the `train` line
};
bool apply_setup_before_training(Lab& lab, const std::vector<LessonSetting>& setup, LessonView& view, SetupTraining& training,
                                 std::string& error, int& problem_line);
// How many training steps a set-up asks for (its `train = n`; 0 without one or when n is not read).
int setup_train_steps(const std::vector<LessonSetting>& setup);
bool apply_setup_after_training(Lab& lab, const std::vector<LessonSetting>& setup, LessonView& view, std::string& error,
                                int& problem_line);

}  // namespace bp
