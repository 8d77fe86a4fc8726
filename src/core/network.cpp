// Network parameters, Glorot initialisation, and the batched forward and backward passes.
#include "core/network.h"

#include <cmath>

namespace bp {

Network::Network(std::vector<int> layer_sizes, Activation hidden_f, Activation output_f)
    : sizes(std::move(layer_sizes)), hidden(hidden_f), output(output_f) {
    for (int l = 1; l <= layer_count(); ++l) {
        W.emplace_back(Eigen::MatrixXd::Zero(sizes[l - 1], sizes[l]));
        b.emplace_back(Eigen::RowVectorXd::Zero(sizes[l]));
    }
}

int Network::weight_count() const {
    int n = 0;
    for (const auto& w : W) n += static_cast<int>(w.size());
    return n;
}

int Network::bias_count() const {
    int n = 0;
    for (const auto& v : b) n += static_cast<int>(v.size());
    return n;
}

void Network::init_glorot(Rng& rng) {
    for (int l = 1; l <= layer_count(); ++l) {
        const double r = std::sqrt(6.0 / (sizes[l - 1] + sizes[l]));
        Eigen::MatrixXd& w = W[l - 1];
        for (Eigen::Index i = 0; i < w.rows(); ++i)  // row-major draw order: w_11, w_12, ...
            for (Eigen::Index j = 0; j < w.cols(); ++j) w(i, j) = rng.uniform(-r, r);
        b[l - 1].setZero();
    }
}

bool Network::all_finite() const {
    for (int l = 0; l < layer_count(); ++l)
        if (!W[l].allFinite() || !b[l].allFinite()) return false;
    return true;
}

void Gradients::resize_like(const Network& net) {
    dW.resize(net.W.size());
    db.resize(net.b.size());
    for (size_t l = 0; l < net.W.size(); ++l) {
        dW[l].resize(net.W[l].rows(), net.W[l].cols());
        db[l].resize(net.b[l].size());
    }
    set_zero();
}

void Gradients::set_zero() {
    for (auto& m : dW) m.setZero();
    for (auto& v : db) v.setZero();
}

void Pass::reserve(const Network& net, int capacity) {
    const int L = net.layer_count();
    z.assign(L + 1, Eigen::MatrixXd());
    a.assign(L + 1, Eigen::MatrixXd());
    delta.assign(L + 1, Eigen::MatrixXd());
    for (int l = 0; l <= L; ++l) {
        a[l] = Eigen::MatrixXd::Zero(capacity, net.sizes[l]);
        if (l > 0) {
            z[l] = Eigen::MatrixXd::Zero(capacity, net.sizes[l]);
            delta[l] = Eigen::MatrixXd::Zero(capacity, net.sizes[l]);
        }
    }
    y = Eigen::VectorXd::Zero(capacity);
    loss = Eigen::VectorXd::Zero(capacity);
    rows = 0;
}

bool Pass::fits(const Network& net, int capacity) const {
    if (a.size() != net.sizes.size() || y.size() != capacity) return false;
    for (size_t l = 0; l < a.size(); ++l)
        if (a[l].cols() != net.sizes[l]) return false;
    return true;
}

void forward(const Network& net, Pass& pass) {
    const int n = pass.rows;
    for (int l = 1; l <= net.layer_count(); ++l) {
        auto z = pass.z[l].topRows(n);
        // z^l = a^{l-1} W^l + b^l   (n x n_{l-1}) (n_{l-1} x n_l) + (1 x n_l) -> (n x n_l)
        z.noalias() = pass.a[l - 1].topRows(n).lazyProduct(net.W[l - 1]);
        z.rowwise() += net.b[l - 1];
        activate(net.activation(l), z, pass.a[l].topRows(n));
    }
}

double backward(const Network& net, Loss loss, Pass& pass, Gradients& grad) {
    const int n = pass.rows;
    const int L = net.layer_count();
    const Activation out = net.output;

    // delta^L = dL/dy-hat * f_L'(z^L)   (n x n_L), with the per-sample loss beside it.
    double total = 0.0;
    for (int s = 0; s < n; ++s) {
        for (int j = 0; j < net.sizes[L]; ++j) {
            const double z = pass.z[L](s, j), y_hat = pass.a[L](s, j);
            pass.loss(s) = sample_loss(loss, z, y_hat, pass.y(s));
            pass.delta[L](s, j) = output_delta(loss, out, z, y_hat, pass.y(s));
        }
        total += pass.loss(s);
    }

    const double inv_n = 1.0 / n;
    for (int l = L; l >= 1; --l) {
        const auto a_prev = pass.a[l - 1].topRows(n);
        const auto d = pass.delta[l].topRows(n);
        // dL/dW^l = (a^{l-1})^T delta^l / n   (n_{l-1} x n)(n x n_l) -> (n_{l-1} x n_l)
        grad.dW[l - 1].noalias() = a_prev.transpose().lazyProduct(d) * inv_n;
        // dL/db^l = mean over samples of delta^l   (1 x n_l)
        grad.db[l - 1].noalias() = d.colwise().sum() * inv_n;
        if (l > 1) {
            // delta^{l-1} = f'(z^{l-1}) ⊙ (delta^l (W^l)^T)   (n x n_l)(n_l x n_{l-1}) -> (n x n_{l-1})
            auto d_prev = pass.delta[l - 1].topRows(n);
            d_prev.noalias() = d.lazyProduct(net.W[l - 1].transpose());
            const Activation f = net.activation(l - 1);
            for (Eigen::Index c = 0; c < d_prev.cols(); ++c)
                for (Eigen::Index r = 0; r < n; ++r)
                    d_prev(r, c) *= activate_derivative(f, pass.z[l - 1](r, c), pass.a[l - 1](r, c));
        }
    }
    return total * inv_n;
}

void apply_sgd(Network& net, const Gradients& grad, double learning_rate) {
    for (int l = 0; l < net.layer_count(); ++l) {
        net.W[l] -= learning_rate * grad.dW[l];  // w' = w - alpha * dL/dw
        net.b[l] -= learning_rate * grad.db[l];
    }
}

}  // namespace bp
