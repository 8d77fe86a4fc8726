// Network parameters, Glorot initialisation, and the batched forward and backward passes.
#include "core/network.h"

#include "core/layer_ops.h"

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

bool Network::all_within_limit() const {
    for (int l = 0; l < layer_count(); ++l)
        if (!(W[l].cwiseAbs().maxCoeff() <= kMaxParameter) || !(b[l].cwiseAbs().maxCoeff() <= kMaxParameter)) return false;
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
    const int n = pass.rows;
    const auto a_prev = pass.a[l - 1].topRows(n);  // a^{l-1}  (n x n_{l-1})
    auto z = pass.z[l].topRows(n);                 // z^l      (n x n_l)
    auto a = pass.a[l].topRows(n);                 // a^l      (n x n_l)
    affine(a_prev, net.W[l - 1], net.b[l - 1], z);  // z^l = a^{l-1} W^l + b^l
    activate(net.activation(l), z, a);              // a^l = f_l(z^l)
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
    const int n = pass.rows;
    const auto a_prev = pass.a[l - 1].topRows(n);  // a^{l-1}  (n x n_{l-1})
    const auto z = pass.z[l].topRows(n);           // z^l      (n x n_l)
    const auto a = pass.a[l].topRows(n);           // a^l      (n x n_l)
    auto delta = pass.delta[l].topRows(n);         // delta^l  (n x n_l)
    if (l == net.layer_count()) {
        output_delta(loss, net.output, z, a, pass.y.head(n), delta);  // delta^L = dL/dy-hat · f_L'(z^L)
    } else {
        const auto delta_next = pass.delta[l + 1].topRows(n);  // delta^{l+1}  (n x n_{l+1})
        const Matrix& W_next = net.W[l];                       // W^{l+1}      (n_l x n_{l+1})
        backpropagate(delta_next, W_next, delta);              // delta^l = delta^{l+1} (W^{l+1})^T
        multiply_by_derivative(net.activation(l), z, a, delta);  // delta^l ⊙= f_l'(z^l)
    }
    // dL/dW^l = (a^{l-1})^T delta^l / n   (n_{l-1} x n_l),   dL/db^l = (1/n) Σ_s delta^l_s   (1 x n_l)
    weight_gradient(a_prev, delta, grad.dW[l - 1], grad.db[l - 1]);
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

bool has_parameter(const Network& net, const ParameterRef& p) {
    if (p.layer < 1 || p.layer > net.layer_count() || p.j < 0 || p.j >= net.sizes[p.layer]) return false;
    return p.is_bias || (p.i >= 0 && p.i < net.sizes[p.layer - 1]);
}

double& parameter(Network& net, const ParameterRef& p) {
    return p.is_bias ? net.b[p.layer - 1](p.j) : net.W[p.layer - 1](p.i, p.j);
}

double parameter(const Network& net, const ParameterRef& p) {
    return p.is_bias ? net.b[p.layer - 1](p.j) : net.W[p.layer - 1](p.i, p.j);
}

double parameter_gradient(const Gradients& grad, const ParameterRef& p) {
    return p.is_bias ? grad.db[p.layer - 1](p.j) : grad.dW[p.layer - 1](p.i, p.j);
}

}  // namespace bp
