// A weight or bias set by hand, as a teacher sets one: through lab.setParameter and by dragging the
// inspector's value field. The network's output and loss follow (checked against the textbook MLP
// on a copy of the weights edited here, not through the lab); one undo takes the edit back, a drag
// included; a link of the moment carries it; bad references and values are refused and change nothing.
#include <gtest/gtest.h>

#include <cmath>

#include "api_test_util.h"
#include "app/ui/lab_window.h"
#include "core/dataset.h"
#include "core/textbook_mlp.h"
#include "headless_imgui.h"

using namespace bp;
using api_test::call;
using json = nlohmann::json;

namespace {

// The textbook MLP's mean loss over the lab's training points, for `net`.
double textbook_training_loss(const Lab& lab, const Network& net) {
    const Trainer& t = lab.trainer();
    const Matrix x = feature_matrix(t.points(), t.settings().features);
    std::vector<std::vector<double>> xs;
    std::vector<double> ys;
    for (size_t p = 0; p < t.points().size(); ++p) {
        if (t.points()[p].test) continue;
        xs.emplace_back(x.row(static_cast<Eigen::Index>(p)).data(), x.row(static_cast<Eigen::Index>(p)).data() + x.cols());
        ys.push_back(t.points()[p].y);
    }
    return textbook::batch_loss(net, t.settings().loss, xs, ys);
}

json weight(int layer, int i, int j) { return {{"layer", layer}, {"i", i}, {"j", j}}; }
json bias(int layer, int j) { return {{"layer", layer}, {"j", j}, {"bias", true}}; }

}  // namespace

TEST(ParameterEdit, SetParameterChangesTheOutputAndLossAsTheTextbookNetworkWithThatValue) {
    Lab lab;
    call(lab, "train", json::array({25}));
    ASSERT_EQ(lab.trainer().step_count(), 25);
    Network expected = lab.trainer().network();  // the copy edited here, by hand
    expected.W[0](1, 2) = 0.75;                    // w^1_23
    expected.b[1](0, 1) = -1.25;                   // b^2_2
    EXPECT_EQ(call(lab, "setParameter", json::array({weight(1, 2, 3), 0.75})), json({{"ok", true}, {"error", nullptr}}));
    EXPECT_EQ(call(lab, "setParameter", json::array({bias(2, 2), -1.25})), json({{"ok", true}, {"error", nullptr}}));

    const json s = call(lab, "state");
    EXPECT_EQ(s["weights"][0][1][2], 0.75);
    EXPECT_EQ(s["biases"][1][1], -1.25);
    EXPECT_NEAR(s["trainingLoss"].get<double>(), textbook_training_loss(lab, expected), 1e-12);
    for (const auto& at : {std::pair{0.5, -1.0}, std::pair{-1.5, 0.25}}) {
        const Matrix x = feature_matrix({Point{at.first, at.second, 0.0, false}}, lab.trainer().settings().features);
        const auto a = textbook::forward(expected, std::vector<double>(x.data(), x.data() + x.cols()));
        EXPECT_NEAR(call(lab, "predict", json::array({at.first, at.second})).get<double>(), a.a.back()[0], 1e-12);
    }
    // The inspector's chain rule is for the new weights too: its finite difference agrees with backprop.
    const json rule = call(lab, "chainRule", json::array({1, 2, 3}));
    EXPECT_NEAR(rule["backprop"].get<double>(), rule["numeric"].get<double>(), 1e-6);
}

TEST(ParameterEdit, OneUndoTakesAnEditBackAndRedoBringsItAgainWhileTheRunGoesOn) {
    Lab lab;
    const double before = lab.trainer().network().W[1](0, 0);
    ASSERT_EQ(lab.set_parameter({2, 0, 0, false}, 2.5), "");
    ASSERT_TRUE(lab.undo());
    EXPECT_EQ(lab.trainer().network().W[1](0, 0), before);
    ASSERT_TRUE(lab.redo());
    EXPECT_EQ(lab.trainer().network().W[1](0, 0), 2.5);
    EXPECT_FALSE(lab.can_redo());
    // Training goes on from the hand-set value; an undo afterwards puts back only that parameter.
    call(lab, "train", json::array({5}));
    ASSERT_EQ(lab.trainer().step_count(), 5);
    const double trained_other = lab.trainer().network().W[0](0, 0);
    ASSERT_TRUE(lab.undo());
    EXPECT_EQ(lab.trainer().network().W[1](0, 0), before);
    EXPECT_EQ(lab.trainer().network().W[0](0, 0), trained_other);
}

TEST(ParameterEdit, ADragIsOneUndoStepAndADataEditAfterItIsItsOwn) {
    Lab lab;
    const Selection w{1, 0, 1, false};
    const double before = lab.parameter(w);
    lab.begin_parameter_drag(w);
    for (double v : {0.1, 0.2, 0.3, 0.4}) ASSERT_EQ(lab.set_parameter(w, v), "");
    lab.end_parameter_drag();
    int index = 0;
    ASSERT_EQ(lab.add_point(Point{0.5, 0.5, 1.0, false}, index), "");
    ASSERT_TRUE(lab.undo());  // the point
    EXPECT_EQ(lab.parameter(w), 0.4);
    ASSERT_TRUE(lab.undo());  // the whole drag
    EXPECT_EQ(lab.parameter(w), before);
    EXPECT_FALSE(lab.can_undo());
}

TEST(ParameterEdit, ALinkOfTheMomentCarriesTheHandSetValue) {
    Lab lab;
    ASSERT_EQ(lab.set_parameter({3, 1, 0, false}, -3.125), "");
    Lab opened;
    ASSERT_EQ(opened.open_link(lab.share_link(true)), "");
    EXPECT_EQ(opened.parameter({3, 1, 0, false}), -3.125);
    EXPECT_EQ(call(opened, "state")["trainingLoss"], call(lab, "state")["trainingLoss"]);
}

TEST(ParameterEdit, BadReferencesAndValuesAreRefusedAndChangeNothing) {
    Lab lab;
    const std::string link = lab.share_link(true);
    const json bad[] = {
        json::array({weight(1, 1, 1), "NaN"}),
        json::array({weight(1, 1, 1), "Infinity"}),
        json::array({weight(1, 1, 1), 1e9}),
        json::array({weight(1, 1, 1), -1000.5}),
        json::array({weight(1, 1, 1)}),
        json::array({weight(1, 1, 1), "0.5"}),
        json::array({weight(9, 1, 1), 0.5}),
        json::array({weight(1, 5, 1), 0.5}),
        json::array({weight(1, 1, 0), 0.5}),
        json::array({bias(4, 1), 0.5}),
        json::array({json::array({1, 1, 1}), 0.5}),
        json::array({json(nullptr), 0.5}),
        json::array({json({{"layer", 1.5}, {"i", 1}, {"j", 1}}), 0.5}),
    };
    for (const json& args : bad) {
        const json r = call(lab, "setParameter", args);
        EXPECT_EQ(r["ok"], false) << args.dump();
        EXPECT_TRUE(r["error"].is_string() && !r["error"].get<std::string>().empty()) << args.dump();
    }
    EXPECT_EQ(call(lab, "setParameter", json::array({weight(1, 1, 1), 1e9}))["error"],
              "setParameter(): a parameter set by hand must lie from -1000 to 1000");
    // A bias flag that is not true or false is named as such (not read as a weight with no i).
    EXPECT_EQ(call(lab, "setParameter", json::array({json({{"layer", 1}, {"j", 1}, {"bias", "yes"}}), 0.5}))["error"],
              "setParameter(): bias must be true or false");
    EXPECT_EQ(call(lab, "landscape", json::array({json({{"a", json({{"layer", 1}, {"j", 1}, {"bias", 1}})},
                                                         {"b", weight(1, 1, 1)}, {"span", 1}, {"n", 5}})}))["error"],
              "landscape(): a.bias must be true or false");
    EXPECT_EQ(lab.share_link(true), link);
    EXPECT_FALSE(lab.can_undo());
}

TEST(ParameterEdit, AnEditMidStepDropsTheBegunStepAndANewNetworkForgetsTheEdits) {
    Lab lab;
    lab.next_phase();
    lab.next_phase();
    ASSERT_TRUE(lab.trainer().mid_step());
    ASSERT_EQ(lab.set_parameter({1, 0, 0, false}, 0.5), "");
    EXPECT_FALSE(lab.trainer().mid_step());
    EXPECT_EQ(call(lab, "state")["phase"], "ready");
    // A network of another shape: the edit named a parameter of the old one, and undo skips it.
    ASSERT_EQ(call(lab, "configure", json::array({json({{"layers", json::array({4, 5, 1})}})}))["ok"], true);
    EXPECT_FALSE(lab.can_undo());
}

TEST(ParameterEdit, DraggingTheInspectorsValueSetsTheParameterAsOneUndoStep) {
    test_util::HeadlessImGui imgui(ImVec2(1440, 900));
    Lab lab;
    Platform platform;
    LabWindow window(lab, platform);
    const auto frame = [&](ImVec2 mouse, bool down) {
        test_util::HeadlessImGui::input(mouse, down);
        test_util::HeadlessImGui::frame([&] { draw_lab_window(window); });
    };
    frame(test_util::kNoMouse, false);
    frame(test_util::kNoMouse, false);
    const ParameterEditor& editor = window.inspector.editor;
    ASSERT_GT(editor.field_max.x - editor.field_min.x, 20.0f) << "the value field is on screen";
    const Selection w = lab.selection();
    const double before = lab.parameter(w);
    const ImVec2 at((editor.field_min.x + editor.field_max.x) / 2, (editor.field_min.y + editor.field_max.y) / 2);
    frame(at, false);
    frame(at, true);
    for (int dx = 10; dx <= 60; dx += 10) frame(ImVec2(at.x + static_cast<float>(dx), at.y), true);
    frame(ImVec2(at.x + 60, at.y), false);
    frame(test_util::kNoMouse, false);
    EXPECT_GT(lab.parameter(w), before + 0.02) << "dragging right raises the value";
    ASSERT_TRUE(lab.undo());
    EXPECT_EQ(lab.parameter(w), before);
    EXPECT_FALSE(lab.can_undo());
}
