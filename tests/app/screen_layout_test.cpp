// The screen layout over a sweep of canvas sizes, text scales, presenter mode and phone views:
// every view inside the canvas, none overlapping another, none under its minimum size, the network
// drawn left to right. Pure geometry: no window, no GL.
#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "app/layout/network_layout.h"
#include "app/layout/screen_layout.h"

using namespace bp;

namespace {

struct Named {
    const char* name;
    Rect rect;
    MinimumSize min;
};

std::vector<Named> views(const ScreenLayout& s) {
    std::vector<Named> all = {{"network", s.network, kMinNetwork}, {"data", s.data, kMinData},
                              {"loss", s.loss, kMinLoss},          {"inspector", s.inspector, kMinInspector},
                              {"controls", s.controls, kMinControls}, {"lesson", s.lesson, kMinLesson}};
    std::vector<Named> out;
    for (const Named& v : all)
        if (shown(v.rect)) out.push_back(v);
    return out;
}

bool overlap(const Rect& a, const Rect& b) {
    return a.min.x < b.max.x && b.min.x < a.max.x && a.min.y < b.max.y && b.min.y < a.max.y;
}

ScreenRequest request(float w, float h, float scale, bool presenter, MainView main) {
    ScreenRequest r;
    r.display = {w, h};
    r.font = 18.0f * scale;
    r.top_bar = r.font * 2.2f;  // as the window measures its one-row bar
    r.bar_row = r.top_bar;
    r.data_chrome = r.font * 5.0f;  // two rows of toolbar and the legend
    r.data_min_side = r.font * 12.5f;
    r.network_min_width = r.font * 14.0f;
    r.network_min_height = r.font * 10.5f + 16.0f;  // as the window asks on a phone: one header line, labels, neurons
    r.panel_min_width = r.font * 14.5f;
    r.tab_bar = std::max(52.0f, r.font + 24.0f);
    r.presenter = presenter;
    r.main = main;
    return r;
}

std::string where(const ScreenRequest& r) {
    return std::to_string(int(r.display.x)) + "x" + std::to_string(int(r.display.y)) + " font " +
           std::to_string(r.font) + (r.presenter ? " presenter" : "") + (r.lesson ? " lesson" : "") + " view " + std::to_string(int(r.main));
}

}  // namespace

TEST(ScreenLayout, ModesFollowTheCanvas) {
    auto mode = [](float w, float h, float scale = 1.0f) { return lay_out_screen(request(w, h, scale, false, MainView::Network)).mode; };
    EXPECT_EQ(mode(390, 844), LayoutMode::Phone);
    EXPECT_EQ(mode(844, 390), LayoutMode::Phone);
    EXPECT_EQ(mode(820, 1180), LayoutMode::Compact);
    EXPECT_EQ(mode(1280 / 1.5f, 720 / 1.5f), LayoutMode::Phone);  // a 720p projector at 150 %: one view at a time
    EXPECT_EQ(mode(1024, 700), LayoutMode::Compact);
    EXPECT_EQ(mode(1366, 768), LayoutMode::Wide);
    EXPECT_EQ(mode(1920, 1080), LayoutMode::Wide);
    EXPECT_EQ(mode(3840, 2160), LayoutMode::Wide);
    // Larger text needs more room: a laptop at 150 % text is laid out like a tablet, at 200 % like a phone.
    EXPECT_EQ(mode(1366, 768, 1.5f), LayoutMode::Compact);
    EXPECT_EQ(mode(1366, 768, 2.0f), LayoutMode::Phone);
    // A long notice under the top bar takes room too: a small laptop's canvas then becomes a phone's.
    ScreenRequest noticed = request(1024, 700, 1.0f, false, MainView::Network);
    noticed.top_bar += 150.0f;
    EXPECT_EQ(layout_mode(noticed), LayoutMode::Phone);
    EXPECT_TRUE(layout_keeps_minimums({360, 640}));
    EXPECT_TRUE(layout_keeps_minimums({640, 360}));
    EXPECT_FALSE(layout_keeps_minimums({360, 500}));
}

TEST(ScreenLayout, EveryViewFitsItsMinimumWithoutOverlapAtEverySize) {
    const MainView mains[] = {MainView::Network, MainView::Loss, MainView::Inspector, MainView::Controls, MainView::Lesson};
    int layouts = 0;
    for (float w = 360; w <= 3840; w = w < 1000 ? w + 37 : w * 1.19f)
        for (float h = 360; h <= 2160; h = h < 1000 ? h + 41 : h * 1.23f)
            if (layout_keeps_minimums({w, h}))
            for (float scale : {1.0f, 1.25f, 1.5f, 2.0f})
                for (bool presenter : {false, true})
                    for (MainView main : mains)
                    for (int lesson = 0; lesson < 4; ++lesson)  // none; as the mode gives it; a step's room asked
                    for (float notice : {0.0f, 90.0f}) {  // a notice under the top bar, or none
                        ScreenRequest r = request(w, h, scale, presenter, main);
                        r.top_bar += notice;
                        r.lesson = lesson > 0;
                        if (lesson >= 2) {  // a long step about the network; a short one about the controls
                            r.lesson_height = lesson == 2 ? 2000.0f : 420.0f;
                            r.lesson_least = lesson == 2 ? 380.0f : 300.0f;
                            r.lesson_panel = lesson == 3;
                            r.lesson_network = true;
                        }
                        const ScreenLayout s = lay_out_screen(r);
                        const std::vector<Named> shown_views = views(s);
                        ++layouts;
                        // The phone shows one view (the network with its data); the others show the
                        // network, the data and the loss at least.
                        if (s.mode != LayoutMode::Phone || main == MainView::Network) {
                            EXPECT_TRUE(shown(s.network)) << where(r);
                            EXPECT_TRUE(shown(s.data)) << where(r);
                        }
                        if (s.mode != LayoutMode::Phone) {
                            EXPECT_TRUE(shown(s.loss)) << where(r);
                        }
                        if (presenter) {
                            EXPECT_FALSE(shown(s.controls)) << where(r);
                        }
                        // An open lesson is on screen beside the network everywhere but on a phone,
                        // which shows it as its own view.
                        if (lesson && (s.mode != LayoutMode::Phone || main == MainView::Lesson)) {
                            EXPECT_TRUE(shown(s.lesson)) << where(r);
                        }
                        if (!lesson) {
                            EXPECT_FALSE(shown(s.lesson)) << where(r);
                        }
                        for (size_t a = 0; a < shown_views.size(); ++a) {
                            const Named& v = shown_views[a];
                            EXPECT_GE(v.rect.min.x, 0.0f) << v.name << " " << where(r);
                            EXPECT_GE(v.rect.min.y, s.top_bar.max.y) << v.name << " " << where(r);
                            EXPECT_LE(v.rect.max.x, w) << v.name << " " << where(r);
                            EXPECT_LE(v.rect.max.y, h) << v.name << " " << where(r);
                            EXPECT_FALSE(overlap(v.rect, s.tab_bar)) << v.name << " and the tab bar " << where(r);
                            EXPECT_FALSE(overlap(v.rect, s.top_bar)) << v.name << " and the top bar " << where(r);
                            if (notice == 0.0f) {  // a notice may leave less room until it is dismissed
                                EXPECT_GE(v.rect.width() + 0.01f, v.min.width) << v.name << " " << where(r);
                                EXPECT_GE(v.rect.height() + 0.01f, v.min.height) << v.name << " " << where(r);
                            }
                            for (size_t b = a + 1; b < shown_views.size(); ++b)
                                EXPECT_FALSE(overlap(v.rect, shown_views[b].rect))
                                    << v.name << " and " << shown_views[b].name << " " << where(r);
                        }
                        if (::testing::Test::HasFailure()) return;  // one size's report is enough
                    }
    EXPECT_GT(layouts, 12000);
}

// A lesson step's text, question and keypad in view together on the phones and tablets students
// use: the panel is as high as the step asks for where the canvas has it, and a step about the
// network shows the network with it on an upright phone where the question still fits.
TEST(ScreenLayout, ALessonGetsTheRoomItsStepAsksFor) {
    struct Case {
        Vec2 size;
        float wanted;
        bool panel;
    };
    for (const Case& c : {Case{{390, 844}, 600, false}, Case{{820, 1180}, 620, false}, Case{{820, 1180}, 420, true},
                          Case{{1180, 820}, 520, true}, Case{{853, 480}, 360, false}, Case{{1440, 900}, 600, true},
                          Case{{1920, 1080}, 700, true}}) {
        ScreenRequest r = request(c.size.x, c.size.y, 1.0f, false, MainView::Lesson);
        r.lesson = true;
        r.lesson_height = c.wanted;
        r.lesson_least = 300.0f;
        r.lesson_panel = c.panel;
        for (bool landscape : {false, true}) {
            r.landscape = landscape;
            const ScreenLayout s = lay_out_screen(r);
            const std::string at = std::to_string(int(c.size.x)) + "x" + std::to_string(int(c.size.y)) + (landscape ? " landscape" : "");
            // Beside the landscape on a wide screen the lesson keeps at least its least height.
            EXPECT_GE(s.lesson.height() + 0.5f, landscape && s.mode == LayoutMode::Wide ? r.lesson_least : c.wanted) << at;
            if (s.mode != LayoutMode::Phone) {
                EXPECT_TRUE(shown(s.loss)) << at;
            }
        }
    }
    // Upright phone, a step about the network: the network over the lesson, the lesson at least its least.
    ScreenRequest r = request(390, 844, 1.0f, false, MainView::Lesson);
    r.lesson = true;
    r.lesson_height = 900.0f;
    r.lesson_least = 420.0f;
    r.lesson_network = true;
    const ScreenLayout s = lay_out_screen(r);
    EXPECT_TRUE(shown(s.network));
    EXPECT_GE(s.network.height() + 0.5f, r.network_min_height);
    EXPECT_GE(s.lesson.height() + 0.5f, r.lesson_least);
    EXPECT_LT(s.network.max.y, s.lesson.min.y);
    r.lesson_network = false;  // a step about something else keeps the whole screen for the lesson
    EXPECT_FALSE(shown(lay_out_screen(r).network));
}

TEST(ScreenLayout, TheDataViewHoldsASquarePlaneAndItsToolbar) {
    for (Vec2 size : {Vec2{390, 844}, Vec2{844, 390}, Vec2{820, 1180}, Vec2{853, 480}, Vec2{1366, 768}, Vec2{3840, 2160}}) {
        const ScreenRequest r = request(size.x, size.y, 1.0f, false, MainView::Network);
        const ScreenLayout s = lay_out_screen(r);
        if (s.mode == LayoutMode::Phone && size.y > size.x) {
            // Upright on a phone, the view spans the width (its toolbar in two rows) over a plane
            // as high as the height left to it, never wider than the view.
            EXPECT_NEAR(s.data.width(), size.x - 16.0f, 0.5f) << size.x << "x" << size.y;
            EXPECT_LE(s.data.height() - r.data_chrome, s.data.width() + 0.5f) << size.x << "x" << size.y;
            EXPECT_GE(s.data.height() - r.data_chrome, 144.0f) << size.x << "x" << size.y;
        } else {
            EXPECT_NEAR(s.data.width() + r.data_chrome, s.data.height(), 0.5f) << size.x << "x" << size.y;
        }
    }
}

TEST(ScreenLayout, PresenterModeEnlargesTheNetworkAndTheData) {
    for (Vec2 size : {Vec2{1024, 700}, Vec2{1280, 720}, Vec2{1920, 1080}, Vec2{820, 1180}}) {
        const ScreenLayout normal = lay_out_screen(request(size.x, size.y, 1.0f, false, MainView::Network));
        const ScreenLayout presenting = lay_out_screen(request(size.x, size.y, 1.0f, true, MainView::Network));
        EXPECT_GT(presenting.network.width() * presenting.network.height(), normal.network.width() * normal.network.height())
            << size.x << "x" << size.y;
        EXPECT_GE(presenting.data.width(), normal.data.width()) << size.x << "x" << size.y;
    }
}

TEST(ScreenLayout, ACanvasTooSmallStillGetsNoNegativeOrMirroredGeometry) {
    for (float w : {0.0f, 40.0f, 120.0f, 200.0f})
        for (float h : {0.0f, 50.0f, 150.0f, 300.0f})
            for (MainView main : {MainView::Network, MainView::Loss, MainView::Inspector, MainView::Controls}) {
                const ScreenLayout s = lay_out_screen(request(w, h, 1.0f, false, main));
                for (const Rect& r : {s.network, s.data, s.loss, s.inspector, s.controls, s.tab_bar}) {
                    EXPECT_GE(r.width(), 0.0f);
                    EXPECT_GE(r.height(), 0.0f);
                }
                if (!shown(s.network)) continue;
                const NetworkLayout n = layout_network({4, 3, 2, 1}, s.network.min, s.network.max);
                for (size_t l = 1; l < n.nodes.size(); ++l) EXPECT_GE(n.nodes[l][0].x, n.nodes[l - 1][0].x);
                EXPECT_GT(n.radius, 0.0f);
            }
}

TEST(NetworkLayout, InputsStayLeftOfTheOutputInANarrowRectangle) {
    for (float w : {10.0f, 30.0f, 60.0f, 200.0f}) {
        const NetworkLayout n = layout_network({4, 8, 8, 8, 8, 8, 1}, {100, 10}, {100 + w, 300});
        for (size_t l = 1; l < n.nodes.size(); ++l) EXPECT_GT(n.nodes[l][0].x, n.nodes[l - 1][0].x) << w;
        EXPECT_GE(n.nodes.front()[0].x - n.radius, 100.0f - 0.01f) << w;
        EXPECT_LE(n.nodes.back()[0].x + n.radius, 100.0f + w + 0.01f) << w;
    }
}

TEST(ScreenLayout, APhoneGivesTheNetworkRoomForItsNumbersAndTheDataRoomForAFinger) {
    // Portrait phones, with the network's view chosen: the network over the data, neither squeezed.
    for (Vec2 size : {Vec2{360, 640}, Vec2{390, 844}, Vec2{412, 915}, Vec2{430, 932}}) {
        const ScreenRequest r = request(size.x, size.y, 1.0f, false, MainView::Network);
        const ScreenLayout s = lay_out_screen(r);
        ASSERT_EQ(s.mode, LayoutMode::Phone) << size.x << "x" << size.y;
        const float content = s.tab_bar.min.y - s.top_bar.max.y;
        EXPECT_GE(s.network.height(), std::max(0.25f * content, r.network_min_height)) << size.x << "x" << size.y;
        EXPECT_GE(s.data.width(), std::max(r.data_min_side, 0.6f * size.x)) << size.x << "x" << size.y;  // its toolbar in two rows
    }
}

// The loss landscape's tab widens the loss view's column on a large screen (its plot is square), and
// leaves a laptop's layout as it is.
TEST(ScreenLayout, TheLandscapeWidensTheLossColumnOnALargeScreen) {
    for (Vec2 size : {Vec2{1920, 1080}, Vec2{3840, 2160}}) {
        ScreenRequest r = request(size.x, size.y, 1.0f, false, MainView::Network);
        const ScreenLayout curve = lay_out_screen(r);
        r.landscape = true;
        const ScreenLayout landscape = lay_out_screen(r);
        EXPECT_GT(landscape.loss.width(), curve.loss.width() * 1.15f) << size.x;
        EXPECT_GE(std::min(landscape.loss.width(), landscape.loss.height()), 0.9f * landscape.loss.width()) << "room for a square plot";
        EXPECT_GE(landscape.network.width(), 0.4f * size.x) << "the network keeps the largest share of the width";
    }
    ScreenRequest laptop = request(1366, 768, 1.0f, false, MainView::Network);
    const float curve_w = lay_out_screen(laptop).loss.width();
    laptop.landscape = true;
    EXPECT_EQ(lay_out_screen(laptop).loss.width(), curve_w);
}

// An upright tablet with sixteen neurons a layer: the network takes the height its neurons ask for,
// and the data, the loss and the panel keep their minimums.
TEST(ScreenLayout, ATabletGivesALargeNetworkTheHeightItsNeuronsNeed) {
    ScreenRequest r = request(820, 1180, 1.0f, false, MainView::Network);
    const ScreenLayout small = lay_out_screen(r);
    ASSERT_EQ(small.mode, LayoutMode::Compact);
    r.network_min_height = r.font * (2.8f + 1.4f + 20.0f) + 60.0f;  // what the window asks for 16 neurons
    const ScreenLayout large = lay_out_screen(r);
    EXPECT_GE(large.network.height(), r.network_min_height);
    EXPECT_GT(large.network.height(), small.network.height() + 100.0f);
    EXPECT_GE(large.data.width(), kMinData.width);
    EXPECT_GE(large.loss.height(), kMinLoss.height);
    EXPECT_GE(large.controls.height(), kMinControls.height);
    EXPECT_LE(large.controls.max.y, 1180.0f);
}
