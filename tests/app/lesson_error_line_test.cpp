// A lesson's problem is reported at the line that holds it, wherever that line is: the file's last
// line with or without its newline, after a blank line, in a paragraph that goes on over lines, in a
// question's second explain line or its choices.
#include <gtest/gtest.h>

#include <string>

#include "app/lesson/lesson_check.h"
#include "app/lesson/lesson_parser.h"

using namespace bp;

namespace {

LessonProblem problem_in(const std::string& text) {
    Lesson lesson;
    LessonProblem problem;
    if (parse_lesson(text, lesson, problem) && check_lesson(lesson, problem)) problem = {};
    return problem;
}

}  // namespace

TEST(LessonErrorLine, EveryProblemIsReportedAtItsOwnLine) {
    struct Case {
        const char* text;
        int line;
    };
    const Case cases[] = {
        {"lesson: A\nstep: B\nText.\ntask: w9_99 > 0\n", 4},
        {"lesson: A\nstep: B\nText.\ntask: w9_99 > 0", 4},
        {"lesson: A\nstep: B\nText.\n\ntask: w9_99 > 0\n\n", 5},
        {"lesson: A\nstep: B\nText {w1_11}\nand {w9_99} here.\n", 4},
        {"lesson: A\nstep: B\nText {w1_11}\nand {w9_99} here.", 4},
        {"lesson: A\nstep: B\nText {w1_11}\nand {w9_99} here.\n\nMore.\n", 4},
        {"lesson: A\nstep: B\nText.\nask: How much?\nanswer: 1\nexplain: First {w1_11}.\nexplain: Then {w9_99}.\n", 7},
        {"lesson: A\nstep: B\nText.\nask: Up or down?\nchoices: up, down\nanswer: sideways\n", 6},
        {"lesson: A\nstep: B\nText.\nask: Up or down?\nanswer: sideways\nchoices: up, down\n", 5},
        {"lesson: A\nstep: B\nText.\nask: How much?\nanswer: w9_99\n", 5},
        {"lesson: A\nstep: B\nText.\npoint: weight w9_99\n", 4},
        {"lesson: A\nstep: B\nText.\nset: seed = x\n", 4},
        {"lesson: A\nstep: B\nText.\n- an item {w9_99}\n", 4},
        {"lesson: A\nstep: B\nText.\nask: What is {w9_99}?\nanswer: 1\n", 4},
        {"lesson: A\nstep: B\nText.\nask: Up?\nanswer: 1\nexplain: It is {w9_99}.\n\nstep: C\nMore.\n", 6},
    };
    for (const Case& c : cases) {
        const LessonProblem p = problem_in(c.text);
        EXPECT_EQ(p.line, c.line) << c.text << "-> " << p.text();
    }
}
