// Data view: the input plane with the network's output behind the points, where the class draws
// its data. Click adds a point of the chosen class (Shift: the other class), drag moves one, right
// click (or delete mode) removes one, a click on a point inspects it. For the curve (regression)
// the plane is x1 across and y up, and the fitted curve is drawn through the points.
#include <algorithm>
#include <cmath>
#include <cstdio>

#include "app/layout/plane_view.h"
#include "app/ui/data_view.h"
#include "app/notation/number_text.h"
#include "app/ui/ui_style.h"

namespace bp {

namespace {

constexpr int kGridCells = 48;  // the CPU fallback draws the output as kGridCells^2 squares

// Where a point sits on the canvas: (x1, x2), or (x1, y) for regression.
ImVec2 point_position(const PlaneView& plane, const Point& p, bool regression) {
    return plane.to_screen(p.x1, regression ? p.y : p.x2);
}

void draw_output_background(const Lab& lab, Platform& platform, const PlaneView& plane, ImDrawList* draw) {
    if (platform.draw_output(draw, plane.min, plane.max, lab)) return;
    const std::vector<double>& grid = lab.output_grid(kGridCells);
    const float cell = (plane.max.x - plane.min.x) / kGridCells;
    for (int r = 0; r < kGridCells; ++r)
        for (int c = 0; c < kGridCells; ++c) {
            const double t = 2.0 * grid[r * kGridCells + c] - 1.0;  // y-hat 0..1 -> -1..1
            const ImVec2 a(plane.min.x + c * cell, plane.min.y + r * cell);
            draw->AddRectFilled(a, ImVec2(a.x + cell + 0.5f, a.y + cell + 0.5f), ui::signed_color(std::clamp(t, -1.0, 1.0) * ui::kOutputTint));
        }
}

// The regression view's background: a white plane with a grid at every unit.
void draw_regression_grid(const PlaneView& plane, ImDrawList* draw) {
    draw->AddRectFilled(plane.min, plane.max, IM_COL32_WHITE);
    for (double v = -2.0; v <= 2.0; v += 1.0) {
        draw->AddLine(plane.to_screen(v, -kPlaneExtent), plane.to_screen(v, kPlaneExtent), ui::kGrid);
        draw->AddLine(plane.to_screen(-kPlaneExtent, v), plane.to_screen(kPlaneExtent, v), ui::kGrid);
    }
}

// The fitted curve y-hat(x1), drawn over the points so it stays visible.
void draw_fitted_curve(const Lab& lab, const PlaneView& plane, ImDrawList* draw) {
    draw->PushClipRect(plane.min, plane.max, true);
    const std::vector<double>& curve = lab.output_curve();
    const int n = static_cast<int>(curve.size());
    for (int k = 1; k < n; ++k) {
        const double x0 = -kPlaneExtent + 2.0 * kPlaneExtent * (k - 1) / (n - 1), x1 = -kPlaneExtent + 2.0 * kPlaneExtent * k / (n - 1);
        const ImVec2 a = plane.to_screen(x0, std::clamp(curve[k - 1], -2.5, 2.5)), b = plane.to_screen(x1, std::clamp(curve[k], -2.5, 2.5));
        draw->AddLine(a, b, ui::with_alpha(ui::kHighlight, 220), 3.5f);
    }
    draw->PopClipRect();
}

void point_tooltip(const DataView& view, const Lab& lab, int k, bool regression) {
    const Point& p = lab.trainer().points()[k];
    ImGui::BeginTooltip();
    if (regression)
        ImGui::Text("point #%d: x\u2081 = %.3f, y = %.3f%s", k + 1, p.x1, p.y, p.test ? "  (test)" : "");
    else
        ImGui::Text("point #%d: x\u2081 = %.3f, x\u2082 = %.3f, class %g%s", k + 1, p.x1, p.x2, p.y, p.test ? "  (test)" : "");
    ImGui::Text("prediction \u0177 = %s", number_text(lab.trainer().predict(p.x1, p.x2), 4).c_str());
    ImGui::TextUnformatted(view.delete_mode ? "Click to delete it." : "Click to inspect it, drag to move it, right click to delete it.");
    ImGui::EndTooltip();
}

// Mouse editing of the points.
void edit_points(DataView& view, Lab& lab, bool hovered, int under_mouse, bool regression) {
    const PlaneView& plane = view.plane;
    const ImGuiIO& io = ImGui::GetIO();
    double u, v;
    plane.to_plane(io.MousePos, u, v);
    u = std::clamp(u, -kPlaneExtent, kPlaneExtent);
    v = std::clamp(v, -kPlaneExtent, kPlaneExtent);
    const bool editable = !lab.locked(Lab::LockData);
    if (editable && hovered && ImGui::IsMouseClicked(ImGuiMouseButton_Right) && under_mouse >= 0) lab.remove_point(under_mouse);
    if (hovered && ImGui::IsMouseClicked(ImGuiMouseButton_Left)) {
        if (under_mouse >= 0 && view.delete_mode && editable) {
            lab.remove_point(under_mouse);
        } else if (under_mouse >= 0) {
            view.pressed_point = under_mouse;
            view.dragging_point = false;
        } else if (!view.delete_mode && editable) {
            const bool one = view.add_class_one != io.KeyShift;
            Point p = regression ? Point{u, 0.0, v, false} : Point{u, v, one ? 1.0 : 0.0, false};
            int index = 0;
            lab.add_point(p, index);
        }
    }
    // An undo or redo during a drag ends it (the lab closed the drag): let go of the point.
    if (view.dragging_point && !lab.drag_open()) {
        view.pressed_point = -1;
        view.dragging_point = false;
    }
    const int k = view.pressed_point;
    if (k < 0 || k >= static_cast<int>(lab.trainer().points().size())) {
        view.pressed_point = -1;
        return;
    }
    if (editable && ImGui::IsMouseDragging(ImGuiMouseButton_Left, 3.0f)) {
        if (!view.dragging_point) lab.begin_drag();
        view.dragging_point = true;
        Point p = lab.trainer().points()[k];
        p.x1 = u;
        (regression ? p.y : p.x2) = v;
        lab.move_point(k, p);
    }
    if (ImGui::IsMouseReleased(ImGuiMouseButton_Left)) {
        if (view.dragging_point) lab.end_drag();
        else lab.set_inspected_point(k);
        view.pressed_point = -1;
        view.dragging_point = false;
    }
}

void legend(const Lab& lab, const PlaneView& plane, bool regression) {
    const float font = ImGui::GetFontSize();
    ImGui::SetCursorScreenPos(ImVec2(plane.min.x, plane.max.y + font * 0.2f));
    auto bullet = [](ImU32 color, const char* glyph, const char* text) {
        ImGui::PushStyleColor(ImGuiCol_Text, color);
        ImGui::TextUnformatted(glyph);
        ImGui::PopStyleColor();
        ImGui::SameLine(0, 4);
        ImGui::TextUnformatted(text);
        ImGui::SameLine();
    };
    if (regression) {
        bullet(ui::kPositive, "\u25cf", "points");
        bullet(ui::kHighlight, "\u2014", "the network's \u0177(x\u2081)");
    } else {
        bullet(ui::kPositive, "\u25cf", "class 1");
        bullet(ui::kNegative, "\u25cf", "class 0");
    }
    const bool has_test = std::any_of(lab.trainer().points().begin(), lab.trainer().points().end(), [](const Point& p) { return p.test; });
    if (has_test) bullet(ui::kMutedInk, "\u25cb", "test");
    ImGui::NewLine();
    ui::tooltip(regression ? "Points are (x\u2081, y) pairs to fit; the line is the network's prediction. Drag a point "
                             "up or down and watch the curve follow."
                           : "The background is the network's prediction \u0177: blue near 1 (class 1), orange near 0 "
                             "(class 0), white at 0.5, the decision boundary. Hollow points are test points, "
                             "never trained on. Both axes run from -2 to 2.");
}

}  // namespace

void draw_data_view(DataView& view, Lab& lab, Platform& platform, ImVec2 size) {
    ImGui::BeginChild("data", size, true);
    const bool regression = is_regression(lab.settings().dataset);
    draw_data_toolbar(view, lab);
    const float font = ImGui::GetFontSize();
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    const ImVec2 avail = ImGui::GetContentRegionAvail();
    const float side = std::max(10.0f, std::min(avail.x, avail.y - font * 1.8f));
    PlaneView& plane = view.plane;
    plane.extent = kPlaneExtent;
    plane.min = Vec2{origin.x + (avail.x - side) * 0.5f, origin.y};
    plane.max = Vec2{plane.min.x + side, plane.min.y + side};
    ImGui::SetCursorScreenPos(plane.min);
    ImGui::InvisibleButton("data_canvas", ImVec2(side, side), ImGuiButtonFlags_MouseButtonLeft | ImGuiButtonFlags_MouseButtonRight);
    const bool hovered = ImGui::IsItemHovered();
    ImDrawList* draw = ImGui::GetWindowDrawList();
    if (regression) draw_regression_grid(plane, draw);
    else draw_output_background(lab, platform, plane, draw);
    draw->AddRect(plane.min, plane.max, ui::kInk);

    const auto& points = lab.trainer().points();
    const float dot = std::max(3.5f, font * 0.28f);
    int under_mouse = -1;
    float best = dot * 2.0f;
    const ImVec2 mouse = ImGui::GetIO().MousePos;
    for (int k = 0; k < static_cast<int>(points.size()); ++k) {
        const ImVec2 p = point_position(plane, points[k], regression);
        const ImU32 color = regression || points[k].y > 0.5 ? ui::kPositive : ui::kNegative;
        if (points[k].test) {
            draw->AddCircleFilled(p, dot, IM_COL32_WHITE);
            draw->AddCircle(p, dot, color, 0, 2.5f);
        } else {
            draw->AddCircleFilled(p, dot, color);
            draw->AddCircle(p, dot, IM_COL32_WHITE, 0, 1.5f);
        }
        draw->AddCircle(p, dot + 1.2f, ui::with_alpha(ui::kInk, 150), 0, 1.0f);  // stands out on any background
        const float d = std::hypot(p.x - mouse.x, p.y - mouse.y);
        if (hovered && d < best) {
            best = d;
            under_mouse = k;
        }
    }
    if (regression) draw_fitted_curve(lab, plane, draw);
    for (int k : lab.trainer().last_batch()) {  // the last step's batch: a thin ring
        if (k >= static_cast<int>(points.size())) continue;
        draw->AddCircle(point_position(plane, points[k], regression), dot * 1.7f, ui::with_alpha(ui::kInk, 170), 0, 1.5f);
    }
    if (const int inspected = lab.inspected_point(); inspected >= 0)
        draw->AddCircle(point_position(plane, points[inspected], regression), dot * 2.2f, ui::kInk, 0, 2.5f);
    if (under_mouse >= 0 && view.pressed_point < 0) point_tooltip(view, lab, under_mouse, regression);
    edit_points(view, lab, hovered, under_mouse, regression);
    legend(lab, plane, regression);
    ImGui::EndChild();
}

}  // namespace bp
