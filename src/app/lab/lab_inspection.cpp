// Lab: what the views inspect. The point or batch sample whose values they show, the selected
// parameter and its chain rule, and the network those values were computed with.
#include <algorithm>
#include <cmath>

#include "app/lab/lab.h"

namespace bp {

void Lab::set_inspected_point(int index) {
    inspected_ = {false, index};
    changed();
}

std::string Lab::inspect_batch_sample(int row) {
    const int rows = static_cast<int>(trainer_.last_batch().size());
    if (row < 0 || row >= rows)
        return rows == 0 ? "there is no last batch yet: take a step first"
                         : "the last batch has samples 1 to " + std::to_string(rows);
    inspected_ = {true, row};
    changed();
    return "";
}

std::string Lab::select(const Selection& s) {
    if (auto error = validate_selection(s); !error.empty()) return error;
    selection_ = s;
    if (s.is_bias) selection_.i = 0;
    changed();
    return "";
}

std::string Lab::validate_selection(const Selection& s) const {
    const Network& net = trainer_.network();
    if (s.layer < 1 || s.layer > net.layer_count())
        return "the layer must be 1 to " + std::to_string(net.layer_count());
    if (s.j < 0 || s.j >= net.sizes[s.layer])
        return "layer " + std::to_string(s.layer) + " has neurons 1 to " + std::to_string(net.sizes[s.layer]);
    if (!s.is_bias && (s.i < 0 || s.i >= net.sizes[s.layer - 1]))
        return "layer " + std::to_string(s.layer - 1) + " has neurons 1 to " + std::to_string(net.sizes[s.layer - 1]);
    return "";
}

bool Lab::inspecting_batch() const {
    return inspected_.from_batch && inspected_.index < static_cast<int>(trainer_.last_batch().size());
}

int Lab::inspected_point() const {
    if (inspecting_batch()) return trainer_.last_batch()[inspected_.index];
    const int n = static_cast<int>(trainer_.points().size());
    if (n == 0) return -1;
    return inspected_.from_batch ? 0 : std::clamp(inspected_.index, 0, n - 1);
}

const Network& Lab::inspected_network() const {
    return inspecting_batch() ? trainer_.pass_network() : trainer_.network();
}

namespace {
// One parameter's entry of a parameter-shaped block (a gradient or an optimizer's state).
double entry(const std::vector<Matrix>& W, const std::vector<RowVector>& b, const Selection& s) {
    return s.is_bias ? b[s.layer - 1](s.j) : W[s.layer - 1](s.i, s.j);
}
double entry(const Gradients& g, const Selection& s) { return entry(g.dW, g.db, s); }
}  // namespace

ParameterUpdate Lab::last_update(const Selection& s) const {
    const Trainer& t = trainer_;
    ParameterUpdate u;
    u.before = entry(t.pass_network().W, t.pass_network().b, s);
    u.gradient = entry(t.gradients(), s);
    u.after = entry(t.network().W, t.network().b, s);
    u.penalty_gradient = s.is_bias ? 0.0 : penalty_gradient(u.before, t.settings().regularization);
    u.data_gradient = u.gradient - u.penalty_gradient;
    const OptimizerSettings& o = t.settings().optimizer;
    const OptimizerState &was = t.previous_optimizer_state(), &is = t.optimizer_state();
    if (o.kind == OptimizerKind::Momentum && state_fits(was, t.network(), o.kind)) {
        u.velocity = entry(was.velocity, s);
        u.velocity_after = entry(is.velocity, s);
    } else if (o.kind == OptimizerKind::Adam && state_fits(was, t.network(), o.kind) && is.t > 0) {
        // The update again from the state before it, as apply_optimizer() made it: the same numbers.
        u.t = is.t;
        u.first = entry(was.first, s);
        u.second = entry(was.second, s);
        const AdamUpdate a = adam_update(u.before, u.gradient, u.first, u.second, adam_step(t.settings().learning_rate, o, u.t));
        u.first_after = a.first;
        u.second_after = a.second;
        u.first_hat = a.first_hat;
        u.second_hat = a.second_hat;
    }
    return u;
}

double Lab::sample_gradient(const Selection& s, int row) const {
    const Pass& pass = trainer_.last_pass();
    // dL/dw^l_ij = a^{l-1}_i delta^l_j for that sample, dL/db^l_j = delta^l_j
    return pass.delta[s.layer](row, s.j) * (s.is_bias ? 1.0 : pass.a[s.layer - 1](row, s.i));
}

ChainRule Lab::chain_rule_for(const Selection& selection, bool rank_all) const {
    const Pass& pass = inspected_pass();
    const Network& net = inspected_network();
    const Selection s = validate_selection(selection).empty() ? selection : Selection{};
    if (pass.rows == 0) return ChainRule{};
    return expand_paths(net, trainer_.settings().loss, pass, s.layer, s.i, s.j, s.is_bias, kMaxListedPaths, rank_all);
}

ChainPath Lab::chain_path(size_t rank) const {
    return ranked_path(inspected_network(), trainer_.settings().loss, inspected_pass(), chain_rule(), rank);
}

const Pass& Lab::inspected_pass() const {
    return inspected_pass_.get(state_key(), [&](Pass& pass) {
        const Network& net = inspected_network();
        if (!pass.fits(net, 1)) pass.reserve(net, 1);
        const int k = inspected_point();
        pass.rows = k < 0 ? 0 : 1;
        if (k < 0) return;
        const Point& p = trainer_.points()[k];
        const auto& features = trainer_.settings().features;
        for (size_t f = 0; f < features.size(); ++f) pass.a[0](0, f) = feature_value(features[f], p.x1, p.x2);
        pass.y(0) = p.y;
        forward(net, pass);
        inspected_grad_.resize_like(net);
        backward(net, trainer_.settings().loss, pass, inspected_grad_);  // delta of every layer
    });
}

}  // namespace bp
