// The chain-rule inspector's API: chainRule(), phase(), pass(), select() and inspect().
#include <gtest/gtest.h>

#include <cmath>
#include <nlohmann/json.hpp>

#include "api_test_util.h"

using namespace bp;
using nlohmann::json;

using api_test::call;

TEST(InspectorApi, ChainRuleOfW111HasTwoPathsSummingToBackpropAndNumeric) {
    Lab lab;
    const json r = call(lab, "chainRule", {1, 1, 1});
    ASSERT_EQ(r["paths"].size(), 2u);
    EXPECT_EQ(r["pathCount"], 2);
    EXPECT_EQ(r["parameter"], "w\u00b9\u2081\u2081");
    const double sum = r["sum"], backprop = r["backprop"], numeric = r["numeric"];
    EXPECT_NEAR(sum, backprop, 1e-12 * std::max(1.0, std::fabs(backprop)));
    EXPECT_NEAR(numeric, backprop, 1e-6 * std::max(1e-3, std::fabs(backprop)));
    const json& f = r["paths"][0]["factors"];
    ASSERT_EQ(f.size(), 7u);
    EXPECT_EQ(f[0]["symbol"], "\u2202L/\u2202\u0177");                         // ∂L/∂ŷ
    EXPECT_EQ(f[1]["symbol"], "\u2202\u0177/\u2202z\u00b3\u2081");             // ∂ŷ/∂z³₁
    EXPECT_EQ(f[6]["symbol"], "\u2202z\u00b9\u2081/\u2202w\u00b9\u2081\u2081");  // ∂z¹₁/∂w¹₁₁
    double product = 1;
    for (const json& factor : f) product *= factor["value"].get<double>();
    EXPECT_DOUBLE_EQ(product, r["paths"][0]["product"].get<double>());
    EXPECT_EQ(r["sample"]["source"], "point");  // no step yet: a data point on the current weights
}

TEST(InspectorApi, BiasAndBadParametersAreHandled) {
    Lab lab;
    const json b = call(lab, "chainRule", {3, "b", 1});
    EXPECT_EQ(b["pathCount"], 1);
    EXPECT_EQ(b["parameter"], "b\u00b3\u2081");
    EXPECT_EQ(call(lab, "chainRule", {1, 5, 1})["ok"], false);  // W^1 has 4 rows
    EXPECT_EQ(call(lab, "chainRule", {4, 1, 1})["ok"], false);  // there is no W^4
    EXPECT_EQ(call(lab, "select", {{{"layer", 2}, {"i", 3}, {"j", 2}}})["ok"], true);
    EXPECT_EQ(call(lab, "selection")["selected"]["symbol"], "w\u00b2\u2083\u2082");
    EXPECT_EQ(call(lab, "select", {{{"layer", 2}, {"i", 4}, {"j", 1}}})["ok"], false);
}

TEST(InspectorApi, PhaseWalksOneStepAndPassShowsEachLayerAsItIsComputed) {
    Lab lab;
    const std::vector<std::pair<std::string, int>> expected = {
        {"forward", 1}, {"forward", 2}, {"forward", 3}, {"loss", 3},
        {"backward", 3}, {"backward", 2}, {"backward", 1}, {"update", 0}};
    const json weights = call(lab, "state")["weights"];
    for (const auto& [phase, layer] : expected) {
        const json p = call(lab, "phase");
        EXPECT_EQ(p["phase"], phase);
        if (phase != "update") {
            EXPECT_EQ(p["layer"], layer);
        }
    }
    const json pass = call(lab, "pass");
    EXPECT_EQ(pass["rows"], 10);
    // z^1 of the first sample = x W^1 + b^1 (biases start at 0), from the weights before the update.
    for (int j = 0; j < 3; ++j) {
        double z = 0;
        for (int i = 0; i < 4; ++i) z += pass["a"][0][0][i].get<double>() * weights[0][i][j].get<double>();
        EXPECT_NEAR(pass["z"][0][0][j].get<double>(), z, 1e-14);
    }
    EXPECT_EQ(call(lab, "state")["step"], 1);
    // The batch's first sample can now be inspected; its chain rule has an update line.
    EXPECT_EQ(call(lab, "inspect", {{{"batchSample", 1}}})["ok"], true);
    const json r = call(lab, "chainRule", {1, 1, 1});
    EXPECT_EQ(r["sample"]["source"], "batch");
    EXPECT_EQ(r["sample"]["pointIndex"], pass["batch"][0]);
    const double before = r["update"]["before"], g = r["update"]["gradient"], alpha = r["update"]["learningRate"];
    EXPECT_EQ(r["update"]["after"].get<double>(), before - alpha * g);
    EXPECT_EQ(r["update"]["perSample"].size(), 10u);
    double mean = 0;
    for (const json& v : r["update"]["perSample"]) mean += v.get<double>() / 10;
    EXPECT_NEAR(mean, g, 1e-15);
    EXPECT_NEAR(r["update"]["perSample"][0].get<double>(), r["backprop"].get<double>(), 1e-15);
    EXPECT_EQ(call(lab, "inspect", {{{"batchSample", 11}}})["ok"], false);
}

TEST(InspectorApi, AReluKinkInsideTheFiniteDifferenceIsNamedNotShownAsAnError) {
    Lab lab;
    ASSERT_EQ(call(lab, "configure", {{{"activations", {{"hidden", "relu"}}}}})["ok"], true);
    const json smooth = call(lab, "chainRule", {1, 1, 1});
    EXPECT_EQ(smooth["numericKink"], false);
    EXPECT_LT(smooth["relativeError"].get<double>(), 1e-6);
    // Every weight and bias into layer 1 at zero: z¹ is exactly 0 for every sample, so nudging
    // w¹₁₁ by ±h moves z¹₁ across the ReLU's kink (the inspected point has x₁ ≠ 0).
    json weights = json::parse(call(lab, "exportWeights").get<std::string>());
    for (auto& row : weights["weights"][0])
        for (auto& w : row) w = 0.0;
    for (auto& b : weights["biases"][0]) b = 0.0;
    ASSERT_EQ(call(lab, "importWeights", {weights.dump()})["ok"], true);
    const json r = call(lab, "chainRule", {1, 1, 1});
    ASSERT_EQ(r["numericKink"], true);
    EXPECT_EQ(r["kink"]["layer"], 1);
    EXPECT_EQ(r["kink"]["neuron"], 1);
    // Backprop takes ReLU'(0) = 0: it is the slope on the side where the ReLU is flat, and the central
    // difference is the mean of the two one-sided slopes, which differ.
    const double backprop = r["backprop"].get<double>(), left = r["numericLeft"].get<double>(),
                 right = r["numericRight"].get<double>();
    EXPECT_TRUE(std::fabs(backprop - left) < 1e-6 || std::fabs(backprop - right) < 1e-6) << backprop << " " << left << " " << right;
    EXPECT_GT(std::fabs(left - right), 1e-3);
    EXPECT_NEAR(r["numeric"].get<double>(), 0.5 * (r["numericLeft"].get<double>() + r["numericRight"].get<double>()), 1e-9);
}
