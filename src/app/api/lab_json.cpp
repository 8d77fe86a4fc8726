// The lab's state, points and gradients as JSON, and the point reader.
#include "app/api/lab_json.h"

#include <cmath>

#include "app/api/chain_rule_json.h"
#include "app/lab/settings_json.h"

namespace bp {

using nlohmann::json;

namespace {

json point_json(const Point& p, const std::vector<Feature>& features) {
    json f = json::array();
    for (Feature feature : features) f.push_back(feature_value(feature, p.x1, p.x2));
    return {{"x", {p.x1, p.x2}}, {"features", f}, {"y", p.y}, {"test", p.test}};
}

json locks_json(const Lab& lab) {
    json locks = json::array();
    for (Lab::Lock lock : kAllLockKinds)
        if (lab.locked(lock)) locks.push_back(lock_name(lock));
    return locks;
}

}  // namespace

json points_json(const Lab& lab) {
    json points = json::array();
    for (const Point& p : lab.trainer().points()) points.push_back(point_json(p, lab.settings().features));
    return points;
}

// The optimizer's per-parameter state, each part laid out as parameters_json: {} for SGD,
// {velocity} for momentum, {step, firstMoment, secondMoment} for Adam.
json optimizer_state_json(OptimizerKind kind, const OptimizerState& s) {
    switch (kind) {
        case OptimizerKind::Sgd: break;
        case OptimizerKind::Momentum: return {{"velocity", parameters_json(s.velocity.dW, s.velocity.db)}};
        case OptimizerKind::Adam:
            return {{"step", s.t},
                    {"firstMoment", parameters_json(s.first.dW, s.first.db)},
                    {"secondMoment", parameters_json(s.second.dW, s.second.db)}};
    }
    return json::object();
}

json state_json(const Lab& lab) {
    const Trainer& t = lab.trainer();
    json history = json::array();
    for (const LossSample& h : t.history().samples())
        history.push_back({{"step", h.step}, {"loss", h.loss}, {"testLoss", std::isnan(h.test_loss) ? json(nullptr) : json(h.test_loss)}});
    json state = settings_json(t.settings());  // layers, activations, loss, ... as configure() takes them
    state.update(parameters_json(t.network().W, t.network().b));
    state.update({{"step", t.step_count()},
                  {"epoch", t.epoch_count()},
                  {"samplesSeen", t.samples_seen()},
                  {"lossHistory", history},
                  {"trainingLoss", lab.training_loss()},
                  {"dataLoss", lab.training_data_loss()},
                  {"penalty", t.penalty()},
                  {"optimizerState", optimizer_state_json(t.settings().optimizer.kind, t.optimizer_state())},
                  {"testLoss", std::isnan(t.test_loss()) ? json(nullptr) : json(t.test_loss())},
                  {"points", points_json(lab)},
                  {"playing", lab.playing()},
                  {"speed", lab.speed()},
                  {"display", {{"discretize", lab.display().discretize}, {"showTestPoints", lab.display().show_test_points}}},
                  {"phase", phase_name(t.phase().phase)},
                  {"selection", inspection_json(lab)},
                  {"locks", locks_json(lab)},
                  {"error", t.error().empty() ? json(nullptr) : json(t.error())}});
    return state;
}

json gradients_json(const Lab& lab) {
    return parameters_json(lab.trainer().gradients().dW, lab.trainer().gradients().db);
}

std::string read_point(const json& spec, Point& p, bool all_required) {
    if (!spec.is_object()) return "a point is {x: [x1, x2], y}";
    // As configure() does, a key the lab does not know is refused, not ignored (it may be a typo).
    // `features` is what points() gives with each point; the lab computes them from x.
    json own = spec;
    own.erase("features");
    if (auto error = unknown_key(own, "a point", "x, y, test"); !error.empty()) return error;
    if (spec.contains("x")) {
        const json& x = spec["x"];
        if (!x.is_array() || x.size() != 2 || !x[0].is_number() || !x[1].is_number()) return "x must be [x1, x2]";
        p.x1 = x[0].get<double>();
        p.x2 = x[1].get<double>();
    } else if (all_required) {
        return "a point needs x: [x1, x2]";
    }
    if (spec.contains("y")) {
        if (auto error = read_number(spec["y"], "y", p.y); !error.empty()) return error;
    } else if (all_required) {
        return "a point needs its target y";
    }
    if (spec.contains("test")) {
        if (!spec["test"].is_boolean()) return "test must be true or false";
        p.test = spec["test"].get<bool>();
    }
    return "";
}

}  // namespace bp
