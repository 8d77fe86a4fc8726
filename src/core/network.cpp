// Network parameters, Glorot initialisation, and the batched forward and backward passes.
#include "core/network.h"

#include "core/layer_kernels.h"

#include <cmath>

namespace bp {

Network::Network(std::vector<int> layer_sizes, Activation hidden_f, Activation output_f)
    : sizes(std::move(layer_sizes)), hidden(hidden_f), output(output_f) {
    for (int l = 1; l <= layer_count(); ++l) {
        W.emplace_back(Matrix::Zero(sizes[l - 1], sizes[l]));
        b.emplace_back(RowVector::Zero(sizes[l]));
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
        Matrix& w = W[l - 1];
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
    z.assign(L + 1, Matrix());
    a.assign(L + 1, Matrix());
    delta.assign(L + 1, Matrix());
    for (int l = 0; l <= L; ++l) {
        a[l] = Matrix::Zero(capacity, net.sizes[l]);
        if (l > 0) {
            z[l] = Matrix::Zero(capacity, net.sizes[l]);
            delta[l] = Matrix::Zero(capacity, net.sizes[l]);
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

void forward_layer(const Network& net, Pass& pass, int l) {
    const int in = net.sizes[l - 1], out = net.sizes[l];
    // z^l = a^{l-1} W^l + b^l   (n x n_{l-1}) (n_{l-1} x n_l) + (1 x n_l) -> (n x n_l)
    kernels::kAffine[out - 1](net.W[l - 1].data(), net.b[l - 1].data(), pass.a[l - 1].data(), pass.z[l].data(),
                              pass.rows, in);
    activate(net.activation(l), pass.z[l].data(), pass.a[l].data(), pass.rows * out);  // a^l = f_l(z^l)
}

void forward(const Network& net, Pass& pass) {
    for (int l = 1; l <= net.layer_count(); ++l) forward_layer(net, pass, l);
}

double mean_loss(const Network& net, Loss loss, Pass& pass) {
    const int L = net.layer_count();
    double total = 0.0;
    for (int s = 0; s < pass.rows; ++s) {
        pass.loss(s) = sample_loss(loss, pass.z[L](s, 0), pass.a[L](s, 0), pass.y(s));
        total += pass.loss(s);
    }
    return total / pass.rows;
}

void backward_layer(const Network& net, Loss loss, Pass& pass, Gradients& grad, int l) {
    const int n = pass.rows, L = net.layer_count();
    if (l == L) {
        // delta^L = dL/dy-hat * f_L'(z^L)   (n x 1): the network has one output.
        for (int s = 0; s < n; ++s)
            pass.delta[L](s, 0) = output_delta(loss, net.output, pass.z[L](s, 0), pass.a[L](s, 0), pass.y(s));
    } else {
        // delta^l = f'(z^l) ⊙ (delta^{l+1} (W^{l+1})^T)   (n x n_{l+1})(n_{l+1} x n_l) -> (n x n_l)
        kernels::kBackPropagate[net.sizes[l + 1] - 1](net.W[l].data(), pass.delta[l + 1].data(), pass.delta[l].data(), n,
                                                      net.sizes[l]);
        scale_by_derivative(net.activation(l), pass.z[l].data(), pass.a[l].data(), pass.delta[l].data(), n * net.sizes[l]);
    }
    // dL/dW^l = (a^{l-1})^T delta^l / n   (n_{l-1} x n)(n x n_l) -> (n_{l-1} x n_l)
    // dL/db^l = mean over samples of delta^l   (1 x n_l)
    kernels::kWeightGradient[net.sizes[l] - 1](pass.a[l - 1].data(), pass.delta[l].data(), grad.dW[l - 1].data(),
                                               grad.db[l - 1].data(), n, net.sizes[l - 1], 1.0 / n);
}

double backward(const Network& net, Loss loss, Pass& pass, Gradients& grad) {
    for (int l = net.layer_count(); l >= 1; --l) backward_layer(net, loss, pass, grad, l);
    return mean_loss(net, loss, pass);
}

void apply_sgd(Network& net, const Gradients& grad, double learning_rate) {
    for (int l = 0; l < net.layer_count(); ++l) {
        // w' = w - alpha * dL/dw
        double* w = net.W[l].data();
        const double* g = grad.dW[l].data();
        for (Eigen::Index k = 0; k < net.W[l].size(); ++k) w[k] -= learning_rate * g[k];
        double* b = net.b[l].data();
        const double* gb = grad.db[l].data();
        for (Eigen::Index j = 0; j < net.b[l].size(); ++j) b[j] -= learning_rate * gb[j];
    }
}

}  // namespace bp
