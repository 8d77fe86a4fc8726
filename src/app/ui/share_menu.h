// Sharing and the lab's other actions: the top bar's link buttons and the "More" menu (the link as a
// QR code, Recent labs, back to the defaults, a teacher's link that locks or hides controls, exports
// of the weights, the loss history and a picture, and the weights import).
#pragma once

#include <cstdint>
#include <string>

#include "app/lab/lab.h"
#include "app/ui/platform.h"
#include "app/ui/qr_view.h"

namespace bp {

struct ShareMenu {
    uint32_t dialog_locks = Lab::LockNetwork;  // what the teacher-link dialog will lock
    std::string weights_draft;                 // JSON pasted into the weights import box
    std::string weights_message;               // the last weights import's outcome
    double copied_until = 0.0;                 // ImGui time until which "copied" shows
    QrOverlay qr;                              // the link as a QR code (drawn by draw_qr_overlay)
};

// This page's address with the lab's #lab= link: of this moment, or of its starting point.
std::string share_url(const Lab& lab, const Platform& platform, bool moment, uint32_t locks);
// Copies share_url(...) and shows "copied" for a moment.
void copy_share_link(ShareMenu& menu, Lab& lab, Platform& platform, bool moment, uint32_t locks);

void open_more_menu();                                               // opens the popup "More"
void draw_share_dialog(ShareMenu& menu, Lab& lab, Platform& platform);  // the popup "More", once opened

}  // namespace bp
