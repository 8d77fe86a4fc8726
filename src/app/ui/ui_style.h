// Small helpers the panels share: the sign's colour map, tooltips, headings, the primary button.
// The colours themselves are named in palette.h, the sizes that follow the text in metrics.h.
#pragma once

#include <imgui.h>

#include <initializer_list>
#include <string>

#include "app/ui/metrics.h"
#include "app/ui/palette.h"

namespace bp::ui {

// Blend from white (0) to the sign's colour (|v| >= 1).
ImU32 signed_color(double v, int alpha = 255);
// A tooltip for the last item, shown after a short hover.
void tooltip(const char* text);
// Whether the last item, hovered, may show its tooltip: always with a mouse; on a touch screen only
// when it is the item the last tap came down on, still where it was (a tap that changed the layout
// shows no tooltip for what slid under the finger), once the finger is up.
bool tooltip_allowed();
// A row of a list or a drop-down (ImGui::Selectable), at least a fingertip (kFingertipPx) high on a
// touch screen, its text centred in that height.
bool selectable_row(const char* label, bool selected = false, ImGuiSelectableFlags flags = 0);
// Called inside a window or table that scrolls sideways: while its content is wider than it, a
// finger swiping sideways there scrolls it (rather than dragging what it came down on).
void swipe_scrolls_sideways();
// True in the frame Escape went down: dialogs and menus close on it.
bool escape_pressed();
// A panel title in the lab's heading style.
void heading(const char* text);
// A long line broken only at spaces to fit the panel's width (ImGui's own wrapping also breaks after
// a '.', which would split a number such as 0.000272508); the pieces after the first are indented.
void text_wrapped_at_spaces(const std::string& line);
// `text` with its spaces turned into line breaks where a line would pass `width`: lines break only
// between words, never inside one (ImGui's own wrapping also breaks after a '.' or ',', which split
// "α = 0.01" as "α = 0." and "01"). A word wider than `width` keeps its own line.
std::string wrap_at_spaces(const std::string& text, float width);
// Text wrapped to the space left on the line by wrap_at_spaces: lesson and feedback text.
void text_wrapped_words(const std::string& text);
// The first of `labels` (longest first) whose text fits a button `width` wide, else the last: a
// label is shortened rather than cut off. Labels may carry a "###id" so the button keeps its id.
const char* label_that_fits(std::initializer_list<const char*> labels, float width);
// Keeps the next item, `width` wide, on this line when it still fits the window (after `spacing`,
// or the style's item spacing), else lets it start a new line: a row that wraps on a phone.
void same_line_if_fits(float width, float spacing = -1.0f);
// The colours of the one button that is the suggested next move (white on blue), until the pop.
void push_primary_button();
void pop_primary_button();
// A multi-line text box editing a std::string, growing it as the user types or pastes.
void text_box(const char* id, std::string& text, ImVec2 size);

}  // namespace bp::ui

namespace bp {
constexpr float kFingertipPx = 44.0f;  // CSS px: the least height of anything tapped on a touch screen
// Applies the lab's light, high-contrast style (readable on a projector), scaled by ui_scale. For
// touch, every button, field and checkbox is at least 44 CSS px high, the size of a fingertip.
void apply_lab_style(float ui_scale, bool touch = false);
}  // namespace bp
