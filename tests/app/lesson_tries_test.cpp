// Two tries before the answer: a wrong first answer says only that it is wrong (and whether a number
// is too high or too low), shows the hint and leaves a second try; the value and the explanation come
// after a right answer, the last try or Show answer; `tries: 1` and two choices show them at once; and
// what is recorded of each question (lessonResults) stays as it was once the answer is shown. The
// expected values are computed here from the lab's state another way (a finite difference of the
// loss, the layer sizes), not by the lesson's own quantities.
#include <gtest/gtest.h>

#include <cctype>
#include <cmath>
#include <nlohmann/json.hpp>
#include <string>

#include "app/api/lab_api.h"
#include "app/lesson/builtin_lessons.h"
#include "app/lesson/lesson_quantity.h"
#include "app/lesson/lesson_run.h"
#include "app/notation/number_text.h"
#include "lesson_test_util.h"

using namespace bp;
using nlohmann::json;

namespace {

struct Window {
    Lab lab;
    ScreenGeometry screen;
    ViewSettings view;
    LessonRun lesson;
    json call(const std::string& method, const json& args = json::array()) {
        return json::parse(call_lab_api(lab, method, args.dump(), screen, view, lesson));
    }
};

// ∂L/∂w¹₁₁ of the inspected sample, by a central difference of its loss.
double numeric_gradient_w1_11(const Lab& lab) {
    const double w = lab.inspected_network().W[0](0, 0), h = 1e-6;
    return (sample_loss_at(lab, 1, 0, 0, w + h) - sample_loss_at(lab, 1, 0, 0, w - h)) / (2 * h);
}

// The weights and biases of the network, from the layer sizes state() reports.
int weights_from_state(Window& w) {
    const json layers = w.call("state")["layers"];
    int n = 0;
    for (size_t l = 1; l < layers.size(); ++l) n += layers[l - 1].get<int>() * layers[l].get<int>();
    return n;
}

// True when `text`, with the learner's own number taken out, still has a digit: a value given away.
bool has_digits_besides(std::string text, const std::string& given) {
    if (const size_t at = text.find(given); !given.empty() && at != std::string::npos) text.erase(at, given.size());
    for (char c : text)
        if (std::isdigit(static_cast<unsigned char>(c))) return true;
    return false;
}

std::string lower(std::string s) {
    for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return s;
}

json results_of_step(Window& w, int step) {
    const json results = w.call("lessonResults");
    for (const json& q : results["questions"])
        if (q["step"] == step) return q;
    return nullptr;
}

// The chain-rule lesson's step 4 asks for ∂L/∂w¹₁₁ within 1 %.
constexpr int kGradientStep = 4;

}  // namespace

TEST(LessonTries, AWrongFirstAnswerSaysSoWithoutTheValueAndTheSecondShowsIt) {
    Window w;
    ASSERT_EQ(w.call("openLesson", {"chain-rule", kGradientStep})["ok"], true);
    const double g = numeric_gradient_w1_11(w.lab);
    ASSERT_GT(std::fabs(g), 1e-6);
    const double wrong = g + 1.0;  // too high, and far outside 1 %
    json a = w.call("answer", {wrong});
    ASSERT_EQ(a["ok"], true) << a.dump();
    EXPECT_EQ(a["correct"], false);
    EXPECT_TRUE(a["expected"].is_null()) << a.dump();
    EXPECT_TRUE(a["tolerance"].is_null()) << a.dump();
    EXPECT_EQ(a["triesLeft"], 1);
    EXPECT_EQ(a["revealed"], false);
    const std::string feedback = a["feedback"];
    EXPECT_NE(feedback.find("too high"), std::string::npos) << feedback;
    EXPECT_FALSE(has_digits_besides(feedback, number_text(wrong, 6))) << feedback;
    const json q = w.call("lesson")["question"];
    EXPECT_EQ(q["feedback"], feedback);
    EXPECT_EQ(q["revealed"], false);
    EXPECT_EQ(q["triesLeft"], 1);
    EXPECT_EQ(q["tries"], 2);
    EXPECT_TRUE(w.lesson.answer_pending_for_gradient()) << "the inspector's Σ and backprop stay held for the second try";

    a = w.call("answer", {g - 1.0});  // too low: the second and last try
    ASSERT_EQ(a["ok"], true);
    EXPECT_EQ(a["correct"], false);
    EXPECT_EQ(a["revealed"], true);
    EXPECT_EQ(a["triesLeft"], 0);
    ASSERT_TRUE(a["expected"].is_number()) << a.dump();
    EXPECT_NEAR(a["expected"].get<double>(), g, 1e-6 * std::fabs(g) + 1e-9);
    EXPECT_NEAR(a["tolerance"].get<double>(), 0.01 * std::fabs(g), 1e-6 * std::fabs(g));
    const std::string revealed = a["feedback"];
    EXPECT_NE(revealed.find(number_text(a["expected"].get<double>(), 6)), std::string::npos) << revealed;
    EXPECT_NE(revealed.find("exactly what backprop computes"), std::string::npos) << "the explanation: " << revealed;
    EXPECT_FALSE(w.lesson.answer_pending_for_gradient());

    json r = results_of_step(w, kGradientStep);
    EXPECT_EQ(r, (json{{"step", kGradientStep}, {"tries", 2}, {"firstTry", false}, {"secondTry", false}, {"revealed", true}}));
    a = w.call("answer", {g});  // right now, but after the answer was shown: checked, not recorded
    EXPECT_EQ(a["correct"], true);
    EXPECT_EQ(results_of_step(w, kGradientStep), r);
}

TEST(LessonTries, ARightSecondTryIsSaidAndRecorded) {
    Window w;
    ASSERT_EQ(w.call("openLesson", {"chain-rule", kGradientStep})["ok"], true);
    const double g = numeric_gradient_w1_11(w.lab);
    EXPECT_EQ(w.call("answer", {-2.0 * g})["revealed"], false);
    const json a = w.call("answer", {g});
    EXPECT_EQ(a["correct"], true);
    EXPECT_EQ(a["revealed"], true);
    EXPECT_NE(a["feedback"].get<std::string>().find("second try"), std::string::npos) << a.dump();
    EXPECT_EQ(results_of_step(w, kGradientStep)["firstTry"], false);
    EXPECT_EQ(results_of_step(w, kGradientStep)["secondTry"], true);

    // A right first answer reveals at once, with no second try recorded.
    ASSERT_EQ(w.call("openLesson", {"chain-rule", 1})["ok"], true);
    EXPECT_EQ(w.call("answer", {weights_from_state(w)})["revealed"], true);
    EXPECT_EQ(results_of_step(w, 1), (json{{"step", 1}, {"tries", 2}, {"firstTry", true}, {"secondTry", nullptr}, {"revealed", true}}));
}

TEST(LessonTries, ShowAnswerRevealsItWithoutATryAndRecordsThat) {
    Window w;
    ASSERT_EQ(w.call("openLesson", {"chain-rule", kGradientStep})["ok"], true);
    const double g = numeric_gradient_w1_11(w.lab);
    json s = w.call("showAnswer");
    ASSERT_EQ(s["ok"], true) << s.dump();
    EXPECT_TRUE(s["correct"].is_null());
    EXPECT_EQ(s["revealed"], true);
    EXPECT_NEAR(s["expected"].get<double>(), g, 1e-6 * std::fabs(g) + 1e-9);
    EXPECT_NE(s["feedback"].get<std::string>().find("exactly what backprop computes"), std::string::npos) << s.dump();
    EXPECT_EQ(w.call("lesson")["question"]["revealed"], true);
    const json before = results_of_step(w, kGradientStep);
    EXPECT_EQ(before, (json{{"step", kGradientStep}, {"tries", 2}, {"firstTry", nullptr}, {"secondTry", nullptr}, {"revealed", true}}));
    EXPECT_EQ(w.call("answer", {g})["correct"], true);
    EXPECT_EQ(results_of_step(w, kGradientStep), before) << "an answer after the answer was shown records nothing";

    // After a wrong first try: the first try stays recorded.
    ASSERT_EQ(w.call("lessonNext")["ok"], true);
    ASSERT_EQ(w.call("lessonBack")["ok"], true);  // step 4 again, its record kept
    EXPECT_EQ(w.call("lesson")["question"]["revealed"], true);
    ASSERT_EQ(w.call("openLesson", {"chain-rule", kGradientStep})["ok"], true);  // a lesson opened afresh: a fresh record
    EXPECT_EQ(results_of_step(w, kGradientStep)["revealed"], false);
    w.call("answer", {g + 1.0});
    EXPECT_EQ(w.call("showAnswer")["revealed"], true);
    EXPECT_EQ(results_of_step(w, kGradientStep),
              (json{{"step", kGradientStep}, {"tries", 2}, {"firstTry", false}, {"secondTry", nullptr}, {"revealed", true}}));

    w.call("closeLesson");
    EXPECT_EQ(w.call("showAnswer")["ok"], false);
    EXPECT_EQ(w.call("lessonResults")["ok"], false);
}

TEST(LessonTries, OneTryOrTwoChoicesShowTheAnswerAtOnceAndTheHintComesAfterAWrongFirstAnswer) {
    const std::string text =
        "lesson: Tries\n"
        "step: One try\n"
        "Count.\n"
        "ask: How many weights?\n"
        "answer: weights\n"
        "tolerance: 0\n"
        "tries: 1\n"
        "explain: One per edge.\n"
        "step: Two tries, a hint\n"
        "Count again.\n"
        "ask: How many weights?\n"
        "answer: weights\n"
        "tolerance: 0\n"
        "hint: One for every row and column\n"
        "hint: of each W^l; there are {layers} matrices.\n"
        "step: Two choices\n"
        "set: phase = backward 1\n"
        "Predict.\n"
        "ask: Up or down?\n"
        "choices: up, down\n"
        "answer: direction w1_11\n";
    Window w;
    ASSERT_EQ(w.call("openLesson", {text})["ok"], true) << w.call("openLesson", {text}).dump();
    const int weights = weights_from_state(w);
    const int matrices = static_cast<int>(w.call("state")["layers"].size()) - 1;
    EXPECT_EQ(w.call("lesson")["question"]["tries"], 1);
    json a = w.call("answer", {weights + 5});
    EXPECT_EQ(a["revealed"], true) << a.dump();
    EXPECT_EQ(a["expected"], weights);
    EXPECT_NE(a["feedback"].get<std::string>().find("One per edge."), std::string::npos);
    EXPECT_TRUE(a["hint"].is_null());

    ASSERT_EQ(w.call("lessonNext")["ok"], true);
    EXPECT_TRUE(w.call("lesson")["question"]["hint"].is_null()) << "no hint before an answer";
    a = w.call("answer", {weights - 3});
    EXPECT_EQ(a["revealed"], false);
    EXPECT_NE(a["feedback"].get<std::string>().find("too low"), std::string::npos) << a.dump();
    const std::string hint = "One for every row and column of each W\u02e1; there are " + std::to_string(matrices) + " matrices.";
    EXPECT_EQ(a["hint"], hint);
    EXPECT_EQ(w.call("lesson")["question"]["hint"], hint);
    EXPECT_TRUE(w.call("answer", {"many"})["ok"] == false) << "what is not a number is not a try";
    EXPECT_EQ(w.call("lesson")["question"]["triesLeft"], 1);
    a = w.call("answer", {weights});
    EXPECT_EQ(a["correct"], true);
    EXPECT_TRUE(a["hint"].is_null()) << "the hint goes with the answer shown";
    EXPECT_TRUE(w.call("lesson")["question"]["hint"].is_null());

    ASSERT_EQ(w.call("lessonNext")["ok"], true);
    EXPECT_EQ(w.call("lesson")["question"]["tries"], 1) << "a second try at two choices would be the other button";
    const double before = w.lab.trainer().network().W[0](0, 0);
    Lab after = w.lab;
    after.next_phase();  // the update itself, for the right direction
    const std::string right = after.trainer().network().W[0](0, 0) > before ? "up" : "down";
    a = w.call("answer", {right == "up" ? "down" : "up"});
    EXPECT_EQ(a["revealed"], true);
    EXPECT_EQ(a["expected"], right);

    const json results = w.call("lessonResults");
    EXPECT_EQ(results["ok"], true);
    EXPECT_EQ(results["title"], "Tries");
    EXPECT_EQ(results["questions"],
              (json::array({{{"step", 1}, {"tries", 1}, {"firstTry", false}, {"secondTry", nullptr}, {"revealed", true}},
                            {{"step", 2}, {"tries", 2}, {"firstTry", false}, {"secondTry", true}, {"revealed", true}},
                            {{"step", 3}, {"tries", 1}, {"firstTry", false}, {"secondTry", nullptr}, {"revealed", true}}})));
}

// Every built-in question, answered wrong first on a fresh step: with a second try, the feedback
// names no number but the learner's, and the hint has no value left unfilled.
TEST(LessonTries, NoBuiltInQuestionGivesItsAnswerAwayAtAWrongFirstTry) {
    int with_second_try = 0, hints = 0;
    for (const BuiltinLesson& b : builtin_lessons())
        for (int k = 0; k < b.steps; ++k) {
            Lab lab;
            LessonRun run;
            ASSERT_EQ(run.open(lab, b.text, b.name, k), "");
            if (!run.current().has_question) continue;
            const LessonQuestion& q = run.current().question;
            const std::string right = q.expected_is_quantity ? evaluate(q.expected, lab, {}).text : q.expected_text;
            std::string wrong = "1e6";  // for a number: no built-in answer is near a million
            for (const std::string& c : q.choices)
                if (lower(c) != lower(right)) wrong = c;
            const LessonAnswer a = run.answer(lab, wrong);
            const std::string where = b.name + " step " + std::to_string(k + 1);
            ASSERT_TRUE(a.answered) << where << ": " << a.feedback;
            EXPECT_FALSE(a.correct) << where;
            if (tries_allowed(q) == 1) {
                EXPECT_TRUE(a.revealed) << where;
                continue;
            }
            ++with_second_try;
            EXPECT_FALSE(a.revealed) << where;
            EXPECT_TRUE(a.expected.empty()) << where;
            if (q.choices.empty()) EXPECT_FALSE(has_digits_besides(a.feedback, number_text(1e6, 6))) << where << ": " << a.feedback;
            else EXPECT_EQ(lower(a.feedback).find(lower(right)), std::string::npos) << where << ": " << a.feedback;
            EXPECT_EQ(run.hint(lab).empty(), q.hint.empty()) << where;
            if (!q.hint.empty()) ++hints;
            EXPECT_EQ(run.hint(lab).find('?'), std::string::npos) << where << ": a value in the hint is missing";
        }
    EXPECT_GE(with_second_try, 5);
    EXPECT_GE(hints, 3);
}

TEST(LessonTries, HintAndTriesAreReadAndRefusedAtTheirLines) {
    Lesson lesson;
    LessonProblem problem;
    ASSERT_TRUE(parse_lesson("lesson: A\nstep: B\nask: Q\nanswer: 2\nhint: Think of\nhint: \\alpha.\ntries: 2\n", lesson, problem))
        << problem.text();
    const LessonQuestion& q = lesson.steps[0].question;
    EXPECT_EQ(q.hint, "Think of \u03b1.");
    EXPECT_EQ(q.hint_line, 5);
    EXPECT_EQ(q.tries, 2);
    ASSERT_TRUE(parse_lesson("lesson: A\nstep: B\nask: Q\nanswer: 2\ntries: 1\n", lesson, problem)) << problem.text();
    EXPECT_EQ(lesson.steps[0].question.tries, 1);
    ASSERT_TRUE(parse_lesson("lesson: A\nstep: B\nask: Q\nanswer: 2\n", lesson, problem));
    EXPECT_EQ(lesson.steps[0].question.tries, 2) << "two tries unless the lesson says otherwise";

    expect_refused_at_their_lines({
        {"lesson: A\nstep: B\nask: Q\nanswer: 1\ntries: 3\n", 5, "'tries:' is 1 or 2"},
        {"lesson: A\nstep: B\nask: Q\nanswer: 1\ntries: two\n", 5, "'tries:' is 1 or 2"},
        {"lesson: A\nstep: B\nask: Q\nchoices: up, down\nanswer: \"up\"\ntries: 2\n", 6, "two choices has one try"},
        {"lesson: A\nstep: B\nask: Q\nanswer: 1\ntries: 1\nhint: Think.\n", 6, "this question has one try ('tries: 1')"},
        {"lesson: A\nstep: B\nask: Q\nchoices: up, down\nanswer: \"up\"\n\nhint: Think.\n", 7, "this question has one try (two choices)"},
        {"lesson: A\nstep: B\nhint: Think.\n", 3, "'hint:' belongs to a question"},
        {"lesson: A\nstep: B\nask: Q\nanswer: 1\nhint: See \\nosuch.\n", 5, "unknown markup"},
        {"lesson: A\nstep: B\nask: Q\nanswer: 1\nhint: It is\nhint: {a7_1}.\n", 5, "layer 7 does not exist"},
        {"lesson: A\nstep: B\nask: Q\nanswer: 1\ntries: 1\n\nstep: C\nask: R\nanswer: 2\nhint: H\ntries: 1\n", 10, "one try"},
    });
}
