// FrameStats: the frame rate and CPU time per frame that the status bar and lab.stats() report.
#pragma once

#include <vector>

namespace bp {

struct FrameStats {
    double frame_ms = 0.0;   // the app's CPU time for the last frame (training + UI), smoothed
    double train_ms = 0.0;   // of which training
    double steps_per_frame = 0.0;
    double fps = 0.0;
    // The app's CPU time of each of the last kRecentFrames frames (a ring), for percentiles.
    static constexpr int kRecentFrames = 240;
    std::vector<double> recent_ms;
    int next_recent = 0;

    // One frame: its CPU time, the time since the last frame, and what training took of it.
    // Exponential smoothing (k = 0.1) keeps the readouts steady.
    void record(double frame_ms, double dt_seconds, double train_ms, int steps);
    // Forgets the recent frames (the percentiles start again).
    void clear_recent();
    // The q-th quantile (0..1) of the recent frames' CPU time; 0 before the first frame.
    double recent_quantile(double q) const;
};

}  // namespace bp
