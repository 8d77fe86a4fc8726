// FrameStats: smoothed frame readouts and the recent frames' percentiles.
#include "app/lab/frame_stats.h"

#include <algorithm>

namespace bp {

void FrameStats::record(double frame, double dt_seconds, double train, int steps) {
    const double k = 0.1;  // exponential smoothing keeps the readout steady
    frame_ms += k * (frame - frame_ms);
    train_ms += k * (train - train_ms);
    steps_per_frame += k * (steps - steps_per_frame);
    if (dt_seconds > 0.0) fps += k * (1.0 / dt_seconds - fps);
    if (static_cast<int>(recent_ms.size()) < kRecentFrames) recent_ms.push_back(frame);
    else recent_ms[next_recent] = frame;
    next_recent = (next_recent + 1) % kRecentFrames;
}

void FrameStats::clear_recent() {
    recent_ms.clear();
    next_recent = 0;
}

double FrameStats::recent_quantile(double q) const {
    if (recent_ms.empty()) return 0.0;
    std::vector<double> sorted = recent_ms;
    std::sort(sorted.begin(), sorted.end());
    const size_t k = static_cast<size_t>(std::clamp(q, 0.0, 1.0) * static_cast<double>(sorted.size() - 1) + 0.5);
    return sorted[k];
}

}  // namespace bp
