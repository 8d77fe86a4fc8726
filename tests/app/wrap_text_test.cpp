// Lesson and feedback text wraps between words only: a number such as 0.01 is never split over two
// lines, as ImGui's own wrapping splits it after its '.'.
#include <gtest/gtest.h>

#include <imgui.h>

#include <sstream>
#include <string>

#include "app/ui/ui_style.h"
#include "headless_imgui.h"

using namespace bp;
using test_util::HeadlessImGui;

TEST(WrapText, NumbersAreNeverSplitAndEveryLineFits) {
    HeadlessImGui imgui(ImVec2(390, 844));
    HeadlessImGui::frame([] {
        const std::string text = "With the learning rate \u03b1 = 0.01 the weight moves by -0.000272508, and 1,024 steps later it has settled.";
        for (float width = ImGui::CalcTextSize("-0.000272508,").x; width < 400.0f; width += 7.0f) {
            const std::string wrapped = ui::wrap_at_spaces(text, width);
            std::istringstream lines(wrapped);
            std::string line, joined;
            while (std::getline(lines, line)) {
                EXPECT_LE(ImGui::CalcTextSize(line.c_str()).x, width) << "'" << line << "' at " << width;
                joined += (joined.empty() ? "" : " ") + line;
            }
            EXPECT_EQ(joined, text) << "only spaces became line breaks";
            for (const char* number : {"0.01", "-0.000272508,", "1,024"})
                EXPECT_NE(wrapped.find(number), std::string::npos) << number << " split at " << width << ":\n" << wrapped;
        }
    });
}
