// The top bar, the banners under it and the phone's bottom bar.
#include "app/ui/top_bar.h"

#include <algorithm>
#include <cstdio>
#include <string>
#include <vector>

#include "app/lesson/builtin_lessons.h"
#include "app/ui/bar_labels.h"
#include "app/ui/lesson_marks.h"
#include "app/ui/ui_style.h"
#include "app/ui/view_menu.h"

namespace bp {

namespace {

// The room around the bar's button labels: `side` on each side of a label, `gap` between buttons.
struct BarSpacing {
    float side, gap;
};

// A bar button's width for a label `text_width` wide: at least as wide as it is high (a fingertip on
// a touch screen).
float bar_button_width(float text_width, const BarSpacing& spacing) {
    return std::max(ImGui::GetFrameHeight(), text_width + 2.0f * spacing.side);
}

// A button of the bar, as wide as the widest of its labels (`all_labels`, else `label`), so a label
// change moves nothing after it.
bool bar_button(const char* label, const BarSpacing& spacing, std::initializer_list<const char*> all_labels = {}) {
    float widest = all_labels.size() == 0 ? ImGui::CalcTextSize(label, nullptr, true).x : 0.0f;
    for (const char* l : all_labels) widest = std::max(widest, ImGui::CalcTextSize(l, nullptr, true).x);
    // The label is centred between `side` margins: with the style's wider padding (touch) a label on a
    // narrow phone's narrowed button ran past its right edge.
    ImGui::PushStyleVar(ImGuiStyleVar_FramePadding, ImVec2(spacing.side, ImGui::GetStyle().FramePadding.y));
    const bool pressed = ImGui::Button(label, ImVec2(bar_button_width(widest, spacing), 0.0f));
    ImGui::PopStyleVar();
    return pressed;
}

// Text that is drawn only where it fits before `right`; true when it was drawn.
bool text_if_fits(const char* text, float right, ImU32 color = ui::kInk) {
    if (ImGui::GetCursorScreenPos().x + ImGui::CalcTextSize(text).x > right) return false;
    ImGui::PushStyleColor(ImGuiCol_Text, color);
    ImGui::TextUnformatted(text);
    ImGui::PopStyleColor();
    return true;
}

// "✓ Link copied", under the buttons for a moment, drawn over the views: it never takes a button's place.
void copied_toast(const LabWindow& w, ImVec2 below) {
    if (ImGui::GetTime() >= w.share.copied_until) return;
    const char* text = "\u2713 Link copied";
    const ImVec2 pad = ImGui::GetStyle().FramePadding;
    const ImVec2 size = ImGui::CalcTextSize(text);
    ImDrawList* draw = ImGui::GetForegroundDrawList();
    const ImVec2 max(below.x + size.x + pad.x * 2.0f, below.y + size.y + pad.y * 2.0f);
    draw->AddRectFilled(below, max, ui::kToast, 6.0f);
    draw->AddText(ImVec2(below.x + pad.x, below.y + pad.y), ui::kOnFill, text);
}

bool phone(const LabWindow& w) { return w.layout.mode == LayoutMode::Phone; }

// One banner: a tinted box with wrapped text and one button on the right (two with `second`, which
// comes first). Returns 0, or 1 for `button`, 2 for `second`.
float buttons_width(const char* button, const char* second) {
    const ImGuiStyle& st = ImGui::GetStyle();
    float w = ImGui::CalcTextSize(button).x + st.FramePadding.x * 2.0f;
    if (second) w += ImGui::CalcTextSize(second).x + st.FramePadding.x * 2.0f + st.ItemSpacing.x;
    return w;
}

// The buttons go under the text where beside it they would leave the text less than half the width
// (a phone), unless the whole text fits on one line beside them.
bool buttons_below(const std::string& text, float width, const char* button, const char* second) {
    const ImGuiStyle& st = ImGui::GetStyle();
    const float buttons = buttons_width(button, second);
    const float room = width - buttons - st.WindowPadding.x * 2.0f - st.ItemSpacing.x * 2.0f;
    return ImGui::CalcTextSize(text.c_str()).x > room && buttons > width * 0.5f;
}

float text_wrap(const std::string& text, float width, const char* button, const char* second) {
    const ImGuiStyle& st = ImGui::GetStyle();
    const float beside = buttons_below(text, width, button, second) ? 0.0f : buttons_width(button, second) + st.ItemSpacing.x;
    return std::max(ImGui::GetFontSize() * 6.0f, width - beside - st.WindowPadding.x * 2.0f - st.ItemSpacing.x);
}

float banner_height(const std::string& text, float width, const char* button = "Got it", const char* second = nullptr) {
    const ImGuiStyle& st = ImGui::GetStyle();
    const float text_h = ImGui::CalcTextSize(text.c_str(), nullptr, false, text_wrap(text, width, button, second)).y;
    const float content = buttons_below(text, width, button, second) ? text_h + st.ItemSpacing.y + ImGui::GetFrameHeight()
                                                                      : std::max(text_h, ImGui::GetFrameHeight());
    return content + st.WindowPadding.y * 2.0f + st.ItemSpacing.y;
}

int banner(const char* id, const std::string& text, const char* button, ImU32 background, ImU32 ink, float width,
           const char* second = nullptr) {
    const float h = banner_height(text, width, button, second) - ImGui::GetStyle().ItemSpacing.y;
    const float buttons_w = buttons_width(button, second);
    ImGui::PushStyleColor(ImGuiCol_ChildBg, background);
    ImGui::BeginChild(id, ImVec2(width, h), true, ImGuiWindowFlags_NoScrollbar);
    const bool below = buttons_below(text, width, button, second);
    const float wrap = text_wrap(text, width, button, second);
    if (!below && ImGui::CalcTextSize(text.c_str()).x <= wrap) ImGui::AlignTextToFramePadding();  // one line beside the buttons, level with their labels
    ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + wrap);
    ImGui::PushStyleColor(ImGuiCol_Text, ink);
    ImGui::TextUnformatted(text.c_str());
    ImGui::PopStyleColor();
    ImGui::PopTextWrapPos();
    if (!below) ImGui::SameLine();
    ImGui::SetCursorPosX(ImGui::GetWindowContentRegionMax().x - buttons_w);
    int pressed = 0;
    if (second) {
        ui::push_primary_button();
        if (ImGui::Button(second)) pressed = 2;
        ui::pop_primary_button();
        ImGui::SameLine();
    }
    if (ImGui::Button(button)) pressed = 1;
    ImGui::EndChild();
    ImGui::PopStyleColor();
    return pressed;
}

const char* kStartHint =
    "New here? The lesson \"The chain rule\" walks you through the lab one step at a time. Or explore: press "
    "Play to train, Next phase (N) to walk one step forward and back, and tap a weight (an edge) to see its chain rule.";

const char* kStartHintShort = "New here? Take the chain-rule lesson, or press \u25b6 Play.";
const char* kStartHintPhone = "New here?";  // one line beside its buttons: a phone's height is for the views
const char* kStartLesson = "Start the lesson";


bool hint_due(const LabWindow& w) {
    return w.start_hint && w.lab.trainer().step_count() == 0 && !w.lab.playing() && !w.lesson.is_open();
}

// The hint is a banner under the bar, which the views make room for, except in the compact layout,
// where it lies over the loss plot: that plot has nothing to show before the first step.
const char* banner_hint(const LabWindow& w) {
    if (!hint_due(w) || w.layout.mode == LayoutMode::Compact || w.hint_on_learn) return nullptr;
    // A phone lying sideways has no height to spare: its Learn button offers the lessons.
    if (w.layout.mode == LayoutMode::Phone && shown(w.layout.tab_bar) && w.layout.tab_bar.min.y <= 0.0f) return nullptr;
    if (w.layout.mode == LayoutMode::Phone) return kStartHintPhone;
    return w.layout.mode == LayoutMode::Wide ? kStartHint : kStartHintShort;
}

// The first-open hint, which offers the first built-in lesson.
void start_hint(LabWindow& w, const char* text, ImU32 background, float width) {
    const int pressed = banner("start_hint", text, "Got it", background, ui::kInk, width, kStartLesson);
    if (pressed == 0) return;
    w.start_hint = false;
    if (pressed == 2 && !builtin_lessons().empty()) {
        const BuiltinLesson& first = builtin_lessons().front();
        if (const std::string error = w.lesson.open(w.lab, first.text, first.name, 0); !error.empty()) w.lab.set_notice(error);
    }
}

// The phone's five buttons side by side, as wide as bar_button draws them.
float phone_buttons_width(const BarSpacing& spacing) {
    float total = -spacing.gap;
    for (const char* label : {"\u2016 Pause", "Link", "More\u2026", kLessonsButtonPhone, "Aa"})
        total += bar_button_width(ImGui::CalcTextSize(label).x, spacing) + spacing.gap;
    return total;
}

void draw_bar_row(LabWindow& w, ImVec2 min, float width, const BarSpacing& sp) {
    Lab& lab = w.lab;
    const Trainer& t = lab.trainer();
    const float right = min.x + width;
    ImGui::SetCursorScreenPos(min);
    if (!phone(w)) {
        ImGui::AlignTextToFramePadding();
        ImGui::TextUnformatted("Backprop Lab");
        ImGui::SameLine(0, ImGui::GetFontSize());
    }
    if (bar_button(lab.playing() ? "\u2016 Pause###play" : "\u25b6 Play###play", sp, {"\u2016 Pause", "\u25b6 Play"}))
        lab.toggle_play();
    w.play_button = {ImGui::GetItemRectMin(), ImGui::GetItemRectMax()};
    ring_if_marked("play");
    ui::tooltip("Train continuously (Space). Next phase (N) walks one step forward and back instead.");
    ImGui::SameLine(0.0f, sp.gap);
    const ImVec2 copy_at = ImGui::GetCursorScreenPos();
    if (bar_button(phone(w) ? "Link" : "Copy link", sp)) copy_share_link(w.share, lab, w.platform, true, lab.locks());
    if (ImGui::GetTime() >= w.share.copied_until)  // no tooltip over "Link copied"
        ui::tooltip("Copy a link that reopens exactly this moment: the network, its trained weights, the data, the "
                "step and what is on screen. Students who open it and press Play see the same numbers at every "
                "step. The address bar also follows the lab, so a bookmark or a reload keeps it.");
    copied_toast(w, ImVec2(copy_at.x, min.y + ImGui::GetFrameHeight() + 4.0f));
    if (w.layout.mode == LayoutMode::Wide) {
        ImGui::SameLine(0.0f, sp.gap);
        if (bar_button("Copy start link", sp)) copy_share_link(w.share, lab, w.platform, false, lab.locks());
        ui::tooltip("Copy a link to the starting point: the same settings and data with the initial weights, before "
                    "any training, so the class trains it themselves.");
    }
    ImGui::SameLine(0.0f, sp.gap);
    if (bar_button("More\u2026", sp)) open_more_menu();
    ui::tooltip("A teacher's link that locks or hides controls; export and import of weights, the loss history "
                "and a picture; back to the defaults.");
    draw_share_dialog(w.share, lab, w.platform);
    ImGui::SameLine(0.0f, sp.gap);
    // Where a phone has no room for the first-open banner, the Learn button carries its offer.
    const bool offers_lesson = w.hint_on_learn && hint_due(w);
    if (offers_lesson) ui::push_primary_button();
    if (bar_button(lessons_button_label(phone(w)), sp)) {
        if (w.lesson.is_open() && !w.lesson.shown) {
            w.lesson.shown = true;
            if (phone(w)) w.view.main = MainView::Lesson;  // the lesson itself, not only its tab
        } else {
            open_lessons_menu();
        }
    }
    if (offers_lesson) ui::pop_primary_button();
    ui::tooltip(w.lesson.is_open() && !w.lesson.shown ? "Brings back the lesson, at the step you left it."
                : offers_lesson ? "New here? The lesson \"The chain rule\" walks you through the lab one step at a time."
                                : "Guided lessons that walk through the lab step by step, "
                                  "and lessons of your own (a file, or written here).");
    draw_lessons_menu(w.lessons_menu, w.lesson, lab, w.platform);
    ImGui::SameLine(0.0f, sp.gap);
    if (bar_button(phone(w) ? "Aa" : "View\u2026", sp)) ImGui::OpenPopup("View");
    ui::tooltip("Text size, presenter mode for a projector, the link as a QR code, and every shortcut (?).");
    draw_view_menu(w);

    // The counters come last: as they grow, nothing to their right is a button.
    ImGui::SameLine(0, ImGui::GetFontSize());
    char counters[96];
    std::snprintf(counters, sizeof counters, phone(w) ? "step %lld" : "step %lld \u00b7 epoch %lld",
                  static_cast<long long>(t.step_count()), static_cast<long long>(t.epoch_count()));
    ImGui::AlignTextToFramePadding();
    if (!text_if_fits(counters, right)) return;
    ui::tooltip("Steps: updates of the weights, one per mini-batch. Epochs: complete passes over the training "
                "points, each in a fresh random order.");
    if (w.layout.mode == LayoutMode::Wide) {
        ImGui::SameLine(0, ImGui::GetFontSize());
        char samples[64];
        std::snprintf(samples, sizeof samples, "samples %lld", static_cast<long long>(t.samples_seen()));
        if (!text_if_fits(samples, right)) return;
        ui::tooltip("Samples: training points fed through the network so far (steps \u00d7 batch size).");
    }
    if (lab.locks()) {
        ImGui::SameLine(0, ImGui::GetFontSize());
        if (!text_if_fits(phone(w) ? "(lesson)" : "(some controls set by the lesson)", right, ui::kMutedInk)) return;
        ui::tooltip("This link's teacher locked or hid some controls so the lesson stays on track. Reset to defaults "
                    "(in More\u2026) unlocks everything.");
    }
    const FrameStats& s = lab.stats();
    char perf[96];
    std::snprintf(perf, sizeof perf, "%.0f fps \u00b7 lab CPU %.1f ms", s.fps, s.frame_ms);
    const float perf_w = ImGui::CalcTextSize(perf).x;
    ImGui::SameLine(0, ImGui::GetFontSize());
    if (ImGui::GetCursorScreenPos().x + perf_w > right || phone(w)) return;
    ImGui::SetCursorScreenPos(ImVec2(right - perf_w, ImGui::GetCursorScreenPos().y));
    text_if_fits(perf, right + 1.0f, ui::kMutedInk);
    ui::tooltip("Frames per second the screen shows, and the CPU time the lab itself spends on each frame "
                "(training and building the picture; the graphics card's drawing is not included).");
}

}  // namespace

void draw_top_bar(LabWindow& w, ImVec2 min, float width) {
    // A narrow phone (360 CSS px): the buttons keep their height and a fingertip's width, with
    // narrower sides and gaps, so that all five stay on screen.
    const ImGuiStyle& st = ImGui::GetStyle();
    BarSpacing spacing{st.FramePadding.x, st.ItemSpacing.x};
    if (phone(w) && phone_buttons_width(spacing) > width) spacing = {spacing.side * 0.5f, spacing.gap * 0.5f};
    draw_bar_row(w, min, width, spacing);
}

bool start_hint_in_banner(const LabWindow& w) { return banner_hint(w) != nullptr; }

float banners_height(const LabWindow& w, float width) {
    float h = 0.0f;
    if (!w.lab.notice().empty()) h += banner_height(w.lab.notice(), width);
    if (!w.lab.trainer().error().empty()) h += banner_height(w.lab.trainer().error(), width);
    if (const char* hint = banner_hint(w)) h += banner_height(hint, width, "Got it", kStartLesson);
    return h;
}

void draw_banners(LabWindow& w, ImVec2 min, float width) {
    Lab& lab = w.lab;
    ImGui::SetCursorScreenPos(min);
    if (!lab.notice().empty() && banner("notice", lab.notice(), "OK", ui::kNoticeTint, ui::kInk, width))
        lab.set_notice("");
    const std::string error = lab.trainer().error();
    if (!error.empty() && banner("error", error, "Reset", ui::kErrorTint, ui::kError, width))
        lab.reset();
    if (const char* hint = banner_hint(w)) start_hint(w, hint, ui::kHintTint, width);
}

void draw_start_callout(LabWindow& w) {
    // Over the loss plot, which has nothing to show before the first step, at its foot: its tabs
    // (Loss curve, Landscape) at its top stay in sight and in reach.
    const Rect& n = w.layout.loss;
    if (!hint_due(w) || w.layout.mode != LayoutMode::Compact || !shown(n) || w.help_open) return;
    const float inset = 8.0f, width = n.width() - 2.0f * inset;
    const float h = banner_height(kStartHintShort, width, "Got it", kStartLesson) - ImGui::GetStyle().ItemSpacing.y;
    ImGui::SetNextWindowPos(ImVec2(n.min.x + inset, std::max(n.min.y + inset, n.max.y - inset - h)));
    ImGui::SetNextWindowSize(ImVec2(width, h));
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(0, 0));
    ImGui::Begin("start_callout", nullptr, ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings |
                                               ImGuiWindowFlags_NoBackground | ImGuiWindowFlags_NoFocusOnAppearing);
    ImGui::PopStyleVar();
    start_hint(w, kStartHintShort, ui::with_alpha(ui::kHintTint, 250), width);
    ImGui::End();
}

void draw_tab_bar(LabWindow& w, const Rect& bar) {
    struct Tab {
        MainView view;
        const char* label;
    };
    // The lesson's tab comes first while a lesson is shown; presenting hides the controls.
    std::vector<Tab> tabs;
    if (w.lesson.is_open() && w.lesson.shown) tabs.push_back({MainView::Lesson, "Lesson"});
    tabs.push_back({MainView::Network, "Network"});
    tabs.push_back({MainView::Loss, "Loss"});
    tabs.push_back({MainView::Inspector, "Chain rule"});
    if (!w.view.presenter) tabs.push_back({MainView::Controls, "Controls"});
    const int count = static_cast<int>(tabs.size());
    const float pad = 6.0f, width = (bar.width() - pad * (count + 1)) / count;
    ImGui::GetWindowDrawList()->AddRectFilled(bar.min, bar.max, ui::kPanel);
    ImGui::GetWindowDrawList()->AddLine(bar.min, ImVec2(bar.max.x, bar.min.y), ui::kGrid, ui::metrics().hairline);
    // Five tabs on a narrow phone: the labels shrink to fit rather than run into each other.
    float widest = 0.0f;
    for (const Tab& t : tabs) widest = std::max(widest, ImGui::CalcTextSize(t.label).x);
    const float room = width - 2.0f * ImGui::GetStyle().FramePadding.x;
    const float scale = widest > room ? std::max(0.75f, room / widest) : 1.0f;
    ImGui::SetWindowFontScale(scale);
    for (int k = 0; k < count; ++k) {
        const Tab& t = tabs[static_cast<size_t>(k)];
        const bool current = w.view.main == t.view || (t.view == MainView::Network && w.view.main == MainView::Controls && w.view.presenter);
        ImGui::SetCursorScreenPos(ImVec2(bar.min.x + pad + k * (width + pad), bar.min.y + pad));
        ImGui::PushStyleColor(ImGuiCol_Button, current ? ui::kPrimary : ui::kPanel);
        ImGui::PushStyleColor(ImGuiCol_Text, current ? ui::kOnFill : ui::kInk);
        if (ImGui::Button(t.label, ImVec2(width, bar.height() - 2.0f * pad))) w.view.main = t.view;
        ImGui::PopStyleColor(2);
    }
    ImGui::SetWindowFontScale(1.0f);
}

}  // namespace bp
