// Reads a lesson file (the format of docs/LESSONS.md). A problem is reported with its line and
// what is wrong; nothing about the lab is checked here (lesson_check.h does that).
#pragma once

#include <string>

#include "app/lesson/lesson.h"

namespace bp {

struct LessonProblem {
    int line = 0;  // 1-based; 0 for the file as a whole
    std::string message;
    std::string text() const { return line > 0 ? "line " + std::to_string(line) + ": " + message : message; }
};

// Parses `text` into `out`; false with the first problem. `out` is only written on success.
bool parse_lesson(const std::string& text, Lesson& out, LessonProblem& problem);

// The names inside {braces} of a text, for the quantities it shows; false (with the name) when a
// brace is not closed.
bool text_references(const std::string& text, std::vector<std::string>& names, std::string& error);

}  // namespace bp
