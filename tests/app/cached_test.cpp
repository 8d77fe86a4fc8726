// The lab's cached readouts: computed again when the lab changed and not otherwise; a throttled one
// keeps its value while Play runs until it is old enough, but answers a new question (another grid
// size, neuron or parameter) at once.
#include <gtest/gtest.h>

#include "app/lab/cached.h"
#include "app/lab/lab.h"

using namespace bp;

TEST(Cached, ComputesOncePerState) {
    Cached<int> c;
    int computed = 0;
    const auto compute = [&](int& v) { v = ++computed; };
    EXPECT_EQ(c.get({0, 0}, compute), 1);
    EXPECT_EQ(c.get({0, 0}, compute), 1);
    EXPECT_EQ(c.get({0, 1}, compute), 2);  // a step
    EXPECT_EQ(c.get({1, 1}, compute), 3);  // a command
    EXPECT_TRUE(c.holds({1, 1}));
}

TEST(Cached, AThrottledValueRefreshesAtMostEveryIntervalWhilePlaying) {
    Cached<int, StateKey, int> c;
    int computed = 0;
    const auto compute = [&](int& v) { v = ++computed; };
    EXPECT_EQ(c.get_throttled({0, 0}, true, 1000.0, 250.0, compute, 48), 1);
    EXPECT_EQ(c.get_throttled({0, 1}, true, 1100.0, 250.0, compute, 48), 1);  // 100 ms old: kept
    EXPECT_EQ(c.get_throttled({0, 2}, true, 1250.0, 250.0, compute, 48), 2);  // 250 ms: refreshed
    EXPECT_EQ(c.get_throttled({0, 3}, true, 1260.0, 250.0, compute, 64), 3);  // another size: at once
    EXPECT_EQ(c.get_throttled({0, 4}, false, 1270.0, 250.0, compute, 64), 4);  // paused: at once
    EXPECT_EQ(c.get_throttled({0, 4}, false, 1280.0, 250.0, compute, 64), 4);  // unchanged: kept
}

TEST(Cached, TheLabsLossReadoutFollowsEveryStepByHand) {
    Lab lab;
    const double before = lab.shown_training_loss();
    lab.step_once();
    EXPECT_NE(lab.shown_training_loss(), before);
    EXPECT_EQ(lab.shown_training_loss(), lab.trainer().training_loss());
}
