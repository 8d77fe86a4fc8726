// Backprop gradients against central finite differences and against the independent textbook MLP
// (core/textbook_mlp.h), for random architectures and every activation/loss pair.
#include <gtest/gtest.h>

#include "core/network.h"
#include "core/textbook_mlp.h"
#include "test_util.h"

using namespace bp;

namespace {

struct Pair {
    Activation hidden, output;
    Loss loss;
};

std::vector<Pair> all_pairs() {
    std::vector<Pair> pairs;
    for (Activation h : kAllActivations)
        for (Activation o : kAllActivations)
            for (Loss l : kAllLosses)
                if (loss_accepts_output(l, o)) pairs.push_back({h, o, l});
    return pairs;
}

double loss_at(const Network& net, Loss loss, Pass& pass) {
    forward(net, pass);
    return mean_loss(net, loss, pass);
}

// Central difference (L(p + h) - L(p - h)) / 2h for the parameter p points at.
double numeric(Network& net, double& p, Loss loss, Pass& pass) {
    const double h = 1e-5, saved = p;
    p = saved + h;
    const double up = loss_at(net, loss, pass);
    p = saved - h;
    const double down = loss_at(net, loss, pass);
    p = saved;
    return (up - down) / (2 * h);
}

}  // namespace

TEST(Gradient, MatchesFiniteDifferencesAndTextbookForEveryActivationAndLoss) {
    Rng rng(2024);
    int checked = 0;
    for (const Pair& pair : all_pairs()) {
        for (int trial = 0; trial < 4; ++trial) {
            Network net(test_util::random_sizes(rng), pair.hidden, pair.output);
            net.init_glorot(rng);
            for (auto& b : net.b)
                for (Eigen::Index j = 0; j < b.size(); ++j) b(j) = rng.uniform(-0.5, 0.5);
            const auto batch = test_util::random_batch(rng, net.sizes[0], 1 + static_cast<int>(rng.below(4)));
            Pass pass;
            test_util::load(batch, net, pass);
            Gradients grad;
            grad.resize_like(net);
            forward(net, pass);
            const double loss = backward(net, pair.loss, pass, grad);
            const auto ref = textbook::batch_gradient(net, pair.loss, batch.xs, batch.ys);
            const std::string what = std::string(activation_name(pair.hidden)) + "/" +
                                     activation_name(pair.output) + "/" + loss_name(pair.loss);
            EXPECT_LT(test_util::relative_error(loss, textbook::batch_loss(net, pair.loss, batch.xs, batch.ys)),
                      1e-12)
                << what;

            for (int l = 0; l < net.layer_count(); ++l) {
                for (Eigen::Index i = 0; i < net.W[l].rows(); ++i)
                    for (Eigen::Index j = 0; j < net.W[l].cols(); ++j) {
                        const double g = grad.dW[l](i, j);
                        EXPECT_LT(test_util::relative_error_fd(g, numeric(net, net.W[l](i, j), pair.loss, pass)), 1e-6)
                            << what << " dL/dw^" << l + 1 << "_" << i + 1 << j + 1;
                        EXPECT_LT(test_util::relative_error(g, ref.w[l][i][j]), 1e-9) << what;
                        ++checked;
                    }
                for (Eigen::Index j = 0; j < net.b[l].size(); ++j) {
                    const double g = grad.db[l](j);
                    EXPECT_LT(test_util::relative_error_fd(g, numeric(net, net.b[l](j), pair.loss, pass)), 1e-6)
                        << what << " dL/db^" << l + 1 << "_" << j + 1;
                    EXPECT_LT(test_util::relative_error(g, ref.b[l][j]), 1e-9) << what;
                    ++checked;
                }
            }
        }
    }
    EXPECT_GT(checked, 500);  // the sweep really covered many parameters
}

TEST(Gradient, ForwardMatchesTextbookOutput) {
    Rng rng(7);
    Network net({4, 3, 2, 1}, Activation::Tanh, Activation::Sigmoid);
    net.init_glorot(rng);
    const auto batch = test_util::random_batch(rng, 4, 5);
    Pass pass;
    test_util::load(batch, net, pass);
    forward(net, pass);
    for (int s = 0; s < 5; ++s) {
        const auto ref = textbook::forward(net, batch.xs[s]);
        for (int l = 1; l <= 3; ++l)
            for (int j = 0; j < net.sizes[l]; ++j) {
                EXPECT_NEAR(pass.z[l](s, j), ref.z[l][j], 1e-14);
                EXPECT_NEAR(pass.a[l](s, j), ref.a[l][j], 1e-14);
            }
    }
}

TEST(Gradient, BceWithSigmoidStaysFiniteWhenTheOutputSaturates) {
    // A confident wrong prediction: y-hat rounds to 1 while y = 0. The loss must be large, not inf.
    Network net({1, 1}, Activation::Tanh, Activation::Sigmoid);
    net.W[0](0, 0) = 100.0;
    Pass pass;
    pass.reserve(net, 1);
    pass.rows = 1;
    pass.a[0](0, 0) = 1.0;
    pass.y(0) = 0.0;
    Gradients grad;
    grad.resize_like(net);
    forward(net, pass);
    const double loss = backward(net, Loss::Bce, pass, grad);
    EXPECT_NEAR(loss, 100.0, 1e-9);
    EXPECT_NEAR(grad.dW[0](0, 0), 1.0, 1e-9);  // (y-hat - y) * x
}
