// PlayClock: the frame's training slices within the time budget.
#include "app/lab/play_clock.h"

#include <algorithm>
#include <chrono>

namespace bp {

double PlayClock::steady_now_ms() {
    using namespace std::chrono;
    return duration<double, std::milli>(steady_clock::now().time_since_epoch()).count();
}

void PlayClock::idle() {
    last_steps_ = 0;
    last_train_ms_ = 0.0;
    owed_steps_ = 0.0;
}

void PlayClock::advance(double dt_seconds, Trainer& trainer) {
    // Steps owed at the chosen speed; the time budget caps them so the frame rate holds.
    const bool flat_out = speed_ >= kMaxSpeed;
    owed_steps_ = flat_out ? 1e6 : std::min(owed_steps_ + speed_ * std::clamp(dt_seconds, 0.0, 1.0), 1e6);
    const int want = static_cast<int>(owed_steps_);
    const double start = now_();
    int done = 0;
    // The budget is checked before every slice, and a slice is sized from the measured cost of a
    // step, so no frame runs far past it: cheap steps go in chunks, a step that alone costs more
    // than the budget (a large network with a large batch) is split into its phases, one layer of
    // the batch at a time, across frames.
    while (done < want && trainer.error().empty()) {
        const double left = kTrainBudgetMs - (now_() - start);
        if (left <= 0.0) break;
        const double t0 = now_();
        int ran = 0;
        if (step_cost_ms_ > kTrainBudgetMs || trainer.mid_step()) {
            const int64_t before = trainer.step_count();
            trainer.advance_phase();
            ran = static_cast<int>(trainer.step_count() - before);
            if (ran == 0 && !trainer.mid_step()) break;  // nothing to train on
            step_cost_ms_ += 0.1 * ((now_() - t0) * phases_per_step(trainer.network().layer_count()) - step_cost_ms_);
        } else {
            const double cost = step_cost_ms_ > 0.0 ? std::max(step_cost_ms_, 1e-4) : left;  // unknown: one step
            const int chunk = std::clamp(static_cast<int>(left / cost), 1, std::min(want - done, 256));
            ran = trainer.run(chunk);
            if (ran > 0) step_cost_ms_ += 0.5 * ((now_() - t0) / ran - step_cost_ms_);
            if (ran < chunk) {
                done += ran;
                break;  // stopped on an error
            }
        }
        done += ran;
    }
    owed_steps_ = done < want || flat_out ? 0.0 : owed_steps_ - done;  // behind: drop the backlog
    last_steps_ = done;
    last_train_ms_ = now_() - start;
}

}  // namespace bp
