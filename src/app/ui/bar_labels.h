// The labels of the top bar's buttons that other views name in their text ("... Learn brings it
// back"), so a tooltip names the button as the screen shows it.
#pragma once

namespace bp {

// The button that lists the lessons and brings a hidden lesson back: short on a phone's bar.
constexpr const char* kLessonsButtonWide = "Lessons\u2026";
constexpr const char* kLessonsButtonPhone = "Learn";

inline const char* lessons_button_label(bool phone) { return phone ? kLessonsButtonPhone : kLessonsButtonWide; }

}  // namespace bp
