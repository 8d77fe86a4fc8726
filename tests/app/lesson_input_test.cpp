// A lesson file from anyone, read exactly or refused in words: a byte-order mark, every number a
// set-up names held to the limits window.lab holds it to, braces, and the line a problem is on.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <string>

#include "api_test_util.h"
#include "app/lab/lab.h"
#include "app/lesson/lesson_parser.h"
#include "app/lesson/lesson_run.h"
#include "lesson_test_util.h"

using namespace bp;
using nlohmann::json;

namespace {

bool opens(const std::string& text, Lesson& lesson, LessonProblem& problem) {
    return parse_lesson(text, lesson, problem) && check_lesson(lesson, problem);
}

// What window.lab's configure() says of these settings on a fresh lab, after the name of the call.
std::string configure_refusal(const json& settings) {
    Lab lab;
    const json r = api_test::call(lab, "configure", json::array({settings}));
    if (r["ok"] != false) return "";
    const std::string error = r["error"].get<std::string>(), call = "configure(): ";
    EXPECT_EQ(error.rfind(call, 0), 0u) << error;
    return error.substr(call.size());
}

}  // namespace

TEST(LessonInput, AByteOrderMarkIsNotPartOfTheFirstLine) {
    Lesson lesson;
    LessonProblem problem;
    ASSERT_TRUE(opens("\xEF\xBB\xBFlesson: Notepad\r\nset: seed = 4\r\nstep: One\r\nText.\r\n", lesson, problem)) << problem.text();
    EXPECT_EQ(lesson.title, "Notepad");
    EXPECT_EQ(lesson.setup.at(0).value, "4");
    // Only at the start: elsewhere it is a character of the text, which the font does not draw.
    EXPECT_EQ(problem_of("lesson: A\nstep: B\n\xEF\xBB\xBFText.\n").line, 3);
}

// Each value is written once: the lesson's line uses the text, window.lab gets the same text as
// JSON. The lesson must be refused at that line with configure()'s own words, whatever they are.
TEST(LessonInput, EverySettingOutOfRangeIsRefusedAtItsLineAsConfigureRefusesIt) {
    struct Case {
        std::string line;  // after "set: "
        json settings;     // the same value as configure() takes it
    };
    const auto number = [](const char* text) { return json::parse(text); };
    const Case cases[] = {
        {"seed = 99999999999999999999999", {{"seed", number("99999999999999999999999")}}},
        {"seed = 18446744073709551616", {{"seed", number("18446744073709551616")}}},
        {"seed = -1", {{"seed", -1}}},
        {"seed = 1.5", {{"seed", 1.5}}},
        {"learningRate = 0", {{"learningRate", 0}}},
        {"learningRate = 101", {{"learningRate", 101}}},
        {"learningRate = -0.1", {{"learningRate", -0.1}}},
        {"batchSize = 0", {{"batchSize", 0}}},
        {"batchSize = 1001", {{"batchSize", 1001}}},
        {"batchSize = 99999999999", {{"batchSize", number("99999999999")}}},
        {"batchSize = 99999999999999999999999", {{"batchSize", number("99999999999999999999999")}}},
        {"batchSize = 2.5", {{"batchSize", 2.5}}},
        {"pointCount = 2001", {{"pointCount", 2001}}},
        {"pointCount = -1", {{"pointCount", -1}}},
        {"noise = 1.5", {{"noise", 1.5}}},
        {"noise = -0.01", {{"noise", -0.01}}},
        {"testFraction = 0.95", {{"testFraction", 0.95}}},
        {"regularization = l2 11", {{"regularization", {{"kind", "l2"}, {"rate", 11}}}}},
        {"regularization = l1 -0.5", {{"regularization", {{"kind", "l1"}, {"rate", -0.5}}}}},
        {"optimizer = momentum 1", {{"optimizer", {{"kind", "momentum"}, {"beta", 1}}}}},
        {"optimizer = adam 1.5", {{"optimizer", {{"kind", "adam"}, {"beta1", 1.5}}}}},
        {"optimizer = adam 0.9 1", {{"optimizer", {{"kind", "adam"}, {"beta1", 0.9}, {"beta2", 1}}}}},
        {"optimizer = adam 0.9 0.999 2", {{"optimizer", {{"kind", "adam"}, {"beta1", 0.9}, {"beta2", 0.999}, {"epsilon", 2}}}}},
        {"layers = 4 17 1", {{"layers", {4, 17, 1}}}},
        {"layers = 4 0 1", {{"layers", {4, 0, 1}}}},
        {"layers = 4 99999999999 1", {{"layers", {4, number("99999999999"), 1}}}},
        {"layers = 4 2 2 2 2 2 2 2 1", {{"layers", {4, 2, 2, 2, 2, 2, 2, 2, 1}}}},
        {"features = x1 x1", {{"features", {"x1", "x1"}}}},
    };
    for (const Case& c : cases) {
        const std::string refusal = configure_refusal(c.settings);
        ASSERT_FALSE(refusal.empty()) << c.settings.dump();
        // In the header and in a step; a valid line after it must not take the blame.
        const std::string in_header = "lesson: A\nset: " + c.line + "\nset: hidden = relu\nstep: B\nText.\n";
        const std::string in_step = "lesson: A\nstep: B\nText.\n\nset: noise = 0.1\nset: " + c.line + "\nset: hidden = relu\n";
        for (const auto& [text, line] : {std::make_pair(in_header, 2), std::make_pair(in_step, 6)}) {
            const LessonProblem p = problem_of(text);
            EXPECT_EQ(p.line, line) << c.line << " -> " << p.text();
            EXPECT_EQ(p.message, refusal) << c.line;
        }
    }
}

TEST(LessonInput, SettingsInRangeStillOpenAndLeadingZerosAreRead) {
    Lesson lesson;
    LessonProblem problem;
    ASSERT_TRUE(opens("lesson: A\nset: seed = 007\nset: batchSize = 1000\nset: learningRate = 100\nset: layers = 4-16-1\n"
                      "set: seed = 18446744073709551615\nstep: B\nText.\n",
                      lesson, problem))
        << problem.text();
    // Lines read together: bce needs a sigmoid output, named on the next line.
    ASSERT_TRUE(opens("lesson: A\nset: dataset = curve\nset: loss = bce\nset: output = sigmoid\nstep: B\nText.\n", lesson, problem))
        << problem.text();
    // A refusal that needs two lines is reported at the second, the one that brings it.
    const LessonProblem both = problem_of("lesson: A\nset: output = linear\nset: seed = 3\nset: loss = bce\nset: noise = 0.2\nstep: B\nT.\n");
    EXPECT_EQ(both.line, 4) << both.text();
    EXPECT_EQ(both.message, configure_refusal({{"activations", {{"output", "linear"}}}, {"loss", "bce"}}));
}

TEST(LessonInput, TrainIsLimitedAsWindowLabsTrainIs) {
    for (const char* steps : {"2000000", "99999999999", "-1"}) {
        Lab lab;
        const json r = api_test::call(lab, "train", json::array({json::parse(steps)}));
        ASSERT_EQ(r["ok"], false) << steps;
        const LessonProblem p = problem_of(std::string("lesson: A\nstep: B\nset: train = ") + steps + "\nText.\n");
        EXPECT_EQ(p.line, 3) << p.text();
        const std::string error = r["error"].get<std::string>(), call = "train(): ";
        ASSERT_EQ(error.rfind(call, 0), 0u) << error;
        EXPECT_EQ(p.message, std::string("train = ") + steps + ": " + error.substr(call.size())) << r.dump();
    }
    // On the largest network the limit is lower, as it is for window.lab.
    const LessonProblem big = problem_of(
        "lesson: A\nset: features = x1 x2 x1sq x2sq x1x2 sinx1 sinx2\nset: layers = 7 16 16 16 16 16 16 1\n"
        "set: batchSize = 1000\nset: pointCount = 2000\nstep: B\nset: train = 100000\n");
    EXPECT_EQ(big.line, 7);
    EXPECT_NE(big.message.find("for this network and batch size"), std::string::npos) << big.text();
    for (const char* bad : {"train = 1x", "train = 2.5", "phase = forward 1x", "inspect = point 1x", "inspect = point 99999999999"}) {
        const LessonProblem p = problem_of(std::string("lesson: A\nstep: B\nset: ") + bad + "\n");
        EXPECT_EQ(p.line, 3) << bad << " -> " << p.text();
    }
    Lab lab;
    LessonRun run;
    ASSERT_EQ(run.open(lab, "lesson: A\nstep: B\nset: train = 25\nText.\n", "", 0), "");
    EXPECT_EQ(lab.trainer().step_count(), 25);
}

// A quantity is {name}; a brace itself is \{ or \}. Doubled braces, as other templates write them,
// are refused at their line rather than shown half read ("{loss}}").
TEST(LessonInput, DoubledOrStrayBracesAreRefusedAtTheirLine) {
    for (const char* text : {"Loss {{loss}}.", "Loss }} here.", "The loss {loss}}.", "A } alone.", "{{ alone"}) {
        const LessonProblem p = problem_of(std::string("lesson: A\nstep: B\nFirst line,\n") + text + "\n");
        EXPECT_EQ(p.line, 4) << text << " -> " << p.text();
        EXPECT_TRUE(p.message.find("\\{") != std::string::npos || p.message.find("\\}") != std::string::npos) << p.text();
    }
    EXPECT_EQ(problem_of("lesson: A\nstep: B\nask: Is {{loss}} small?\nanswer: loss\n").line, 3);
    Lab lab;
    LessonRun run;
    ASSERT_EQ(run.open(lab, "lesson: A\nstep: B\nText.\n", "", 0), "");
    Lesson lesson;
    LessonProblem problem;
    ASSERT_TRUE(opens("lesson: A\nstep: B\nThe set \\{\\{0\\}\\} and \\{loss\\} and {loss} and {points}.\n", lesson, problem))
        << problem.text();
    EXPECT_EQ(run.fill(lab, lesson.steps[0].paragraphs[0]), "The set {{0}} and {loss} and " +
                                                                run.fill(lab, "{loss}") + " and 200.");
}

TEST(LessonInput, AProblemIsReportedAtTheLineThatHoldsIt) {
    // (A choice that is not offered and a question without its answer are in LessonFormat's table.)
    expect_refused_at_their_lines({
        // The second line of a paragraph, and after a blank line.
        {"lesson: A\nstep: B\nFine first line\nthen \\unknownmacro here.\n", 4, "unknown markup"},
        {"lesson: A\nstep: B\nFine.\n\nSecond paragraph\nand {wieght}.\n", 6, "wieght"},
        {"lesson: A\nstep: B\nOne\ntwo\n- item \\nope\n", 5, "\\nope"},
        // A quantity the network lacks, found when the lesson is set up, in a paragraph's third line.
        {"lesson: A\nstep: B\nOne {loss}\ntwo\nthe {a4_1}.\n", 5, "layer 4 does not exist"},
        // The question's parts at their own lines.
        {"lesson: A\nstep: B\nask: Q?\nanswer: w9_11\n", 4, "does not exist"},
        {"lesson: A\nstep: B\nask: Q?\nanswer: loss\nexplain: It is {a5_1}.\n", 5, "layer 5 does not exist"},
        {"lesson: A\nstep: B\nask: Q?\nanswer: \"up\"\n\nstep: C\nText.\n", 4, "must be a number"},
    });
    // Line 40 with valid set-up lines after it: reported at 40, not at the last of the set-up.
    std::string long_lesson = "lesson: A\nstep: B\n";
    for (int k = 3; k < 40; ++k) long_lesson += "Line " + std::to_string(k) + ".\n";
    long_lesson += "set: batchSize = 5000\nset: seed = 9\nset: noise = 0.1\n";
    const LessonProblem p = problem_of(long_lesson);
    EXPECT_EQ(p.line, 40) << p.text();
    EXPECT_EQ(p.message, configure_refusal({{"batchSize", 5000}}));
}
