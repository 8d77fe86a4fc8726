// An independent, deliberately plain reference MLP for the tests: one sample at a time, nested
// loops over std::vector, no Eigen, no shared code with src/core beyond reading its parameters.
// Its loss is written straight from DESIGN.md's formulas; its gradient is the chain rule applied
// neuron by neuron.
#pragma once

#include <cmath>
#include <vector>

#include "core/network.h"

namespace reference {

inline double f(bp::Activation act, double z) {
    switch (act) {
        case bp::Activation::Sigmoid: return 1.0 / (1.0 + std::exp(-z));
        case bp::Activation::Tanh: return (std::exp(z) - std::exp(-z)) / (std::exp(z) + std::exp(-z));
        case bp::Activation::Relu: return z > 0 ? z : 0.0;
        case bp::Activation::Linear: return z;
    }
    return z;
}

inline double df(bp::Activation act, double z) {
    switch (act) {
        case bp::Activation::Sigmoid: return f(act, z) * (1.0 - f(act, z));
        case bp::Activation::Tanh: return 1.0 / (std::cosh(z) * std::cosh(z));
        case bp::Activation::Relu: return z > 0 ? 1.0 : 0.0;
        case bp::Activation::Linear: return 1.0;
    }
    return 1.0;
}

struct Sample {
    std::vector<std::vector<double>> z, a;  // z[l][j], a[l][j], l = 0..L (z[0] unused)
};

// Forward pass of one sample.
inline Sample run(const bp::Network& net, const std::vector<double>& x) {
    const int L = net.layer_count();
    Sample s;
    s.z.assign(L + 1, {});
    s.a.assign(L + 1, {});
    s.a[0] = x;
    for (int l = 1; l <= L; ++l) {
        for (int j = 0; j < net.sizes[l]; ++j) {
            double z = net.b[l - 1](j);
            for (int i = 0; i < net.sizes[l - 1]; ++i) z += s.a[l - 1][i] * net.W[l - 1](i, j);
            s.z[l].push_back(z);
            s.a[l].push_back(f(net.activation(l), z));
        }
    }
    return s;
}

inline double loss(bp::Loss kind, double y_hat, double y) {
    if (kind == bp::Loss::Mse) return 0.5 * (y_hat - y) * (y_hat - y);
    return -(y * std::log(y_hat) + (1.0 - y) * std::log(1.0 - y_hat));
}

// Mean loss over a batch of inputs xs with targets ys.
inline double batch_loss(const bp::Network& net, bp::Loss kind, const std::vector<std::vector<double>>& xs,
                         const std::vector<double>& ys) {
    double total = 0.0;
    for (size_t s = 0; s < xs.size(); ++s) total += loss(kind, run(net, xs[s]).a.back()[0], ys[s]);
    return total / xs.size();
}

// dL/dW^l and dL/db^l averaged over the batch, as nested vectors: gw[l-1][i][j], gb[l-1][j].
struct Grad {
    std::vector<std::vector<std::vector<double>>> w;
    std::vector<std::vector<double>> b;
};

inline Grad batch_gradient(const bp::Network& net, bp::Loss kind, const std::vector<std::vector<double>>& xs,
                           const std::vector<double>& ys) {
    const int L = net.layer_count();
    Grad g;
    for (int l = 1; l <= L; ++l) {
        g.w.emplace_back(net.sizes[l - 1], std::vector<double>(net.sizes[l], 0.0));
        g.b.emplace_back(net.sizes[l], 0.0);
    }
    for (size_t s = 0; s < xs.size(); ++s) {
        const Sample fw = run(net, xs[s]);
        const double y_hat = fw.a[L][0];
        // dL/dy-hat straight from the loss formula.
        const double dl = kind == bp::Loss::Mse ? y_hat - ys[s] : -ys[s] / y_hat + (1.0 - ys[s]) / (1.0 - y_hat);
        // dL/da for every neuron, from the output backwards.
        std::vector<std::vector<double>> dA(L + 1);
        dA[L] = {dl};
        for (int l = L; l >= 1; --l) {
            dA[l - 1].assign(net.sizes[l - 1], 0.0);
            for (int j = 0; j < net.sizes[l]; ++j) {
                const double dz = dA[l][j] * df(net.activation(l), fw.z[l][j]);
                g.b[l - 1][j] += dz / xs.size();
                for (int i = 0; i < net.sizes[l - 1]; ++i) {
                    g.w[l - 1][i][j] += dz * fw.a[l - 1][i] / xs.size();
                    dA[l - 1][i] += dz * net.W[l - 1](i, j);
                }
            }
        }
    }
    return g;
}

}  // namespace reference
