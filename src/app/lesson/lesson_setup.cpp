// Setting by setting: plain values become the JSON configure() reads, the rest are lab commands.
#include "app/lesson/lesson_setup.h"

#include <algorithm>
#include <cctype>
#include <nlohmann/json.hpp>

#include "app/lab/lab.h"
#include "app/lab/settings_json.h"
#include "app/lab/untrusted_json.h"
#include "app/lesson/lesson_quantity.h"
#include "app/notation/number_text.h"

namespace bp {

using nlohmann::json;

namespace {

constexpr const char* kConfigureNames[] = {
    "layers", "features", "hidden", "output", "loss", "learningRate", "batchSize",
    "dataset", "pointCount", "noise", "testFraction", "seed", "regularization", "optimizer",
};
// The lesson's own settings, in the order they are applied.
constexpr const char* kOrder[] = {
    "link", "configure", "reset", "train", "phase", "select", "inspect", "edges", "tab", "view", "landscape",
};

std::vector<std::string> words(const std::string& value) {
    std::vector<std::string> out;
    std::string w;
    for (char c : value + " ") {
        if (c == ' ' || c == ',' || c == '\t') {
            if (!w.empty()) out.push_back(w);
            w.clear();
        } else {
            w += c;
        }
    }
    return out;
}

bool is_configure(const std::string& name) {
    return std::find_if(std::begin(kConfigureNames), std::end(kConfigureNames), [&](const char* n) { return name == n; }) !=
           std::end(kConfigureNames);
}

// A plain value as JSON: a number read as window.lab reads the JSON text of one (so a seed too large
// for configure() is refused by it, not cut), a number as the lab writes it (−0.5), or a name.
json plain(const std::string& value) {
    std::string digits = value, ignored;
    if (!digits.empty() && digits.find_first_not_of("0123456789") == std::string::npos)
        digits.erase(0, std::min(digits.find_first_not_of('0'), digits.size() - 1));  // 007 is 7, as it was
    if (json number = parse_untrusted_json(digits, kApiJsonLimits, ignored); number.is_number()) return number;
    double v = 0.0;
    if (number_from_text(value, v)) return json(v);
    return json(value);
}

// A whole number as window.lab reads one; false for anything else ("1x", "1.5", "99999999999").
bool whole_number(const std::string& text, int& out) {
    return read_whole(plain(text), "", out).empty();
}

// "4 3 2 1", "4-3-2-1" or "4, 3, 2, 1".
bool layer_list(std::string value, json& out) {
    std::replace(value.begin(), value.end(), '-', ' ');
    out = json::array();
    for (const std::string& w : words(value)) {
        if (w.find_first_not_of("0123456789") != std::string::npos) return false;
        out.push_back(plain(w));  // configure() names the sizes it allows
    }
    return !out.empty();
}

// "l2 0.003", "none"; "sgd", "momentum 0.9", "adam 0.9 0.999 1e-8": the kind, then its numbers in
// the order configure() names them (a kind alone keeps the numbers the lab has).
bool method_json(const std::string& name, const std::string& value, json& out) {
    const std::vector<std::string> w = words(value);
    if (w.empty()) return false;
    out = {{"kind", w[0]}};
    std::vector<const char*> numbers;
    if (name == "regularization" && w[0] != "none") numbers = {"rate"};
    if (name == "optimizer" && w[0] == "momentum") numbers = {"beta"};
    if (name == "optimizer" && w[0] == "adam") numbers = {"beta1", "beta2", "epsilon"};
    if (w.size() > 1 + numbers.size()) return false;
    for (size_t k = 1; k < w.size(); ++k) {
        double v = 0.0;
        if (!number_from_text(w[k], v)) return false;
        out[numbers[k - 1]] = v;
    }
    return true;
}

bool to_configure_json(const std::vector<const LessonSetting*>& lines, json& out, std::string& error, int& line) {
    out = json::object();
    for (const LessonSetting* s : lines) {
        line = s->line;
        if (s->name == "layers") {
            json layers;
            if (!layer_list(s->value, layers)) {
                error = "layers lists every layer's size from the inputs to the output, like 4 3 2 1";
                return false;
            }
            out["layers"] = layers;
        } else if (s->name == "features") {
            out["features"] = words(s->value);
        } else if (s->name == "hidden" || s->name == "output") {
            out["activations"][s->name] = s->value;
        } else if (s->name == "regularization" || s->name == "optimizer") {
            if (!method_json(s->name, s->value, out[s->name])) {
                error = s->name == "regularization"
                            ? "regularization is none, or l1 or l2 with a rate λ: like l2 0.003"
                            : "optimizer is sgd, momentum with β (like momentum 0.9), or adam with β₁ β₂ ε "
                              "(like adam 0.9 0.999 1e-8; adam alone keeps them)";
                return false;
            }
        } else {
            out[s->name] = plain(s->value);
        }
    }
    return true;
}

// The line configure()'s refusal is about: the first line that, read with the lines above it,
// brings the refusal (the lines are read together, so a later line may need an earlier one).
int line_refused(const Lab& lab, const std::vector<const LessonSetting*>& lines, const std::string& refusal) {
    for (size_t k = 1; k <= lines.size(); ++k) {
        const std::vector<const LessonSetting*> above(lines.begin(), lines.begin() + static_cast<std::ptrdiff_t>(k));
        json settings;
        std::string error;
        int ignored = 0;
        if (!to_configure_json(above, settings, error, ignored)) continue;
        TrainingSettings s = lab.settings();
        error = apply_settings(settings, s);
        if (error.empty()) error = validate(s);  // where configure() begins
        if (error == refusal) return above.back()->line;
    }
    return lines.back()->line;
}

bool parse_phase(const std::string& value, const Lab& lab, StepPhase& out, std::string& error) {
    const std::vector<std::string> w = words(value);
    const int L = static_cast<int>(lab.trainer().network().W.size());
    const std::string name = w.empty() ? "" : w[0];
    for (Phase p : {Phase::Ready, Phase::Forward, Phase::Loss, Phase::Backward, Phase::Update})
        if (name == phase_name(p)) {
            const bool layered = p == Phase::Forward || p == Phase::Backward;
            out = {p, 0};
            if (layered != (w.size() == 2) || w.size() > 2) break;
            if (layered) {
                if (!whole_number(w[1], out.layer) || out.layer < 1 || out.layer > L) {
                    error = "phase " + value + ": the network has layers 1 to " + std::to_string(L);
                    return false;
                }
            }
            return true;
        }
    error = "a phase is ready, forward <layer>, loss, backward <layer> or update; not '" + value + "'";
    return false;
}

// Runs the step walk until the trainer is at `target` (a step in progress is finished first when it
// is past the target).
bool walk_to(Lab& lab, const StepPhase& target, std::string& error) {
    const int L = static_cast<int>(lab.trainer().network().W.size());
    for (int k = 0; k <= 2 * (2 * L + 3); ++k) {
        const StepPhase now = lab.trainer().phase();
        const bool layered = target.phase == Phase::Forward || target.phase == Phase::Backward;
        if (now.phase == target.phase && (!layered || now.layer == target.layer)) return true;
        // Ready means no step half walked: a finished step (its update done) is as good.
        if (target.phase == Phase::Ready && now.phase == Phase::Update) return true;
        if (!lab.trainer().error().empty() || lab.trainer().training_point_count() == 0) break;
        lab.next_phase();
    }
    error = lab.trainer().training_point_count() == 0 ? "the phase cannot be reached: there are no training points"
            : lab.trainer().error().empty()              ? "the phase cannot be reached in this network"
                                                         : "the phase cannot be reached: " + lab.trainer().error();
    return false;
}

// `train = n`, read and limited as window.lab's train(n) is; "" or why it is refused.
std::string read_train(const Lab& lab, const LessonSetting& s, int& n) {
    std::string error = read_whole(plain(s.value), "the number of steps", n);
    if (error.empty()) error = lab.train_refusal(n);
    if (!error.empty()) return "train = " + s.value + ": " + error;
    if (n > 0 && lab.trainer().training_point_count() == 0) return "train: there are no training points";
    return "";
}

bool apply_one(Lab& lab, const LessonSetting& s, LessonView& view, std::string& error) {
    if (s.name == "link") {
        error = lab.open_link(s.value);
        return error.empty();
    }
    if (s.name == "reset") {
        lab.reset();
        return true;
    }
    if (s.name == "phase") {
        StepPhase target;
        return parse_phase(s.value, lab, target, error) && walk_to(lab, target, error);
    }
    if (s.name == "select") {
        Quantity q;
        if (!parse_quantity(s.value, q, error) || (q.kind != Quantity::Kind::Weight && q.kind != Quantity::Kind::Bias)) {
            error = "select takes a weight or a bias, like w1_11 or b2_1";
            return false;
        }
        error = lab.select({q.layer, q.i, q.j, q.kind == Quantity::Kind::Bias});
        if (!error.empty()) error = "select = " + s.value + ": " + error;
        return error.empty();
    }
    if (s.name == "inspect") {
        const std::vector<std::string> w = words(s.value);
        int k = 0;
        if (w.size() != 2 || !whole_number(w[1], k) || k < 1 || (w[0] != "sample" && w[0] != "point")) {
            error = "inspect takes 'sample <row of the last batch>' or 'point <number>', counted from 1";
            return false;
        }
        if (w[0] == "sample") {
            error = lab.inspect_batch_sample(k - 1);
            return error.empty();
        }
        if (k > static_cast<int>(lab.trainer().points().size())) {
            error = "there is no point #" + std::to_string(k);
            return false;
        }
        lab.set_inspected_point(k - 1);
        return true;
    }
    if (s.name == "edges") {
        if (s.value != "weights" && s.value != "gradients") {
            error = "edges takes weights or gradients";
            return false;
        }
        lab.set_edge_mode(s.value == "weights" ? Lab::EdgeMode::Weights : Lab::EdgeMode::Gradients);
        return true;
    }
    if (s.name == "tab" || s.name == "view") {
        const bool tab = s.name == "tab";
        const std::optional<Panel> panel = tab ? panel_named(s.value, kTabPanels) : panel_named(s.value, kViewPanels);
        if (!panel) {
            error = s.name + " takes " + (tab ? panel_list(kTabPanels) : panel_list(kViewPanels));
            return false;
        }
        (tab ? view.tab : view.view) = panel;
        return true;
    }
    if (s.name == "landscape") {
        const std::vector<std::string> w = words(s.value);
        Quantity q[2];
        const auto parameter = [&](int k) {
            std::string ignored;
            return parse_quantity(w[k], q[k], ignored) && (q[k].kind == Quantity::Kind::Weight || q[k].kind == Quantity::Kind::Bias);
        };
        if (w.size() != 2 || !parameter(0) || !parameter(1)) {
            error = "landscape takes two parameters, weights or biases, like w1_11 w1_21";
            return false;
        }
        ParameterRef ref[2];
        for (int k = 0; k < 2; ++k) {
            ref[k] = {q[k].layer, q[k].i, q[k].j, q[k].kind == Quantity::Kind::Bias};
            if (!has_parameter(lab.trainer().network(), ref[k])) {
                error = "landscape = " + s.value + ": the network has no " + w[k];
                return false;
            }
        }
        if (ref[0] == ref[1]) {
            error = "landscape takes two different parameters";
            return false;
        }
        view.landscape = std::make_pair(ref[0], ref[1]);
        return true;
    }
    error = "unknown setting '" + s.name + "'";
    return false;
}

}  // namespace

bool is_lesson_setting(const std::string& name) {
    return is_configure(name) || std::find_if(std::begin(kOrder), std::end(kOrder), [&](const char* n) {
                                     return name == n && name != "configure";
                                 }) != std::end(kOrder);
}

std::string lesson_setting_names() {
    std::string out;
    for (const char* n : kConfigureNames) out += std::string(out.empty() ? "" : ", ") + n;
    for (const char* n : kOrder)
        if (std::string(n) != "configure") out += std::string(", ") + n;
    return out;
}

namespace {

// The settings of kOrder from `first` up to (not including) `last`, in that order; a `train` line
// is read into `training`, not run.
bool apply_settings_in_order(Lab& lab, const std::vector<LessonSetting>& setup, const char* first, const char* last,
                             LessonView& view, SetupTraining& training, std::string& error, int& problem_line) {
    std::vector<const LessonSetting*> configure;
    for (const LessonSetting& s : setup)
        if (is_configure(s.name)) configure.push_back(&s);
    const std::string notice = lab.notice();
    const auto from = std::find_if(std::begin(kOrder), std::end(kOrder), [&](const char* n) { return std::string(n) == first; });
    const auto to = last ? std::find_if(from, std::end(kOrder), [&](const char* n) { return std::string(n) == last; }) : std::end(kOrder);
    for (auto step = from; step != to; ++step) {
        const std::string name = *step;
        if (name == "configure") {
            if (configure.empty()) continue;
            json settings;
            if (!to_configure_json(configure, settings, error, problem_line)) return false;
            TrainingSettings s = lab.settings();
            error = apply_settings(settings, s);
            if (error.empty()) error = lab.configure(s);
            if (!error.empty()) {
                problem_line = line_refused(lab, configure, error);
                return false;
            }
            continue;
        }
        for (const LessonSetting& s : setup) {
            if (s.name != name) continue;
            problem_line = s.line;
            if (name == "train") {
                training.line = s.line;
                error = read_train(lab, s, training.steps);
                if (!error.empty()) return false;
            } else if (!apply_one(lab, s, view, error)) {
                return false;
            }
        }
    }
    // The lesson's own commands leave no notices of theirs ("Reset: undo brings back ...").
    lab.set_notice(notice);
    return true;
}

}  // namespace

bool apply_setup_before_training(Lab& lab, const std::vector<LessonSetting>& setup, LessonView& view, SetupTraining& training,
                                 std::string& error, int& problem_line) {
    training = {};
    return apply_settings_in_order(lab, setup, "link", "phase", view, training, error, problem_line);
}

int setup_train_steps(const std::vector<LessonSetting>& setup) {
    int steps = 0, n = 0;
    for (const LessonSetting& s : setup)
        if (s.name == "train" && whole_number(s.value, n) && n > 0) steps += n;
    return steps;
}

bool apply_setup_after_training(Lab& lab, const std::vector<LessonSetting>& setup, LessonView& view, std::string& error,
                                int& problem_line) {
    SetupTraining none;
    return apply_settings_in_order(lab, setup, "phase", nullptr, view, none, error, problem_line);
}

bool apply_lesson_setup(Lab& lab, const std::vector<LessonSetting>& setup, LessonView& view, std::string& error,
                        int& problem_line) {
    SetupTraining training;
    if (!apply_setup_before_training(lab, setup, view, training, error, problem_line)) return false;
    if (training.steps > 0) lab.train(training.steps);
    return apply_setup_after_training(lab, setup, view, error, problem_line);
}

}  // namespace bp
