// Reset and Defaults are one undo step each: undo brings back the whole lab exactly (network,
// weights, settings, data, counters, loss history, last step's gradients, selection, locks), redo
// does the Reset or Defaults again, and data edits before them stay undoable after. Through the
// window.lab calls too.
#include <gtest/gtest.h>

#include "api_test_util.h"

using namespace bp;
using api_test::call;
using nlohmann::json;

namespace {

// The whole loss history, bit for bit (NaN test losses compare as their bits do).
std::string history_bits(const Lab& lab) {
    std::string bits;
    for (const LossSample& h : lab.trainer().history().samples())
        bits.append(reinterpret_cast<const char*>(&h), sizeof h);
    return bits;
}

// Everything a user or a script can see of the lab: the state, the last step's gradients, the share
// link of this moment and the whole loss history.
struct Seen {
    json state, gradients;
    std::string link, history;
    bool operator==(const Seen& o) const {
        return state == o.state && gradients == o.gradients && link == o.link && history == o.history;
    }
};

// The notice is a message about the lab ("Defaults restored: undo brings ..."), not part of it.
Seen seen(Lab& lab) {
    json state = call(lab, "state");
    state.erase("notice");
    return {state, call(lab, "gradients"), lab.share_link(true), history_bits(lab)};
}

// A lab that differs from the defaults in every way Defaults undoes: another data set and network,
// trained, its points edited, a parameter selected, a lesson's locks, another speed and edge mode.
void make_a_lab_of_ones_own(Lab& lab) {
    TrainingSettings s;
    s.dataset = DatasetKind::Xor;
    s.hidden = {5};
    s.hidden_activation = Activation::Relu;
    s.features = {Feature::X1, Feature::X2, Feature::X1X2};
    s.learning_rate = 0.3;
    s.batch_size = 7;
    ASSERT_EQ(lab.configure(s), "");
    lab.train(45);
    int index = -1;
    ASSERT_EQ(lab.add_point({0.5, -0.25, 1.0, false}, index), "");
    Point moved = lab.trainer().points()[3];
    moved.x1 = 1.25;
    ASSERT_EQ(lab.move_point(3, moved), "");
    lab.train(5);
    ASSERT_EQ(lab.select({2, 3, 0, false}), "");
    lab.set_edge_mode(Lab::EdgeMode::Gradients);
    lab.set_speed(40.0);
    lab.set_locks(Lab::LockNetwork | Lab::HideTables);
}

}  // namespace

TEST(UndoReset, DefaultsIsOneUndoStepThatBringsTheWholeLabBack) {
    Lab lab;
    make_a_lab_of_ones_own(lab);
    const Seen mine = seen(lab);

    lab.reset_to_defaults();
    const Seen defaults = seen(lab);
    EXPECT_EQ(defaults.state["dataset"], "circle");
    EXPECT_EQ(defaults.state["step"], 0);
    EXPECT_EQ(lab.locks(), 0u);
    EXPECT_NE(lab.notice().find("Undo (Ctrl+Z)"), std::string::npos) << lab.notice();
    ASSERT_TRUE(lab.can_undo());

    ASSERT_TRUE(lab.undo());
    EXPECT_TRUE(seen(lab) == mine) << seen(lab).state.dump() << "\n" << mine.state.dump();
    EXPECT_EQ(lab.locks(), Lab::LockNetwork | Lab::HideTables);
    EXPECT_EQ(lab.selection(), (Selection{2, 3, 0, false}));
    EXPECT_EQ(lab.notice(), "");  // the undo is silent: the lab is simply back

    ASSERT_TRUE(lab.redo());
    EXPECT_TRUE(seen(lab) == defaults) << seen(lab).state.dump();
    ASSERT_TRUE(lab.undo());
    EXPECT_TRUE(seen(lab) == mine);
}

TEST(UndoReset, UndoneResetTrainsOnExactlyAsIfItNeverHappened) {
    Lab lab, untouched;
    make_a_lab_of_ones_own(lab);
    make_a_lab_of_ones_own(untouched);
    const Seen trained = seen(lab);

    lab.reset();
    EXPECT_EQ(lab.trainer().step_count(), 0);
    EXPECT_EQ(lab.trainer().points(), untouched.trainer().points());  // Reset keeps the data
    EXPECT_NE(lab.notice().find("Undo (Ctrl+Z)"), std::string::npos) << lab.notice();
    const Seen fresh = seen(lab);

    ASSERT_TRUE(lab.undo());
    EXPECT_TRUE(seen(lab) == trained);
    // The run goes on from where it was, epoch order included: bit for bit the untouched lab's run.
    lab.train(60);
    untouched.train(60);
    EXPECT_TRUE(seen(lab) == seen(untouched));

    // Undo again takes back the training (none: train() is no edit), then the point edits.
    ASSERT_TRUE(lab.undo());  // the move of point 3
    EXPECT_NE(lab.trainer().points()[3].x1, 1.25);
    ASSERT_TRUE(lab.undo());  // the added point
    EXPECT_EQ(lab.trainer().points().size(), untouched.trainer().points().size() - 1);
    ASSERT_TRUE(lab.redo());
    ASSERT_TRUE(lab.redo());
    EXPECT_EQ(lab.trainer().points(), untouched.trainer().points());
    ASSERT_TRUE(lab.redo());  // the Reset again
    EXPECT_TRUE(seen(lab) == fresh);
    EXPECT_FALSE(lab.can_redo());
}

TEST(UndoReset, ResetAndDefaultsWithNothingToLoseAddNoUndoStep) {
    Lab lab;
    lab.reset();
    lab.reset_to_defaults();
    EXPECT_FALSE(lab.can_undo());
    EXPECT_EQ(lab.notice(), "");  // no promise of an undo that would change nothing
}

TEST(UndoReset, ANewEditAfterUndoingResetForgetsTheRedo) {
    Lab lab;
    lab.train(20);
    lab.reset();
    ASSERT_TRUE(lab.undo());
    int index = -1;
    ASSERT_EQ(lab.add_point({0.0, 0.0, 1.0, false}, index), "");
    EXPECT_FALSE(lab.can_redo());
    EXPECT_EQ(lab.trainer().step_count(), 20);
}

TEST(UndoReset, ManyResetsKeepABoundedUndoHistoryThatStillWorks) {
    Lab lab;
    for (int k = 0; k < 30; ++k) {
        lab.train(3);
        lab.reset();
    }
    int undone = 0;
    while (lab.undo()) {
        EXPECT_EQ(lab.trainer().step_count(), 3);
        ++undone;
    }
    EXPECT_GE(undone, 4);   // the last few Resets can be undone
    EXPECT_LE(undone, 30);  // and the history stays bounded
}

TEST(UndoReset, ThroughTheApi) {
    Lab lab;
    make_a_lab_of_ones_own(lab);
    const json mine = seen(lab).state;

    EXPECT_EQ(call(lab, "resetDefaults")["ok"], true);
    const json defaults = seen(lab).state;
    EXPECT_EQ(defaults["dataset"], "circle");
    EXPECT_NE(call(lab, "state")["notice"], "");  // says how to get the lab back
    EXPECT_EQ(call(lab, "undo")["ok"], true);
    EXPECT_EQ(seen(lab).state, mine);
    EXPECT_EQ(call(lab, "redo")["ok"], true);
    EXPECT_EQ(seen(lab).state, defaults);
    EXPECT_EQ(call(lab, "undo")["ok"], true);

    EXPECT_EQ(call(lab, "reset")["ok"], true);
    EXPECT_EQ(call(lab, "state")["step"], 0);
    EXPECT_EQ(call(lab, "undo")["ok"], true);
    EXPECT_EQ(seen(lab).state, mine);
    EXPECT_EQ(call(lab, "redo")["ok"], true);
    EXPECT_EQ(call(lab, "state")["step"], 0);
    EXPECT_EQ(call(lab, "redo")["ok"], false);  // nothing more to redo
}

TEST(UndoReset, UndoKeepsPlayGoingWithTheRestoredRun) {
    Lab lab;
    lab.train(30);
    ASSERT_EQ(lab.play(true), "");
    lab.reset();
    EXPECT_TRUE(lab.playing());
    ASSERT_TRUE(lab.undo());
    EXPECT_TRUE(lab.playing());
    const int64_t before = lab.trainer().step_count();
    EXPECT_EQ(before, 30);
    for (int k = 0; k < 10; ++k) lab.advance(1.0 / 30.0);
    EXPECT_GT(lab.trainer().step_count(), before);
}

TEST(UndoReset, UndoTakesAwayOnlyTheHintOfResetNotANoticeOfAProblem) {
    Lab lab;
    lab.train(10);
    lab.reset();
    lab.train(10);
    lab.reset();  // its hint still shows from the first Reset
    ASSERT_TRUE(lab.undo());
    EXPECT_EQ(lab.notice(), "") << "the lab is trained again: no word of a Reset may stay";
    lab.reset();
    lab.set_notice("This browser could not save the lab.");
    ASSERT_TRUE(lab.undo());
    EXPECT_EQ(lab.notice(), "This browser could not save the lab.");
}
