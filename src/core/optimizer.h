// Optimizers: how a step turns the gradient g = dL/dw of the total loss into new weights.
//
//   SGD:       w' = w − α g
//   Momentum:  v' = β v + g,   w' = w − α v'                         (v: the velocity, 0 at first)
//   Adam:      m' = β₁ m + (1 − β₁) g,   v' = β₂ v + (1 − β₂) g²      (moments, 0 at first)
//              m̂ = m' / (1 − β₁^t),   v̂ = v' / (1 − β₂^t)             (bias correction, t = 1, 2, ...)
//              w' = w − α m̂ / (√v̂ + ε)
// Every weight and bias is updated on its own with the same rule; the state (v, or m, v and t) has
// the parameters' layout. SGD keeps no state and is the seed's rule, to the bit.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "core/network.h"

namespace bp {

enum class OptimizerKind { Sgd, Momentum, Adam };
inline constexpr OptimizerKind kAllOptimizers[] = {OptimizerKind::Sgd, OptimizerKind::Momentum, OptimizerKind::Adam};
const char* optimizer_name(OptimizerKind kind);  // "sgd", "momentum", "adam"
std::optional<OptimizerKind> parse_optimizer(const std::string& name);

struct OptimizerSettings {
    OptimizerKind kind = OptimizerKind::Sgd;
    double beta = 0.9;       // momentum's β, in [0, 1)
    double beta1 = 0.9;      // Adam's β₁, in [0, 1)
    double beta2 = 0.999;    // Adam's β₂, in [0, 1)
    double epsilon = 1e-8;   // Adam's ε, in (0, 1]
    bool operator==(const OptimizerSettings& o) const {
        return kind == o.kind && beta == o.beta && beta1 == o.beta1 && beta2 == o.beta2 && epsilon == o.epsilon;
    }
    bool operator!=(const OptimizerSettings& o) const { return !(*this == o); }
};
// "" when the settings are usable, else which one is out of its range (and the range).
std::string validate(const OptimizerSettings& o);

// What an optimizer carries from step to step, in the parameters' layout. Momentum uses `velocity`;
// Adam `first` (m), `second` (v) and `t`, the number of Adam steps taken. Unused parts stay empty.
struct OptimizerState {
    Gradients velocity;
    Gradients first, second;
    int64_t t = 0;
    bool empty() const { return velocity.dW.empty() && first.dW.empty() && t == 0; }
};

// A zeroed state for `kind` in the network's layout (SGD: empty).
OptimizerState fresh_state(const Network& net, OptimizerKind kind);
// True when the state has the parts `kind` uses, in the network's shapes, and finite values (v ≥ 0).
bool state_fits(const OptimizerState& state, const Network& net, OptimizerKind kind);

// One parameter's update, written as its equations (the inspector shows these numbers).
struct MomentumUpdate {
    double velocity, weight;  // v', w'
};
MomentumUpdate momentum_update(double w, double g, double v, double alpha, double beta);
// What is common to every parameter of one Adam step: the settings and the bias corrections
// 1 − β₁^t and 1 − β₂^t, with t the step count after this step (1 for the first).
struct AdamStep {
    double alpha, beta1, beta2, epsilon, correction1, correction2;
};
AdamStep adam_step(double alpha, const OptimizerSettings& o, int64_t t);
struct AdamUpdate {
    double first, second, first_hat, second_hat, weight;  // m', v', m̂, v̂, w'
};
AdamUpdate adam_update(double w, double g, double m, double v, const AdamStep& step);
// x^n for n ≥ 0 by repeated squaring: multiplications only, so the same bits on every platform.
double power(double x, int64_t n);

// Updates every weight and bias of `net` with the chosen rule (the state first, for Adam t + 1).
// `state` must fit (fresh_state() for the kind); SGD leaves it alone and is apply_sgd().
void apply_optimizer(Network& net, const Gradients& grad, double learning_rate, const OptimizerSettings& o,
                     OptimizerState& state);

}  // namespace bp
