// How the window shows the lab, as the user or a script (window.lab) sets it: the text scale, the
// presenter mode, the QR code of the link and the view a phone shows. The window owns one and reads it every frame; the
// API changes it. Pure data: no ImGui, so the API and its tests can use it.
#pragma once

#include <optional>

#include "app/layout/panel_names.h"
#include "app/layout/screen_layout.h"

namespace bp {

constexpr float kMinTextScale = 1.0f;  // body text at kBodyTextPx
constexpr float kMaxTextScale = 2.0f;

enum class QrShown { None, Moment, Start };  // the link drawn as a QR code, if any

struct ViewSettings {
    float text_scale = 1.0f;  // all text and the network drawing, kMinTextScale..kMaxTextScale
    bool presenter = false;   // controls hidden, network and data enlarged, for a projector
    QrShown qr = QrShown::None;
    MainView main = MainView::Network;  // the phone's one view; the compact panel's controls or inspector
    bool main_changed = false;          // main was set from outside the tabs this frame: they do not record theirs
    bool landscape = false;             // the loss view shows the loss landscape rather than the loss curve
    // A tab to select once, when the tab bar that holds it is next drawn: the panel's (controls,
    // inspector, matrices, data table) and the loss view's (loss, landscape).
    std::optional<Panel> panel_tab, loss_tab;
};

// The view a phone shows for `panel`: the matrices and the data table are the inspector's tabs, the
// data lies under the network, the landscape is a tab of the loss view.
inline MainView main_view_of(Panel panel) {
    switch (panel) {
        case Panel::Network: case Panel::Data: return MainView::Network;
        case Panel::Loss: case Panel::Landscape: return MainView::Loss;
        case Panel::Inspector: case Panel::Matrices: case Panel::DataTable: return MainView::Inspector;
        case Panel::Controls: return MainView::Controls;
        case Panel::Lesson: return MainView::Lesson;
    }
    return MainView::Network;
}

// The panel the settings show now: the phone's view, or the loss view at its shown tab.
inline Panel shown_panel(const ViewSettings& view) {
    switch (view.main) {
        case MainView::Network: return Panel::Network;
        case MainView::Loss: return view.landscape ? Panel::Landscape : Panel::Loss;
        case MainView::Inspector: return Panel::Inspector;
        case MainView::Controls: return Panel::Controls;
        case MainView::Lesson: return Panel::Lesson;
    }
    return Panel::Network;
}

// Asks for `tab`'s tab to be selected when its tab bar is next drawn (a panel without a tab: nothing).
inline void ask_tab(ViewSettings& view, Panel tab) {
    if (tab == Panel::Loss || tab == Panel::Landscape) {
        view.loss_tab = tab;
        view.landscape = tab == Panel::Landscape;
    } else if (tab == Panel::Controls || tab == Panel::Inspector || tab == Panel::Matrices || tab == Panel::DataTable) {
        view.panel_tab = tab;
    }
}

// Shows `panel` from outside its tabs (window.lab, a lesson, Show me): the phone's view, and its tab.
inline void show_panel(ViewSettings& view, Panel panel) {
    view.main = main_view_of(panel);
    view.main_changed = true;
    ask_tab(view, panel);
}

}  // namespace bp
