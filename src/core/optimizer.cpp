// Optimizers: SGD, SGD with momentum and Adam, parameter by parameter.
#include "core/optimizer.h"

#include <cmath>

#include "core/named_values.h"

namespace bp {

const char* optimizer_name(OptimizerKind kind) {
    switch (kind) {
        case OptimizerKind::Sgd: return "sgd";
        case OptimizerKind::Momentum: return "momentum";
        case OptimizerKind::Adam: return "adam";
    }
    return "?";
}

std::optional<OptimizerKind> parse_optimizer(const std::string& name) { return value_named(kAllOptimizers, optimizer_name, name); }

std::string validate(const OptimizerSettings& o) {
    const auto decay = [](double b) { return std::isfinite(b) && b >= 0.0 && b < 1.0; };
    if (!decay(o.beta)) return "momentum's beta must be a number from 0 up to (not including) 1";
    if (!decay(o.beta1)) return "Adam's beta1 must be a number from 0 up to (not including) 1";
    if (!decay(o.beta2)) return "Adam's beta2 must be a number from 0 up to (not including) 1";
    if (!std::isfinite(o.epsilon) || o.epsilon <= 0.0 || o.epsilon > 1.0)
        return "Adam's epsilon must be a number above 0 and at most 1";
    return "";
}

OptimizerState fresh_state(const Network& net, OptimizerKind kind) {
    OptimizerState s;
    if (kind == OptimizerKind::Momentum) {
        s.velocity.resize_like(net);
        s.velocity.set_zero();
    } else if (kind == OptimizerKind::Adam) {
        s.first.resize_like(net);
        s.first.set_zero();
        s.second.resize_like(net);
        s.second.set_zero();
    }
    return s;
}

namespace {
bool shaped_like(const Gradients& g, const Network& net, bool non_negative) {
    if (g.dW.size() != net.W.size() || g.db.size() != net.b.size()) return false;
    for (size_t l = 0; l < net.W.size(); ++l) {
        if (g.dW[l].rows() != net.W[l].rows() || g.dW[l].cols() != net.W[l].cols() || g.db[l].size() != net.b[l].size())
            return false;
        if (!g.dW[l].allFinite() || !g.db[l].allFinite()) return false;
        if (non_negative && (g.dW[l].minCoeff() < 0.0 || (g.db[l].size() > 0 && g.db[l].minCoeff() < 0.0))) return false;
    }
    return true;
}
}  // namespace

bool state_fits(const OptimizerState& s, const Network& net, OptimizerKind kind) {
    switch (kind) {
        case OptimizerKind::Sgd: return s.empty();
        case OptimizerKind::Momentum: return s.t == 0 && s.first.dW.empty() && shaped_like(s.velocity, net, false);
        case OptimizerKind::Adam:
            return s.t >= 0 && s.velocity.dW.empty() && shaped_like(s.first, net, false) && shaped_like(s.second, net, true);
    }
    return false;
}

double power(double x, int64_t n) {
    double result = 1.0;
    for (; n > 0; n >>= 1, x *= x)
        if (n & 1) result *= x;
    return result;
}

MomentumUpdate momentum_update(double w, double g, double v, double alpha, double beta) {
    const double v_new = beta * v + g;  // v' = β v + g
    return {v_new, w - alpha * v_new};  // w' = w − α v'
}

AdamStep adam_step(double alpha, const OptimizerSettings& o, int64_t t) {
    return {alpha, o.beta1, o.beta2, o.epsilon, 1.0 - power(o.beta1, t), 1.0 - power(o.beta2, t)};
}

AdamUpdate adam_update(double w, double g, double m, double v, const AdamStep& a) {
    AdamUpdate u;
    u.first = a.beta1 * m + (1.0 - a.beta1) * g;         // m' = β₁ m + (1 − β₁) g
    u.second = a.beta2 * v + (1.0 - a.beta2) * (g * g);  // v' = β₂ v + (1 − β₂) g²
    u.first_hat = u.first / a.correction1;               // m̂ = m' / (1 − β₁^t)
    u.second_hat = u.second / a.correction2;             // v̂ = v' / (1 − β₂^t)
    u.weight = w - a.alpha * u.first_hat / (std::sqrt(u.second_hat) + a.epsilon);  // w' = w − α m̂ / (√v̂ + ε)
    return u;
}

namespace {
// The same rule over one block of parameters p with gradients g and state blocks.
void momentum_block(double* p, const double* g, double* v, Eigen::Index n, double alpha, double beta) {
    for (Eigen::Index k = 0; k < n; ++k) {
        const MomentumUpdate u = momentum_update(p[k], g[k], v[k], alpha, beta);
        v[k] = u.velocity;
        p[k] = u.weight;
    }
}
void adam_block(double* p, const double* g, double* m, double* v, Eigen::Index n, const AdamStep& step) {
    for (Eigen::Index k = 0; k < n; ++k) {
        const AdamUpdate u = adam_update(p[k], g[k], m[k], v[k], step);
        m[k] = u.first;
        v[k] = u.second;
        p[k] = u.weight;
    }
}
}  // namespace

void apply_optimizer(Network& net, const Gradients& grad, double alpha, const OptimizerSettings& o, OptimizerState& s) {
    switch (o.kind) {
        case OptimizerKind::Sgd: apply_sgd(net, grad, alpha); return;
        case OptimizerKind::Momentum:
            for (int l = 0; l < net.layer_count(); ++l) {
                momentum_block(net.W[l].data(), grad.dW[l].data(), s.velocity.dW[l].data(), net.W[l].size(), alpha, o.beta);
                momentum_block(net.b[l].data(), grad.db[l].data(), s.velocity.db[l].data(), net.b[l].size(), alpha, o.beta);
            }
            return;
        case OptimizerKind::Adam:
            ++s.t;
            const AdamStep step = adam_step(alpha, o, s.t);
            for (int l = 0; l < net.layer_count(); ++l) {
                adam_block(net.W[l].data(), grad.dW[l].data(), s.first.dW[l].data(), s.second.dW[l].data(),
                           net.W[l].size(), step);
                adam_block(net.b[l].data(), grad.db[l].data(), s.first.db[l].data(), s.second.db[l].data(),
                           net.b[l].size(), step);
            }
            return;
    }
}

}  // namespace bp
