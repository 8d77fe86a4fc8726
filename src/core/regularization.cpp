// Regularization: the L1 and L2 penalties on the weights and their gradients.
#include "core/regularization.h"

#include <cmath>

#include "core/named_values.h"

namespace bp {

const char* regularization_name(RegularizationKind kind) {
    switch (kind) {
        case RegularizationKind::None: return "none";
        case RegularizationKind::L1: return "l1";
        case RegularizationKind::L2: return "l2";
    }
    return "?";
}

std::optional<RegularizationKind> parse_regularization(const std::string& name) { return value_named(kAllRegularizations, regularization_name, name); }

double penalty(const Network& net, const Regularization& reg) {
    if (!reg.on()) return 0.0;
    double sum = 0.0;  // Σ |w| (L1) or Σ w² (L2), layer by layer, each W^l row by row
    for (const Matrix& W : net.W) {
        const double* w = W.data();
        for (Eigen::Index k = 0; k < W.size(); ++k) sum += reg.kind == RegularizationKind::L1 ? std::fabs(w[k]) : w[k] * w[k];
    }
    // R = λ Σ|w|   or   R = λ · ½ Σ w²
    return reg.kind == RegularizationKind::L1 ? reg.rate * sum : reg.rate * 0.5 * sum;
}

double penalty_gradient(double w, const Regularization& reg) {
    switch (reg.kind) {
        case RegularizationKind::None: return 0.0;
        case RegularizationKind::L1: return reg.rate * static_cast<double>((w > 0.0) - (w < 0.0));  // λ sign(w), sign(0) = 0
        case RegularizationKind::L2: return reg.rate * w;                                         // λ w
    }
    return 0.0;
}

void add_layer_penalty_gradient(const Network& net, const Regularization& reg, int l, Gradients& grad) {
    if (!reg.on()) return;
    const Matrix& W = net.W[l - 1];  // W^l   (n_{l-1} x n_l)
    Matrix& dW = grad.dW[l - 1];     // dL/dW^l, the same shape
    for (Eigen::Index k = 0; k < W.size(); ++k) dW.data()[k] += penalty_gradient(W.data()[k], reg);
}

void add_penalty_gradient(const Network& net, const Regularization& reg, Gradients& grad) {
    for (int l = 1; l <= net.layer_count(); ++l) add_layer_penalty_gradient(net, reg, l, grad);
}

}  // namespace bp
