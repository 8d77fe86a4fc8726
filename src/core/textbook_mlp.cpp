// The textbook MLP: scalar loops over samples s, neurons i of layer l-1 and j of layer l.
#include "core/textbook_mlp.h"

#include <cmath>

namespace bp::textbook {

double f(Activation act, double z) {
    switch (act) {
        case Activation::Sigmoid: return 1.0 / (1.0 + std::exp(-z));  // σ(z)
        case Activation::Tanh: return std::tanh(z);
        case Activation::Relu: return z > 0.0 ? z : 0.0;               // max(z, 0)
        case Activation::Linear: return z;
    }
    return z;
}

double f_prime(Activation act, double z) {
    switch (act) {
        case Activation::Sigmoid: return f(act, z) * (1.0 - f(act, z));  // σ(1 - σ)
        case Activation::Tanh: return 1.0 - std::tanh(z) * std::tanh(z);  // 1 - tanh²
        case Activation::Relu: return z > 0.0 ? 1.0 : 0.0;               // the step; 0 at z = 0
        case Activation::Linear: return 1.0;
    }
    return 1.0;
}

Activations forward(const Network& net, const std::vector<double>& x) {
    const int L = net.layer_count();
    Activations s;
    s.z.assign(L + 1, {});
    s.a.assign(L + 1, {});
    s.a[0] = x;  // a^0 = x
    for (int l = 1; l <= L; ++l)
        for (int j = 0; j < net.sizes[l]; ++j) {
            double z = net.b[l - 1](j);  // z^l_j = Σ_i a^{l-1}_i w^l_ij + b^l_j
            for (int i = 0; i < net.sizes[l - 1]; ++i) z += s.a[l - 1][i] * net.W[l - 1](i, j);
            s.z[l].push_back(z);
            s.a[l].push_back(f(net.activation(l), z));  // a^l_j = f_l(z^l_j)
        }
    return s;
}

double loss(Loss kind, double y_hat, double y) {
    if (kind == Loss::Mse) return 0.5 * (y_hat - y) * (y_hat - y);  // ½ (ŷ - y)²
    return -(y * std::log(y_hat) + (1.0 - y) * std::log(1.0 - y_hat));  // -[y log ŷ + (1-y) log(1-ŷ)]
}

double batch_loss(const Network& net, Loss kind, const std::vector<std::vector<double>>& xs,
                  const std::vector<double>& ys) {
    double total = 0.0;
    for (size_t s = 0; s < xs.size(); ++s) total += loss(kind, forward(net, xs[s]).a.back()[0], ys[s]);
    return total / xs.size();  // L = (1/n) Σ_s L_s
}

Gradient batch_gradient(const Network& net, Loss kind, const std::vector<std::vector<double>>& xs,
                        const std::vector<double>& ys) {
    const int L = net.layer_count();
    const double n = static_cast<double>(xs.size());
    Gradient g;
    for (int l = 1; l <= L; ++l) {
        g.w.emplace_back(net.sizes[l - 1], std::vector<double>(net.sizes[l], 0.0));
        g.b.emplace_back(net.sizes[l], 0.0);
    }
    for (size_t s = 0; s < xs.size(); ++s) {
        const Activations fw = forward(net, xs[s]);
        const double y_hat = fw.a[L][0], y = ys[s];
        // dL/dŷ from the loss formula: ŷ - y (mse), -y/ŷ + (1-y)/(1-ŷ) (bce).
        const double dl_dyhat = kind == Loss::Mse ? y_hat - y : -y / y_hat + (1.0 - y) / (1.0 - y_hat);
        std::vector<std::vector<double>> delta(L + 1);  // delta^l_j = dL/dz^l_j
        delta[L] = {dl_dyhat * f_prime(net.output, fw.z[L][0])};  // delta^L = dL/dŷ · f_L'(z^L)
        for (int l = L - 1; l >= 1; --l) {
            delta[l].assign(net.sizes[l], 0.0);
            for (int i = 0; i < net.sizes[l]; ++i) {  // delta^l_i = (Σ_j w^{l+1}_ij delta^{l+1}_j) f_l'(z^l_i)
                for (int j = 0; j < net.sizes[l + 1]; ++j) delta[l][i] += net.W[l](i, j) * delta[l + 1][j];
                delta[l][i] *= f_prime(net.activation(l), fw.z[l][i]);
            }
        }
        for (int l = 1; l <= L; ++l)
            for (int j = 0; j < net.sizes[l]; ++j) {
                g.b[l - 1][j] += delta[l][j] / n;  // dL/db^l_j = (1/n) Σ_s delta^l_j
                for (int i = 0; i < net.sizes[l - 1]; ++i)
                    g.w[l - 1][i][j] += fw.a[l - 1][i] * delta[l][j] / n;  // dL/dw^l_ij = (1/n) Σ_s a^{l-1}_i delta^l_j
            }
    }
    return g;
}

}  // namespace bp::textbook
