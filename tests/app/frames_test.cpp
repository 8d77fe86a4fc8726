// Runs the whole UI headless (ImGui without a renderer): frames draw without error while training,
// the font has the lab's math glyphs, and a click on Play starts training.
#include <gtest/gtest.h>

#include <imgui.h>
#include <imgui_internal.h>

#include <algorithm>
#include <ctime>
#include <cstdio>
#include <cstdlib>
#include <string>

#include "app/ui/lab_window.h"
#include "headless_imgui.h"

using namespace bp;

namespace {
using test_util::HeadlessImGui;
using test_util::kNoMouse;

struct Headless {
    // A frame of `window`, as the platform draws it: the lab trains its share, then every view draws.
    void frame(LabWindow& window, ImVec2 mouse = kNoMouse, bool down = false) {
        HeadlessImGui::input(mouse, down);
        window.lab.advance(1.0 / 60.0);
        HeadlessImGui::frame([&] { draw_lab_window(window); });
    }
    HeadlessImGui imgui{ImVec2(1440, 900), 2.0f};
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
    Platform headless;  // no files, no GPU: the data view draws the output on the CPU
    LabWindow window(lab, headless);
    lab.play(true);
    for (int k = 0; k < 120; ++k) ui.frame(window);
    EXPECT_GT(lab.trainer().step_count(), 0);
    EXPECT_GT(ImGui::GetDrawData()->TotalVtxCount, 2000);  // network, data, plot and controls drew
}

TEST(Frames, ClickingPlayStartsAndStopsTraining) {
    Headless ui;
    Lab lab;
    Platform headless;  // no files, no GPU: the data view draws the output on the CPU
    LabWindow window(lab, headless);
    ui.frame(window);
    ui.frame(window);
    // Aim where the window reports the top bar drew Play, as a script aims through lab.layout().
    const Rect button = window.geometry().play_button;
    ASSERT_GT(button.width(), 10.0f);
    ASSERT_GT(button.height(), 10.0f);
    const ImVec2 play((button.min.x + button.max.x) / 2, (button.min.y + button.max.y) / 2);
    const auto click = [&] {
        ui.frame(window, play, false);
        ui.frame(window, play, true);
        ui.frame(window, play, false);
    };
    ASSERT_FALSE(lab.playing());
    click();
    EXPECT_TRUE(lab.playing());
    for (int k = 0; k < 10; ++k) ui.frame(window, play, false);
    EXPECT_GT(lab.trainer().step_count(), 0);
    click();  // the same button, now Pause
    EXPECT_FALSE(lab.playing());
    const int64_t steps = lab.trainer().step_count();
    for (int k = 0; k < 10; ++k) ui.frame(window, play, false);
    EXPECT_EQ(lab.trainer().step_count(), steps);
}

TEST(Frames, UndoDuringADragLetsTheDataViewLetGoOfThePoint) {
    Headless ui;
    Lab lab;
    Platform headless;
    LabWindow window(lab, headless);
    ui.frame(window);
    ui.frame(window);
    const PlaneView& plane = window.data.plane;
    ASSERT_GT(plane.max.x - plane.min.x, 50.0f);
    const Point start = lab.trainer().points()[3];
    const ImVec2 at = plane.to_screen(start.x1, start.x2);
    ui.frame(window, at, false);
    ui.frame(window, at, true);  // press on point 3
    ui.frame(window, ImVec2(at.x + 20, at.y + 20), true);
    ui.frame(window, ImVec2(at.x + 40, at.y + 40), true);  // dragging
    ASSERT_TRUE(window.data.dragging_point);
    ASSERT_NE(lab.trainer().points()[3].x1, start.x1);
    ASSERT_TRUE(lab.undo());  // Ctrl+Z in the middle of the drag
    ui.frame(window, ImVec2(at.x + 60, at.y + 60), true);  // the pointer moves on, still pressed
    EXPECT_FALSE(window.data.dragging_point);
    EXPECT_EQ(lab.trainer().points()[3].x1, start.x1);  // the restored point stays put
    EXPECT_EQ(lab.trainer().points()[3].x2, start.x2);
}

namespace {
// This thread's CPU time in ms: unlike the wall clock, it does not count time the machine gave to
// other programs, so the comparison below holds on a busy machine.
double thread_cpu_ms() {
    timespec t{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
    return t.tv_sec * 1e3 + t.tv_nsec * 1e-6;
}

// The slowest frame (training and drawing, the app's CPU time) among `frames` frames of Play at full
// speed, after a few frames to warm up.
double slowest_frame_ms(Lab& lab, int frames) {
    Headless ui;
    Platform headless;
    LabWindow window(lab, headless);
    lab.set_speed(Lab::kMaxSpeed);
    lab.play(true);
    double slowest = 0.0;
    for (int k = 0; k < frames + 5; ++k) {
        const double start = thread_cpu_ms();
        ui.frame(window);
        const double ms = thread_cpu_ms() - start;
        if (k >= 5) slowest = std::max(slowest, ms);
        if (std::getenv("BP_FRAME_LOG")) std::printf("%.1f ", ms);
    }
    return slowest;
}
}  // namespace

// The largest network the lab allows, with its largest batch and data, and the inspector on w¹₁₁
// (16⁵ paths): Play keeps every frame within a small multiple of the default network's.
TEST(Frames, TheLargestNetworkPlaysWithoutStallingAFrame) {
    Lab small;
    const double default_ms = slowest_frame_ms(small, 60);
    Lab large;
    ASSERT_EQ(large.configure(largest_settings()), "");
    ASSERT_EQ(large.select({1, 0, 0, false}), "");
    const double large_ms = slowest_frame_ms(large, 60);
    EXPECT_GT(large.trainer().step_count(), 0);
    std::printf("slowest frame: default network %.1f ms, largest %.1f ms\n", default_ms, large_ms);
#if defined(__SANITIZE_ADDRESS__)
    // AddressSanitizer slows the full-set numbers far more than the budgeted training slice, so the
    // ratio says nothing about the page there; the optimised build checks it.
    GTEST_SKIP() << "frame times are not comparable under AddressSanitizer";
#else
    EXPECT_LT(large_ms, 4.0 * default_ms + 10.0);
#endif
}

// A phone's first open, with fingertip-sized controls: the bar's buttons on screen, the "New here?" banner sits over the views
// where the network keeps the height its header and neurons ask for (so the four inputs' labels do
// not overlap) and the plane keeps its least size; on a shorter phone the Learn button offers the
// lesson instead. Either way the data view is as high as its toolbar, plane and legend, with no empty
// band under them, and its toolbar keeps two rows.
TEST(Frames, APhonesFirstOpenKeepsTheInputsApartAndTheDataViewFilled) {
    for (ImVec2 size : {ImVec2(390, 844), ImVec2(430, 932), ImVec2(375, 667), ImVec2(360, 640)}) {
        HeadlessImGui imgui(size, 3.0f);
        apply_lab_style(1.0f, true);
        Lab lab;
        Platform headless;
        LabWindow window(lab, headless);
        ASSERT_TRUE(window.start_hint);
        for (int k = 0; k < 3; ++k) {
            HeadlessImGui::input(kNoMouse, false);
            HeadlessImGui::frame([&] { draw_lab_window(window); });
        }
        ASSERT_EQ(window.layout.mode, LayoutMode::Phone) << size.x;
        const bool tall = size.y >= 800.0f;
        EXPECT_EQ(window.hint_on_learn, !tall) << size.x << "x" << size.y << ": the banner shows where the views keep their sizes";
        const ImGuiWindow* whole = ImGui::FindWindowByName("Backprop Lab");
        ASSERT_NE(whole, nullptr);
        EXPECT_LE(whole->ContentSize.x, size.x) << size.x << ": nothing runs off the right edge (the bar's five buttons)";
        const ImGuiStyle& style = ImGui::GetStyle();
        const float font = ImGui::GetFontSize(), line = ImGui::GetTextLineHeight();
        const std::vector<Vec2>& inputs = window.network.layout.nodes[0];
        ASSERT_EQ(inputs.size(), 4u);
        for (size_t i = 1; i < inputs.size(); ++i)
            EXPECT_GE(inputs[i].y - inputs[i - 1].y, line) << size.x << ": the labels x\u2081, x\u2082, x\u2081\u00b2, x\u2082\u00b2 overlap";
        const Rect data = window.layout.data;
        const Rect plane{window.data.plane.view.min, window.data.plane.view.max};
        EXPECT_LE(data.max.y - plane.max.y, 1.8f * font + style.WindowPadding.y + 2.0f) << size.x << ": no empty band under the legend";
        EXPECT_GE(plane.width(), 120.0f) << size.x;
        EXPECT_GE(window.data.plane.view.min.y - data.min.y, 2.0f * ImGui::GetFrameHeight()) << size.x << ": the toolbar keeps two rows";
        EXPECT_LE(window.data.plane.view.min.y - data.min.y, 2.0f * ImGui::GetFrameHeightWithSpacing() + style.WindowPadding.y + 1.0f)
            << size.x << ": the toolbar keeps two rows";
        apply_lab_style(1.0f, false);
    }
}

namespace {
bool same_rect(const Rect& a, const Rect& b) {
    return a.min.x == b.min.x && a.min.y == b.min.y && a.max.x == b.max.x && a.max.y == b.max.y;
}
}  // namespace

// The first frame is laid out as every frame after it, so a script that reads lab.layout() as soon
// as the lab is ready aims a tap where the user sees the views: on a tablet the first-open hint lies
// over the loss plot rather than in a banner that a wide screen would show, and the data view's
// toolbar takes the rows of this frame's mode.
TEST(Frames, TheFirstFrameIsLaidOutAsTheNext) {
    struct Screen {
        ImVec2 size;
        float ratio;
        bool touch;
    };
    for (const Screen& s : {Screen{ImVec2(820, 1180), 2.0f, true}, Screen{ImVec2(390, 844), 3.0f, true},
                            Screen{ImVec2(1024, 700), 1.0f, false}, Screen{ImVec2(1440, 900), 1.0f, false}}) {
        HeadlessImGui imgui(s.size, s.ratio);
        apply_lab_style(1.0f, s.touch);
        Lab lab;
        Platform headless;
        LabWindow window(lab, headless);
        HeadlessImGui::input(kNoMouse, false);
        HeadlessImGui::frame([&] { draw_lab_window(window); });
        const ScreenGeometry first = window.geometry();
        for (int k = 0; k < 3; ++k) {
            HeadlessImGui::input(kNoMouse, false);
            HeadlessImGui::frame([&] { draw_lab_window(window); });
        }
        const ScreenGeometry later = window.geometry();
        const std::string at = std::to_string(int(s.size.x)) + "x" + std::to_string(int(s.size.y));
        EXPECT_EQ(first.views.mode, later.views.mode) << at;
        EXPECT_TRUE(same_rect(first.data_plane, later.data_plane))
            << at << ": the plane moved from (" << first.data_plane.min.x << ", " << first.data_plane.min.y << ") "
            << first.data_plane.width() << " wide to (" << later.data_plane.min.x << ", " << later.data_plane.min.y << ") "
            << later.data_plane.width() << " wide";
        for (auto view : {&ScreenLayout::network, &ScreenLayout::data, &ScreenLayout::loss, &ScreenLayout::controls,
                          &ScreenLayout::inspector, &ScreenLayout::top_bar, &ScreenLayout::tab_bar})
            EXPECT_TRUE(same_rect(first.views.*view, later.views.*view)) << at;
        ASSERT_EQ(first.network.nodes.size(), later.network.nodes.size()) << at;
        for (size_t l = 0; l < first.network.nodes.size(); ++l)
            for (size_t j = 0; j < first.network.nodes[l].size(); ++j) {
                EXPECT_EQ(first.network.nodes[l][j].x, later.network.nodes[l][j].x) << at << " node " << l << "," << j;
                EXPECT_EQ(first.network.nodes[l][j].y, later.network.nodes[l][j].y) << at << " node " << l << "," << j;
            }
        apply_lab_style(1.0f, false);
    }
}
