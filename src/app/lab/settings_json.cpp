// The lab's settings as JSON, and the checked readers of window.lab's arguments.
#include "app/lab/settings_json.h"

#include "app/lab/dataset_settings.h"

#include <cstdio>

namespace bp {

using nlohmann::json;

namespace {
template <typename T, typename Parse>
std::string read_named(const json& value, const char* what, Parse parse, T& out) {
    if (!value.is_string()) return std::string(what) + " must be a name (a string)";
    const auto parsed = parse(value.get<std::string>());
    if (!parsed) return "unknown " + std::string(what) + " " + quoted_name(value);
    out = *parsed;
    return "";
}

}  // namespace

std::string quoted_name(const nlohmann::json& name) {
    const std::string text = name.is_string() ? name.get<std::string>() : name.dump(-1, ' ', false, json::error_handler_t::replace);
    size_t end = 0, chars = 0;
    while (end < text.size() && chars < kMaxQuotedChars) {  // whole UTF-8 characters
        ++end, ++chars;
        while (end < text.size() && (text[end] & 0xC0) == 0x80) ++end;
    }
    const std::string shown = text.substr(0, end) + (end < text.size() ? "\u2026" : "");
    return name.is_string() ? "'" + shown + "'" : shown;
}

std::string short_number(double v) {
    char text[32];
    std::snprintf(text, sizeof text, "%g", v);
    return text;
}

std::string unknown_key(const nlohmann::json& object, const char* what, const char* known) {
    for (const auto& [key, part] : object.items())
        if ((", " + std::string(known) + ",").find(", " + key + ",") == std::string::npos)
            return std::string(what) + " has no " + quoted_name(key) + " (use " + known + ")";
    return "";
}

std::string read_number(const json& value, const char* what, double& out) {
    if (!value.is_number()) return std::string(what) + " must be a number";
    out = value.get<double>();
    return "";
}

std::string read_whole(const json& value, const char* what, int& out) {
    if (!value.is_number_integer()) return std::string(what) + " must be a whole number";
    const auto n = value.get<int64_t>();
    if (n < -1000000000 || n > 1000000000) return std::string(what) + " is out of range";
    out = static_cast<int>(n);
    return "";
}

namespace {
std::string read_activations(const json& value, TrainingSettings& s) {
    if (!value.is_object()) return "activations must be {hidden, output}";
    for (const auto& [which, name] : value.items()) {
        std::string error;
        if (which == "hidden") error = read_named(name, "hidden activation", parse_activation, s.hidden_activation);
        else if (which == "output") error = read_named(name, "output activation", parse_activation, s.output_activation);
        else error = "activations has no '" + which + "' (use hidden, output)";
        if (!error.empty()) return error;
    }
    return "";
}

std::string read_layers(const json& value, std::vector<int>& layers) {
    if (!value.is_array() || value.size() < 2 || value.size() > 16)
        return "layers lists every layer's size from the inputs to the output, at least two, like [4, 3, 2, 1]";
    layers.assign(value.size(), 0);
    for (size_t k = 0; k < value.size(); ++k)
        if (auto error = read_whole(value[k], "each layer size", layers[k]); !error.empty()) return error;
    return "";
}

std::string read_features(const json& value, std::vector<Feature>& features) {
    if (!value.is_array() || value.size() > 16) return "features must be an array of names like [\"x1\", \"x2\"]";
    features.assign(value.size(), Feature::X1);
    for (size_t k = 0; k < value.size(); ++k)
        if (auto error = read_named(value[k], "feature", parse_feature, features[k]); !error.empty()) return error;
    return "";
}

// {kind: "none" | "l1" | "l2", rate: λ}; either part may be left out (it keeps its value).
std::string read_regularization(const json& value, Regularization& reg) {
    if (!value.is_object()) return "regularization must be {kind, rate} with kind none, l1 or l2";
    for (const auto& [key, part] : value.items()) {
        std::string error;
        if (key == "kind") error = read_named(part, "regularization kind", parse_regularization, reg.kind);
        else if (key == "rate") error = read_number(part, "regularization rate", reg.rate);
        else error = "regularization has no " + quoted_name(key) + " (use kind, rate)";
        if (!error.empty()) return error;
    }
    return "";
}

// {kind: "sgd" | "momentum" | "adam", beta, beta1, beta2, epsilon}; a part left out keeps its value.
std::string read_optimizer(const json& value, OptimizerSettings& o) {
    if (!value.is_object()) return "optimizer must be {kind, ...} with kind sgd, momentum (beta) or adam (beta1, beta2, epsilon)";
    for (const auto& [key, part] : value.items()) {
        std::string error;
        if (key == "kind") error = read_named(part, "optimizer kind", parse_optimizer, o.kind);
        else if (key == "beta") error = read_number(part, "optimizer beta", o.beta);
        else if (key == "beta1") error = read_number(part, "optimizer beta1", o.beta1);
        else if (key == "beta2") error = read_number(part, "optimizer beta2", o.beta2);
        else if (key == "epsilon") error = read_number(part, "optimizer epsilon", o.epsilon);
        else error = "optimizer has no " + quoted_name(key) + " (use kind, beta, beta1, beta2, epsilon)";
        if (!error.empty()) return error;
    }
    return "";
}

std::string read_setting(const std::string& key, const json& value, TrainingSettings& s, std::vector<int>& layers) {
    if (key == "layers") return read_layers(value, layers);
    if (key == "activations") return read_activations(value, s);
    if (key == "loss") return read_named(value, "loss", parse_loss, s.loss);
    if (key == "learningRate") return read_number(value, "learningRate", s.learning_rate);
    if (key == "batchSize") return read_whole(value, "batchSize", s.batch_size);
    if (key == "features") return read_features(value, s.features);
    if (key == "dataset") return read_named(value, "dataset", parse_dataset, s.dataset);
    if (key == "pointCount") return read_whole(value, "pointCount", s.point_count);
    if (key == "noise") return read_number(value, "noise", s.noise);
    if (key == "testFraction") return read_number(value, "testFraction", s.test_fraction);
    if (key == "regularization") return read_regularization(value, s.regularization);
    if (key == "optimizer") return read_optimizer(value, s.optimizer);
    if (key == "seed") {
        if (!value.is_number_unsigned()) return "seed must be a whole number of at least 0";
        s.seed = value.get<uint64_t>();
        return "";
    }
    return "unknown setting " + quoted_name(key);
}

}  // namespace

std::string apply_settings(const json& in, TrainingSettings& s) {
    if (!in.is_object()) return "the settings must be an object";
    std::vector<int> layers;
    const DatasetKind before = s.dataset;
    for (const auto& [key, value] : in.items())
        if (auto error = read_setting(key, value, s, layers); !error.empty()) return error;
    if (s.dataset != before) {
        const bool output_given = in.contains("activations") && in["activations"].contains("output");
        fit_settings_to_dataset(s, output_given, in.contains("loss"), in.contains("features"));
    }
    if (!layers.empty()) {
        if (layers.front() != static_cast<int>(s.features.size()))
            return "layers starts with the input size, which must equal the number of features (" +
                   std::to_string(s.features.size()) + ")";
        if (layers.back() != 1) return "the network has one output: layers must end with 1";
        s.hidden.assign(layers.begin() + 1, layers.end() - 1);
    }
    return "";
}

json settings_json(const TrainingSettings& s) {
    json features = json::array();
    for (Feature f : s.features) features.push_back(feature_name(f));
    return {{"layers", s.layer_sizes()},
            {"activations", {{"hidden", activation_name(s.hidden_activation)}, {"output", activation_name(s.output_activation)}}},
            {"loss", loss_name(s.loss)},
            {"learningRate", s.learning_rate},
            {"batchSize", s.batch_size},
            {"seed", s.seed},
            {"features", features},
            {"dataset", dataset_name(s.dataset)},
            {"pointCount", s.point_count},
            {"noise", s.noise},
            {"testFraction", s.test_fraction},
            {"regularization", {{"kind", regularization_name(s.regularization.kind)}, {"rate", s.regularization.rate}}},
            {"optimizer",
             {{"kind", optimizer_name(s.optimizer.kind)},
              {"beta", s.optimizer.beta},
              {"beta1", s.optimizer.beta1},
              {"beta2", s.optimizer.beta2},
              {"epsilon", s.optimizer.epsilon}}}};
}

json parameters_json(const std::vector<Matrix>& W, const std::vector<RowVector>& b) {
    json weights = json::array(), biases = json::array();
    for (size_t l = 0; l < W.size(); ++l) {
        json rows = json::array();
        for (Eigen::Index i = 0; i < W[l].rows(); ++i) {
            json row = json::array();
            for (Eigen::Index j = 0; j < W[l].cols(); ++j) row.push_back(W[l](i, j));
            rows.push_back(row);
        }
        weights.push_back(rows);
        json values = json::array();
        for (Eigen::Index j = 0; j < b[l].size(); ++j) values.push_back(b[l](j));
        biases.push_back(values);
    }
    return {{"weights", weights}, {"biases", biases}};
}

}  // namespace bp
