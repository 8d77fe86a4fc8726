// The More menu and the QR code over the lab, driven headless with the mouse and Escape as a user
// would: Reset to defaults asks first, Recent labs asks the platform, "Show as QR code" draws the
// link, which holds still while the lab trains until Update, and Close, Escape or a tap beside it
// closes it.
#include <gtest/gtest.h>

#include <imgui.h>
#include <imgui_internal.h>

#include <cfloat>
#include <optional>
#include <string>

#include "app/ui/qr_view.h"
#include "app/ui/share_menu.h"
#include "headless_imgui.h"

using namespace bp;

namespace {

using test_util::HeadlessImGui;
using test_util::kNoMouse;

// A platform with a page address and the page's Recent labs list, which counts how often it opened.
class PagePlatform final : public Platform {
public:
    std::string page_address() const override { return "https://lab.example.org/"; }
    bool can_open_recent_labs() const override { return true; }
    void open_recent_labs() override { ++recent_opened; }
    int recent_opened = 0;
};

struct MenuHarness {
    explicit MenuHarness(Platform& p, ImVec2 display = ImVec2(1280, 720)) : platform(p), imgui(display) {}

    // One frame: the menu inside a window filling the display, then the QR overlay over it.
    void frame(ImVec2 mouse = kNoMouse, bool down = false, bool escape = false) {
        HeadlessImGui::input(mouse, down, escape);
        HeadlessImGui::frame([&] {
            HeadlessImGui::begin_display_window();
            if (open_menu) open_more_menu();
            open_menu = false;
            draw_share_dialog(menu, lab, platform);
            ImGui::End();
            draw_qr_overlay(menu.qr, view, lab, platform);
        });
    }
    void open() {
        open_menu = true;
        frame();
        frame();
    }
    void press_escape() {
        frame(kNoMouse, false, true);
        frame();
    }
    void click(ImVec2 at) {
        frame(at);
        frame(at, true);
        frame(at, false);
        frame();
    }

    // The window named `name`, or the child window whose name starts with it (a child's name is its
    // parent's, a slash, its own and a number).
    static ImGuiWindow* window_named(const char* name) {
        for (ImGuiWindow* w : ImGui::GetCurrentContext()->Windows)
            if (std::string(w->Name).rfind(name, 0) == 0) return w;
        return nullptr;
    }
    // Where the button `label` of the window `window` is, found as the mouse finds it: by hovering.
    std::optional<ImVec2> find(const char* window, const char* label) {
        ImGuiWindow* w = window_named(window);
        if (!w || !w->Active) return std::nullopt;
        const ImGuiID id = w->GetID(label);
        const ImVec2 min = w->Pos, max(w->Pos.x + w->Size.x, w->Pos.y + w->Size.y);
        for (float y = min.y + 4; y < max.y; y += 9)
            for (float x = min.x + 4; x < max.x; x += 12) {
                frame(ImVec2(x, y));
                if (ImGui::GetCurrentContext()->HoveredId == id) return ImVec2(x, y);
            }
        return std::nullopt;
    }
    bool click_button(const char* window, const char* label) {
        const std::optional<ImVec2> at = find(window, label);
        if (at) click(*at);
        return at.has_value();
    }
    bool shown(const char* window) {
        ImGuiWindow* w = ImGui::FindWindowByName(window);
        return w && w->Active;
    }

    Platform& platform;
    Lab lab;
    ShareMenu menu;
    ViewSettings view;
    bool open_menu = false;
    HeadlessImGui imgui;
};

constexpr const char* kMenu = "More";
constexpr const char* kQuestion = "Reset to defaults?";
constexpr const char* kOverlay = "##qr_overlay";
constexpr const char* kOverlayText = "##qr_overlay/##qr_text";  // the caption, the choices and the buttons

}  // namespace

TEST(MoreMenu, ResetToDefaultsAsksFirstAndCancelKeepsTheLab) {
    Platform headless;
    MenuHarness ui(headless);
    TrainingSettings s = ui.lab.settings();
    s.learning_rate = 0.3;
    ASSERT_EQ(ui.lab.configure(s), "");
    ui.open();
    ASSERT_TRUE(ui.shown(kMenu));

    ASSERT_TRUE(ui.click_button(kMenu, "Reset to defaults\u2026"));
    ASSERT_TRUE(ui.shown(kQuestion)) << "the question appears";
    EXPECT_EQ(ui.lab.settings().learning_rate, 0.3) << "nothing is reset before the answer";
    ASSERT_TRUE(ui.click_button(kQuestion, "Cancel"));
    EXPECT_FALSE(ui.shown(kQuestion));
    EXPECT_TRUE(ui.shown(kMenu)) << "Cancel goes back to the menu";
    EXPECT_EQ(ui.lab.settings().learning_rate, 0.3);

    ASSERT_TRUE(ui.click_button(kMenu, "Reset to defaults\u2026"));
    ui.press_escape();  // Escape answers the question with Cancel, and leaves the menu open
    EXPECT_FALSE(ui.shown(kQuestion));
    EXPECT_TRUE(ui.shown(kMenu));
    EXPECT_EQ(ui.lab.settings().learning_rate, 0.3);
}

TEST(MoreMenu, ResetToDefaultsResetsAfterTheAnswerAndClosesTheMenu) {
    Platform headless;
    MenuHarness ui(headless);
    const double lesson_rate = ui.lab.settings().learning_rate;
    TrainingSettings s = ui.lab.settings();
    s.learning_rate = 0.3;
    ASSERT_EQ(ui.lab.configure(s), "");
    ui.open();
    ASSERT_TRUE(ui.click_button(kMenu, "Reset to defaults\u2026"));
    ASSERT_TRUE(ui.click_button(kQuestion, "Reset"));
    EXPECT_EQ(ui.lab.settings().learning_rate, lesson_rate);
    EXPECT_FALSE(ui.shown(kQuestion));
    EXPECT_FALSE(ui.shown(kMenu)) << "back to the reset lab";
}

TEST(MoreMenu, EscapeClosesTheMenu) {
    Platform headless;
    MenuHarness ui(headless);
    ui.open();
    ASSERT_TRUE(ui.shown(kMenu));
    ui.press_escape();
    EXPECT_FALSE(ui.shown(kMenu));
}

TEST(MoreMenu, RecentLabsOpensThePagesListWhereThereIsOne) {
    PagePlatform page;
    MenuHarness ui(page);
    ui.open();
    ASSERT_TRUE(ui.click_button(kMenu, "Recent labs\u2026"));
    EXPECT_EQ(page.recent_opened, 1);
    EXPECT_FALSE(ui.shown(kMenu)) << "the menu makes way for the list";
}

TEST(MoreMenu, RecentLabsIsNotOfferedWithoutAList) {
    Platform desktop;
    MenuHarness ui(desktop);
    ui.open();
    EXPECT_FALSE(ui.find(kMenu, "Recent labs\u2026").has_value());
    EXPECT_TRUE(ui.find(kMenu, "Reset to defaults\u2026").has_value());
}

TEST(QrOverlay, ShowAsQrCodeDrawsThisMomentsFullLinkAndHoldsItWhileTraining) {
    PagePlatform page;
    MenuHarness ui(page);
    ui.lab.train(5);
    ui.open();
    ASSERT_TRUE(ui.click_button(kMenu, "Show as QR code"));
    EXPECT_FALSE(ui.shown(kMenu));
    ASSERT_EQ(ui.view.qr, QrShown::Moment);
    ASSERT_TRUE(ui.shown(kOverlay));
    const std::string moment = "https://lab.example.org/#lab=" + ui.lab.share_link(true);
    EXPECT_EQ(ui.menu.qr.encoded, moment);
    EXPECT_TRUE(ui.menu.qr.code.valid());
    EXPECT_EQ(share_url(ui.lab, page, true, ui.lab.locks()), moment) << "Copy link copies the same text";

    ui.lab.train(10);  // the lab goes on training: the code holds still
    ui.frame();
    EXPECT_EQ(ui.menu.qr.encoded, moment);
    ASSERT_TRUE(ui.click_button(kOverlayText, "Update"));
    EXPECT_EQ(ui.menu.qr.encoded, "https://lab.example.org/#lab=" + ui.lab.share_link(true));
    EXPECT_NE(ui.menu.qr.encoded, moment);
    EXPECT_EQ(ui.menu.qr.moment_step, 15);
}

TEST(QrOverlay, TheStartLinkChoiceFollowsTheLabsStartingPoint) {
    PagePlatform page;
    MenuHarness ui(page);
    ui.lab.train(5);
    ui.view.qr = QrShown::Moment;
    ui.frame();
    ASSERT_TRUE(ui.click_button(kOverlayText, "start link"));
    EXPECT_EQ(ui.view.qr, QrShown::Start);
    EXPECT_EQ(ui.menu.qr.encoded, "https://lab.example.org/#lab=" + ui.lab.share_link(false));
    EXPECT_FALSE(ui.find(kOverlayText, "Update").has_value()) << "a start link has nothing to update";
}

TEST(QrOverlay, CloseEscapeAndATapBesideTheCodeCloseIt) {
    PagePlatform page;
    MenuHarness ui(page);
    ui.view.qr = QrShown::Moment;
    ui.frame();
    ASSERT_TRUE(ui.shown(kOverlay));
    ASSERT_TRUE(ui.click_button(kOverlayText, "Close"));
    EXPECT_EQ(ui.view.qr, QrShown::None);
    EXPECT_FALSE(ui.shown(kOverlay));

    ui.view.qr = QrShown::Start;
    ui.frame();
    ui.press_escape();
    EXPECT_EQ(ui.view.qr, QrShown::None);

    ui.view.qr = QrShown::Moment;
    ui.frame();
    ui.click(ImVec2(4, 4));  // the corner of a 1280 x 720 display is beside the code
    EXPECT_EQ(ui.view.qr, QrShown::None);

    ui.view.qr = QrShown::Moment;
    ui.frame();
    ui.click(ImVec2(300, 360));  // a tap on the code itself keeps it
    EXPECT_EQ(ui.view.qr, QrShown::Moment);
}

TEST(QrOverlay, TheCodeFillsMostOfTheShorterSideOfTheDisplay) {
    for (const ImVec2 display : {ImVec2(1280, 720), ImVec2(390, 844)}) {  // one harness at a time
        PagePlatform page;
        MenuHarness ui(page, display);
        ui.view.qr = QrShown::Moment;
        ui.frame();
        // The code's square is the largest square of pure white and black in the overlay's draw list;
        // measured here through the dark modules' extent.
        const ImDrawList* list = ImGui::FindWindowByName(kOverlay)->DrawList;
        float min_x = FLT_MAX, max_x = -FLT_MAX;
        for (const ImDrawVert& v : list->VtxBuffer)
            if (v.col == IM_COL32(0, 0, 0, 255)) {
                min_x = std::min(min_x, v.pos.x);
                max_x = std::max(max_x, v.pos.x);
            }
        const float shorter = std::min(display.x, display.y);
        const int modules = ui.menu.qr.code.size();
        const float with_quiet_zone = (max_x - min_x) * (modules + 2 * QrCode::kQuietZone) / modules;
        EXPECT_GT(with_quiet_zone, 0.85f * shorter) << display.x << " x " << display.y;
        EXPECT_LE(max_x, display.x);
        EXPECT_GE(min_x, 0.0f);
    }
}
