// The loss landscape of two parameters: its grid against the textbook MLP with the two parameters set by
// hand, its centre against the trainer's loss, its gradient against finite differences on the grid,
// and slices against one call.
#include <gtest/gtest.h>

#include <chrono>
#include <cmath>
#include <ctime>

#include "core/landscape.h"
#include "core/textbook_mlp.h"
#include "test_util.h"

using namespace bp;
using test_util::relative_error;

namespace {

// The training points' features and targets, as the textbook MLP takes them.
struct TrainingSet {
    std::vector<std::vector<double>> xs;
    std::vector<double> ys;
};

TrainingSet training_set(const Trainer& t) {
    TrainingSet set;
    for (const Point& p : t.points()) {
        if (p.test) continue;
        std::vector<double> x;
        for (Feature f : t.settings().features) x.push_back(feature_value(f, p.x1, p.x2));
        set.xs.push_back(x);
        set.ys.push_back(p.y);
    }
    return set;
}

// A trained default lab with a test share, so test points must stay out of L.
Trainer trained_lab(TrainingSettings s = {}) {
    s.test_fraction = 0.2;
    Trainer t(s);
    t.run(150);
    return t;
}

// This thread's CPU time, in ms: unlike the wall clock, not counting time given to other programs.
double thread_cpu_ms() {
    timespec t{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
    return t.tv_sec * 1e3 + t.tv_nsec * 1e-6;
}

const ParameterRef w1_11{1, 0, 0, false}, w1_21{1, 1, 0, false}, w2_12{2, 0, 1, false}, b3_1{3, 0, 0, true},
    b1_2{1, 0, 1, true};

}  // namespace

TEST(Landscape, EveryCellIsTheTextbookLossWithTheTwoParametersSetByHand) {
    const Trainer t = trained_lab();
    const TrainingSet set = training_set(t);
    // a and b in different layers (the prefix up to layer 1 is cached), a weight and a bias.
    for (const auto& [a, b] : {std::pair{w2_12, b3_1}, std::pair{w1_11, w1_21}, std::pair{b3_1, b1_2}}) {
        const LandscapeGrid grid = compute_landscape(t, a, b, 0.75, 5);
        ASSERT_EQ(grid.losses.size(), 25u);
        for (int r = 0; r < 5; ++r)
            for (int c = 0; c < 5; ++c) {
                Network net = t.network();
                parameter(net, a) = parameter(t.network(), a) - 0.75 + 1.5 * c / 4.0;  // the formula
                parameter(net, b) = parameter(t.network(), b) - 0.75 + 1.5 * r / 4.0;
                EXPECT_NEAR(grid.a_values[c], parameter(net, a), 1e-15);
                EXPECT_NEAR(grid.b_values[r], parameter(net, b), 1e-15);
                const double expected = textbook::batch_loss(net, t.settings().loss, set.xs, set.ys);
                EXPECT_LT(relative_error(grid.loss(r, c), expected), 1e-12) << "r " << r << " c " << c;
            }
    }
}

TEST(Landscape, TheCentreIsTheLabsTrainingLossAndThePointItself) {
    const Trainer t = trained_lab();
    const LandscapeGrid grid = compute_landscape(t, w1_11, w2_12, 0.5, 7);
    EXPECT_EQ(grid.a_values[3], parameter(t.network(), w1_11));
    EXPECT_EQ(grid.b_values[3], parameter(t.network(), w2_12));
    EXPECT_EQ(grid.point_a, grid.a_values[3]);
    EXPECT_EQ(grid.loss(3, 3), t.training_loss());
    // The trainer's network is untouched by the sweep.
    EXPECT_EQ(t.training_loss(), compute_landscape(t, w1_11, w2_12, 0.5, 7).loss(3, 3));
}

TEST(Landscape, TheGradientIsTheSlopeOfTheGridAtItsCentre) {
    const Trainer t = trained_lab();
    const TrainingSet set = training_set(t);
    for (const auto& [a, b] : {std::pair{w1_11, w2_12}, std::pair{b3_1, w1_21}}) {
        const double h = 1e-4;
        const LandscapeGrid grid = compute_landscape(t, a, b, h, 3);
        // Central differences along each axis: (L(+h) - L(-h)) / 2h.
        const double slope_a = (grid.loss(1, 2) - grid.loss(1, 0)) / (2 * h);
        const double slope_b = (grid.loss(2, 1) - grid.loss(0, 1)) / (2 * h);
        EXPECT_LT(test_util::relative_error_fd(grid.gradient_a, slope_a), 1e-6);
        EXPECT_LT(test_util::relative_error_fd(grid.gradient_b, slope_b), 1e-6);
        // And against the textbook's backpropagation over every training point.
        const textbook::Gradient g = textbook::batch_gradient(t.network(), t.settings().loss, set.xs, set.ys);
        const auto textbook_component = [&](const ParameterRef& p) {
            return p.is_bias ? g.b[p.layer - 1][p.j] : g.w[p.layer - 1][p.i][p.j];
        };
        EXPECT_LT(relative_error(grid.gradient_a, textbook_component(a)), 1e-10);
        EXPECT_LT(relative_error(grid.gradient_b, textbook_component(b)), 1e-10);
        EXPECT_NE(grid.gradient_a, 0.0);
    }
}

TEST(Landscape, SlicesAddUpToTheSameGridAsOneCall) {
    const Trainer t = trained_lab();
    const LandscapeGrid whole = compute_landscape(t, w2_12, w1_21, 1.0, 9);
    LandscapeComputation sliced;
    sliced.start(t, t.network(), w2_12, w1_21, parameter(t.network(), w2_12), parameter(t.network(), w1_21), 1.0, 9);
    ASSERT_EQ(sliced.block_count(), 1);  // 160 points of the small network fit one block
    int slices = 0;
    while (!sliced.done()) {
        const int work = sliced.advance(t, 7);
        EXPECT_GE(work, 1);
        EXPECT_LE(work, 7);
        ++slices;
    }
    EXPECT_EQ(slices, (81 + 1 + 6) / 7);  // the gradient's block, then a block per cell
    EXPECT_EQ(sliced.grid().losses, whole.losses);
    EXPECT_EQ(sliced.grid().gradient_a, whole.gradient_a);
    EXPECT_EQ(sliced.advance(t, 7), 0);
}

TEST(Landscape, TrainingBetweenSlicesLeavesTheSnapshotsGridAlone) {
    Trainer t = trained_lab();
    const LandscapeGrid whole = compute_landscape(t, w1_11, w1_21, 0.3, 5);
    LandscapeComputation sliced;
    sliced.start(t, t.network(), w1_11, w1_21, parameter(t.network(), w1_11), parameter(t.network(), w1_21), 0.3, 5);
    while (!sliced.done()) {
        sliced.advance(t, 4);
        t.run(3);  // the lab trains on while the view computes; the epoch order changes the sum's order only
    }
    for (size_t k = 0; k < whole.losses.size(); ++k) EXPECT_LT(relative_error(sliced.grid().losses[k], whole.losses[k]), 1e-13);
}

TEST(Landscape, AWindowOffTheCurrentPointKeepsThePointAndItsGradient) {
    const Trainer t = trained_lab();
    const double a0 = parameter(t.network(), w1_11), b0 = parameter(t.network(), w1_21);
    LandscapeComputation off;
    off.start(t, t.network(), w1_11, w1_21, a0 + 0.2, b0 - 0.1, 0.5, 5);
    while (!off.done()) off.advance(t, 100);
    const LandscapeGrid at_point = compute_landscape(t, w1_11, w1_21, 0.5, 5);
    EXPECT_EQ(off.grid().a_values[2], a0 + 0.2);
    EXPECT_EQ(off.grid().point_a, a0);
    EXPECT_EQ(off.grid().gradient_a, at_point.gradient_a);
    EXPECT_EQ(off.grid().gradient_b, at_point.gradient_b);
}

// The largest lab: its 2,000 points split into blocks; a slice of one block is a small fraction of a
// grid and costs well under a frame's budget; the blocks add up to the textbook's loss; a cell in the
// last layer (the cached prefix holds five hidden layers) costs a fraction of one in the first.
TEST(Landscape, SlicesStayBoundedAtTheLargestNetwork) {
    Trainer t(largest_settings());
    t.run(2);
    const int L = t.network().layer_count();
    const ParameterRef first{1, 0, 0, false}, first_b{1, 1, 0, false}, last{L, 3, 0, false}, last_b{L, 0, 0, true};
    double slowest_block_ms = 0.0;
    const auto ms_per_grid = [&](const ParameterRef& a, const ParameterRef& b, int n) {
        LandscapeComputation c;
        c.start(t, t.network(), a, b, parameter(t.network(), a), parameter(t.network(), b), 0.5, n);
        EXPECT_GE(c.block_count(), 8);
        const auto begin = std::chrono::steady_clock::now();
        int blocks = 0;
        while (!c.done()) {
            const double slice_begin = thread_cpu_ms();
            EXPECT_EQ(c.advance(t, 1), 1);
            slowest_block_ms = std::max(slowest_block_ms, thread_cpu_ms() - slice_begin);
            ++blocks;
        }
        EXPECT_EQ(blocks, c.blocks_per_grid());
        return std::make_pair(std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - begin).count(), c.grid());
    };
    const auto [first_ms, first_grid] = ms_per_grid(first, first_b, 3);
    const auto [last_ms, last_grid] = ms_per_grid(last, last_b, 3);
    // Summed block by block, the centre is the lab's loss, and a corner the textbook's.
    EXPECT_EQ(first_grid.loss(1, 1), t.training_loss());
    EXPECT_EQ(last_grid.loss(1, 1), t.training_loss());
    const TrainingSet set = training_set(t);
    Network corner = t.network();
    parameter(corner, last) -= 0.5;
    parameter(corner, last_b) += 0.5;
    EXPECT_LT(relative_error(last_grid.loss(2, 0), textbook::batch_loss(corner, t.settings().loss, set.xs, set.ys)), 1e-12);
    // Layer 1's cell runs 7 layers, layer 7's one: at least twice as cheap, even on a noisy machine.
    EXPECT_LT(last_ms, first_ms / 2);
    std::printf("largest network, 3x3 grid with its gradient: %.1f ms (a and b in layer 1), %.1f ms (in layer %d); "
                "slowest block %.2f ms\n", first_ms, last_ms, L, slowest_block_ms);
#if !defined(__SANITIZE_ADDRESS__)
    EXPECT_LT(slowest_block_ms, 3.0);  // a whole cell of layer 1 took 6 ms here before the blocks
#endif
}

// With a penalty the landscape is of the total loss: each cell is the textbook's data loss plus the
// penalty written here, the centre is the lab's training loss, and the slopes of the grid are the
// gradient (for a weight the penalty pulls on, and for a bias it leaves alone).
TEST(Landscape, WithRegularizationEveryCellAddsThePenaltyAndTheSlopeIncludesIt) {
    for (const RegularizationKind kind : {RegularizationKind::L1, RegularizationKind::L2}) {
        TrainingSettings s;
        s.regularization = {kind, 0.05};
        const Trainer t = trained_lab(s);
        const TrainingSet set = training_set(t);
        const double h = 1e-4;
        const LandscapeGrid grid = compute_landscape(t, w1_11, b3_1, h, 3);
        EXPECT_EQ(grid.loss(1, 1), t.training_loss());
        for (int r = 0; r < 3; ++r)
            for (int c = 0; c < 3; ++c) {
                Network net = t.network();
                net.W[0](0, 0) += (c - 1) * h;
                net.b[2](0, 0) += (r - 1) * h;
                double penalty = 0.0;  // λ·Σ|w| or λ·½Σw², weights only
                for (const Matrix& W : net.W)
                    for (Eigen::Index k = 0; k < W.size(); ++k)
                        penalty += kind == RegularizationKind::L1 ? std::fabs(W.data()[k]) : 0.5 * W.data()[k] * W.data()[k];
                const double expected = textbook::batch_loss(net, t.settings().loss, set.xs, set.ys) + 0.05 * penalty;
                EXPECT_NEAR(grid.loss(r, c), expected, 1e-12) << r << ", " << c;
            }
        EXPECT_LT(test_util::relative_error_fd(grid.gradient_a, (grid.loss(1, 2) - grid.loss(1, 0)) / (2 * h)), 1e-6);
        EXPECT_LT(test_util::relative_error_fd(grid.gradient_b, (grid.loss(2, 1) - grid.loss(0, 1)) / (2 * h)), 1e-6);
    }
}
