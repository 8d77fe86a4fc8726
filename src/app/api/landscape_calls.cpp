// lab.landscape(): the loss over a grid of two parameters, checked and bounded like lab.train().
#include "app/api/landscape_calls.h"

#include <algorithm>
#include <cmath>

#include "app/api/parameter_calls.h"
#include "app/lab/settings_json.h"
#include "core/landscape.h"

namespace bp {

using nlohmann::json;

namespace {

// The same bound as lab.train(n): about 3e9 multiply-adds, 2 to 5 s in WebAssembly.
constexpr double kMaxLandscapeWork = Lab::kMaxTrainWork;
// Wider spans only show the flat saturated plateaus, and their values leave the parameters' range.
constexpr double kMaxLandscapeSpan = 1000.0;

const char* kParameterForm = "{layer, i, j} or {layer, j, bias: true}";

}  // namespace

std::string read_parameter(const json& spec, const std::string& what, const Lab& lab, Selection& out) {
    if (!spec.is_object()) return what + " must be " + kParameterForm;
    Selection s;
    if (auto error = read_parameter_ref(spec, s, what); !error.empty()) return error;
    if (auto invalid = lab.validate_selection(s); !invalid.empty()) return what + ": " + invalid;
    out = s;
    return "";
}

double landscape_cost(const Lab& lab, const Selection& a, const Selection& b, int n) {
    const Network& net = lab.trainer().network();
    const int from = std::min(a.layer, b.layer);
    double per_point = 0.0;  // multiply-adds of layers from..L for one point
    for (int l = from; l <= net.layer_count(); ++l) per_point += double(net.sizes[l - 1]) * net.sizes[l];
    const double points = lab.trainer().training_point_count();
    return (double(n) * n * per_point + 3.0 * net.weight_count()) * points;
}

json landscape_json(const ApiCall& c) {
    const json& spec = c.arg(0);
    if (!spec.is_object()) return result("takes {a, b, span, n}: a and b as select() takes them, " + std::string(kParameterForm));
    for (const auto& [key, value] : spec.items())
        if (key != "a" && key != "b" && key != "span" && key != "n")
            return result("has no option '" + key + "' (use a, b, span, n)");
    Selection a, b;
    std::string error = read_parameter(spec.value("a", json()), "a", c.lab, a);
    if (error.empty()) error = read_parameter(spec.value("b", json()), "b", c.lab, b);
    if (!error.empty()) return result(error);
    if (a == b) return result("a and b are the same parameter: pick two different ones");
    const json span_json = spec.value("span", json());
    if (!span_json.is_number() || !std::isfinite(span_json.get<double>()) || !(span_json.get<double>() > 0.0) ||
        span_json.get<double>() > kMaxLandscapeSpan)
        return result("span must be a number above 0 and at most " + std::to_string(int(kMaxLandscapeSpan)) +
                      " (the grid reaches span either side of the current values)");
    const double span = span_json.get<double>();
    int n = 0;
    if (auto bad = read_whole(spec.value("n", json()), "n", n); !bad.empty()) return result(bad);
    if (n < kMinLandscapeSize || n > kMaxLandscapeSize || n % 2 == 0)
        return result("n must be odd, from " + std::to_string(kMinLandscapeSize) + " to " + std::to_string(kMaxLandscapeSize) +
                      " (so the centre is the current point); got " + std::to_string(n));
    if (c.lab.trainer().training_point_count() == 0) return result("there are no training points to compute the loss over");
    const double cost = landscape_cost(c.lab, a, b, n);
    if (cost > kMaxLandscapeWork) {
        const double per_cell = cost / (double(n) * n);
        int most = static_cast<int>(std::sqrt(kMaxLandscapeWork / per_cell));
        if (most % 2 == 0) --most;
        return result("a " + std::to_string(n) + "x" + std::to_string(n) + " landscape on this network and its training points would take about " +
                      std::to_string(static_cast<long long>(cost / 1e6)) + " million multiply-adds, more than the limit of 3000 million "
                      "(as for train()); " + (most >= kMinLandscapeSize ? "n up to " + std::to_string(most) + " fits" : "no grid fits"));
    }
    const LandscapeGrid g = compute_landscape(c.lab.trainer(), a, b, span, n);
    json losses = json::array();
    for (int r = 0; r < n; ++r) {
        json row = json::array();
        for (int col = 0; col < n; ++col) row.push_back(g.loss(r, col));
        losses.push_back(std::move(row));
    }
    return {{"losses", losses},
            {"aValues", g.a_values},
            {"bValues", g.b_values},
            {"point", {g.point_a, g.point_b}},
            {"gradient", {g.gradient_a, g.gradient_b}}};
}

}  // namespace bp
