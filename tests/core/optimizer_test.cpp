// Optimizers: momentum and Adam steps against their equations written here in scalar loops (std::pow
// for the bias correction), Adam's first step of exactly ±α, runs resumed bit for bit from a
// RunState, divergence caught with momentum and Adam, and the settings' limits.
#include <gtest/gtest.h>

#include <cmath>

#include "core/trainer.h"
#include "test_util.h"

using namespace bp;
using test_util::relative_error;

namespace {

TrainingSettings with_optimizer(OptimizerKind kind) {
    TrainingSettings s;
    s.optimizer.kind = kind;
    s.optimizer.beta = 0.8;
    s.optimizer.beta1 = 0.85;
    s.optimizer.beta2 = 0.99;
    s.optimizer.epsilon = 1e-6;
    s.learning_rate = 0.05;
    return s;
}

// Every weight and bias as one flat list, and the same for a step's gradient.
std::vector<double> flat(const std::vector<Matrix>& W, const std::vector<RowVector>& b) {
    std::vector<double> out;
    for (size_t l = 0; l < W.size(); ++l) {
        for (int i = 0; i < W[l].rows(); ++i)
            for (int j = 0; j < W[l].cols(); ++j) out.push_back(W[l](i, j));
        for (int j = 0; j < b[l].size(); ++j) out.push_back(b[l](j));
    }
    return out;
}
std::vector<double> parameters(const Trainer& t) { return flat(t.network().W, t.network().b); }
std::vector<double> gradient(const Trainer& t) { return flat(t.gradients().dW, t.gradients().db); }

bool same_weights(const Trainer& a, const Trainer& b) {
    for (int l = 0; l < a.network().layer_count(); ++l)
        if (!(a.network().W[l].array() == b.network().W[l].array()).all() ||
            !(a.network().b[l].array() == b.network().b[l].array()).all())
            return false;
    return true;
}

}  // namespace

// v' = β v + g, w' = w − α v' over four steps, from v = 0 (with L2 on, so g is the total loss's).
TEST(Optimizer, MomentumFollowsItsEquations) {
    TrainingSettings s = with_optimizer(OptimizerKind::Momentum);
    s.regularization = {RegularizationKind::L2, 0.01};
    Trainer t(s);
    std::vector<double> w = parameters(t), v(w.size(), 0.0);
    for (int step = 0; step < 4; ++step) {
        ASSERT_TRUE(t.step());
        const std::vector<double> g = gradient(t);
        for (size_t k = 0; k < w.size(); ++k) {
            v[k] = 0.8 * v[k] + g[k];
            w[k] = w[k] - 0.05 * v[k];
        }
    }
    const std::vector<double> trained = parameters(t);
    const std::vector<double> velocity = flat(t.optimizer_state().velocity.dW, t.optimizer_state().velocity.db);
    for (size_t k = 0; k < w.size(); ++k) {
        EXPECT_LT(relative_error(trained[k], w[k], 1e-12), 1e-13) << k;
        EXPECT_LT(relative_error(velocity[k], v[k], 1e-12), 1e-13) << k;
    }
}

// m' = β₁m + (1−β₁)g, v' = β₂v + (1−β₂)g², m̂ = m'/(1−β₁^t), v̂ = v'/(1−β₂^t), w' = w − α m̂/(√v̂+ε).
TEST(Optimizer, AdamFollowsItsEquationsWithBiasCorrection) {
    TrainingSettings s = with_optimizer(OptimizerKind::Adam);
    s.regularization = {RegularizationKind::L1, 0.01};
    Trainer t(s);
    std::vector<double> w = parameters(t), m(w.size(), 0.0), v(w.size(), 0.0);
    for (int step = 1; step <= 5; ++step) {
        ASSERT_TRUE(t.step());
        const std::vector<double> g = gradient(t);
        for (size_t k = 0; k < w.size(); ++k) {
            m[k] = 0.85 * m[k] + (1 - 0.85) * g[k];
            v[k] = 0.99 * v[k] + (1 - 0.99) * g[k] * g[k];
            const double m_hat = m[k] / (1 - std::pow(0.85, step)), v_hat = v[k] / (1 - std::pow(0.99, step));
            w[k] = w[k] - 0.05 * m_hat / (std::sqrt(v_hat) + 1e-6);
        }
    }
    EXPECT_EQ(t.optimizer_state().t, 5);
    const std::vector<double> trained = parameters(t);
    const std::vector<double> first = flat(t.optimizer_state().first.dW, t.optimizer_state().first.db);
    const std::vector<double> second = flat(t.optimizer_state().second.dW, t.optimizer_state().second.db);
    for (size_t k = 0; k < w.size(); ++k) {
        EXPECT_LT(relative_error(trained[k], w[k], 1e-12), 1e-12) << k;
        EXPECT_LT(relative_error(first[k], m[k], 1e-15), 1e-13) << k;
        EXPECT_LT(relative_error(second[k], v[k], 1e-18), 1e-13) << k;
    }
}

// Adam's first step: m̂ = g and v̂ = g², so every parameter with a gradient well above ε moves by α.
TEST(Optimizer, AdamsFirstStepMovesEveryParameterByTheLearningRate) {
    TrainingSettings s = with_optimizer(OptimizerKind::Adam);
    s.optimizer.epsilon = 1e-12;
    Trainer t(s);
    const std::vector<double> before = parameters(t);
    ASSERT_TRUE(t.step());
    const std::vector<double> g = gradient(t), after = parameters(t);
    int moved = 0;
    for (size_t k = 0; k < g.size(); ++k) {
        if (std::fabs(g[k]) < 1e-6) continue;
        EXPECT_NEAR(after[k] - before[k], g[k] > 0 ? -0.05 : 0.05, 1e-9) << k;
        ++moved;
    }
    EXPECT_GT(moved, 10);
}

TEST(Optimizer, PowerIsExactForSmallExponentsAndCloseForLargeOnes) {
    EXPECT_EQ(power(0.9, 0), 1.0);
    EXPECT_EQ(power(0.9, 1), 0.9);
    EXPECT_EQ(power(0.5, 10), 1.0 / 1024);
    for (int64_t n : {2, 3, 7, 100, 12345, 1000000})
        EXPECT_LT(relative_error(power(0.999, n), std::pow(0.999, static_cast<double>(n)), 1e-300), 1e-11) << n;
}

// A run resumed from another's RunState (the optimizer's state with it) trains on to the same bits,
// and so does one resumed after a different optimizer had started from zero (it has not).
TEST(Optimizer, ARestoredRunTrainsOnBitForBit) {
    for (OptimizerKind kind : {OptimizerKind::Sgd, OptimizerKind::Momentum, OptimizerKind::Adam}) {
        TrainingSettings s = with_optimizer(kind);
        s.regularization = {RegularizationKind::L2, 0.003};
        Trainer a(s);
        a.run(37);
        Trainer b(s);
        b.set_points(a.points());
        b.restore(a.run_state());
        a.run(60);
        b.run(60);
        EXPECT_TRUE(same_weights(a, b)) << optimizer_name(kind);
        EXPECT_EQ(a.optimizer_state().t, b.optimizer_state().t);
        if (kind == OptimizerKind::Sgd) continue;
        // Without the state (a fresh velocity or moments) the same run goes elsewhere.
        Trainer c(s);
        c.set_points(a.points());
        RunState stateless = b.run_state();
        stateless.optimizer = {};
        c.restore(stateless);
        b.run(10);
        c.run(10);
        EXPECT_FALSE(same_weights(b, c)) << optimizer_name(kind);
    }
}

TEST(Optimizer, ResetZeroesTheStateAndANewKindStartsFromZero) {
    Trainer t(with_optimizer(OptimizerKind::Adam));
    t.run(10);
    EXPECT_EQ(t.optimizer_state().t, 10);
    OptimizerSettings o = t.settings().optimizer;
    o.beta1 = 0.5;  // the same kind: the moments stay
    t.set_optimizer(o);
    EXPECT_EQ(t.optimizer_state().t, 10);
    t.set_points(t.points());  // a data edit: the run, and its moments, go on
    EXPECT_EQ(t.optimizer_state().t, 10);
    o.kind = OptimizerKind::Momentum;
    const Matrix W = t.network().W[0];
    t.set_optimizer(o);
    EXPECT_TRUE((t.network().W[0].array() == W.array()).all());  // the weights stay
    EXPECT_EQ(t.optimizer_state().t, 0);
    EXPECT_EQ(t.optimizer_state().velocity.dW[0].cwiseAbs().maxCoeff(), 0.0);
    t.run(3);
    EXPECT_GT(t.optimizer_state().velocity.dW[0].cwiseAbs().maxCoeff(), 0.0);
    t.reset();
    EXPECT_EQ(t.optimizer_state().velocity.dW[0].cwiseAbs().maxCoeff(), 0.0);
}

// Momentum adds up the steps: a learning rate that plain SGD survives diverges with β = 0.95.
TEST(Optimizer, MomentumDivergenceIsCaughtAndKeepsTheLastFiniteWeights) {
    TrainingSettings s;
    s.hidden_activation = Activation::Linear;
    s.output_activation = Activation::Linear;
    s.learning_rate = 0.05;
    Trainer sgd(s);
    EXPECT_EQ(sgd.run(300), 300);
    EXPECT_EQ(sgd.error(), "");
    s.optimizer.kind = OptimizerKind::Momentum;
    s.optimizer.beta = 0.95;
    Trainer momentum(s);
    EXPECT_LT(momentum.run(300), 300);
    EXPECT_NE(momentum.error().find("diverged"), std::string::npos);
    EXPECT_TRUE(momentum.network().all_within_limit());
    EXPECT_TRUE(std::isfinite(momentum.training_loss()));
    EXPECT_FALSE(momentum.step());
    momentum.reset();
    EXPECT_TRUE(momentum.step());
}

// Adam moves a weight by about α a step: weights set by hand just inside the limit step past it.
// The step is undone whole: the weights and the moments are those before it.
TEST(Optimizer, AdamDivergenceIsCaughtAndUndoesTheStepWhole) {
    TrainingSettings s = with_optimizer(OptimizerKind::Adam);
    s.hidden_activation = Activation::Linear;
    s.output_activation = Activation::Linear;
    s.learning_rate = 100.0;
    Trainer t(s);
    t.run(3);
    std::vector<Matrix> W = t.network().W;
    std::vector<RowVector> b = t.network().b;
    for (Matrix& m : W)
        for (Eigen::Index k = 0; k < m.size(); ++k) m.data()[k] = (k % 2 ? -1 : 1) * (kMaxParameter - 50.0);
    t.set_parameters(W, b);
    const OptimizerState before = t.optimizer_state();
    EXPECT_FALSE(t.step());
    EXPECT_NE(t.error().find("diverged"), std::string::npos);
    EXPECT_TRUE(t.network().all_within_limit());
    EXPECT_TRUE((t.network().W[0].array() == W[0].array()).all());
    EXPECT_EQ(t.optimizer_state().t, before.t);
    EXPECT_TRUE((t.optimizer_state().first.dW[0].array() == before.first.dW[0].array()).all());
}

TEST(Optimizer, ValidateRefusesBadSettingsAndSaysTheLimits) {
    const auto problem = [](void (*edit)(OptimizerSettings&)) {
        TrainingSettings s;
        edit(s.optimizer);
        return validate(s);
    };
    EXPECT_NE(problem([](OptimizerSettings& o) { o.beta = 1.0; }).find("beta must be a number from 0 up to (not including) 1"), std::string::npos);
    EXPECT_NE(problem([](OptimizerSettings& o) { o.beta = -0.1; }).find("momentum's beta"), std::string::npos);
    EXPECT_NE(problem([](OptimizerSettings& o) { o.beta1 = std::nan(""); }).find("beta1"), std::string::npos);
    EXPECT_NE(problem([](OptimizerSettings& o) { o.beta2 = 1.5; }).find("beta2"), std::string::npos);
    EXPECT_NE(problem([](OptimizerSettings& o) { o.epsilon = 0.0; }).find("epsilon must be a number above 0 and at most 1"), std::string::npos);
    EXPECT_NE(problem([](OptimizerSettings& o) { o.epsilon = HUGE_VAL; }).find("epsilon"), std::string::npos);
    EXPECT_EQ(problem([](OptimizerSettings& o) { o.beta = 0.0; o.beta2 = 0.9999; o.epsilon = 1.0; }), "");
}
