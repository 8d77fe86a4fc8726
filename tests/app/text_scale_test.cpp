// The text scale: a 4K screen opens with capitals large enough to read across a room, the user's or a
// script's choice wins over the screen's default, and presenter mode raises small text.
#include <gtest/gtest.h>

#include <imgui.h>

#include "app/layout/view_settings.h"
#include "app/ui/fonts.h"
#include "headless_imgui.h"

using namespace bp;

namespace {

// The height of a capital H in CSS pixels, in the lab's font at `scale`.
float capital_height(float scale) {
    load_lab_font(kBodyTextPx * scale, 1.0f);
    const ImFontGlyph* h = ImGui::GetIO().Fonts->Fonts[0]->FindGlyph('H');
    return h ? h->Y1 - h->Y0 : 0.0f;
}

}  // namespace

TEST(TextScale, CapitalsAreAtLeastSixThousandthsOfTheScreensHeight) {
    test_util::HeadlessImGui imgui({800, 600});
    for (Vec2 screen : {Vec2{1366, 768}, Vec2{1920, 1080}, Vec2{2560, 1440}, Vec2{3840, 2160}}) {
        ViewSettings view;
        follow_screen(view, screen);
        EXPECT_GE(capital_height(view.text_scale), 0.006f * screen.y) << screen.x << "x" << screen.y;
    }
    // Where 100 % is large enough, the text stays as it always was.
    ViewSettings laptop;
    follow_screen(laptop, {1920, 1080});
    EXPECT_EQ(laptop.text_scale, 1.0f);
    // 4K at 100 % zoom: 11 px capitals on a 2160 px high screen were too small.
    EXPECT_LT(capital_height(1.0f), 0.006f * 2160.0f);
}

TEST(TextScale, AChosenScaleWinsOverTheScreensDefault) {
    ViewSettings view;
    follow_screen(view, {3840, 2160});
    EXPECT_GT(view.text_scale, 1.0f);
    choose_text_scale(view, 1.0f);
    follow_screen(view, {3840, 2160});
    EXPECT_EQ(view.text_scale, 1.0f) << "the user's 100 % stays on a 4K screen";
    ViewSettings moved;
    follow_screen(moved, {3840, 2160});
    follow_screen(moved, {1366, 768});
    EXPECT_EQ(moved.text_scale, 1.0f) << "unchosen, the text follows the window to a smaller screen";
}

TEST(TextScale, PresenterModeRaisesSmallTextAndLeavesLargerText) {
    ViewSettings view;
    set_presenter_mode(view, true);
    EXPECT_TRUE(view.presenter);
    EXPECT_EQ(view.text_scale, 1.25f);
    set_presenter_mode(view, false);
    EXPECT_EQ(view.text_scale, 1.25f) << "the raised text stays, as a size picked in the menu would";
    follow_screen(view, {1920, 1080});
    EXPECT_EQ(view.text_scale, 1.25f);
    ViewSettings large;
    choose_text_scale(large, 2.0f);
    set_presenter_mode(large, true);
    EXPECT_EQ(large.text_scale, 2.0f);
}
