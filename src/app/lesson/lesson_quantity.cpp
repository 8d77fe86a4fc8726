// Quantities: reading their names, and their values from the lab.
#include "app/lesson/lesson_quantity.h"

#include <cctype>
#include <cmath>

#include "app/lab/lab.h"
#include "app/notation/number_text.h"
#include "core/optimizer.h"
#include "core/prediction.h"

namespace bp {

namespace {

struct Named {
    const char* name;
    Quantity::Kind kind;
};

// The quantities that take no index, as a lesson writes them.
constexpr Named kPlain[] = {
    {"weights", Quantity::Kind::Weights},        {"biases", Quantity::Kind::Biases},
    {"parameters", Quantity::Kind::Parameters},  {"layers", Quantity::Kind::Layers},
    {"points", Quantity::Kind::Points},          {"training points", Quantity::Kind::TrainingPoints},
    {"test points", Quantity::Kind::TestPoints}, {"step", Quantity::Kind::Step},
    {"epoch", Quantity::Kind::Epoch},            {"phase", Quantity::Kind::Phase},
    {"selected", Quantity::Kind::Selected},      {"loss", Quantity::Kind::Loss},
    {"test loss", Quantity::Kind::TestLoss},     {"batch loss", Quantity::Kind::BatchLoss},
    {"alpha", Quantity::Kind::Alpha},            {"batch size", Quantity::Kind::BatchSize},
    {"yhat", Quantity::Kind::Yhat},              {"y", Quantity::Kind::Y},
    {"L", Quantity::Kind::SampleLoss},           {"paths", Quantity::Kind::Paths},
    {"wrong points", Quantity::Kind::WrongPoints}, {"new points", Quantity::Kind::NewPoints},
    {"new wrong points", Quantity::Kind::NewWrongPoints}, {"wrong test points", Quantity::Kind::WrongTestPoints},
    {"stopped", Quantity::Kind::Stopped},
};

// Reads "<digits>" from s at k; false when there is none.
bool read_index(const std::string& s, size_t& k, int& out) {
    if (k >= s.size() || !std::isdigit(static_cast<unsigned char>(s[k]))) return false;
    out = 0;
    while (k < s.size() && std::isdigit(static_cast<unsigned char>(s[k])) && out < 1000) out = out * 10 + (s[k++] - '0');
    return true;
}

// "<layer>_<i><j>" or "<layer>_<i>,<j>" (two indices) or "<layer>_<j>" (one), 1-based as written,
// stored 0-based (the layer stays as written).
bool read_indices(const std::string& s, size_t k, int count, int& layer, int& i, int& j) {
    if (!read_index(s, k, layer) || k >= s.size() || s[k] != '_') return false;
    const std::string rest = s.substr(k + 1);
    if (rest.empty()) return false;
    for (char c : rest)
        if (!std::isdigit(static_cast<unsigned char>(c)) && c != ',') return false;
    int first = 0, second = 0;
    const size_t comma = rest.find(',');
    if (count == 1) {
        if (comma != std::string::npos) return false;
        size_t at = 0;
        read_index(rest, at, second);
        j = second - 1;
        return second >= 1;
    }
    if (comma != std::string::npos) {
        size_t at = 0;
        if (!read_index(rest, at, first) || at != comma) return false;
        ++at;
        if (!read_index(rest, at, second) || at != rest.size()) return false;
    } else {
        if (rest.size() != 2) return false;  // w1_123 is ambiguous: w1_1,23 or w1_12,3
        first = rest[0] - '0';
        second = rest[1] - '0';
    }
    i = first - 1;
    j = second - 1;
    return first >= 1 && second >= 1;
}

bool starts_with(const std::string& s, const char* prefix, std::string& rest) {
    const std::string p(prefix);
    if (s.compare(0, p.size(), p) != 0) return false;
    rest = s.substr(p.size());
    return true;
}

// "w1_11" or "b2_1" into q's parameter fields.
bool read_parameter(const std::string& s, Quantity& q) {
    if (s.size() < 2) return false;
    if (s[0] == 'w') return read_indices(s, 1, 2, q.layer, q.i, q.j) && (q.is_bias = false, true);
    if (s[0] == 'b') return read_indices(s, 1, 1, q.layer, q.i, q.j) && (q.i = 0, q.is_bias = true, true);
    return false;
}

Selection selection_of(const Quantity& q) { return {q.layer, q.i, q.j, q.is_bias}; }

std::string ascii_parameter(const Selection& s) {
    if (s.is_bias) return "b" + std::to_string(s.layer) + "_" + std::to_string(s.j + 1);
    const bool comma = s.i >= 9 || s.j >= 9;
    return "w" + std::to_string(s.layer) + "_" + std::to_string(s.i + 1) + (comma ? "," : "") + std::to_string(s.j + 1);
}

QuantityValue number(double v) { return {true, v, "", ""}; }
QuantityValue text(std::string t) { return {true, 0.0, std::move(t), ""}; }
QuantityValue none(std::string why) { return {false, 0.0, "", std::move(why)}; }

std::string phase_text(const StepPhase& p) {
    std::string t = phase_name(p.phase);
    if (p.phase == Phase::Forward || p.phase == Phase::Backward) t += " " + std::to_string(p.layer);
    return t;
}

// True once the current step (or the last one) has computed the batch gradient of layer `layer`.
bool batch_gradient_known(const Lab& lab, int layer) {
    const Trainer& t = lab.trainer();
    const StepPhase p = t.phase();
    switch (p.phase) {
        case Phase::Backward: return p.layer <= layer;
        case Phase::Update: return true;
        case Phase::Ready: return t.step_count() > 0;
        case Phase::Forward:
        case Phase::Loss: return false;
    }
    return false;
}

double batch_gradient(const Lab& lab, const Quantity& q) {
    const Gradients& g = lab.trainer().gradients();
    return q.is_bias ? g.db[q.layer - 1](q.j) : g.dW[q.layer - 1](q.i, q.j);
}

double used_value(const Lab& lab, const Quantity& q) {  // the parameter as the step used it
    const Network& n = lab.trainer().pass_network();
    return q.is_bias ? n.b[q.layer - 1](q.j) : n.W[q.layer - 1](q.i, q.j);
}

// The parameter after the step's update: the chosen optimizer's rule (core/optimizer.h) on the
// gradient g, from the weights and the optimizer state the step began with.
double updated_value(const Lab& lab, const Quantity& q, double g) {
    const Trainer& t = lab.trainer();
    const double w = used_value(lab, q), alpha = t.settings().learning_rate;
    const OptimizerSettings& o = t.settings().optimizer;
    const OptimizerState& state = t.previous_optimizer_state();
    const auto at = [&](const Gradients& m) { return q.is_bias ? m.db[q.layer - 1](q.j) : m.dW[q.layer - 1](q.i, q.j); };
    switch (o.kind) {
        case OptimizerKind::Momentum: return momentum_update(w, g, at(state.velocity), alpha, o.beta).weight;
        case OptimizerKind::Adam:
            return adam_update(w, g, at(state.first), at(state.second), adam_step(alpha, o, state.t + 1)).weight;
        case OptimizerKind::Sgd: break;
    }
    return w - alpha * g;  // w' = w − α g
}

bool wrong(const Trainer& t, const Point& p) { return (predict(t.network(), t.settings().features, p.x1, p.x2) >= 0.5) != (p.y >= 0.5); }

// The points from index `from` on that the network gets wrong: training points, or test points.
QuantityValue count_wrong(const Lab& lab, size_t from, bool test = false) {
    const Trainer& t = lab.trainer();
    if (is_regression(t.settings().dataset)) return none("the data set is a regression: no point is right or wrong");
    int n = 0;
    for (size_t k = from; k < t.points().size(); ++k)
        if (t.points()[k].test == test && wrong(t, t.points()[k])) ++n;
    return number(n);
}

}  // namespace

bool parse_quantity(const std::string& name, Quantity& out, std::string& error) {
    Quantity q;
    for (const Named& n : kPlain)
        if (name == n.name) {
            q.kind = n.kind;
            out = q;
            return true;
        }
    std::string rest;
    bool ok = false;
    if (starts_with(name, "batch dL/d", rest)) ok = (q.kind = Quantity::Kind::BatchGradient, read_parameter(rest, q));
    else if (starts_with(name, "dL/d", rest)) ok = (q.kind = Quantity::Kind::Gradient, read_parameter(rest, q));
    else if (starts_with(name, "updated ", rest)) ok = (q.kind = Quantity::Kind::Updated, read_parameter(rest, q));
    else if (starts_with(name, "direction ", rest)) ok = (q.kind = Quantity::Kind::Direction, read_parameter(rest, q));
    else if (starts_with(name, "path ", rest)) {
        size_t k = 0;
        ok = read_index(rest, k, q.path) && k == rest.size() && q.path >= 1;
        q.kind = Quantity::Kind::Path;
    } else if (starts_with(name, "delta", rest)) ok = (q.kind = Quantity::Kind::Delta, read_indices(rest, 0, 1, q.layer, q.i, q.j));
    else if (starts_with(name, "z", rest)) ok = (q.kind = Quantity::Kind::Z, read_indices(rest, 0, 1, q.layer, q.i, q.j));
    else if (starts_with(name, "a", rest)) ok = (q.kind = Quantity::Kind::A, read_indices(rest, 0, 1, q.layer, q.i, q.j));
    else if (read_parameter(name, q)) ok = (q.kind = q.is_bias ? Quantity::Kind::Bias : Quantity::Kind::Weight, true);
    if (!ok) {
        error = "'" + name + "' is not a quantity the lab knows (see docs/LESSONS.md: loss, w1_11, dL/dw1_11, a1_2, path 1, ...)";
        return false;
    }
    out = q;
    return true;
}

std::string check_quantity(const Quantity& q, const Lab& lab) {
    const Network& n = lab.trainer().network();
    const int L = static_cast<int>(n.W.size());
    std::string sizes;
    for (const Matrix& W : n.W) sizes += "-" + std::to_string(W.cols());
    const std::string where = " in the network " + std::to_string(n.W.empty() ? 0 : n.W[0].rows()) + sizes;
    switch (q.kind) {
        case Quantity::Kind::Weight:
        case Quantity::Kind::Bias:
        case Quantity::Kind::Gradient:
        case Quantity::Kind::BatchGradient:
        case Quantity::Kind::Updated:
        case Quantity::Kind::Direction:
            if (!lab.validate_selection(selection_of(q)).empty()) return ascii_parameter(selection_of(q)) + " does not exist" + where;
            return "";
        case Quantity::Kind::Z:
        case Quantity::Kind::A:
        case Quantity::Kind::Delta: {
            const int least = q.kind == Quantity::Kind::A ? 0 : 1;
            if (q.layer < least || q.layer > L) return "layer " + std::to_string(q.layer) + " does not exist" + where;
            const int size = q.layer == 0 ? static_cast<int>(n.W[0].rows()) : static_cast<int>(n.W[q.layer - 1].cols());
            if (q.j >= size) return "neuron " + std::to_string(q.j + 1) + " of layer " + std::to_string(q.layer) + " does not exist" + where;
            return "";
        }
        case Quantity::Kind::Path: {
            if (lab.trainer().points().empty()) return "";
            const size_t listed = lab.chain_rule().ranked.size();
            if (static_cast<size_t>(q.path) > listed)
                return "path " + std::to_string(q.path) + " does not exist: the selected parameter has " + std::to_string(listed) +
                       (listed == 1 ? " path" : " paths");
            return "";
        }
        default: return "";
    }
}

QuantityValue evaluate(const Quantity& q, const Lab& lab, const QuantityContext& context) {
    if (const std::string problem = check_quantity(q, lab); !problem.empty()) return none(problem);
    const Trainer& t = lab.trainer();
    const Network& n = t.network();
    const bool has_points = !t.points().empty();
    switch (q.kind) {
        case Quantity::Kind::Weights: return number(static_cast<double>(n.weight_count()));
        case Quantity::Kind::Biases: return number(static_cast<double>(n.bias_count()));
        case Quantity::Kind::Parameters: return number(static_cast<double>(n.weight_count() + n.bias_count()));
        case Quantity::Kind::Layers: return number(static_cast<double>(n.W.size()));
        case Quantity::Kind::Points: return number(static_cast<double>(t.points().size()));
        case Quantity::Kind::TrainingPoints: return number(t.training_point_count());
        case Quantity::Kind::TestPoints: return number(static_cast<double>(t.points().size()) - t.training_point_count());
        case Quantity::Kind::Step: return number(static_cast<double>(t.step_count()));
        case Quantity::Kind::Epoch: return number(static_cast<double>(t.epoch_count()));
        case Quantity::Kind::Phase: return text(phase_text(t.phase()));
        case Quantity::Kind::Selected: return text(ascii_parameter(lab.selection()));
        case Quantity::Kind::Loss:
            return t.training_point_count() > 0 ? number(lab.training_loss()) : none("there are no training points");
        case Quantity::Kind::TestLoss:
            return t.points().size() > static_cast<size_t>(t.training_point_count()) ? number(t.test_loss()) : none("there are no test points");
        case Quantity::Kind::BatchLoss:
            return t.step_count() > 0 || t.phase().phase != Phase::Ready ? number(t.last_batch_loss()) : none("no batch has been drawn yet");
        case Quantity::Kind::Alpha: return number(t.settings().learning_rate);
        case Quantity::Kind::BatchSize: return number(t.settings().batch_size);
        case Quantity::Kind::Weight: return number(n.W[q.layer - 1](q.i, q.j));
        case Quantity::Kind::Bias: return number(n.b[q.layer - 1](q.j));
        case Quantity::Kind::Gradient:
            return has_points ? number(lab.chain_rule_for(selection_of(q)).backprop) : none("there are no points");
        case Quantity::Kind::BatchGradient:
        case Quantity::Kind::Updated:
        case Quantity::Kind::Direction: {
            if (!batch_gradient_known(lab, q.layer))
                return none("the backward pass has not reached layer " + std::to_string(q.layer) + " yet");
            const double g = batch_gradient(lab, q);
            if (q.kind == Quantity::Kind::BatchGradient) return number(g);
            const double w = used_value(lab, q), updated = updated_value(lab, q, g);
            if (q.kind == Quantity::Kind::Updated) return number(updated);
            return text(updated > w ? "up" : updated < w ? "down" : "stays");
        }
        case Quantity::Kind::Z:
        case Quantity::Kind::A:
        case Quantity::Kind::Delta:
        case Quantity::Kind::Yhat:
        case Quantity::Kind::Y:
        case Quantity::Kind::SampleLoss: {
            const Pass& p = lab.inspected_pass();
            if (p.rows == 0) return none("there are no points");
            const int L = static_cast<int>(n.W.size());
            if (q.kind == Quantity::Kind::Z) return number(p.z[q.layer](0, q.j));
            if (q.kind == Quantity::Kind::A) return number(p.a[q.layer](0, q.j));
            if (q.kind == Quantity::Kind::Delta) return number(p.delta[q.layer](0, q.j));
            if (q.kind == Quantity::Kind::Yhat) return number(p.a[L](0, 0));
            if (q.kind == Quantity::Kind::Y) return number(p.y(0));
            return number(p.loss(0));
        }
        case Quantity::Kind::Path: {
            if (!has_points) return none("there are no points");
            const ChainRule& rule = lab.chain_rule();
            if (q.path > static_cast<int>(rule.ranked.size()))
                return none("the selected parameter has " + std::to_string(rule.ranked.size()) + " listed paths");
            return number(lab.chain_path(static_cast<size_t>(q.path - 1)).product);
        }
        case Quantity::Kind::Paths: return number(static_cast<double>(lab.chain_rule().path_count));
        case Quantity::Kind::WrongPoints: return count_wrong(lab, 0);
        case Quantity::Kind::WrongTestPoints: return count_wrong(lab, 0, true);
        case Quantity::Kind::Stopped: return number(t.error().empty() ? 0.0 : 1.0);
        case Quantity::Kind::NewPoints:
            return number(std::max(0.0, static_cast<double>(t.points().size()) - context.points_at_step_start));
        case Quantity::Kind::NewWrongPoints:
            return count_wrong(lab, static_cast<size_t>(std::max(0, context.points_at_step_start)));
    }
    return none("unknown quantity");
}

std::string quantity_text(const QuantityValue& v) {
    if (!v.ok) return "?";
    return v.text.empty() ? number_text(v.number, 4) : v.text;
}

std::string parameter_name(const Selection& s) { return ascii_parameter(s); }

}  // namespace bp
