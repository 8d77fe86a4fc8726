// The undo history: an undo reaches back kDepth edits, at most kWholeDepth Resets or Defaults (each a
// copy of the whole lab), a new edit forgets what could be redone, and undo and redo hand each step
// over to the other way.
#include <gtest/gtest.h>

#include "app/lab/lab.h"
#include "app/lab/undo_history.h"

using namespace bp;

namespace {
UndoStep points_step(int n) { return {std::vector<Point>(static_cast<size_t>(n)), nullptr, std::nullopt}; }
UndoStep whole_step() { return {{}, std::make_shared<const WholeLab>(WholeLab{Trainer(), {}, {}, Lab::EdgeMode::Weights, {}, 1.0, 0, {}}), std::nullopt}; }
}  // namespace

TEST(UndoHistory, KeepsTheLastKDepthEdits) {
    UndoHistory h;
    for (int k = 0; k < static_cast<int>(UndoHistory::kDepth) + 5; ++k) h.push(points_step(k));
    EXPECT_EQ(h.undo_count(), UndoHistory::kDepth);
    // The newest first: the last edit pushed comes back first, and the oldest five are gone.
    EXPECT_EQ(h.take(UndoHistory::Way::Back)->points.size(), UndoHistory::kDepth + 4);
    int oldest = 0;
    while (auto step = h.take(UndoHistory::Way::Back)) oldest = static_cast<int>(step->points.size());
    EXPECT_EQ(oldest, 5);
}

TEST(UndoHistory, KeepsAtMostKWholeDepthWholeLabsAndTheEditsAfterThem) {
    UndoHistory h;
    h.push(points_step(1));  // an edit before the first Reset: goes with it
    for (size_t k = 0; k < UndoHistory::kWholeDepth; ++k) {
        h.push(whole_step());
        h.push(points_step(2));
    }
    EXPECT_EQ(h.undo_count(), 2 * UndoHistory::kWholeDepth + 1);
    h.push(whole_step());  // one whole lab too many: the oldest goes, with the edit before it
    EXPECT_EQ(h.undo_count(), 2 * UndoHistory::kWholeDepth);
    int wholes = 0;
    while (auto step = h.take(UndoHistory::Way::Back)) wholes += step->is_whole();
    EXPECT_EQ(wholes, static_cast<int>(UndoHistory::kWholeDepth));
}

TEST(UndoHistory, UndoAndRedoHandStepsOverAndANewEditForgetsRedo) {
    UndoHistory h;
    EXPECT_FALSE(h.take(UndoHistory::Way::Back));
    h.push(points_step(3));
    auto step = h.take(UndoHistory::Way::Back);
    ASSERT_TRUE(step);
    EXPECT_FALSE(h.can_undo());
    h.keep_replaced(UndoHistory::Way::Back, points_step(4));  // what the undo replaced
    ASSERT_TRUE(h.can_redo());
    auto again = h.take(UndoHistory::Way::Forward);
    ASSERT_TRUE(again);
    EXPECT_EQ(again->points.size(), 4u);
    h.keep_replaced(UndoHistory::Way::Forward, points_step(3));
    EXPECT_TRUE(h.can_undo());
    h.take(UndoHistory::Way::Back);
    h.keep_replaced(UndoHistory::Way::Back, points_step(4));
    h.push(points_step(5));  // a new edit: the redo is gone
    EXPECT_FALSE(h.can_redo());
}

TEST(UndoHistory, ForgetsParameterEditsOnly) {
    UndoHistory h;
    h.push(points_step(1));
    h.push({{}, nullptr, ParameterEdit{ParameterRef{1, 0, 0, false}, 0.5}});
    h.forget_parameter_edits();
    EXPECT_EQ(h.undo_count(), 1u);
    EXPECT_FALSE(h.take(UndoHistory::Way::Back)->parameter);
}
