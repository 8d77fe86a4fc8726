// The View menu (text size, presenter mode, the link as a QR code, help) and the help overlay that
// lists every shortcut and gesture.
#pragma once

#include "app/ui/lab_window.h"

namespace bp {

constexpr float kTextScales[] = {1.0f, 1.25f, 1.5f, 2.0f};

void draw_view_menu(LabWindow& window);  // the popup "View"; the top bar opens it
void draw_help_overlay(LabWindow& window);  // while window.help_open

}  // namespace bp
