// How the window shows the lab, as the user or a script (window.lab) sets it: the text scale, the
// presenter mode, the QR code of the link and the view a phone shows. The window owns one and reads it every frame; the
// API changes it. Pure data: no ImGui, so the API and its tests can use it.
#pragma once

#include "app/layout/screen_layout.h"

namespace bp {

constexpr float kMinTextScale = 1.0f;  // body text at 18 CSS px
constexpr float kMaxTextScale = 2.0f;

enum class QrShown { None, Moment, Start };  // the link drawn as a QR code, if any

struct ViewSettings {
    float text_scale = 1.0f;  // all text and the network drawing, kMinTextScale..kMaxTextScale
    bool presenter = false;   // controls hidden, network and data enlarged, for a projector
    QrShown qr = QrShown::None;
    MainView main = MainView::Network;  // the phone's one view; the compact panel's controls or inspector
    bool main_changed = false;          // main was set from outside the tabs (the API): select its tab once
    bool landscape = false;             // the loss view shows the loss landscape rather than the loss curve
};

}  // namespace bp
