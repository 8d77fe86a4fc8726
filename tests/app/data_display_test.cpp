// The data controls a Playground user expects: New data (the next seed's points and weights, one
// undo step), and the display options (discretized output, hidden test points), set through
// lab.display, reported by state(), and back to their defaults with Reset to defaults.
#include <gtest/gtest.h>

#include "api_test_util.h"
#include "core/trainer.h"

using namespace bp;
using api_test::call;
using json = nlohmann::json;

TEST(DataDisplay, ALinkCarriesTheDisplayOptions) {
    Lab lab;
    lab.set_display({true, false});
    Lab opened;
    ASSERT_EQ(opened.open_link(lab.share_link(true)), "");
    EXPECT_EQ(opened.display(), (DisplayOptions{true, false}));
    ASSERT_EQ(opened.open_link(Lab().share_link(false)), "");
    EXPECT_EQ(opened.display(), DisplayOptions{});
}

TEST(DataDisplay, NewDataDrawsTheNextSeedsPointsAndOneUndoBringsTheOldOnesBack) {
    Lab lab;
    call(lab, "train", json::array({30}));
    const std::vector<Point> before = lab.trainer().points();
    const std::string before_link = lab.share_link(true);
    lab.new_data();
    TrainingSettings next = TrainingSettings{};
    next.seed = 2;
    EXPECT_EQ(lab.settings().seed, 2u);
    EXPECT_EQ(lab.trainer().points(), generated_points(next));
    EXPECT_NE(lab.trainer().points(), before);
    EXPECT_EQ(lab.trainer().step_count(), 0);
    EXPECT_NE(lab.notice().find("seed 2"), std::string::npos) << lab.notice();
    ASSERT_TRUE(lab.undo());
    EXPECT_EQ(lab.share_link(true), before_link) << "the data, weights and run as they were";
}

TEST(DataDisplay, DisplayOptionsAreSetReportedCheckedAndResetToDefaults) {
    Lab lab;
    EXPECT_EQ(call(lab, "state")["display"], json({{"discretize", false}, {"showTestPoints", true}}));
    EXPECT_EQ(call(lab, "display", json::array({json({{"discretize", true}})}))["ok"], true);
    EXPECT_EQ(call(lab, "display", json::array({json({{"showTestPoints", false}})}))["ok"], true);
    EXPECT_EQ(call(lab, "state")["display"], json({{"discretize", true}, {"showTestPoints", false}}));
    for (const json& bad : {json::array({json({{"discretize", 1}})}), json::array({json({{"smooth", true}})}),
                            json::array({json::object()}), json::array({json("discretize")}), json::array()}) {
        const json r = call(lab, "display", bad);
        EXPECT_EQ(r["ok"], false) << bad.dump();
        EXPECT_TRUE(r["error"].is_string()) << bad.dump();
    }
    EXPECT_EQ(call(lab, "state")["display"], json({{"discretize", true}, {"showTestPoints", false}}));
    lab.reset_to_defaults();  // the display alone differs from the defaults: still one undo step
    EXPECT_EQ(call(lab, "state")["display"], json({{"discretize", false}, {"showTestPoints", true}}));
    ASSERT_TRUE(lab.undo());
    EXPECT_EQ(call(lab, "state")["display"], json({{"discretize", true}, {"showTestPoints", false}}));
}
