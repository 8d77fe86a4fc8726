// Neuron maps through window.lab and on screen: lab.neuronMap against lab.predict, the features and a
// scalar forward pass written here; bad arguments refused; hovering a neuron puts its map on the data
// plane and leaving it brings the output back.
#include <gtest/gtest.h>

#include <imgui_internal.h>

#include <nlohmann/json.hpp>

#include <cmath>

#include "api_test_util.h"
#include "app/input/touch_state.h"
#include "app/ui/lab_window.h"
#include "app/ui/ui_style.h"
#include "headless_imgui.h"

using namespace bp;
using nlohmann::json;

using api_test::call;

namespace {

// lab.neuronMap's documented sample points: x1 = -e + 2e c/(n-1), x2 = e - 2e r/(n-1), e = 2.
double x1_at(int c, int n) { return -2.0 + 4.0 * c / (n - 1); }
double x2_at(int r, int n) { return 2.0 - 4.0 * r / (n - 1); }

// Everything a refused call must leave as it was.
std::string snapshot(Lab& lab) { return call(lab, "state").dump(); }

}  // namespace

TEST(NeuronMapApi, OutputNeuronsMapIsThePredictionAtTheSamePoints) {
    Lab lab;
    call(lab, "train", {300});
    const int L = lab.trainer().network().layer_count(), n = 7;
    const json m = call(lab, "neuronMap", {L, 1, n});
    ASSERT_EQ(m["ok"], true) << m.dump();
    ASSERT_EQ(m["values"].size(), static_cast<size_t>(n));
    for (int r = 0; r < n; ++r) {
        ASSERT_EQ(m["values"][r].size(), static_cast<size_t>(n));
        for (int c = 0; c < n; ++c) {
            const double predicted = call(lab, "predict", {x1_at(c, n), x2_at(r, n)});
            EXPECT_NEAR(m["values"][r][c].get<double>(), predicted, 1e-12) << "row " << r << ", column " << c;
        }
    }
}

// a^1_2 = tanh(sum_i x_i w^1_i2 + b^1_2) and a^2_1 = tanh(sum_k a^1_k w^2_k1 + b^2_1), written out
// with the weights lab.state() reports, for the default 4-3-2-1 tanh network.
TEST(NeuronMapApi, HiddenNeuronsMatchAScalarForwardPass) {
    Lab lab;
    call(lab, "train", {200});
    const json s = call(lab, "state");
    const json& W = s["weights"];
    const json& b = s["biases"];
    const int n = 5;
    const json first = call(lab, "neuronMap", {1, 2, n}), second = call(lab, "neuronMap", {2, 1, n});
    ASSERT_EQ(first["ok"], true);
    ASSERT_EQ(second["ok"], true);
    for (int r = 0; r < n; ++r)
        for (int c = 0; c < n; ++c) {
            const double x1 = x1_at(c, n), x2 = x2_at(r, n);
            const double x[4] = {x1, x2, x1 * x1, x2 * x2};  // x1, x2, x1², x2²
            double a1[3];
            for (int j = 0; j < 3; ++j) {
                double z = b[0][j].get<double>();
                for (int i = 0; i < 4; ++i) z += x[i] * W[0][i][j].get<double>();
                a1[j] = std::tanh(z);
            }
            double z2 = b[1][0].get<double>();
            for (int k = 0; k < 3; ++k) z2 += a1[k] * W[1][k][0].get<double>();
            EXPECT_NEAR(first["values"][r][c].get<double>(), a1[1], 1e-12);
            EXPECT_NEAR(second["values"][r][c].get<double>(), std::tanh(z2), 1e-12);
        }
}

TEST(NeuronMapApi, InputLayerIsTheFeatureValues) {
    Lab lab;
    call(lab, "configure", {{{"features", {"x1", "sinx2", "x1x2"}}}});
    const int n = 4;
    const json sin_x2 = call(lab, "neuronMap", {0, 2, n}), product = call(lab, "neuronMap", {0, 3, n});
    for (int r = 0; r < n; ++r)
        for (int c = 0; c < n; ++c) {
            EXPECT_DOUBLE_EQ(sin_x2["values"][r][c].get<double>(), std::sin(x2_at(r, n)));
            EXPECT_DOUBLE_EQ(product["values"][r][c].get<double>(), x1_at(c, n) * x2_at(r, n));
        }
    // The corners: the plane's edges are included, row 0 at the top.
    const json x1 = call(lab, "neuronMap", {0, 1, 2});
    EXPECT_EQ(x1["values"], json({{-2.0, 2.0}, {-2.0, 2.0}}));
}

TEST(NeuronMapApi, BadArgumentsAreRefusedAndChangeNothing) {
    Lab lab;
    call(lab, "train", {10});
    const std::string before = snapshot(lab);
    const json bad[] = {
        json::array(),          {-1, 1, 10},   {4, 1, 10},     {1, 0, 10},          {1, 4, 10},
        {0, 5, 10},             {3, 2, 10},    {1, 1, 1},      {1, 1, 201},         {1, 1, 0},
        {1, 1, -5},             {1.5, 1, 10},  {1, 1.5, 10},   {1, 1, 10.5},        {"1", 1, 10},
        {1, 1, "NaN"},          {1, "Infinity", 10}, {1, 1, 1e300}, {nullptr, 1, 10}, {1, 1, json::object()},
        {1, 1, json::array()},  {true, 1, 10}, {1, 1, 4000000000LL}};
    for (const json& args : bad) {
        const json r = call(lab, "neuronMap", args);
        EXPECT_EQ(r["ok"], false) << args.dump();
        EXPECT_TRUE(r["error"].is_string() && !r["error"].get<std::string>().empty()) << args.dump();
        EXPECT_FALSE(r.contains("values")) << args.dump();
    }
    EXPECT_EQ(call(lab, "neuronMap", {1, 1, 10, 1})["ok"], false);  // a fourth argument
    EXPECT_EQ(snapshot(lab), before);
    // The edges of the ranges are accepted.
    EXPECT_EQ(call(lab, "neuronMap", {0, 4, 2})["ok"], true);
    EXPECT_EQ(call(lab, "neuronMap", {3, 1, 200})["values"].size(), 200u);
}

TEST(NeuronMapScreen, HoveringANeuronShowsItsMapOnTheDataPlaneAndLeavingRestoresTheOutput) {
    test_util::HeadlessImGui imgui(ImVec2(1440, 900));
    Lab lab;
    Platform headless;  // no GPU: the circles keep the sample's value, the plane draws the map on the CPU
    LabWindow window(lab, headless);
    auto frame = [&](ImVec2 mouse) {
        test_util::HeadlessImGui::input(mouse, false);
        test_util::HeadlessImGui::frame([&] { draw_lab_window(window); });
    };
    frame(test_util::kNoMouse);
    frame(test_util::kNoMouse);
    EXPECT_FALSE(window.geometry().neuron_maps);
    const Vec2 neuron = window.network.layout.nodes[2][1];  // a²₂
    frame(neuron);
    frame(neuron);
    const NeuronRef shown = window.geometry().data_neuron;
    EXPECT_EQ(shown.layer, 2);
    EXPECT_EQ(shown.j, 1);
    const json layout = nlohmann::json::parse(call_lab_api(lab, "layout", "[]", window.geometry()));
    EXPECT_EQ(layout["dataShows"], json({{"layer", 2}, {"j", 2}}));
    EXPECT_EQ(layout["neuronMaps"], false);
    // The plane shows the same numbers lab.neuronMap returns (the CPU grid of 48 samples).
    const std::vector<double>& grid = lab.neuron_grid(2, 1, 48);
    const json m = call(lab, "neuronMap", {2, 2, 48});
    EXPECT_DOUBLE_EQ(grid[17 * 48 + 30], m["values"][17][30].get<double>());
    // Leaving the network brings the output back.
    frame(ImVec2(5, 890));
    frame(ImVec2(5, 890));
    EXPECT_FALSE(window.geometry().data_neuron.any());
    EXPECT_TRUE(nlohmann::json::parse(call_lab_api(lab, "layout", "[]", window.geometry()))["dataShows"].is_null());
}

// A phone in its touch style with the first-open banner above the views: the network keeps neurons
// a finger can hit, and a tap on one puts its map on the plane until the next touch.
TEST(NeuronMapScreen, OnAPhoneATappedNeuronsMapStaysOnThePlaneUntilTheNextTouch) {
    test_util::HeadlessImGui imgui(ImVec2(390, 844));
    apply_lab_style(1.0f, true);
    Lab lab;
    Platform headless;
    LabWindow window(lab, headless);
    ASSERT_TRUE(window.start_hint);
    auto frame = [&](Vec2 at, bool down, bool tapped) {
        TouchFrame touch;
        touch.active = touch.touch_ui = true;
        touch.pos = at;
        touch.down = touch.finger_down = down;
        touch.last_tap = tapped;
        publish_touch_frame(touch);
        test_util::HeadlessImGui::input(ImVec2(at.x, at.y), down);
        test_util::HeadlessImGui::frame([&] { draw_lab_window(window); });
    };
    frame({-1e6f, -1e6f}, false, false);
    frame({-1e6f, -1e6f}, false, false);
    ASSERT_EQ(window.layout.mode, LayoutMode::Phone);
    const float font = ImGui::GetFontSize();
    EXPECT_GE(window.network.layout.radius, 0.33f * font) << "the neurons stay large enough to see and to tap";
    EXPECT_GE(window.layout.data.width(), 12.5f * font) << "the plane keeps room for its toolbar";
    const Vec2 neuron = window.network.layout.nodes[1][1];  // a¹₂
    frame(neuron, true, false);
    for (int k = 0; k < 30; ++k) frame(neuron, false, true);
    EXPECT_EQ(window.geometry().data_neuron.layer, 1);
    EXPECT_EQ(window.geometry().data_neuron.j, 1);
    // The map's caption stays one line, as the legend it replaces: nothing under the plane is cut off.
    const ImGuiWindow* data = nullptr;
    for (const ImGuiWindow* win : ImGui::GetCurrentContext()->Windows)
        if (std::string(win->Name).find("/data_") != std::string::npos) data = win;
    ASSERT_NE(data, nullptr);
    EXPECT_LE(data->ContentSize.y + 2.0f * ImGui::GetStyle().WindowPadding.y, data->Size.y + 0.5f) << "the caption fits under the plane";
    frame(neuron, true, false);  // the next touch takes it away
    EXPECT_FALSE(window.geometry().data_neuron.any());
    publish_touch_frame(TouchFrame{});
    apply_lab_style(1.0f, false);
}
