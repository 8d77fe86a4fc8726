// The loss landscape view: the pickers, then the heatmap with contours, the point, the arrow and the
// trail, then the legend, the caption and the update written as numbers.
#include "app/ui/landscape_view.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <string>

#include "app/layout/contour_lines.h"
#include "app/layout/plot_axes.h"
#include "app/notation/chain_rule_symbols.h"
#include "app/notation/number_text.h"
#include "app/ui/ui_style.h"
#include "app/ui/update_text.h"

namespace bp {

namespace {

std::string symbol(const ParameterRef& p) { return parameter_symbol(p.layer, p.i, p.j, p.is_bias); }

// The palette's sequential scale at t in 0..1 (low to high), between its stops.
ImU32 sequential_color(double t) {
    const auto& stops = ui::kSequentialStops;
    t = std::clamp(std::isfinite(t) ? t : 1.0, 0.0, 1.0) * 8.0;
    const int k = std::min(static_cast<int>(t), 7);
    const double f = t - k;
    const auto mix = [&](int ch) { return static_cast<int>(stops[k][ch] + f * (stops[k + 1][ch] - stops[k][ch]) + 0.5); };
    return IM_COL32(mix(0), mix(1), mix(2), 255);
}

// Where a loss lies on the colour scale (0..1): linear, or in log10 when the grid spans two decades.
struct LossScale {
    double lo = 0.0, hi = 1.0;
    bool log = false;
    double position(double v) const {
        if (!std::isfinite(v)) return 1.0;
        if (log) return (std::log10(std::max(v, lo)) - std::log10(lo)) / (std::log10(hi) - std::log10(lo));
        return hi > lo ? (v - lo) / (hi - lo) : 0.5;
    }
};

LossScale scale_of(const LandscapeGrid& g) {
    LossScale s{1e300, -1e300, false};
    for (double v : g.losses)
        if (std::isfinite(v)) s.lo = std::min(s.lo, v), s.hi = std::max(s.hi, v);
    if (s.lo > s.hi) return {};
    s.log = s.lo > 0.0 && s.hi / s.lo >= 100.0;
    return s;
}

// Every parameter of the network, layer by layer: its weights row by row, then its biases.
std::vector<ParameterRef> all_parameters(const Network& net) {
    std::vector<ParameterRef> out;
    for (int l = 1; l <= net.layer_count(); ++l) {
        for (int i = 0; i < net.sizes[l - 1]; ++i)
            for (int j = 0; j < net.sizes[l]; ++j) out.push_back({l, i, j, false});
        for (int j = 0; j < net.sizes[l]; ++j) out.push_back({l, 0, j, true});
    }
    return out;
}

// "a: w¹₁₁ ▾": a combo listing every parameter (clipped, so 1,700 of them stay cheap).
bool parameter_picker(const char* label, const char* id, ParameterRef& p, const Network& net, float width) {
    ImGui::TextUnformatted(label);
    ImGui::SameLine();
    ImGui::SetNextItemWidth(width);
    bool changed = false;
    if (ImGui::BeginCombo(id, symbol(p).c_str(), ImGuiComboFlags_HeightLarge)) {
        const std::vector<ParameterRef> all = all_parameters(net);
        ImGuiListClipper clipper;
        clipper.Begin(static_cast<int>(all.size()));
        while (clipper.Step())
            for (int k = clipper.DisplayStart; k < clipper.DisplayEnd; ++k) {
                ImGui::PushID(k);
                if (ui::selectable_row(symbol(all[k]).c_str(), all[k] == p)) {
                    p = all[k];
                    changed = true;
                }
                ImGui::PopID();
            }
        ImGui::EndCombo();
    }
    return changed;
}

// SameLine when an item `width` wide still fits on this row, else a new row: the toolbar wraps on a
// narrow view instead of running past its edge.
void flow(float width) {
    const float right = ImGui::GetWindowPos().x + ImGui::GetWindowContentRegionMax().x;
    if (ImGui::GetItemRectMax().x + ImGui::GetStyle().ItemSpacing.x + width <= right) ImGui::SameLine();
}

float button_width(const char* label) { return ImGui::CalcTextSize(label).x + ImGui::GetStyle().FramePadding.x * 2.0f; }

constexpr double kSpans[] = {0.01, 0.1, 0.3, 1.0, 3.0, 10.0};

void draw_toolbar(LandscapeView& v, Lab& lab) {
    const Network& net = lab.trainer().network();
    const float font = ImGui::GetFontSize();
    ParameterRef a = v.a, b = v.b;
    const bool picked_a = parameter_picker("a:", "##landscape_a", a, net, font * 4.5f);
    ui::tooltip("The parameter on the horizontal axis. It follows the parameter selected in the network (or the "
                "chain rule) until you pick one here.");
    flow(font * 6.0f);
    const bool picked_b = parameter_picker("b:", "##landscape_b", b, net, font * 4.5f);
    ui::tooltip("The parameter on the vertical axis.");
    if ((picked_a || picked_b) && !(a == b)) v.choose(a, b);
    flow(button_width("Use selected"));
    if (ImGui::Button("Use selected")) v.chosen = false;  // follow the selection again (next frame)
    ui::tooltip("a becomes the parameter selected in the network view or the chain rule, b another parameter of "
                "the same neuron.");
    flow(font * 4.0f);
    ImGui::SetNextItemWidth(font * 4.0f);
    const std::string span_text = "\u00b1" + number_text(v.span, 2);
    if (ImGui::BeginCombo("##landscape_span", span_text.c_str())) {
        for (double s : kSpans)
            if (ui::selectable_row(("\u00b1" + number_text(s, 2)).c_str(), s == v.span)) {
                v.span = s;
                v.recentre(lab);
            }
        ImGui::EndCombo();
    }
    ui::tooltip("How far the grid reaches either side of its centre, in the parameters' own units.");
    flow(button_width("Recentre"));
    if (ImGui::Button("Recentre")) v.recentre(lab);
    ui::tooltip("Puts the current point back at the centre of the grid (it recentres by itself when the point "
                "leaves it).");
    flow(button_width("Step"));
    if (ImGui::Button("Step")) lab.step_once();
    ui::tooltip("One mini-batch step: watch the point move downhill.");
}

// The plot: heatmap, contours, axes, trail, point, arrow; a hover readout.
void draw_plot(const LandscapeView& v, const Lab& lab, ImVec2 origin, float side) {
    const LandscapeGrid& g = v.shown;
    ImDrawList* draw = ImGui::GetWindowDrawList();
    const ui::Metrics metric = ui::metrics();
    const float font = metric.font;
    const ImVec2 min(origin.x + font * 3.6f, origin.y + font * 1.5f);  // b's name on the line above
    const ImVec2 max(min.x + side, min.y + side);
    const int n = g.n;
    const double a_lo = g.a_values.front(), a_hi = g.a_values.back(), b_lo = g.b_values.front(), b_hi = g.b_values.back();
    // Parameter values to the screen: a to the right, b upwards (row 0, the smallest b, at the bottom).
    const auto to_screen = [&](double a, double b) {
        return ImVec2(min.x + static_cast<float>((a - a_lo) / (a_hi - a_lo)) * side,
                      max.y - static_cast<float>((b - b_lo) / (b_hi - b_lo)) * side);
    };
    // Each sample is the centre of its cell, so the cells reach half a step beyond the outer samples.
    const float cell = side / n;
    const auto grid_to_screen = [&](double c, double r) {
        return ImVec2(min.x + (static_cast<float>(c) + 0.5f) * cell, max.y - (static_cast<float>(r) + 0.5f) * cell);
    };
    const LossScale scale = scale_of(g);
    for (int r = 0; r < n; ++r)
        for (int c = 0; c < n; ++c)
            draw->AddRectFilled(ImVec2(min.x + c * cell, max.y - (r + 1) * cell), ImVec2(min.x + (c + 1) * cell + 0.5f, max.y - r * cell + 0.5f),
                                sequential_color(scale.position(g.loss(r, c))));
    for (double level : contour_levels(scale.lo, scale.hi, 8, scale.log))
        for (const ContourSegment& s : contour_segments(g.losses, n, n, level))
            draw->AddLine(grid_to_screen(s.from.c, s.from.r), grid_to_screen(s.to.c, s.to.r), ui::with_alpha(ui::kOnFill, 150),
                          1.2f * metric.hairline);
    draw->AddRect(min, max, ui::kInk, 0.0f, 0, metric.hairline);

    // Axes: ticks with numbers, the parameters' names.
    const auto a_ticks = nice_ticks(a_lo, a_hi, std::max(2, static_cast<int>(side / (font * 4.5f))));
    const auto b_ticks = nice_ticks(b_lo, b_hi, std::max(2, static_cast<int>(side / (font * 2.5f))));
    const double a_step = a_ticks.size() > 1 ? a_ticks[1] - a_ticks[0] : a_hi - a_lo;
    const double b_step = b_ticks.size() > 1 ? b_ticks[1] - b_ticks[0] : b_hi - b_lo;
    for (double a : a_ticks) {
        const ImVec2 p = to_screen(a, b_lo);
        draw->AddLine(p, ImVec2(p.x, p.y + font * 0.3f), ui::kInk, metric.hairline);
        const std::string label = tick_label(a, a_step);
        draw->AddText(ImVec2(p.x - ImGui::CalcTextSize(label.c_str()).x * 0.5f, max.y + font * 0.3f), ui::kMutedInk, label.c_str());
    }
    for (double b : b_ticks) {
        const ImVec2 p = to_screen(a_lo, b);
        draw->AddLine(p, ImVec2(p.x - font * 0.3f, p.y), ui::kInk, metric.hairline);
        const std::string label = tick_label(b, b_step);
        draw->AddText(ImVec2(min.x - ImGui::CalcTextSize(label.c_str()).x - font * 0.4f, p.y - font * 0.5f), ui::kMutedInk, label.c_str());
    }
    const std::string a_title = "a = " + symbol(g.a), b_title = "b = " + symbol(g.b);
    draw->AddText(ImVec2((min.x + max.x - ImGui::CalcTextSize(a_title.c_str()).x) * 0.5f, max.y + font * 1.3f), ui::kInk, a_title.c_str());
    draw->AddText(ImVec2(origin.x, origin.y), ui::kInk, b_title.c_str());

    // The trail of the last steps, the point now, and -gradient from it.
    draw->PushClipRect(min, max, true);
    for (size_t k = 1; k < v.trail.size(); ++k)
        draw->AddLine(to_screen(v.trail[k - 1].x, v.trail[k - 1].y), to_screen(v.trail[k].x, v.trail[k].y), ui::with_alpha(ui::kOnFill, 220), metric.thick);
    const Network& net = lab.trainer().network();
    const double pa = parameter(net, g.a), pb = parameter(net, g.b);
    const ImVec2 point = to_screen(pa, pb);
    const double ga = g.gradient_a, gb = g.gradient_b, norm = std::hypot(ga, gb);
    if (norm > 0.0 && std::isfinite(norm)) {
        const double length = v.arrow_scale * norm;  // in parameter units
        const ImVec2 tip = to_screen(pa - v.arrow_scale * ga, pb - v.arrow_scale * gb);
        const ImVec2 d(tip.x - point.x, tip.y - point.y);
        const float len = std::sqrt(d.x * d.x + d.y * d.y);
        if (len > 2.0f && length > 0.0) {
            const ImVec2 u(d.x / len, d.y / len), nrm(-u.y, u.x);
            const float head = std::min(font * 0.7f, len * 0.5f);
            draw->AddLine(point, tip, ui::kInk, metric.bold + 2.0f * metric.hairline);  // a white arrow outlined in ink
            draw->AddLine(point, tip, ui::kOnFill, metric.bold);
            draw->AddTriangleFilled(tip, ImVec2(tip.x - u.x * head + nrm.x * head * 0.5f, tip.y - u.y * head + nrm.y * head * 0.5f),
                                    ImVec2(tip.x - u.x * head - nrm.x * head * 0.5f, tip.y - u.y * head - nrm.y * head * 0.5f),
                                    ui::kOnFill);
        }
    }
    draw->AddCircleFilled(point, font * 0.35f, ui::kOnFill);
    draw->AddCircle(point, font * 0.35f, ui::kInk, 0, metric.thick);
    draw->PopClipRect();

    // Hover (or a resting finger): L at the cell under the pointer; nothing moves.
    const ImVec2 m = ImGui::GetIO().MousePos;
    if (ImGui::IsWindowHovered() && m.x >= min.x && m.x < max.x && m.y >= min.y && m.y < max.y) {
        const int c = std::clamp(static_cast<int>((m.x - min.x) / cell), 0, n - 1);
        const int r = std::clamp(static_cast<int>((max.y - m.y) / cell), 0, n - 1);
        draw->AddRect(ImVec2(min.x + c * cell, max.y - (r + 1) * cell), ImVec2(min.x + (c + 1) * cell, max.y - r * cell), ui::kInk, 0.0f, 0, metric.thick);
        ImGui::BeginTooltip();
        ImGui::Text("%s = %s", symbol(g.a).c_str(), number_text(g.a_values[c], 5).c_str());
        ImGui::Text("%s = %s", symbol(g.b).c_str(), number_text(g.b_values[r], 5).c_str());
        ImGui::Text("L = %s", number_text(g.loss(r, c), 5).c_str());
        ImGui::EndTooltip();
    }
}

// The colour bar with its numbers, below the plot.
void draw_legend(const LandscapeGrid& g, ImVec2 at, float width) {
    ImDrawList* draw = ImGui::GetWindowDrawList();
    const float font = ImGui::GetFontSize();
    const LossScale scale = scale_of(g);
    const std::string lo = "L " + number_text(scale.lo, 3), hi = number_text(scale.hi, 3) + (scale.log ? "  (log scale)" : "");
    const float lo_w = ImGui::CalcTextSize(lo.c_str()).x, hi_w = ImGui::CalcTextSize(hi.c_str()).x;
    const float bar = std::max(font * 3.0f, width - lo_w - hi_w - font * 1.0f);
    draw->AddText(at, ui::kInk, lo.c_str());
    const ImVec2 b0(at.x + lo_w + font * 0.5f, at.y + font * 0.15f);
    const int steps = 32;
    for (int k = 0; k < steps; ++k)
        draw->AddRectFilled(ImVec2(b0.x + bar * k / steps, b0.y), ImVec2(b0.x + bar * (k + 1) / steps + 0.5f, b0.y + font * 0.8f),
                            sequential_color((k + 0.5) / steps));
    draw->AddText(ImVec2(b0.x + bar + font * 0.5f, at.y), ui::kInk, hi.c_str());
}

// The update of a and b in the last step, as the inspector writes it: the chosen optimizer's rule
// with the penalty's part, its numbers filled in.
void draw_update_lines(const LandscapeView& v, const Lab& lab) {
    for (const ParameterRef& p : {v.shown.a, v.shown.b}) {
        const std::string s = symbol(p);
        if (lab.trainer().step_count() == 0) {
            ui::text_wrapped_at_spaces(s + "' = " + s + " \u2212 \u03b1\u00b7\u2202L/\u2202" + s + ": press Step.");
            continue;
        }
        for (const std::string& line : update_lines(s, lab.last_update(p), lab.settings(), p.is_bias))
            ui::text_wrapped_at_spaces(line);
    }
    ui::tooltip("The last step's update of a and b, with its mini-batch's mean gradient, as the chain-rule "
                "inspector writes it. The arrow uses the gradient over all training points, so a step of a small "
                "batch may turn away from it.");
}

}  // namespace

int LandscapeView::grid_size(const Trainer& t) const {
    // A cell is a forward pass over every training point: on a large network, fewer cells keep a
    // whole grid within a few seconds of frames (21 x 21 of the largest, from layer 1, would take 25 s).
    double per_point = 0.0;
    for (int l = std::min(a.layer, b.layer); l <= t.network().layer_count(); ++l) per_point += double(t.network().sizes[l - 1]) * t.network().sizes[l];
    return per_point * t.training_point_count() > 5e5 ? std::min(n, 11) : n;
}

ParameterRef LandscapeView::partner(const Network& net, const ParameterRef& p) {
    const int inputs = net.sizes[p.layer - 1];
    if (p.is_bias) return {p.layer, 0, p.j, false};                      // b^l_j -> w^l_1j
    if (inputs > 1) return {p.layer, (p.i + 1) % inputs, p.j, false};  // w^l_ij -> w^l_{i+1,j}
    return {p.layer, 0, p.j, true};                                       // the neuron's bias
}

void LandscapeView::choose(const ParameterRef& new_a, const ParameterRef& new_b) {
    a = new_a;
    b = new_b;
    chosen = true;
    has_window = false;  // recentred at the next update
    trail.clear();
}

void LandscapeView::recentre(const Lab& lab) {
    const Network& net = lab.trainer().network();
    centre_a = parameter(net, a);
    centre_b = parameter(net, b);
    has_window = true;
    computing.cancel();
}

void LandscapeView::update(const Lab& lab) {
    const Trainer& t = lab.trainer();
    const Network& net = t.network();
    // a and b: the selection and its partner, or the user's pick while it still exists.
    ParameterRef want_a = a, want_b = b;
    if (!chosen || !has_parameter(net, a) || !has_parameter(net, b)) {
        chosen = false;
        want_a = has_parameter(net, lab.selection()) ? lab.selection() : ParameterRef{};
        want_b = partner(net, want_a);
    }
    const bool new_shape = net.sizes != sizes;
    if (!(want_a == a) || !(want_b == b) || new_shape || t.step_count() < trail_step) {  // another pair, network or run
        a = want_a;
        b = want_b;
        sizes = net.sizes;
        trail.clear();
        has_window = false;
        computing.cancel();
        shown = {};
    }
    const double pa = parameter(net, a), pb = parameter(net, b);
    if (trail.empty() || t.step_count() != trail_step) {
        trail.push_back(ImVec2(static_cast<float>(pa), static_cast<float>(pb)));
        if (trail.size() > kTrailLength) trail.erase(trail.begin());
        trail_step = t.step_count();
    }
    // The window stays put while the point is inside it.
    if (!has_window || std::fabs(pa - centre_a) > span || std::fabs(pb - centre_b) > span) recentre(lab);

    // A slice of the grid within the frame's budget; a finished grid is shown and the next begins,
    // since the other parameters train on and the surface moves with them.
    const auto begin = std::chrono::steady_clock::now();
    const auto elapsed_ms = [&] { return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - begin).count(); };
    last_slice_cells = 0;
    if (t.training_point_count() > 0) {
        do {  // at least one block a frame, so the grid always progresses
            if (!computing.started() || computing.done()) computing.start(t, net, a, b, centre_a, centre_b, span, grid_size(t));
            last_slice_cells += computing.advance(t, 1);  // one block of points: a fraction of a millisecond
            if (computing.done()) {
                shown = computing.grid();  // the next start() begins a fresh grid in the same buffers
                break;                     // one whole grid per frame is plenty
            }
        } while (elapsed_ms() < budget_ms);
    }
    last_slice_ms = elapsed_ms();
    // Arrow: -gradient scaled so its longer side is a third of the window, by a power of ten.
    const double longest = std::max(std::fabs(shown.gradient_a), std::fabs(shown.gradient_b));
    arrow_scale = longest > 0.0 ? std::pow(10.0, std::floor(std::log10(span * 0.6 / longest))) : 1.0;
}

void draw_landscape_view(LandscapeView& v, Lab& lab) {
    v.update(lab);
    draw_toolbar(v, lab);
    const float font = ImGui::GetFontSize();
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    const ImVec2 avail = ImGui::GetContentRegionAvail();
    const float below = font * 3.7f + ImGui::GetTextLineHeightWithSpacing() * 4.5f;  // b's name, a's, legend, caption, update
    const float side = std::min(avail.x - font * 4.6f, avail.y - below);
    if (v.shown.n == 0 || side < font * 4.0f) {
        if (v.shown.n > 0) {
            ImGui::TextWrapped("Too small to draw the landscape: give this view more room.");
        } else if (lab.trainer().training_point_count() == 0) {
            ImGui::TextWrapped("No training points: add some to see the landscape.");
        } else {  // a large network's first grid takes many frames: say how far it is
            const int cells = v.computing.grid().n * v.computing.grid().n;
            const int percent = cells > 0 ? 100 * v.computing.cells_done() / cells : 0;
            ImGui::TextWrapped("Computing the landscape\u2026 %d %% (a slice each frame, so the lab stays responsive)", percent);
        }
        return;
    }
    draw_plot(v, lab, origin, side);
    ImGui::Dummy(ImVec2(side + font * 4.6f, side + font * 3.8f));
    draw_legend(v.shown, ImGui::GetCursorScreenPos(), std::min(avail.x, side + font * 4.6f));
    ImGui::Dummy(ImVec2(1.0f, font * 1.2f));
    ImGui::TextWrapped("L over all training points, the other parameters held as they are. Arrow: \u2212(\u2202L/\u2202a, "
                       "\u2202L/\u2202b) \u00d7 %s in parameter units; the line is the path of the last steps.",
                       number_text(v.arrow_scale, 2).c_str());
    draw_update_lines(v, lab);
}

}  // namespace bp
