// The frame readouts the status bar and lab.stats() show: smoothed frame time and rate, and the
// percentiles of the last kRecentFrames frames.
#include <gtest/gtest.h>

#include "app/lab/frame_stats.h"
#include "app/lab/lab.h"

using namespace bp;

TEST(FrameStats, SmoothedReadoutsSettleOnASteadyFrame) {
    FrameStats s;
    for (int k = 0; k < 200; ++k) s.record(4.0, 1.0 / 60.0, 1.5, 5);
    EXPECT_NEAR(s.frame_ms, 4.0, 1e-6);
    EXPECT_NEAR(s.train_ms, 1.5, 1e-6);
    EXPECT_NEAR(s.steps_per_frame, 5.0, 1e-6);
    EXPECT_NEAR(s.fps, 60.0, 1e-6);
    // One slow frame moves the smoothed readout by a tenth of the jump, not all of it.
    s.record(14.0, 1.0 / 60.0, 1.5, 5);
    EXPECT_NEAR(s.frame_ms, 5.0, 1e-6);
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
