// Weights and settings as JSON; the loss history as CSV.
#include "app/lab/lab_files.h"

#include <cmath>
#include <cstdio>
#include <nlohmann/json.hpp>

#include "app/lab/settings_json.h"
#include "app/lab/untrusted_json.h"

namespace bp {

using nlohmann::json;

namespace {
constexpr const char* kFormat = "backprop-lab-weights";

// Reads an array of `rows` arrays of `cols` finite numbers into m; "" or what is wrong.
std::string read_matrix(const json& value, int rows, int cols, Matrix& m, const std::string& name) {
    if (!value.is_array() || static_cast<int>(value.size()) != rows)
        return name + " must have " + std::to_string(rows) + " rows";
    m.resize(rows, cols);
    for (int i = 0; i < rows; ++i) {
        if (!value[i].is_array() || static_cast<int>(value[i].size()) != cols)
            return name + " must have " + std::to_string(cols) + " columns";
        for (int j = 0; j < cols; ++j) {
            if (!value[i][j].is_number() || !std::isfinite(value[i][j].get<double>()))
                return name + " holds something that is not a finite number";
            if (std::fabs(value[i][j].get<double>()) > kMaxParameter)
                return name + " holds a value beyond \u00b11,000,000, which the lab's weights never reach";
            m(i, j) = value[i][j].get<double>();
        }
    }
    return "";
}
}  // namespace

std::string export_weights_json(const Lab& lab) {
    const Trainer& t = lab.trainer();
    json out = parameters_json(t.network().W, t.network().b);
    out.update({{"format", kFormat}, {"version", 1}, {"settings", settings_json(t.settings())},
                {"step", t.step_count()}, {"epoch", t.epoch_count()}});
    return out.dump(1);
}

std::string import_weights_json(Lab& lab, const std::string& text) {
    std::string parse_error;
    const json in = parse_untrusted_json(text, kApiJsonLimits, parse_error);
    if (in.is_discarded())
        return parse_error == "this is not JSON" ? "this is not JSON (check that the whole file was pasted)"
                                                                      : parse_error;
    if (!in.is_object() || in.value("format", json()) != kFormat) return "this is not a Backprop Lab weights file";
    if (in.value("version", json()) != 1) return "this weights file is of another format version than this lab reads (1)";
    TrainingSettings s = lab.settings();
    if (auto error = apply_settings(in.value("settings", json::object()), s); !error.empty()) return "settings: " + error;
    if (auto error = validate(s); !error.empty()) return "settings: " + error;
    const std::vector<int> sizes = s.layer_sizes();
    const json& weights = in.value("weights", json()), &biases = in.value("biases", json());
    const size_t L = sizes.size() - 1;
    if (!weights.is_array() || weights.size() != L || !biases.is_array() || biases.size() != L)
        return "weights and biases must have one entry per layer (" + std::to_string(L) + ")";
    std::vector<Matrix> W(L);
    std::vector<RowVector> b(L);
    for (size_t l = 0; l < L; ++l) {
        const std::string name = "W" + std::to_string(l + 1);
        if (auto error = read_matrix(weights[l], sizes[l], sizes[l + 1], W[l], name); !error.empty()) return error;
        Matrix row;
        if (auto error = read_matrix(json::array({biases[l]}), 1, sizes[l + 1], row, "b" + std::to_string(l + 1));
            !error.empty())
            return error;
        b[l] = row.row(0);
    }
    if (auto error = lab.configure(s); !error.empty()) return error;
    lab.set_parameters(W, b);
    return "";
}

std::string export_history_csv(const Lab& lab) {
    std::string out = "step,training_loss,test_loss\n";
    char line[96];
    for (const LossSample& h : lab.trainer().history().samples()) {
        if (std::isfinite(h.test_loss))
            std::snprintf(line, sizeof line, "%lld,%.17g,%.17g\n", static_cast<long long>(h.step), h.loss, h.test_loss);
        else
            std::snprintf(line, sizeof line, "%lld,%.17g,\n", static_cast<long long>(h.step), h.loss);
        out += line;
    }
    return out;
}

}  // namespace bp
