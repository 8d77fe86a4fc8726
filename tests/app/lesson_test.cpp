// Lessons: the file format (every built-in lesson, and malformed files refused at the right line),
// the markup, every step's set-up, the tasks, and every question's check against the lab's numbers
// and against numbers computed here independently (finite differences, the update itself).
#include <gtest/gtest.h>

#include <cmath>
#include <string>

#include "app/lab/lab.h"
#include "app/lesson/builtin_lessons.h"
#include "app/lesson/lesson_markup.h"
#include "app/lesson/lesson_parser.h"
#include "app/lesson/lesson_quantity.h"
#include "app/lesson/lesson_run.h"
#include "app/notation/number_text.h"
#include "core/loss.h"
#include "core/network.h"
#include "lesson_test_util.h"

using namespace bp;

namespace {

const char* kSmall =
    "lesson: Small\n"
    "set: seed = 3\n"
    "step: One\n"
    "Text with w^1_11 and \\alpha.\n"
    "task: phase = loss\n"
    "step: Two\n"
    "set: select = w2_21\n"
    "ask: How many weights?\n"
    "answer: weights\n"
    "tolerance: 0\n";

}  // namespace

TEST(LessonMarkup, TurnsMarkupIntoTheLabsGlyphs) {
    std::string out, error;
    ASSERT_TRUE(render_markup("\\partial L/\\partial w^1_11 = a^0_1\\cdot\\delta^1_1", out, error)) << error;
    EXPECT_EQ(out, "\u2202L/\u2202w\u00b9\u2081\u2081 = a\u2070\u2081\u00b7\u03b4\u00b9\u2081");
    ASSERT_TRUE(render_markup("a^{l-1}, W^T, x_i, file_name, \\yhat", out, error)) << error;
    EXPECT_EQ(out, "a\u02e1\u207b\u00b9, W\u1d40, x\u1d62, file_name, \u0177");
    EXPECT_FALSE(render_markup("\\foo", out, error));
    EXPECT_NE(error.find("\\foo"), std::string::npos);
    EXPECT_FALSE(render_markup("w^{q}", out, error));  // no superscript q: a braced group must be drawable
    EXPECT_FALSE(render_markup("\xe6\x97\xa5", out, error));  // a character outside the font
    EXPECT_NE(error.find("U+65E5"), std::string::npos) << error;
    EXPECT_FALSE(render_markup("bad \xff byte", out, error));
    ASSERT_TRUE(render_markup("The set \\{0, 1\\} has {points}", out, error)) << error;
    Lab lab;
    LessonRun run;
    ASSERT_EQ(run.open(lab, "lesson: A\nstep: B\nText.\n", "", 0), "");
    EXPECT_EQ(run.fill(lab, out), "The set {0, 1} has 200");
}

TEST(LessonFormat, AQuotedAnswerIsWrittenLikeTheChoices) {
    Lesson lesson;
    LessonProblem problem;
    EXPECT_TRUE(parse_lesson("lesson: A\nstep: B\nask: Which?\nchoices: w^1_11, w^1_21\nanswer: \"w^1_11\"\n", lesson, problem))
        << problem.text();
}

TEST(LessonRun, PhaseReadyFinishesAWalkInProgress) {
    Lab lab;
    LessonRun run;
    ASSERT_EQ(run.open(lab, "lesson: A\nstep: B\nset: phase = loss\nstep: C\nset: phase = ready\n", "", 0), "");
    EXPECT_EQ(lab.trainer().phase().phase, Phase::Loss);
    ASSERT_EQ(run.next(lab), "");
    EXPECT_EQ(lab.trainer().step_count(), 1);  // the walk went on to the update: no step half done
    EXPECT_NE(lab.trainer().phase().phase, Phase::Loss);
}

TEST(LessonFormat, EveryBuiltInLessonParsesAndChecks) {
    ASSERT_GE(builtin_lessons().size(), 1u);
    EXPECT_EQ(builtin_lessons().front().name, "chain-rule");  // offered first
    for (const BuiltinLesson& b : builtin_lessons()) {
        Lesson lesson;
        LessonProblem problem;
        ASSERT_TRUE(parse_lesson(b.text, lesson, problem)) << b.name << ": " << problem.text();
        ASSERT_TRUE(check_lesson(lesson, problem)) << b.name << ": " << problem.text();
        EXPECT_GE(lesson.steps.size(), 5u) << b.name;
        EXPECT_LE(lesson.steps.size(), 10u) << b.name;
        EXPECT_EQ(b.title, lesson.title);
        for (const LessonStep& s : lesson.steps) EXPECT_FALSE(s.paragraphs.empty()) << b.name << ": " << s.title;
    }
}

TEST(LessonFormat, MalformedFilesAreRefusedAtTheirLine) {
    expect_refused_at_their_lines({
        {"", 0, "empty"},
        {"Hello\n", 1, "starts with its title"},
        {"lesson: A\nstep: B\nset: sed = 1\n", 3, "unknown setting 'sed'"},
        {"lesson: A\nstep: B\ntext\ntolerence: 1\n", 4, "unknown key 'tolerence:'"},
        {"lesson: A\n", 0, "no steps"},
        {"lesson: A\nstep: B\nanswer: 3\n", 3, "write 'ask:"},
        {"lesson: A\nstep: B\nask: Q?\n", 3, "no 'answer:'"},
        {"lesson: A\nstep: B\nask: Q?\nchoices: up, down\nanswer: \"left\"\n", 5, "not one of the choices"},
        {"lesson: A\nstep: B\nask: Q?\nanswer: loss\ntolerance: -1\n", 5, "tolerance"},
        {"lesson: A\nstep: B\ntask: loss < lots\n", 3, "not a number"},
        {"lesson: A\nstep: B\ntask: phase < loss\n", 3, "compare it with ="},
        {"lesson: A\nstep: B\nSee {wieght}.\n", 3, "wieght"},
        {"lesson: A\nstep: B\npoint: panel lungs\n", 3, "unknown panel"},
        {"lesson: A\nstep: B\npoint: w1_123\n", 3, "point at"},
        {"lesson: A\nlocks: everything\nstep: B\n", 2, "unknown lock"},
        {"lesson: A\nstep: B\nText \\unknownmacro.\n", 3, "unknown markup"},
        {"lesson: A\nIntro text\nstep: B\n", 2, "before the first step"},
        // Checked against the network each step has:
        {"lesson: A\nstep: B\nFine.\nstep: C\npoint: w3_31\n", 5, "w3_31 does not exist in the network 4-3-2-1"},
        {"lesson: A\nset: layers = 4 2 1\nstep: B\nask: Q?\nanswer: dL/dw2_31\n", 5, "does not exist in the network 4-2-1"},
        {"lesson: A\nstep: B\nset: phase = forward 7\n", 3, "layers 1 to 3"},
        {"lesson: A\nstep: B\nset: layers = 5 3 1\n", 3, "number of features"},
        {"lesson: A\nstep: B\nThe value {a4_1}.\n", 3, "layer 4 does not exist"},
        {"lesson: A\nstep: B\nset: select = w3_11\nThe path {path 9}.\n", 4, "path 9 does not exist"},
        {"lesson: A\nstep: B\nabout: x\n", 3, "belongs to the lesson's header"},
        {"lesson: A\nstep: B\nset: inspect = point 9999\n", 3, "no point #9999"},
        {"lesson: A\nstep: B\nset: regularization = l3 0.1\n", 3, "unknown regularization kind"},
        {"lesson: A\nstep: B\nset: regularization = l2 lots\n", 3, "like l2 0.003"},
        {"lesson: A\nstep: B\nset: regularization = l2 -1\n", 3, "regularization rate"},
        {"lesson: A\nstep: B\nset: optimizer = momentum 0.9 0.8\n", 3, "like momentum 0.9"},
        {"lesson: A\nstep: B\nset: optimizer = adam 0.9 2\n", 3, "beta2"},
        {"lesson: A\nstep: B\nset: landscape = w1_11\n", 3, "two parameters"},
        {"lesson: A\nstep: B\nset: landscape = w1_11 w1_11\n", 3, "two different"},
        {"lesson: A\nstep: B\nset: landscape = w1_11 w4_11\n", 3, "no w4_11"},
        {"lesson: A\nstep: B\nset: landscape = w1_11 a1_1\n", 3, "weights or biases"},
        {std::string("lesson: A\nstep: B\n") + std::string(70000, 'x') + "\n", 0, "at most 64 KB"},
        {std::string("lesson: A\nstep: B\n") + std::string(65520, 'x') + "\n", 0, "65539 bytes"},
    });
    std::string many = "lesson: A\n";
    for (int k = 0; k <= kMaxLessonSteps; ++k) many += "step: S\nText.\n";
    EXPECT_NE(problem_of(many).message.find("at most 40 steps"), std::string::npos);
}

TEST(LessonFormat, ReadsParagraphsListsAndEscapedKeys) {
    Lesson lesson;
    LessonProblem problem;
    ASSERT_TRUE(parse_lesson("lesson: A\nstep: B\nFirst line\nsame paragraph.\n\nSecond.\n- item one\n\\note: kept as text\n", lesson,
                             problem))
        << problem.text();
    const auto& p = lesson.steps[0].paragraphs;
    ASSERT_EQ(p.size(), 4u);
    EXPECT_EQ(p[0], "First line same paragraph.");
    EXPECT_EQ(p[2], "\u2022 item one");
    EXPECT_EQ(p[3], "note: kept as text");
}

TEST(LessonRun, EveryStepOfEveryBuiltInLessonOpensOnAValidLab) {
    ASSERT_FALSE(builtin_lessons().empty());
    int steps = 0, values = 0;  // what the loops checked: a parser that found nothing would pass them
    for (const BuiltinLesson& b : builtin_lessons())
        for (int k = 0; k < b.steps; ++k) {
            Lab lab;
            LessonRun run;
            ASSERT_EQ(run.open(lab, b.text, b.name, k), "") << b.name << " step " << k + 1;
            ++steps;
            EXPECT_EQ(run.step(), k);
            EXPECT_EQ(lab.validate_selection(lab.selection()), "") << b.name << " step " << k + 1;
            EXPECT_TRUE(lab.trainer().error().empty()) << b.name << " step " << k + 1;
            EXPECT_GT(lab.trainer().training_point_count(), 0) << b.name << " step " << k + 1;
            EXPECT_TRUE(std::isfinite(lab.training_loss())) << b.name << " step " << k + 1;
            // Every value the text shows has a value when the step opens.
            for (const std::string& paragraph : run.current().paragraphs) {
                std::vector<std::string> names;
                std::string error;
                ASSERT_TRUE(text_references(paragraph, names, error)) << error;
                for (const std::string& name : names) {
                    Quantity q;
                    ASSERT_TRUE(parse_quantity(name, q, error)) << error;
                    const QuantityValue v = evaluate(q, lab, {});
                    EXPECT_TRUE(v.ok) << b.name << " step " << k + 1 << ": {" << name << "}: " << v.why;
                    ++values;
                }
            }
        }
    EXPECT_GE(steps, static_cast<int>(builtin_lessons().size()));
    EXPECT_GT(values, 0) << "no step's text showed a value";
}

TEST(LessonRun, EveryQuestionAcceptsTheLabsValueAndRejectsAWrongOne) {
    int questions = 0;  // a parser that saw no question would pass the loop below
    for (const BuiltinLesson& b : builtin_lessons())
        for (int k = 0; k < b.steps; ++k) {
            Lab lab;
            LessonRun run;
            ASSERT_EQ(run.open(lab, b.text, b.name, k), "");
            if (!run.current().has_question) continue;
            ++questions;
            const LessonQuestion& q = run.current().question;
            std::string right;
            if (!q.expected_is_quantity) right = q.expected_text;
            else right = quantity_text(evaluate(q.expected, lab, {}));
            ASSERT_NE(right, "?") << b.name << " step " << k + 1;
            const LessonAnswer yes = run.answer(lab, right);
            EXPECT_TRUE(yes.correct) << b.name << " step " << k + 1 << ": " << yes.feedback;
            std::string wrong;
            if (!q.choices.empty()) {
                for (const std::string& c : q.choices)
                    if (c != right) wrong = c;
            } else {
                double v = 0.0;
                ASSERT_TRUE(number_from_text(right, v));
                wrong = std::to_string(v + 3.0 * yes.tolerance + 0.5 * std::fabs(v) + 0.01);
            }
            const LessonAnswer no = run.answer(lab, wrong);
            EXPECT_TRUE(no.answered) << no.feedback;
            EXPECT_FALSE(no.correct) << b.name << " step " << k + 1 << ": " << wrong << " -> " << no.feedback;
            EXPECT_NE(no.feedback.find(yes.expected.substr(0, 4)), std::string::npos) << no.feedback;  // says the right value
        }
    EXPECT_GE(questions, static_cast<int>(builtin_lessons().size())) << "every built-in lesson asks at least one question";
}

// The chain-rule lesson's answers against numbers computed here, not by the lab's own quantities.
TEST(LessonRun, TheChainRuleLessonsAnswersMatchAnIndependentComputation) {
    const BuiltinLesson* b = find_builtin_lesson("chain-rule");
    ASSERT_NE(b, nullptr);
    Lab lab;
    LessonRun run;
    ASSERT_EQ(run.open(lab, b->text, b->name, 0), "");
    EXPECT_TRUE(run.answer(lab, "20").correct);  // 4·3 + 3·2 + 2·1, counted by hand
    EXPECT_FALSE(run.answer(lab, "26").correct);

    // Step 4: dL/dw¹₁₁ of the inspected sample, by a central difference of its loss.
    ASSERT_EQ(run.open(lab, b->text, b->name, 3), "");
    const double w = lab.inspected_network().W[0](0, 0), h = 1e-6;
    const double numeric = (sample_loss_at(lab, 1, 0, 0, w + h) - sample_loss_at(lab, 1, 0, 0, w - h)) / (2 * h);
    EXPECT_TRUE(run.answer(lab, std::to_string(numeric)).correct) << run.last_answer().feedback;
    EXPECT_FALSE(run.answer(lab, std::to_string(numeric * 1.05 + 1e-4)).correct);

    // Steps 5 and 6: the direction and the new value, against the update the lab then makes.
    ASSERT_EQ(run.open(lab, b->text, b->name, 5), "");
    const double before = lab.trainer().network().W[0](0, 0);
    const LessonAnswer predicted = run.answer(lab, "0");  // wrong on purpose, so the value is checked at the second try
    Lab after = lab;
    after.next_phase();  // the update
    ASSERT_EQ(after.trainer().phase().phase, Phase::Update);
    const double updated = after.trainer().network().W[0](0, 0);
    EXPECT_NE(updated, before);
    EXPECT_TRUE(run.answer(lab, std::to_string(updated)).correct) << run.last_answer().feedback;
    EXPECT_FALSE(predicted.correct && std::fabs(updated) > 0.002);
    ASSERT_EQ(run.open(lab, b->text, b->name, 4), "");
    EXPECT_TRUE(run.answer(lab, updated > before ? "up" : "down").correct) << run.last_answer().feedback;
    EXPECT_FALSE(run.answer(lab, updated > before ? "down" : "up").correct);
}

TEST(LessonRun, TasksAreNoticedWhenTheLearnerDoesThem) {
    const BuiltinLesson* b = find_builtin_lesson("chain-rule");
    Lab lab;
    LessonRun run;
    ASSERT_EQ(run.open(lab, b->text, b->name, 1), "");  // "press Next phase until the loss is shown"
    ASSERT_EQ(run.current().tasks.size(), 1u);
    EXPECT_FALSE(run.tasks_done(lab));
    int presses = 0;
    while (!run.tasks_done(lab) && presses < 10) {
        lab.next_phase();
        ++presses;
    }
    EXPECT_TRUE(run.tasks_done(lab));
    EXPECT_EQ(presses, 4);  // forward 1, 2, 3, then the loss
    EXPECT_EQ(lab.trainer().phase().phase, Phase::Loss);
}

TEST(LessonRun, NextCarriesOnAndBackRebuildsTheStep) {
    Lab lab;
    LessonRun run;
    ASSERT_EQ(run.open(lab, kSmall, "", 0), "");
    EXPECT_EQ(lab.settings().seed, 3u);
    lab.next_phase();
    lab.next_phase();
    const StepPhase walked = lab.trainer().phase();
    ASSERT_EQ(run.next(lab), "");
    EXPECT_EQ(lab.trainer().phase(), walked);  // what the learner did stays
    EXPECT_EQ(lab.selection(), (Selection{2, 1, 0, false}));
    EXPECT_NE(run.next(lab), "");  // the last step
    ASSERT_EQ(run.back(lab), "");
    EXPECT_EQ(lab.trainer().phase().phase, Phase::Ready);  // step 1 afresh
    EXPECT_NE(run.back(lab), "");
}

TEST(LessonRun, ABadLessonChangesNothingAndOpeningOneCanBeUndone) {
    Lab lab;
    int index = 0;
    ASSERT_EQ(lab.add_point({0.5, 0.5, 1.0, false}, index), "");
    const std::string before = lab.share_link(true);
    LessonRun run;
    EXPECT_NE(run.open(lab, "lesson: A\nstep: B\nset: select = w9_11\n", "", 0), "");
    EXPECT_EQ(run.open(lab, kSmall, "", 5).find("no step 6") != std::string::npos, true);
    EXPECT_FALSE(run.is_open());
    EXPECT_EQ(lab.share_link(true), before);

    ASSERT_EQ(run.open(lab, kSmall, "", 1), "");
    const std::string open_text = run.text();
    EXPECT_NE(run.open(lab, "lesson: broken\n", "", 0), "");  // a second, broken lesson: the first stays
    EXPECT_TRUE(run.is_open());
    EXPECT_EQ(run.text(), open_text);
    EXPECT_EQ(run.step(), 1);
    ASSERT_TRUE(lab.undo());
    EXPECT_EQ(lab.share_link(true), before);
}

// With momentum or Adam, a lesson's "updated w" and "direction w" are the chosen optimizer's update,
// checked against the value the lab's own update then gives (after a first step, so the velocity and
// moments are not zero).
TEST(LessonQuantity, UpdatedAndDirectionFollowTheChosenOptimizer) {
    for (const char* kind : {"momentum", "adam"}) {
        Lab lab;
        TrainingSettings s = lab.settings();
        s.optimizer.kind = *parse_optimizer(kind);
        ASSERT_EQ(lab.configure(s), "");
        lab.step_epoch();
        while (lab.trainer().phase().phase != Phase::Backward || lab.trainer().phase().layer != 1) lab.next_phase();
        Quantity updated, direction;
        std::string error;
        ASSERT_TRUE(parse_quantity("updated w1_11", updated, error)) << error;
        ASSERT_TRUE(parse_quantity("direction w1_11", direction, error)) << error;
        const QuantityValue predicted = evaluate(updated, lab, {});
        const QuantityValue way = evaluate(direction, lab, {});
        ASSERT_TRUE(predicted.ok) << predicted.why;
        const double before = lab.trainer().pass_network().W[0](0, 0);
        lab.next_phase();  // the update
        ASSERT_EQ(lab.trainer().phase().phase, Phase::Update);
        const double after = lab.trainer().network().W[0](0, 0);
        EXPECT_NEAR(predicted.number, after, 1e-12) << kind;
        EXPECT_EQ(way.text, after > before ? "up" : "down") << kind;
        // Plain w − α·g would be another number: the test tells the rules apart.
        const double sgd = before - s.learning_rate * lab.trainer().gradients().dW[0](0, 0);
        EXPECT_GT(std::fabs(sgd - after), 1e-6) << kind;
    }
}

// A lesson can choose the penalty and the optimizer (a kind alone keeps the numbers the lab has),
// and show the loss landscape of two parameters it names.
TEST(LessonRun, ASetUpChoosesRegularizationTheOptimizerAndTheLandscapesPair) {
    Lab lab;
    LessonRun run;
    const char* text =
        "lesson: Methods\n"
        "set: regularization = l2 0.003\n"
        "set: optimizer = momentum 0.8\n"
        "step: One\n"
        "set: landscape = w1_11 b1_1\n"
        "Text.\n"
        "step: Two\n"
        "set: optimizer = adam 0.85 0.99 1e-6\n"
        "set: regularization = none\n"
        "Text.\n"
        "step: Three\n"
        "set: regularization = l1\n"
        "set: optimizer = sgd\n"
        "Text.\n";
    ASSERT_EQ(run.open(lab, text, "", 0), "");
    EXPECT_EQ(lab.settings().regularization.kind, RegularizationKind::L2);
    EXPECT_EQ(lab.settings().regularization.rate, 0.003);
    EXPECT_EQ(lab.settings().optimizer.kind, OptimizerKind::Momentum);
    EXPECT_EQ(lab.settings().optimizer.beta, 0.8);
    EXPECT_GT(lab.trainer().penalty(), 0.0);  // the penalty is on: the loss the lab shows includes it
    LessonView asked;
    ASSERT_TRUE(run.take_view_request(asked));
    ASSERT_TRUE(asked.landscape.has_value());
    EXPECT_EQ(asked.landscape->first, (ParameterRef{1, 0, 0, false}));
    EXPECT_EQ(asked.landscape->second, (ParameterRef{1, 0, 0, true}));

    ASSERT_EQ(run.next(lab), "");
    EXPECT_EQ(lab.settings().regularization.kind, RegularizationKind::None);
    EXPECT_EQ(lab.trainer().penalty(), 0.0);
    EXPECT_EQ(lab.settings().optimizer.kind, OptimizerKind::Adam);
    EXPECT_EQ(lab.settings().optimizer.beta1, 0.85);
    EXPECT_EQ(lab.settings().optimizer.beta2, 0.99);
    EXPECT_EQ(lab.settings().optimizer.epsilon, 1e-6);
    EXPECT_FALSE(run.take_view_request(asked));  // step two names no view: the landscape's pair is the learner's

    ASSERT_EQ(run.next(lab), "");
    EXPECT_EQ(lab.settings().regularization.kind, RegularizationKind::L1);
    EXPECT_EQ(lab.settings().regularization.rate, 0.003);  // "l1" alone keeps the rate
    EXPECT_EQ(lab.settings().optimizer.kind, OptimizerKind::Sgd);
}
