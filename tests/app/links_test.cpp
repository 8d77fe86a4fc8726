// A link carries what the student saw: the loss plot up to that moment, and a step walked half-way
// through its phases; generated data travels as its settings, so start links stay short.
#include <gtest/gtest.h>

#include <algorithm>

#include "api_test_util.h"

using namespace bp;
using api_test::call;

TEST(Links, ALinkReopensWithTheSameLossPlot) {
    Lab teacher;
    for (int k = 0; k < 64; ++k) teacher.step_once();  // a point on the plot for every step
    teacher.train(576);                                // and one for every epoch after
    ASSERT_EQ(teacher.trainer().step_count(), 640);
    const std::vector<LossSample>& seen = teacher.trainer().history().samples();
    ASSERT_GT(seen.size(), 64u);
    Lab student;
    ASSERT_EQ(student.open_link(teacher.share_link(true)), "");
    const std::vector<LossSample>& shown = student.trainer().history().samples();
    ASSERT_GE(shown.size(), 60u);
    ASSERT_LE(shown.size(), kLinkHistory + 1);
    EXPECT_EQ(shown.front().step, seen.front().step);
    EXPECT_EQ(shown.back().step, 640);
    EXPECT_NEAR(shown.back().loss, seen.back().loss, 1e-6 * seen.back().loss);
    // Every sample the student sees is one the teacher saw, to float precision.
    for (const LossSample& h : shown) {
        auto it = std::find_if(seen.begin(), seen.end(), [&](const LossSample& s) { return s.step == h.step; });
        ASSERT_NE(it, seen.end()) << "step " << h.step;
        EXPECT_NEAR(h.loss, it->loss, 1e-6 * it->loss);
    }
}

TEST(Links, AHalfWalkedStepReopensAtTheSamePhaseWithTheSameValues) {
    Lab teacher;
    teacher.train(30);
    for (int k = 0; k < 5; ++k) teacher.next_phase();  // forward 1..3, loss, backward 3
    const StepPhase phase = teacher.trainer().phase();
    ASSERT_EQ(phase.phase, Phase::Backward);
    ASSERT_EQ(teacher.inspect_batch_sample(2), "");
    Lab student;
    ASSERT_EQ(student.open_link(teacher.share_link(true)), "");
    EXPECT_EQ(student.trainer().phase().phase, Phase::Backward);
    EXPECT_EQ(student.trainer().phase().layer, phase.layer);
    EXPECT_EQ(student.trainer().last_batch(), teacher.trainer().last_batch());
    EXPECT_TRUE(student.inspecting_batch());
    EXPECT_EQ(student.inspected().index, 2);
    // Everything the walk has computed so far: the forward pass, the loss and δ³ (the other δ are
    // not computed yet at this phase).
    const auto a = call(teacher, "pass"), b = call(student, "pass");
    for (const char* key : {"a", "z", "y", "loss", "batch", "phase", "layer", "step"}) EXPECT_EQ(b[key], a[key]) << key;
    EXPECT_EQ(b["delta"][2], a["delta"][2]);
    // Both finish the step and go on identically.
    teacher.train(10);
    student.train(10);
    EXPECT_EQ(call(student, "state")["weights"], call(teacher, "state")["weights"]);
}

TEST(Links, AnUneditedStartLinkIsShort) {
    Lab lab;
    EXPECT_LT(lab.share_link(false).size(), 200u);
    int index = 0;
    ASSERT_EQ(lab.add_point({0.5, 0.5, 1.0, false}, index), "");
    EXPECT_GT(lab.share_link(false).size(), 1000u);  // edited data travels point by point
    ASSERT_TRUE(lab.undo());
    EXPECT_LT(lab.share_link(false).size(), 200u);
}
