// The lesson editor's preview shows a step as the lesson panel does: its {values} filled in.
#include <gtest/gtest.h>

#include <imgui.h>

#include <string>

#include "app/ui/lab_window.h"
#include "headless_imgui.h"

using namespace bp;
using test_util::HeadlessImGui;

TEST(LessonEditor, ThePreviewFillsInTheValuesAsThePanelDoes) {
    HeadlessImGui imgui(ImVec2(1440, 900));
    Lab lab;
    Platform headless;
    LabWindow window{lab, headless};
    LessonEditor& editor = window.lessons_menu.editor;
    editor.open = true;
    editor.text = "lesson: A\nstep: B\nThe output is {yhat} for this sample.\nask: And the loss, {loss}?\nanswer: 1\n";
    editor.changed_at = -1.0;  // checked at once
    for (int k = 0; k < 3; ++k) HeadlessImGui::frame([&] { draw_lab_window(window); });
    ASSERT_TRUE(editor.ok) << editor.status;
    // The editor's text as ImGui logs it: its window's End() sends the log to the clipboard.
    HeadlessImGui::frame([&] {
        ImGui::LogToClipboard();
        draw_lessons_menu(window.lessons_menu, window.lesson, lab, headless);
        ImGui::LogFinish();
    });
    const std::string shown = ImGui::GetClipboardText() ? ImGui::GetClipboardText() : "";
    // The draft itself is in the text box; the preview comes after it.
    const size_t box = shown.find("{yhat}");
    ASSERT_NE(box, std::string::npos) << shown;
    const size_t at = shown.find("The output is ", box);
    ASSERT_NE(at, std::string::npos) << shown;
    const std::string preview = shown.substr(at);
    EXPECT_EQ(preview.find("{yhat}"), std::string::npos) << preview;
    EXPECT_EQ(preview.find("{loss}"), std::string::npos) << preview;
    EXPECT_NE(preview.find("And the loss, "), std::string::npos) << preview;
    const char after = preview[std::string("The output is ").size()];
    EXPECT_TRUE(after == '-' || (after >= '0' && after <= '9')) << preview.substr(0, 40);
}
