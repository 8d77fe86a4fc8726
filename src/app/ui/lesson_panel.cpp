// The lesson panel, top to bottom: the lesson and its progress, the step's title and text, its
// tasks, its question, and Back / Next at the foot.
#include "app/ui/lesson_panel.h"

#include <algorithm>
#include <cstdio>
#include <cstring>
#include <optional>

#include "app/input/touch_state.h"
#include "app/notation/number_text.h"
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
        ImGui::TextWrapped("%s", run.fill(lab, p).c_str());
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

// A keypad for the answer on a touch screen, where the canvas brings up no keyboard.
void keypad(LessonPanel& panel) {
    const char* keys[] = {"7", "8", "9", "\u2212", "4", "5", "6", ".", "1", "2", "3", "e", "0", "\u2190"};
    const float w = (ImGui::GetContentRegionAvail().x - 3.0f * ImGui::GetStyle().ItemSpacing.x) / 4.0f;
    for (int k = 0; k < 14; ++k) {
        if (k % 4 != 0) ImGui::SameLine();
        if (ImGui::Button(keys[k], ImVec2(w, 0))) {
            std::string text = panel.answer;
            if (std::strcmp(keys[k], "\u2190") == 0) {  // backspace
                while (!text.empty() && (static_cast<unsigned char>(text.back()) & 0xC0) == 0x80) text.pop_back();
                if (!text.empty()) text.pop_back();
            } else {
                text += std::strcmp(keys[k], "\u2212") == 0 ? "-" : keys[k];
            }
            std::snprintf(panel.answer, sizeof panel.answer, "%s", text.c_str());
        }
    }
}

// The question's height at the panel's width: its prompt, its field or buttons (and the keypad on
// touch), its feedback.
float question_height(const LessonRun& run, const Lab& lab) {
    const LessonStep& step = run.current();
    if (!step.has_question) return 0.0f;
    const ImGuiStyle& st = ImGui::GetStyle();
    const float wrap = ImGui::GetContentRegionAvail().x;
    const float line = st.ItemSpacing.y;
    float h = st.ItemSpacing.y * 2.0f + 1.0f;  // the separator
    h += ImGui::CalcTextSize(run.fill(lab, step.question.prompt).c_str(), nullptr, false, wrap).y + line;
    h += ImGui::GetFrameHeight() + line;
    if (step.question.choices.empty() && touch_active()) h += 4.0f * (ImGui::GetFrameHeight() + line);
    return h;
}

void question(LessonPanel& panel, LessonRun& run, const Lab& lab) {
    const LessonStep& step = run.current();
    if (!step.has_question) return;
    const LessonQuestion& q = step.question;
    ImGui::Separator();
    ImGui::PushStyleColor(ImGuiCol_Text, ui::kInk);
    ImGui::TextWrapped("%s", run.fill(lab, q.prompt).c_str());
    ImGui::PopStyleColor();
    if (!q.choices.empty()) {
        for (size_t k = 0; k < q.choices.size(); ++k) {
            if (k > 0) ImGui::SameLine();
            ImGui::PushID(static_cast<int>(k));
            if (ImGui::Button(q.choices[k].c_str())) run.answer(lab, q.choices[k]);
            panel.drawn.choices.push_back(item_rect());
            ImGui::PopID();
        }
    } else {
        const float check_w = ImGui::CalcTextSize("Check").x + ImGui::GetStyle().FramePadding.x * 2.0f;
        ImGui::SetNextItemWidth(std::max(ImGui::GetFontSize() * 6.0f, ImGui::GetContentRegionAvail().x - check_w - ImGui::GetStyle().ItemSpacing.x));
        const bool entered = ImGui::InputText("##answer", panel.answer, sizeof panel.answer, ImGuiInputTextFlags_EnterReturnsTrue);
        panel.drawn.answer = item_rect();
        ImGui::SameLine();
        const bool check = ImGui::Button("Check");
        panel.drawn.check = item_rect();
        if (check || entered) run.answer(lab, panel.answer);
        if (touch_active()) keypad(panel);
    }
}

// The answer's feedback, at the end of the step's text, scrolled into sight when it is new.
void feedback(LessonPanel& panel, const LessonRun& run) {
    const LessonAnswer& a = run.last_answer();
    if (a.feedback.empty()) return;
    ImGui::Separator();
    ImGui::PushStyleColor(ImGuiCol_Text, a.correct ? ui::kSuccess : ui::kWrong);
    ImGui::TextWrapped("%s", a.feedback.c_str());
    ImGui::PopStyleColor();
    if (panel.answers_seen != run.answers()) ImGui::SetScrollHereY(1.0f);
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
        if (p.kind == K::Control && p.name == "play") continue;  // the top bar holds Play on every screen
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
    ui::tooltip("Hides the lesson; it waits at this step. The Lesson button in the top bar brings it back.");
    progress(run);

    // The step's text, scrolled on its own; its question (unless it would leave the text no room)
    // and Back and Next stay in sight under it. The answer's feedback ends the text.
    const float foot = ImGui::GetFrameHeightWithSpacing() + st.ItemSpacing.y;
    const float asked = question_height(run, lab);
    const bool pin = asked > 0.0f && ImGui::GetContentRegionAvail().y - foot - asked >= ImGui::GetFontSize() * 5.0f;
    ImGui::BeginChild("lesson_step", ImVec2(0, -foot - (pin ? asked : 0.0f)), false);
    if (new_step) ImGui::SetScrollY(0.0f);
    ImGui::PushStyleColor(ImGuiCol_Text, ui::kLink);
    ImGui::TextWrapped("%s", run.current().title.c_str());
    ImGui::PopStyleColor();
    ImGui::Spacing();
    paragraphs(run, lab);
    tasks(run, lab);
    if (!pin) question(panel, run, lab);
    feedback(panel, run);
    ImGui::EndChild();
    if (pin) question(panel, run, lab);

    // The foot: Back, (Show me on a phone), Next or Finish.
    const bool last = run.step() + 1 == static_cast<int>(run.lesson().steps.size());
    const bool ready = run.tasks_done(lab) && (!run.current().has_question || run.last_answer().answered);
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

}  // namespace bp
