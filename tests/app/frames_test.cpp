// Runs the whole UI headless (ImGui without a renderer): frames draw without error while training,
// the font has the lab's math glyphs, and a click on Play starts training.
#include <gtest/gtest.h>

#include <imgui.h>
#include <imgui_internal.h>

#include "app/fonts.h"
#include "app/ui.h"

using namespace bp;

namespace {
struct Headless {
    Headless() {
        ImGui::CreateContext();
        ImGuiIO& io = ImGui::GetIO();
        io.IniFilename = nullptr;
        io.DisplaySize = ImVec2(1440, 900);
        io.DeltaTime = 1.0f / 60.0f;
        apply_lab_style(1.0f);
        load_lab_font(18.0f, 2.0f);
        unsigned char* pixels;
        int w, h;
        io.Fonts->GetTexDataAsRGBA32(&pixels, &w, &h);
    }
    ~Headless() { ImGui::DestroyContext(); }
    void frame(Lab& lab, ImVec2 mouse = ImVec2(-FLT_MAX, -FLT_MAX), bool down = false) {
        ImGuiIO& io = ImGui::GetIO();
        io.MousePos = mouse;
        io.MouseDown[0] = down;
        lab.advance(1.0 / 60.0);
        ImGui::NewFrame();
        draw_lab_window(lab);
        ImGui::Render();
    }
};
}  // namespace

TEST(Frames, FontHasTheMathGlyphs) {
    Headless ui;
    ImFont* font = ImGui::GetIO().Fonts->Fonts[0];
    for (ImWchar c : {0x2202, 0x03B1, 0x03A3, 0x0177, 0x03B4, 0x00B9, 0x2081, 0x2082, 0x00B2, 0x2212, 0x2192})
        EXPECT_NE(font->FindGlyphNoFallback(c), nullptr) << "missing glyph U+" << std::hex << c;
}

TEST(Frames, TrainingWhilePlayingDrawsEveryPanel) {
    Headless ui;
    Lab lab;
    lab.play(true);
    for (int k = 0; k < 120; ++k) ui.frame(lab);
    EXPECT_GT(lab.trainer().step_count(), 0);
    EXPECT_GT(ImGui::GetDrawData()->TotalVtxCount, 2000);  // network, data, plot and controls drew
}

TEST(Frames, ClickingPlayStartsAndStopsTraining) {
    Headless ui;
    Lab lab;
    ui.frame(lab);
    ui.frame(lab);
    // The Play button is the first item of the controls panel; find it by its rectangle.
    ImGuiWindow* controls = nullptr;
    for (ImGuiWindow* w : ImGui::GetCurrentContext()->Windows)
        if (std::string(w->Name).find("controls") != std::string::npos) controls = w;
    ASSERT_NE(controls, nullptr);
    const ImVec2 play(controls->ContentRegionRect.Min.x + 20, controls->ContentRegionRect.Min.y + 12);
    ui.frame(lab, play, false);
    ui.frame(lab, play, true);
    ui.frame(lab, play, false);
    EXPECT_TRUE(lab.playing());
    for (int k = 0; k < 10; ++k) ui.frame(lab, play, false);
    EXPECT_GT(lab.trainer().step_count(), 0);
}
