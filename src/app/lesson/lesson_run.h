// An open lesson: which step the learner is on, whether its tasks are done, the answers given to
// its questions (each question's tries are recorded while the lesson is open, lesson_answer.h). Opening and Back build the step's lab afresh (the lesson's set-up and every set-up
// up to that step, on a fresh lab); Next applies the next step's set-up to the lab as the learner
// left it, so what they did carries on. Nothing is changed when a lesson or a step cannot be opened.
//
// The lab of every step built afresh is kept while the lesson is the last one opened, so Back and
// opening a step again train nothing twice. A set-up whose training takes longer than
// kSetupWorkAtOnce is finished over the following frames (work(), with its progress shown): until
// it is done, the lab and the lesson stay as they were.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "app/lab/lab.h"
#include "app/lesson/lesson.h"
#include "app/lesson/lesson_answer.h"
#include "app/lesson/lesson_check.h"
#include "app/lesson/lesson_parser.h"
#include "app/lesson/lesson_setup.h"
#include "app/lesson/step_build.h"

namespace bp {

class Lab;

// A step's lab being built over frames: what it is for, and how far it has come.
struct LessonSetUp {
    std::string title;  // the lesson's
    int step = 0;       // the step being set up (0-based)
    double progress = 0.0;  // of its training, 0 to 1
    int trained = 0, to_train = 0;  // training steps
};

class LessonRun {
public:
    // Training a set-up does within the call that asks for it (about 50 ms); the rest goes over frames.
    static constexpr double kSetupWorkAtOnce = 5e7;
    // A frame's time for a set-up in progress: the page keeps drawing (and answering) meanwhile.
    static constexpr double kSetupMsPerFrame = 25.0;

    // Opens `lesson` at `step` (0-based): the lab becomes that step's lab, and one undo brings the
    // lab before it back. `text` is the lesson file (for links), `name` the built-in lesson's name or "".
    // Returns "" or the problem (the lab and any open lesson unchanged).
    std::string open(Lab& lab, const std::string& text, const std::string& name, int step);
    // Takes up `lesson` at `step` on the lab as it is (a reload, whose lab the autosave brought back):
    // the lab is not changed. Returns "" or the problem (any open lesson unchanged).
    std::string resume(const Lab& lab, const std::string& text, const std::string& name, int step);
    std::string next(Lab& lab);
    std::string back(Lab& lab);
    // Leaves the lesson (and drops a set-up in progress); its locks are lifted and the lab stays as it is.
    void close(Lab& lab);

    // A set-up in progress goes on for about `ms` (once a frame). When it is done, the lab becomes
    // the step's; when it fails, the notice says why and nothing changes.
    void work(Lab& lab, double ms);
    void finish_setup(Lab& lab);  // works until the set-up in progress is done (tests and scripts)
    void cancel_setup();          // drops it: the lab and the lesson stay as they are
    bool setting_up() const { return pending_ != nullptr; }
    LessonSetUp setup_state() const;

    bool is_open() const { return open_; }
    bool shown = true;  // the panel: hidden, the lesson waits (a button brings it back)
    const Lesson& lesson() const { return lesson_; }
    const std::string& text() const { return text_; }
    const std::string& name() const { return name_; }
    int step() const { return step_; }
    const LessonStep& current() const { return lesson_.steps[static_cast<size_t>(step_)]; }

    bool task_done(const Lab& lab, size_t k) const;
    bool tasks_done(const Lab& lab) const;  // true when the step has no tasks
    // Checks `given` (a number as typed, or a choice) against the step's question, as one of its tries.
    LessonAnswer answer(const Lab& lab, const std::string& given);
    // Shows the step's right answer and its explanation (Show answer): no more tries are recorded.
    LessonAnswer show_answer(const Lab& lab);
    const LessonAnswer& last_answer() const { return answer_; }
    int answers() const { return answers_; }  // how many answers were checked or shown: a new one changes it
    // What was recorded of step k's question since the lesson was opened (steps from 0).
    const QuestionRecord& record(int k) const { return records_[static_cast<size_t>(k)]; }
    // The step's question has had its right answer shown (right, out of tries, or Show answer).
    bool revealed() const;
    int tries_left() const;
    // The step's hint, filled in, while it is shown (after a wrong first answer, until the answer
    // is revealed); "" otherwise.
    std::string hint(const Lab& lab) const;
    // The step asks for a parameter's gradient, its update or its direction, and its answer is not
    // revealed yet: the views that would give the answer away wait.
    bool answer_pending_for_gradient() const;
    // A paragraph with every {quantity} replaced by its value now.
    std::string fill(const Lab& lab, const std::string& text) const;

    // The step's wishes for the window (tab, phone view), once per step: false when there are none new.
    bool take_view_request(LessonView& out);

private:
    // A step's lab being built; it becomes the lab when done.
    struct Pending {
        enum class Kind { Open, Next, Back } kind = Kind::Open;
        std::shared_ptr<const Lesson> lesson;
        std::string text, name;
        int step = 0;
        bool afresh = true;  // from a fresh or kept lab (Next first tries the learner's lab)
        StepBuild build;
    };
    // The lab of each step as built afresh, for the lesson whose text is kept_text_.
    struct Kept {
        Lab lab;
        LessonView view;
    };

    bool open_ = false;
    Lesson lesson_;
    std::string text_, name_;
    int step_ = 0;
    LessonAnswer answer_;
    int answers_ = 0;
    std::vector<QuestionRecord> records_;  // one per step
    LessonView view_;
    bool view_pending_ = false;
    int points_at_step_start_ = 0;
    std::unique_ptr<Pending> pending_;
    std::string kept_text_;
    std::vector<std::optional<Kept>> kept_;

    // The lesson becomes the open one, at `step`, shown.
    void start(Lesson lesson, const std::string& text, const std::string& name, int step);
    void entered(const Lab& lab, const LessonView& view);
    // The step's expected answer now; false with the reason in `why` when it has none yet.
    bool expected_now(const Lab& lab, QuantityValue& expected, LessonAnswer& why) const;
    // The build of `step`'s lab afresh: from the nearest kept step's lab, or a fresh lab.
    StepBuild afresh(const Lesson& lesson, const std::string& text, int step) const;
    // Builds what can be built at once; "" when done or going on over frames, else the problem.
    std::string begin(Lab& lab, std::unique_ptr<Pending> pending);
    // A finished build: the lab becomes its lab, the lesson its step; or the problem in the notice.
    std::string land(Lab& lab);
};

// `text` with every {quantity} replaced by its value in `lab` now ("?" for a name the lab's network
// does not have): the lesson panel's paragraphs, and the lesson editor's preview.
std::string fill_values(const Lab& lab, const std::string& text, const QuantityContext& context);

}  // namespace bp
