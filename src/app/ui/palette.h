// The lab's colours, each named once by what it means. The views and the ImGui style take their
// colours from here, and the output shader's are generated from these same constants
// (platform/gpu/output_renderer.cpp), so the GPU's and the CPU's plane agree.
#pragma once

#include <imgui.h>

namespace bp::ui {

// An ImU32 colour with a new alpha (0..255).
constexpr ImU32 with_alpha(ImU32 color, int alpha) {
    return (color & ~IM_COL32_A_MASK) | (static_cast<ImU32>(alpha) << IM_COL32_A_SHIFT);
}

// Values: positive blue, negative orange, a pair that colour-blind viewers tell apart. The data's
// two classes take the same pair (class 1 is the output's positive side).
constexpr ImU32 kPositive = IM_COL32(37, 99, 235, 255);
constexpr ImU32 kNegative = IM_COL32(234, 88, 12, 255);
constexpr ImU32 kClassOne = kPositive;   // and every point of a regression
constexpr ImU32 kClassZero = kNegative;
// How strongly the data view tints the plane with the network's output (1 would be the full colour).
constexpr double kOutputTint = 0.45;

// Text and lines.
constexpr ImU32 kInk = IM_COL32(20, 24, 31, 255);        // text, axes, outlines
constexpr ImU32 kMutedInk = IM_COL32(90, 98, 112, 255);  // headings, axis labels, secondary text
constexpr ImU32 kGrid = IM_COL32(222, 226, 232, 255);    // grid lines, what is not computed yet
constexpr ImU32 kBorder = IM_COL32(204, 209, 219, 255);  // the outline of frames and panels
constexpr ImU32 kOnFill = IM_COL32(255, 255, 255, 255);  // on a strong fill: a dark neuron, the blue button, the heat map

// Surfaces.
constexpr ImU32 kBackground = IM_COL32(242, 245, 247, 255);  // behind the panels (and the canvas's clear colour)
constexpr ImU32 kPanel = IM_COL32(255, 255, 255, 255);       // panels, the data plane, the phone's tab bar
constexpr ImU32 kPopup = IM_COL32(255, 255, 247, 255);       // menus and tooltips
constexpr ImU32 kShade = with_alpha(kInk, 170);              // over the lab around an overlay (the QR code)
constexpr ImU32 kNotYetComputed = IM_COL32(246, 247, 249, 255);  // a neuron whose value the step has not reached

// Controls.
constexpr ImU32 kPrimary = kPositive;  // the suggested next move, the current tab, a slider's grab
constexpr ImU32 kButton = IM_COL32(224, 232, 245, 255);
constexpr ImU32 kButtonHovered = IM_COL32(191, 212, 247, 255);
constexpr ImU32 kButtonActive = IM_COL32(158, 189, 245, 255);
constexpr ImU32 kField = IM_COL32(230, 235, 245, 255);  // sliders, combos and text fields
constexpr ImU32 kFieldHovered = IM_COL32(214, 224, 245, 255);
constexpr ImU32 kFieldActive = IM_COL32(199, 214, 245, 255);

// Marks.
constexpr ImU32 kHighlight = IM_COL32(16, 185, 129, 255);    // the hovered or selected item, the chain rule's factor
constexpr ImU32 kDelta = IM_COL32(124, 58, 237, 255);        // the δ under each neuron
constexpr ImU32 kLessonMark = IM_COL32(245, 158, 11, 255);  // amber: apart from the blue and orange of the values
constexpr ImU32 kLink = IM_COL32(30, 64, 175, 255);          // a lesson's or a link's text that leads on

// Outcomes and messages.
constexpr ImU32 kSuccess = IM_COL32(21, 128, 61, 255);  // a task done, a right answer, a lesson that checks
constexpr ImU32 kWrong = IM_COL32(185, 28, 28, 255);    // a wrong answer, a lesson that does not check
constexpr ImU32 kWarning = IM_COL32(180, 83, 9, 255);   // a task still to do
constexpr ImU32 kError = IM_COL32(153, 27, 27, 255);    // an error's text
constexpr ImU32 kNoticeTint = IM_COL32(254, 243, 199, 255);  // behind a notice
constexpr ImU32 kErrorTint = IM_COL32(254, 226, 226, 255);   // behind an error
constexpr ImU32 kHintTint = IM_COL32(220, 252, 231, 255);    // behind the first-open hint
constexpr ImU32 kToast = IM_COL32(6, 95, 70, 240);           // "Link copied", white on dark green

// The QR code: black modules on white, as every scanner reads them.
constexpr ImU32 kQrDark = IM_COL32(0, 0, 0, 255);
constexpr ImU32 kQrLight = IM_COL32(255, 255, 255, 255);

// The loss landscape's sequential scale, low to high: viridis-like, dark violet through blue and
// green to yellow, perceptually ordered and readable by colour-blind viewers (RGB stops).
constexpr unsigned char kSequentialStops[9][3] = {{68, 1, 84},    {71, 44, 122}, {59, 81, 139},
                                                  {44, 113, 142}, {33, 144, 141}, {39, 173, 129},
                                                  {92, 200, 99},  {170, 220, 50}, {253, 231, 37}};

}  // namespace bp::ui
