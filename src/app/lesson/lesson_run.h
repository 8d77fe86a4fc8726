// An open lesson: which step the learner is on, whether its tasks are done, the answer given to
// its question. Opening and Back build the step's lab afresh (the lesson's set-up and every set-up
// up to that step, on a fresh lab); Next applies the next step's set-up to the lab as the learner
// left it, so what they did carries on. Nothing is changed when a lesson or a step cannot be opened.
#pragma once

#include <string>
#include <vector>

#include "app/lesson/lesson.h"
#include "app/lesson/lesson_parser.h"
#include "app/lesson/lesson_setup.h"

namespace bp {

class Lab;

// The checked answer to a step's question.
struct LessonAnswer {
    bool answered = false, correct = false;
    std::string given, expected;  // as the lab writes them
    bool expected_is_number = false;
    double expected_number = 0.0;
    double tolerance = 0.0;       // absolute, around expected (0 for choices)
    std::string feedback;         // what the panel says: right or not, and why
};

// Every step's set-up applied in order on a fresh lab, and every parameter, neuron and quantity a
// step names checked against the network that step has. The first problem, with its line.
bool check_lesson(const Lesson& lesson, LessonProblem& problem);

class LessonRun {
public:
    // Opens `lesson` at `step` (0-based): the lab becomes that step's lab, and one undo brings the
    // lab before it back. `text` is the lesson file (for links), `name` the built-in lesson's name or "".
    // Returns "" or the problem (the lab and any open lesson unchanged).
    std::string open(Lab& lab, const std::string& text, const std::string& name, int step);
    // Takes up `lesson` at `step` on the lab as it is (a reload, whose lab the autosave brought back):
    // the lab is not changed. Returns "" or the problem (any open lesson unchanged).
    std::string resume(const Lab& lab, const std::string& text, const std::string& name, int step);
    std::string next(Lab& lab);
    std::string back(Lab& lab);
    // Leaves the lesson; its locks are lifted and the lab stays as it is.
    void close(Lab& lab);

    bool is_open() const { return open_; }
    bool shown = true;  // the panel: hidden, the lesson waits (a button brings it back)
    const Lesson& lesson() const { return lesson_; }
    const std::string& text() const { return text_; }
    const std::string& name() const { return name_; }
    int step() const { return step_; }
    const LessonStep& current() const { return lesson_.steps[static_cast<size_t>(step_)]; }

    bool task_done(const Lab& lab, size_t k) const;
    bool tasks_done(const Lab& lab) const;  // true when the step has no tasks
    // Checks `given` (a number as typed, or a choice) against the step's question.
    LessonAnswer answer(const Lab& lab, const std::string& given);
    const LessonAnswer& last_answer() const { return answer_; }
    int answers() const { return answers_; }
    // The step asks for a parameter's gradient, its update or its direction, and has no answer yet:
    // the views that would give the answer away wait.
    bool answer_pending_for_gradient() const;  // how many answers were checked: a new one changes it
    // A paragraph with every {quantity} replaced by its value now.
    std::string fill(const Lab& lab, const std::string& text) const;

    // The step's wishes for the window (tab, phone view), once per step: false when there are none new.
    bool take_view_request(LessonView& out);

private:
    bool open_ = false;
    Lesson lesson_;
    std::string text_, name_;
    int step_ = 0;
    LessonAnswer answer_;
    int answers_ = 0;
    LessonView view_;
    bool view_pending_ = false;
    int points_at_step_start_ = 0;
    // The lesson becomes the open one, at `step`, shown.
    void start(Lesson lesson, const std::string& text, const std::string& name, int step);
    void entered(const Lab& lab, const LessonView& view);
};

}  // namespace bp
