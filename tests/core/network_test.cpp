// The lesson's network shape, Glorot initialisation and the SGD update.
#include <gtest/gtest.h>

#include <cmath>

#include "core/network.h"
#include "core/trainer.h"

using namespace bp;

TEST(Network, SeedNetworkHas20WeightsAnd6Biases) {
    Trainer trainer;  // the default settings are the lesson's 4-3-2-1 network
    const Network& net = trainer.network();
    EXPECT_EQ(net.sizes, (std::vector<int>{4, 3, 2, 1}));
    EXPECT_EQ(net.weight_count(), 20);
    EXPECT_EQ(net.bias_count(), 6);
    // W^1 is 4x3: rows are the source neurons, columns the targets.
    EXPECT_EQ(net.W[0].rows(), 4);
    EXPECT_EQ(net.W[0].cols(), 3);
    EXPECT_EQ(net.W[2].rows(), 2);
    EXPECT_EQ(net.W[2].cols(), 1);
}

TEST(Network, CountsFollowTheArchitecture) {
    Network net({2, 8, 8, 1}, Activation::Relu, Activation::Linear);
    EXPECT_EQ(net.weight_count(), 2 * 8 + 8 * 8 + 8);
    EXPECT_EQ(net.bias_count(), 17);
    Network no_hidden({3, 1}, Activation::Tanh, Activation::Sigmoid);
    EXPECT_EQ(no_hidden.weight_count(), 3);
    EXPECT_EQ(no_hidden.bias_count(), 1);
}

TEST(Network, GlorotInitStaysInItsRangeAndZeroesBiases) {
    Rng rng(3);
    Network net({4, 3, 2, 1}, Activation::Tanh, Activation::Sigmoid);
    net.init_glorot(rng);
    for (int l = 1; l <= 3; ++l) {
        const double r = std::sqrt(6.0 / (net.sizes[l - 1] + net.sizes[l]));
        EXPECT_LE(net.W[l - 1].cwiseAbs().maxCoeff(), r);
        EXPECT_GT(net.W[l - 1].cwiseAbs().maxCoeff(), 0.0);
        EXPECT_TRUE(net.b[l - 1].isZero());
    }
}

TEST(Network, OneSgdStepMovesEveryParameterByMinusAlphaTimesItsGradient) {
    Trainer trainer;
    const Network before = trainer.network();
    ASSERT_TRUE(trainer.step());
    const Network& after = trainer.network();
    const Gradients& g = trainer.gradients();
    const double alpha = trainer.settings().learning_rate;
    for (int l = 0; l < before.layer_count(); ++l) {
        for (Eigen::Index k = 0; k < before.W[l].size(); ++k) {
            EXPECT_EQ(after.W[l](k), before.W[l](k) - alpha * g.dW[l](k));
            EXPECT_NE(g.dW[l](k), 0.0);
        }
        for (Eigen::Index j = 0; j < before.b[l].size(); ++j)
            EXPECT_EQ(after.b[l](j), before.b[l](j) - alpha * g.db[l](j));
    }
}
