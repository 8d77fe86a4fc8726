// The lab's tables drawn headless as a user sees them: every column of the Data table and of the
// Matrices is as wide as its widest value (nothing is cut off by the next column), the Data table
// scrolls inside its own region with the wheel, and Escape closes the Import CSV box and an open
// menu of the controls. Also the reading back of numbers as number_text writes them.
#include <gtest/gtest.h>

#include <imgui.h>
#include <imgui_internal.h>

#include <cmath>
#include <cstring>
#include <string>

#include "app/notation/number_text.h"
#include "app/ui/data_table.h"
#include "app/ui/panels.h"
#include "headless_imgui.h"

using namespace bp;

namespace {

using test_util::HeadlessImGui;
using test_util::kNoMouse;

// One panel drawn alone in a window filling a display of the given size.
struct PanelHarness {
    explicit PanelHarness(ImVec2 display = ImVec2(1000, 520)) : imgui(display) {}

    template <typename Draw>
    void frame(Draw draw, ImVec2 mouse = kNoMouse, bool down = false, bool escape = false, float wheel = 0.0f) {
        HeadlessImGui::input(mouse, down, escape);
        ImGui::GetIO().MouseWheel = wheel;
        HeadlessImGui::frame([&] {
            HeadlessImGui::begin_display_window();
            draw();
            ImGui::End();
        });
    }
    HeadlessImGui imgui;
};

// The table whose scrolling region's name contains `name`, or with `columns` columns in the window.
ImGuiTable* find_table(const char* name, int columns = -1) {
    ImGuiContext& g = *ImGui::GetCurrentContext();
    for (int n = 0; n < g.Tables.GetMapSize(); ++n)
        if (ImGuiTable* t = g.Tables.TryGetMapData(n)) {
            if (name && t->InnerWindow != t->OuterWindow && std::strstr(t->InnerWindow->Name, name)) return t;
            if (!name && t->ColumnsCount == columns) return t;
        }
    return nullptr;
}

float text_width(const std::string& text) { return ImGui::CalcTextSize(text.c_str()).x; }

}  // namespace

TEST(Tables, DataTableColumnsAreAsWideAsTheirWidestValue) {
    PanelHarness ui;
    Lab lab;
    Platform headless;
    DataTable table;
    // The widest values the grid allows: a long negative x1 and a tiny x2 (written 6.1035e-05).
    std::vector<Point> points = lab.trainer().points();
    points[0] = {-1.99993896484375, 6.103515625e-05, 1.0, false};
    ASSERT_EQ(lab.replace_points(points), "");
    for (int k = 0; k < 3; ++k) ui.frame([&] { draw_data_table(table, lab, headless); });
    const ImGuiTable* t = find_table("points");
    ASSERT_NE(t, nullptr);
    const float frame = ImGui::GetStyle().FramePadding.x * 2.0f;
    const Point& p = lab.trainer().points()[0];
    EXPECT_GE(t->Columns[1].WidthGiven, text_width(number_text(p.x1, 5)) + frame) << number_text(p.x1, 5);
    EXPECT_GE(t->Columns[2].WidthGiven, text_width(number_text(p.x2, 5)) + frame) << number_text(p.x2, 5);
    // x1², the first feature, of the widest value.
    EXPECT_GE(t->Columns[3].WidthGiven, text_width(number_text(p.x1 * p.x1, 4)));
    // An edit to a longer value widens its column in the next frame.
    const float before = t->Columns[1].WidthGiven;
    points[5].x1 = -1.2345678e-04;
    ASSERT_EQ(lab.replace_points(points), "");
    for (int k = 0; k < 2; ++k) ui.frame([&] { draw_data_table(table, lab, headless); });
    EXPECT_GT(t->Columns[1].WidthGiven, before);
    EXPECT_GE(t->Columns[1].WidthGiven, text_width(number_text(lab.trainer().points()[5].x1, 5)) + frame);
}

TEST(Tables, DataTableScrollsInItsOwnRegionWithTheWheel) {
    PanelHarness ui;
    Lab lab;  // 200 points: far more rows than fit
    Platform headless;
    DataTable table;
    auto draw = [&] { draw_data_table(table, lab, headless); };
    for (int k = 0; k < 3; ++k) ui.frame(draw);
    ImGuiTable* t = find_table("points");
    ASSERT_NE(t, nullptr);
    ImGuiWindow* rows = t->InnerWindow;
    ASSERT_GT(rows->ScrollMax.y, 0.0f) << "the rows overflow the region";
    const ImVec2 over = rows->Rect().GetCenter();
    ui.frame(draw, over);
    ui.frame(draw, over, false, false, -3.0f);  // the wheel turned down over the table
    ui.frame(draw, over);
    EXPECT_GT(rows->Scroll.y, 0.0f);
    EXPECT_EQ(ImGui::FindWindowByName("lab")->Scroll.y, 0.0f) << "the table scrolls, not the panel around it";
}

TEST(Tables, MatrixColumnsFitTheirWidestEntry) {
    PanelHarness ui;
    Lab lab;
    std::vector<Matrix> W = lab.trainer().network().W;
    std::vector<RowVector> b = lab.trainer().network().b;
    W[0](2, 1) = -1.2345678e-07;  // w¹₃₂: the widest text a weight can have here, −1.235e-07
    lab.set_parameters(W, b);
    for (int k = 0; k < 3; ++k) ui.frame([&] { draw_matrices_panel(lab); });
    const ImGuiTable* w1 = find_table(nullptr, 4);  // W¹: the row labels and 3 columns
    ASSERT_NE(w1, nullptr);
    const float widest = text_width(number_text(-1.2345678e-07, 4));
    for (int c = 1; c < 4; ++c) EXPECT_GE(w1->Columns[c].WidthGiven, widest) << "column " << c;
}

TEST(Tables, EscapeClosesTheImportBoxAndKeepsTheText) {
    PanelHarness ui;
    Lab lab;
    Platform headless;
    DataTable table;
    table.csv_draft = "0.5,0.5,1";
    bool open_it = true, is_open = false;
    auto draw = [&] {
        if (open_it) ImGui::OpenPopup("Import CSV");  // as its button does
        open_it = false;
        draw_data_table(table, lab, headless);
        is_open = ImGui::IsPopupOpen("Import CSV");
    };
    ui.frame(draw);
    ui.frame(draw);
    ASSERT_TRUE(is_open);
    ui.frame(draw, kNoMouse, false, true);  // Escape
    ui.frame(draw);
    EXPECT_FALSE(is_open);
    EXPECT_EQ(table.csv_draft, "0.5,0.5,1");
}

TEST(Tables, EscapeClosesAControlsMenuWithoutChangingTheSetting) {
    PanelHarness ui(ImVec2(480, 900));
    Lab lab;
    ImGuiID loss_combo = 0;
    auto draw = [&] {
        loss_combo = ImGui::GetID("loss");  // the loss menu's id, as the panel names it
        draw_controls_panel(lab);
    };
    ui.frame(draw);
    // Find the loss menu as a user does, by moving the pointer down the panel; then click it.
    ImVec2 at(-1, -1);
    for (float y = 0; y < 900 && at.y < 0; y += 4) {
        ui.frame(draw, ImVec2(40, y));
        if (ImGui::GetCurrentContext()->HoveredIdPreviousFrame == loss_combo) at = ImVec2(40, y);
    }
    ASSERT_GE(at.y, 0.0f) << "the loss menu was not found";
    ui.frame(draw, at, true);
    ui.frame(draw, at, false);
    ASSERT_EQ(ImGui::GetCurrentContext()->OpenPopupStack.Size, 1) << "the menu opened";
    ui.frame(draw, at, false, true);  // Escape
    ui.frame(draw, at);
    EXPECT_EQ(ImGui::GetCurrentContext()->OpenPopupStack.Size, 0);
    EXPECT_EQ(lab.settings().loss, Loss::Mse);
}

TEST(NumberText, ReadsBackWhatItWritesAndWhatUsersType) {
    for (double v : {-0.4538, 1.5715, 6.1035e-05, -1.2345e-07, 2.0}) {
        double read = 0.0;
        ASSERT_TRUE(number_from_text(number_text(v, 5), read)) << number_text(v, 5);
        EXPECT_EQ(read, v);
    }
    double v = 7.0;
    EXPECT_TRUE(number_from_text(" -0.25 ", v));
    EXPECT_EQ(v, -0.25);
    EXPECT_TRUE(number_from_text("\u22120", v));
    EXPECT_EQ(v, 0.0);
    EXPECT_FALSE(std::signbit(v)) << "no −0";
    EXPECT_TRUE(number_from_text("1e-3", v));
    EXPECT_EQ(v, 0.001);
    v = 7.0;
    for (const char* bad : {"", " ", "abc", "1,5", "inf", "nan", "0x10", "1e999", "--1", "1 2"})
        EXPECT_FALSE(number_from_text(bad, v)) << bad;
    EXPECT_EQ(v, 7.0) << "a refused text changes nothing";
}
