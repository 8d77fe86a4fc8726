// Chain-rule inspector: for the selected weight or bias and the inspected sample, ∂L/∂w as the sum
// over every path to the loss (one product of local derivatives per path, largest first), beside the
// backprop value, a finite difference and their relative error, then the update with numbers filled
// in and, for a batch, every sample's gradient beside their mean. Hovering a path highlights it on
// the network.
#include <algorithm>
#include <cmath>
#include <string>


#include "app/chain_rule_json.h"
#include "app/glyphs.h"
#include "app/ui.h"
#include "app/ui_style.h"

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

// One row per path: each factor's symbol over its value, then the product.
void path_table(Lab& lab, const ChainRule& r, const Network& net, float height) {
    const int columns = r.paths.empty() ? 1 : static_cast<int>(r.paths[0].factors.size()) + 2;
    const ImGuiTableFlags flags = ImGuiTableFlags_ScrollX | ImGuiTableFlags_ScrollY | ImGuiTableFlags_RowBg |
                                  ImGuiTableFlags_BordersInnerV | ImGuiTableFlags_SizingFixedFit;
    lab.hovered_path = -1;
    lab.hovered_factor = -1;
    if (!ImGui::BeginTable("paths", columns, flags, ImVec2(0, height))) return;
    ImGui::TableSetupScrollFreeze(1, 0);
    for (int p = 0; p < static_cast<int>(r.paths.size()); ++p) {
        const ChainPath& path = r.paths[p];
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        const float top = ImGui::GetCursorScreenPos().y;
        ImGui::Text("path %d", p + 1);
        ImGui::TextUnformatted(" ");
        const float bottom = ImGui::GetCursorScreenPos().y;
        for (int f = 0; f < static_cast<int>(path.factors.size()); ++f) {
            ImGui::TableNextColumn();
            const std::string symbol = factor_symbol(net, path.factors[f], r.is_bias, r.layer);
            ImGui::BeginGroup();
            ImGui::TextUnformatted(symbol.c_str());
            ImGui::Text("%s%.4g", f == 0 ? "" : "\u00b7 ", path.factors[f].value);
            ImGui::EndGroup();
            if (ImGui::IsItemHovered()) lab.hovered_factor = f;
        }
        ImGui::TableNextColumn();
        ImGui::TextUnformatted("product");
        ImGui::Text("= %.6g", path.product);
        // The whole row is the hover target for the path.
        const ImVec2 mouse = ImGui::GetIO().MousePos;
        if (ImGui::IsWindowHovered() && mouse.y >= top && mouse.y < bottom) lab.hovered_path = p;
    }
    ImGui::EndTable();
}

}  // namespace

void draw_chain_rule_panel(Lab& lab) {
    const ChainRule& r = lab.chain_rule();
    const Network& net = lab.inspected_network();
    if (lab.inspected_pass().rows == 0) {
        ImGui::TextWrapped("Add data points to inspect a sample.");
        return;
    }
    const std::string p = parameter_symbol({r.layer, r.i, r.j, r.is_bias});
    ImGui::Text("\u2202L/\u2202%s", p.c_str());
    ui::tooltip("Click any edge (weight) or bias square in the network, or a cell in Matrices, to choose the "
                "parameter.");
    ImGui::SameLine(0, ImGui::GetFontSize());
    sample_chooser(lab);
    ImGui::Text("%lld path%s from %s to the loss, one product of local derivatives each%s:",
                static_cast<long long>(r.path_count), r.path_count == 1 ? "" : "s", p.c_str(),
                r.path_count > static_cast<int64_t>(r.paths.size()) ? " (the largest listed)" : ", largest first");

    const float line = ImGui::GetTextLineHeightWithSpacing();
    const float table_height = std::min(line * 2.0f * static_cast<float>(r.paths.size()) + ImGui::GetStyle().ScrollbarSize + line * 0.5f,
                                        std::max(line * 3.0f, ImGui::GetContentRegionAvail().y - line * 5.6f));
    path_table(lab, r, net, table_height);

    const double scale = std::max({std::fabs(r.backprop), std::fabs(r.numeric), 1e-12});
    const std::string backprop_formula = r.is_bias ? neuron_symbol("\u03b4", r.layer, r.j)
                                                   : neuron_symbol("a", r.layer - 1, r.i) + "\u00b7" +
                                                         neuron_symbol("\u03b4", r.layer, r.j);
    ImGui::Text("\u03a3 of the path products = %.8g", r.sum);
    ImGui::Text("backprop %s = %.8g", backprop_formula.c_str(), r.backprop);
    ui::tooltip("What the backward pass computed for this sample: the input of the weight times the \u03b4 of "
                "its target neuron.");
    ImGui::Text("finite difference = %.8g   (relative error %.1e)", r.numeric, std::fabs(r.backprop - r.numeric) / scale);
    ui::tooltip("(L(w + h) \u2212 L(w \u2212 h)) / 2h for this sample, with h = 0.00001: an independent check "
                "that needs no calculus.");

    const Trainer& t = lab.trainer();
    if (t.step_count() > 0 && !t.mid_step() && t.last_pass().rows > 0) {
        const double before = r.is_bias ? t.pass_network().b[r.layer - 1](r.j) : t.pass_network().W[r.layer - 1](r.i, r.j);
        const double after = r.is_bias ? t.network().b[r.layer - 1](r.j) : t.network().W[r.layer - 1](r.i, r.j);
        const double g = r.is_bias ? t.gradients().db[r.layer - 1](r.j) : t.gradients().dW[r.layer - 1](r.i, r.j);
        ImGui::Text("update: %s' = %s \u2212 \u03b1\u00b7\u2202L/\u2202%s = %.6f \u2212 %g \u00d7 %.6f = %.6f", p.c_str(), p.c_str(),
                    p.c_str(), before, t.settings().learning_rate, g, after);
        ui::tooltip("The last step's update of this parameter, with \u2202L/\u2202w the mean over its batch.");
        const Pass& pass = t.last_pass();
        if (pass.rows > 1) {
            std::string per_sample = "batch of " + std::to_string(pass.rows) + ":";
            char value[32];
            for (int s = 0; s < pass.rows && s < 12; ++s) {
                const double gs = pass.delta[r.layer](s, r.j) * (r.is_bias ? 1.0 : pass.a[r.layer - 1](s, r.i));
                std::snprintf(value, sizeof value, " %.3g", gs);
                per_sample += value;
            }
            if (pass.rows > 12) per_sample += " \u2026";
            std::snprintf(value, sizeof value, "   mean %.4g", g);
            per_sample += value;
            ImGui::TextUnformatted(per_sample.c_str());
            ui::tooltip("\u2202L/\u2202w for each sample of the last batch; the update uses their mean.");
        }
    }
}

}  // namespace bp
