// The frame readouts the status bar and lab.stats() show: the frame rate and steps a frame achieved
// over the last second, the smoothed frame time, and the percentiles of the last kRecentFrames frames.
#include <gtest/gtest.h>

#include "app/lab/frame_stats.h"
#include "app/lab/lab.h"

using namespace bp;

TEST(FrameStats, ReadoutsSettleOnASteadyFrame) {
    FrameStats s;
    for (int k = 0; k < 200; ++k) s.record(4.0, 1.0 / 60.0, 1.5, 5);
    EXPECT_NEAR(s.frame_ms, 4.0, 1e-6);
    EXPECT_NEAR(s.train_ms, 1.5, 1e-6);
    EXPECT_NEAR(s.steps_per_frame, 5.0, 1e-6);
    EXPECT_NEAR(s.fps, 60.0, 1e-6);
    // One slow frame moves the smoothed CPU time by a tenth of the jump, not all of it.
    s.record(14.0, 1.0 / 60.0, 1.5, 5);
    EXPECT_NEAR(s.frame_ms, 5.0, 1e-6);
}

namespace {
// The page's clock, faked: `seconds` of frames at `rate` fps with `steps` steps each.
void run_frames(FrameStats& s, double rate, double seconds, int steps = 0) {
    for (double t = 0.0; t < seconds - 1e-9; t += 1.0 / rate) s.record(2.0, 1.0 / rate, 0.0, steps);
}
}  // namespace

TEST(FrameStats, ASlowFrameRateIsReportedAsItIs) {
    FrameStats s;
    run_frames(s, 0.6, 5.0);  // 3 frames of 1.67 s
    EXPECT_NEAR(s.fps, 0.6, 0.01);
    FrameStats from_fast;
    run_frames(from_fast, 60.0, 2.0);
    run_frames(from_fast, 0.6, 5.0);  // the page slowed to 0.6 fps a few frames ago
    EXPECT_NEAR(from_fast.fps, 0.6, 0.01);
}

TEST(FrameStats, ASteadyOrUnevenSixtyFramesASecondReads60) {
    FrameStats s;
    run_frames(s, 60.0, 3.0);
    EXPECT_NEAR(s.fps, 60.0, 0.5);
    for (int k = 0; k < 300; ++k) s.record(2.0, k % 2 ? 1.0 / 50.0 : 1.0 / 75.0, 0.0, 0);  // 60 fps on average
    EXPECT_NEAR(s.fps, 60.0, 1.5);
}

TEST(FrameStats, ADropFrom60To2FramesASecondShowsWithinASecond) {
    FrameStats s;
    run_frames(s, 60.0, 3.0, 10);
    ASSERT_NEAR(s.fps, 60.0, 0.5);
    ASSERT_NEAR(s.steps_per_frame, 10.0, 1e-9);
    s.record(2.0, 0.5, 0.0, 1);  // half a second into the slow frames
    EXPECT_LT(s.fps, 35.0);      // half the second is already the slow frame's
    s.record(2.0, 0.5, 0.0, 1);  // a second of them
    EXPECT_NEAR(s.fps, 2.0, 1e-9);
    EXPECT_NEAR(s.steps_per_frame, 1.0, 1e-9);
    run_frames(s, 60.0, 1.05, 10);  // and back up once a second of fast frames has passed
    EXPECT_NEAR(s.fps, 60.0, 0.5);
}

TEST(FrameStats, PercentilesCoverTheRecentFramesOnly) {
    FrameStats s;
    EXPECT_EQ(s.recent_quantile(0.5), 0.0);  // before the first frame
    const int frames = FrameStats::kRecentFrames + 60;
    for (int k = 1; k <= frames; ++k) s.record(k, 1.0 / 60.0, 0.0, 0);
    EXPECT_EQ(s.recent_quantile(1.0), frames);      // the slowest recent frame
    EXPECT_EQ(s.recent_quantile(0.0), 61.0);        // the first 60 frames have left the window
    EXPECT_EQ(s.recent_quantile(0.5), 61.0 + 120);  // the median of 61..300
    s.clear_recent();
    EXPECT_EQ(s.recent_quantile(0.99), 0.0);
}

TEST(FrameStats, TheLabReportsTheFramesItTrained) {
    Lab lab;
    lab.set_speed(120.0);
    ASSERT_EQ(lab.play(true), "");
    for (int k = 0; k < 200; ++k) {  // long enough for the smoothed readouts to settle
        lab.advance(1.0 / 60.0);
        lab.record_frame_time(3.0, 1.0 / 60.0);
    }
    // 2 steps a frame (if the machine keeps the 2 ms budget for so small a network)
    EXPECT_GT(lab.stats().steps_per_frame, 0.5);
    EXPECT_NEAR(lab.stats().fps, 60.0, 1e-6);
    EXPECT_EQ(lab.stats().recent_quantile(0.5), 3.0);
}
