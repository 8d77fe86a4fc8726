// A lesson: a title, an optional set-up, and steps. Each step has a title, paragraphs of text, the
// set-up it applies to the lab, what it points at, the tasks it asks for and at most one question.
// Every piece remembers the line of the lesson file it came from, so that a problem found later
// (a parameter the step's network does not have) is reported at that line.
// The format is described in docs/LESSONS.md; lesson_parser.h reads it.
#pragma once

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "app/layout/panel_names.h"
#include "app/lesson/lesson_quantity.h"

namespace bp {

// One `set: name = value` line: a setting of configure() or one of the lesson's own (phase,
// select, inspect, train, reset, tab, view, edges, link). Checked when the lesson is opened.
struct LessonSetting {
    int line = 0;
    std::string name, value;
};

// Something the step points at: the lab draws a ring around it.
struct LessonPointer {
    enum class Kind { Neuron, Weight, Bias, MatrixCell, Panel, Control };
    int line = 0;
    Kind kind = Kind::Panel;
    int layer = 0, i = 0, j = 0;  // Neuron: a^layer_j (layer 0 = inputs); Weight: w^layer_ij; Bias: b^layer_j;
                                  // MatrixCell: W^layer row i column j (0-based i, j)
    std::string name;             // Panel or Control: its name as the lesson spells it
    Panel panel = Panel::Network; // Panel: the one it names
};

// A task the learner does: done while `quantity op value` holds (tasks are checked every frame).
struct LessonTask {
    enum class Compare { Equal, Less, LessOrEqual, Greater, GreaterOrEqual };
    int line = 0;
    Quantity quantity;
    Compare compare = Compare::Equal;
    double number = 0.0;  // for a number quantity
    std::string text;     // for a text quantity (phase, selected)
    std::string source;   // as written, for messages
};

// A prediction to check: the expected answer is a quantity of the lab (computed when the learner
// answers) or a literal; numbers are accepted within the tolerance. The learner has `tries` answers
// before the lab shows the right one (lesson_answer.h); the hint comes after a wrong first answer.
struct LessonQuestion {
    int line = 0;         // the 'ask:' line
    int answer_line = 0;  // the 'answer:' line, and the first 'explain:' line
    int explanation_line = 0;
    int hint_line = 0;    // the first 'hint:' line
    int tries_line = 0;   // 0 when the lesson leaves the tries at their default
    std::vector<std::pair<int, std::string>> explanation_sources;  // each 'explain:' line as written, numbered
    std::string prompt;
    bool expected_is_quantity = false;
    Quantity expected;                 // when expected_is_quantity
    std::string expected_text;         // a literal answer (a choice, or a number as written)
    double tolerance = 0.0;            // absolute, or a fraction of |expected| when relative
    bool relative = false;
    std::vector<std::string> choices;  // buttons instead of a number field; empty for a number
    std::string explanation;           // shown once the answer is revealed
    std::string hint;                  // shown after a wrong first answer, while a try is left
    int tries = 2;                     // answers before the right one is shown: 1 or 2
};

struct LessonStep {
    int line = 0;
    std::string title;
    std::vector<std::string> paragraphs;  // markup already turned into glyphs; "• " starts a list item
    std::vector<int> paragraph_lines;     // the line each paragraph starts on
    std::vector<std::vector<std::pair<int, std::string>>> paragraph_sources;  // its lines as written, numbered
    std::vector<LessonSetting> setup;
    std::vector<LessonPointer> pointers;
    std::vector<LessonTask> tasks;
    bool has_question = false;
    LessonQuestion question;
};

struct Lesson {
    std::string title, about;
    uint32_t locks = 0;                 // Lab::Lock bits the lesson sets while it is open
    std::vector<LessonSetting> setup;   // applied before the first step
    std::vector<LessonStep> steps;
};

// The limits of a lesson file: a lesson is a handful of short steps; anything beyond these is not
// a lesson (and would not fit in a link).
inline constexpr size_t kMaxLessonBytes = 64 * 1024;
inline constexpr int kMaxLessonSteps = 40;

}  // namespace bp
