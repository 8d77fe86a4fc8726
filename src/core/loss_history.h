// LossHistory: the training loss over time, (step, loss) pairs in a bounded buffer.
// When the buffer is full every second entry is dropped and the recording stride doubles, so the
// whole run stays visible at an even, coarser resolution, memory stays fixed however long the class
// trains, and the cost of measuring the loss shrinks as the run grows.
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

namespace bp {

struct LossSample {
    int64_t step;
    double loss;       // mean over the training points
    double test_loss;  // mean over the test points; NaN when there are none
};

class LossHistory {
public:
    explicit LossHistory(size_t capacity = 1024) : capacity_(capacity) { samples_.reserve(capacity); }

    void clear() {
        samples_.clear();
        stride_ = 1;
    }
    // Whether the periodic record number `index` (an epoch) is due at the current stride.
    bool wants(int64_t index) const { return index % stride_ == 0; }
    // Appends (step, loss); an entry for the same step as the last one replaces it.
    void record(int64_t step, double loss, double test_loss);
    const std::vector<LossSample>& samples() const { return samples_; }
    size_t capacity() const { return capacity_; }

private:
    size_t capacity_;
    int64_t stride_ = 1;
    std::vector<LossSample> samples_;
};

}  // namespace bp
