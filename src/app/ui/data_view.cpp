// Data view: the input plane with the network's output behind the points, where the class draws
// its data. Click adds a point of the chosen class (Shift: the other class), drag moves one, right
// click (or delete mode) removes one, a click on a point inspects it. On a touch screen a tap adds a
// point, a tap on a point inspects it, a drag moves it and a long-press (a ring fills up) removes it;
// two fingers zoom and pan the plane. For the curve (regression) the plane is x1 across and y up, and
// the fitted curve is drawn through the points. While a neuron is hovered in the network view, its
// map a^l_j replaces the output behind the points, with a caption naming it.
#include <algorithm>
#include <cmath>
#include <cstdio>

#include "app/input/touch_state.h"
#include "app/input/touch_surfaces.h"
#include "app/input/touch_tuning.h"
#include "app/layout/plane_view.h"
#include "app/ui/data_view.h"
#include "app/notation/glyphs.h"
#include "app/notation/number_text.h"
#include "app/ui/map_shade.h"
#include "app/ui/ui_style.h"
#include "core/prediction.h"

namespace bp {

namespace {

// The legend's height under the plane, in lines of text (a caption that wraps takes more).
constexpr float kLegendLines = 1.8f;

constexpr int kGridCells = 48;  // the CPU fallback draws the output as kGridCells^2 squares

// Where a point sits on the canvas: (x1, x2), or (x1, y) for regression.
ImVec2 point_position(const PlaneView& plane, const Point& p, bool regression) {
    return plane.to_screen(p.x1, regression ? p.y : p.x2);
}

// The output over the plane, clipped to the view. The white fill is drawn in the view's clip rectangle
// just before the GPU's drawing, whose callback keeps the scissor that fill set.
void draw_output_background(const Lab& lab, Platform& platform, const PlaneView& plane, ImDrawList* draw) {
    draw->AddRectFilled(plane.view.min, plane.view.max, ui::kPanel);
    if (platform.draw_output(draw, plane.min, plane.max, lab)) return;
    const std::vector<double>& grid = lab.output_grid(kGridCells);
    const MapShade shade = output_shade(lab.display().discretize);  // the curve data set draws no output
    const float cell = (plane.max.x - plane.min.x) / kGridCells;
    for (int r = 0; r < kGridCells; ++r)
        for (int c = 0; c < kGridCells; ++c) {
            const ImVec2 a(plane.min.x + c * cell, plane.min.y + r * cell);
            draw->AddRectFilled(a, ImVec2(a.x + cell + 0.5f, a.y + cell + 0.5f), map_color(shade, grid[r * kGridCells + c]));
        }
}

// A neuron's map over the plane instead of the output: on the GPU, else as kGridCells^2 squares, each
// centred on its sample point (core/neuron_map.h samples both edges of the plane).
void draw_neuron_background(const Lab& lab, Platform& platform, const PlaneView& plane, NeuronRef neuron, ImDrawList* draw) {
    draw->AddRectFilled(plane.view.min, plane.view.max, ui::kPanel);
    if (platform.draw_neuron_maps(draw, {{plane.min, plane.max, neuron.layer, neuron.j, false}}, lab)) return;
    const std::vector<double>& grid = lab.neuron_grid(neuron.layer, neuron.j, kGridCells);
    const MapShade shade = map_shade(lab.trainer().network(), lab.settings().features, neuron.layer, neuron.j);
    const float step = (plane.max.x - plane.min.x) / (kGridCells - 1);
    for (int r = 0; r < kGridCells; ++r)
        for (int c = 0; c < kGridCells; ++c) {
            const ImVec2 a(plane.min.x + (c - 0.5f) * step, plane.min.y + (r - 0.5f) * step);
            draw->AddRectFilled(a, ImVec2(a.x + step + 0.5f, a.y + step + 0.5f), map_color(shade, grid[r * kGridCells + c]));
        }
}

// The neuron whose map the plane shows: the hovered one, if it is still in the network (a classification
// set only: the curve's plane is x1 across and y up, not the network's input plane).
NeuronRef shown_neuron(const DataView& view, const Lab& lab) {
    const Network& net = lab.trainer().network();
    const NeuronRef n = view.neuron;
    if (!n.any() || is_regression(lab.settings().dataset) || n.layer > net.layer_count() || n.j >= net.sizes[n.layer]) return {};
    return n;
}

// The caption under a neuron's map: "a²₁ over the plane", "x₁² = a⁰₃ over the plane", "ŷ = a³₁ ...".
void neuron_caption(const Lab& lab, NeuronRef n) {
    const Network& net = lab.trainer().network();
    std::string name = neuron_symbol("a", n.layer, n.j);
    if (n.layer == 0) name = std::string(feature_label(lab.settings().features[n.j])) + " = " + name;
    if (n.layer == net.layer_count()) name = "\u0177 = " + name;
    // One line, as the legend it replaces: where the whole caption does not fit (a phone), its name.
    const std::string text = name + " over the plane \u2014 " + (touch_active() ? "tapped" : "hovered") + " in the network";
    const bool fits = ImGui::CalcTextSize(text.c_str()).x <= ImGui::GetWindowContentRegionMax().x + ImGui::GetWindowPos().x - ImGui::GetCursorScreenPos().x;
    ImGui::TextUnformatted(fits ? text.c_str() : (name + " over the plane").c_str());
    ui::tooltip(n.layer == 0 ? "This input's value over the whole plane: white at 0, blue at its largest, orange at its "
                               "most negative. The points are drawn over it."
                 : n.layer == net.layer_count()
                     ? "The output over the plane, as the boundary is drawn: white at 0.5, blue above, orange below."
                     : "What this neuron computes at every point of the plane: blue above its neutral value (0, or 0.5 "
                       "for sigmoid), orange below, as its circle in the network shows it small. The points are drawn "
                       "over it; leave the neuron to see the output again.");
}

// The regression view's background: a white plane with a grid at every unit.
void draw_regression_grid(const PlaneView& plane, ImDrawList* draw) {
    draw->AddRectFilled(plane.min, plane.max, ui::kPanel);
    const float hairline = ui::metrics().hairline;
    for (double v = -2.0; v <= 2.0; v += 1.0) {
        draw->AddLine(plane.to_screen(v, -kPlaneExtent), plane.to_screen(v, kPlaneExtent), ui::kGrid, hairline);
        draw->AddLine(plane.to_screen(-kPlaneExtent, v), plane.to_screen(kPlaneExtent, v), ui::kGrid, hairline);
    }
}

// The fitted curve y-hat(x1), drawn over the points so it stays visible.
void draw_fitted_curve(const Lab& lab, const PlaneView& plane, ImDrawList* draw) {
    draw->PushClipRect(plane.view.min, plane.view.max, true);
    const std::vector<double>& curve = lab.output_curve();
    const int n = static_cast<int>(curve.size());
    const float width = 3.5f * ui::metrics().hairline;  // the fitted curve, above the points' outlines
    for (int k = 1; k < n; ++k) {
        const double x0 = -kPlaneExtent + 2.0 * kPlaneExtent * (k - 1) / (n - 1), x1 = -kPlaneExtent + 2.0 * kPlaneExtent * k / (n - 1);
        const ImVec2 a = plane.to_screen(x0, std::clamp(curve[k - 1], -2.5, 2.5)), b = plane.to_screen(x1, std::clamp(curve[k], -2.5, 2.5));
        draw->AddLine(a, b, ui::with_alpha(ui::kHighlight, 220), width);
    }
    draw->PopClipRect();
}

void point_tooltip(const DataView& view, const Lab& lab, int k, bool regression) {
    const Point& p = lab.trainer().points()[k];
    ImGui::BeginTooltip();
    const char* test = p.test ? "  (test)" : "";
    if (regression)
        ImGui::Text("point #%d: x\u2081 = %s, y = %s%s", k + 1, number_text(p.x1, 4).c_str(), number_text(p.y, 4).c_str(), test);
    else
        ImGui::Text("point #%d: x\u2081 = %s, x\u2082 = %s, class %g%s", k + 1, number_text(p.x1, 4).c_str(),
                    number_text(p.x2, 4).c_str(), p.y, test);
    ImGui::Text("prediction \u0177 = %s", number_text(predict(lab.trainer().network(), lab.settings().features, p.x1, p.x2), 4).c_str());
    if (touch_active())
        ImGui::TextUnformatted(view.delete_mode ? "Tap to delete it." : "Tap to inspect it, drag to move it, hold to delete it.");
    else
        ImGui::TextUnformatted(view.delete_mode ? "Click to delete it." : "Click to inspect it, drag to move it, right click to delete it.");
    ImGui::EndTooltip();
}

// The plane coordinates under a screen position, kept on the plane.
void plane_at(const PlaneView& plane, ImVec2 at, double& u, double& v) {
    plane.to_plane(at, u, v);
    u = std::clamp(u, -kPlaneExtent, kPlaneExtent);
    v = std::clamp(v, -kPlaneExtent, kPlaneExtent);
}

void add_point_at(DataView& view, Lab& lab, double u, double v, bool regression) {
    const bool one = view.add_class_one != ImGui::GetIO().KeyShift;
    const Point p = regression ? Point{u, 0.0, v, false} : Point{u, v, one ? 1.0 : 0.0, false};
    int index = 0;
    lab.add_point(p, index);
}

// Moves the pressed point to the pointer.
void drag_point(DataView& view, Lab& lab, int k, bool regression) {
    if (!view.dragging_point) lab.begin_drag();
    view.dragging_point = true;
    double u, v;
    plane_at(view.plane, ImGui::GetIO().MousePos, u, v);
    Point p = lab.trainer().points()[k];
    p.x1 = u;
    (regression ? p.y : p.x2) = v;
    lab.move_point(k, p);
}

// Lets go of the pressed point: a press that did not drag inspects it.
void release_point(DataView& view, Lab& lab, bool inspect) {
    if (view.dragging_point) lab.end_drag();
    else if (inspect && view.pressed_point >= 0) lab.set_inspected_point(view.pressed_point);
    view.pressed_point = -1;
    view.dragging_point = false;
}

// The pressed point, or -1 once it is gone or an undo or redo ended its drag (the lab closed it).
int pressed_point(DataView& view, const Lab& lab) {
    if (view.dragging_point && !lab.drag_open()) {
        view.pressed_point = -1;
        view.dragging_point = false;
    }
    if (view.pressed_point >= static_cast<int>(lab.trainer().points().size())) view.pressed_point = -1;
    return view.pressed_point;
}

// Mouse editing of the points: a click adds or inspects, a drag moves, a right click removes.
void edit_with_mouse(DataView& view, Lab& lab, bool hovered, int under_mouse, bool regression) {
    const bool editable = !lab.locked(Lab::LockData);
    if (editable && hovered && ImGui::IsMouseClicked(ImGuiMouseButton_Right) && under_mouse >= 0) lab.remove_point(under_mouse);
    if (hovered && ImGui::IsMouseClicked(ImGuiMouseButton_Left)) {
        if (under_mouse >= 0 && view.delete_mode && editable) {
            lab.remove_point(under_mouse);
        } else if (under_mouse >= 0) {
            view.pressed_point = under_mouse;
            view.dragging_point = false;
        } else if (!view.delete_mode && editable) {
            double u, v;
            plane_at(view.plane, ImGui::GetIO().MousePos, u, v);
            add_point_at(view, lab, u, v, regression);
        }
    }
    const int k = pressed_point(view, lab);
    if (k < 0) return;
    if (editable && ImGui::IsMouseDragging(ImGuiMouseButton_Left, 3.0f)) drag_point(view, lab, k, regression);
    if (ImGui::IsMouseReleased(ImGuiMouseButton_Left)) release_point(view, lab, true);
}

// Touch editing: a tap on empty plane adds a point where it landed (when the finger lifts, so a
// pinch adds nothing), a tap on a point inspects it, a drag moves it, a long-press removes it.
void edit_with_touch(DataView& view, Lab& lab, bool hovered, int under_finger, bool regression) {
    const ImGuiIO& io = ImGui::GetIO();
    const bool editable = !lab.locked(Lab::LockData);
    if (hovered && ImGui::IsMouseClicked(ImGuiMouseButton_Left)) {
        view.press_pos = io.MousePos;
        view.press_travelled = false;
        plane_at(view.plane, io.MousePos, view.press_u, view.press_v);
        if (under_finger >= 0 && view.delete_mode && editable) {
            lab.remove_point(under_finger);
        } else if (under_finger >= 0) {
            view.pressed_point = under_finger;
            view.dragging_point = false;
        } else {
            view.pending_add = !view.delete_mode && editable;
        }
    }
    const float moved = std::hypot(io.MousePos.x - view.press_pos.x, io.MousePos.y - view.press_pos.y);
    if (moved > kTouchSlop) view.pending_add = false;  // a drag over empty plane adds nothing
    // Once the finger has moved, this press is a drag: resting afterwards (or coming back to where it
    // started) never turns it into the long-press that removes the point.
    if (moved > kTouchDragThreshold) view.press_travelled = true;
    if (ImGui::IsMouseReleased(ImGuiMouseButton_Left)) {
        const bool taken_back = touch_frame().press_cancelled;
        if (view.pending_add && !taken_back) add_point_at(view, lab, view.press_u, view.press_v, regression);
        view.pending_add = false;
        if (pressed_point(view, lab) >= 0) release_point(view, lab, !taken_back);
        return;
    }
    const int k = pressed_point(view, lab);
    if (k < 0 || !editable || !ImGui::IsMouseDown(ImGuiMouseButton_Left)) return;
    if (view.dragging_point || view.press_travelled) {
        drag_point(view, lab, k, regression);
    } else if (io.MouseDownDuration[ImGuiMouseButton_Left] * 1000.0 >= kLongPressMs) {
        lab.remove_point(k);
        view.pressed_point = -1;
    }
}

// The long-press on a point: a ring around it fills up until the point goes.
void draw_long_press_ring(ImVec2 at, float radius, ImDrawList* draw) {
    const float progress = long_press_progress(ImGui::GetIO().MouseDownDuration[ImGuiMouseButton_Left] * 1000.0);
    if (progress <= 0.0f) return;
    constexpr float kTop = -1.5707964f, kTurn = 6.2831853f;
    const ui::Metrics metric = ui::metrics();
    draw->AddCircle(at, radius, ui::with_alpha(ui::kInk, 90), 0, metric.heavy);
    draw->PathArcTo(at, radius, kTop, kTop + kTurn * progress, 32);
    draw->PathStroke(ui::kNegative, 0, metric.heavy + 2.0f * metric.hairline);  // the progress over its track
}

void legend(const Lab& lab, const PlaneView& plane, bool regression, NeuronRef neuron) {
    const float font = ImGui::GetFontSize();
    ImGui::SetCursorScreenPos(ImVec2(plane.view.min.x, plane.view.max.y + font * 0.2f));
    if (neuron.any()) {
        neuron_caption(lab, neuron);
        return;
    }
    auto bullet = [](ImU32 color, const char* glyph, const char* text) {
        ImGui::PushStyleColor(ImGuiCol_Text, color);
        ImGui::TextUnformatted(glyph);
        ImGui::PopStyleColor();
        ImGui::SameLine(0, ui::metrics().gap);
        ImGui::TextUnformatted(text);
        ImGui::SameLine();
    };
    if (regression) {
        bullet(ui::kClassOne, "\u25cf", "points");
        bullet(ui::kHighlight, "\u2014", "the network's \u0177(x\u2081)");
    } else {
        bullet(ui::kClassOne, "\u25cf", "class 1");
        bullet(ui::kClassZero, "\u25cf", "class 0");
    }
    const bool has_test = std::any_of(lab.trainer().points().begin(), lab.trainer().points().end(), [](const Point& p) { return p.test; });
    if (has_test) bullet(ui::kMutedInk, "\u25cb", lab.display().show_test_points ? "test" : "test (hidden)");
    ui::tooltip(regression ? "Points are (x\u2081, y) pairs to fit; the line is the network's prediction. Drag a point "
                             "up or down and watch the curve follow."
                           : "The background is the network's prediction \u0177: blue near 1 (class 1), orange near 0 "
                             "(class 0), white at 0.5, the decision boundary. Hollow points are test points, "
                             "never trained on. Both axes run from -2 to 2.");
    ImGui::NewLine();
}

// Two fingers on the plane zoom it about their midpoint and pan it.
void zoom_plane(PlaneView& plane) {
    const TouchFrame& touch = touch_frame();
    if (touch.pinching && plane.view.contains(touch.pinch_centre)) {
        plane.zoom_about(touch.pinch_centre, touch.pinch_scale);
        plane.pan(touch.pan);
    }
}

// Zoomed in, a button in the plane's top-right corner shows the whole plane again. It is drawn on the
// plane and pressed through the plane's own input, so a press on it edits no point.
Rect zoom_reset_box(const PlaneView& plane, const char* label) {
    const ImVec2 text = ImGui::CalcTextSize(label);
    const float pad = ImGui::GetFontSize() * 0.35f;
    const Vec2 max{plane.view.max.x - pad, plane.view.min.y + pad + text.y + 2 * pad};
    return Rect{Vec2{max.x - text.x - 2 * pad, plane.view.min.y + pad}, max};
}

// Draws the button when zoomed in; true when the pointer is on it (a press there has reset the zoom).
bool zoom_reset_button(PlaneView& plane, bool hovered, ImDrawList* draw) {
    if (!plane.zoomed()) return false;
    char label[48];
    std::snprintf(label, sizeof label, "%.1f\u00d7 \u2192 1\u00d7", plane.zoom);
    const Rect box = zoom_reset_box(plane, label);
    const bool on_it = hovered && box.contains(ImGui::GetIO().MousePos);
    draw->AddRectFilled(box.min, box.max, on_it ? ui::kGrid : ui::with_alpha(ui::kPanel, 235), 4.0f);
    draw->AddRect(box.min, box.max, ui::kMutedInk, 4.0f, 0, ui::metrics().hairline);
    const float pad = ImGui::GetFontSize() * 0.35f;
    draw->AddText(ImVec2(box.min.x + pad, box.min.y + pad), ui::kInk, label);
    if (on_it && ui::tooltip_allowed()) {
        ImGui::BeginTooltip();
        ImGui::TextUnformatted("Zoomed in (two fingers pinch the plane, up to 4\u00d7, and move it).\nTap or click to show the whole plane.");
        ImGui::EndTooltip();
    }
    if (on_it && ImGui::IsMouseClicked(ImGuiMouseButton_Left)) plane.reset_zoom();
    return on_it;
}

void draw_points(const Lab& lab, const PlaneView& plane, float dot, bool regression, ImDrawList* draw) {
    const auto& points = lab.trainer().points();
    const bool show_test = lab.display().show_test_points;
    const ui::Metrics metric = ui::metrics();
    for (const Point& point : points) {
        if (point.test && !show_test) continue;
        const ImVec2 p = point_position(plane, point, regression);
        const ImU32 color = regression || point.y > 0.5 ? ui::kClassOne : ui::kClassZero;
        if (point.test) {
            draw->AddCircleFilled(p, dot, ui::kOnFill);
            draw->AddCircle(p, dot, color, 0, metric.bold);
        } else {
            draw->AddCircleFilled(p, dot, color);
            draw->AddCircle(p, dot, ui::kOnFill, 0, metric.line);
        }
        draw->AddCircle(p, dot + 1.2f * metric.hairline, ui::with_alpha(ui::kInk, 150), 0, metric.hairline);  // stands out on any background
    }
    if (regression) draw_fitted_curve(lab, plane, draw);
    for (int k : lab.trainer().last_batch()) {  // the last step's batch: a thin ring
        if (k >= static_cast<int>(points.size())) continue;
        draw->AddCircle(point_position(plane, points[k], regression), dot * 1.7f, ui::with_alpha(ui::kInk, 170), 0, metric.line);
    }
    if (const int inspected = lab.inspected_point(); inspected >= 0 && inspected < static_cast<int>(points.size()))
        draw->AddCircle(point_position(plane, points[inspected], regression), dot * 2.2f, ui::kInk, 0, metric.bold);
}

// The point nearest the pointer within `reach` pixels, inside the view; -1 if none.
int point_under(const Lab& lab, const PlaneView& plane, ImVec2 at, float reach, bool regression) {
    if (!plane.view.contains(at)) return -1;
    const auto& points = lab.trainer().points();
    int nearest = -1;
    float best = reach;
    for (int k = 0; k < static_cast<int>(points.size()); ++k) {
        if (points[k].test && !lab.display().show_test_points) continue;  // a hidden point cannot be taken
        const ImVec2 p = point_position(plane, points[k], regression);
        const float d = std::hypot(p.x - at.x, p.y - at.y);
        if (d < best) {
            best = d;
            nearest = k;
        }
    }
    return nearest;
}

}  // namespace

float data_view_chrome(float toolbar_rows) {
    // Its plane is as wide as the view inside its padding, and as high as what the toolbar above it
    // and the legend under it leave of the height inside the padding.
    const ImGuiStyle& style = ImGui::GetStyle();
    return toolbar_rows * ImGui::GetFrameHeightWithSpacing() + ImGui::GetFontSize() * kLegendLines +
           2.0f * style.WindowPadding.y - 2.0f * style.WindowPadding.x;
}

void draw_data_view(DataView& view, Lab& lab, Platform& platform, ImVec2 size) {
    // Laid out to fit (its plane takes what the toolbar and the legend leave), it never scrolls: a
    // scrollbar would narrow the plane and change what fits, frame after frame.
    ImGui::BeginChild("data", size, true, ImGuiWindowFlags_NoScrollbar | ImGuiWindowFlags_NoScrollWithMouse);
    const bool regression = is_regression(lab.settings().dataset);
    const bool touch = touch_active();
    draw_data_toolbar(view, lab);
    const float font = ImGui::GetFontSize();
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    const ImVec2 avail = ImGui::GetContentRegionAvail();
    const float side = std::max(10.0f, std::min(avail.x, avail.y - font * kLegendLines));
    PlaneView& plane = view.plane;
    plane.extent = kPlaneExtent;
    const Vec2 corner{origin.x + (avail.x - side) * 0.5f, origin.y};
    plane.place(Rect{corner, Vec2{corner.x + side, corner.y + side}});
    touch_surfaces().add_immediate(plane.view);  // a finger presses here at once, to drag points
    zoom_plane(plane);
    ImGui::SetCursorScreenPos(plane.view.min);
    ImGui::InvisibleButton("data_canvas", ImVec2(side, side), ImGuiButtonFlags_MouseButtonLeft | ImGuiButtonFlags_MouseButtonRight);
    const bool hovered = ImGui::IsItemHovered();
    ImDrawList* draw = ImGui::GetWindowDrawList();
    draw->PushClipRect(plane.view.min, plane.view.max, true);
    const NeuronRef neuron = shown_neuron(view, lab);
    view.showing_neuron = neuron.any();
    if (regression) draw_regression_grid(plane, draw);
    else if (neuron.any()) draw_neuron_background(lab, platform, plane, neuron, draw);
    else draw_output_background(lab, platform, plane, draw);
    draw->PopClipRect();
    // Points just off the plane (noise) overlap its border, as unzoomed they always did; zoomed in,
    // the points beyond the plane's frame are out of view, and never drawn over the toolbar.
    const float dot = std::max(3.5f, font * 0.28f), margin = plane.zoomed() ? 0.0f : dot * 2.5f;
    draw->PushClipRect(ImVec2(plane.view.min.x - margin, plane.view.min.y - margin),
                       ImVec2(plane.view.max.x + margin, plane.view.max.y + margin), true);
    draw_points(lab, plane, dot, regression, draw);
    draw->PopClipRect();
    draw->AddRect(plane.view.min, plane.view.max, ui::kInk, 0.0f, 0, ui::metrics().hairline);

    const bool on_reset = zoom_reset_button(plane, hovered, draw);
    const ImVec2 pointer = ImGui::GetIO().MousePos;
    const int under = hovered && !on_reset ? point_under(lab, plane, pointer, touch ? kTouchHitRadius : dot * 2.0f, regression) : -1;
    if (under >= 0 && view.pressed_point < 0 && ui::tooltip_allowed()) point_tooltip(view, lab, under, regression);
    if (touch) edit_with_touch(view, lab, hovered && !on_reset, under, regression);
    else edit_with_mouse(view, lab, hovered && !on_reset, under, regression);
    if (touch && view.pressed_point >= 0 && !view.dragging_point && !view.press_travelled)
        draw_long_press_ring(point_position(plane, lab.trainer().points()[view.pressed_point], regression), kTouchHitRadius, draw);
    legend(lab, plane, regression, neuron);
    ImGui::EndChild();
}

}  // namespace bp
