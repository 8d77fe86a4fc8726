// Network view: the inspected sample's values on every neuron (a, and δ once the backward pass has
// reached it), edges coloured by sign and thickened by |w| (or by ∂L/∂w, or by the update's change),
// every bias as a small square. Where the GPU can, each neuron's circle holds its map, a^l_j over the
// whole plane, with the inspected point ringed on it; hovering a neuron shows its map large in the
// data view. Click an edge or a bias to expand it in the chain-rule inspector; the inspector's
// hovered path is highlighted here.
#include <algorithm>
#include <cmath>
#include <string>
#include <vector>

#include "app/input/touch_state.h"
#include "app/input/touch_surfaces.h"
#include "app/notation/glyphs.h"
#include "app/notation/number_text.h"
#include "app/layout/network_layout.h"
#include "app/ui/network_tooltips.h"
#include "app/ui/known_values.h"
#include "app/ui/network_view.h"
#include "app/ui/lesson_marks.h"
#include "app/ui/ui_style.h"
#include "core/dataset.h"

namespace bp {

namespace {

// Above the neurons, the layer labels (two lines: "layer 1", "tanh"); under them, a margin that keeps
// the lowest neuron's bias square off the edge (a phone, whose height is dear, keeps less).
constexpr float kLabelLines = 2.8f;
float margin_under(bool short_header) { return short_header ? 0.9f : 1.4f; }

// A layer's title above its column, and its activation below that; short forms for narrow columns.
std::string layer_title(const Network& net, int l, bool narrow) {
    if (l == 0) return narrow ? "in" : "inputs";
    if (l == net.layer_count()) return narrow ? "out" : "output";
    return (narrow ? "" : "layer ") + std::to_string(l);
}

std::string layer_subtitle(const Network& net, int l) {
    return l == 0 ? "x" : std::string(activation_name(net.activation(l)));
}

// Neutral value of an activation (0, or 0.5 for sigmoid, as the data view's boundary) maps to white.
double centred(const Network& net, int l, double a) {
    return l > 0 && net.activation(l) == Activation::Sigmoid ? 2.0 * a - 1.0 : a;
}

// A neuron's value in its short form (sign and two significant digits, three from 99.5 to 999),
// inside its circle, shrunk to fit but never below 70 % of the body text; where it cannot fit,
// beside the circle on its right, `after` further on (past the output's ŷ), or over it where the
// view ends at `right` before the number does. Over a map, or outside the circle, the number gets a white halo, so it
// reads on any part of the map (whose colours are at most kOutputTint strong, so the ink stays dark
// against them) and across the edges. Returns where the number was written.
Rect node_number(ImDrawList* draw, ImVec2 c, float radius, double v, ImU32 color, bool halo, float after, float right) {
    const float font = ImGui::GetFontSize();
    const std::string text = short_number_text(v);
    const float width = ImGui::CalcTextSize(text.c_str()).x;
    float size = font * std::min(1.0f, 1.6f * radius / std::max(width, 1.0f));
    ImVec2 at(c.x - width * size / font * 0.5f, c.y - size * 0.5f);
    if (size < font * 0.7f) {  // beside the circle
        size = font * 0.8f;
        at = ImVec2(c.x + radius + ui::metrics().gap + after, c.y - size * 0.5f);
        if (at.x + width * 0.8f > right) at = ImVec2(std::min(c.x - width * 0.4f, right - width * 0.8f), c.y - radius - size - ui::metrics().hairline);
        color = ui::kInk;
        halo = true;
    }
    if (halo)  // light, so the map still shows around the digits on a small node
        for (const ImVec2 d : {ImVec2(-1, 0), ImVec2(1, 0), ImVec2(0, -1), ImVec2(0, 1)})
            draw->AddText(ImGui::GetFont(), size, ImVec2(at.x + d.x, at.y + d.y), ui::with_alpha(ui::kOnFill, 150), text.c_str());
    draw->AddText(ImGui::GetFont(), size, at, color, text.c_str());
    return {at, ImVec2(at.x + width * size / font, at.y + size)};
}

// A δ under its neuron, centred, with a halo over the edges it crosses.
Rect delta_label(ImDrawList* draw, ImVec2 c, float radius, double delta, float size) {
    char text[32];
    std::snprintf(text, sizeof text, "\u03b4 %s", short_number_text(delta).c_str());
    const float width = ImGui::CalcTextSize(text).x * size / ImGui::GetFontSize();
    const ImVec2 at(c.x - width * 0.5f, c.y + radius + ui::metrics().hairline);
    for (const ImVec2 d : {ImVec2(-1, 0), ImVec2(1, 0), ImVec2(0, -1), ImVec2(0, 1)})
        draw->AddText(ImGui::GetFont(), size, ImVec2(at.x + d.x, at.y + d.y), ui::kOnFill, text);
    draw->AddText(ImGui::GetFont(), size, at, ui::kDelta, text);
    return {at, ImVec2(at.x + width, at.y + size)};
}

// The inspected point on a neuron's map (the map's square spans the plane [-e, e]^2): a small ring,
// where it falls inside the circle and clear of the band across the middle where the neuron's number
// is written (a ring over "0.43" reads as "0:43").
void map_point(ImDrawList* draw, ImVec2 c, float radius, double x1, double x2) {
    const float dx = static_cast<float>(x1 / kPlaneExtent) * radius, dy = static_cast<float>(-x2 / kPlaneExtent) * radius;
    const float ring = std::max(2.0f, radius * 0.12f);
    if (std::hypot(dx, dy) + ring > radius) return;
    if (std::fabs(dy) < radius * 0.32f + ring && std::fabs(dx) < radius * 0.8f + ring) return;
    draw->AddCircle(ImVec2(c.x + dx, c.y + dy), ring, ui::kInk, 0, ui::metrics().line);
}

// Edges on the hovered inspector path: the parameter's own edge, then one edge per later layer.
bool on_hovered_path(const ChainRule& r, const ChainPath& path, int l, int i, int j) {
    const std::vector<int>& n = path.neurons;  // neuron of layers r.layer..L
    if (l == r.layer) return !r.is_bias && i == r.i && j == r.j;
    return l > r.layer && i == n[l - 1 - r.layer] && j == n[l - r.layer];
}

// The factor of the chain rule the mouse is on in the inspector, if any.
const PathFactor* hovered_factor(const Inspector& inspector, const ChainPath& path) {
    const auto& factors = path.factors;
    const int f = inspector.hovered_factor;
    return f >= 0 && f < static_cast<int>(factors.size()) ? &factors[f] : nullptr;
}

// The neuron's map in its tooltip, for a screen without the data view beside the network (a phone).
// A second BeginTooltip in the frame adds to the tooltip already open.
void map_tooltip(const Lab& lab, Platform& platform, int l, int j) {
    ImGui::BeginTooltip();
    const float side = ImGui::GetFontSize() * 9.0f;
    const ImVec2 at = ImGui::GetCursorScreenPos();
    ImGui::Dummy(ImVec2(side, side));
    ImDrawList* draw = ImGui::GetWindowDrawList();
    platform.draw_neuron_maps(draw, {{at, ImVec2(at.x + side, at.y + side), l, j, false}}, lab);
    draw->AddRect(at, ImVec2(at.x + side, at.y + side), ui::kInk, 0.0f, 0, ui::metrics().hairline);
    const std::string caption = neuron_symbol("a", l, j) + " over the plane (x\u2081 across, x\u2082 up)";
    ImGui::TextUnformatted(caption.c_str());
    ImGui::EndTooltip();
}

std::string phase_caption(const Lab& lab, const KnownValues& view) {
    const StepPhase p = lab.trainer().phase();
    const int L = lab.trainer().network().layer_count();
    if (!view.phased) return "";
    switch (p.phase) {
        case Phase::Forward:
            return "Forward, layer " + std::to_string(p.layer) + " of " + std::to_string(L) + ": z = a\u00b7W + b, a = f(z)";
        case Phase::Loss:
            return "Loss: compare \u0177 with y; the batch's mean loss is " + number_text(lab.trainer().last_batch_loss(), 4);
        case Phase::Backward:
            return "Backward, layer " + std::to_string(p.layer) + ": \u03b4 = \u2202L/\u2202z, and \u2202L/\u2202w = a\u00b7\u03b4";
        case Phase::Update: return "Update: w' = w \u2212 \u03b1\u00b7\u2202L/\u2202w for every weight and bias";
        case Phase::Ready: break;
    }
    return "";
}

}  // namespace

float network_view_least_height(int largest_layer, bool short_header) {
    const float header_lines = short_header ? 1.0f : 2.0f;
    const float neuron_lines = std::clamp(1.25f * static_cast<float>(largest_layer), 5.0f, 20.0f);
    return header_lines * ImGui::GetTextLineHeightWithSpacing() + 2.0f * ImGui::GetStyle().WindowPadding.y +
           ImGui::GetFontSize() * (kLabelLines + margin_under(short_header) + neuron_lines);
}

void draw_network_view(NetworkView& network_view, Lab& lab, const Inspector& inspector, Platform& platform, ImVec2 size) {
    ImGui::BeginChild("network", size, true);
    const Trainer& t = lab.trainer();
    const Network& net = t.network();
    const Network& used = lab.inspected_network();  // the weights the shown values were computed with
    const Pass& pass = lab.inspected_pass();
    const KnownValues view = known_values(lab);
    const int weights = net.weight_count(), biases = net.bias_count();
    const std::string header = "Network " + architecture_name(net.sizes) + ":  " + std::to_string(weights) +
                               (weights == 1 ? " weight + " : " weights + ") + std::to_string(biases) +
                               (biases == 1 ? " bias" : " biases");
    if (!network_view.short_header) ImGui::TextUnformatted(header.c_str());
    if (!network_view.short_header) ui::tooltip("Every weight is an edge, every bias the small square at a neuron's lower left. Hover any of "
                "them for its exact value; click one to expand its chain rule. Neurons are blue above their "
                "neutral value (0, or 0.5 for sigmoid), orange below.");
    const std::string caption = phase_caption(lab, view);
    ImGui::PushStyleColor(ImGuiCol_Text, caption.empty() ? ui::kMutedInk : ui::kInk);
    if (!caption.empty()) {
        ImGui::TextWrapped("%s", caption.c_str());
    } else if (pass.rows > 0) {
        const Point& p = t.points()[lab.inspected_point()];
        // A phone's narrow view keeps it to one line: the point as a pair.
        ImGui::TextWrapped(network_view.short_header ? "Point #%d: x = (%s, %s), y = %s" : "Point #%d: x\u2081 = %s, x\u2082 = %s, y = %s",
                           lab.inspected_point() + 1, number_text(p.x1, 3).c_str(), number_text(p.x2, 3).c_str(),
                           number_text(p.y, 4).c_str());
    } else {
        ImGui::TextUnformatted("No data points: the neurons have nothing to show.");
    }
    ImGui::PopStyleColor();

    const ui::Metrics metric = ui::metrics();
    const float font = metric.font;
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    const ImVec2 avail = ImGui::GetContentRegionAvail();
    const ImVec2 min(origin.x + font * 3.2f, origin.y + font * kLabelLines);
    const ImVec2 max(origin.x + avail.x - font * 2.6f, origin.y + avail.y - font * margin_under(network_view.short_header));
    network_view.layout = layout_network(net.sizes, min, max, 36.0f * font / kBodyTextPx);
    const NetworkLayout& layout = network_view.layout;
    network_view.values.assign(net.sizes.size(), {});
    network_view.deltas.assign(net.sizes.size(), {});
    for (size_t l = 0; l < net.sizes.size(); ++l) {
        network_view.values[l].assign(net.sizes[l], Rect{});
        network_view.deltas[l].assign(net.sizes[l], Rect{});
    }
    ImDrawList* draw = ImGui::GetWindowDrawList();
    ImGui::InvisibleButton("network_canvas", ImVec2(std::max(avail.x, 1.0f), std::max(avail.y, 1.0f)));
    touch_surfaces().add_immediate(Rect{ImGui::GetItemRectMin(), ImGui::GetItemRectMax()});  // a finger here taps, never scrolls
    const bool hovered = ImGui::IsItemHovered();
    const NetworkHit hit = hovered ? hit_test(layout, ImGui::GetIO().MousePos, std::max(4.0f, layout.radius * 0.25f))
                                   : NetworkHit{};
    if (hovered && ImGui::IsMouseClicked(ImGuiMouseButton_Left)) {
        if (hit.kind == NetworkHit::Edge) lab.select({hit.layer, hit.i, hit.j, false});
        if (hit.kind == NetworkHit::Bias) lab.select({hit.layer, 0, hit.j, true});
    }

    // Edges: what they show, scaled by the largest magnitude among the known ones.
    auto edge_value = [&](int l, int i, int j) {
        if (view.update) return net.W[l - 1](i, j) - t.pass_network().W[l - 1](i, j);
        if (view.gradient_edges) return t.gradients().dW[l - 1](i, j);
        return net.W[l - 1](i, j);
    };
    auto edge_known = [&](int l) { return !view.gradient_edges || view.update || view.delta_known(l); };
    double largest = 1e-300;
    for (int l = 1; l <= net.layer_count(); ++l)
        for (int i = 0; i < net.sizes[l - 1]; ++i)
            for (int j = 0; j < net.sizes[l]; ++j)
                if (edge_known(l) && std::isfinite(edge_value(l, i, j))) largest = std::max(largest, std::fabs(edge_value(l, i, j)));
    const Selection& sel = lab.selection();
    for (int l = 1; l <= net.layer_count(); ++l)
        for (int i = 0; i < net.sizes[l - 1]; ++i)
            for (int j = 0; j < net.sizes[l]; ++j) {
                const ImVec2 a = layout.nodes[l - 1][i], b = layout.nodes[l][j];
                if (!edge_known(l)) {
                    draw->AddLine(a, b, ui::kGrid, metric.hairline);
                    continue;
                }
                const double v = edge_value(l, i, j);
                if (!std::isfinite(v)) {  // a diverged run's gradient: drawn as unknown
                    draw->AddLine(a, b, ui::kGrid, metric.hairline);
                    continue;
                }
                const float m = static_cast<float>(std::min(1.0, std::fabs(v) / largest));
                draw->AddLine(a, b, ui::with_alpha(v >= 0 ? ui::kPositive : ui::kNegative, static_cast<int>(70 + 185 * m)),
                              metric.hairline * (1.0f + 7.0f * m));
            }
    // Highlights on top: the selected weight, the inspector's hovered path, the edge under the mouse.
    auto highlight = [&](int l, int i, int j, ImU32 color, float width) {
        draw->AddLine(layout.nodes[l - 1][i], layout.nodes[l][j], color, width);
    };
    ChainPath hovered_path;
    const bool path_hovered = inspector.hovered_chain_path(lab, hovered_path);
    for (int l = 1; l <= net.layer_count() && path_hovered; ++l)
        for (int i = 0; i < net.sizes[l - 1]; ++i)
            for (int j = 0; j < net.sizes[l]; ++j)
                if (on_hovered_path(lab.chain_rule(), hovered_path, l, i, j))
                    highlight(l, i, j, ui::with_alpha(ui::kHighlight, 200), 6.0f * metric.hairline);
    if (!sel.is_bias && sel.layer <= net.layer_count()) highlight(sel.layer, sel.i, sel.j, ui::kInk, 3.5f * metric.hairline);
    // The inspector's hovered factor: its edge (a weight), or its neuron (an activation's slope).
    const PathFactor* factor = path_hovered ? hovered_factor(inspector, hovered_path) : nullptr;
    const float factor_edge = 7.0f * metric.hairline;  // the chain rule factor's edge, nearly the widest an edge gets
    if (factor && factor->kind == PathFactor::InputByActivation) highlight(factor->layer, factor->from, factor->to, ui::kHighlight, factor_edge);
    if (factor && factor->kind == PathFactor::InputByParameter && !lab.chain_rule().is_bias)
        highlight(factor->layer, factor->from, factor->to, ui::kHighlight, factor_edge);
    if (hit.kind == NetworkHit::Edge) highlight(hit.layer, hit.i, hit.j, ui::kHighlight, metric.mark);

    const float r = layout.radius;
    const float column_gap = net.layer_count() > 0 ? layout.nodes[1][0].x - layout.nodes[0][0].x : avail.x;
    const bool narrow = ImGui::CalcTextSize("sigmoid ").x > column_gap;
    const bool show_delta = view.phased || view.gradient_edges;
    const bool regression = is_regression(lab.settings().dataset);
    // Every neuron's map fills its circle, all in one batch over the edges; without a GPU, each circle
    // is filled with the sample's value instead.
    std::vector<NeuronMapQuad> maps;
    for (int l = 0; l <= net.layer_count(); ++l)
        for (int j = 0; j < net.sizes[l]; ++j) {
            const ImVec2 c = layout.nodes[l][j];
            maps.push_back({ImVec2(c.x - r, c.y - r), ImVec2(c.x + r, c.y + r), l, j, true});
        }
    const bool map = platform.draw_neuron_maps(draw, maps, lab);
    network_view.maps_drawn = map;
    for (int l = 0; l <= net.layer_count(); ++l) {
        const std::string title = layer_title(net, l, narrow), subtitle = narrow ? "" : layer_subtitle(net, l);
        const float cx = layout.nodes[l][0].x;
        draw->AddText(ImVec2(cx - ImGui::CalcTextSize(title.c_str()).x * 0.5f, min.y - font * 2.7f), ui::kInk, title.c_str());
        draw->AddText(ImVec2(cx - ImGui::CalcTextSize(subtitle.c_str()).x * 0.5f, min.y - font * 1.5f), ui::kMutedInk,
                      subtitle.c_str());
        for (int j = 0; j < net.sizes[l]; ++j) {
            const ImVec2 c = layout.nodes[l][j];
            const bool known = pass.rows > 0 && view.forward_known(l);
            const double a = known ? pass.a[l](0, j) : 0.0;
            const bool is_hit = hit.kind == NetworkHit::Node && hit.layer == l && hit.j == j;
            if (!map) draw->AddCircleFilled(c, r, known ? ui::signed_color(centred(used, l, a)) : ui::kNotYetComputed);
            if (map && known && !regression) {
                const Point& p = t.points()[lab.inspected_point()];
                map_point(draw, c, r, p.x1, p.x2);
            }
            draw->AddCircle(c, r, is_hit ? ui::kHighlight : known ? ui::kInk : ui::kGrid, 0, is_hit ? metric.heavy : metric.line);
            if (known)
                network_view.values[l][j] =
                    node_number(draw, c, r, a, !map && std::fabs(centred(used, l, a)) > 0.55 ? ui::kOnFill : ui::kInk, map,
                                l == net.layer_count() ? ImGui::CalcTextSize("\u0177 ").x + font * 0.3f : 0.0f, origin.x + avail.x);
            if (l > 0 && show_delta && pass.rows > 0 && view.delta_known(l))
                network_view.deltas[l][j] = delta_label(draw, c, r, pass.delta[l](0, j), std::max(metric.index, font * 0.75f));
            if (l == 0) {
                const char* label = feature_label(lab.settings().features[j]);
                const ImVec2 ts = ImGui::CalcTextSize(label);
                draw->AddText(ImVec2(c.x - r - ts.x - font * 0.3f, c.y - ts.y * 0.5f), ui::kInk, label);
                continue;
            }
            const ImVec2 bc = layout.bias_center(l, j);
            const float h = layout.bias_size * 0.5f;
            const bool bias_hit = hit.kind == NetworkHit::Bias && hit.layer == l && hit.j == j;
            const bool bias_selected = sel.is_bias && sel.layer == l && sel.j == j;
            draw->AddRectFilled(ImVec2(bc.x - h, bc.y - h), ImVec2(bc.x + h, bc.y + h), ui::signed_color(net.b[l - 1](j) * 4.0));
            draw->AddRect(ImVec2(bc.x - h, bc.y - h), ImVec2(bc.x + h, bc.y + h),
                          bias_hit ? ui::kHighlight : ui::kInk, 0.0f, 0, bias_hit || bias_selected ? metric.heavy : metric.hairline);
        }
    }
    if (factor && (factor->kind == PathFactor::ActivationByInput || factor->kind == PathFactor::LossByOutput))
        draw->AddCircle(layout.nodes[factor->layer][factor->to], r + metric.gap + metric.hairline, ui::kHighlight, 0, metric.mark);
    if (factor && factor->kind == PathFactor::InputByParameter && lab.chain_rule().is_bias) {
        const ImVec2 bc = layout.bias_center(factor->layer, factor->to);
        const float h = layout.bias_size * 0.5f + metric.gap;
        draw->AddRect(ImVec2(bc.x - h, bc.y - h), ImVec2(bc.x + h, bc.y + h), ui::kHighlight, 0.0f, 0, metric.mark);
    }
    // What a lesson's step points at: its neurons ringed, its edges traced, its biases boxed.
    if (lesson_marks_any())
        for (int l = 0; l <= net.layer_count(); ++l)
            for (int j = 0; j < net.sizes[l]; ++j) {
                if (marked_neuron(l, j)) draw_lesson_circle(draw, layout.nodes[l][j], r);
                if (l > 0 && marked_bias(l, j)) {
                    const ImVec2 bc = layout.bias_center(l, j);
                    const float h = layout.bias_size * 0.5f;
                    draw_lesson_ring(draw, ImVec2(bc.x - h, bc.y - h), ImVec2(bc.x + h, bc.y + h), 0.0f);
                }
                for (int i = 0; l > 0 && i < net.sizes[l - 1]; ++i)
                    if (marked_weight(l, i, j)) draw_lesson_line(draw, layout.nodes[l - 1][i], layout.nodes[l][j], r);
            }
    // The output's label, with the loss once it is known.
    const int L = net.layer_count();
    const ImVec2 out = layout.nodes[L][0];
    draw->AddText(ImVec2(out.x + r + font * 0.3f, out.y - font * 0.5f), ui::kInk, "\u0177");
    if (view.phased && view.show_loss && pass.rows > 0) {
        char text[64];
        std::snprintf(text, sizeof text, "y = %s\nL = %s", number_text(pass.y(0), 4).c_str(), number_text(pass.loss(0), 4).c_str());
        // Under the output (and its δ), moved left as far as it must be to end inside the view.
        const float right = origin.x + avail.x - font * 0.3f;
        draw->AddText(ImVec2(std::min(out.x - r, right - ImGui::CalcTextSize(text).x), out.y + r + font * 1.2f), ui::kInk, text);
    }

    // On a touch screen, the tooltip of what was tapped, until the next touch; the neuron's map shows
    // in the data view for as long (or, where the data view is not on screen, in the tooltip).
    const bool tooltips = hovered && ui::tooltip_allowed();
    network_view.hovered = tooltips && hit.kind == NetworkHit::Node ? NeuronRef{hit.layer, hit.j} : NeuronRef{};
    if (tooltips && hit.kind == NetworkHit::Edge) edge_tooltip(lab, view, hit.layer, hit.i, hit.j);
    if (tooltips && hit.kind == NetworkHit::Node) {
        node_tooltip(lab, view, hit.layer, hit.j);
        if (!network_view.data_shown && network_view.maps_drawn) map_tooltip(lab, platform, hit.layer, hit.j);
    }
    if (tooltips && hit.kind == NetworkHit::Bias) bias_tooltip(lab, view, hit.layer, hit.j);
    ImGui::EndChild();
}

}  // namespace bp
