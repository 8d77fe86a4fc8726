// Play's clock: a frame trains the steps the speed owes it, carries the fraction to the next frame,
// drops a backlog it cannot catch up with instead of stalling, and walks a step that costs more than
// the frame's budget phase by phase across frames, so the page keeps its frame rate.
#include <gtest/gtest.h>

#include "app/lab/play_clock.h"

using namespace bp;

namespace {

// A simulated clock: time passes only while the trainer computes, `phase_ms` for each phase of a
// step (a whole step: phases_per_step(L) of them).
const Trainer* g_trainer = nullptr;
double g_phase_ms = 0.0;
double simulated_now_ms() {
    const int L = g_trainer->network().layer_count();
    const int64_t phases = g_trainer->step_count() * phases_per_step(L) + phases_walked(g_trainer->phase(), L);
    return static_cast<double>(phases) * g_phase_ms;
}

struct SimulatedPlay {
    explicit SimulatedPlay(double phase_ms) {
        g_trainer = &trainer;
        g_phase_ms = phase_ms;
    }
    Trainer trainer;
    PlayClock clock{simulated_now_ms};
};

}  // namespace

TEST(PlayClock, StartsAtTheDefaultSpeed) {
    EXPECT_EQ(PlayClock().speed(), PlayClock::kDefaultSpeed);
}

TEST(PlayClock, ASlowSpeedTrainsItsStepsPerSecondWithoutLosingFractions) {
    SimulatedPlay play(0.0);  // steps cost nothing: the speed alone decides
    play.clock.set_speed(25.0);
    for (int frame = 0; frame < 10; ++frame) play.clock.advance(0.1, play.trainer);  // one second
    EXPECT_EQ(play.trainer.step_count(), 25);  // 2.5 steps a frame: the halves add up
    play.clock.set_speed(60.0);
    play.clock.advance(0.5, play.trainer);
    EXPECT_EQ(play.trainer.step_count(), 25 + 30);
}

TEST(PlayClock, ABacklogTheBudgetCannotTrainIsDroppedNotCarried) {
    // A step costs 8 phases of 0.1 ms = 0.8 ms: two to four fit in the 2 ms budget, fewer than the
    // 5 a frame owes at 300 steps per second. A slice sized from the measured cost may overshoot the
    // budget, never by as much again.
    SimulatedPlay play(0.1);
    play.clock.set_speed(300.0);
    int64_t steps = 0;
    for (int frame = 0; frame < 20; ++frame) {
        play.clock.advance(1.0 / 60.0, play.trainer);
        EXPECT_GE(play.clock.last_steps(), 1);
        EXPECT_LE(play.clock.last_train_ms(), 2 * PlayClock::kTrainBudgetMs) << "frame " << frame;
        steps += play.clock.last_steps();
    }
    EXPECT_EQ(play.trainer.step_count(), steps);
    EXPECT_LT(steps, 20 * 5);  // behind: it did not try to catch up
    // The next frame owes only its own share again, not the backlog of the frames before.
    play.clock.set_speed(60.0);
    play.clock.advance(1.0 / 60.0, play.trainer);
    EXPECT_EQ(play.clock.last_steps(), 1);
}

TEST(PlayClock, AStepCostlierThanTheBudgetIsWalkedPhaseByPhaseAcrossFrames) {
    SimulatedPlay play(1.0);  // a phase costs 1 ms, a step of the 4-3-2-1 network 8 ms
    ASSERT_EQ(phases_per_step(play.trainer.network().layer_count()), 8);
    play.clock.set_speed(300.0);
    play.clock.advance(1.0 / 60.0, play.trainer);  // the cost is unknown: one whole step, measured
    EXPECT_EQ(play.trainer.step_count(), 1);
    int frames = 0;
    while (play.trainer.step_count() == 1 && frames < 20) {
        play.clock.advance(1.0 / 60.0, play.trainer);
        ++frames;
        EXPECT_LE(play.clock.last_train_ms(), PlayClock::kTrainBudgetMs) << "frame " << frames;
        if (play.trainer.step_count() == 1) {
            EXPECT_TRUE(play.trainer.mid_step());
        }
    }
    EXPECT_EQ(play.trainer.step_count(), 2);
    EXPECT_EQ(frames, 4);  // 8 phases, two a frame
}

TEST(PlayClock, NothingIsOwedWhileIdle) {
    SimulatedPlay play(0.0);
    play.clock.set_speed(10.0);
    play.clock.advance(0.05, play.trainer);  // owes half a step
    EXPECT_EQ(play.trainer.step_count(), 0);
    play.clock.idle();                       // paused: the half step goes
    play.clock.advance(0.05, play.trainer);
    EXPECT_EQ(play.trainer.step_count(), 0);
    EXPECT_EQ(play.clock.last_steps(), 0);
}
