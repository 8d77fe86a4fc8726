// The lesson panel, top to bottom: the lesson and its progress, the step's title and text, its
// tasks, its question (with Show answer once a first answer was wrong), the answer's feedback and the
// step's hint, and Back / Next at the foot.
#include "app/ui/lesson_panel.h"

#include <algorithm>
#include <cstdio>
#include <cstring>
#include <optional>

#include "app/input/touch_state.h"
#include "app/notation/number_text.h"
#include "app/ui/bar_labels.h"
#include "app/ui/ui_style.h"

namespace bp {

namespace {

Rect item_rect() { return {ImGui::GetItemRectMin(), ImGui::GetItemRectMax()}; }


void progress(const LessonRun& run) {
    const int steps = static_cast<int>(run.lesson().steps.size());
    ImGui::PushStyleColor(ImGuiCol_Text, ui::kMutedInk);
    ImGui::Text("Step %d of %d", run.step() + 1, steps);
    ImGui::PopStyleColor();
    // One segment per step: done steps filled, this one outlined.
    ImDrawList* draw = ImGui::GetWindowDrawList();
    const float h = std::max(6.0f, ImGui::GetFontSize() * 0.35f), gap = ui::metrics().gap;
    const ImVec2 at = ImGui::GetCursorScreenPos();
    const float w = (ImGui::GetContentRegionAvail().x - gap * (steps - 1)) / std::max(1, steps);
    for (int k = 0; k < steps; ++k) {
        const ImVec2 a(at.x + k * (w + gap), at.y), b(a.x + w, a.y + h);
        if (k < run.step()) draw->AddRectFilled(a, b, ui::kPositive, h * 0.5f);
        else if (k == run.step()) draw->AddRectFilled(a, b, ui::with_alpha(ui::kPositive, 110), h * 0.5f);
        else draw->AddRectFilled(a, b, ui::kGrid, h * 0.5f);
    }
    ImGui::Dummy(ImVec2(0, h));
}

// A step's lab being set up over frames: which, how far, and Cancel (the lab stays as it is).
void setting_up(LessonRun& run) {
    const LessonSetUp s = run.setup_state();
    ImGui::TextWrapped("Setting up step %d of \u201c%s\u201d: training %s of %s steps\u2026", s.step + 1, s.title.c_str(),
                       std::to_string(s.trained).c_str(), std::to_string(s.to_train).c_str());
    const float cancel_w = ImGui::CalcTextSize("Cancel").x + ImGui::GetStyle().FramePadding.x * 2.0f;
    char percent[16];
    std::snprintf(percent, sizeof percent, "%d %%", static_cast<int>(s.progress * 100.0));
    ImGui::ProgressBar(static_cast<float>(s.progress), ImVec2(ImGui::GetContentRegionAvail().x - cancel_w - ImGui::GetStyle().ItemSpacing.x, 0), percent);
    ImGui::SameLine();
    if (ImGui::Button("Cancel")) run.cancel_setup();
    ui::tooltip("Stops setting up the step; the lab and the lesson stay as they are.");
    ImGui::Spacing();
}

void paragraphs(const LessonRun& run, const Lab& lab) {
    for (const std::string& p : run.current().paragraphs) {
        ui::text_wrapped_words(run.fill(lab, p));
        ImGui::Spacing();
    }
}

void tasks(const LessonRun& run, const Lab& lab) {
    const auto& all = run.current().tasks;
    for (size_t k = 0; k < all.size(); ++k) {
        const bool done = run.task_done(lab, k);
        ImGui::PushStyleColor(ImGuiCol_Text, done ? ui::kSuccess : ui::kWarning);
        ImGui::TextWrapped("%s %s: %s", done ? "\u2713" : "\u25a1", done ? "Done" : "To do", all[k].source.c_str());
        ImGui::PopStyleColor();
        ui::tooltip("The step notices by itself when this holds in the lab; then go on with Next.");
    }
}

// The keypad's keys: Clear empties the field for a second try.
const char* const kKeypadKeys[] = {"7", "8", "9", "\u2212", "4", "5", "6", ".", "1", "2", "3", "e", "0", "\u2190", "Clear"};
constexpr int kKeypadKeyCount = static_cast<int>(sizeof kKeypadKeys / sizeof kKeypadKeys[0]);

// The keypad's keys in rows of eight (two rows) where each key stays at least a fingertip wide (two
// body lines), else in rows of five (three rows).
int keypad_columns(float avail) {
    const float spacing = ImGui::GetStyle().ItemSpacing.x;
    return (avail - 7.0f * spacing) / 8.0f >= ImGui::GetFontSize() * 2.0f ? 8 : 5;
}

int keypad_rows(float avail) {
    const int columns = keypad_columns(avail);
    return (kKeypadKeyCount + columns - 1) / columns;
}

// A keypad for the answer on a touch screen, where the canvas brings up no keyboard.
void keypad(LessonPanel& panel) {
    const char* const* keys = kKeypadKeys;
    const int columns = keypad_columns(ImGui::GetContentRegionAvail().x);
    const float w = (ImGui::GetContentRegionAvail().x - (columns - 1) * ImGui::GetStyle().ItemSpacing.x) / columns;
    for (int k = 0; k < kKeypadKeyCount; ++k) {
        if (k % columns != 0) ImGui::SameLine();
        const bool pressed = ImGui::Button(keys[k], ImVec2(w, 0));
        panel.drawn.keys.emplace_back(keys[k], item_rect());
        if (pressed) {
            std::string text = panel.answer;
            if (std::strcmp(keys[k], "Clear") == 0) {
                text.clear();
            } else if (std::strcmp(keys[k], "\u2190") == 0) {  // backspace
                while (!text.empty() && (static_cast<unsigned char>(text.back()) & 0xC0) == 0x80) text.pop_back();
                if (!text.empty()) text.pop_back();
            } else {
                text += std::strcmp(keys[k], "\u2212") == 0 ? "-" : keys[k];
            }
            std::snprintf(panel.answer, sizeof panel.answer, "%s", text.c_str());
        }
    }
}

// Show answer is offered once an answer was wrong and a try is left (and again on coming back to a
// step whose answer was shown), until the answer is in sight.
bool offers_show_answer(const LessonRun& run) {
    const QuestionRecord& r = run.record(run.step());
    return !run.last_answer().revealed && (r.tries > 0 || r.revealed);
}

float button_width(const char* label) { return ImGui::CalcTextSize(label).x + ImGui::GetStyle().FramePadding.x * 2.0f; }

// Show answer sits between the field and Check when the field keeps room for a long number there,
// so that on a phone the field, the keypad and Back / Next still fit together; else on a row of its
// own. Check stays where it was: a second tap on it never lands on Show answer.
bool show_answer_beside_check(const LessonQuestion& q, float width) {
    const float gaps = 2.0f * ImGui::GetStyle().ItemSpacing.x;
    return q.choices.empty() && width - button_width("Check") - button_width("Show answer") - gaps >= ImGui::GetFontSize() * 7.0f;
}

// How many rows the question's buttons take at the panel's width: the choices wrap onto new rows
// rather than run past the panel's edge (the field and Check take one).
int choice_rows(const LessonRun& run, const Lab& lab, float avail) {
    const LessonQuestion& q = run.current().question;
    const ImGuiStyle& st = ImGui::GetStyle();
    int rows = 1;
    float x = 0.0f;
    for (const std::string& c : q.choices) {
        const float w = ImGui::CalcTextSize(run.fill(lab, c).c_str()).x + st.FramePadding.x * 2.0f;
        if (x > 0.0f && x + st.ItemSpacing.x + w > avail) {
            ++rows;
            x = 0.0f;
        }
        x += (x > 0.0f ? st.ItemSpacing.x : 0.0f) + w;
    }
    return rows;
}

// The question's height at the width `wrap`: its prompt, its field or buttons, Show answer, and the
// keypad on touch.
float question_height(const LessonRun& run, const Lab& lab, float wrap) {
    const LessonStep& step = run.current();
    if (!step.has_question) return 0.0f;
    const ImGuiStyle& st = ImGui::GetStyle();
    const float line = st.ItemSpacing.y;
    float h = st.ItemSpacing.y * 2.0f + 1.0f;  // the separator
    h += ImGui::CalcTextSize(ui::wrap_at_spaces(run.fill(lab, step.question.prompt), wrap).c_str()).y + line;
    h += choice_rows(run, lab, wrap) * (ImGui::GetFrameHeight() + line);
    if (offers_show_answer(run) && !show_answer_beside_check(step.question, wrap)) h += ImGui::GetFrameHeight() + line;
    if (step.question.choices.empty() && touch_active()) h += keypad_rows(wrap) * (ImGui::GetFrameHeight() + line);
    return h;
}

void show_answer_button(LessonPanel& panel, LessonRun& run, const Lab& lab) {
    if (ImGui::Button("Show answer")) run.show_answer(lab);
    panel.drawn.show_answer = item_rect();
    ui::tooltip("Shows the right answer and why. Your answers so far stay as they were.");
}

void question(LessonPanel& panel, LessonRun& run, const Lab& lab) {
    const LessonStep& step = run.current();
    if (!step.has_question) return;
    const LessonQuestion& q = step.question;
    ImGui::Separator();
    const ImVec2 top = ImGui::GetCursorScreenPos();
    ImGui::PushStyleColor(ImGuiCol_Text, ui::kInk);
    ui::text_wrapped_words(run.fill(lab, q.prompt));
    ImGui::PopStyleColor();
    if (!q.choices.empty()) {
        const float right = ImGui::GetCursorScreenPos().x + ImGui::GetContentRegionAvail().x;
        for (size_t k = 0; k < q.choices.size(); ++k) {
            const float w = ImGui::CalcTextSize(q.choices[k].c_str()).x + ImGui::GetStyle().FramePadding.x * 2.0f;
            if (k > 0 && ImGui::GetItemRectMax().x + ImGui::GetStyle().ItemSpacing.x + w <= right) ImGui::SameLine();
            ImGui::PushID(static_cast<int>(k));
            if (ImGui::Button(q.choices[k].c_str())) run.answer(lab, q.choices[k]);
            panel.drawn.choices.push_back(item_rect());
            ImGui::PopID();
        }
    }
    const bool offer = offers_show_answer(run);
    const bool beside = offer && show_answer_beside_check(q, ImGui::GetContentRegionAvail().x);
    if (q.choices.empty()) {
        const float spacing = ImGui::GetStyle().ItemSpacing.x;
        const float buttons = button_width("Check") + spacing + (beside ? button_width("Show answer") + spacing : 0.0f);
        ImGui::SetNextItemWidth(std::max(ImGui::GetFontSize() * 6.0f, ImGui::GetContentRegionAvail().x - buttons));
        // The answer stays in the field after a wrong try, so the next can start from it; clicking
        // into the field selects it, so typing replaces it.
        const bool entered = ImGui::InputText("##answer", panel.answer, sizeof panel.answer,
                                              ImGuiInputTextFlags_EnterReturnsTrue | ImGuiInputTextFlags_AutoSelectAll);
        panel.drawn.answer = item_rect();
        if (beside) {
            ImGui::SameLine();
            show_answer_button(panel, run, lab);
        }
        ImGui::SameLine();
        const bool check = ImGui::Button("Check");
        panel.drawn.check = item_rect();
        if (check || entered) run.answer(lab, panel.answer);
    }
    if (offer && !beside) show_answer_button(panel, run, lab);
    if (q.choices.empty() && touch_active()) keypad(panel);
    panel.drawn.question = {top, ImGui::GetItemRectMax()};
    panel.drawn.question.max.x = std::max(panel.drawn.question.max.x, top.x + ImGui::GetContentRegionAvail().x);
}

// The answer's feedback and, after a wrong first answer, the step's hint, at the end of the step's
// text, scrolled into sight when they are new (from their first line when they do not fit). An
// answer shown without a try is in the text's ink.
void feedback(LessonPanel& panel, const LessonRun& run, const Lab& lab) {
    const LessonAnswer& a = run.last_answer();
    if (a.feedback.empty()) return;
    const float top = ImGui::GetCursorScreenPos().y;
    ImGui::Separator();
    ImGui::PushStyleColor(ImGuiCol_Text, !a.answered ? ui::kInk : a.correct ? ui::kSuccess : ui::kWrong);
    ui::text_wrapped_words(a.feedback);
    ImGui::PopStyleColor();
    if (const std::string hint = run.hint(lab); !hint.empty()) {
        ImGui::Spacing();
        ui::text_wrapped_words("Hint: " + hint);
    }
    if (panel.answers_seen != run.answers()) {
        if (ImGui::GetCursorScreenPos().y - top <= ImGui::GetWindowHeight()) ImGui::SetScrollHereY(1.0f);
        else ImGui::SetScrollFromPosY(top - ImGui::GetWindowPos().y, 0.0f);
    }
    panel.answers_seen = run.answers();
}

// The panel a phone's Show me goes to for the step: its 'view' setting, else what it points at first.
std::optional<Panel> pointed_panel(const LessonStep& step) {
    for (const LessonSetting& s : step.setup) {
        if (s.name == "landscape") return Panel::Landscape;
        if (s.name != "view") continue;
        const std::optional<Panel> view = panel_named(s.value, kViewPanels);
        if (view && view != Panel::Lesson) return view;
    }
    for (const LessonPointer& p : step.pointers) {
        using K = LessonPointer::Kind;
        if (p.kind == K::Neuron || p.kind == K::Weight || p.kind == K::Bias) return Panel::Network;
        if (p.kind == K::MatrixCell) return Panel::Matrices;  // the cell's tab, in the inspector
        if (p.kind == K::Control) return Panel::Controls;
        return p.panel;
    }
    return std::nullopt;
}

}  // namespace

void draw_lesson_panel(LessonPanel& panel, LessonRun& run, Lab& lab, ViewSettings& view, bool phone) {
    panel.drawn = {};
    if (run.setting_up()) setting_up(run);
    if (!run.is_open()) return;
    const bool new_step = panel.step_shown != run.step() || panel.lesson_shown != &run.lesson();
    if (new_step) panel.answer[0] = '\0';
    panel.step_shown = run.step();
    panel.lesson_shown = &run.lesson();

    // The header: the lesson's title, and Hide.
    const ImGuiStyle& st = ImGui::GetStyle();
    const float hide_w = ImGui::CalcTextSize("Hide").x + st.FramePadding.x * 2.0f;
    ImGui::PushStyleColor(ImGuiCol_Text, ui::kMutedInk);
    ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + ImGui::GetContentRegionAvail().x - hide_w - st.ItemSpacing.x);
    ImGui::TextWrapped("Lesson: %s", run.lesson().title.c_str());
    ImGui::PopTextWrapPos();
    ImGui::PopStyleColor();
    ImGui::SameLine(ImGui::GetWindowContentRegionMax().x - hide_w);
    if (ImGui::Button("Hide")) run.shown = false;
    panel.drawn.hide = item_rect();
    const std::string hide_help = std::string("Hides the lesson; it waits at this step. ") + lessons_button_label(phone) +
                                  " in the top bar brings it back.";
    ui::tooltip(hide_help.c_str());
    progress(run);

    // The step's text, scrolled on its own; its question (unless it would leave the text no room)
    // and Back and Next stay in sight under it. The answer's feedback ends the text.
    // The question is pinned wherever it leaves the text a line; the screen layout gives the
    // panel the height the whole step asks for (`wanted`) where it can, so only what cannot fit scrolls.
    const float foot = ImGui::GetFrameHeightWithSpacing() + st.ItemSpacing.y;
    const float asked = question_height(run, lab, ImGui::GetContentRegionAvail().x);
    const float header = ImGui::GetCursorPosY();
    const bool pin = asked > 0.0f && ImGui::GetContentRegionAvail().y - foot - asked >= ImGui::GetTextLineHeightWithSpacing();
    ImGui::BeginChild("lesson_step", ImVec2(0, -foot - (pin ? asked : 0.0f)), false);
    panel.drawn.text = {ImGui::GetWindowPos(), ImVec2(ImGui::GetWindowPos().x + ImGui::GetWindowSize().x,
                                                      ImGui::GetWindowPos().y + ImGui::GetWindowSize().y)};
    if (new_step) ImGui::SetScrollY(0.0f);
    ImGui::PushStyleColor(ImGuiCol_Text, ui::kLink);
    ImGui::TextWrapped("%s", run.current().title.c_str());
    ImGui::PopStyleColor();
    ImGui::Spacing();
    paragraphs(run, lab);
    tasks(run, lab);
    if (!pin) question(panel, run, lab);
    feedback(panel, run, lab);
    ImGui::EndChild();
    panel.header = header;
    if (pin) question(panel, run, lab);

    // The foot: Back, (Show me on a phone), Next or Finish.
    const bool last = run.step() + 1 == static_cast<int>(run.lesson().steps.size());
    const bool ready = run.tasks_done(lab) && (!run.current().has_question || run.revealed());
    const std::optional<Panel> target = phone ? pointed_panel(run.current()) : std::nullopt;
    const bool show_me = target.has_value();
    const int buttons = show_me ? 3 : 2;
    const float w = (ImGui::GetContentRegionAvail().x - st.ItemSpacing.x * (buttons - 1)) / buttons;
    const bool busy = run.setting_up();
    ImGui::BeginDisabled(run.step() == 0 || busy);
    if (ImGui::Button("\u25c0 Back", ImVec2(w, 0))) run.back(lab);
    panel.drawn.back = item_rect();
    ImGui::EndDisabled();
    if (show_me) {
        ImGui::SameLine();
        if (ImGui::Button("Show me", ImVec2(w, 0))) show_panel(view, *target);
        panel.drawn.show_me = item_rect();
    }
    ImGui::SameLine();
    if (ready) ui::push_primary_button();
    ImGui::BeginDisabled(busy);
    if (ImGui::Button(last ? "Finish \u2713" : "Next \u25b6", ImVec2(w, 0))) {
        if (last) run.close(lab);
        else run.next(lab);
    }
    ImGui::EndDisabled();
    panel.drawn.next = item_rect();
    if (ready) ui::pop_primary_button();
    if (!ready) ui::tooltip("You can go on at any time; the step's task or question is still open.");
}

// The step's height unscrolled at the panel's width `width`: its header (as drawn last), its title,
// text, tasks and question, and the foot; computed before the panel is drawn, so that a new step
// has its room in its first frame.
void ask_lesson_room(const LessonPanel& panel, const LessonRun& run, const Lab& lab, float width, ScreenRequest& request) {
    if (!run.is_open() || run.setting_up() || width <= 0.0f || panel.header <= 0.0f) return;
    const ImGuiStyle& st = ImGui::GetStyle();
    const float wrap = width - st.WindowPadding.x * 2.0f, line = st.ItemSpacing.y;
    const auto text = [&](const std::string& t) { return ImGui::CalcTextSize(t.c_str(), nullptr, false, wrap).y + line; };
    float h = text(run.current().title) + line;
    for (const std::string& p : run.current().paragraphs) h += text(run.fill(lab, p)) + line;
    for (const LessonTask& t : run.current().tasks) h += text("\u25a1 To do: " + t.source);
    const LessonAnswer& a = run.last_answer();
    if (!a.feedback.empty()) h += text(a.feedback) + line * 2.0f + 1.0f;
    const float foot = ImGui::GetFrameHeightWithSpacing() + line, pad = st.WindowPadding.y * 2.0f;
    const float asked = question_height(run, lab, wrap);
    request.lesson_height = panel.header + h + line + asked + foot + pad;
    request.lesson_least = panel.header + ImGui::GetFontSize() * 3.0f + asked + foot + pad;
    const LessonStep& step = run.current();
    request.lesson_panel = request.lesson_network = false;
    for (const LessonSetting& s : step.setup) {
        if (s.name != "view") continue;
        const std::optional<Panel> p = panel_named(s.value, kViewPanels);
        if (p == Panel::Network) request.lesson_network = true;
        if (p == Panel::Inspector || p == Panel::Controls) request.lesson_panel = true;
    }
    using K = LessonPointer::Kind;
    for (const LessonPointer& p : step.pointers) {
        if (p.kind == K::Neuron || p.kind == K::Weight || p.kind == K::Bias || (p.kind == K::Panel && p.panel == Panel::Network))
            request.lesson_network = true;
        if (p.kind == K::Control || p.kind == K::MatrixCell ||
            (p.kind == K::Panel && (p.panel == Panel::Inspector || p.panel == Panel::Controls || p.panel == Panel::Matrices ||
                                    p.panel == Panel::DataTable)))
            request.lesson_panel = true;
    }
}

}  // namespace bp
