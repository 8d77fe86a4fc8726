// The marks of this frame, and the ring they are drawn with.
#include "app/ui/lesson_marks.h"

#include <cmath>
#include <string>

#include "app/ui/ui_style.h"

namespace bp {

namespace {

std::vector<LessonPointer> g_marks;

bool any_of(LessonPointer::Kind kind, int layer, int i, int j) {
    for (const LessonPointer& p : g_marks)
        if (p.kind == kind && p.layer == layer && p.i == i && p.j == j) return true;
    return false;
}

bool named(LessonPointer::Kind kind, const char* name) {
    for (const LessonPointer& p : g_marks)
        if (p.kind == kind && p.name == name) return true;
    return false;
}

int pulse_alpha() { return 150 + static_cast<int>(105.0 * (0.5 + 0.5 * std::sin(ImGui::GetTime() * 4.0))); }

ImU32 ring_color() { return ui::with_alpha(ui::kLessonMark, pulse_alpha()); }  // amber, pulsing

float thickness() { return std::max(ui::metrics().heavy, ImGui::GetFontSize() * 0.2f); }

}  // namespace

void set_lesson_marks(const std::vector<LessonPointer>& pointers) { g_marks = pointers; }
bool lesson_marks_any() { return !g_marks.empty(); }

bool marked_neuron(int layer, int j) { return any_of(LessonPointer::Kind::Neuron, layer, 0, j); }
bool marked_weight(int layer, int i, int j) { return any_of(LessonPointer::Kind::Weight, layer, i, j); }
bool marked_bias(int layer, int j) { return any_of(LessonPointer::Kind::Bias, layer, 0, j); }
bool marked_cell(int layer, int i, int j) { return any_of(LessonPointer::Kind::MatrixCell, layer, i, j); }
bool marked_panel(Panel panel) {
    for (const LessonPointer& p : g_marks)
        if (p.kind == LessonPointer::Kind::Panel && p.panel == panel) return true;
    return false;
}
bool marked_control(const char* name) { return named(LessonPointer::Kind::Control, name); }

void draw_lesson_ring(ImDrawList* draw, ImVec2 min, ImVec2 max, float rounding) {
    const float t = thickness(), out = t * 0.5f + ui::metrics().hairline;
    draw->AddRect(ImVec2(min.x - out, min.y - out), ImVec2(max.x + out, max.y + out),
                  ring_color(), rounding, 0, t);
}

void draw_lesson_circle(ImDrawList* draw, ImVec2 center, float radius) {
    const float t = thickness();
    draw->AddCircle(center, radius + t * 0.5f + ui::metrics().thick,
                    ring_color(), 0, t);
}

void draw_lesson_line(ImDrawList* draw, ImVec2 from, ImVec2 to, float radius) {
    // From circle to circle: the neurons' numbers stay readable.
    const float dx = to.x - from.x, dy = to.y - from.y, length = std::sqrt(dx * dx + dy * dy);
    if (length <= 2.0f * radius) return;
    const float ux = dx / length * radius, uy = dy / length * radius;
    draw->AddLine(ImVec2(from.x + ux, from.y + uy), ImVec2(to.x - ux, to.y - uy),
                  ring_color(), thickness() * 1.6f);
}

void ring_if_marked(const char* name) {
    if (marked_control(name)) draw_lesson_ring(ImGui::GetWindowDrawList(), ImGui::GetItemRectMin(), ImGui::GetItemRectMax());
}

}  // namespace bp
