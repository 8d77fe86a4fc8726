// window.lab's lesson calls: lessons(), openLesson(), lesson(), lessonNext(), lessonBack(),
// closeLesson() and answer(), with the window's own LessonRun kept between calls.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "app/api/lab_api.h"
#include "api_test_util.h"

using namespace bp;
using nlohmann::json;

namespace {

using api_test::Window;

}  // namespace

TEST(LessonApi, ListsTheBuiltInLessonsWithTheChainRuleFirst) {
    Window w;
    const json all = w.call("lessons");
    ASSERT_TRUE(all.is_array());
    ASSERT_GE(all.size(), 1u);
    EXPECT_EQ(all[0]["name"], "chain-rule");
    EXPECT_EQ(all[0]["title"], "The chain rule");
    EXPECT_GE(all[0]["steps"].get<int>(), 5);
}

TEST(LessonApi, OpensAtAStepWalksItAndChecksAnswers) {
    Window w;
    EXPECT_EQ(w.call("lesson")["open"], false);
    json r = w.call("openLesson", {"chain-rule", 4});
    ASSERT_EQ(r["ok"], true) << r.dump();
    EXPECT_EQ(r["step"], 4);
    const json l = w.call("lesson");
    EXPECT_EQ(l["open"], true);
    EXPECT_EQ(l["step"], 4);
    EXPECT_EQ(l["stepTitle"], "The chain rule for w\u00b9\u2081\u2081");
    EXPECT_EQ(w.call("selection")["selected"]["symbol"], "w\u00b9\u2081\u2081");
    EXPECT_EQ(w.call("state")["lesson"]["step"], 4);
    ASSERT_FALSE(l["question"].is_null());
    // The answer is the inspector's sum of the path products, which chainRule() reports too.
    const json rule = w.call("chainRule", {1, 1, 1});
    const double sum = rule["sum"].get<double>();
    json a = w.call("answer", {sum});
    EXPECT_EQ(a["ok"], true) << a.dump();
    EXPECT_EQ(a["correct"], true) << a.dump();
    EXPECT_NEAR(a["expected"].get<double>(), sum, 1e-12);
    EXPECT_NEAR(a["tolerance"].get<double>(), 0.01 * std::fabs(sum), 1e-12);
    a = w.call("answer", {sum * 2 + 0.1});
    EXPECT_EQ(a["ok"], true);
    EXPECT_EQ(a["correct"], false);
    EXPECT_EQ(w.call("lesson")["question"]["answered"], true);

    r = w.call("lessonNext");
    EXPECT_EQ(r["ok"], true);
    EXPECT_EQ(r["step"], 5);
    EXPECT_EQ(w.call("lesson")["question"]["answered"], false);  // a new step, a new question
    const json choice = w.call("answer", {"sideways"});
    EXPECT_EQ(choice["correct"], false);
    r = w.call("lessonBack");
    EXPECT_EQ(r["step"], 4);
    EXPECT_EQ(w.call("closeLesson")["ok"], true);
    EXPECT_EQ(w.call("lesson")["open"], false);
    EXPECT_EQ(w.call("lessonNext")["ok"], false);
}

TEST(LessonApi, AMalformedLessonOrHostileArgumentsChangeNothing) {
    Window w;
    ASSERT_EQ(w.call("openLesson", {"chain-rule", 2})["ok"], true);
    w.call("train", {3});
    const std::string link = w.call("shareLink", json::array({json::object()})).get<std::string>();
    const json bad_calls[] = {
        {"lesson: A\nstep: B\nset: select = w7_11\n"},
        {"lesson: A\nstep: B\nnote: oops\n"},
        {"no-such-lesson"},
        {"chain-rule", 0},
        {"chain-rule", 99},
        {"chain-rule", "4"},
        {"chain-rule", 2.5},
        {42},
        {json::object()},
        {std::string(70000, 'x')},
    };
    for (const json& args : bad_calls) {
        const json r = w.call("openLesson", args);
        EXPECT_EQ(r["ok"], false) << args.dump().substr(0, 60);
        EXPECT_TRUE(r["error"].is_string() && !r["error"].get<std::string>().empty());
        EXPECT_EQ(w.call("shareLink", json::array({json::object()})).get<std::string>(), link) << args.dump().substr(0, 60);
        EXPECT_EQ(w.call("lesson")["step"], 2) << args.dump().substr(0, 60);
    }
    const json line = w.call("openLesson", {"lesson: A\nstep: B\nset: select = w7_11\n"});
    EXPECT_NE(line["error"].get<std::string>().find("line 3"), std::string::npos) << line.dump();
    for (const json& args : {json::array({json::object()}), json::array({nullptr}), json::array({true})})
        EXPECT_EQ(w.call("answer", args)["ok"], false);
    EXPECT_EQ(w.call("answer", {"NaN"})["ok"], false);
}

TEST(LessonApi, KeepLabTakesALessonUpWithoutChangingTheLab) {
    Window w;
    w.call("train", {12});
    const std::string link = w.call("shareLink", json::array({json::object()})).get<std::string>();
    const json r = w.call("openLesson", {"chain-rule", 5, {{"keepLab", true}}});
    ASSERT_EQ(r["ok"], true) << r.dump();
    EXPECT_EQ(w.call("lesson")["step"], 5);
    EXPECT_EQ(w.call("shareLink", json::array({json::object()})).get<std::string>(), link);  // the lab as it was
    EXPECT_EQ(w.call("lesson", json::array({{{"text", true}}}))["source"].get<std::string>().rfind("# The lesson", 0), 0u);
    EXPECT_EQ(w.call("openLesson", {"chain-rule", 1, {{"keep", true}}})["ok"], false);
    EXPECT_EQ(w.call("lesson", json::array({42}))["ok"], false);
}
