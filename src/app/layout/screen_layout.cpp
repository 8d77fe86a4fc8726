// The three layouts. Every rectangle is clamped to the canvas and to non-negative sizes, so even a
// canvas smaller than kMinCanvas gets no mirrored or negative geometry.
#include "app/layout/screen_layout.h"

#include <algorithm>

namespace bp {

namespace {

constexpr float kMargin = 8.0f;  // around the canvas's edge
constexpr float kGap = 8.0f;     // between views
// The data view's least side on the shortest phones: a plane of 120 CSS px inside its padding.
constexpr float kPhonePlaneLeast = 144.0f;
// The compact panel shows the controls or the inspector: the wider least width of the two.
constexpr float kPanelLeast = kMinInspector.width > kMinControls.width ? kMinInspector.width : kMinControls.width;

Rect rect(float x, float y, float w, float h) {
    return {{x, y}, {x + std::max(0.0f, w), y + std::max(0.0f, h)}};
}

// The area under the top bar (and above the phone's bottom bar), inside the margins.
struct Area {
    float x, y, w, h;
};

Area content_area(const ScreenRequest& r, float bottom) {
    const float top = r.top_bar + kGap;
    return {kMargin, top, std::max(0.0f, r.display.x - 2 * kMargin), std::max(0.0f, r.display.y - top - bottom - kMargin)};
}

float network_least(const ScreenRequest& r) { return std::max(kMinNetwork.width, r.network_min_width); }
float network_least_height(const ScreenRequest& r) { return std::max(kMinNetwork.height, r.network_min_height); }

bool network_fits_over_data(const ScreenRequest& r, const Area& a) {
    return a.h >= network_least_height(r) + kGap + kMinData.height + r.data_chrome;
}

// The phone's content area, between its top bar and (upright) its bottom bar.
Area phone_area(const ScreenRequest& r, bool sideways) { return content_area(r, sideways ? 0.0f : r.tab_bar + kGap - kMargin); }

// The least width of the network and the data side by side.
float row_least(const ScreenRequest& r) { return network_least(r) + kGap + std::max(kMinData.width, r.data_min_side); }

// Network on the left and the data view on the right of a row: as wide as its plane, which is
// square, and as high as the plane with its toolbar and legend.
void network_and_data(ScreenLayout& s, const ScreenRequest& r, float x, float y, float w, float h, float data_share) {
    // Where both cannot have the width their text asks for, the network gives way to its bare minimum first.
    const float least = std::max(kMinData.width, r.data_min_side);
    const float network_w = std::clamp(w - kGap - least, kMinNetwork.width, std::max(kMinNetwork.width, network_least(r)));
    const float side = std::max(0.0f, std::min(std::max(std::min(h - r.data_chrome, w * data_share), least), w - network_w - kGap));
    s.network = rect(x, y, w - side - kGap, h);
    s.data = rect(x + w - side, y, side, std::min(side + r.data_chrome, h));
}

// Presenting: the data view and the loss in a column on the right, the network over the inspector
// on the left; the data gets as much of the height as the loss plot leaves it.
void presenter(ScreenLayout& s, const ScreenRequest& r) {
    const Area a = content_area(r, 0.0f);
    const float side = std::max(std::min({a.w * 0.42f, a.h - r.data_chrome - kMinLoss.height - kGap, a.w - kMinInspector.width - kGap}),
                                kMinData.width);
    const float right_x = a.x + a.w - side, left_w = a.w - side - kGap;
    s.data = rect(right_x, a.y, side, side + r.data_chrome);
    s.loss = rect(right_x, a.y + side + r.data_chrome + kGap, side, a.h - side - r.data_chrome - kGap);
    const float network_h = std::max(std::min(a.h * 0.6f, a.h - kMinInspector.height - kGap), kMinNetwork.height);
    s.network = rect(a.x, a.y, left_w, network_h);
    s.inspector = rect(a.x, a.y + network_h + kGap, left_w, a.h - network_h - kGap);
}

void wide(ScreenLayout& s, const ScreenRequest& r) {
    if (r.presenter) {
        presenter(s, r);
        return;
    }
    const Area a = content_area(r, 0.0f);
    const float f = r.font;
    // The controls, and the loss plot under them. The landscape needs a square plot with its pickers
    // and caption: on a large screen its column widens, and the controls (which scroll) give it most
    // of the column's height.
    const float left = std::clamp(a.w * (r.lesson && r.landscape ? 0.36f : 0.27f), f * 16.0f, f * (r.landscape ? 40.0f : 24.0f));
    const float controls_h = r.landscape ? std::min(a.h * 0.3f, f * 12.0f) : std::min(a.h * 0.64f, f * 30.0f);
    s.controls = rect(a.x, a.y, left, controls_h);
    s.loss = rect(a.x, a.y + controls_h + kGap, left, a.h - controls_h - kGap);
    const float x = a.x + left + kGap, w = a.w - left - kGap;
    const float top_h = std::max(std::min(std::max(f * 10.0f, a.h * 0.56f), a.h - kMinInspector.height - kGap),
                                 kMinData.height);
    network_and_data(s, r, x, a.y, w, top_h, 0.4f);
    s.inspector = rect(x, a.y + top_h + kGap, w, a.h - top_h - kGap);
}

// The compact panel shows the inspector or, unless presenting, the controls.
Rect& panel_view(ScreenLayout& s, const ScreenRequest& r) {
    const bool controls = !r.presenter && r.main != MainView::Inspector;
    return controls ? s.controls : s.inspector;
}

void compact(ScreenLayout& s, const ScreenRequest& r) {
    const Area a = content_area(r, 0.0f);
    if (a.w >= a.h) {  // landscape: the panel on the left, network over data and loss on the right
        if (r.presenter) {
            presenter(s, r);  // the wide presenter layout fits any landscape canvas this size
            return;
        }
        const float right_min = row_least(r);
        const float panel_w = std::max(std::max(kPanelLeast, r.panel_min_width), std::min(std::max(a.w * 0.38f, r.font * 15.0f), a.w - right_min - kGap));
        const float x = a.x + panel_w + kGap, w = a.w - panel_w - kGap;
        panel_view(s, r) = rect(a.x, a.y, panel_w, a.h);
        const float loss_h = std::max(kMinLoss.height, a.h * (r.landscape ? 0.45f : 0.28f));
        network_and_data(s, r, x, a.y, w, a.h - loss_h - kGap, 0.45f);
        s.loss = rect(x, a.y + a.h - loss_h, w, loss_h);
        return;
    }
    // Portrait: the network across, data and loss side by side, the panel at the bottom. A network
    // with large layers takes more of the height (its least), as far as the row and the panel keep
    // their minimums.
    const float data_row_least = kMinData.height + r.data_chrome, panel_least = kMinControls.height;
    const float readable = std::max(network_least_height(r), a.h * (r.presenter ? 0.33f : 0.3f));
    const float network_h = std::max(kMinNetwork.height, std::min(readable, a.h - 2.0f * kGap - data_row_least - panel_least));
    s.network = rect(a.x, a.y, a.w, network_h);
    const float row_y = a.y + network_h + kGap;
    const float side = std::max(kMinData.height, std::min({a.w * 0.5f, a.h * (r.presenter ? 0.31f : 0.3f),
                                                           a.y + a.h - row_y - kGap - r.data_chrome - panel_least}));
    s.data = rect(a.x, row_y, side, side + r.data_chrome);
    s.loss = rect(a.x + side + kGap, row_y, a.w - side - kGap, side + r.data_chrome);
    const float panel_y = row_y + side + r.data_chrome + kGap;
    panel_view(s, r) = rect(a.x, panel_y, a.w, a.y + a.h - panel_y);
}

void phone(ScreenLayout& s, const ScreenRequest& r) {
    // Sideways, the bar shares the top row with the buttons: the height is what a sideways phone lacks.
    const bool sideways = r.display.x >= r.display.y && r.display.x >= 640.0f;
    s.tab_bar = sideways ? rect(r.display.x * 0.5f, 0.0f, r.display.x * 0.5f, r.bar_row)
                         : rect(0.0f, r.display.y - r.tab_bar, r.display.x, r.tab_bar);
    const Area a = phone_area(r, sideways);
    MainView main = r.main;
    if (r.presenter && main == MainView::Controls) main = MainView::Network;
    if (!r.lesson && main == MainView::Lesson) main = MainView::Network;
    switch (main) {
        case MainView::Network: {
            const bool fits_stacked = network_fits_over_data(r, a);
            if (a.h > a.w || (a.w < row_least(r) && fits_stacked)) {  // portrait, or too narrow for both: stacked
                // The data view spans the width, so its toolbar keeps two rows of fingertip-sized
                // buttons; its square plane is as large as the height left to it allows, up to 85 %
                // of the width. The network takes the rest of the height, up to 42 % of it. Where that
                // is short (a short phone, or a banner above both), the network keeps what its header
                // and readable neurons need: first down to the plane that fills the toolbar's width,
                // then, on the shortest phones, down to the plane's own least size.
                const float data_least = std::max(kMinData.width, r.data_min_side);  // its toolbar in two rows
                const float below = a.h - kGap - r.data_chrome;  // the network's and the plane's heights
                const float left_by_data = std::min(a.h * 0.42f, below - a.w * 0.85f);
                const float readable = std::max(network_least_height(r), left_by_data);
                const float network_h = std::max({kMinNetwork.height, std::min(network_least_height(r), below - kPhonePlaneLeast),
                                                  std::min(readable, below - data_least)});
                const float side = std::min(a.w, std::max(below - network_h, kPhonePlaneLeast));
                const float data_h = std::min(a.h, side + r.data_chrome);
                s.network = rect(a.x, a.y, a.w, a.h - data_h - kGap);
                s.data = rect(a.x, a.y + a.h - data_h, a.w, data_h);
            } else {
                network_and_data(s, r, a.x, a.y, a.w, a.h, 0.5f);
            }
            break;
        }
        case MainView::Loss: s.loss = rect(a.x, a.y, a.w, a.h); break;
        case MainView::Inspector: s.inspector = rect(a.x, a.y, a.w, a.h); break;
        case MainView::Controls: s.controls = rect(a.x, a.y, a.w, a.h); break;
        case MainView::Lesson: {
            // Lying sideways (a projector zoomed in), the lesson's text and the network side by side.
            const float lesson_w = std::max(kMinLesson.width, a.w * 0.45f);
            // Upright, a step about the network shows it over the lesson where the step's text,
            // question and keypad still fit under it.
            const float network_h = std::max(a.h - kGap - std::max(r.lesson_height, kMinLesson.height), std::min(network_least_height(r), a.h - kGap - r.lesson_least));
            if (a.w >= a.h && a.w - lesson_w - kGap >= network_least(r)) {
                s.lesson = rect(a.x, a.y, lesson_w, a.h);
                s.network = rect(a.x + lesson_w + kGap, a.y, a.w - lesson_w - kGap, a.h);
            } else if (r.lesson_network && r.lesson_least > 0.0f && network_h >= network_least_height(r)) {
                s.network = rect(a.x, a.y, a.w, network_h);
                s.lesson = rect(a.x, a.y + network_h + kGap, a.w, a.h - network_h - kGap);
            } else {
                s.lesson = rect(a.x, a.y, a.w, a.h);
            }
            break;
        }
    }
}

// Splits `from` in two, side by side where both keep their least width, else one over the other:
// the lesson takes the first part (`share` of it, within both views' minimums). Where neither
// way leaves both their minimums, the lesson takes the whole of `from`.
void split_for_lesson(ScreenLayout& s, Rect& from, float share, MinimumSize rest) {
    const float w = from.width(), h = from.height();
    if (w - kGap >= kMinLesson.width + rest.width && (w >= h || h - kGap < kMinLesson.height + rest.height)) {
        const float lesson_w = std::clamp((w - kGap) * share, kMinLesson.width, w - kGap - rest.width);
        s.lesson = rect(from.min.x, from.min.y, lesson_w, h);
        from = rect(from.min.x + lesson_w + kGap, from.min.y, w - lesson_w - kGap, h);
    } else if (h - kGap >= kMinLesson.height + rest.height) {
        const float lesson_h = std::clamp((h - kGap) * share, kMinLesson.height, h - kGap - rest.height);
        s.lesson = rect(from.min.x, from.min.y, w, lesson_h);
        from = rect(from.min.x, from.min.y + lesson_h + kGap, w, h - lesson_h - kGap);
    } else {
        s.lesson = from;
        from = {};
    }
}

// The lesson, over `below` in one column, takes as much of its height as the step asks for, leaving
// it at least `least`.
void grow_lesson_down(ScreenLayout& s, const ScreenRequest& r, Rect& below, float least) {
    const float more = std::min(r.lesson_height - s.lesson.height(), below.height() - least);
    if (more <= 0.0f || !shown(below)) return;
    s.lesson.max.y += more;
    below.min.y += more;
}

// An upright tablet: a step that needs neither the controls nor the inspector takes the column
// beside the data down to the screen's foot; the loss goes under the data, the panel gives way.
// Otherwise the lesson takes the loss plot's place, as much of it as the step asks for, or all of it.
void lesson_beside_data(ScreenLayout& s, const ScreenRequest& r) {
    const Rect row = s.loss;
    const Rect& panel = shown(s.controls) ? s.controls : s.inspector;
    const float bottom = std::max(panel.max.y, row.max.y);
    const bool beside = row.min.y == s.data.min.y && row.min.x > s.data.min.x;  // not a presenter's column
    if (!r.lesson_panel && beside && bottom - s.data.max.y - kGap >= kMinLoss.height) {
        s.lesson = rect(row.min.x, row.min.y, row.width(), bottom - row.min.y);
        s.loss = rect(s.data.min.x, s.data.max.y + kGap, s.data.width(), bottom - s.data.max.y - kGap);
        s.controls = s.inspector = {};
        return;
    }
    // A step that asks for more than the loss plot's place leaves the loss plot a corner of the panel's row.
    Rect& below = shown(s.controls) ? s.controls : s.inspector;
    const float corner = std::max(kMinLoss.width, r.font * 11.0f);
    if (beside && r.lesson_height > row.height() - kGap - kMinLoss.height && shown(below) &&
        below.width() - kGap - corner >= std::max(kPanelLeast, r.panel_min_width) && below.height() >= kMinLoss.height) {
        s.lesson = row;
        s.loss = rect(below.max.x - corner, below.min.y, corner, below.height());
        below = rect(below.min.x, below.min.y, below.width() - corner - kGap, below.height());
        return;
    }
    const float lesson_h = std::clamp(std::max((row.height() - kGap) * 0.62f, r.lesson_height), kMinLesson.height,
                                      std::max(kMinLesson.height, row.height() - kGap - kMinLoss.height));
    s.lesson = rect(row.min.x, row.min.y, row.width(), lesson_h);
    s.loss = rect(row.min.x, row.min.y + lesson_h + kGap, row.width(), row.height() - lesson_h - kGap);
}

void place_lesson(ScreenLayout& s, const ScreenRequest& r) {
    switch (s.mode) {
        case LayoutMode::Wide:
            if (r.presenter) {
                split_for_lesson(s, s.inspector, 0.4f, kMinInspector);
            } else {  // the controls' column: the controls join the inspector's tabs
                s.lesson = s.controls;
                s.controls = {};
                grow_lesson_down(s, r, s.loss, r.landscape ? r.font * 16.0f : kMinLoss.height);
            }
            break;
        case LayoutMode::Compact: {
            // Portrait: over the loss plot, beside the data, where the lesson keeps the panel's full
            // width for the chain rule; landscape: over the panel, in its column.
            const bool portrait = r.display.y > r.display.x;
            if (portrait && s.loss.height() - kGap >= kMinLesson.height + kMinLoss.height && s.loss.width() >= kMinLesson.width) {
                lesson_beside_data(s, r);
            } else {
                Rect& panel = shown(s.controls) ? s.controls : s.inspector;
                const MinimumSize least = shown(s.controls) ? kMinControls : kMinInspector;
                split_for_lesson(s, panel, 0.5f, least);
                if (s.lesson.min.x == panel.min.x && shown(panel)) grow_lesson_down(s, r, panel, least.height);  // stacked
            }
            break;
        }
        case LayoutMode::Phone: break;  // a view of its own (MainView::Lesson), phone() places it
    }
}

}  // namespace

const char* layout_mode_name(LayoutMode mode) {
    switch (mode) {
        case LayoutMode::Wide: return "wide";
        case LayoutMode::Compact: return "compact";
        case LayoutMode::Phone: return "phone";
    }
    return "wide";
}

LayoutMode layout_mode(const ScreenRequest& r) {
    const Vec2 d = r.display;
    const float font = r.font;
    if (d.x >= std::max(1080.0f, font * 60.0f) && d.y >= std::max(576.0f, font * 32.0f) + (r.top_bar - r.bar_row)) return LayoutMode::Wide;
    // Compact needs room for its panel beside (landscape) or under (portrait) the three views.
    const bool landscape = d.x >= d.y;
    // Landscape: below this height the phone's one view at a time shows the network and the data
    // larger than squeezing in the panel and the loss would.
    const float needed = landscape ? std::max(520.0f, kMinLoss.height + kMinData.height + 2 * kGap + kMargin + r.data_chrome)
                                   : (kMinControls.height + 2 * kGap + r.data_chrome) / 0.4f + kGap + kMargin;
    const float least_width = landscape ? std::max(kPanelLeast, r.panel_min_width) + kGap + row_least(r) + 2 * kMargin : 640.0f;
    if (d.x >= std::max(640.0f, least_width) && d.y >= 440.0f && d.y - r.top_bar >= needed) return LayoutMode::Compact;
    return LayoutMode::Phone;
}

bool phone_fits_network_over_data(const ScreenRequest& r) { return network_fits_over_data(r, phone_area(r, false)); }

bool layout_keeps_minimums(Vec2 display) {
    const float short_side = std::min(display.x, display.y), long_side = std::max(display.x, display.y);
    return (short_side >= 360.0f && long_side >= 640.0f) || short_side >= 480.0f;
}

ScreenLayout lay_out_screen(const ScreenRequest& r) {
    ScreenLayout s;
    s.mode = layout_mode(r);
    s.top_bar = rect(0.0f, 0.0f, r.display.x, r.top_bar);
    switch (s.mode) {
        case LayoutMode::Wide: wide(s, r); break;
        case LayoutMode::Compact: compact(s, r); break;
        case LayoutMode::Phone: phone(s, r); break;
    }
    if (r.lesson) place_lesson(s, r);
    return s;
}

}  // namespace bp
