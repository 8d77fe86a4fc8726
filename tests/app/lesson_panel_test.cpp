// The lesson panel driven headless as a student would, at a laptop's and a phone's size: the
// panel is where the layout put it, Next and Back walk the steps, a typed answer is checked, a
// choice is a button, a wrong first answer leaves a second try and Show answer, Hide puts the
// lesson away and the Lessons button brings it back.
#include <gtest/gtest.h>

#include <imgui.h>

#include "app/lesson/builtin_lessons.h"
#include "app/ui/lab_window.h"
#include "headless_imgui.h"

using namespace bp;

namespace {

using test_util::HeadlessImGui;
using test_util::kNoMouse;

ImVec2 centre(const Rect& r) { return ImVec2((r.min.x + r.max.x) * 0.5f, (r.min.y + r.max.y) * 0.5f); }

struct Student {
    explicit Student(ImVec2 display, const char* text = nullptr) : imgui(display), window(lab, platform) {
        const BuiltinLesson* b = find_builtin_lesson("chain-rule");
        EXPECT_EQ(window.lesson.open(lab, text ? text : b->text, text ? "" : b->name, 0), "");
        frame();
        frame();
    }
    void frame(ImVec2 mouse = kNoMouse, bool down = false) {
        HeadlessImGui::input(mouse, down);
        HeadlessImGui::frame([&] { draw_lab_window(window); });
    }
    void tap(Rect r) {  // a copy: the panel redraws its controls' rectangles every frame
        ASSERT_TRUE(shown(r)) << "the control is not on screen";
        frame(centre(r));
        frame(centre(r), true);
        frame(centre(r));
        frame();
    }
    void type(const char* text) {
        for (const char* c = text; *c; ++c) ImGui::GetIO().AddInputCharacter(static_cast<unsigned>(*c));
        frame();
    }
    void backspace(int n) {  // the key as GLFW spells it
        ImGui::GetIO().KeyMap[ImGuiKey_Backspace] = 259;
        for (int k = 0; k < n; ++k) {
            ImGui::GetIO().KeysDown[259] = true;
            frame();
            ImGui::GetIO().KeysDown[259] = false;
            frame();
        }
    }
    const LessonControls& controls() const { return window.lesson_panel.drawn; }

    HeadlessImGui imgui;
    Lab lab;
    Platform platform;
    LabWindow window;
};

}  // namespace

TEST(LessonPanel, AStudentAnswersAndWalksTheStepsWithTheMouse) {
    Student s(ImVec2(1366, 768));
    const Rect panel = s.window.layout.lesson;
    ASSERT_TRUE(shown(panel));
    EXPECT_FALSE(shown(s.window.layout.controls));  // the lesson has the controls' place; they are a tab now
    for (const Rect* r : {&s.controls().next, &s.controls().back, &s.controls().answer, &s.controls().check})
        EXPECT_TRUE(panel.contains(r->min) && panel.contains(r->max));

    // Step 1: how many weights? A wrong count first, then the right one.
    s.tap(s.controls().answer);
    s.type("26");
    s.tap(s.controls().check);
    EXPECT_TRUE(s.window.lesson.last_answer().answered);
    EXPECT_FALSE(s.window.lesson.last_answer().correct);
    s.tap(s.controls().answer);
    s.backspace(2);
    s.type("20");

    s.tap(s.controls().check);
    EXPECT_TRUE(s.window.lesson.last_answer().correct) << s.window.lesson.last_answer().feedback;

    s.tap(s.controls().next);
    EXPECT_EQ(s.window.lesson.step(), 1);
    EXPECT_EQ(s.window.lesson_panel.answer[0], '\0');  // a new step, an empty answer
    s.tap(s.controls().back);
    EXPECT_EQ(s.window.lesson.step(), 0);
}

// A wrong first answer keeps the field for a second try, shows the hint, and offers Show answer,
// which shows the answer and is recorded as such.
TEST(LessonPanel, AWrongFirstAnswerLeavesASecondTryAndShowAnswerRevealsIt) {
    Student s(ImVec2(1366, 768));
    EXPECT_FALSE(shown(s.controls().show_answer)) << "nothing to show before a first answer";
    s.tap(s.controls().answer);
    s.type("26");  // the weights and the biases, not the weights alone
    s.tap(s.controls().check);
    EXPECT_FALSE(s.window.lesson.revealed());
    EXPECT_STREQ(s.window.lesson_panel.answer, "26") << "the answer stays in the field for the second try";
    EXPECT_FALSE(s.window.lesson.hint(s.lab).empty()) << "the step's hint is shown";
    const Rect show = s.controls().show_answer;
    ASSERT_TRUE(shown(show));
    EXPECT_TRUE(s.window.layout.lesson.contains(show.min) && s.window.layout.lesson.contains(show.max));
    s.tap(show);
    EXPECT_TRUE(s.window.lesson.revealed());
    EXPECT_NE(s.window.lesson.last_answer().feedback.find("20"), std::string::npos) << s.window.lesson.last_answer().feedback;
    EXPECT_FALSE(shown(s.controls().show_answer)) << "the answer is in sight";
    const QuestionRecord& r = s.window.lesson.record(0);
    EXPECT_EQ(r.first_try, std::optional<bool>(false));
    EXPECT_FALSE(r.second_try.has_value());
    EXPECT_TRUE(r.revealed);
}

TEST(LessonPanel, AChoiceIsAButtonAndHideAndTheLessonsButtonKeepTheStep) {
    Student s(ImVec2(1366, 768));
    const BuiltinLesson* b = find_builtin_lesson("chain-rule");
    ASSERT_EQ(s.window.lesson.open(s.lab, b->text, b->name, 4), "");  // "Will w¹₁₁ go up or down?"
    s.frame();
    s.frame();
    ASSERT_EQ(s.controls().choices.size(), 2u);
    const std::string right = s.window.lesson.answer(s.lab, "up").correct ? "up" : "down";
    s.tap(s.controls().choices[right == "up" ? 0 : 1]);
    EXPECT_TRUE(s.window.lesson.last_answer().correct) << s.window.lesson.last_answer().feedback;

    s.tap(s.controls().hide);
    EXPECT_FALSE(s.window.lesson.shown);
    EXPECT_FALSE(shown(s.window.layout.lesson));
    EXPECT_TRUE(shown(s.window.layout.controls));  // the controls are back in their column
    EXPECT_TRUE(s.window.lesson.is_open());
    EXPECT_EQ(s.window.lesson.step(), 4);
}

TEST(LessonPanel, OnAPhoneTheLessonIsAViewAndShowMeGoesToWhatItPointsAt) {
    Student s(ImVec2(390, 844));
    EXPECT_EQ(s.window.layout.mode, LayoutMode::Phone);
    EXPECT_EQ(s.window.view.main, MainView::Lesson);
    ASSERT_TRUE(shown(s.window.layout.lesson));
    // Step 1 is about the network: it shows over the lesson, whose question keeps its keypad.
    EXPECT_TRUE(shown(s.window.layout.network));
    EXPECT_LT(s.window.layout.network.max.y, s.window.layout.lesson.min.y);
    EXPECT_TRUE(s.window.layout.lesson.contains(s.controls().question.max));
    s.tap(s.controls().show_me);  // step 1 points at the network and the Matrices tab
    EXPECT_TRUE(shown(s.window.layout.network));
    EXPECT_FALSE(shown(s.window.layout.lesson));
    const Rect bar = s.window.layout.tab_bar;
    s.tap({bar.min, {bar.min.x + bar.width() / 5.0f, bar.max.y}});  // the first of its five buttons: the lesson again
    EXPECT_TRUE(shown(s.window.layout.lesson)) << "the tab bar's first button is the lesson";
}

TEST(LessonPanel, TheChainRulesResultsWaitForThePrediction) {
    Student s(ImVec2(1366, 768));
    const BuiltinLesson* b = find_builtin_lesson("chain-rule");
    ASSERT_EQ(s.window.lesson.open(s.lab, b->text, b->name, 3), "");  // "Add the two path products"
    s.frame();
    EXPECT_TRUE(s.window.inspector.hold_results);  // Σ and backprop would give the answer away
    s.window.lesson.answer(s.lab, "0");
    s.frame();
    EXPECT_TRUE(s.window.inspector.hold_results);  // wrong, with a second try left: still held
    s.window.lesson.answer(s.lab, "0");
    s.frame();
    EXPECT_FALSE(s.window.inspector.hold_results);  // the answer is shown, right or wrong: now compare
    ASSERT_EQ(s.window.lesson.open(s.lab, b->text, b->name, 0), "");  // "How many weights?" gives nothing away there
    s.frame();
    EXPECT_FALSE(s.window.inspector.hold_results);
}

TEST(LessonEditor, ChecksTheDraftAsItIsTypedAndOpensItAtThePreviewedStep) {
    Student s(ImVec2(1366, 768));
    LessonEditor& e = s.window.lessons_menu.editor;
    e.open = true;
    e.text = "lesson: Mine\nstep: One\nText.\nstep: Two\nset: select = w5_11\n";
    for (int k = 0; k < 40; ++k) s.frame();  // the check waits for a pause in typing
    EXPECT_FALSE(e.ok);
    EXPECT_NE(e.status.find("line 5"), std::string::npos) << e.status;
    e.text = "lesson: Mine\nstep: One\nText.\nstep: Two\nset: select = w2_11\nSecond.\n";
    for (int k = 0; k < 40; ++k) s.frame();
    EXPECT_TRUE(e.ok) << e.status;
    ASSERT_EQ(e.preview.steps.size(), 2u);
    EXPECT_EQ(e.preview.steps[1].paragraphs[0], "Second.");
}

// A step that names two parameters shows the loss view's Landscape tab with them, on a laptop at
// once and on a phone through Show me.
TEST(LessonPanel, AStepShowsTheLandscapeOfTheTwoParametersItNames) {
    const char* text =
        "lesson: Downhill\n"
        "step: The surface\n"
        "set: landscape = w2_11 b2_1\n"
        "point: panel landscape\n"
        "The loss over two parameters.\n";
    Student laptop(ImVec2(1440, 900), text);
    EXPECT_TRUE(laptop.window.view.landscape);
    EXPECT_EQ(laptop.window.landscape.a, (ParameterRef{2, 0, 0, false}));
    EXPECT_EQ(laptop.window.landscape.b, (ParameterRef{2, 0, 0, true}));
    for (int k = 0; k < 20 && laptop.window.landscape.shown.n == 0; ++k) laptop.frame();
    EXPECT_GT(laptop.window.landscape.shown.n, 0) << "the tab is drawn, so its grid is computed";

    Student phone(ImVec2(390, 844), text);
    EXPECT_EQ(phone.window.view.main, MainView::Lesson);
    phone.tap(phone.controls().show_me);
    EXPECT_EQ(phone.window.view.main, MainView::Loss);
    EXPECT_TRUE(phone.window.view.landscape);
    EXPECT_TRUE(shown(phone.window.layout.loss));
}
