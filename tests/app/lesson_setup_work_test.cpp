// A lesson's training: held in all to the one limit window.lab's train(n) has, a long set-up spread
// over frames without changing the lab until it is done, and Back or reopening a step training
// nothing twice.
#include <gtest/gtest.h>

#include <chrono>
#include <nlohmann/json.hpp>
#include <string>

#include "app/api/lab_api.h"
#include "app/lesson/lesson_run.h"
#include "lesson_test_util.h"
#include "api_test_util.h"

using namespace bp;
using nlohmann::json;

namespace {

using api_test::Window;

// The network the tests train: large enough that train(n) is limited by work, not by its cap of
// a million steps.
const char* kNetwork = "set: layers = 4 16 16 1\nset: batchSize = 100\n";
const json kNetworkSettings = {{"layers", {4, 16, 16, 1}}, {"batchSize", 100}};

// The most steps window.lab's train(n) takes on that network, read from its refusal.
int most_steps_of_train() {
    Window w;
    { const json c = w.call("configure", json::array({kNetworkSettings})); EXPECT_EQ(c["ok"], true) << c.dump(); }
    const std::string error = w.call("train", {100000000})["error"];
    const std::string says = "must be 0 to ";
    const size_t at = error.find(says);
    EXPECT_NE(at, std::string::npos) << error;
    return std::stoi(error.substr(at + says.size()));
}

// A lab trained as a script would: configure, then train(n) in one call.
Lab trained_directly(int n) {
    Window w;
    { const json c = w.call("configure", json::array({kNetworkSettings})); EXPECT_EQ(c["ok"], true) << c.dump(); }
    EXPECT_TRUE(w.call("train", {n}).is_number());
    return w.lab;
}

double seconds_since(std::chrono::steady_clock::time_point t) {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - t).count();
}

std::string steps_training(int steps, int n) {
    std::string text = std::string("lesson: Work\n") + kNetwork;
    for (int k = 1; k <= steps; ++k) text += "step: S" + std::to_string(k) + "\nset: train = " + std::to_string(n) + "\nText.\n";
    return text;
}

}  // namespace

TEST(LessonSetupWork, ALessonsTrainingIsHeldInAllToTheLimitOfTrain) {
    const int most = most_steps_of_train();
    ASSERT_GT(most, 30);
    ASSERT_LT(most, 1000000);
    const int third = most / 3;
    // Three thirds fit; a fourth line passes the limit and is refused there, saying what still fits.
    Lesson lesson;
    LessonProblem problem;
    ASSERT_TRUE(parse_lesson(steps_training(3, third), lesson, problem) && check_lesson(lesson, problem)) << problem.text();
    const LessonProblem over = problem_of(steps_training(4, third));
    EXPECT_EQ(over.line, 5 + 3 * 3) << over.text();  // the fourth step's train line
    EXPECT_NE(over.message.find("3\u00b710\u2079"), std::string::npos) << over.text();
    EXPECT_NE(over.message.find("about " + std::to_string(most - 3 * third) + " more steps"), std::string::npos) << over.text();
}

TEST(LessonSetupWork, HostileTrainingIsRefusedAtOnce) {
    // The largest network on the most points with the largest batch, and forty steps of the most
    // training a small network takes: each would keep a page busy for minutes.
    const std::string largest =
        "lesson: A\nset: features = x1 x2 x1sq x2sq x1x2 sinx1 sinx2\nset: layers = 7 16 16 16 16 16 16 1\n"
        "set: batchSize = 1000\nset: pointCount = 2000\nstep: B\nset: train = 500\nText.\nstep: C\nset: train = 500\nText.\n";
    std::string forty = "lesson: Forty\n";
    for (int k = 0; k < 40; ++k) forty += "step: S\nset: train = 100000\nText.\n";
    for (const std::string& text : {largest, forty}) {
        const auto start = std::chrono::steady_clock::now();
        Window w;
        const json r = w.call("openLesson", {text});
        EXPECT_LT(seconds_since(start), 2.0);
        EXPECT_EQ(r["ok"], false);
        EXPECT_NE(r["error"].get<std::string>().find("a lesson may train for at most"), std::string::npos) << r.dump();
        EXPECT_EQ(w.lab.trainer().step_count(), 0);
        EXPECT_EQ(w.call("lesson")["open"], false);
    }
}

TEST(LessonSetupWork, ALongSetUpGoesOnOverFramesAndEndsAsOneCallWould) {
    const int n = most_steps_of_train() / 10;  // about 3·10⁸ multiply-adds: several times what is done at once
    Window w;
    const std::string before = w.lab.share_link(false);
    const json r = w.call("openLesson", {std::string("lesson: Long\n") + kNetwork + "step: A\nset: train = " + std::to_string(n) + "\nText.\n"});
    ASSERT_EQ(r["ok"], true) << r.dump();
    EXPECT_EQ(r["settingUp"], true);
    // Nothing has changed yet; the lesson says what it is doing.
    EXPECT_EQ(w.lab.share_link(false), before);
    json state = w.call("lesson");
    EXPECT_EQ(state["open"], false);
    ASSERT_TRUE(state["settingUp"].is_object()) << state.dump();
    EXPECT_EQ(state["settingUp"]["title"], "Long");
    EXPECT_EQ(state["settingUp"]["toTrain"], n);
    EXPECT_GT(state["settingUp"]["trained"].get<int>(), 0);
    EXPECT_LT(state["settingUp"]["trained"].get<int>(), n);
    // Frame by frame: each slice short, the progress growing.
    int frames = 0;
    double progress = state["settingUp"]["progress"];
    while (w.lesson.setting_up()) {
        const auto start = std::chrono::steady_clock::now();
        w.lesson.work(w.lab, 5.0);
        EXPECT_LT(seconds_since(start), 1.0);  // 5 ms asked; generous for a loaded machine
        if (w.lesson.setting_up()) {
            const double now = w.call("lesson")["settingUp"]["progress"];
            EXPECT_GT(now, progress);
            progress = now;
        }
        ASSERT_LT(++frames, 100000);
    }
    EXPECT_GT(frames, 3);
    ASSERT_EQ(w.call("lesson")["open"], true);
    EXPECT_TRUE(w.call("lesson")["settingUp"].is_null());
    const Lab direct = trained_directly(n);
    EXPECT_EQ(w.lab.trainer().step_count(), n);
    EXPECT_EQ(w.lab.trainer().network().W, direct.trainer().network().W);  // bit for bit
    EXPECT_EQ(w.lab.trainer().network().b, direct.trainer().network().b);
    // One undo brings back the lab from before the lesson.
    ASSERT_EQ(w.call("undo")["ok"], true);
    EXPECT_EQ(w.lab.share_link(false), before);
}

TEST(LessonSetupWork, StepsAreRefusedWhileOneIsSetUpAndCancelChangesNothing) {
    const int n = most_steps_of_train() / 10;
    Window w;
    ASSERT_EQ(w.call("openLesson", {"chain-rule"})["ok"], true);
    const std::string before = w.lab.share_link(false);
    ASSERT_EQ(w.call("openLesson", {std::string("lesson: Long\n") + kNetwork + "step: A\nset: train = " + std::to_string(n) + "\nText.\n"})["settingUp"], true);
    // The lesson open so far stays, and its steps wait.
    EXPECT_EQ(w.call("lesson")["title"], "The chain rule");
    const json next = w.call("lessonNext");
    EXPECT_EQ(next["ok"], false);
    EXPECT_NE(next["error"].get<std::string>().find("still being set up"), std::string::npos) << next.dump();
    w.lesson.cancel_setup();
    EXPECT_FALSE(w.lesson.setting_up());
    for (int k = 0; k < 5; ++k) w.lesson.work(w.lab, 5.0);
    EXPECT_EQ(w.lab.share_link(false), before);
    EXPECT_EQ(w.call("lesson")["title"], "The chain rule");
    EXPECT_EQ(w.call("lessonNext")["ok"], true);
}

TEST(LessonSetupWork, BackAndReopeningAStepTrainNothingTwice) {
    const int n = most_steps_of_train() / 10;
    const std::string text = std::string("lesson: Kept\n") + kNetwork + "step: A\nset: train = " + std::to_string(n) +
                             "\nText.\nstep: B\nset: phase = loss\nText.\nstep: C\nset: learningRate = 0.5\nText.\n";
    Window w;
    ASSERT_EQ(w.call("openLesson", {text, 3})["ok"], true);
    w.lesson.finish_setup(w.lab);
    ASSERT_EQ(w.call("lesson")["step"], 3);
    const Lab direct = trained_directly(n);
    // The learner trains on; Back gives step 2's lab as it was built, at once.
    w.call("train", {50});
    json back = w.call("lessonBack");
    ASSERT_EQ(back["ok"], true) << back.dump();
    EXPECT_EQ(back["settingUp"], false);
    EXPECT_EQ(back["step"], 2);
    EXPECT_EQ(w.lab.trainer().network().W, direct.trainer().network().W);
    EXPECT_EQ(w.lab.trainer().phase().phase, Phase::Loss);
    back = w.call("lessonBack");
    EXPECT_EQ(back["settingUp"], false);
    EXPECT_EQ(w.lab.trainer().step_count(), n);
    // Opening the same lesson again, at any step, is at once too; another lesson's text is not.
    for (int step : {1, 3, 2}) {
        const json again = w.call("openLesson", {text, step});
        EXPECT_EQ(again["ok"], true);
        EXPECT_EQ(again["settingUp"], false) << step;
        EXPECT_EQ(w.lab.trainer().network().W, direct.trainer().network().W);
    }
    EXPECT_EQ(w.call("openLesson", {text + "A last line.\n"})["settingUp"], true);
}
