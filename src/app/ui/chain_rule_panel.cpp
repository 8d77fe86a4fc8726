// Chain-rule inspector: for the selected weight or bias and the inspected sample, ∂L/∂w as the sum
// over every path to the loss (one product of local derivatives per path, largest first), beside the
// backprop value, a finite difference and their relative error, then the update with numbers filled
// in and, for a batch, every sample's gradient beside their mean. Hovering a path highlights it on
// the network. While a step is walked through phase by phase, it waits for the backward pass.
#include <algorithm>
#include <cmath>
#include <string>


#include "app/notation/chain_rule_symbols.h"
#include "app/notation/glyphs.h"
#include "app/notation/number_text.h"
#include "app/ui/known_values.h"
#include "app/ui/chain_rule_panel.h"
#include "app/ui/ui_style.h"
#include "app/ui/update_text.h"

namespace bp {

namespace {

void sample_chooser(Lab& lab) {
    const int rows = static_cast<int>(lab.trainer().last_batch().size());
    if (lab.inspecting_batch()) {
        const int row = lab.inspected().index;
        ImGui::Text("Sample %d of the last batch (point #%d)", row + 1, lab.inspected_point() + 1);
        ImGui::SameLine();
        if (ImGui::ArrowButton("previous", ImGuiDir_Left)) lab.inspect_batch_sample((row + rows - 1) % rows);
        ui::tooltip("The previous sample of the batch.");
        ImGui::SameLine();
        if (ImGui::ArrowButton("next", ImGuiDir_Right)) lab.inspect_batch_sample((row + 1) % rows);
        ui::tooltip("The next sample of the batch.");
    } else {
        ImGui::Text("Point #%d on the current weights", lab.inspected_point() + 1);
        if (rows > 0) {
            ImGui::SameLine();
            if (ImGui::SmallButton("use the last batch")) lab.inspect_batch_sample(0);
            ui::tooltip("Inspect the samples of the last step's batch, with the weights that step used.");
        }
    }
    ui::tooltip("Whose numbers the inspector and the network show. Click a point in the data view to inspect "
                "any point on the current weights.");
}

// "1,048,576"
std::string with_separators(int64_t n) {
    std::string digits = std::to_string(n), out;
    for (size_t k = 0; k < digits.size(); ++k) {
        if (k > 0 && (digits.size() - k) % 3 == 0) out += ',';
        out += digits[k];
    }
    return out;
}

// One row per path, every path, largest first: the path and its product (a column that stays in
// view when the factors scroll across a narrow screen), then each factor's symbol over its value.
// Only the rows in view are built (there can be 16^5 of them).
void path_table(Inspector& inspector, Lab& lab, const ChainRule& r, const Network& net) {
    const int columns = r.paths.empty() ? 1 : static_cast<int>(r.paths[0].factors.size()) + 1;
    const ImGuiTableFlags flags = ImGuiTableFlags_ScrollX | ImGuiTableFlags_ScrollY | ImGuiTableFlags_RowBg |
                                  ImGuiTableFlags_BordersInnerV | ImGuiTableFlags_SizingFixedFit;
    const float line = ImGui::GetTextLineHeightWithSpacing();
    const float row = line * 2.0f + ImGui::GetStyle().CellPadding.y * 2.0f;
    const float wanted = row * static_cast<float>(r.ranked.size()) + ImGui::GetStyle().ScrollbarSize + line * 0.5f;
    const float height = std::min(wanted, std::max(row * 3.0f, ImGui::GetContentRegionAvail().y));
    const int highlighted = inspector.hovered_path;  // last frame's, to shade its row now
    inspector.hovered_path = -1;
    inspector.hovered_factor = -1;
    if (!ImGui::BeginTable("paths", columns, flags, ImVec2(0, height))) return;
    ui::swipe_scrolls_sideways();  // the paths' products lie off to the right
    ImGui::TableSetupScrollFreeze(1, 0);
    ImGuiListClipper clipper;
    clipper.Begin(static_cast<int>(r.ranked.size()), row);
    while (clipper.Step())
        for (int p = clipper.DisplayStart; p < clipper.DisplayEnd; ++p) {
            const ChainPath path = lab.chain_path(static_cast<size_t>(p));
            ImGui::TableNextRow(0, row);
            if (p == highlighted) ImGui::TableSetBgColor(ImGuiTableBgTarget_RowBg1, ui::with_alpha(ui::kHighlight, 70));
            ImGui::TableNextColumn();
            const float top = ImGui::GetCursorScreenPos().y;
            ImGui::Text("path %d", p + 1);
            ImGui::Text("= %s", number_text(path.product, 6).c_str());
            const float bottom = ImGui::GetCursorScreenPos().y;
            for (int f = 0; f < static_cast<int>(path.factors.size()); ++f) {
                ImGui::TableNextColumn();
                const std::string symbol = factor_symbol(net, path.factors[f], r.is_bias, r.layer);
                ImGui::BeginGroup();
                ImGui::TextUnformatted(symbol.c_str());
                ImGui::Text("%s%s", f == 0 ? "" : "\u00b7 ", number_text(path.factors[f].value, 4).c_str());
                ImGui::EndGroup();
                if (ImGui::IsItemHovered()) inspector.hovered_factor = f;
            }
            const ImVec2 mouse = ImGui::GetIO().MousePos;
            if (ImGui::IsWindowHovered() && mouse.y >= top && mouse.y < bottom) inspector.hovered_path = p;
        }
    ImGui::EndTable();
}

// The check against backprop and the finite difference, and the update of the last step.
void results(const Lab& lab, const ChainRule& r, const std::string& p) {
    const double scale = std::max({std::fabs(r.backprop), std::fabs(r.numeric), 1e-12});
    const std::string backprop_formula = r.is_bias ? neuron_symbol("\u03b4", r.layer, r.j)
                                                   : neuron_symbol("a", r.layer - 1, r.i) + "\u00b7" +
                                                         neuron_symbol("\u03b4", r.layer, r.j);
    ImGui::Text("\u03a3 of the path products = %s", number_text(r.sum, 8).c_str());
    const std::string backprop = "backprop " + backprop_formula + " = " + number_text(r.backprop, 8);
    ui::same_line_if_fits(ImGui::CalcTextSize(backprop.c_str()).x, ImGui::GetFontSize() * 1.5f);
    ImGui::TextUnformatted(backprop.c_str());
    ui::tooltip("What the backward pass computed for this sample: the input of the weight times the \u03b4 of "
                "its target neuron. It equals the sum over the paths: backprop is the chain rule, organised.");
    if (r.numeric_kink) {
        // L has a corner here: the central difference averages two slopes, so it cannot check backprop.
        const std::string z = neuron_symbol("z", r.kink_layer, r.kink_neuron);
        ImGui::PushStyleColor(ImGuiCol_Text, ui::kMutedInk);
        ImGui::TextWrapped("finite difference: not defined here. %s of a ReLU is 0 within \u00b1h of %s, where the "
                           "loss has a kink; slope from below %s, from above %s (backprop takes ReLU'(0) = 0).",
                           z.c_str(), p.c_str(), number_text(r.numeric_left, 8).c_str(), number_text(r.numeric_right, 8).c_str());
        ImGui::PopStyleColor();
        ui::tooltip("A ReLU bends at z = 0. There the loss has two slopes, one from each side, and no derivative; "
                    "the central difference (L(w + h) \u2212 L(w \u2212 h)) / 2h would average them and seem to "
                    "disagree with backprop. Backprop is right on one side of the kink.");
    } else {
        ImGui::Text("finite difference = %s   (relative error %s)", number_text(r.numeric, 8).c_str(),
                    number_text(std::fabs(r.backprop - r.numeric) / scale, 2).c_str());
        ui::tooltip("(L(w + h) \u2212 L(w \u2212 h)) / 2h for this sample, with h = 0.00001: an independent check "
                    "that needs no calculus.");
    }
    const Regularization& reg = lab.settings().regularization;
    if (reg.on() && !r.is_bias) {
        // The paths above are the data loss's; the penalty adds its own part, the same for every sample.
        const double w = lab.inspected_network().W[r.layer - 1](r.i, r.j);
        ui::text_wrapped_at_spaces("+ the penalty's part: \u2202R/\u2202" + p + " = " +
                          (reg.kind == RegularizationKind::L1 ? "\u03bb\u00b7sign(w)" : "\u03bb\u00b7w") + " = " +
                          number_text(penalty_gradient(w, reg), 8) + "   (the same for every sample)");
        ui::tooltip("The paths, backprop and the finite difference above are the data loss's gradient for this sample. "
                    "Regularization adds the penalty R to the loss, and its gradient to every weight's: L1 \u03bb\u00b7sign(w), "
                    "L2 \u03bb\u00b7w. Biases have none.");
    }

    const Trainer& t = lab.trainer();
    if (t.step_count() == 0 || t.mid_step() || t.last_pass().rows == 0) return;
    const Selection selected{r.layer, r.i, r.j, r.is_bias};
    const ParameterUpdate u = lab.last_update(selected);
    const double g = u.data_gradient;  // the batch mean of the samples' gradients below
    for (const std::string& line : update_lines(p, u, t.settings(), r.is_bias)) {
        ui::text_wrapped_at_spaces(line);  // Adam's lines are longer than a phone is wide
        ui::tooltip("The last step's update of this parameter, by the chosen optimizer. \u2202L/\u2202w here is the "
                    "mean over the step's batch, not this one sample's gradient: each sample pulls its own way, the "
                    "update follows their average (plus the regularization penalty's part, when it is on).");
    }
    const Pass& pass = t.last_pass();
    if (pass.rows <= 1) return;
    std::string per_sample = "batch of " + std::to_string(pass.rows) + ":";
    char value[40];
    for (int s = 0; s < pass.rows && s < 12; ++s) {
        const double gs = lab.sample_gradient(selected, s);
        const bool mine = lab.inspecting_batch() && lab.inspected().index == s;
        std::snprintf(value, sizeof value, mine ? " [%s]" : " %s", number_text(gs, 3).c_str());
        per_sample += value;
    }
    if (pass.rows > 12) per_sample += " \u2026";
    std::snprintf(value, sizeof value, "   mean %s", number_text(g, 3).c_str());
    per_sample += value;
    ImGui::TextUnformatted(per_sample.c_str());
    ui::tooltip("\u2202L/\u2202w for each sample of the last batch ([ ] marks the inspected one); the update uses "
                "their mean.");
}

}  // namespace

bool Inspector::hovered_chain_path(const Lab& lab, ChainPath& path) const {
    if (hovered_path < 0 || hovered_path >= static_cast<int>(lab.chain_rule().ranked.size())) return false;
    path = lab.chain_path(static_cast<size_t>(hovered_path));
    return true;
}

void draw_chain_rule_panel(Inspector& inspector, Lab& lab) {
    const ChainRule& r = lab.chain_rule();
    const Network& net = lab.inspected_network();
    if (lab.inspected_pass().rows == 0) {
        ImGui::TextWrapped("Add data points to inspect a sample.");
        return;
    }
    ImGui::BeginChild("chain_rule_scroll");
    const std::string p = parameter_symbol(r.layer, r.i, r.j, r.is_bias);
    ImGui::Text("\u2202L/\u2202%s", p.c_str());
    ui::tooltip("Click any edge (weight) or bias square in the network, or a cell in Matrices, to choose the "
                "parameter.");
    const float chooser = ImGui::CalcTextSize("Sample 10 of the last batch (point #200)").x + 2 * ImGui::GetFrameHeight();
    ui::same_line_if_fits(chooser, ImGui::GetFontSize());
    sample_chooser(lab);
    draw_parameter_editor(inspector.editor, lab);

    // While a step is walked through, the chain rule waits for the backward pass to reach it.
    const KnownValues view = known_values(lab);
    if (view.phased && !view.delta_known(r.layer)) {
        ImGui::PushStyleColor(ImGuiCol_Text, ui::kMutedInk);
        ImGui::TextWrapped("\u2202L/\u2202%s needs \u03b4%s, which the backward pass computes at its phase \"backward, "
                           "layer %d\". Press Next phase (N) to get there; the paths and their numbers appear then.",
                           p.c_str(), superscript(r.layer).c_str(), r.layer);
        ImGui::PopStyleColor();
        ImGui::EndChild();
        return;
    }
    if (inspector.hold_results) {
        ImGui::PushStyleColor(ImGuiCol_Text, ui::kMutedInk);
        ImGui::TextWrapped("Σ, backprop and the finite difference appear once you answer the lesson's question: "
                           "work it out from the paths below first.");
        ImGui::PopStyleColor();
    } else {
        results(lab, r, p);
    }
    ImGui::Separator();
    const std::string count = with_separators(r.path_count);
    if (r.path_count == 1)
        ImGui::Text("1 path from %s to the loss, a product of local derivatives:", p.c_str());
    else if (static_cast<int64_t>(r.ranked.size()) == r.path_count)
        ImGui::Text("%s paths from %s to the loss, one product of local derivatives each, largest first:", count.c_str(),
                    p.c_str());
    else
        ImGui::TextWrapped("%s paths from %s to the loss, one product of local derivatives each; the %s largest are "
                           "listed, largest first (\u03a3 above covers every path):",
                           count.c_str(), p.c_str(), with_separators(static_cast<int64_t>(r.ranked.size())).c_str());
    ui::tooltip("Hover a path to see it on the network, or a factor to see its edge or neuron.");
    path_table(inspector, lab, r, net);
    ImGui::EndChild();
}

}  // namespace bp
