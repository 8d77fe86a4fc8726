// Neuron maps: a^l_j over a grid of the plane, against the textbook MLP's scalar forward pass at the
// same points, and the grid's coordinates against the formula lab.neuronMap documents.
#include <gtest/gtest.h>

#include <cmath>
#include <string>
#include <vector>

#include "core/neuron_map.h"
#include "core/textbook_mlp.h"
#include "test_util.h"

namespace {

using bp::Feature;

// The plane point of sample (r, c) of an n x n map, written from the documented formula:
// x1 = -e + 2e c/(n-1), x2 = e - 2e r/(n-1).
double x1_of(int c, int n) { return -2.0 + 4.0 * c / (n - 1); }
double x2_of(int r, int n) { return 2.0 - 4.0 * r / (n - 1); }

// The features from their definitions, looked up by the name a link or lab.setFeatures uses (x1sq
// is x1 squared, x1x2 the product, sinx2 the sine of x2), each written its own way: a square as
// std::pow, the product as x1 times x2. Not keyed by the enum, so it cannot repeat a slip in
// dataset.cpp's table (a name paired with the wrong formula) or in its switch.
double feature_by_definition(Feature f, double x1, double x2) {
    const std::string name = bp::feature_name(f);
    if (name == "x1") return x1;
    if (name == "x2") return x2;
    if (name == "x1sq") return std::pow(x1, 2);
    if (name == "x2sq") return std::pow(x2, 2);
    if (name == "x1x2") return x1 * x2;
    if (name == "sinx1") return std::sin(x1);
    if (name == "sinx2") return std::sin(x2);
    ADD_FAILURE() << "no definition for feature " << name;
    return std::nan("");
}

bp::Network random_network(const std::vector<int>& sizes, bp::Activation hidden, bp::Activation output, uint64_t seed) {
    bp::Network net(sizes, hidden, output);
    bp::Rng rng(seed);
    net.init_glorot(rng);
    for (auto& b : net.b)
        for (int j = 0; j < b.size(); ++j) b(j) = rng.uniform(-0.5, 0.5);  // biases too, so they count
    return net;
}

}  // namespace

TEST(NeuronMap, GridRunsEdgeToEdgeWithRowZeroAtTheTop) {
    EXPECT_DOUBLE_EQ(bp::neuron_map_x1(0, 5), -2.0);
    EXPECT_DOUBLE_EQ(bp::neuron_map_x1(4, 5), 2.0);
    EXPECT_DOUBLE_EQ(bp::neuron_map_x1(2, 5), 0.0);
    EXPECT_DOUBLE_EQ(bp::neuron_map_x2(0, 5), 2.0);
    EXPECT_DOUBLE_EQ(bp::neuron_map_x2(4, 5), -2.0);
    EXPECT_DOUBLE_EQ(bp::neuron_map_x2(1, 2), -2.0);
}

TEST(NeuronMap, InputLayerIsTheFeatureValues) {
    const std::vector<Feature> features(std::begin(bp::kAllFeatures), std::end(bp::kAllFeatures));
    const bp::Network net = random_network({7, 3, 1}, bp::Activation::Tanh, bp::Activation::Sigmoid, 3);
    bp::Pass scratch;
    std::vector<double> map;
    const int n = 9;
    for (int j = 0; j < 7; ++j) {
        bp::neuron_map(net, features, 0, j, n, scratch, map);
        ASSERT_EQ(map.size(), static_cast<size_t>(n * n));
        for (int r = 0; r < n; ++r)
            for (int c = 0; c < n; ++c)
                EXPECT_NEAR(map[r * n + c], feature_by_definition(features[j], x1_of(c, n), x2_of(r, n)), 1e-15)
                    << "feature " << j << " at row " << r << ", column " << c;
    }
}

// Every hidden neuron and the output, for each hidden activation, against textbook::forward.
TEST(NeuronMap, EveryNeuronMatchesTheTextbookForwardPass) {
    const std::vector<Feature> features = {Feature::X1, Feature::X2, Feature::X1Sq, Feature::SinX2};
    for (bp::Activation hidden : bp::kAllActivations) {
        const bp::Network net = random_network({4, 5, 3, 1}, hidden, bp::Activation::Sigmoid, 11);
        bp::Pass scratch;
        std::vector<double> map;
        const int n = 13;
        for (int l = 1; l <= net.layer_count(); ++l)
            for (int j = 0; j < net.sizes[l]; ++j) {
                bp::neuron_map(net, features, l, j, n, scratch, map);
                double worst = 0.0;
                for (int r = 0; r < n; ++r)
                    for (int c = 0; c < n; ++c) {
                        std::vector<double> x;
                        for (Feature f : features) x.push_back(feature_by_definition(f, x1_of(c, n), x2_of(r, n)));
                        const double expected = bp::textbook::forward(net, x).a[l][j];
                        worst = std::max(worst, test_util::relative_error(map[r * n + c], expected));
                    }
                EXPECT_LT(worst, 1e-12) << activation_name(hidden) << " a^" << l << "_" << j + 1;
            }
    }
}

// A map larger than the scratch pass was first reserved for, and one after a smaller network: the
// scratch follows (one grid row at a time), and the values stay right.
TEST(NeuronMap, ScratchIsResizedBetweenNetworksAndSizes) {
    const std::vector<Feature> features = {Feature::X1, Feature::X2};
    const bp::Network small = random_network({2, 1}, bp::Activation::Tanh, bp::Activation::Tanh, 5);
    const bp::Network wide = random_network({2, 16, 16, 1}, bp::Activation::Relu, bp::Activation::Sigmoid, 6);
    bp::Pass scratch;
    std::vector<double> map;
    bp::neuron_map(small, features, 1, 0, 3, scratch, map);
    bp::neuron_map(wide, features, 2, 15, 200, scratch, map);
    ASSERT_EQ(map.size(), 200u * 200u);
    const int r = 137, c = 41;
    const double expected = bp::textbook::forward(wide, {x1_of(c, 200), x2_of(r, 200)}).a[2][15];
    EXPECT_LT(test_util::relative_error(map[r * 200 + c], expected), 1e-12);
}
