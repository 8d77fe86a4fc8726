// The chain rule, phases and pass as JSON.
#include "app/api/chain_rule_json.h"

#include <cmath>

#include "app/notation/chain_rule_symbols.h"

namespace bp {

using nlohmann::json;

json inspection_json(const Lab& lab) {
    const Inspected& in = lab.inspected();
    const int k = lab.inspected_point();
    json sample = {{"source", lab.inspecting_batch() ? "batch" : "point"},
                   {"batchSample", lab.inspecting_batch() ? json(in.index + 1) : json(nullptr)},
                   {"pointIndex", k >= 0 ? json(k) : json(nullptr)}};
    if (k >= 0) {
        const Point& p = lab.trainer().points()[k];
        sample["x"] = {p.x1, p.x2};
        sample["y"] = p.y;
    }
    const Selection& s = lab.selection();
    return {{"sample", sample},
            {"selected", {{"layer", s.layer}, {"i", s.is_bias ? json(nullptr) : json(s.i + 1)}, {"j", s.j + 1},
                          {"bias", s.is_bias}, {"symbol", parameter_symbol(s.layer, s.i, s.j, s.is_bias)}}}};
}

json chain_rule_json(const Lab& lab, const ChainRule& r) {
    const Network& net = lab.inspected_network();
    json paths = json::array();
    for (const ChainPath& p : r.paths) {
        json nodes = json::array(), factors = json::array();
        for (size_t m = 0; m < p.neurons.size(); ++m) nodes.push_back({{"layer", r.layer + static_cast<int>(m)}, {"neuron", p.neurons[m] + 1}});
        for (const PathFactor& f : p.factors) factors.push_back({{"symbol", factor_symbol(net, f, r.is_bias, r.layer)}, {"value", f.value}});
        paths.push_back({{"nodes", nodes}, {"factors", factors}, {"product", p.product}});
    }
    const double scale = std::max({std::fabs(r.backprop), std::fabs(r.numeric), 1e-12});
    json out = inspection_json(lab);
    out["parameter"] = parameter_symbol(r.layer, r.i, r.j, r.is_bias);
    out["paths"] = paths;
    out["pathCount"] = r.path_count;
    out["sum"] = r.sum;
    out["backprop"] = r.backprop;
    out["numeric"] = r.numeric;
    out["relativeError"] = std::fabs(r.backprop - r.numeric) / scale;
    // At a ReLU kink inside [w - h, w + h] the central difference is no check: say so, with both slopes.
    out["numericKink"] = r.numeric_kink;
    out["numericLeft"] = r.numeric_left;
    out["numericRight"] = r.numeric_right;
    if (r.numeric_kink) out["kink"] = {{"layer", r.kink_layer}, {"neuron", r.kink_neuron + 1}};
    // The update of this parameter in the last step: w' = w - alpha * (batch mean of dL/dw + the
    // penalty's part) for SGD, or the momentum or Adam rule.
    const Trainer& t = lab.trainer();
    if (t.step_count() > 0 && !t.mid_step() && t.last_pass().rows > 0) {
        const Selection s{r.layer, r.i, r.j, r.is_bias};
        const ParameterUpdate u = lab.last_update(s);
        json per_sample = json::array();
        for (int row = 0; row < t.last_pass().rows; ++row) per_sample.push_back(lab.sample_gradient(s, row));
        // gradient = dataGradient + penaltyGradient (the total loss's); the optimizer's rule and state follow.
        const OptimizerSettings& o = t.settings().optimizer;
        json update = {{"before", u.before},
                       {"gradient", u.gradient},
                       {"dataGradient", u.data_gradient},
                       {"penaltyGradient", u.penalty_gradient},
                       {"learningRate", t.settings().learning_rate},
                       {"after", u.after},
                       {"perSample", per_sample},
                       {"optimizer", optimizer_name(o.kind)}};
        if (o.kind == OptimizerKind::Momentum)
            update.update({{"beta", o.beta}, {"velocity", u.velocity}, {"velocityAfter", u.velocity_after}});
        if (o.kind == OptimizerKind::Adam)
            update.update({{"beta1", o.beta1}, {"beta2", o.beta2}, {"epsilon", o.epsilon}, {"t", u.t},
                           {"firstMoment", u.first}, {"firstMomentAfter", u.first_after},
                           {"secondMoment", u.second}, {"secondMomentAfter", u.second_after},
                           {"firstMomentCorrected", u.first_hat}, {"secondMomentCorrected", u.second_hat}});
        out["update"] = update;
    }
    return out;
}

json phase_json(const Lab& lab) {
    const StepPhase p = lab.trainer().phase();
    return {{"phase", phase_name(p.phase)},
            {"layer", p.layer == 0 ? json(nullptr) : json(p.layer)},
            {"step", lab.trainer().step_count()}};
}

json pass_json(const Lab& lab) {
    const Trainer& t = lab.trainer();
    const Pass& pass = t.last_pass();
    const int L = t.network().layer_count();
    auto rows = [&](const Matrix& m) {
        json out = json::array();
        for (int s = 0; s < pass.rows; ++s) {
            json row = json::array();
            for (Eigen::Index c = 0; c < m.cols(); ++c) row.push_back(m(s, c));
            out.push_back(row);
        }
        return out;
    };
    json z = json::array(), a = json::array(), delta = json::array(), batch = json::array(), y = json::array(),
         loss = json::array();
    for (int l = 0; l <= L && l < static_cast<int>(pass.a.size()); ++l) {
        a.push_back(rows(pass.a[l]));
        if (l > 0) {
            z.push_back(rows(pass.z[l]));
            delta.push_back(rows(pass.delta[l]));
        }
    }
    for (int s = 0; s < pass.rows; ++s) {
        batch.push_back(t.last_batch()[s]);
        y.push_back(pass.y(s));
        loss.push_back(pass.loss(s));
    }
    json out = phase_json(lab);
    out.update({{"rows", pass.rows}, {"batch", batch}, {"y", y}, {"loss", loss}, {"a", a}, {"z", z}, {"delta", delta}});
    return out;
}

}  // namespace bp
