// The lab window: the top bar, then every view where the screen layout (app/layout/screen_layout.h)
// puts it for this canvas: wide, compact or phone. Each view is a child window at its rectangle.
#include "app/ui/lab_window.h"

#include <algorithm>
#include <optional>

#include "app/ui/lesson_marks.h"
#include "app/ui/panels.h"
#include "app/ui/qr_view.h"
#include "app/ui/top_bar.h"
#include "app/ui/ui_style.h"
#include "app/ui/view_menu.h"

namespace bp {

namespace {

constexpr int kKeySlash = 47, kKeyEscape = 256, kKeyF1 = 290;  // as GLFW spells them
constexpr float kMargin = 8.0f;  // between the canvas's edge and the top bar, in CSS px

// The one way a tab is selected from outside its tab bar: the tab of `panel` opens when `asked`
// names it (ImGui selects tabs only through this flag). The bar forgets the request when it ends.
bool tab_item(const std::optional<Panel>& asked, const char* label, Panel panel) {
    return ImGui::BeginTabItem(label, nullptr, asked == panel ? ImGuiTabItemFlags_SetSelected : 0);
}

// The inspector's tabs: the chain rule, the matrices, the data table; the compact layout's panel
// adds the controls in front of them.
void draw_panel_tabs(LabWindow& w, bool with_controls) {
    Lab& lab = w.lab;
    if (!ImGui::BeginTabBar("panel_tabs")) return;
    const std::optional<Panel>& asked = w.view.panel_tab;
    if (with_controls && tab_item(asked, "Controls", Panel::Controls)) {
        if (!w.view.main_changed) w.view.main = MainView::Controls;
        ImGui::BeginChild("controls_scroll");
        draw_controls_panel(lab);
        ImGui::EndChild();
        ImGui::EndTabItem();
    }
    bool inspector_open = false;  // one of the inspector's tabs is the one shown
    if (tab_item(asked, "Chain rule", Panel::Inspector)) {
        inspector_open = true;
        draw_chain_rule_panel(w.inspector, lab);
        ImGui::EndTabItem();
    }
    if (!lab.locked(Lab::HideTables) && tab_item(asked, "Matrices", Panel::Matrices)) {
        inspector_open = true;
        ImGui::BeginChild("matrices_scroll", ImVec2(0, 0), false, ImGuiWindowFlags_HorizontalScrollbar);
        ui::swipe_scrolls_sideways();
        draw_matrices_panel(lab);
        ImGui::EndChild();
        ImGui::EndTabItem();
    }
    if (!lab.locked(Lab::HideTables) && tab_item(asked, "Data table", Panel::DataTable)) {
        inspector_open = true;
        draw_data_table(w.table, lab, w.platform);
        ImGui::EndTabItem();
    }
    ImGui::EndTabBar();
    w.view.panel_tab.reset();
    // The open tab records the panel's view, unless the API has just chosen one for this frame.
    if (with_controls && inspector_open && !w.view.main_changed) w.view.main = MainView::Inspector;
}

// The loss view: the loss curve, or the loss landscape of two parameters, as two tabs.
void draw_loss_view(LabWindow& w, const Rect& r) {
    ImGui::SetCursorScreenPos(r.min);
    ImGui::BeginChild("loss_view", ImVec2(r.width(), r.height()), false);
    if (ImGui::BeginTabBar("loss_tabs")) {
        if (tab_item(w.view.loss_tab, "Loss curve", Panel::Loss)) {
            if (!w.view.main_changed) w.view.landscape = false;
            draw_loss_plot(w.lab, ImGui::GetContentRegionAvail());
            ImGui::EndTabItem();
        }
        if (tab_item(w.view.loss_tab, "Landscape", Panel::Landscape)) {
            if (!w.view.main_changed) w.view.landscape = true;
            ImGui::BeginChild("landscape", ImVec2(0, 0), true);
            draw_landscape_view(w.landscape, w.lab);
            ImGui::EndChild();
            ImGui::EndTabItem();
        }
        ImGui::EndTabBar();
    }
    w.view.loss_tab.reset();
    ImGui::EndChild();
}

void child_at(const char* id, const Rect& r) {
    ImGui::SetCursorScreenPos(r.min);
    ImGui::BeginChild(id, ImVec2(r.width(), r.height()), true);
}

// The lesson's ring around a view it points at.
void ring_view(Panel panel, const Rect& r) {
    if (shown(r) && marked_panel(panel)) draw_lesson_ring(ImGui::GetWindowDrawList(), r.min, r.max);
}

void draw_views(LabWindow& w) {
    Lab& lab = w.lab;
    const ScreenLayout& s = w.layout;
    if (shown(s.network)) {
        ImGui::SetCursorScreenPos(s.network.min);
        w.network.data_shown = shown(s.data);
        w.network.short_header = s.mode == LayoutMode::Phone;
        draw_network_view(w.network, lab, w.inspector, w.platform, ImVec2(s.network.width(), s.network.height()));
    } else {
        w.network.hovered = {};
        w.network.maps_drawn = false;
    }
    w.data.neuron = w.network.hovered;  // a hovered neuron's map replaces the output in the data view
    if (shown(s.data)) {
        ImGui::SetCursorScreenPos(s.data.min);
        draw_data_view(w.data, lab, w.platform, ImVec2(s.data.width(), s.data.height()));
    }
    if (shown(s.loss)) draw_loss_view(w, s.loss);
    if (shown(s.lesson)) {
        child_at("lesson", s.lesson);
        draw_lesson_panel(w.lesson_panel, w.lesson, lab, w.view, s.mode == LayoutMode::Phone);
        ImGui::EndChild();
    }
    // The compact panel, and a wide screen's inspector while a lesson has the controls' place, hold
    // the controls and the inspector as tabs; elsewhere each has its own.
    const bool panel = s.mode == LayoutMode::Compact || (s.mode == LayoutMode::Wide && shown(s.lesson) && !w.view.presenter);
    const Rect& panel_rect = shown(s.controls) ? s.controls : s.inspector;
    if (panel && shown(panel_rect)) {
        child_at("panel", panel_rect);
        draw_panel_tabs(w, !w.view.presenter);
        ImGui::EndChild();
    } else {
        if (shown(s.controls)) {
            child_at("controls", s.controls);
            draw_controls_panel(lab);
            ImGui::EndChild();
        }
        if (shown(s.inspector)) {
            child_at("inspector", s.inspector);
            draw_panel_tabs(w, false);
            ImGui::EndChild();
        }
    }
    ring_view(Panel::Network, s.network);
    ring_view(Panel::Data, s.data);
    ring_view(Panel::Loss, s.loss);
    ring_view(Panel::Landscape, s.loss);
    ring_view(Panel::Controls, s.controls);
    for (Panel tab : kTabPanels) ring_view(tab, panel ? panel_rect : s.inspector);
}

// What the open lesson's step asks of the window, once: a tab, a phone's view; and what it points at.
void follow_lesson(LabWindow& w, LayoutMode mode) {
    LessonView asked;
    if (w.lesson.take_view_request(asked)) {
        const bool phone = mode == LayoutMode::Phone;
        if (asked.tab) show_panel(w.view, *asked.tab);
        if (asked.landscape) {
            w.landscape.choose(asked.landscape->first, asked.landscape->second);
            ask_tab(w.view, Panel::Landscape);
        }
        if (phone) w.view.main = MainView::Lesson;  // the step's text first; its "Show me" goes to what it points at
        w.view.main_changed = true;
    }
    // A lesson being opened shows its progress on a phone's screen, where the lesson's view is.
    if (w.lesson.setting_up() && !w.lesson.is_open() && mode == LayoutMode::Phone) w.view.main = MainView::Lesson;
    const bool shown_now = w.lesson.is_open() && w.lesson.shown;
    set_lesson_marks(shown_now ? w.lesson.current().pointers : std::vector<LessonPointer>{});
    w.inspector.hold_results = shown_now && w.lesson.answer_pending_for_gradient();
}

// The sizes the screen layout works from: this frame's canvas, text and controls, with `banners` of
// notices under the top bar. The mode follows from them; the views drawn in it do not change it.
ScreenRequest screen_request(const LabWindow& w, float banners) {
    const ImGuiIO& io = ImGui::GetIO();
    const ImGuiStyle& style = ImGui::GetStyle();
    const float row = ImGui::GetFrameHeight();
    ScreenRequest request;
    request.display = {io.DisplaySize.x, io.DisplaySize.y};
    request.font = ImGui::GetFontSize();
    request.bar_row = kMargin + row;
    request.top_bar = request.bar_row + (banners > 0.0f ? style.ItemSpacing.y + banners : 0.0f);
    request.tab_bar = std::max(52.0f, row + 16.0f);
    // The data view's toolbar (two rows where it is narrow) and legend, beside its square plane.
    request.data_chrome = data_view_chrome(w.layout.mode == LayoutMode::Wide ? 1.0f : 2.0f);
    request.network_min_width = request.font * 14.0f;
    // The data view's toolbar in two rows: fingertip-sized buttons make it wider.
    request.data_min_side = request.font * (ImGui::GetFrameHeight() > request.font * 2.0f ? 16.0f : 12.5f);
    request.panel_min_width = request.font * 14.5f;
    const std::vector<int>& sizes = w.lab.trainer().network().sizes;
    const LayoutMode mode = layout_mode(request);  // from the widths and heights above
    request.network_min_height = network_view_least_height(*std::max_element(sizes.begin(), sizes.end()), mode == LayoutMode::Phone);
    request.presenter = w.view.presenter;
    request.landscape = w.view.landscape;
    return request;
}

}  // namespace

void handle_shortcut(LabWindow& w, int key, bool ctrl, bool shift) {
    Lab& lab = w.lab;
    if (key == kKeyEscape) {  // menus close themselves; the overlays close here
        w.help_open = false;
        w.view.qr = QrShown::None;
        return;
    }
    if (ImGui::GetCurrentContext() && ImGui::GetIO().WantTextInput) return;
    const bool running = lab.trainer().error().empty();
    if ((key == kKeySlash && shift) || key == kKeyF1) w.help_open = !w.help_open;
    if (key == ' ' && !ctrl) lab.toggle_play();
    if (key == 'N' && !ctrl && running) lab.next_phase();
    if (key == 'E' && !ctrl && running) lab.step_epoch();
    if (key == 'Z' && ctrl) shift ? lab.redo() : lab.undo();
}

void draw_lab_window(LabWindow& w) {
    const ImGuiIO& io = ImGui::GetIO();
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(0, 0));
    ImGui::SetNextWindowPos(ImVec2(0, 0));
    ImGui::SetNextWindowSize(io.DisplaySize);
    ImGui::Begin("Backprop Lab", nullptr,
                 ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings |
                     ImGuiWindowFlags_NoBringToFrontOnFocus | ImGuiWindowFlags_NoScrollWithMouse);
    ImGui::PopStyleVar();
    w.inspector.editor.field_min = w.inspector.editor.field_max = ImVec2(0, 0);  // drawn again if its tab is open
    if (w.lab.trainer().step_count() > 0) w.start_hint = false;  // the lab has trained: the hint has done its job
    if (w.view.presenter != w.was_presenting) show_panel(w.view, shown_panel(w.view));  // the panel's tab comes back as it was
    w.was_presenting = w.view.presenter;

    // The bar, then the banners, then the views in the rest; the layout is computed from this frame's sizes.
    const ImGuiStyle& style = ImGui::GetStyle();
    const float row = ImGui::GetFrameHeight();
    const float width = io.DisplaySize.x - 2.0f * kMargin;
    // The banners and the data view's toolbar rows depend on the mode, and the mode on their heights:
    // starting from the last frame's layout, settle them within this frame, so that the first frame
    // and the frame after a resize already lay out as the next ones will (a tap aimed from this
    // frame's layout lands there).
    float banners = 0.0f;
    ScreenRequest request;
    LayoutMode mode = w.layout.mode;
    for (int pass = 0; pass < 3; ++pass) {
        // A phone too short for the first-open banner over the network and the data at their least
        // sizes shows the hint on its Learn button instead.
        w.hint_on_learn = false;
        banners = banners_height(w, width);
        request = screen_request(w, banners);
        mode = layout_mode(request);
        if (start_hint_in_banner(w) && mode == LayoutMode::Phone && !phone_fits_network_over_data(request)) {
            w.hint_on_learn = true;
            banners = banners_height(w, width);
            request = screen_request(w, banners);
            mode = layout_mode(request);
        }
        if (mode == w.layout.mode) break;
        request.main = w.view.main;
        w.layout = lay_out_screen(request);  // what the banners and the toolbar read: this mode's
    }
    follow_lesson(w, mode);  // the mode does not depend on the view a phone shows
    request.lesson = (w.lesson.is_open() && w.lesson.shown) || w.lesson.setting_up();
    if (request.lesson) ask_lesson_room(w.lesson_panel, w.lesson, w.lab, w.layout.lesson.width(), request);
    if (!request.lesson && w.view.main == MainView::Lesson) w.view.main = MainView::Network;
    request.main = w.view.main;
    w.layout = lay_out_screen(request);

    const bool tabs_on_top = shown(w.layout.tab_bar) && w.layout.tab_bar.min.y <= 0.0f;  // a phone lying sideways
    draw_top_bar(w, ImVec2(kMargin, kMargin), tabs_on_top ? w.layout.tab_bar.min.x - 2.0f * kMargin : width);
    if (banners > 0.0f) draw_banners(w, ImVec2(kMargin, kMargin + row + style.ItemSpacing.y), width);
    draw_views(w);
    if (w.layout.mode == LayoutMode::Phone) draw_tab_bar(w, w.layout.tab_bar);
    draw_start_callout(w);
    w.view.main_changed = false;
    ImGui::End();
    draw_help_overlay(w);
    draw_qr_overlay(w.share.qr, w.view, w.lab, w.platform);
}

}  // namespace bp
