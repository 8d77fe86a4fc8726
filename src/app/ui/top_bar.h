// The top bar (Play, the link, More…, View…, then the counters) and the phone's bottom bar that
// switches its one main view. The buttons keep their places: nothing before them changes width,
// so a click aimed at one never lands on another as the step counter grows.
#pragma once

#include "app/ui/lab_window.h"

namespace bp {

// Draws the bar's one row inside [min, min + (width, row height)] of the window.
void draw_top_bar(LabWindow& window, ImVec2 min, float width);
// The lab's notice, its error and (on a wide screen) the first-open hint, under the bar; their total
// height first.
float banners_height(const LabWindow& window, float width);
// Whether the first-open hint is due and would be a banner under the bar (not the compact layout's
// callout, nor a sideways phone's or a short phone's Learn button).
bool start_hint_in_banner(const LabWindow& window);
void draw_banners(LabWindow& window, ImVec2 min, float width);
// Where the screen is tight (compact, phone), the first-open hint is a callout at the foot of the
// network view rather than a banner that would take the views' room.
void draw_start_callout(LabWindow& window);
// The phone's bottom bar: one button per main view, the shown one highlighted.
void draw_tab_bar(LabWindow& window, const Rect& bar);

}  // namespace bp
