// FrameStats: the frame rate over the last second, smoothed CPU times and the recent frames' percentiles.
#include "app/lab/frame_stats.h"

#include <algorithm>
#include <cstddef>

namespace bp {

void FrameStats::record(double frame, double dt_seconds, double train, int steps) {
    const double k = 0.1;  // exponential smoothing keeps the readout steady
    frame_ms += k * (frame - frame_ms);
    train_ms += k * (train - train_ms);
    record_rate(dt_seconds, steps);
    if (static_cast<int>(recent_ms.size()) < kRecentFrames) recent_ms.push_back(frame);
    else recent_ms[next_recent] = frame;
    next_recent = (next_recent + 1) % kRecentFrames;
}

// fps = frames / the seconds they took, over the newest frames that together reach kRateSeconds;
// an older frame leaves as soon as the newer ones cover the second without it.
void FrameStats::record_rate(double dt_seconds, int steps) {
    if (!(dt_seconds > 0.0)) return;  // no time passed: not a frame the rate can count
    rate_frames.push_back({dt_seconds, steps});
    if (static_cast<int>(rate_frames.size()) > kMaxRateFrames) rate_frames.pop_front();
    double seconds = 0.0;
    long long all_steps = 0;
    size_t kept = 0;
    for (auto f = rate_frames.rbegin(); f != rate_frames.rend() && seconds < kRateSeconds; ++f, ++kept) {
        seconds += f->seconds;
        all_steps += f->steps;
    }
    rate_frames.erase(rate_frames.begin(), rate_frames.end() - static_cast<std::ptrdiff_t>(kept));
    fps = static_cast<double>(kept) / seconds;
    steps_per_frame = static_cast<double>(all_steps) / static_cast<double>(kept);
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
