// Controls: play/step/reset, speed, the hyper-parameters and the architecture, each explained on hover.
#include <algorithm>
#include <string>

#include "app/ui/known_values.h"
#include "app/ui/panels.h"
#include "app/ui/lesson_marks.h"
#include "app/ui/ui_style.h"

namespace bp {

namespace {

// A combo over named options; returns true when the user picked another one.
// Options that cannot be chosen are greyed out, and say why on hover (disabled_why).
template <typename T, size_t N, typename Name>
bool enum_combo(const char* label, T& value, const T (&options)[N], Name name, const char* help,
                bool (*enabled)(T) = nullptr, const char* disabled_why = nullptr) {
    bool changed = false;
    if (ImGui::BeginCombo(label, name(value))) {
        if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape), false)) ImGui::CloseCurrentPopup();  // keeps the value
        for (T option : options) {
            const bool ok = !enabled || enabled(option);
            if (ui::selectable_row(name(option), option == value, ok ? 0 : ImGuiSelectableFlags_Disabled)) {
                changed = option != value;
                value = option;
            }
            if (!ok && disabled_why) ui::tooltip(disabled_why);
        }
        ImGui::EndCombo();
    }
    ui::tooltip(help);
    return changed;
}

// "[-] value [+]" for a small whole number; returns the change (-1, 0, +1).
int stepper(const char* id, const char* text, bool can_decrease, bool can_increase, const char* help) {
    int change = 0;
    ImGui::PushID(id);
    ImGui::BeginDisabled(!can_decrease);
    if (ImGui::Button("\u2212", ImVec2(ImGui::GetFrameHeight() * 1.2f, 0))) change = -1;
    ImGui::EndDisabled();
    ui::tooltip(help);
    ImGui::SameLine();
    ImGui::BeginDisabled(!can_increase);
    if (ImGui::Button("+", ImVec2(ImGui::GetFrameHeight() * 1.2f, 0))) change = +1;
    ImGui::EndDisabled();
    ui::tooltip(help);
    ImGui::SameLine();
    ImGui::TextUnformatted(text);
    ImGui::PopID();
    return change;
}

void run_buttons(Lab& lab) {
    const float w = (ImGui::GetContentRegionAvail().x - 2 * ImGui::GetStyle().ItemSpacing.x) / 3.0f;
    ImGui::BeginDisabled(!lab.trainer().error().empty());
    if (ImGui::Button(lab.playing() ? "Pause" : "Play", ImVec2(w, ImGui::GetFrameHeight() * 1.4f))) lab.toggle_play();
    ring_if_marked("play");
    ui::tooltip("Train continuously at the chosen speed (Space plays and pauses).");
    ImGui::SameLine();
    if (ImGui::Button("Step", ImVec2(w, ImGui::GetFrameHeight() * 1.4f))) lab.step_once();
    ring_if_marked("step");
    ui::tooltip("Train one step: one mini-batch forward, backward, and one update of every weight and bias.");
    ImGui::EndDisabled();
    ImGui::SameLine();
    if (ImGui::Button("Reset", ImVec2(w, ImGui::GetFrameHeight() * 1.4f))) lab.reset();
    ring_if_marked("reset");
    ui::tooltip("Start again: fresh weights from the seed, counters and loss history at zero. The data stays, and "
                "undo (Ctrl+Z) brings the trained network back.");

    // Finer and coarser than a step.
    ImGui::BeginDisabled(!lab.trainer().error().empty());
    const float half = (ImGui::GetContentRegionAvail().x - ImGui::GetStyle().ItemSpacing.x) / 2.0f;
    if (ImGui::Button(ui::label_that_fits({"Next phase  (N)###next_phase", "Next phase###next_phase", "Phase###next_phase"}, half), ImVec2(half, 0)))
        lab.next_phase();
    ring_if_marked("next phase");
    ui::tooltip("Walk through one step a phase at a time: forward layer 1 to L, the loss, backward layer L "
                "to 1, then the update. Each phase's numbers appear on the network.");
    ImGui::SameLine();
    if (ImGui::Button(ui::label_that_fits({"Epoch  (E)###epoch", "Epoch###epoch"}, half), ImVec2(half, 0))) lab.step_epoch();
    ring_if_marked("epoch");
    ui::tooltip("Train until the current epoch ends: every training point once, in this epoch's order.");
    ImGui::EndDisabled();

    int mode = lab.edge_mode() == Lab::EdgeMode::Weights ? 0 : 1;
    ImGui::TextUnformatted("Edges show");
    ImGui::SameLine();
    if (ImGui::RadioButton("w", &mode, 0)) lab.set_edge_mode(Lab::EdgeMode::Weights);
    ui::tooltip("Edges show the weights w: blue positive, orange negative, thicker is larger.");
    ImGui::SameLine();
    if (ImGui::RadioButton("\u2202L/\u2202w", &mode, 1)) lab.set_edge_mode(Lab::EdgeMode::Gradients);
    ring_if_marked("edges");
    ui::tooltip("Edges show the last step's gradients \u2202L/\u2202w (mean over the batch), and each neuron "
                "its \u03b4 = \u2202L/\u2202z for the inspected sample. The backward phases switch to this on their own.");
    const KnownValues view = known_values(lab);
    const char* now = view.update ? "(now each weight's change: update phase)"
                      : view.gradient_edges && lab.edge_mode() == Lab::EdgeMode::Weights ? "(now \u2202L/\u2202w: backward phase)"
                                                                                        : nullptr;
    if (now) {
        ImGui::PushStyleColor(ImGuiCol_Text, ui::kMutedInk);
        ImGui::TextUnformatted(now);
        ImGui::PopStyleColor();
    }
}

const char* regularization_label(RegularizationKind kind) {
    switch (kind) {
        case RegularizationKind::None: return "None";
        case RegularizationKind::L1: return "L1";
        case RegularizationKind::L2: return "L2";
    }
    return "?";
}

const char* optimizer_label(OptimizerKind kind) {
    switch (kind) {
        case OptimizerKind::Sgd: return "SGD";
        case OptimizerKind::Momentum: return "Momentum";
        case OptimizerKind::Adam: return "Adam";
    }
    return "?";
}

// A logarithmic slider for a positive setting; returns true when it changed.
bool log_slider(const char* label, double& value, double lo, double hi, const char* format, const char* help) {
    const bool changed = ImGui::SliderScalar(label, ImGuiDataType_Double, &value, &lo, &hi, format, ImGuiSliderFlags_Logarithmic);
    ui::tooltip(help);
    return changed;
}

// A decay rate β in [0, 1): a slider up to 0.9999 (typing 1 or more is refused by the settings' check).
bool decay_slider(const char* label, double& value, const char* help) {
    const double lo = 0.0, hi = 0.9999;
    const bool changed = ImGui::SliderScalar(label, ImGuiDataType_Double, &value, &lo, &hi, "%.4g");
    ui::tooltip(help);
    return changed;
}

// Regularization (None / L1 / L2 with λ) and the optimizer (SGD / Momentum / Adam with its settings);
// returns true when one changed. None of them restarts training.
bool training_rules(TrainingSettings& s) {
    bool changed = false;
    Regularization& reg = s.regularization;
    changed |= enum_combo("regularization", reg.kind, kAllRegularizations, regularization_label,
                          "A penalty on large weights, added to the loss (biases are not penalised):\n"
                          "L1: \u03bb\u00b7\u03a3|w|, whose gradient \u03bb\u00b7sign(w) pushes small weights to exactly 0.\n"
                          "L2: \u03bb\u00b7\u00bd\u03a3w\u00b2, whose gradient \u03bb\u00b7w shrinks every weight in proportion "
                          "(weight decay).\nThe weights stay when you change it.");
    ring_if_marked("regularization");
    if (reg.on()) {
        changed |= log_slider("rate \u03bb", reg.rate, 1e-5, kMaxRegularizationRate, "%.3g",
                              "The regularization rate \u03bb: how much the penalty weighs against the data loss. "
                              "Ctrl+click to type a value (0 to 10).");
    }
    OptimizerSettings& o = s.optimizer;
    changed |= enum_combo("optimizer", o.kind, kAllOptimizers, optimizer_label,
                          "How a step turns the gradient g = \u2202L/\u2202w into new weights:\n"
                          "SGD: w' = w \u2212 \u03b1g.\n"
                          "Momentum: v' = \u03b2v + g, w' = w \u2212 \u03b1v' (a velocity that keeps rolling).\n"
                          "Adam: running means of g and g\u00b2 scale each weight's own step to about \u03b1.\n"
                          "The weights stay when you change it; the new optimizer starts from a zero state.");
    ring_if_marked("optimizer");
    if (o.kind == OptimizerKind::Momentum)
        changed |= decay_slider("momentum \u03b2", o.beta,
                                "\u03b2: the share of the last velocity each step keeps (v' = \u03b2v + g). 0 is plain "
                                "SGD; 0.9 lets steps add up to about ten times \u03b1g along a steady slope.");
    if (o.kind == OptimizerKind::Adam) {
        changed |= decay_slider("\u03b2\u2081", o.beta1, "\u03b2\u2081: the decay of the running mean m of the gradient "
                                                       "(m' = \u03b2\u2081m + (1 \u2212 \u03b2\u2081)g). Usually 0.9.");
        changed |= decay_slider("\u03b2\u2082", o.beta2, "\u03b2\u2082: the decay of the running mean v of the squared "
                                                       "gradient (v' = \u03b2\u2082v + (1 \u2212 \u03b2\u2082)g\u00b2). Usually 0.999.");
        changed |= log_slider("\u03b5", o.epsilon, 1e-12, 1.0, "%.0e",
                              "\u03b5 keeps the step finite where v is near 0: w' = w \u2212 \u03b1\u00b7m/(\u221av + \u03b5), m and v "
                              "bias-corrected. "
                              "Usually 1e-8.");
    }
    return changed;
}

// Points, noise, test share and the input features; returns true when one changed. New data
// draws the next seed at once (it is its own undo step).
bool data_controls(Lab& lab, TrainingSettings& s) {
    bool changed = false;
    ImGui::Separator();
    ui::heading("Data");
    int count = s.point_count;
    if (ImGui::SliderInt("points", &count, 10, 1000, "%d", ImGuiSliderFlags_Logarithmic)) {
        s.point_count = count;
        changed = true;
    }
    ui::tooltip("How many points the data set generates. Changing it generates new points and restarts training "
                "(your edits are replaced; Ctrl+Z does not bring them back).");
    const double zero = 0.0, noise_max = 0.5, test_max = 0.9;
    changed |= ImGui::SliderScalar("noise", ImGuiDataType_Double, &s.noise, &zero, &noise_max, "%.2f");
    ui::tooltip("How far the generated points scatter from the data set's clean shape. Generates new points.");
    changed |= ImGui::SliderScalar("test share", ImGuiDataType_Double, &s.test_fraction, &zero, &test_max, "%.2f");
    ui::tooltip("The share of points held out as test points (drawn hollow): never trained on, their loss shows "
                "how well the network generalises. Your edited points stay.");
    if (ImGui::Button("New data")) lab.new_data();
    ui::tooltip("Generate the data set again from the next seed (the same shape, count, noise and test share, "
                "new points), and start training again from that seed's weights. Undo (Ctrl+Z) brings the "
                "previous data and network back.");
    ImGui::SameLine();
    ImGui::TextDisabled("seed %llu", static_cast<unsigned long long>(s.seed));
    ImGui::TextUnformatted("inputs");
    ui::tooltip("The features the network sees: each checked one is an input neuron.");
    int column = 0;
    for (Feature f : kAllFeatures) {
        bool on = std::find(s.features.begin(), s.features.end(), f) != s.features.end();
        if (column++ % 4 != 0) ImGui::SameLine();
        const bool last = on && s.features.size() == 1;
        ImGui::BeginDisabled(last);
        if (ImGui::Checkbox(feature_label(f), &on)) {
            if (on) {
                // Keep the lab's order of features, whatever order they were checked in.
                std::vector<Feature> next;
                for (Feature g : kAllFeatures)
                    if (g == f || std::find(s.features.begin(), s.features.end(), g) != s.features.end()) next.push_back(g);
                s.features = next;
            } else {
                s.features.erase(std::remove(s.features.begin(), s.features.end(), f), s.features.end());
            }
            changed = true;
        }
        ImGui::EndDisabled();
        ui::tooltip(last ? "The network needs at least one input." : "Use this feature as an input. Restarts training.");
    }
    return changed;
}

// How the data view draws the output and the points.
void display_controls(Lab& lab) {
    DisplayOptions d = lab.display();
    const bool regression = is_regression(lab.settings().dataset);
    bool changed = false;
    ImGui::BeginDisabled(regression);
    bool discretize = d.discretize && !regression;
    if (ImGui::Checkbox("discretize output", &discretize)) {
        d.discretize = discretize;
        changed = true;
    }
    ImGui::EndDisabled();
    ui::tooltip(regression ? "Only for classification: the curve data set draws the fitted curve, not classes."
                           : "Draw the output as the two classes the network predicts (ŷ ≥ 0.5 is class 1), "
                             "instead of shading how sure it is: the decision boundary as a sharp edge.");
    ImGui::SameLine();
    changed |= ImGui::Checkbox("show test points", &d.show_test_points);
    ui::tooltip("Draw the test points (hollow) in the data view. Hidden, they still count in the test loss.");
    if (changed) lab.set_display(d);
}

}  // namespace

void draw_controls_panel(Lab& lab) {
    run_buttons(lab);
    ImGui::Spacing();
    ImGui::PushItemWidth(-ImGui::GetFontSize() * 7.5f);

    double speed = lab.speed();
    const double speed_min = 1.0, speed_max = Lab::kMaxSpeed;
    const char* speed_format = speed >= speed_max ? "as fast as possible" : speed < 1.5 ? "%.0f step/s" : "%.0f steps/s";
    if (ImGui::SliderScalar("speed", ImGuiDataType_Double, &speed, &speed_min, &speed_max, speed_format,
                            ImGuiSliderFlags_Logarithmic))
        lab.set_speed(speed);
    ui::tooltip("Steps per second while playing: 1 is lecture pace; the right end trains as fast as the "
                "frame allows while the page stays smooth.");

    TrainingSettings s = lab.settings();
    bool changed = false;
    ImGui::Separator();
    ui::heading("Training");
    ImGui::BeginDisabled(lab.locked(Lab::LockTraining));
    const double alpha_min = 0.001, alpha_max = 10.0;
    if (ImGui::SliderScalar("learning rate \u03b1", ImGuiDataType_Double, &s.learning_rate, &alpha_min, &alpha_max, "%.4g",
                            ImGuiSliderFlags_Logarithmic))
        changed = true;
    ring_if_marked("learning rate");
    ui::tooltip("\u03b1 scales every update: w' = w \u2212 \u03b1 \u00b7 \u2202L/\u2202w. Too small learns slowly; "
                "too large makes the loss jump or explode. Ctrl+click to type a value.");
    int batch = s.batch_size;
    if (ImGui::SliderInt("batch size", &batch, 1, 200, "%d", ImGuiSliderFlags_Logarithmic)) {
        s.batch_size = std::max(1, batch);
        changed = true;
    }
    ring_if_marked("batch size");
    ui::tooltip("Points per step. The gradient is averaged over the batch before the update. 1 is pure "
                "stochastic gradient descent. Changing it restarts training.");
    changed |= enum_combo("loss", s.loss, kAllLosses, loss_name,
                          "mse: L = \u00bd(\u0177 \u2212 y)\u00b2.  bce: L = \u2212[y log \u0177 + (1 \u2212 y) log(1 \u2212 \u0177)], "
                          "which needs a sigmoid output.");
    if (s.loss == Loss::Bce) s.output_activation = Activation::Sigmoid;
    changed |= training_rules(s);
    ImGui::EndDisabled();

    ImGui::Separator();
    ui::heading("Network");
    ImGui::BeginDisabled(lab.locked(Lab::LockNetwork));
    ImGui::BeginDisabled(s.hidden.empty());
    changed |= enum_combo("hidden f", s.hidden_activation, kAllActivations, activation_name,
                          s.hidden.empty() ? "There are no hidden layers: add one with + below."
                                           : "The activation f of every hidden neuron: a = f(z).");
    ImGui::EndDisabled();
    static Loss loss_for_filter;
    loss_for_filter = s.loss;
    changed |= enum_combo("output f", s.output_activation, kAllActivations, activation_name,
                          "The activation of the output neuron: \u0177 = f(z). bce needs sigmoid.",
                          +[](Activation f) { return loss_accepts_output(loss_for_filter, f); },
                          "Not with the bce loss: its log needs \u0177 between 0 and 1, which only sigmoid gives. "
                          "Switch the loss to mse to use this output.");

    const int layers = static_cast<int>(s.hidden.size());
    const std::string layer_text = std::to_string(layers) + (layers == 1 ? " hidden layer" : " hidden layers");
    const int d = stepper("layers", layer_text.c_str(), layers > 0, layers < kMaxHiddenLayers,
                          "Add or remove a hidden layer (before the output). Restarts training.");
    if (d > 0) s.hidden.push_back(2);
    if (d < 0) s.hidden.pop_back();
    changed |= d != 0;
    for (int l = 0; l < std::min(layers, static_cast<int>(s.hidden.size())); ++l) {
        const std::string text = "layer " + std::to_string(l + 1) + ": " + std::to_string(s.hidden[l]) +
                                 (s.hidden[l] == 1 ? " neuron" : " neurons");
        const int dn = stepper(("n" + std::to_string(l)).c_str(), text.c_str(), s.hidden[l] > 1, s.hidden[l] < kMaxNeurons,
                               "Add or remove a neuron in this layer. Restarts training.");
        s.hidden[l] += dn;
        changed |= dn != 0;
    }
    ImGui::EndDisabled();
    ImGui::BeginDisabled(lab.locked(Lab::LockData));
    changed |= data_controls(lab, s);
    ImGui::EndDisabled();
    display_controls(lab);
    ImGui::PopItemWidth();
    if (changed) lab.configure(s);
}

}  // namespace bp
