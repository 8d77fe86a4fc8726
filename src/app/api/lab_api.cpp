// window.lab's methods, one small handler each, and the table that names them.
#include "app/api/lab_api.h"

#include "app/api/chain_rule_json.h"
#include "app/api/lab_json.h"
#include "app/api/landscape_calls.h"
#include "app/api/lesson_calls.h"
#include "app/api/parameter_calls.h"
#include "app/api/plane_calls.h"
#include "app/api/view_calls.h"
#include "app/lab/dataset_settings.h"
#include "app/lab/lab_files.h"
#include "app/lab/settings_json.h"
#include "app/lab/untrusted_json.h"
#include "core/csv.h"

#include <algorithm>
#include <cmath>

namespace bp {

using nlohmann::json;

const json& ApiCall::arg(size_t k) const {
    static const json none;
    return k < args.size() ? args[k] : none;
}

json result(const std::string& error) {
    return error.empty() ? json{{"ok", true}, {"error", nullptr}} : json{{"ok", false}, {"error", error}};
}

namespace {

// Texts the API takes, each checked for its length before it is read or kept (kMaxNoticeChars in
// lab_api.h). A CSV of kMaxPoints points or the weights file of the largest network is a few
// hundred KiB at full precision.
constexpr size_t kMaxCsvBytes = 1u << 20;
constexpr size_t kMaxWeightsFileBytes = 1u << 20;

// "" or why `text` is longer than `most` (bytes, or characters when `characters`): the limit named.
std::string too_long(const std::string& text, const char* what, size_t most, bool characters = false) {
    size_t length = text.size();
    if (characters)  // UTF-8: every byte but a continuation byte (10xxxxxx) begins a character
        length = static_cast<size_t>(std::count_if(text.begin(), text.end(), [](char b) { return (b & 0xC0) != 0x80; }));
    if (length <= most) return "";
    const std::string unit = characters ? " characters" : most % 1024 == 0 ? " KiB" : " bytes";
    const size_t shown = !characters && most % 1024 == 0 ? most / 1024 : most;
    return std::string(what) + " is at most " + std::to_string(shown) + unit + "; this one is " +
           (characters || most % 1024 != 0 ? std::to_string(length) + unit
                                           : std::to_string((length + 1023) / 1024) + " KiB");
}

// --- the lab as a whole ---------------------------------------------------------------------------

json state(const ApiCall& c) {
    json s = state_json(c.lab);
    s.update(view_state_json(c));
    s["lesson"] = lesson_state_json(c);
    s["notice"] = c.lab.notice();  // the message across the top ("" when there is none)
    return s;
}

json gradients(const ApiCall& c) { return gradients_json(c.lab); }

json stats(const ApiCall& c) {  // ({reset: true}) starts the window of recent frames afresh
    const json& options = c.arg(0);
    if (!options.is_null() && !(options.is_object() && (!options.contains("reset") || options["reset"].is_boolean())))
        return result("takes nothing, or {reset: true}");
    if (options.is_object() && options.value("reset", false)) c.lab.clear_recent_frames();
    const FrameStats& s = c.lab.stats();
    return {{"frameMs", s.frame_ms},
            {"trainMs", s.train_ms},
            {"stepsPerFrame", s.steps_per_frame},
            {"fps", s.fps},
            {"recentFrames", s.recent_ms.size()},
            {"frameMsP50", s.recent_quantile(0.5)},
            {"frameMsP99", s.recent_quantile(0.99)},
            {"frameMsMax", s.recent_quantile(1.0)}};
}

json configure(const ApiCall& c) {
    TrainingSettings s = c.lab.settings();
    const std::string error = apply_settings(c.arg(0), s);
    return result(error.empty() ? c.lab.configure(s) : error);
}

json reset(const ApiCall& c) {
    c.lab.reset();
    return result("");
}

json reset_defaults(const ApiCall& c) {
    c.lab.reset_to_defaults();
    return result("");
}

json notice(const ApiCall& c) {  // a message for the whole lab; "" clears it
    if (!c.arg(0).is_string()) return result("takes a text");
    if (auto error = too_long(c.arg(0).get_ref<const std::string&>(), "a notice", kMaxNoticeChars, true); !error.empty())
        return result(error);
    c.lab.set_notice(c.arg(0).get<std::string>());
    return result("");
}

json show_qr(const ApiCall& c) {  // ({start}) draws the link as a QR code over the lab; (false) closes it
    const json& a = c.arg(0);
    if (a.is_boolean() && !a.get<bool>()) c.view.qr = QrShown::None;
    else if (!c.has(0) || (a.is_boolean() && a.get<bool>())) c.view.qr = QrShown::Moment;
    else if (a.is_object() && (!a.contains("start") || a["start"].is_boolean()) && a.size() == a.count("start"))
        c.view.qr = a.value("start", false) ? QrShown::Start : QrShown::Moment;
    else return result("takes {start: true or false}, or false to close the QR code");
    return result("");
}

// --- training -------------------------------------------------------------------------------------

json train(const ApiCall& c) {  // (n); no argument at all means one step
    int n = 1;
    if (c.has(0))
        if (auto error = read_whole(c.arg(0), "the number of steps", n); !error.empty()) return result(error);
    if (auto error = c.lab.train_refusal(n); !error.empty()) return result(error);
    return c.lab.train(n);
}

json play(const ApiCall& c) {  // (on); no argument at all means true
    const json& on = c.arg(0);
    if (c.has(0) && !on.is_boolean()) return result("takes true or false");
    return result(c.lab.play(!c.has(0) || on.get<bool>()));
}

json set_speed(const ApiCall& c) {
    double speed = 0.0;
    if (auto error = read_number(c.arg(0), "the speed (steps per second)", speed); !error.empty()) return result(error);
    if (!(speed >= 1.0)) return result("the speed is at least 1 step per second");
    c.lab.set_speed(std::min(speed, Lab::kMaxSpeed));
    return result("");
}

json phase(const ApiCall& c) {
    c.lab.next_phase();
    json out = phase_json(c.lab);
    const std::string& error = c.lab.trainer().error();
    out["ok"] = error.empty();
    out["error"] = error.empty() ? json(nullptr) : json(error);
    return out;
}

json step_epoch(const ApiCall& c) {
    c.lab.step_epoch();
    return c.lab.training_loss();
}

// --- the chain rule and what it is computed for ----------------------------------------------------

json chain_rule(const ApiCall& c) {  // (l, i, j) 1-based: w^l_ij; (l, "b", j): b^l_j
    Selection s;
    int i = 0;
    s.is_bias = c.arg(1) == "b";
    std::string error = read_whole(c.arg(0), "the layer l", s.layer);
    if (error.empty() && !s.is_bias) error = read_whole(c.arg(1), "i", i);
    if (error.empty()) error = read_whole(c.arg(2), "j", s.j);
    s.i = s.is_bias ? 0 : i - 1;
    s.j -= 1;
    if (error.empty()) error = c.lab.validate_selection(s);
    if (!error.empty()) return result(error);
    if (c.lab.inspected_pass().rows == 0) return result("there is no sample to inspect: add data points");
    return chain_rule_json(c.lab, c.lab.chain_rule_for(s));
}

json select(const ApiCall& c) {  // {layer, i, j, bias} 1-based
    Selection s;
    if (auto error = read_parameter_ref(c.arg(0), s); !error.empty()) return result(error);
    return result(c.lab.select(s));
}

json inspect(const ApiCall& c) {  // {batchSample: s} 1-based as on screen, or {pointIndex: k} 0-based
    const json& spec = c.arg(0);
    if (spec.is_object() && spec.contains("batchSample")) {
        int row = 0;
        if (auto error = read_whole(spec["batchSample"], "batchSample", row); !error.empty()) return result(error);
        return result(c.lab.inspect_batch_sample(row - 1));
    }
    if (spec.is_object() && spec.contains("pointIndex")) {
        int k = 0;
        if (auto error = read_whole(spec["pointIndex"], "pointIndex", k); !error.empty()) return result(error);
        const int n = static_cast<int>(c.lab.trainer().points().size());
        if (k < 0 || k >= n) return result("the point indices run from 0 to " + std::to_string(n - 1));
        c.lab.set_inspected_point(k);
        return result("");
    }
    return result("takes {batchSample: s} or {pointIndex: k}");
}

json selection(const ApiCall& c) { return inspection_json(c.lab); }

json pass(const ApiCall& c) { return pass_json(c.lab); }

// --- data -----------------------------------------------------------------------------------------

json points(const ApiCall& c) { return points_json(c.lab); }

json add_point(const ApiCall& c) {
    Point p;
    if (auto error = read_point(c.arg(0), p, true); !error.empty()) return result(error);
    int index = 0;
    const std::string error = c.lab.add_point(p, index);
    json out = result(error);
    if (error.empty()) out["index"] = index;
    return out;
}

json move_point(const ApiCall& c) {
    int index = 0;
    if (auto error = read_whole(c.arg(0), "the point's index", index); !error.empty()) return result(error);
    if (index < 0 || index >= static_cast<int>(c.lab.trainer().points().size()))
        return result("there is no point with index " + std::to_string(index));
    Point p = c.lab.trainer().points()[index];
    if (auto error = read_point(c.arg(1), p, false); !error.empty()) return result(error);
    return result(c.lab.move_point(index, p));
}

json remove_point(const ApiCall& c) {
    int index = 0;
    if (auto error = read_whole(c.arg(0), "the point's index", index); !error.empty()) return result(error);
    return result(c.lab.remove_point(index));
}

json undo(const ApiCall& c) { return result(c.lab.undo() ? "" : "nothing to undo"); }

json redo(const ApiCall& c) { return result(c.lab.redo() ? "" : "nothing to redo"); }

json export_csv(const ApiCall& c) { return points_to_csv(c.lab.trainer().points()); }

json import_csv(const ApiCall& c) {
    if (!c.arg(0).is_string()) return result("takes the CSV text");
    if (auto error = too_long(c.arg(0).get_ref<const std::string&>(), "a CSV text", kMaxCsvBytes); !error.empty())
        return result(error);
    return result(c.lab.import_csv(c.arg(0).get<std::string>()));
}

// --- links and files -------------------------------------------------------------------------------

json share_link(const ApiCall& c) {  // ({start, locks: [...]}); the payload after "#lab="
    const json& options = c.arg(0);
    if (!options.is_null() && !options.is_object()) return result("takes nothing, or options {start, locks}");
    const bool start = options.is_object() && options.contains("start") && options["start"] == true;
    uint32_t locks = c.lab.locks();
    if (options.is_object() && options.contains("locks")) {
        if (!options["locks"].is_array()) return result("locks is an array of " + lock_names());
        locks = 0;
        for (const json& name : options["locks"]) {
            const std::optional<Lab::Lock> lock = name.is_string() ? parse_lock(name.get<std::string>()) : std::nullopt;
            if (!lock) return result("unknown lock " + quoted_name(name) + " (use " + lock_names() + ")");
            locks |= *lock;
        }
    }
    return c.lab.share_link(!start, locks);
}

json open_link(const ApiCall& c) {
    if (!c.arg(0).is_string()) return result("takes the link (or the text after #lab=)");
    std::string text = c.arg(0).get<std::string>();
    // As the address bar does: spaces and line breaks around a pasted link are not part of it.
    const char* space = " \t\r\n\f\v";
    text.erase(0, std::min(text.find_first_not_of(space), text.size()));
    text.erase(text.find_last_not_of(space) + 1);
    const size_t at = text.find("#lab=");
    if (at != std::string::npos) text = text.substr(at + 5);
    else if (text.find('#') != std::string::npos || text.find("://") != std::string::npos)
        return result("the link holds no lab state (it has no #lab= part)");
    return result(c.lab.open_link(text));
}

json export_weights(const ApiCall& c) { return export_weights_json(c.lab); }

json import_weights(const ApiCall& c) {
    if (!c.arg(0).is_string()) return result("takes the JSON text");
    if (auto error = too_long(c.arg(0).get_ref<const std::string&>(), "a weights file", kMaxWeightsFileBytes);
        !error.empty())
        return result(error);
    return result(import_weights_json(c.lab, c.arg(0).get<std::string>()));
}

json export_history(const ApiCall& c) { return export_history_csv(c.lab); }

}  // namespace

const std::vector<ApiMethod>& api_methods() {
    // How the page sends each argument (lab_api.h): as given, a number (NaN as "NaN"), String(x),
    // an object ({} when left out); an optional one is left out when undefined.
    const ApiArg value{}, number{Send::Number}, text{Send::Text}, options{Send::Options};
    const ApiArg optional{Send::Value, true}, optional_number{Send::Number, true};
    static const std::vector<ApiMethod> table = {
        {"state", {}, state},
        {"configure", {value}, configure},
        {"train", {optional_number}, train},  // no argument at all is one step
        {"gradients", {}, gradients},
        {"play", {optional_number}, play},  // no argument at all is true; NaN is refused, not read as absent
        {"reset", {}, reset},
        {"setSpeed", {value}, set_speed},
        {"stats", {optional}, stats},
        {"chainRule", {value, value, value}, chain_rule},
        {"select", {value}, select},
        {"inspect", {value}, inspect},
        {"selection", {}, selection},
        {"setParameter", {value, number}, set_parameter},
        {"display", {value}, display},
        {"landscape", {value}, landscape_json},
        {"phase", {}, phase},
        {"pass", {}, pass},
        {"stepEpoch", {}, step_epoch},
        {"layout", {}, layout_json},
        {"points", {}, points},
        {"addPoint", {value}, add_point},
        {"movePoint", {value, value}, move_point},
        {"removePoint", {value}, remove_point},
        {"undo", {}, undo},
        {"redo", {}, redo},
        {"importCsv", {value}, import_csv},
        {"exportCsv", {}, export_csv},
        {"predict", {number, number}, predict},
        {"neuronMap", {number, number, number}, neuron_map},
        {"shareLink", {options}, share_link, Answer::Link},
        {"openLink", {text}, open_link},
        {"resetDefaults", {}, reset_defaults},
        {"exportWeights", {}, export_weights},
        {"importWeights", {value}, import_weights},
        {"exportHistory", {}, export_history},
        {"notice", {value}, notice},
        {"setTextScale", {number}, set_text_scale},
        {"presenter", {value}, set_presenter},
        {"showView", {value}, show_view},
        {"showQr", {optional}, show_qr},
        {"lessons", {}, lessons_json},
        // (textOrName, step, {keepLab}): the step is 1 when left out before the options.
        {"openLesson", {value, {Send::Number, true, 1}, optional}, open_lesson},
        {"lesson", {optional}, lesson_json},
        {"lessonNext", {}, lesson_next},
        {"lessonBack", {}, lesson_back},
        {"closeLesson", {}, close_lesson},
        // ({step}): the page makes the link of the lesson and step the lab gives (a Promise).
        {"lessonLink", {optional}, lesson_link, Answer::LessonLink},
        {"answer", {number}, answer_question},
        {"showAnswer", {}, show_answer},
        {"lessonResults", {}, lesson_results},
    };
    return table;
}

std::string call_lab_api(Lab& lab, const std::string& method, const std::string& args_json, const ScreenGeometry& screen) {
    ViewSettings unseen;
    return call_lab_api(lab, method, args_json, screen, unseen);
}

std::string call_lab_api(Lab& lab, const std::string& method, const std::string& args_json, const ScreenGeometry& screen,
                         ViewSettings& view) {
    LessonRun unseen;
    return call_lab_api(lab, method, args_json, screen, view, unseen);
}

std::string call_lab_api(Lab& lab, const std::string& method, const std::string& args_json, const ScreenGeometry& screen,
                         ViewSettings& view, LessonRun& lesson) {
    const auto& table = api_methods();
    const auto m = std::find_if(table.begin(), table.end(), [&](const ApiMethod& row) { return method == row.name; });
    json out;
    if (m == table.end()) {
        out = result("lab has no method '" + method + "'");
    } else {
        std::string error;
        const json args = args_json.empty() ? json::array() : parse_untrusted_json(args_json, kApiJsonLimits, error);
        const size_t most = m->args.size();
        if (!error.empty()) out = result("the arguments cannot be read: " + error);
        else if (!args.is_array()) out = result("the arguments are not a JSON array");
        else if (args.size() > most)
            out = result(most == 0 ? "takes no arguments"
                                   : "takes at most " + std::to_string(most) + (most == 1 ? " argument" : " arguments"));
        else out = m->run(ApiCall{lab, args, screen, view, lesson});
        // The call's name, once, before whatever its handler or the lab found wrong.
        const bool refused = out.is_object() && out.contains("ok") && out["ok"] == false && out.contains("error");
        if (refused && out["error"].is_string()) out["error"] = std::string(m->name) + "(): " + out["error"].get<std::string>();
    }
    // Text from outside (a CSV cell in an error message) may not be valid UTF-8: replace, never abort.
    return out.dump(-1, ' ', false, json::error_handler_t::replace);
}

}  // namespace bp
