// LossHistory: the training loss over time, (step, loss) pairs in a bounded buffer.
// When the buffer is full every second entry is dropped, so the whole run stays visible at a
// coarser resolution and memory stays fixed however long the class trains.
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

namespace bp {

struct LossSample {
    int64_t step;
    double loss;
};

class LossHistory {
public:
    explicit LossHistory(size_t capacity = 2048) : capacity_(capacity) { samples_.reserve(capacity); }

    void clear() { samples_.clear(); }
    // Appends (step, loss); an entry for the same step as the last one replaces it.
    void record(int64_t step, double loss);
    const std::vector<LossSample>& samples() const { return samples_; }
    size_t capacity() const { return capacity_; }

private:
    size_t capacity_;
    std::vector<LossSample> samples_;
};

}  // namespace bp
