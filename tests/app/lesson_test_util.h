// Helpers the lesson tests share: a lesson text's refusal, and a table of refusals checked at their
// lines.
#pragma once

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "app/lesson/lesson_parser.h"

namespace bp {

// The problem that refuses `text` (a failure when the text opens).
inline LessonProblem problem_of(const std::string& text) {
    Lesson lesson;
    LessonProblem problem;
    EXPECT_FALSE(parse_lesson(text, lesson, problem) && check_lesson(lesson, problem)) << text;
    return problem;
}

// A lesson text that must be refused at `line` with a message containing `says`.
struct RefusedAt {
    std::string text;
    int line;
    const char* says;
};

inline void expect_refused_at_their_lines(const std::vector<RefusedAt>& cases) {
    for (const RefusedAt& c : cases) {
        const LessonProblem p = problem_of(c.text);
        EXPECT_EQ(p.line, c.line) << c.text.substr(0, 80) << " -> " << p.text();
        EXPECT_NE(p.message.find(c.says), std::string::npos) << c.text.substr(0, 80) << " -> " << p.text();
    }
}

}  // namespace bp
