// Sharing: the top bar's link buttons and the "Share and export" dialog (a teacher's link that locks
// or hides controls; weights, loss history and picture exports; the weights import).
#pragma once

#include <cstdint>
#include <string>

#include "app/lab/lab.h"
#include "app/ui/platform.h"

namespace bp {

struct ShareMenu {
    uint32_t dialog_locks = Lab::LockNetwork;  // what the teacher-link dialog will lock
    std::string weights_draft;                 // JSON pasted into the weights import box
    std::string weights_message;               // the last weights import's outcome
    double copied_until = 0.0;                 // ImGui time until which "copied" shows
};

// Copies this page's address with the state's link (a moment, or the starting point) and shows
// "copied" for a moment.
void copy_share_link(ShareMenu& menu, Lab& lab, Platform& platform, bool moment, uint32_t locks);
void draw_share_dialog(ShareMenu& menu, Lab& lab, Platform& platform);  // the popup "Share and export"

}  // namespace bp
