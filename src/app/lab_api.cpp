// LabApi: state(), configure(), train(), gradients(), play(), stats() as JSON.
#include "app/lab_api.h"

#include "app/chain_rule_json.h"
#include "app/dataset_settings.h"
#include "app/lab_export.h"
#include "app/settings_json.h"
#include "core/csv.h"

#include <nlohmann/json.hpp>

#include <cmath>

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
    if (lab.locked(Lab::LockNetwork)) locks.push_back("network");
    if (lab.locked(Lab::LockTraining)) locks.push_back("training");
    if (lab.locked(Lab::LockData)) locks.push_back("data");
    if (lab.locked(Lab::HideTables)) locks.push_back("tables");
    return locks;
}

json points_json(const Lab& lab) {
    json points = json::array();
    for (const Point& p : lab.trainer().points()) points.push_back(point_json(p, lab.settings().features));
    return points;
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
                  {"testLoss", std::isnan(t.test_loss()) ? json(nullptr) : json(t.test_loss())},
                  {"points", points_json(lab)},
                  {"playing", lab.playing()},
                  {"speed", lab.speed()},
                  {"phase", phase_name(t.phase().phase)},
                  {"selection", inspection_json(lab)},
                  {"locks", locks_json(lab)},
                  {"error", t.error().empty() ? json(nullptr) : json(t.error())}});
    return state;
}

json gradients_json(const Lab& lab) {
    return parameters_json(lab.trainer().gradients().dW, lab.trainer().gradients().db);
}

// {x: [x1, x2], y, test} into p; for an added point x and y are required.
std::string read_point(const json& spec, Point& p, bool all_required) {
    if (!spec.is_object()) return "a point is {x: [x1, x2], y}";
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

constexpr int kMaxTrainSteps = 1000000;  // a million W2 steps take seconds: more would freeze the page

json result(const std::string& error) {
    return error.empty() ? json{{"ok", true}, {"error", nullptr}} : json{{"ok", false}, {"error", error}};
}

json dispatch(Lab& lab, const std::string& method, const json& args) {
    static const json none;
    const json& arg0 = args.empty() ? none : args[0];
    if (method == "state") return state_json(lab);
    if (method == "gradients") return gradients_json(lab);
    if (method == "stats") {
        const FrameStats& s = lab.stats();
        return {{"frameMs", s.frame_ms}, {"trainMs", s.train_ms}, {"stepsPerFrame", s.steps_per_frame}, {"fps", s.fps}};
    }
    if (method == "configure") {
        TrainingSettings s = lab.settings();
        const std::string error = apply_settings(arg0, s);
        return result(error.empty() ? lab.configure(s) : error);
    }
    if (method == "train") {
        int n = 1;
        if (!arg0.is_null())
            if (auto error = read_whole(arg0, "the number of steps", n); !error.empty()) return result(error);
        if (n < 0 || n > kMaxTrainSteps)
            return result("the number of steps must be 0 to " + std::to_string(kMaxTrainSteps));
        return lab.train(n);
    }
    if (method == "play") {
        if (!arg0.is_null() && !arg0.is_boolean()) return result("play() takes true or false");
        return result(lab.play(arg0.is_null() || arg0.get<bool>()));
    }
    if (method == "setSpeed") {
        double speed = 0.0;
        if (auto error = read_number(arg0, "the speed (steps per second)", speed); !error.empty()) return result(error);
        if (!(speed >= 1.0)) return result("the speed is at least 1 step per second");
        lab.set_speed(std::min(speed, Lab::kMaxSpeed));
        return result("");
    }
    if (method == "chainRule") {  // (l, i, j) 1-based: w^l_ij; (l, "b", j): b^l_j
        Selection s;
        int i = 0;
        s.is_bias = args.size() > 1 && args[1] == "b";
        std::string error = read_whole(arg0, "the layer l", s.layer);
        if (error.empty() && !s.is_bias) error = read_whole(args.size() > 1 ? args[1] : none, "i", i);
        if (error.empty()) error = read_whole(args.size() > 2 ? args[2] : none, "j", s.j);
        s.i = i - 1;
        s.j -= 1;
        if (s.is_bias) s.i = 0;
        if (error.empty()) error = lab.validate_selection(s);
        if (!error.empty()) return result(error);
        if (lab.inspected_pass().rows == 0) return result("there is no sample to inspect: add data points");
        return chain_rule_json(lab, lab.chain_rule_for(s));
    }
    if (method == "select") {  // {layer, i, j, bias} 1-based
        if (!arg0.is_object()) return result("select() takes {layer, i, j} or {layer, j, bias: true}");
        Selection s;
        int i = 1;
        s.is_bias = arg0.contains("bias") && arg0["bias"].is_boolean() && arg0["bias"].get<bool>();
        std::string error = read_whole(arg0.value("layer", json()), "layer", s.layer);
        if (error.empty() && !s.is_bias) error = read_whole(arg0.value("i", json()), "i", i);
        if (error.empty()) error = read_whole(arg0.value("j", json()), "j", s.j);
        if (!error.empty()) return result(error);
        s.i = i - 1;
        s.j -= 1;
        return result(lab.select(s));
    }
    if (method == "inspect") {  // {batchSample: s} 1-based as on screen, or {pointIndex: k} 0-based
        if (arg0.is_object() && arg0.contains("batchSample")) {
            int row = 0;
            if (auto error = read_whole(arg0["batchSample"], "batchSample", row); !error.empty()) return result(error);
            return result(lab.inspect_batch_sample(row - 1));
        }
        if (arg0.is_object() && arg0.contains("pointIndex")) {
            int k = 0;
            if (auto error = read_whole(arg0["pointIndex"], "pointIndex", k); !error.empty()) return result(error);
            const int n = static_cast<int>(lab.trainer().points().size());
            if (k < 0 || k >= n) return result("the point indices run from 0 to " + std::to_string(n - 1));
            lab.set_inspected_point(k);
            return result("");
        }
        return result("inspect() takes {batchSample: s} or {pointIndex: k}");
    }
    if (method == "selection") return inspection_json(lab);
    if (method == "phase") {
        lab.next_phase();
        json out = phase_json(lab);
        out["ok"] = lab.trainer().error().empty();
        out["error"] = lab.trainer().error().empty() ? json(nullptr) : json(lab.trainer().error());
        return out;
    }
    if (method == "pass") return pass_json(lab);
    if (method == "points") return points_json(lab);
    if (method == "addPoint" || method == "movePoint") {
        const bool add = method == "addPoint";
        const json& spec = add ? arg0 : (args.size() > 1 ? args[1] : none);
        int index = 0;
        if (!add)
            if (auto error = read_whole(arg0, "the point's index", index); !error.empty()) return result(error);
        if (!add && (index < 0 || index >= static_cast<int>(lab.trainer().points().size())))
            return result("there is no point with index " + std::to_string(index));
        Point p = add ? Point{} : lab.trainer().points()[index];
        if (auto error = read_point(spec, p, add); !error.empty()) return result(error);
        std::string error = add ? lab.add_point(p, index) : lab.move_point(index, p);
        json out = result(error);
        if (add && error.empty()) out["index"] = index;
        return out;
    }
    if (method == "removePoint") {
        int index = 0;
        if (auto error = read_whole(arg0, "the point's index", index); !error.empty()) return result(error);
        return result(lab.remove_point(index));
    }
    if (method == "undo") return result(lab.undo() ? "" : "nothing to undo");
    if (method == "redo") return result(lab.redo() ? "" : "nothing to redo");
    if (method == "exportCsv") return points_to_csv(lab.trainer().points());
    if (method == "importCsv") {
        if (!arg0.is_string()) return result("importCsv() takes the CSV text");
        return result(lab.import_csv(arg0.get<std::string>()));
    }
    if (method == "shareLink") {  // ({start, locks: [...]}); the payload after "#lab="
        const bool start = arg0.is_object() && arg0.contains("start") && arg0["start"] == true;
        uint32_t locks = lab.locks;
        if (arg0.is_object() && arg0.contains("locks")) {
            if (!arg0["locks"].is_array()) return result("locks is an array of network, training, data, tables");
            locks = 0;
            for (const json& name : arg0["locks"]) {
                if (name == "network") locks |= Lab::LockNetwork;
                else if (name == "training") locks |= Lab::LockTraining;
                else if (name == "data") locks |= Lab::LockData;
                else if (name == "tables") locks |= Lab::HideTables;
                else return result("unknown lock " + name.dump() + " (use network, training, data, tables)");
            }
        }
        return lab.share_link(!start, locks);
    }
    if (method == "openLink") {
        if (!arg0.is_string()) return result("openLink() takes the link (or the text after #lab=)");
        std::string text = arg0.get<std::string>();
        const size_t at = text.find("#lab=");
        if (at != std::string::npos) text = text.substr(at + 5);
        else if (text.find('#') != std::string::npos || text.find("://") != std::string::npos)
            return result("the link holds no lab state (it has no #lab= part)");
        return result(lab.open_link(text));
    }
    if (method == "exportWeights") return export_weights_json(lab);
    if (method == "importWeights") {
        if (!arg0.is_string()) return result("importWeights() takes the JSON text");
        return result(import_weights_json(lab, arg0.get<std::string>()));
    }
    if (method == "exportHistory") return export_history_csv(lab);
    if (method == "notice") {  // a message for the whole lab; "" clears it
        if (!arg0.is_string()) return result("notice() takes a text");
        lab.notice = arg0.get<std::string>();
        return result("");
    }
    if (method == "resetDefaults") {
        lab.reset_to_defaults();
        return result("");
    }
    if (method == "predict") {
        double x1 = 0, x2 = 0;
        std::string error = read_number(arg0, "x1", x1);
        if (error.empty()) error = read_number(args.size() > 1 ? args[1] : none, "x2", x2);
        if (!error.empty()) return result(error);
        return lab.trainer().predict(x1, x2);
    }
    if (method == "layout") {  // node centres of the network view in CSS pixels, for scripts and tests
        json layers = json::array();
        for (const auto& layer : lab.network_layout.nodes) {
            json nodes = json::array();
            for (const ImVec2& c : layer) nodes.push_back({{"x", c.x}, {"y", c.y}});
            layers.push_back(nodes);
        }
        return {{"nodes", layers},
                {"radius", lab.network_layout.radius},
                {"dataPlane", {{"left", lab.data_plane_min.x}, {"top", lab.data_plane_min.y}, {"right", lab.data_plane_max.x},
                               {"bottom", lab.data_plane_max.y}, {"extent", kPlaneExtent}}}};
    }
    if (method == "stepEpoch") {
        lab.step_epoch();
        return lab.training_loss();
    }
    if (method == "reset") {
        lab.reset();
        return result("");
    }
    return result("lab has no method '" + method + "'");
}

}  // namespace

std::string call_lab_api(Lab& lab, const std::string& method, const std::string& args_json) {
    const json args = args_json.empty() ? json::array() : json::parse(args_json, nullptr, false);
    if (args.is_discarded() || !args.is_array()) return result("the arguments are not a JSON array").dump();
    // Text from outside (a CSV cell in an error message) may not be valid UTF-8: replace, never abort.
    return dispatch(lab, method, args).dump(-1, ' ', false, json::error_handler_t::replace);
}

}  // namespace bp
