// Regularization and optimizers through window.lab: configure() keeps the weights, state() splits the
// loss into data loss and penalty (the penalty checked against a sum over state()'s own weights),
// gradients() is the total loss's (against a finite difference), chainRule()'s update follows the
// momentum and Adam rules, the inspector writes the rule with its numbers, links carry it all, and
// hostile values are refused with a message and change nothing.
#include <gtest/gtest.h>

#include <cmath>
#include <nlohmann/json.hpp>

#include "api_test_util.h"
#include "app/ui/update_text.h"

using namespace bp;
using nlohmann::json;

using api_test::call;

namespace {

// λ·½Σw² (L2) or λ·Σ|w| (L1) over state()'s weights (not its biases).
double penalty_of(const json& state, const std::string& kind, double lambda) {
    double sum = 0.0;
    for (const json& W : state["weights"])
        for (const json& row : W)
            for (const json& w : row) sum += kind == "l1" ? std::fabs(w.get<double>()) : 0.5 * w.get<double>() * w.get<double>();
    return lambda * sum;
}

}  // namespace

TEST(TrainingRules, ConfigureKeepsTheWeightsAndStateSplitsTheLoss) {
    Lab lab;
    call(lab, "train", {40});
    const json before = call(lab, "state");
    EXPECT_EQ(before["regularization"], json({{"kind", "none"}, {"rate", 0.001}}));
    EXPECT_EQ(before["optimizer"]["kind"], "sgd");
    EXPECT_EQ(before["penalty"], 0.0);
    EXPECT_EQ(before["dataLoss"], before["trainingLoss"]);
    EXPECT_EQ(before["optimizerState"], json::object());

    ASSERT_EQ(call(lab, "configure", {{{"regularization", {{"kind", "l2"}, {"rate", 0.05}}}}})["ok"], true);
    const json l2 = call(lab, "state");
    EXPECT_EQ(l2["weights"], before["weights"]);  // nothing restarted
    EXPECT_EQ(l2["step"], 40);
    EXPECT_NEAR(l2["penalty"].get<double>(), penalty_of(l2, "l2", 0.05), 1e-15);
    EXPECT_GT(l2["penalty"].get<double>(), 0.0);
    EXPECT_NEAR(l2["trainingLoss"].get<double>(), l2["dataLoss"].get<double>() + l2["penalty"].get<double>(), 1e-15);
    EXPECT_EQ(l2["dataLoss"], before["dataLoss"]);

    ASSERT_EQ(call(lab, "configure", {{{"regularization", {{"kind", "l1"}}}}})["ok"], true);  // the rate stays
    const json l1 = call(lab, "state");
    EXPECT_EQ(l1["regularization"]["rate"], 0.05);
    EXPECT_NEAR(l1["penalty"].get<double>(), penalty_of(l1, "l1", 0.05), 1e-15);

    ASSERT_EQ(call(lab, "configure", {{{"optimizer", {{"kind", "adam"}, {"beta2", 0.99}}}}})["ok"], true);
    json adam = call(lab, "state");
    EXPECT_EQ(adam["weights"], before["weights"]);
    EXPECT_EQ(adam["optimizer"], json({{"kind", "adam"}, {"beta", 0.9}, {"beta1", 0.9}, {"beta2", 0.99}, {"epsilon", 1e-8}}));
    EXPECT_EQ(adam["optimizerState"]["step"], 0);
    call(lab, "train", {5});
    EXPECT_EQ(call(lab, "state")["optimizerState"]["step"], 5);
    // New settings of the same optimizer keep its moments; another optimizer starts from zero.
    ASSERT_EQ(call(lab, "configure", {{{"optimizer", {{"beta1", 0.8}}}}})["ok"], true);
    EXPECT_EQ(call(lab, "state")["optimizerState"]["step"], 5);
    const json trained = call(lab, "state");
    ASSERT_EQ(call(lab, "configure", {{{"optimizer", {{"kind", "momentum"}}}}})["ok"], true);
    const json momentum = call(lab, "state");
    EXPECT_EQ(momentum["weights"], trained["weights"]);
    EXPECT_EQ(momentum["optimizerState"]["velocity"]["weights"][0][0][0], 0.0);
}

// gradients() after a step over every training point at once is the gradient of the total training
// loss at the weights before the step: the central finite difference of state().trainingLoss.
TEST(TrainingRules, GradientsAreTheTotalLosssAgainstAFiniteDifference) {
    Lab lab;
    ASSERT_EQ(call(lab, "configure", {{{"batchSize", 200}, {"regularization", {{"kind", "l2"}, {"rate", 0.2}}}}})["ok"], true);
    call(lab, "train", {3});
    const Trainer at = lab.trainer();
    call(lab, "train", {1});
    const json g = call(lab, "gradients");
    Trainer probe = at;
    for (int l = 0; l < 3; ++l) {
        const double w = at.network().W[l](0, 0), h = 1e-5 * std::max(1.0, std::fabs(w));
        std::vector<Matrix> W = at.network().W;
        W[l](0, 0) = w + h;
        probe.set_parameters(W, at.network().b);
        const double up = probe.training_loss();
        W[l](0, 0) = w - h;
        probe.set_parameters(W, at.network().b);
        const double down = probe.training_loss();
        const double numeric = (up - down) / (2 * h), analytic = g["weights"][l][0][0];
        EXPECT_NEAR(analytic, numeric, 1e-6 * std::max(1.0, std::fabs(numeric))) << "layer " << l + 1;
        // The penalty's part is there: the data loss's gradient alone would be off by λ·w.
        EXPECT_GT(std::fabs(0.2 * w), 1e-4);
    }
}

// chainRule()'s update for momentum and Adam, checked with the rules written out here.
TEST(TrainingRules, TheInspectorsUpdateFollowsTheChosenRule) {
    Lab lab;
    ASSERT_EQ(call(lab, "configure", {{{"optimizer", {{"kind", "momentum"}, {"beta", 0.7}}},
                                       {"regularization", {{"kind", "l2"}, {"rate", 0.01}}}}})["ok"], true);
    call(lab, "train", {3});
    json u = call(lab, "chainRule", {1, 2, 3})["update"];
    EXPECT_EQ(u["optimizer"], "momentum");
    const double w = u["before"], v = u["velocity"], g = u["gradient"], alpha = u["learningRate"];
    EXPECT_NEAR(u["penaltyGradient"].get<double>(), 0.01 * w, 1e-17);
    EXPECT_NEAR(u["dataGradient"].get<double>() + u["penaltyGradient"].get<double>(), g, 1e-17);
    EXPECT_NEAR(u["velocityAfter"].get<double>(), 0.7 * v + g, 1e-15);
    EXPECT_NEAR(u["after"].get<double>(), w - alpha * (0.7 * v + g), 1e-15);
    EXPECT_EQ(u["after"], call(lab, "state")["weights"][0][1][2]);
    EXPECT_NE(v, 0.0);  // the velocity of the earlier steps is in it

    ASSERT_EQ(call(lab, "configure", {{{"optimizer", {{"kind", "adam"}}}}})["ok"], true);
    call(lab, "train", {4});
    u = call(lab, "chainRule", {2, "b", 1})["update"];
    EXPECT_EQ(u["t"], 4);
    EXPECT_EQ(u["penaltyGradient"], 0.0);  // biases carry no penalty
    const double m = u["firstMoment"], s = u["secondMoment"], gb = u["gradient"];
    const double m1 = 0.9 * m + 0.1 * gb, s1 = 0.999 * s + 0.001 * gb * gb;
    const double m_hat = m1 / (1 - std::pow(0.9, 4)), s_hat = s1 / (1 - std::pow(0.999, 4));
    EXPECT_NEAR(u["firstMomentAfter"].get<double>(), m1, 1e-15);
    EXPECT_NEAR(u["secondMomentAfter"].get<double>(), s1, 1e-18);
    EXPECT_NEAR(u["after"].get<double>(), u["before"].get<double>() - alpha * m_hat / (std::sqrt(s_hat) + 1e-8), 1e-12);
}

// The inspector's lines: the rule with the numbers of the last update, the penalty's term in it.
TEST(TrainingRules, TheUpdateLinesWriteTheRuleWithItsNumbers) {
    Lab lab;
    ASSERT_EQ(call(lab, "configure", {{{"regularization", {{"kind", "l2"}, {"rate", 0.5}}}}})["ok"], true);
    call(lab, "train", {2});
    const Selection s{1, 0, 0, false};
    const ParameterUpdate u = lab.last_update(s);
    std::vector<std::string> lines = update_lines("w", u, lab.settings(), false);
    ASSERT_EQ(lines.size(), 1u);
    EXPECT_NE(lines[0].find("w' = w \u2212 \u03b1(\u2202L/\u2202w + \u03bb\u00b7w)"), std::string::npos) << lines[0];
    EXPECT_NE(lines[0].find(" + 0.5 \u00d7 "), std::string::npos) << lines[0];
    // A bias: no penalty, the seed's rule.
    lines = update_lines("b", lab.last_update({1, 0, 0, true}), lab.settings(), true);
    EXPECT_NE(lines[0].find("b' = b \u2212 \u03b1\u00b7\u2202L/\u2202b = "), std::string::npos) << lines[0];

    ASSERT_EQ(call(lab, "configure", {{{"optimizer", {{"kind", "momentum"}, {"beta", 0.5}}}}})["ok"], true);
    call(lab, "train", {2});
    lines = update_lines("w", lab.last_update(s), lab.settings(), false);
    ASSERT_EQ(lines.size(), 3u);
    EXPECT_EQ(lines[0].rfind("g = \u2202L/\u2202w + \u03bb\u00b7w = ", 0), 0u) << lines[0];
    EXPECT_EQ(lines[1].rfind("v' = \u03b2v + g = 0.5 \u00d7 ", 0), 0u) << lines[1];
    EXPECT_EQ(lines[2].rfind("update: w' = w \u2212 \u03b1v' = ", 0), 0u) << lines[2];
    EXPECT_NE(optimizer_state_text(lab.trainer(), s).find("velocity v = "), std::string::npos);

    ASSERT_EQ(call(lab, "configure", {{{"optimizer", {{"kind", "adam"}}}}})["ok"], true);
    call(lab, "train", {1});
    lines = update_lines("w", lab.last_update(s), lab.settings(), false);
    ASSERT_EQ(lines.size(), 5u);
    EXPECT_NE(lines[3].find("t = 1"), std::string::npos) << lines[3];
    EXPECT_NE(optimizer_state_text(lab.trainer(), s).find("(t = 1)"), std::string::npos);
}

// A moment link of an Adam run with L1 reopens with its settings and moments and trains on to the
// same weights as the run it came from.
TEST(TrainingRules, AMomentLinkCarriesTheOptimizerAndTrainsOnIdentically) {
    Lab lab;
    ASSERT_EQ(call(lab, "configure", {{{"optimizer", {{"kind", "adam"}, {"epsilon", 1e-6}}},
                                       {"regularization", {{"kind", "l1"}, {"rate", 0.002}}}}})["ok"], true);
    call(lab, "train", {33});
    Lab other;
    ASSERT_EQ(other.open_link(lab.share_link(true)), "");
    EXPECT_EQ(call(other, "state")["optimizer"], call(lab, "state")["optimizer"]);
    EXPECT_EQ(call(other, "state")["regularization"], call(lab, "state")["regularization"]);
    EXPECT_EQ(call(other, "state")["optimizerState"], call(lab, "state")["optimizerState"]);
    call(lab, "train", {50});
    call(other, "train", {50});
    EXPECT_EQ(call(other, "state")["weights"], call(lab, "state")["weights"]);
}

TEST(TrainingRules, HostileValuesAreRefusedWithAMessageAndChangeNothing) {
    Lab lab;
    call(lab, "train", {5});
    const std::string before = call(lab, "state").dump();
    const json bad[] = {
        {{"regularization", "l2"}},
        {{"regularization", {{"kind", "l3"}}}},
        {{"regularization", {{"kind", 2}}}},
        {{"regularization", {{"rate", -0.1}}}},
        {{"regularization", {{"rate", 11}}}},
        {{"regularization", {{"rate", 1e308}}}},
        {{"regularization", {{"rate", "0.1"}}}},
        {{"regularization", {{"rate", nullptr}}}},
        {{"regularization", {{"kind", "l2"}, {"lambda", 0.1}}}},
        {{"optimizer", nullptr}},
        {{"optimizer", {{"kind", "rmsprop"}}}},
        {{"optimizer", {{"kind", "momentum"}, {"beta", 1}}}},
        {{"optimizer", {{"beta", -0.5}}}},
        {{"optimizer", {{"beta1", 1.5}}}},
        {{"optimizer", {{"beta2", true}}}},
        {{"optimizer", {{"epsilon", 0}}}},
        {{"optimizer", {{"epsilon", 2}}}},
        {{"optimizer", {{"epsilon", -1e-8}}}},
        {{"optimizer", {{"kind", "adam"}, {"momentum", 0.9}}}},
        {{"optimizer", {{"kind", "adam"}}}, {"learningRate", -1}},  // one bad part refuses the whole call
    };
    for (const json& b : bad) {
        const json r = call(lab, "configure", {b});
        EXPECT_EQ(r["ok"], false) << b;
        EXPECT_TRUE(r["error"].is_string() && r["error"].get<std::string>().size() > 10) << b;
        EXPECT_EQ(call(lab, "state").dump(), before) << b;
    }
    EXPECT_NE(call(lab, "configure", {{{"regularization", {{"rate", 11}}}}})["error"].get<std::string>().find("0 to 10"),
              std::string::npos);
    EXPECT_NE(call(lab, "configure", {{{"optimizer", {{"beta2", 1}}}}})["error"].get<std::string>().find("up to (not including) 1"),
              std::string::npos);
}
