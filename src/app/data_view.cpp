// Data view: the input plane with the network's output behind the points. Click a point to show
// its activations in the network view.
#include <algorithm>
#include <cmath>

#include "app/plane_view.h"
#include "app/ui.h"
#include "app/ui_style.h"

namespace bp {

namespace {
constexpr int kGridCells = 48;  // the output is drawn as kGridCells^2 squares
}

void draw_data_view(Lab& lab, ImVec2 size) {
    ImGui::BeginChild("data", size, true);
    ImGui::TextUnformatted("Data and the network's output");
    ui::tooltip("Each dot is a training point: blue is class 1, orange class 0. The background is the "
                "network's prediction \u0177 at every position: blue where \u0177 is near 1, orange near 0, "
                "white at 0.5 (the decision boundary). Points of the last step's batch have a thin ring, the "
                "inspected one a thick ring. Click a point to inspect it.");
    const float font = ImGui::GetFontSize();
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    const ImVec2 avail = ImGui::GetContentRegionAvail();
    const float side = std::max(10.0f, std::min(avail.x, avail.y - font * 2.8f));
    PlaneView plane;
    plane.extent = kPlaneExtent;
    plane.min = ImVec2(origin.x + (avail.x - side) * 0.5f, origin.y);
    plane.max = ImVec2(plane.min.x + side, plane.min.y + side);
    ImGui::SetCursorScreenPos(plane.min);
    ImGui::InvisibleButton("data_canvas", ImVec2(side, side));
    const bool hovered = ImGui::IsItemHovered();
    ImDrawList* draw = ImGui::GetWindowDrawList();

    const std::vector<double>& grid = lab.output_grid(kGridCells);
    const float cell = side / kGridCells;
    for (int r = 0; r < kGridCells; ++r)
        for (int c = 0; c < kGridCells; ++c) {
            const double t = 2.0 * grid[r * kGridCells + c] - 1.0;  // y-hat 0..1 -> -1..1
            const ImVec2 a(plane.min.x + c * cell, plane.min.y + r * cell);
            draw->AddRectFilled(a, ImVec2(a.x + cell + 0.5f, a.y + cell + 0.5f), ui::signed_color(std::clamp(t, -1.0, 1.0) * 0.45));
        }
    draw->AddRect(plane.min, plane.max, ui::kInk);

    const auto& points = lab.trainer().points();
    const float dot = std::max(3.5f, font * 0.28f);
    int under_mouse = -1;
    float best = dot * 2.0f;
    const ImVec2 mouse = ImGui::GetIO().MousePos;
    for (int k = 0; k < static_cast<int>(points.size()); ++k) {
        const ImVec2 p = plane.to_screen(points[k].x1, points[k].x2);
        draw->AddCircleFilled(p, dot, points[k].y > 0.5 ? ui::kPositive : ui::kNegative);
        draw->AddCircle(p, dot, IM_COL32_WHITE, 0, 1.5f);
        draw->AddCircle(p, dot + 1.2f, ui::with_alpha(ui::kInk, 150), 0, 1.0f);  // stands out on any background
        const float d = std::hypot(p.x - mouse.x, p.y - mouse.y);
        if (hovered && d < best) {
            best = d;
            under_mouse = k;
        }
    }
    for (int k : lab.trainer().last_batch()) {  // the last step's batch: a thin ring
        const ImVec2 p = plane.to_screen(points[k].x1, points[k].x2);
        draw->AddCircle(p, dot * 1.7f, ui::with_alpha(ui::kInk, 170), 0, 1.5f);
    }
    const int inspected = lab.inspected_point();
    if (inspected >= 0) {
        const ImVec2 p = plane.to_screen(points[inspected].x1, points[inspected].x2);
        draw->AddCircle(p, dot * 2.2f, ui::kInk, 0, 2.5f);
    }
    if (under_mouse >= 0) {
        const Point& p = points[under_mouse];
        ImGui::BeginTooltip();
        ImGui::Text("point #%d: x\u2081 = %.3f, x\u2082 = %.3f", under_mouse + 1, p.x1, p.x2);
        ImGui::Text("class y = %g, prediction \u0177 = %.4f", p.y, lab.trainer().predict(p.x1, p.x2));
        ImGui::TextUnformatted("Click to show this point in the network view.");
        ImGui::EndTooltip();
        if (ImGui::IsMouseClicked(ImGuiMouseButton_Left)) lab.set_inspected_point(under_mouse);
    }
    // Legend: the two classes, and what the background means.
    ImGui::SetCursorScreenPos(ImVec2(plane.min.x, plane.max.y + font * 0.2f));
    auto bullet = [](ImU32 color, const char* text) {
        ImGui::PushStyleColor(ImGuiCol_Text, color);
        ImGui::TextUnformatted("\u25cf");
        ImGui::PopStyleColor();
        ImGui::SameLine(0, 4);
        ImGui::TextUnformatted(text);
    };
    bullet(ui::kPositive, "class 1");
    ImGui::SameLine();
    bullet(ui::kNegative, "class 0");
    const char* boundary = "white: \u0177 = 0.5";
    if (plane.max.x - ImGui::GetItemRectMax().x > ImGui::CalcTextSize(boundary).x + font) ImGui::SameLine(0, font);
    ImGui::PushStyleColor(ImGuiCol_Text, ui::kMutedInk);
    ImGui::TextUnformatted(boundary);
    ImGui::PopStyleColor();
    ui::tooltip("The background is the network's prediction \u0177: blue near 1 (class 1), orange near 0 "
                "(class 0), white at 0.5, the decision boundary. Both axes run from -2 to 2.");
    ImGui::EndChild();
}

}  // namespace bp
