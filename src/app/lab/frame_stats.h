// FrameStats: the frame rate and CPU time per frame that the status bar and lab.stats() report.
#pragma once

#include <deque>
#include <vector>

namespace bp {

struct FrameStats {
    double frame_ms = 0.0;   // the app's CPU time for the last frame (training + UI), smoothed
    double train_ms = 0.0;   // of which training
    // The frame rate and the training steps a frame achieved over the last second of real time: the
    // newest frames that together took at least kRateSeconds, counted over the time they took (a
    // single frame of 1.7 s reads 0.6 fps at once).
    double steps_per_frame = 0.0;
    double fps = 0.0;
    static constexpr double kRateSeconds = 1.0;
    static constexpr int kMaxRateFrames = 1000;  // above 1,000 fps the rate covers less than the second
    struct Frame {
        double seconds;
        int steps;
    };
    std::deque<Frame> rate_frames;  // the newest last
    // The app's CPU time of each of the last kRecentFrames frames (a ring), for percentiles.
    static constexpr int kRecentFrames = 240;
    std::vector<double> recent_ms;
    int next_recent = 0;

    // One frame: its CPU time, the time since the last frame, and what training took of it.
    // Exponential smoothing (k = 0.1) keeps the CPU times steady.
    void record(double frame_ms, double dt_seconds, double train_ms, int steps);
    // The frame rate and steps a frame (record calls it).
    void record_rate(double dt_seconds, int steps);
    // Forgets the recent frames (the percentiles start again).
    void clear_recent();
    // The q-th quantile (0..1) of the recent frames' CPU time; 0 before the first frame.
    double recent_quantile(double q) const;
};

}  // namespace bp
