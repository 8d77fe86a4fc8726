// Regularization: a penalty on the size of the weights, added to the mean data loss of a batch.
//
//   L1: R(W) = λ Σ_l Σ_ij |w^l_ij|          dR/dw^l_ij = λ sign(w^l_ij)
//   L2: R(W) = λ · ½ Σ_l Σ_ij (w^l_ij)²      dR/dw^l_ij = λ w^l_ij
// The biases are not penalised (as in TensorFlow Playground): dR/db^l_j = 0. The training loss is
// then L = (1/n) Σ_s loss(y-hat_s, y_s) + R(W), and its gradient the data gradient plus dR/dW.
#pragma once

#include <optional>
#include <string>

#include "core/network.h"

namespace bp {

enum class RegularizationKind { None, L1, L2 };
inline constexpr RegularizationKind kAllRegularizations[] = {RegularizationKind::None, RegularizationKind::L1,
                                                             RegularizationKind::L2};
const char* regularization_name(RegularizationKind kind);  // "none", "l1", "l2"
std::optional<RegularizationKind> parse_regularization(const std::string& name);

// The largest rate λ the lab accepts: beyond it the penalty drowns any data loss (which lies within
// a few units) and a step with α = 0.1 already flips every weight's sign.
constexpr double kMaxRegularizationRate = 10.0;

struct Regularization {
    RegularizationKind kind = RegularizationKind::None;
    double rate = 0.001;  // λ (ignored with None; kept so that choosing L1 or L2 again restores it)
    bool on() const { return kind != RegularizationKind::None; }
    bool operator==(const Regularization& o) const { return kind == o.kind && rate == o.rate; }
    bool operator!=(const Regularization& o) const { return !(*this == o); }
};

// R(W) of the network's weights (0 with None).
double penalty(const Network& net, const Regularization& reg);
// dR/dw for one weight w: λ sign(w) (L1), λ w (L2), 0 (None). At w = 0, where |w| has no
// derivative, L1 takes sign(0) = 0 (the subgradient that leaves a zero weight at zero).
double penalty_gradient(double w, const Regularization& reg);
// grad.dW^l += dR/dW^l for layer l (1-based) only: the backward pass adds it as it finishes the layer.
void add_layer_penalty_gradient(const Network& net, const Regularization& reg, int l, Gradients& grad);
// grad.dW += dR/dW for every layer (nothing with None); the biases' gradients are left alone.
void add_penalty_gradient(const Network& net, const Regularization& reg, Gradients& grad);

}  // namespace bp
