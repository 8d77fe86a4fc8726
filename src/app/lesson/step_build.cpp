// Building a step's lab part by part, its training in slices.
#include "app/lesson/step_build.h"

#include <algorithm>
#include <utility>

#include "app/lab/play_clock.h"

namespace bp {

namespace {
// A slice of training: about a millisecond, so that run() stops close to its time.
constexpr double kSliceWork = 1e6;
}  // namespace

StepBuild::StepBuild(Lab start, std::vector<Part> parts, LessonView view)
    : lab_(std::move(start)), parts_(std::move(parts)), view_(std::move(view)) {
    for (const Part& p : parts_) to_train_ += setup_train_steps(p.setup);
}

bool StepBuild::run(double work, double until_ms) {
    double done = 0.0;
    while (!finished()) {
        done += advance(kSliceWork);
        if (done >= work || PlayClock::steady_now_ms() >= until_ms) break;
    }
    return finished();
}

double StepBuild::progress() const {
    if (finished()) return 1.0;
    return to_train_ > 0 ? std::min(1.0, double(trained_) / to_train_) : 0.0;
}

double StepBuild::advance(double most_work) {
    const Part& part = parts_[next_];
    std::string error;
    int line = 0;
    if (!before_done_) {
        if (part.step >= 0) view_ = {};  // what the window shows is the last step's wish
        if (!apply_setup_before_training(lab_, part.setup, view_, training_, error, line)) {
            problem_ = {line, error};
            return 0.0;
        }
        before_done_ = true;
        left_ = training_.steps;
    }
    double work = 0.0;
    if (left_ > 0) {
        const double per_step = lab_.train_work(1);
        const int n = std::clamp(static_cast<int>(most_work / per_step), 1, left_);
        lab_.train(n);
        left_ -= n;
        trained_ += n;
        work = n * per_step;
        if (left_ > 0) return work;
    }
    if (!apply_setup_after_training(lab_, part.setup, view_, error, line)) {
        problem_ = {line, error};
        return work;
    }
    if (part.step >= 0) built_.push_back({part.step, lab_, view_});
    ++next_;
    before_done_ = false;
    return work;
}

}  // namespace bp
