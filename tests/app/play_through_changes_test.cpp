// Play goes on through a change of data set, of its point count, noise or test share, and of the
// network: training restarts on the new set-up and keeps running. A change that leaves nothing to
// train on stops Play and the notice says why.
#include <gtest/gtest.h>

#include "app/lab/dataset_settings.h"
#include "app/lab/lab.h"

using namespace bp;

namespace {

// Plays a few frames at a pace that takes a step in each.
void play_frames(Lab& lab, int frames) {
    for (int k = 0; k < frames; ++k) lab.advance(1.0 / 30.0);
}

// Applies `change` to the settings while Play runs; Play must still run, on the new settings.
template <typename Change>
void expect_play_goes_on(Change change, const char* what) {
    Lab lab;
    lab.set_speed(300.0);
    ASSERT_EQ(lab.play(true), "");
    play_frames(lab, 5);
    ASSERT_GT(lab.trainer().step_count(), 0);
    TrainingSettings s = lab.settings();
    change(s);
    ASSERT_EQ(lab.configure(s), "") << what;
    EXPECT_TRUE(lab.playing()) << what;
    EXPECT_EQ(lab.notice(), "") << what;
    const int64_t after_change = lab.trainer().step_count();
    play_frames(lab, 5);
    EXPECT_GT(lab.trainer().step_count(), after_change) << what << ": training runs on the new data";
    EXPECT_EQ(lab.settings().dataset, s.dataset) << what;
    EXPECT_EQ(lab.trainer().points().size(), static_cast<size_t>(s.point_count)) << what;
}

}  // namespace

TEST(PlayThroughChanges, AnotherDataSetKeepsPlaying) {
    for (DatasetKind kind : {DatasetKind::Xor, DatasetKind::Spiral, DatasetKind::Curve})
        expect_play_goes_on(
            [kind](TrainingSettings& s) {
                s.dataset = kind;
                fit_settings_to_dataset(s, false, false, false);  // as the data set menu does
            },
            dataset_name(kind));
}

TEST(PlayThroughChanges, AnotherPointCountNoiseOrTestShareKeepsPlaying) {
    expect_play_goes_on([](TrainingSettings& s) { s.point_count = 350; }, "point count");
    expect_play_goes_on([](TrainingSettings& s) { s.noise = 0.3; }, "noise");
    expect_play_goes_on([](TrainingSettings& s) { s.test_fraction = 0.4; }, "test share");
}

TEST(PlayThroughChanges, AnotherNetworkKeepsPlaying) {
    expect_play_goes_on([](TrainingSettings& s) { s.hidden = {6, 4, 2}; }, "hidden layers");
    expect_play_goes_on([](TrainingSettings& s) { s.features.pop_back(); }, "features");
}

TEST(PlayThroughChanges, NothingLeftToTrainOnStopsPlayAndSaysWhy) {
    Lab lab;
    ASSERT_EQ(lab.replace_points({{0.5, 0.5, 1.0, false}}), "");
    ASSERT_EQ(lab.play(true), "");
    TrainingSettings s = lab.settings();
    s.test_fraction = 0.9;  // the one point becomes a test point
    ASSERT_EQ(lab.configure(s), "");
    EXPECT_FALSE(lab.playing());
    EXPECT_NE(lab.notice().find("nothing is left to train on"), std::string::npos) << lab.notice();
}
