// The chain rule, phases and pass as JSON, and the factor symbols the inspector also draws.
#include "app/chain_rule_json.h"

#include <cmath>

#include "app/glyphs.h"

namespace bp {

using nlohmann::json;

std::string parameter_symbol(const Selection& s) {
    return s.is_bias ? bias_symbol(s.layer - 1, s.j) : weight_symbol(s.layer - 1, s.i, s.j);
}

std::string factor_symbol(const Network& net, const PathFactor& f, bool is_bias, int param_layer) {
    const int L = net.layer_count();
    auto z = [](int m, int k) { return neuron_symbol("z", m, k); };
    auto a = [&](int m, int k) { return m == L ? std::string("\u0177") : neuron_symbol("a", m, k); };
    const std::string d = "\u2202";
    switch (f.kind) {
        case PathFactor::LossByOutput: return d + "L/" + d + "\u0177";
        case PathFactor::ActivationByInput: return d + a(f.layer, f.to) + "/" + d + z(f.layer, f.to);
        case PathFactor::InputByActivation: return d + z(f.layer, f.to) + "/" + d + neuron_symbol("a", f.layer - 1, f.from);
        case PathFactor::InputByParameter:
            return d + z(f.layer, f.to) + "/" + d +
                   (is_bias ? bias_symbol(param_layer - 1, f.to) : weight_symbol(param_layer - 1, f.from, f.to));
    }
    return "?";
}

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
                          {"bias", s.is_bias}, {"symbol", parameter_symbol(s)}}}};
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
    out["parameter"] = parameter_symbol({r.layer, r.i, r.j, r.is_bias});
    out["paths"] = paths;
    out["pathCount"] = r.path_count;
    out["sum"] = r.sum;
    out["backprop"] = r.backprop;
    out["numeric"] = r.numeric;
    out["relativeError"] = std::fabs(r.backprop - r.numeric) / scale;
    // The update of this parameter in the last step: w' = w - alpha * (batch mean of dL/dw).
    const Trainer& t = lab.trainer();
    if (t.step_count() > 0 && !t.mid_step() && t.last_pass().rows > 0) {
        const Selection s{r.layer, r.i, r.j, r.is_bias};
        const ParameterUpdate u = lab.last_update(s);
        json per_sample = json::array();
        for (int row = 0; row < t.last_pass().rows; ++row) per_sample.push_back(lab.sample_gradient(s, row));
        out["update"] = {{"before", u.before}, {"gradient", u.gradient}, {"learningRate", t.settings().learning_rate},
                         {"after", u.after}, {"perSample", per_sample}};
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
