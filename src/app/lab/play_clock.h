// PlayClock: how many training steps each frame of Play runs, from the chosen speed and a time budget.
//
// Each frame adds speed × dt steps to a count of owed steps, and trains them in slices, checking
// kTrainBudgetMs before every slice. A slice is sized from the measured cost of a step (at most 256
// steps; one step while the cost is unknown). A step that alone costs more than the budget runs
// phase by phase, one layer of the batch a frame. When the frame falls behind, the backlog is
// dropped. A speed at or above kMaxSpeed means "as many as fit in the budget".
#pragma once

#include "core/trainer.h"

namespace bp {

class PlayClock {
public:
    static constexpr double kDefaultSpeed = 300.0;  // steps per second
    static constexpr double kMaxSpeed = 100000.0;   // and above: as fast as the frame allows
    static constexpr double kTrainBudgetMs = 2.0;   // training time per frame at most
    using Now = double (*)();                       // milliseconds on a steady clock

    explicit PlayClock(Now now = steady_now_ms) : now_(now) {}

    double speed() const { return speed_; }
    void set_speed(double steps_per_second) { speed_ = steps_per_second; }
    // One frame of Play, dt_seconds after the last: trains what it owes within the budget (stopping
    // at a training error).
    void advance(double dt_seconds, Trainer& trainer);
    // A frame without Play: nothing is owed, nothing ran.
    void idle();
    // The owed steps go (a Reset or undo: the run they were owed to is gone).
    void drop_backlog() { owed_steps_ = 0.0; }
    // A new network or batch: the cost of a step is measured anew.
    void measure_anew() { step_cost_ms_ = 0.0; }
    // The last frame: steps it ran and the milliseconds it trained.
    int last_steps() const { return last_steps_; }
    double last_train_ms() const { return last_train_ms_; }

    static double steady_now_ms();

private:
    Now now_;
    double speed_ = kDefaultSpeed;
    double owed_steps_ = 0.0;
    double step_cost_ms_ = 0.0;  // a training step's measured CPU time (smoothed)
    int last_steps_ = 0;
    double last_train_ms_ = 0.0;
};

}  // namespace bp
