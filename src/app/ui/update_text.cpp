// The update's rule with its numbers, line by line.
#include "app/ui/update_text.h"

#include "app/notation/number_text.h"

namespace bp {

namespace {

// A number as a factor: negative ones in parentheses, so "− α × (−0.2)" reads right.
std::string factor(double v, int digits = 6) {
    const std::string text = number_text(v, digits);
    return v < 0 ? "(" + text + ")" : text;
}

const char* kMinus = " \u2212 ";
const char* kTimes = " \u00d7 ";

}  // namespace

std::vector<std::string> update_lines(const std::string& p, const ParameterUpdate& u, const TrainingSettings& s, bool bias) {
    std::vector<std::string> lines;
    const Regularization& reg = s.regularization;
    const bool penalised = reg.on() && !bias;
    const std::string alpha = factor(s.learning_rate);
    const std::string term = reg.kind == RegularizationKind::L1 ? "\u03bb\u00b7sign(" + p + ")" : "\u03bb\u00b7" + p;
    const std::string term_numbers =
        factor(reg.rate) + kTimes + (reg.kind == RegularizationKind::L1 ? factor((u.before > 0) - (u.before < 0), 1) : factor(u.before));
    const std::string g_symbol = "\u2202L/\u2202" + p;
    const OptimizerSettings& o = s.optimizer;
    if (o.kind == OptimizerKind::Sgd) {
        if (!penalised) {
            lines.push_back("update: " + p + "' = " + p + kMinus + "\u03b1\u00b7" + g_symbol + " = " + factor(u.before) + kMinus +
                            alpha + kTimes + factor(u.gradient) + " = " + factor(u.after));
        } else {
            lines.push_back("update: " + p + "' = " + p + kMinus + "\u03b1(" + g_symbol + " + " + term + ") = " +
                            factor(u.before) + kMinus + alpha + kTimes + "(" + factor(u.data_gradient) + " + " + term_numbers +
                            ") = " + factor(u.after));
        }
        return lines;
    }
    // Momentum and Adam take g, the total loss's gradient: first say what it is made of.
    if (penalised)
        lines.push_back("g = " + g_symbol + " + " + term + " = " + factor(u.data_gradient) + " + " + term_numbers + " = " +
                        factor(u.gradient));
    else
        lines.push_back("g = " + g_symbol + " = " + factor(u.gradient));
    if (o.kind == OptimizerKind::Momentum) {
        lines.push_back("v' = \u03b2v + g = " + factor(o.beta) + kTimes + factor(u.velocity) + " + " + factor(u.gradient) +
                        " = " + factor(u.velocity_after));
        lines.push_back("update: " + p + "' = " + p + kMinus + "\u03b1v' = " + factor(u.before) + kMinus + alpha + kTimes +
                        factor(u.velocity_after) + " = " + factor(u.after));
        return lines;
    }
    const std::string t = std::to_string(u.t);
    lines.push_back("m' = \u03b2\u2081m + (1 \u2212 \u03b2\u2081)g = " + factor(o.beta1) + kTimes + factor(u.first) + " + " +
                    factor(1.0 - o.beta1) + kTimes + factor(u.gradient) + " = " + factor(u.first_after));
    lines.push_back("v' = \u03b2\u2082v + (1 \u2212 \u03b2\u2082)g\u00b2 = " + factor(o.beta2) + kTimes + factor(u.second) + " + " +
                    factor(1.0 - o.beta2) + kTimes + factor(u.gradient) + "\u00b2 = " + factor(u.second_after));
    lines.push_back("bias-corrected (t = " + t + "): m'/(1 \u2212 \u03b2\u2081\u1d57) = " + factor(u.first_hat) +
                    ",  v'/(1 \u2212 \u03b2\u2082\u1d57) = " + factor(u.second_hat));
    lines.push_back("update: " + p + "' = " + p + kMinus + "\u03b1\u00b7[m'/(1 \u2212 \u03b2\u2081\u1d57)] / (\u221a[v'/(1 \u2212 \u03b2\u2082\u1d57)] + \u03b5) = " +
                    factor(u.before) + kMinus + alpha + kTimes + factor(u.first_hat) + " / (\u221a" + factor(u.second_hat) + " + " +
                    number_text(o.epsilon, 2) + ") = " + factor(u.after));
    return lines;
}

std::string optimizer_state_text(const Trainer& t, const Selection& s) {
    const OptimizerState& state = t.optimizer_state();
    const auto at = [&](const Gradients& g) { return s.is_bias ? g.db[s.layer - 1](s.j) : g.dW[s.layer - 1](s.i, s.j); };
    switch (t.settings().optimizer.kind) {
        case OptimizerKind::Sgd: return "";
        case OptimizerKind::Momentum:
            if (state.velocity.dW.empty()) return "";
            return "momentum: velocity v = " + number_text(at(state.velocity), 6);
        case OptimizerKind::Adam:
            if (state.first.dW.empty()) return "";
            return "Adam: m = " + number_text(at(state.first), 6) + ",  v = " + number_text(at(state.second), 6) +
                   "  (t = " + std::to_string(state.t) + ")";
    }
    return "";
}

}  // namespace bp
