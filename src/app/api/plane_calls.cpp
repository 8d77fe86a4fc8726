// window.lab's calls about the data plane: the network's output at a point, a neuron's map over the
// plane, and how the plane is drawn.
#include "app/api/plane_calls.h"

#include <algorithm>
#include <cmath>

#include "app/lab/settings_json.h"
#include "core/neuron_map.h"
#include "core/prediction.h"

namespace bp {

using nlohmann::json;

// Far outside the plane (-2 to 2) the output says nothing about the data, and x² features overflow.
constexpr double kMaxPredictCoordinate = 1000.0;

json predict(const ApiCall& c) {
    double x1 = 0, x2 = 0;
    std::string error = read_number(c.arg(0), "x1", x1);
    if (error.empty()) error = read_number(c.arg(1), "x2", x2);
    if (error.empty() && (std::fabs(x1) > kMaxPredictCoordinate || std::fabs(x2) > kMaxPredictCoordinate))
        error = "takes x1 and x2 from -1000 to 1000 (the data plane runs from -2 to 2)";
    if (!error.empty()) return result(error);
    const double y_hat = predict(c.lab.trainer().network(), c.lab.settings().features, x1, x2);
    if (!std::isfinite(y_hat)) return result("the network's output overflows at this point: its weights have diverged");
    return y_hat;
}

// A neuron's map: (layer, j, n), layer 0 the inputs, j 1-based as on screen. values[r][c] is a^l_j at
// x1 = -e + 2e c/(n-1), x2 = e - 2e r/(n-1): row 0 at the top, both edges of the plane included.
constexpr int kMaxMapSize = 200;

json neuron_map(const ApiCall& c) {
    int layer = 0, j = 0, n = 0;
    std::string error = read_whole(c.arg(0), "the layer", layer);
    if (error.empty()) error = read_whole(c.arg(1), "the neuron j", j);
    if (error.empty()) error = read_whole(c.arg(2), "the map size n", n);
    const Network& net = c.lab.trainer().network();
    const int L = net.layer_count();
    if (error.empty() && (layer < 0 || layer > L))
        error = "the layer runs from 0 (the inputs) to " + std::to_string(L) + " (the output); got " + std::to_string(layer);
    if (error.empty() && (j < 1 || j > net.sizes[layer]))
        error = "layer " + std::to_string(layer) + " has neurons 1 to " + std::to_string(net.sizes[layer]) + "; got " +
                std::to_string(j);
    if (error.empty() && (n < 2 || n > kMaxMapSize))
        error = "the map size n runs from 2 to " + std::to_string(kMaxMapSize) + "; got " + std::to_string(n);
    if (!error.empty()) return result(error);
    std::vector<double> values;
    Pass scratch;
    bp::neuron_map(net, c.lab.settings().features, layer, j - 1, n, scratch, values);
    if (!std::all_of(values.begin(), values.end(), [](double v) { return std::isfinite(v); }))
        return result("this neuron's values overflow: the network's weights have diverged");
    json rows = json::array();
    for (int r = 0; r < n; ++r) rows.push_back(std::vector<double>(values.begin() + r * n, values.begin() + (r + 1) * n));
    json out = result("");
    out["values"] = std::move(rows);
    return out;
}

json display(const ApiCall& c) {  // ({discretize, showTestPoints}), either or both
    const json& spec = c.arg(0);
    if (!spec.is_object() || spec.empty()) return result("takes {discretize, showTestPoints}");
    DisplayOptions d = c.lab.display();
    for (const auto& [key, value] : spec.items()) {
        if (key != "discretize" && key != "showTestPoints")
            return result("has no option '" + key + "' (use discretize, showTestPoints)");
        if (!value.is_boolean()) return result(key + " must be true or false");
        (key == "discretize" ? d.discretize : d.show_test_points) = value.get<bool>();
    }
    c.lab.set_display(d);
    return result("");
}

}  // namespace bp
