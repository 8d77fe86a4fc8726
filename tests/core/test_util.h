// Helpers shared by the core tests: random networks and batches, relative error.
#pragma once

#include <algorithm>
#include <cmath>
#include <vector>

#include "core/network.h"
#include "core/rng.h"

namespace test_util {

// |a - b| / max(|a|, |b|, floor): relative where the values are large, absolute below floor
// (a gradient of 1e-12 has no meaningful relative error).
inline double relative_error(double a, double b, double floor = 1e-7) {
    return std::fabs(a - b) / std::max({std::fabs(a), std::fabs(b), floor});
}

// The same for a central finite difference, whose round-off is about 1e-16 * L / h ~ 1e-11 absolute
// with h = 1e-5: relative for gradients from 1e-4 up, absolute (1e-10) below.
inline double relative_error_fd(double a, double b) { return relative_error(a, b, 1e-4); }


struct Batch {
    std::vector<std::vector<double>> xs;
    std::vector<double> ys;
};

inline Batch random_batch(bp::Rng& rng, int inputs, int rows) {
    Batch batch;
    for (int s = 0; s < rows; ++s) {
        std::vector<double> x;
        for (int i = 0; i < inputs; ++i) x.push_back(rng.uniform(-2.0, 2.0));
        batch.xs.push_back(x);
        batch.ys.push_back(rng.below(2) ? 1.0 : 0.0);
    }
    return batch;
}

// Copies a batch into a Pass (reserved to at least its size).
inline void load(const Batch& batch, const bp::Network& net, bp::Pass& pass) {
    pass.reserve(net, static_cast<int>(batch.xs.size()));
    pass.rows = static_cast<int>(batch.xs.size());
    for (int s = 0; s < pass.rows; ++s) {
        for (size_t i = 0; i < batch.xs[s].size(); ++i) pass.a[0](s, i) = batch.xs[s][i];
        pass.y(s) = batch.ys[s];
    }
}

// A random architecture: 1-8 inputs, 0-3 hidden layers of 1-16 neurons (every width the kernels
// are specialised for), 1 output.
inline std::vector<int> random_sizes(bp::Rng& rng) {
    std::vector<int> sizes = {1 + static_cast<int>(rng.below(8))};
    const int hidden = static_cast<int>(rng.below(4));
    for (int h = 0; h < hidden; ++h) sizes.push_back(1 + static_cast<int>(rng.below(16)));
    sizes.push_back(1);
    return sizes;
}

}  // namespace test_util
