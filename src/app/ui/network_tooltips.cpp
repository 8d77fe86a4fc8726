// Hover tooltips of the network view.
#include "app/ui/network_tooltips.h"

#include <imgui.h>

#include <string>

#include "app/notation/glyphs.h"
#include "app/notation/number_text.h"
#include "app/ui/ui_style.h"
#include "app/ui/update_text.h"

namespace bp {

namespace {

// The feature, "neuron 2 of layer 1", or the output.
std::string neuron_name(const Network& net, const TrainingSettings& s, int l, int j) {
    if (l == 0) return std::string(feature_label(s.features[j])) + " (input " + std::to_string(j + 1) + ")";
    if (l == net.layer_count()) return "the output \u0177";
    return "neuron " + std::to_string(j + 1) + " of layer " + std::to_string(l);
}

void muted(const char* text) {
    ImGui::PushStyleColor(ImGuiCol_Text, ui::kMutedInk);
    ImGui::TextUnformatted(text);
    ImGui::PopStyleColor();
}

// The last step's update of one parameter, by the chosen rule with its numbers, and the optimizer's
// state it left (velocity or moments).
void update_line(const Lab& lab, const std::string& symbol, const Selection& s) {
    for (const std::string& line : update_lines(symbol, lab.last_update(s), lab.settings(), s.is_bias))
        ImGui::TextUnformatted(line.c_str());
    const std::string state = optimizer_state_text(lab.trainer(), s);
    if (!state.empty()) muted(state.c_str());
}

}  // namespace

void edge_tooltip(const Lab& lab, const KnownValues& view, int l, int i, int j) {
    const Trainer& t = lab.trainer();
    const std::string w = weight_symbol(l - 1, i, j);
    ImGui::BeginTooltip();
    ImGui::Text("%s = %s", w.c_str(), number_text(t.network().W[l - 1](i, j), 6).c_str());
    ImGui::Text("from %s to %s", neuron_name(t.network(), lab.settings(), l - 1, i).c_str(),
                neuron_name(t.network(), lab.settings(), l, j).c_str());
    const bool gradient_known = t.step_count() > 0 && view.delta_known(l) && !t.mid_step();
    // With a penalty, the update lines below split the step's gradient into its data and penalty parts.
    const bool split_below = gradient_known && lab.settings().regularization.on();
    if (!split_below && (gradient_known || (t.mid_step() && view.delta_known(l))))
        ImGui::Text("\u2202L/\u2202%s = %s  (this step, mean over the batch)", w.c_str(), number_text(t.gradients().dW[l - 1](i, j), 6).c_str());
    if (gradient_known) update_line(lab, w, {l, i, j, false});
    muted(view.update ? "Update phase: colour and thickness show each weight's change."
          : view.gradient_edges ? "Edges show \u2202L/\u2202w: blue positive, orange negative, thicker is larger."
                                : "Thickness shows |w|; blue is positive, orange negative.");
    muted("Click to expand its chain rule in the inspector.");
    ImGui::EndTooltip();
}

void node_tooltip(const Lab& lab, const KnownValues& view, int l, int j) {
    const Network& net = lab.inspected_network();
    const Pass& pass = lab.inspected_pass();
    ImGui::BeginTooltip();
    ImGui::TextUnformatted(neuron_name(net, lab.settings(), l, j).c_str());
    if (pass.rows == 0) {
        ImGui::TextUnformatted("No point to show: add data points.");
    } else if (!view.forward_known(l)) {
        muted("Not computed yet in this step: the forward pass has not reached this layer.");
    } else if (l == 0) {
        ImGui::Text("%s = %s", feature_label(lab.settings().features[j]), number_text(pass.a[0](0, j), 6).c_str());
    } else {
        const std::string z = neuron_symbol("z", l, j), a = neuron_symbol("a", l, j);
        ImGui::Text("%s = %s \u00b7 W%s + %s = %s", z.c_str(), l == 1 ? "x" : ("a" + superscript(l - 1)).c_str(),
                    superscript(l).c_str(), bias_symbol(l - 1, j).c_str(), number_text(pass.z[l](0, j), 6).c_str());
        ImGui::Text("%s = %s(%s) = %s", l == net.layer_count() ? "\u0177" : a.c_str(), activation_name(net.activation(l)),
                    z.c_str(), number_text(pass.a[l](0, j), 6).c_str());
        if (l == net.layer_count() && view.show_loss)
            ImGui::Text("target y = %s,  loss L = %s", number_text(pass.y(0), 4).c_str(), number_text(pass.loss(0), 6).c_str());
        const std::string d = neuron_symbol("\u03b4", l, j);
        if (view.delta_known(l))
            ImGui::Text("%s = \u2202L/\u2202%s = %s", d.c_str(), z.c_str(), number_text(pass.delta[l](0, j), 6).c_str());
        else
            muted("\u03b4 = \u2202L/\u2202z comes in the backward pass.");
    }
    const int k = lab.inspected_point();
    const std::string source = lab.inspecting_batch()
                                   ? "for sample " + std::to_string(lab.inspected().index + 1) + " of the last batch (point #" +
                                         std::to_string(k + 1) + ")"
                                   : "for point #" + std::to_string(k + 1) + " on the current weights";
    muted(source.c_str());
    ImGui::EndTooltip();
}

void bias_tooltip(const Lab& lab, const KnownValues& view, int l, int j) {
    const Trainer& t = lab.trainer();
    const std::string b = bias_symbol(l - 1, j);
    ImGui::BeginTooltip();
    ImGui::Text("%s = %s", b.c_str(), number_text(t.network().b[l - 1](j), 6).c_str());
    ImGui::Text("the bias of %s, added to its weighted sum", neuron_name(t.network(), lab.settings(), l, j).c_str());
    const bool gradient_known = t.step_count() > 0 && view.delta_known(l) && !t.mid_step();
    // With a penalty, the update lines below split the step's gradient into its data and penalty parts.
    const bool split_below = gradient_known && lab.settings().regularization.on();
    if (!split_below && (gradient_known || (t.mid_step() && view.delta_known(l))))
        ImGui::Text("\u2202L/\u2202%s = %s  (this step, mean over the batch)", b.c_str(), number_text(t.gradients().db[l - 1](j), 6).c_str());
    if (gradient_known) update_line(lab, b, {l, 0, j, true});
    muted("Click to expand its chain rule in the inspector.");
    ImGui::EndTooltip();
}

}  // namespace bp
