// Sizes that follow the text: the body size at the current text scale, and the strokes and small
// gaps derived from it, so a line at 200 % text is twice as thick as at 100 %. At the body size
// (kBodyTextPx, text scale 1) each is the width in CSS px written beside it.
#pragma once

#include <imgui.h>

#include "app/layout/screen_layout.h"

namespace bp::ui {

struct Metrics {
    explicit Metrics(float font_size)
        : font(font_size), index(font_size * 0.8f), hairline(font_size / kBodyTextPx), line(1.5f * hairline),
          thick(2.0f * hairline), bold(2.5f * hairline), heavy(3.0f * hairline), mark(4.0f * hairline),
          gap(4.0f * hairline) {}
    float font;      // the body text at the current text scale
    float index;     // the small text under a neuron (its δ)
    float hairline;  // 1 px: grid lines, ticks, frames; the unit of the widths below
    float line;      // 1.5 px: axes, the outlines of neurons and points
    float thick;     // 2 px: the test curve, the landscape's trail and its point's ring
    float bold;      // 2.5 px: the training curve, the ring of the inspected point
    float heavy;     // 3 px: the outline of the neuron or bias under the pointer
    float mark;      // 4 px: the chain rule's factor and the edge under the pointer
    float gap;       // 4 px: between a mark and its label, between the lesson's progress steps
};

// The metrics of the current font (ImGui::GetFontSize()).
inline Metrics metrics() { return Metrics(ImGui::GetFontSize()); }

}  // namespace bp::ui
