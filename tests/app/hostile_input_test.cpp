// Hostile window.lab input: JSON nested far deeper than any call needs is refused before it is
// parsed (the parser would exhaust the stack), every time, and the lab keeps answering.
#include <gtest/gtest.h>

#include <string>

#include "api_test_util.h"
#include "app/lab/lab_files.h"

using namespace bp;

namespace {
std::string nested_array(int depth) { return std::string(depth, '[') + "1" + std::string(depth, ']'); }
}  // namespace

TEST(HostileInput, DeeplyNestedArgumentsAreRefusedAndTheLabKeepsAnswering) {
    Lab lab;
    const std::string deep = nested_array(20000);
    for (int k = 0; k < 200; ++k) {
        const std::string args = "[{\"layer\": " + deep + ", \"i\": 1, \"j\": 1}]";
        const auto r = nlohmann::json::parse(call_lab_api(lab, "select", args));
        ASSERT_EQ(r["ok"], false);
        ASSERT_NE(r["error"].get<std::string>().find("nested more than"), std::string::npos) << r.dump();
        const auto s = nlohmann::json::parse(call_lab_api(lab, "shareLink", "[{\"locks\": [" + deep + "]}]"));
        ASSERT_EQ(s["ok"], false);
    }
    EXPECT_EQ(api_test::call(lab, "select", {{{"layer", 2}, {"i", 1}, {"j", 2}}})["ok"], true);
    EXPECT_EQ(lab.selection().layer, 2);
}

TEST(HostileInput, DeeplyNestedWeightsFilesAreRefused) {
    Lab lab;
    const std::string error = import_weights_json(lab, "{\"format\": \"backprop-lab-weights\", \"weights\": " + nested_array(50000) + "}");
    EXPECT_NE(error.find("nested more than"), std::string::npos) << error;
}

TEST(HostileInput, BracketsInsideStringsDoNotCountAsNesting) {
    Lab lab;
    const std::string csv = "x1,x2,y\n0.1,0.2,1\n" + std::string(100, '[');  // a bad CSV, but only a string
    const auto r = api_test::call(lab, "importCsv", {csv});
    ASSERT_EQ(r["ok"], false);
    EXPECT_EQ(r["error"].get<std::string>().find("nested"), std::string::npos) << r.dump();
}

TEST(HostileInput, OversizedArgumentsAreRefusedWithTheLimit) {
    Lab lab;
    const std::string huge = "[\"" + std::string(17u << 20, 'a') + "\"]";
    const auto r = nlohmann::json::parse(call_lab_api(lab, "importCsv", huge));
    EXPECT_EQ(r["ok"], false);
    EXPECT_NE(r["error"].get<std::string>().find("too long"), std::string::npos);
}

TEST(HostileInput, NullIsNotTheSameAsNoArgument) {
    Lab lab;
    EXPECT_EQ(api_test::call(lab, "train", {nullptr})["ok"], false);
    EXPECT_EQ(lab.trainer().step_count(), 0);
    EXPECT_TRUE(api_test::call(lab, "train").is_number());  // no argument: one step
    EXPECT_EQ(lab.trainer().step_count(), 1);
    EXPECT_EQ(api_test::call(lab, "play", {nullptr})["ok"], false);
    EXPECT_EQ(api_test::call(lab, "play", {"NaN"})["ok"], false);
    EXPECT_FALSE(lab.playing());
    EXPECT_EQ(api_test::call(lab, "play")["ok"], true);  // no argument: start
    EXPECT_TRUE(lab.playing());
}

TEST(HostileInput, PredictFarOutsideThePlaneIsRefusedNotNull) {
    Lab lab;
    const auto r = api_test::call(lab, "predict", {-1e308, 1e308});
    ASSERT_TRUE(r.is_object());
    EXPECT_EQ(r["ok"], false);
    EXPECT_NE(r["error"].get<std::string>().find("-1000 to 1000"), std::string::npos);
    EXPECT_TRUE(api_test::call(lab, "predict", {0.5, -0.5}).is_number());
}

TEST(HostileInput, TrainRefusesWorkThatWouldKeepThePageBusyForLong) {
    Lab lab;
    EXPECT_EQ(api_test::call(lab, "train", {1000001})["ok"], false);
    ASSERT_EQ(lab.configure(largest_settings()), "");
    const auto r = api_test::call(lab, "train", {1000000});
    EXPECT_EQ(r["ok"], false);
    EXPECT_NE(r["error"].get<std::string>().find("for this network and batch size"), std::string::npos);
    EXPECT_EQ(lab.trainer().step_count(), 0);
    EXPECT_TRUE(api_test::call(lab, "train", {2}).is_number());  // a few steps still run
}
