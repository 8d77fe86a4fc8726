// The share link as a QR code over the lab, for a class to scan from the projector: as large as the
// display allows, with a caption, the link's length, a choice between this moment and the starting
// point, and Close (or Escape, or a tap beside it).
#pragma once

#include <imgui.h>

#include <string>

#include "app/lab/lab.h"
#include "app/layout/qr_code.h"
#include "app/layout/view_settings.h"
#include "app/ui/platform.h"

namespace bp {

struct QrOverlay {
    // Asked for by a button (the More menu); the next draw shows it in the view settings.
    QrShown requested = QrShown::None;
    QrShown shown = QrShown::None;  // what the last frame showed, to notice the code opening
    // "This moment" holds still while the lab trains: the link as it was when chosen, or at Update.
    std::string moment_link;
    long long moment_step = 0;
    std::string encoded;  // the text `code` holds: encoded again only when the link changes
    QrCode code;
    ImVec2 text_size;     // the text under the code in the last frame: its width, and the height it took
};

// `code` with its quiet zone, dark modules on white, filling the square of `side` at `min` as
// closely as whole device pixels per module allow.
void draw_qr_code(ImDrawList* draw, ImVec2 min, float side, const QrCode& code);

// While view.qr is not None: the link it names (this page's address and #lab=) as a QR code over
// the whole display. Close, Escape and a tap beside the code set view.qr back to None.
void draw_qr_overlay(QrOverlay& overlay, ViewSettings& view, Lab& lab, Platform& platform);

}  // namespace bp
