// Rng: the lab's one seeded random generator (xoshiro256** seeded by splitmix64).
//
// Every random choice (initial weights, shuffling, generated data) draws from an Rng, and only
// through the integer and [0,1) helpers below, which use exact integer and IEEE arithmetic. So a
// seed gives the same numbers natively and in every browser, unlike std::*_distribution, whose
// output differs between standard libraries.
#pragma once

#include <cstdint>

namespace bp {

class Rng {
public:
    explicit Rng(uint64_t seed = 1) { reseed(seed); }

    void reseed(uint64_t seed);
    uint64_t next_u64();
    // Uniform in [0, 1) with 53 random bits.
    double uniform();
    // Uniform in [lo, hi).
    double uniform(double lo, double hi) { return lo + (hi - lo) * uniform(); }
    // Uniform integer in [0, n), without modulo bias. n > 0.
    uint64_t below(uint64_t n);
    // Approximately standard normal: sum of 12 uniforms minus 6 (Irwin-Hall). Uses no libm, so it
    // is bit-identical on every platform; the tails stop at +-6, which suits generated data.
    double normal();

    // The whole generator state, to save a run and resume it exactly.
    struct State {
        uint64_t s[4];
    };
    State state() const { return {{s_[0], s_[1], s_[2], s_[3]}}; }
    void set_state(const State& st) {
        for (int k = 0; k < 4; ++k) s_[k] = st.s[k];
    }

private:
    uint64_t s_[4];
};

}  // namespace bp
