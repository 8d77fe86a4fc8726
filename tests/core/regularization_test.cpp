// Regularization: the penalty and its gradient against scalar sums written here, a regularized step
// against the textbook MLP's gradient plus the penalty's term, and the finite difference of the
// penalized training loss.
#include <gtest/gtest.h>

#include <cmath>

#include "core/textbook_mlp.h"
#include "core/trainer.h"
#include "test_util.h"

using namespace bp;
using test_util::relative_error;
using test_util::relative_error_fd;

namespace {

// λ Σ|w| or λ ½ Σ w² over the weights only, one scalar at a time.
double reference_penalty(const Network& net, RegularizationKind kind, double lambda) {
    double sum = 0.0;
    for (int l = 0; l < net.layer_count(); ++l)
        for (int i = 0; i < net.W[l].rows(); ++i)
            for (int j = 0; j < net.W[l].cols(); ++j) {
                const double w = net.W[l](i, j);
                sum += kind == RegularizationKind::L1 ? std::fabs(w) : 0.5 * w * w;
            }
    return lambda * sum;
}

// The features of the points a step used, and their targets (the textbook MLP's inputs).
void batch_of(const Trainer& t, std::vector<std::vector<double>>& xs, std::vector<double>& ys) {
    for (int k : t.last_batch()) {
        const Point& p = t.points()[k];
        std::vector<double> x;
        for (Feature f : t.settings().features) x.push_back(feature_value(f, p.x1, p.x2));
        xs.push_back(x);
        ys.push_back(p.y);
    }
}

TrainingSettings regularized(RegularizationKind kind, double lambda) {
    TrainingSettings s;
    s.regularization = {kind, lambda};
    return s;
}

}  // namespace

TEST(Regularization, PenaltyIsTheScalarSumOverTheWeightsNotTheBiases) {
    Trainer t(regularized(RegularizationKind::L2, 0.03));
    t.run(50);  // biases away from 0
    const Network& net = t.network();
    EXPECT_NEAR(penalty(net, {RegularizationKind::L2, 0.03}), reference_penalty(net, RegularizationKind::L2, 0.03), 1e-15);
    EXPECT_NEAR(penalty(net, {RegularizationKind::L1, 0.03}), reference_penalty(net, RegularizationKind::L1, 0.03), 1e-15);
    EXPECT_EQ(penalty(net, {RegularizationKind::None, 0.03}), 0.0);
    // Moving a bias changes no penalty; moving a weight does.
    Network moved = net;
    moved.b[0](0) += 5.0;
    EXPECT_EQ(penalty(moved, {RegularizationKind::L2, 0.03}), penalty(net, {RegularizationKind::L2, 0.03}));
    moved.W[0](0, 0) += 1.0;
    EXPECT_GT(penalty(moved, {RegularizationKind::L1, 0.03}), penalty(net, {RegularizationKind::L1, 0.03}));
    // The trainer's total loss is the data loss plus the penalty.
    EXPECT_NEAR(t.training_loss(), t.training_data_loss() + reference_penalty(net, RegularizationKind::L2, 0.03), 1e-15);
}

TEST(Regularization, L1AtAZeroWeightTakesTheZeroSubgradient) {
    const Regularization l1{RegularizationKind::L1, 0.5};
    EXPECT_EQ(penalty_gradient(0.0, l1), 0.0);
    EXPECT_EQ(penalty_gradient(-0.0, l1), 0.0);
    EXPECT_EQ(penalty_gradient(1e-300, l1), 0.5);
    EXPECT_EQ(penalty_gradient(-3.0, l1), -0.5);
    EXPECT_EQ(penalty_gradient(-3.0, {RegularizationKind::L2, 0.5}), -1.5);
}

// One step: w' = w − α (∂L_data/∂w + λ·w) for L2, w' = w − α (∂L_data/∂w + λ sign w) for L1, and the
// biases w' = w − α ∂L_data/∂b, with ∂L_data from the textbook MLP.
TEST(Regularization, ARegularizedStepAddsThePenaltysTermToTheTextbookGradient) {
    for (RegularizationKind kind : {RegularizationKind::L1, RegularizationKind::L2}) {
        const double lambda = 0.02, alpha = 0.1;
        Trainer t(regularized(kind, lambda));
        t.run(7);
        const Network before = t.network();
        ASSERT_TRUE(t.step());
        std::vector<std::vector<double>> xs;
        std::vector<double> ys;
        batch_of(t, xs, ys);
        const textbook::Gradient g = textbook::batch_gradient(before, t.settings().loss, xs, ys);
        for (int l = 0; l < before.layer_count(); ++l) {
            for (int i = 0; i < before.W[l].rows(); ++i)
                for (int j = 0; j < before.W[l].cols(); ++j) {
                    const double w = before.W[l](i, j);
                    const double term = kind == RegularizationKind::L2 ? lambda * w : lambda * (w > 0 ? 1.0 : w < 0 ? -1.0 : 0.0);
                    const double expected = w - alpha * (g.w[l][i][j] + term);
                    EXPECT_LT(relative_error(t.network().W[l](i, j), expected, 1e-9), 1e-12) << "layer " << l + 1;
                    EXPECT_LT(relative_error(t.gradients().dW[l](i, j), g.w[l][i][j] + term), 1e-10);
                }
            for (int j = 0; j < before.b[l].size(); ++j)
                EXPECT_LT(relative_error(t.network().b[l](j), before.b[l](j) - alpha * g.b[l][j], 1e-9), 1e-12);
        }
    }
}

// The gradient of a whole-set step (the batch is every training point) against the central finite
// difference of the trainer's total training loss, for every weight and bias.
TEST(Regularization, TheGradientIsTheFiniteDifferenceOfThePenalizedLoss) {
    for (RegularizationKind kind : {RegularizationKind::L1, RegularizationKind::L2}) {
        TrainingSettings s = regularized(kind, 0.05);
        s.batch_size = s.point_count;
        Trainer t(s);
        t.run(3);
        const Network at = t.network();
        ASSERT_TRUE(t.step());
        const Gradients g = t.gradients();
        Trainer probe(s);
        const auto loss_with = [&](int l, int i, int j, bool bias, double delta) {
            Network n = at;
            (bias ? n.b[l](j) : n.W[l](i, j)) += delta;
            probe.set_parameters(n.W, n.b);
            return probe.training_loss();
        };
        int checked = 0;
        for (int l = 0; l < at.layer_count(); ++l)
            for (int i = 0; i <= at.W[l].rows(); ++i)  // the last row stands for the biases
                for (int j = 0; j < at.W[l].cols(); ++j) {
                    const bool bias = i == at.W[l].rows();
                    const double p = bias ? at.b[l](j) : at.W[l](i, j);
                    const double h = 1e-5 * std::max(1.0, std::fabs(p));
                    if (kind == RegularizationKind::L1 && !bias && std::fabs(p) < 2 * h) continue;  // |w| has a kink at 0
                    const double numeric = (loss_with(l, i, j, bias, h) - loss_with(l, i, j, bias, -h)) / (2 * h);
                    const double analytic = bias ? g.db[l](j) : g.dW[l](i, j);
                    EXPECT_LT(relative_error_fd(analytic, numeric), 1e-5) << "layer " << l + 1 << " i " << i << " j " << j;
                    ++checked;
                }
        EXPECT_GT(checked, 20);
    }
}

TEST(Regularization, PhaseByPhaseGivesTheSameStepAsAWholeStep) {
    const TrainingSettings s = regularized(RegularizationKind::L2, 0.1);
    Trainer whole(s), phased(s);
    whole.run(5);
    phased.run(5);
    whole.step();
    while (phased.advance_phase().phase != Phase::Update) {}
    for (int l = 0; l < whole.network().layer_count(); ++l)
        EXPECT_TRUE((whole.network().W[l].array() == phased.network().W[l].array()).all());
    EXPECT_EQ(whole.last_batch_loss(), phased.last_batch_loss());
}

TEST(Regularization, L2ShrinksTheWeightsATeacherCanSee) {
    // Same run with and without L2: the penalised network ends with smaller weights.
    Trainer plain(TrainingSettings{}), shrunk(regularized(RegularizationKind::L2, 0.05));
    plain.run(2000);
    shrunk.run(2000);
    const double plain_norm = penalty(plain.network(), {RegularizationKind::L2, 1.0});
    const double shrunk_norm = penalty(shrunk.network(), {RegularizationKind::L2, 1.0});
    EXPECT_LT(shrunk_norm, 0.6 * plain_norm);
}

TEST(Regularization, ValidateRefusesBadRates) {
    for (double lambda : {-0.1, 10.5, std::nan(""), HUGE_VAL}) {
        const std::string problem = validate(regularized(RegularizationKind::L2, lambda));
        EXPECT_NE(problem.find("\u03bb must be a number from 0 to 10"), std::string::npos) << lambda;
    }
    EXPECT_EQ(validate(regularized(RegularizationKind::L1, 0.0)), "");
    EXPECT_EQ(validate(regularized(RegularizationKind::L1, 10.0)), "");
}
