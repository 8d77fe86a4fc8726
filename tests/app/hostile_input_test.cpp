// Hostile window.lab input: JSON nested far deeper than any call needs is refused before it is
// parsed (the parser would exhaust the stack), every time, and the lab keeps answering.
#include <gtest/gtest.h>

#include <string>

#include "api_test_util.h"
#include "app/lab/lab_files.h"
#include "app/lab/settings_json.h"

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

// Texts the lab keeps or reads are refused past a limit the message names, before they are read.
TEST(HostileInput, LongTextsAreRefusedNamingTheLimit) {
    Lab lab;
    const auto notice = api_test::call(lab, "notice", {std::string(10u << 20, 'W')});
    EXPECT_EQ(notice["ok"], false);
    EXPECT_EQ(notice["error"], "notice(): a notice is at most 1000 characters; this one is 10485760 characters");
    EXPECT_EQ(lab.notice(), "");
    // 1000 characters of two bytes each are a notice of 1000 characters.
    std::string greek;
    for (size_t k = 0; k < kMaxNoticeChars; ++k) greek += "\u03b4";
    EXPECT_EQ(api_test::call(lab, "notice", {greek})["ok"], true);
    EXPECT_EQ(lab.notice(), greek);
    EXPECT_EQ(api_test::call(lab, "notice", {greek + "x"})["ok"], false);

    const auto csv = api_test::call(lab, "importCsv", {"x1,x2,y\n" + std::string(2u << 20, '0')});
    EXPECT_EQ(csv["ok"], false);
    EXPECT_NE(csv["error"].get<std::string>().find("a CSV text is at most 1024 KiB"), std::string::npos) << csv.dump();
    const auto weights = api_test::call(lab, "importWeights", {"{\"format\": \"" + std::string(2u << 20, ' ') + "\"}"});
    EXPECT_EQ(weights["ok"], false);
    EXPECT_NE(weights["error"].get<std::string>().find("a weights file is at most 1024 KiB"), std::string::npos)
        << weights.dump();
    // What the largest lab writes itself is within the limits and reads back.
    TrainingSettings largest = largest_settings();
    largest.optimizer.kind = OptimizerKind::Adam;
    ASSERT_EQ(lab.configure(largest), "");
    ASSERT_EQ(lab.trainer().points().size(), static_cast<size_t>(kMaxPoints));
    lab.train(3);
    EXPECT_EQ(api_test::call(lab, "importCsv", {api_test::call(lab, "exportCsv").get<std::string>()})["ok"], true);
    EXPECT_EQ(api_test::call(lab, "importWeights", {api_test::call(lab, "exportWeights").get<std::string>()})["ok"], true);
}

// A name the lab does not know comes back in the message cut short, not a megabyte of it.
TEST(HostileInput, UnknownNamesAreQuotedShort) {
    Lab lab;
    const std::string name(1u << 20, 'q');
    for (const nlohmann::json& args : {nlohmann::json::array({{{"dataset", name}}}), nlohmann::json::array({{{name, 1}}})}) {
        const auto r = api_test::call(lab, "configure", args);
        ASSERT_EQ(r["ok"], false);
        const std::string error = r["error"];
        EXPECT_LT(error.size(), 200u) << error.substr(0, 200);
        EXPECT_NE(error.find("'" + std::string(kMaxQuotedChars, 'q') + "\u2026'"), std::string::npos) << error;
    }
    const auto lock = api_test::call(lab, "shareLink", {{{"locks", {name}}}});
    EXPECT_LT(lock["error"].get<std::string>().size(), 300u);
}
