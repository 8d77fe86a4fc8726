// The Lessons popup and the lesson editor.
#include "app/ui/lessons_menu.h"

#include <imgui.h>

#include <algorithm>
#include <cctype>
#include <cstdio>

#include "app/lesson/builtin_lessons.h"
#include "app/lesson/lesson_parser.h"
#include "app/ui/ui_style.h"

namespace bp {

namespace {

constexpr const char* kLessonsMenu = "Lessons";
constexpr double kCheckPauseSeconds = 0.4;  // the editor checks the draft once typing pauses this long

void open_lesson(LessonRun& run, Lab& lab, const std::string& text, const std::string& name, int step) {
    const std::string error = run.open(lab, text, name, step);
    if (!error.empty()) lab.set_notice(error);
}

std::string file_name(const LessonRun& run) {
    std::string name = run.name().empty() ? run.lesson().title : run.name();
    for (char& c : name)
        if (!std::isalnum(static_cast<unsigned char>(c))) c = '-';
    return (name.empty() ? std::string("lesson") : name) + ".lesson";
}

void check_draft(LessonEditor& e) {
    e.checked_text = e.text;
    Lesson lesson;
    LessonProblem problem;
    e.ok = parse_lesson(e.text, lesson, problem) && check_lesson(lesson, problem);
    if (e.ok) {
        e.status = "\u2713 The lesson is ready: " + std::to_string(lesson.steps.size()) + " steps.";
        e.preview = std::move(lesson);
        e.preview_step = std::min(e.preview_step, static_cast<int>(e.preview.steps.size()) - 1);
    } else {
        e.status = problem.text();
    }
}

// The draft's step as the panel will show it, its {values} filled in from the lab as it is now.
void preview(LessonEditor& e, const Lab& lab) {
    if (e.preview.steps.empty()) return;
    const int steps = static_cast<int>(e.preview.steps.size());
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 8.0f);
    int shown = e.preview_step + 1;
    if (ImGui::InputInt("step of the preview", &shown)) e.preview_step = std::clamp(shown - 1, 0, steps - 1);
    const LessonStep& step = e.preview.steps[static_cast<size_t>(e.preview_step)];
    ImGui::PushStyleColor(ImGuiCol_Text, ui::kLink);
    ImGui::TextWrapped("%s", step.title.c_str());
    ImGui::PopStyleColor();
    const QuantityContext now{static_cast<int>(lab.trainer().points().size())};
    for (const std::string& p : step.paragraphs) ImGui::TextWrapped("%s", fill_values(lab, p, now).c_str());
    for (const LessonTask& t : step.tasks) ImGui::TextWrapped("\u25a1 To do: %s", t.source.c_str());
    if (step.has_question) {
        ImGui::TextWrapped("%s", fill_values(lab, step.question.prompt, now).c_str());
        for (const std::string& c : step.question.choices) ImGui::BulletText("%s", c.c_str());
    }
}

void draw_editor(LessonEditor& e, LessonRun& run, Lab& lab, Platform& platform) {
    if (!e.open) return;
    const ImVec2 display = ImGui::GetIO().DisplaySize;
    const float font = ImGui::GetFontSize();
    ImGui::SetNextWindowSize(ImVec2(std::min(font * 56, display.x * 0.96f), std::min(font * 38, display.y * 0.92f)), ImGuiCond_Appearing);
    ImGui::SetNextWindowPos(ImVec2(display.x * 0.5f, display.y * 0.5f), ImGuiCond_Appearing, ImVec2(0.5f, 0.5f));
    if (!ImGui::Begin("Lesson editor", &e.open, ImGuiWindowFlags_NoCollapse | ImGuiWindowFlags_NoSavedSettings)) {
        ImGui::End();
        return;
    }
    if (ui::escape_pressed() && !ImGui::GetIO().WantTextInput) e.open = false;
    if (e.text != e.checked_text && ImGui::GetTime() - e.changed_at > kCheckPauseSeconds) check_draft(e);
    ImGui::TextWrapped("Write the lesson in the format of docs/LESSONS.md. It is checked as you type; the preview "
                       "shows a step as the lesson panel will.");
    ImGui::PushStyleColor(ImGuiCol_Text, e.ok ? ui::kSuccess : ui::kWrong);
    ImGui::TextWrapped("%s", e.text == e.checked_text ? e.status.c_str() : "checking\u2026");
    ImGui::PopStyleColor();
    const bool wide = ImGui::GetContentRegionAvail().x > font * 36;
    const float foot = ImGui::GetFrameHeightWithSpacing() * 1.5f;
    const ImVec2 box(wide ? ImGui::GetContentRegionAvail().x * 0.55f : -1.0f,
                     wide ? ImGui::GetContentRegionAvail().y - foot : (ImGui::GetContentRegionAvail().y - foot) * 0.6f);
    const std::string before = e.text;
    ui::text_box("##lesson_text", e.text, box);
    if (e.text != before) e.changed_at = ImGui::GetTime();
    if (wide) ImGui::SameLine();
    ImGui::BeginChild("lesson_preview", ImVec2(0, wide ? box.y : ImGui::GetContentRegionAvail().y - foot), true);
    preview(e, lab);
    ImGui::EndChild();
    ImGui::BeginDisabled(!e.ok || e.text != e.checked_text);
    if (ImGui::Button("Open in the lab")) open_lesson(run, lab, e.text, "", e.preview_step);
    ui::tooltip("Opens the lesson at the step of the preview. Undo (Ctrl+Z) brings back the lab you had.");
    if (platform.can_link_lessons()) {
        ImGui::SameLine();
        if (ImGui::Button("Copy lesson link")) platform.copy_lesson_link(e.text, e.preview_step + 1);
        ui::tooltip("A link that opens this lesson at the step of the preview; a lesson too long for a link is "
                    "shared as its file instead.");
    }
    if (platform.can_save_files()) {
        ImGui::SameLine();
        if (ImGui::Button("Save lesson file")) platform.save_text_file("lesson.lesson", e.text);
    }
    ImGui::EndDisabled();
    ImGui::End();
}

}  // namespace

void open_lessons_menu() { ImGui::OpenPopup(kLessonsMenu); }

void draw_lessons_menu(LessonsMenu& menu, LessonRun& run, Lab& lab, Platform& platform) {
    draw_editor(menu.editor, run, lab, platform);
    const float font = ImGui::GetFontSize();
    const ImVec2 display = ImGui::GetIO().DisplaySize;
    const float width = std::min(font * 30, display.x * 0.96f);
    ImGui::SetNextWindowSize(ImVec2(width, 0), ImGuiCond_Appearing);
    ImGui::SetNextWindowSizeConstraints(ImVec2(0, 0), ImVec2(display.x * 0.96f, display.y));  // on screen at 360 px
    if (!ImGui::BeginPopup(kLessonsMenu)) return;
    if (ui::escape_pressed()) ImGui::CloseCurrentPopup();
    // The heading wraps to the menu's width rather than widen it past a phone's screen.
    ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + width - 2.0f * ImGui::GetStyle().WindowPadding.x);
    ui::heading("Lessons: a guided walk through the lab, one step at a time");
    ImGui::PopTextWrapPos();
    for (const BuiltinLesson& b : builtin_lessons()) {
        char label[256];
        std::snprintf(label, sizeof label, "%s  (%d steps)", b.title.c_str(), b.steps);
        if (ui::selectable_row(label)) open_lesson(run, lab, b.text, b.name, 0);
    }
    ImGui::Separator();
    if (platform.can_choose_files() && ui::selectable_row("Open a lesson file\u2026")) platform.choose_lesson_file();
    ui::tooltip("A .lesson file a teacher wrote (plain text). You can also drop the file on the lab.");
    if (ui::selectable_row("Write or edit a lesson\u2026")) {
        menu.editor.open = true;
        if (menu.editor.text.empty()) menu.editor.text = run.is_open() ? run.text() : builtin_lessons().front().text;
        menu.editor.changed_at = -1.0;
    }
    if (run.is_open()) {
        ImGui::Separator();
        ImGui::TextWrapped("Open: %s, step %d of %zu", run.lesson().title.c_str(), run.step() + 1, run.lesson().steps.size());
        if (!run.shown && ui::selectable_row("Show the lesson")) run.shown = true;
        if (platform.can_link_lessons() && ui::selectable_row("Copy a link to this step of the lesson"))
            platform.copy_lesson_link(run.text(), run.step() + 1);
        if (platform.can_save_files() && ui::selectable_row("Save the lesson file")) platform.save_text_file(file_name(run), run.text());
        if (ui::selectable_row("Leave the lesson")) run.close(lab);
        ui::tooltip("Closes the lesson and lifts its locks; the lab stays as it is.");
    }
    ImGui::EndPopup();
}

}  // namespace bp
