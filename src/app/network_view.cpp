// Network view: nodes with their activation for the inspected point, edges coloured by sign and
// thickened by |w|, every bias as a small square, exact values on hover.
#include <algorithm>
#include <cmath>
#include <string>

#include "app/glyphs.h"
#include "app/network_layout.h"
#include "app/ui.h"
#include "app/ui_style.h"

namespace bp {

namespace {

// A layer's title above its column, and its activation below that; short forms for narrow columns.
std::string layer_title(const Network& net, int l, bool narrow) {
    if (l == 0) return narrow ? "in" : "inputs";
    if (l == net.layer_count()) return narrow ? "out" : "output";
    return (narrow ? "" : "layer ") + std::to_string(l);
}

// Colour of a neuron's value: white where the activation is neutral (0, or 0.5 for a sigmoid, the
// same as the data view's decision boundary), blue above, orange below.
ImU32 activation_color(Activation f, double a) { return ui::signed_color(f == Activation::Sigmoid ? 2.0 * a - 1.0 : a); }

std::string layer_subtitle(const Network& net, int l) {
    return l == 0 ? "x" : std::string(activation_name(net.activation(l)));
}

// Name of neuron j of layer l for tooltips: the feature, "neuron 2 of layer 1", or the output.
std::string neuron_name(const Network& net, const TrainingSettings& s, int l, int j) {
    if (l == 0) return std::string(feature_label(s.features[j])) + " (input " + std::to_string(j + 1) + ")";
    if (l == net.layer_count()) return "the output \u0177";
    return "neuron " + std::to_string(j + 1) + " of layer " + std::to_string(l);
}

void edge_tooltip(const Lab& lab, int l, int i, int j) {
    const Network& net = lab.trainer().network();
    const std::string w = weight_symbol(l - 1, i, j);
    ImGui::BeginTooltip();
    ImGui::Text("%s = %.6f", w.c_str(), net.W[l - 1](i, j));
    ImGui::Text("from %s to %s", neuron_name(net, lab.settings(), l - 1, i).c_str(),
                neuron_name(net, lab.settings(), l, j).c_str());
    if (lab.trainer().step_count() > 0)
        ImGui::Text("\u2202L/\u2202%s = %.6f  (last step, batch mean)", w.c_str(), lab.trainer().gradients().dW[l - 1](i, j));
    ImGui::PushStyleColor(ImGuiCol_Text, ui::kMutedInk);
    ImGui::TextUnformatted("Thickness shows |w|; blue is positive, orange negative.");
    ImGui::PopStyleColor();
    ImGui::EndTooltip();
}

void node_tooltip(const Lab& lab, const Pass& pass, int l, int j) {
    const Network& net = lab.trainer().network();
    ImGui::BeginTooltip();
    ImGui::TextUnformatted(neuron_name(net, lab.settings(), l, j).c_str());
    if (pass.rows == 0) {
        ImGui::TextUnformatted("No point to show: add data points.");
    } else if (l == 0) {
        ImGui::Text("%s = %.6f for point #%d", feature_label(lab.settings().features[j]), pass.a[0](0, j),
                    lab.inspected_point() + 1);
    } else {
        const std::string z = neuron_symbol("z", l, j), a = neuron_symbol("a", l, j);
        ImGui::Text("%s = %s \u00b7 W%s + %s = %.6f", z.c_str(), l == 1 ? "x" : ("a" + superscript(l - 1)).c_str(),
                    superscript(l).c_str(), bias_symbol(l - 1, j).c_str(), pass.z[l](0, j));
        ImGui::Text("%s = %s(%s) = %.6f", l == net.layer_count() ? "\u0177" : a.c_str(),
                    activation_name(net.activation(l)), z.c_str(), pass.a[l](0, j));
        if (l == net.layer_count()) ImGui::Text("target y = %g,  loss L = %.6f", pass.y(0), pass.loss(0));
        const std::string d = neuron_symbol("\u03b4", l, j);
        ImGui::Text("%s = \u2202L/\u2202%s = %.6f  (backward pass for this point)", d.c_str(), z.c_str(), pass.delta[l](0, j));
        ImGui::PushStyleColor(ImGuiCol_Text, ui::kMutedInk);
        ImGui::Text("for point #%d; click a point in the data view to change it", lab.inspected_point() + 1);
        ImGui::PopStyleColor();
    }
    ImGui::EndTooltip();
}

void bias_tooltip(const Lab& lab, int l, int j) {
    const Network& net = lab.trainer().network();
    const std::string b = bias_symbol(l - 1, j);
    ImGui::BeginTooltip();
    ImGui::Text("%s = %.6f", b.c_str(), net.b[l - 1](j));
    ImGui::Text("the bias of %s, added to its weighted sum", neuron_name(net, lab.settings(), l, j).c_str());
    if (lab.trainer().step_count() > 0)
        ImGui::Text("\u2202L/\u2202%s = %.6f  (last step, batch mean)", b.c_str(), lab.trainer().gradients().db[l - 1](j));
    ImGui::EndTooltip();
}

}  // namespace

void draw_network_view(Lab& lab, ImVec2 size) {
    ImGui::BeginChild("network", size, true);
    const Network& net = lab.trainer().network();
    const Pass& pass = lab.inspected_pass();
    const int weights = net.weight_count(), biases = net.bias_count();
    const std::string header = "Network " + architecture_name(net.sizes) + ":  " + std::to_string(weights) +
                               (weights == 1 ? " weight + " : " weights + ") + std::to_string(biases) +
                               (biases == 1 ? " bias" : " biases");
    ImGui::TextUnformatted(header.c_str());
    ui::tooltip("Every weight is an edge, every bias the small square at a neuron's lower left. "
                "Hover any of them for its exact value. Neurons are blue above their neutral value "
                "(0, or 0.5 for sigmoid), orange below.");
    ImGui::PushStyleColor(ImGuiCol_Text, ui::kMutedInk);
    if (pass.rows > 0) {
        const Point& p = lab.trainer().points()[lab.inspected_point()];
        ImGui::TextWrapped("Point #%d: x\u2081 = %.2f, x\u2082 = %.2f, y = %g", lab.inspected_point() + 1, p.x1, p.x2, p.y);
        ui::tooltip("Each neuron shows its activation a for this point on the current weights. "
                    "Click a point in the data view to choose another.");
    } else {
        ImGui::TextUnformatted("No data points: the neurons have nothing to show.");
    }
    ImGui::PopStyleColor();

    const float font = ImGui::GetFontSize();
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    const ImVec2 avail = ImGui::GetContentRegionAvail();
    const ImVec2 min(origin.x + font * 3.2f, origin.y + font * 2.8f);
    const ImVec2 max(origin.x + avail.x - font * 2.6f, origin.y + avail.y - font * 0.4f);
    const NetworkLayout layout = layout_network(net.sizes, min, max);
    ImDrawList* draw = ImGui::GetWindowDrawList();
    ImGui::InvisibleButton("network_canvas", avail);
    const bool hovered = ImGui::IsItemHovered();
    const NetworkHit hit = hovered ? hit_test(layout, ImGui::GetIO().MousePos, std::max(4.0f, layout.radius * 0.25f))
                                   : NetworkHit{};

    double max_w = 1e-9;
    for (const auto& w : net.W) max_w = std::max(max_w, w.cwiseAbs().maxCoeff());
    for (int l = 1; l <= net.layer_count(); ++l)
        for (int i = 0; i < net.sizes[l - 1]; ++i)
            for (int j = 0; j < net.sizes[l]; ++j) {
                const double w = net.W[l - 1](i, j);
                const float t = static_cast<float>(std::fabs(w) / max_w);
                const bool is_hit = hit.kind == NetworkHit::Edge && hit.layer == l && hit.i == i && hit.j == j;
                const ImU32 color = is_hit ? ui::kHighlight : ui::with_alpha(w >= 0 ? ui::kPositive : ui::kNegative,
                                                                             static_cast<int>(70 + 185 * t));
                draw->AddLine(layout.nodes[l - 1][i], layout.nodes[l][j], color, 1.0f + 7.0f * t + (is_hit ? 2.0f : 0.0f));
            }

    const float r = layout.radius;
    const float column_gap = net.layer_count() > 0 ? layout.nodes[1][0].x - layout.nodes[0][0].x : avail.x;
    const bool narrow = ImGui::CalcTextSize("sigmoid ").x > column_gap;
    for (int l = 0; l <= net.layer_count(); ++l) {
        const std::string title = layer_title(net, l, narrow), subtitle = narrow ? "" : layer_subtitle(net, l);
        const float cx = layout.nodes[l][0].x;
        draw->AddText(ImVec2(cx - ImGui::CalcTextSize(title.c_str()).x * 0.5f, min.y - font * 2.7f), ui::kInk, title.c_str());
        draw->AddText(ImVec2(cx - ImGui::CalcTextSize(subtitle.c_str()).x * 0.5f, min.y - font * 1.5f), ui::kMutedInk,
                      subtitle.c_str());
        for (int j = 0; j < net.sizes[l]; ++j) {
            const ImVec2 c = layout.nodes[l][j];
            const double a = pass.rows > 0 ? pass.a[l](0, j) : 0.0;
            const bool is_hit = (hit.kind == NetworkHit::Node) && hit.layer == l && hit.j == j;
            draw->AddCircleFilled(c, r, l == 0 ? ui::signed_color(a) : activation_color(net.activation(l), a));
            draw->AddCircle(c, r, is_hit ? ui::kHighlight : ui::kInk, 0, is_hit ? 3.0f : 1.5f);
            if (r >= font * 0.75f && pass.rows > 0) {
                // Two decimals; large values (a diverging run) in fewer digits, shrunk to fit the node.
                char value[16];
                std::snprintf(value, sizeof value, std::fabs(a) < 100.0 ? "%.2f" : "%.2g", a);
                const float width = ImGui::CalcTextSize(value).x;
                const float text_size = font * std::min(1.0f, 1.6f * r / std::max(width, 1.0f));
                const ImVec2 ts(width * text_size / font, text_size);
                draw->AddText(ImGui::GetFont(), text_size, ImVec2(c.x - ts.x * 0.5f, c.y - ts.y * 0.5f),
                              std::fabs(l > 0 && net.activation(l) == Activation::Sigmoid ? 2 * a - 1 : a) > 0.55
                                  ? IM_COL32_WHITE
                                  : ui::kInk,
                              value);
            }
            if (l == 0) {
                const char* label = feature_label(lab.settings().features[j]);
                const ImVec2 ts = ImGui::CalcTextSize(label);
                draw->AddText(ImVec2(c.x - r - ts.x - font * 0.3f, c.y - ts.y * 0.5f), ui::kInk, label);
            } else {
                const ImVec2 bc = layout.bias_center(l, j);
                const float h = layout.bias_size * 0.5f;
                const double b = net.b[l - 1](j);
                const bool bias_hit = hit.kind == NetworkHit::Bias && hit.layer == l && hit.j == j;
                draw->AddRectFilled(ImVec2(bc.x - h, bc.y - h), ImVec2(bc.x + h, bc.y + h), ui::signed_color(b * 4.0));
                draw->AddRect(ImVec2(bc.x - h, bc.y - h), ImVec2(bc.x + h, bc.y + h), bias_hit ? ui::kHighlight : ui::kInk,
                              0.0f, 0, bias_hit ? 3.0f : 1.0f);
            }
            if (l == net.layer_count()) draw->AddText(ImVec2(c.x + r + font * 0.3f, c.y - font * 0.5f), ui::kInk, "\u0177");
        }
    }

    if (hit.kind == NetworkHit::Edge) edge_tooltip(lab, hit.layer, hit.i, hit.j);
    if (hit.kind == NetworkHit::Node) node_tooltip(lab, pass, hit.layer, hit.j);
    if (hit.kind == NetworkHit::Bias) bias_tooltip(lab, hit.layer, hit.j);
    ImGui::EndChild();
}

}  // namespace bp
