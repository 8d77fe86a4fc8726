// StepBuild: the lab of a lesson's step, built set-up by set-up from a starting lab, with the training
// the set-ups ask for done in slices, so that a long set-up can be spread over frames with its
// progress shown instead of holding the page. Everything else of a set-up is quick and done at once.
#pragma once

#include <string>
#include <vector>

#include "app/lab/lab.h"
#include "app/lesson/lesson.h"
#include "app/lesson/lesson_parser.h"
#include "app/lesson/lesson_setup.h"

namespace bp {

class StepBuild {
public:
    // One set-up to apply: the lesson's own (step -1) or a step's.
    struct Part {
        std::vector<LessonSetting> setup;
        int step = -1;
    };
    // The lab of a step once its set-up is applied.
    struct Built {
        int step = 0;
        Lab lab;
        LessonView view;
    };

    // `view`: what the starting lab's step asked of the window, kept when no step's set-up follows.
    StepBuild(Lab start, std::vector<Part> parts, LessonView view = {});

    // Builds on until about `work` multiply-adds of training are done (at least one slice), or until
    // `until_ms` on PlayClock's steady clock has passed; true when the build has finished or failed.
    bool run(double work, double until_ms);
    bool finished() const { return next_ == parts_.size() || failed(); }
    bool failed() const { return !problem_.message.empty(); }
    const LessonProblem& problem() const { return problem_; }
    // The share of the set-ups' training done, from 0 to 1 (1 when they ask for none).
    double progress() const;
    int steps_trained() const { return trained_; }
    int steps_to_train() const { return to_train_; }

    Lab& lab() { return lab_; }
    const LessonView& view() const { return view_; }  // what the last step's set-up asks of the window
    // The lab after each step's whole set-up, in order (to go back to a step without training again).
    const std::vector<Built>& steps_built() const { return built_; }

private:
    Lab lab_;
    std::vector<Part> parts_;
    size_t next_ = 0;           // the part being applied
    bool before_done_ = false;  // its first half (up to the training) is applied
    SetupTraining training_;    // the training its first half read
    int left_ = 0;              // its steps still to train
    int trained_ = 0, to_train_ = 0;
    LessonView view_;
    LessonProblem problem_;
    std::vector<Built> built_;

    // Applies one part's halves and trains at most `most_work` of it; the work done.
    double advance(double most_work);
};

}  // namespace bp
