// The loss landscape in the app: lab.landscape() against the lab's loss, finite differences and a scalar
// reference; hostile arguments refused with nothing changed; the Landscape tab drawing its grid,
// following the point, and keeping every frame's slice bounded at the largest network.
#include <gtest/gtest.h>

#include <imgui.h>

#include <algorithm>
#include <cmath>
#include <ctime>

#include "api_test_util.h"
#include "app/layout/contour_lines.h"
#include "app/ui/lab_window.h"
#include "core/textbook_mlp.h"
#include "headless_imgui.h"

using namespace bp;
using nlohmann::json;

namespace {

json landscape(Lab& lab, const json& spec) { return api_test::call(lab, "landscape", json::array({spec})); }

const json w1_11 = {{"layer", 1}, {"i", 1}, {"j", 1}}, w1_21 = {{"layer", 1}, {"i", 2}, {"j", 1}},
           b2_1 = {{"layer", 2}, {"j", 1}, {"bias", true}};

Lab trained_lab() {
    Lab lab;
    lab.train(200);
    return lab;
}

// The mean loss over the training points with two parameters set by hand, one sample at a time.
double scalar_training_loss(const Lab& lab, const Network& net) {
    double sum = 0.0;
    int n = 0;
    for (const Point& p : lab.trainer().points()) {
        if (p.test) continue;
        std::vector<double> x;
        for (Feature f : lab.settings().features) x.push_back(feature_value(f, p.x1, p.x2));
        sum += textbook::loss(lab.settings().loss, textbook::forward(net, x).a.back()[0], p.y);
        ++n;
    }
    return sum / n;
}

}  // namespace

TEST(LandscapeApi, TheCentreIsTheLabsLossAndTheGridItsLossWithTheParametersSetByHand) {
    Lab lab = trained_lab();
    const json r = landscape(lab, {{"a", w1_11}, {"b", b2_1}, {"span", 0.5}, {"n", 5}});
    ASSERT_TRUE(r.contains("losses")) << r.dump();
    EXPECT_EQ(r["losses"][2][2].get<double>(), api_test::call(lab, "state")["trainingLoss"].get<double>());
    const Network& net = lab.trainer().network();
    EXPECT_EQ(r["point"][0].get<double>(), net.W[0](0, 0));
    EXPECT_EQ(r["point"][1].get<double>(), net.b[1](0));
    for (int row = 0; row < 5; ++row)
        for (int c = 0; c < 5; ++c) {
            Network hand = net;
            hand.W[0](0, 0) = net.W[0](0, 0) - 0.5 + 1.0 * c / 4;  // a = a0 - span + 2 span c/(n-1)
            hand.b[1](0) = net.b[1](0) - 0.5 + 1.0 * row / 4;      // b at bValues[r]
            EXPECT_NEAR(r["aValues"][c].get<double>(), hand.W[0](0, 0), 1e-15);
            EXPECT_NEAR(r["bValues"][row].get<double>(), hand.b[1](0), 1e-15);
            const double expected = scalar_training_loss(lab, hand);
            EXPECT_NEAR(r["losses"][row][c].get<double>(), expected, 1e-12 * expected) << row << " " << c;
        }
}

TEST(LandscapeApi, TheGradientIsTheGridsSlopeAtTheCentre) {
    Lab lab = trained_lab();
    const double h = 1e-4;
    const json r = landscape(lab, {{"a", w1_21}, {"b", b2_1}, {"span", h}, {"n", 3}});
    const double slope_a = (r["losses"][1][2].get<double>() - r["losses"][1][0].get<double>()) / (2 * h);
    const double slope_b = (r["losses"][2][1].get<double>() - r["losses"][0][1].get<double>()) / (2 * h);
    EXPECT_NEAR(r["gradient"][0].get<double>(), slope_a, 1e-6 * std::max(1e-4, std::fabs(slope_a)));
    EXPECT_NEAR(r["gradient"][1].get<double>(), slope_b, 1e-6 * std::max(1e-4, std::fabs(slope_b)));
    EXPECT_NE(r["gradient"][0].get<double>(), 0.0);
}

TEST(LandscapeApi, BadArgumentsAreRefusedWithAMessageAndChangeNothing) {
    Lab lab = trained_lab();
    const std::string before = lab.share_link(true);
    const json deep = json::parse(std::string(30, '[') + std::string(30, ']'));
    const json bad[] = {
        json(),
        json("w1_11"),
        json::array({1, 2}),
        {{"a", w1_11}, {"b", w1_21}, {"span", 0.5}},                       // no n
        {{"a", w1_11}, {"b", w1_21}, {"n", 5}},                            // no span
        {{"a", w1_11}, {"b", w1_11}, {"span", 0.5}, {"n", 5}},             // a == b
        {{"a", w1_11}, {"b", w1_21}, {"span", 0.5}, {"n", 4}},             // even
        {{"a", w1_11}, {"b", w1_21}, {"span", 0.5}, {"n", 1}},             // too small
        {{"a", w1_11}, {"b", w1_21}, {"span", 0.5}, {"n", 103}},           // too large
        {{"a", w1_11}, {"b", w1_21}, {"span", 0.5}, {"n", 5.5}},
        {{"a", w1_11}, {"b", w1_21}, {"span", 0.5}, {"n", "5"}},
        {{"a", w1_11}, {"b", w1_21}, {"span", 0.0}, {"n", 5}},
        {{"a", w1_11}, {"b", w1_21}, {"span", -1.0}, {"n", 5}},
        {{"a", w1_11}, {"b", w1_21}, {"span", 1e300}, {"n", 5}},
        {{"a", w1_11}, {"b", w1_21}, {"span", nullptr}, {"n", 5}},         // NaN and Infinity arrive as null
        {{"a", w1_11}, {"b", w1_21}, {"span", "Infinity"}, {"n", 5}},
        {{"a", w1_11}, {"b", w1_21}, {"span", 0.5}, {"n", 5}, {"extra", 1}},
        {{"a", {{"layer", 9}, {"i", 1}, {"j", 1}}}, {"b", w1_21}, {"span", 0.5}, {"n", 5}},
        {{"a", {{"layer", 1}, {"i", 99}, {"j", 1}}}, {"b", w1_21}, {"span", 0.5}, {"n", 5}},
        {{"a", {{"layer", 1}, {"i", 0}, {"j", 1}}}, {"b", w1_21}, {"span", 0.5}, {"n", 5}},
        {{"a", {{"layer", 1}, {"i", 1}, {"j", -3}}}, {"b", w1_21}, {"span", 0.5}, {"n", 5}},
        {{"a", {{"layer", 2}, {"j", 1}, {"bias", "yes"}}}, {"b", w1_21}, {"span", 0.5}, {"n", 5}},
        {{"a", {{"layer", deep}, {"i", 1}, {"j", 1}}}, {"b", w1_21}, {"span", 0.5}, {"n", 5}},
        {{"a", 3}, {"b", w1_21}, {"span", 0.5}, {"n", 5}},
    };
    for (const json& spec : bad) {
        const json r = landscape(lab, spec);
        EXPECT_EQ(r["ok"], false) << spec.dump();
        EXPECT_TRUE(r["error"].is_string() && r["error"].get<std::string>().size() > 10) << r.dump();
    }
    EXPECT_NE(landscape(lab, {{"a", w1_11}, {"b", w1_11}, {"span", 0.5}, {"n", 5}})["error"].get<std::string>().find("same"),
              std::string::npos);
    EXPECT_NE(landscape(lab, {{"a", w1_11}, {"b", w1_21}, {"span", 0.5}, {"n", 4}})["error"].get<std::string>().find("odd"),
              std::string::npos);
    EXPECT_EQ(lab.share_link(true), before);  // nothing changed, not even by the calls that succeeded
    landscape(lab, {{"a", w1_11}, {"b", w1_21}, {"span", 0.5}, {"n", 5}});
    EXPECT_EQ(lab.share_link(true), before);
}

TEST(LandscapeApi, ARequestCostingMoreThanTrainsLimitIsRefusedNamingIt) {
    Lab lab;
    ASSERT_EQ(lab.configure(largest_settings()), "");
    const json big = landscape(lab, {{"a", w1_11}, {"b", w1_21}, {"span", 0.5}, {"n", 101}});
    EXPECT_EQ(big["ok"], false);
    EXPECT_NE(big["error"].get<std::string>().find("3000 million"), std::string::npos) << big.dump();
    EXPECT_NE(big["error"].get<std::string>().find("fits"), std::string::npos) << big.dump();
    // A request near the suggested size fits, and its centre is still the lab's loss.
    const json small = landscape(lab, {{"a", w1_11}, {"b", w1_21}, {"span", 0.5}, {"n", 3}});
    ASSERT_TRUE(small.contains("losses")) << small.dump();
    EXPECT_EQ(small["losses"][1][1].get<double>(), lab.trainer().training_loss());
}

TEST(LandscapeApi, ShowViewLandscapeOpensTheLossViewAtItsTab) {
    Lab lab;
    ViewSettings view;
    const auto call = [&](const char* method, const json& args) {
        return json::parse(call_lab_api(lab, method, args.dump(), ScreenGeometry{}, view));
    };
    EXPECT_EQ(call("showView", {"landscape"})["ok"], true);
    EXPECT_EQ(view.main, MainView::Loss);
    EXPECT_TRUE(view.landscape);
    EXPECT_EQ(call("state", json::array())["lossTab"], "landscape");
    EXPECT_EQ(call("showView", {"loss"})["ok"], true);
    EXPECT_FALSE(view.landscape);
    EXPECT_NE(call("showView", {"landscapes"})["error"].get<std::string>().find("\"landscape\""), std::string::npos);
}

TEST(ContourLines, ACrossingLiesWhereTheLinearInterpolantMeetsTheLevel) {
    // f(c, r) = c + 2r on 3 x 3 samples: the level 1.5 crosses at c + 2r = 1.5, a straight line.
    std::vector<double> f;
    for (int r = 0; r < 3; ++r)
        for (int c = 0; c < 3; ++c) f.push_back(c + 2.0 * r);
    const auto segments = contour_segments(f, 3, 3, 1.5);
    ASSERT_FALSE(segments.empty());
    for (const ContourSegment& s : segments) {
        EXPECT_NEAR(s.from.c + 2 * s.from.r, 1.5, 1e-12);
        EXPECT_NEAR(s.to.c + 2 * s.to.r, 1.5, 1e-12);
    }
    EXPECT_TRUE(contour_segments(f, 3, 3, 10.0).empty());  // above every sample
    const auto levels = contour_levels(0.01, 10.0, 2, true);
    ASSERT_EQ(levels.size(), 2u);
    EXPECT_NEAR(levels[0], 0.1, 1e-12);  // a third of the way in log10 from -2 to 1
    EXPECT_NEAR(levels[1], 1.0, 1e-12);
}

namespace {

using test_util::HeadlessImGui;

struct Frames {
    explicit Frames(Lab& lab, ImVec2 display = ImVec2(1440, 900)) : imgui(display, 1.0f), window(lab, platform) {
        show_panel(window.view, Panel::Landscape);
    }
    void frame() {
        HeadlessImGui::input(test_util::kNoMouse, false);
        window.lab.advance(1.0 / 60.0);
        HeadlessImGui::frame([&] { draw_lab_window(window); });
    }
    HeadlessImGui imgui;
    Platform platform;
    LabWindow window;
};

double thread_cpu_ms() {
    timespec t{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
    return t.tv_sec * 1e3 + t.tv_nsec * 1e-6;
}

}  // namespace

TEST(LandscapeView, TheTabShowsTheGridOfTheSelectedParameterAndThePointMovesDownhill) {
    Lab lab = trained_lab();
    ASSERT_EQ(lab.select({1, 1, 0, false}), "");  // w¹₂₁
    Frames ui(lab);
    const LandscapeView& v = ui.window.landscape;
    // The grid is filled within a per-frame time budget, so the number of frames depends on the
    // machine's speed; under AddressSanitizer (several times slower) only completion is checked.
#if defined(__SANITIZE_ADDRESS__)
    const int max_frames = 200;
#else
    const int max_frames = 10;
#endif
    int frames = 0;
    while (v.shown.n == 0 && frames < max_frames) ui.frame(), ++frames;
    EXPECT_TRUE(ui.window.view.landscape);
    ASSERT_EQ(v.shown.n, v.n) << "the default network's grid takes " << max_frames << " frames at most";
    EXPECT_EQ(v.a, (ParameterRef{1, 1, 0, false}));  // a follows the selection, b is the same neuron's next weight
    EXPECT_EQ(v.b, (ParameterRef{1, 2, 0, false}));
    const int mid = v.n / 2;
    EXPECT_EQ(v.shown.loss(mid, mid), lab.trainer().training_loss());
    // Steps move the point; the trail keeps where it went, and L at the point falls.
    const double before = lab.trainer().training_loss();
    for (int k = 0; k < 20; ++k) {
        lab.step_once();
        ui.frame();
    }
    EXPECT_GE(v.trail.size(), 20u);
    EXPECT_LT(lab.trainer().training_loss(), before);
    EXPECT_EQ(v.trail.back().x, static_cast<float>(lab.trainer().network().W[0](1, 0)));
    // Reset clears the trail; picking another pair too.
    lab.reset();
    ui.frame();
    EXPECT_EQ(v.trail.size(), 1u);
    ui.window.landscape.choose({2, 0, 0, true}, {2, 0, 0, false});
    ui.frame();
    EXPECT_EQ(v.a, (ParameterRef{2, 0, 0, true}));
    EXPECT_EQ(v.trail.size(), 1u);
}

// The largest network with the landscape on screen while Play runs flat out: every frame computes a
// slice of the grid, and no frame takes much longer than with the loss curve shown instead (thread CPU
// time, as the frames test measures it).
TEST(LandscapeView, TheLargestNetworkComputesInSlicesWithoutStallingAFrame) {
    const auto slowest_frame_ms = [](bool landscape, int& slices, int& grids) {
        Lab lab;
        EXPECT_EQ(lab.configure(largest_settings()), "");
        Frames ui(lab);
        show_panel(ui.window.view, landscape ? Panel::Landscape : Panel::Loss);
        lab.set_speed(Lab::kMaxSpeed);
        lab.play(true);
        double slowest = 0.0;
        slices = grids = 0;
        for (int k = 0; k < 45; ++k) {
            const double start = thread_cpu_ms();
            ui.frame();
            if (k >= 5) slowest = std::max(slowest, thread_cpu_ms() - start);
            if (k >= 1 && ui.window.landscape.last_slice_cells >= 1) ++slices;
            if (ui.window.landscape.shown.n > 0) ++grids;
        }
        return slowest;
    };
    int slices = 0, grids = 0;
    const double curve_ms = slowest_frame_ms(false, slices, grids);
    EXPECT_EQ(slices, 0);  // nothing is computed while the landscape is not shown
    const double landscape_ms = slowest_frame_ms(true, slices, grids);
    EXPECT_EQ(slices, 44);
    std::printf("largest network, Play: slowest frame %.1f ms with the loss curve, %.1f ms with the landscape\n", curve_ms,
                landscape_ms);
#if !defined(__SANITIZE_ADDRESS__)
    EXPECT_LT(landscape_ms, curve_ms + 8.0);  // the 2 ms budget and one block past it, with room for a noisy machine
#endif
}
