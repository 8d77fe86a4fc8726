// The chain-rule path expansion: every path's product, their sum against backprop, the textbook MLP
// (core/textbook_mlp.h) and a finite difference, the number of paths, and ReLU kinks inside ±h.
#include <gtest/gtest.h>

#include <algorithm>
#include <functional>

#include "core/chain_rule.h"
#include "core/textbook_mlp.h"
#include "test_util.h"

using namespace bp;

namespace {
// One random sample through forward and backward.
Pass one_sample(const Network& net, Loss loss, const test_util::Batch& batch) {
    Pass pass;
    test_util::load(batch, net, pass);
    Gradients grad;
    grad.resize_like(net);
    forward(net, pass);
    backward(net, loss, pass, grad);
    return pass;
}
}  // namespace

TEST(ChainRule, PathSumEqualsBackpropAndTextbookForEveryParameter) {
    Rng rng(11);
    int checked = 0;
    for (Activation hidden : kAllActivations)
        for (Activation output : kAllActivations)
            for (Loss loss : kAllLosses) {
                if (!loss_accepts_output(loss, output)) continue;
                for (int trial = 0; trial < 3; ++trial) {
                    Network net(test_util::random_sizes(rng), hidden, output);
                    net.init_glorot(rng);
                    for (auto& b : net.b)
                        for (Eigen::Index j = 0; j < b.size(); ++j) b(j) = rng.uniform(-0.5, 0.5);
                    const auto batch = test_util::random_batch(rng, net.sizes[0], 1);
                    const Pass pass = one_sample(net, loss, batch);
                    const auto ref = textbook::batch_gradient(net, loss, batch.xs, batch.ys);
                    for (int l = 1; l <= net.layer_count(); ++l) {
                        int64_t expected_paths = 1;
                        for (int m = l + 1; m <= net.layer_count(); ++m) expected_paths *= net.sizes[m];
                        for (int j = 0; j < net.sizes[l]; ++j)
                            for (int i = -1; i < net.sizes[l - 1]; ++i) {  // i = -1: the bias b^l_j
                                const bool bias = i < 0;
                                const ChainRule r = expand_paths(net, loss, pass, l, bias ? 0 : i, j, bias);
                                const double want = bias ? ref.b[l - 1][j] : ref.w[l - 1][i][j];
                                EXPECT_EQ(r.path_count, expected_paths);
                                EXPECT_LT(test_util::relative_error(r.sum, r.backprop), 1e-9);
                                EXPECT_LT(test_util::relative_error(r.sum, want), 1e-9);
                                EXPECT_LT(test_util::relative_error_fd(r.numeric, r.backprop), 1e-6)
                                    << activation_name(hidden) << "/" << activation_name(output) << "/" << loss_name(loss);
                                ++checked;
                            }
                    }
                }
            }
    EXPECT_GT(checked, 300);
}

TEST(ChainRule, SeedNetworkHasTwoPathsFromEachFirstLayerWeightAndOneAfter) {
    Rng rng(1);
    Network net({4, 3, 2, 1}, Activation::Tanh, Activation::Sigmoid);
    net.init_glorot(rng);
    const Pass pass = one_sample(net, Loss::Mse, test_util::random_batch(rng, 4, 1));
    const ChainRule w111 = expand_paths(net, Loss::Mse, pass, 1, 0, 0, false);
    ASSERT_EQ(w111.paths.size(), 2u);
    EXPECT_EQ(w111.path_count, 2);
    EXPECT_EQ(expand_paths(net, Loss::Mse, pass, 2, 1, 1, false).path_count, 1);
    EXPECT_EQ(expand_paths(net, Loss::Mse, pass, 3, 1, 0, false).path_count, 1);

    // ∂L/∂ŷ · ∂ŷ/∂z³₁ · ∂z³₁/∂a²ₖ · ∂a²ₖ/∂z²ₖ · ∂z²ₖ/∂a¹₁ · ∂a¹₁/∂z¹₁ · ∂z¹₁/∂w¹₁₁: 7 factors.
    for (const ChainPath& p : w111.paths) {
        ASSERT_EQ(p.factors.size(), 7u);
        EXPECT_EQ(p.factors[0].kind, PathFactor::LossByOutput);
        EXPECT_EQ(p.factors[2].kind, PathFactor::InputByActivation);
        EXPECT_EQ(p.factors[2].value, net.W[2](p.neurons[1], 0));  // ∂z³₁/∂a²ₖ = w³ₖ₁
        EXPECT_EQ(p.factors[6].value, pass.a[0](0, 0));             // ∂z¹₁/∂w¹₁₁ = x₁
        double product = 1;
        for (const PathFactor& f : p.factors) product *= f.value;
        EXPECT_EQ(p.product, product);
    }
    EXPECT_NE(w111.paths[0].neurons[1], w111.paths[1].neurons[1]);  // through neuron 1 and 2 of layer 2
    EXPECT_GE(std::fabs(w111.paths[0].product), std::fabs(w111.paths[1].product));  // largest first
    EXPECT_NEAR(w111.paths[0].product + w111.paths[1].product, w111.sum, 1e-15);
}

TEST(ChainRule, ManyPathsAreListedLargestFirstUpToTheLimit) {
    Rng rng(4);
    Network net({2, 8, 8, 8, 1}, Activation::Tanh, Activation::Tanh);
    net.init_glorot(rng);
    const Pass pass = one_sample(net, Loss::Mse, test_util::random_batch(rng, 2, 1));
    const ChainRule r = expand_paths(net, Loss::Mse, pass, 1, 1, 3, false, 20);
    EXPECT_EQ(r.path_count, 64);
    ASSERT_EQ(r.paths.size(), 20u);
    for (size_t k = 1; k < r.paths.size(); ++k)
        EXPECT_GE(std::fabs(r.paths[k - 1].product), std::fabs(r.paths[k].product));
    EXPECT_LT(test_util::relative_error(r.sum, r.backprop), 1e-9);
}

// A network with more paths than are multiplied out one by one: every path's product from
// build_path, the independent enumeration, against the sum by layers and the best-first ranking.
TEST(ChainRule, ManyPathsAreSummedByLayersAndTheLargestFoundBestFirst) {
    Rng rng(12);
    Network net({2, 16, 16, 16, 16, 16, 2, 1}, Activation::Tanh, Activation::Sigmoid);
    net.init_glorot(rng);
    const Pass pass = one_sample(net, Loss::Mse, test_util::random_batch(rng, 2, 1));
    const ChainRule r = expand_paths(net, Loss::Mse, pass, 1, 0, 5, false, 10, true);
    ASSERT_EQ(r.path_count, 16 * 16 * 16 * 16 * 2);
    ASSERT_GT(r.path_count, kMultipliedOutPaths);
    ASSERT_EQ(r.ranked.size(), static_cast<size_t>(kRankedPaths));
    std::vector<double> magnitudes;
    double sum = 0.0;
    ChainRule every = r;
    every.ranked.clear();
    for (uint32_t ordinal = 0; ordinal < static_cast<uint32_t>(r.path_count); ++ordinal) {
        every.ranked.push_back({0.0, ordinal});
        const ChainPath p = ranked_path(net, Loss::Mse, pass, every, ordinal);
        magnitudes.push_back(std::fabs(p.product));
        sum += p.product;
    }
    EXPECT_LT(test_util::relative_error(r.sum, sum), 1e-10);
    EXPECT_LT(test_util::relative_error(r.sum, r.backprop), 1e-10);
    std::sort(magnitudes.begin(), magnitudes.end(), std::greater<double>());
    for (size_t k = 0; k < r.ranked.size(); ++k) {
        EXPECT_LT(test_util::relative_error(r.ranked[k].magnitude, magnitudes[k], 1e-300), 1e-12) << "rank " << k;
        const ChainPath p = ranked_path(net, Loss::Mse, pass, r, k);
        EXPECT_LT(test_util::relative_error(std::fabs(p.product), r.ranked[k].magnitude, 1e-300), 1e-12);
    }
    ASSERT_EQ(r.paths.size(), 10u);
    EXPECT_EQ(r.paths[0].neurons, path_neurons(net, 1, 5, r.ranked[0].ordinal));
}

TEST(ChainRule, RankingOrdersEveryPathAndRebuildsEachOne) {
    Rng rng(8);
    Network net({2, 5, 4, 3, 1}, Activation::Tanh, Activation::Sigmoid);
    net.init_glorot(rng);
    const Pass pass = one_sample(net, Loss::Mse, test_util::random_batch(rng, 2, 1));
    const ChainRule r = expand_paths(net, Loss::Mse, pass, 1, 1, 2, false, 5, true);
    ASSERT_EQ(r.ranked.size(), 12u);  // 4 * 3 * 1 paths
    double sum = 0;
    for (size_t k = 0; k < r.ranked.size(); ++k) {
        const ChainPath p = ranked_path(net, Loss::Mse, pass, r, k);
        EXPECT_EQ(std::fabs(p.product), r.ranked[k].magnitude);
        if (k > 0) {
            EXPECT_GE(r.ranked[k - 1].magnitude, r.ranked[k].magnitude);
        }
        EXPECT_EQ(p.neurons[0], 2);
        sum += p.product;
        if (k < r.paths.size()) {
            EXPECT_EQ(p.neurons, r.paths[k].neurons);  // the listed ones lead the ranking
        }
    }
    EXPECT_NEAR(sum, r.sum, 1e-15);
}

namespace {
// 1-1-1, ReLU hidden, linear output, mse, x = 1, y = -1. With w^1_11 = 1 and b^1_1 = -1 the hidden
// z^1_1 = 1 · 1 - 1 is exactly 0: the ReLU's kink sits at the parameter's value.
//   L(w^1_11) = ½ (relu(w^1_11 - 1) w^2_11 + 1)²: slope 0 from below, w^2_11 (ŷ - y) = 1 from above.
Network kinked_network() {
    Network net({1, 1, 1}, Activation::Relu, Activation::Linear);
    net.W[0](0, 0) = 1.0;
    net.b[0](0) = -1.0;
    net.W[1](0, 0) = 1.0;
    return net;
}
test_util::Batch kinked_sample() { return {{{1.0}}, {-1.0}}; }
}  // namespace

TEST(ChainRule, FiniteDifferenceAcrossAReluKinkIsFlaggedWithItsOneSidedSlopes) {
    const Network net = kinked_network();
    const Pass pass = one_sample(net, Loss::Mse, kinked_sample());
    ASSERT_EQ(pass.z[1](0, 0), 0.0);
    const ChainRule r = expand_paths(net, Loss::Mse, pass, 1, 0, 0, false);
    EXPECT_EQ(r.backprop, 0.0);  // f'(0) = 0: backprop takes the slope from below
    EXPECT_EQ(r.numeric_left, 0.0);
    EXPECT_NEAR(r.numeric_right, 1.0, 1e-4);
    EXPECT_NEAR(r.numeric, 0.5 * r.numeric_right, 1e-12);  // the central difference: half of it
    EXPECT_NEAR(test_util::relative_error_fd(r.numeric, r.backprop), 1.0, 1e-12);  // the false "error 1"
    EXPECT_EQ(r.numeric_step, 1e-5);
    EXPECT_TRUE(r.numeric_kink);
    EXPECT_EQ(r.kink_layer, 1);
    EXPECT_EQ(r.kink_neuron, 0);
    // The bias b^1_1 moves the same z across 0.
    EXPECT_TRUE(expand_paths(net, Loss::Mse, pass, 1, 0, 0, true).numeric_kink);
}

TEST(ChainRule, ParametersThatDoNotMoveTheKinkedNeuronAreNotFlagged) {
    // w^2_11 sits after the neuron with z = 0: that z stays 0 at w ± h, so L is smooth in w^2_11.
    const Network net = kinked_network();
    const Pass pass = one_sample(net, Loss::Mse, kinked_sample());
    const ChainRule r = expand_paths(net, Loss::Mse, pass, 2, 0, 0, false);
    EXPECT_FALSE(r.numeric_kink);
    EXPECT_EQ(r.kink_neuron, -1);
    EXPECT_LT(test_util::relative_error_fd(r.numeric, r.backprop), 1e-6);
}

TEST(ChainRule, SmoothCasesHaveNoKinkAndAgreeingOneSidedSlopes) {
    Rng rng(5);
    for (Activation hidden : {Activation::Tanh, Activation::Relu}) {
        Network net({2, 4, 3, 1}, hidden, Activation::Sigmoid);
        net.init_glorot(rng);
        for (auto& b : net.b)
            for (Eigen::Index j = 0; j < b.size(); ++j) b(j) = 0.25;  // every ReLU's z well away from 0 ...
        test_util::Batch sample{{{0.5, -0.25}}, {1.0}};
        const Pass pass = one_sample(net, Loss::Bce, sample);
        for (int l = 1; l <= 2; ++l)
            for (int k = 0; k < net.sizes[l]; ++k) {
                ASSERT_GT(std::fabs(pass.z[l](0, k)), 1e-3);  // ... checked
            }
        for (int l = 1; l <= net.layer_count(); ++l)
            for (int j = 0; j < net.sizes[l]; ++j)
                for (int i = -1; i < net.sizes[l - 1]; ++i) {
                    const ChainRule r = expand_paths(net, Loss::Bce, pass, l, std::max(i, 0), j, i < 0);
                    EXPECT_FALSE(r.numeric_kink) << activation_name(hidden);
                    EXPECT_LT(test_util::relative_error_fd(r.numeric, r.backprop), 1e-6);
                    EXPECT_LT(test_util::relative_error(r.numeric_left, r.numeric_right, 1e-3), 1e-3);
                }
    }
}
