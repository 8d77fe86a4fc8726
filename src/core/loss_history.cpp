// LossHistory: bounded (step, loss) series that halves its resolution when full.
#include "core/loss_history.h"

namespace bp {

void LossHistory::record(int64_t step, double loss, double test_loss) {
    if (!samples_.empty() && samples_.back().step == step) {
        samples_.back() = {step, loss, test_loss};
        return;
    }
    if (samples_.size() == capacity_) {
        // Keep entries 0, 2, 4, ...; the new entry follows. The buffer never reallocates.
        size_t kept = 0;
        for (size_t k = 0; k < samples_.size(); k += 2) samples_[kept++] = samples_[k];
        samples_.resize(kept);
        stride_ *= 2;
    }
    samples_.push_back({step, loss, test_loss});
}

}  // namespace bp
