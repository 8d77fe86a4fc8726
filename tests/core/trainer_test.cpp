// Training runs: learning the circle, determinism, epochs, divergence handling, validation.
#include <gtest/gtest.h>

#include <cmath>
#include <set>

#include "core/trainer.h"
#include "core/prediction.h"

using namespace bp;

namespace {
double accuracy(const Trainer& trainer) {
    int right = 0;
    for (const Point& p : trainer.points()) right += (predict(trainer.network(), trainer.settings().features, p.x1, p.x2) > 0.5) == (p.y > 0.5);
    return static_cast<double>(right) / trainer.points().size();
}
}  // namespace

TEST(Trainer, SeedNetworkLearnsTheCircle) {
    // The lesson's defaults: 4-3-2-1, tanh/sigmoid, mse, 200 circle points, batch 10.
    // Guessing 0.5 everywhere gives a loss of 1/2 * 0.5^2 = 0.125; a loss under 0.02 means the
    // typical error |y-hat - y| is below 0.2, i.e. every point is on the right side with margin.
    Trainer trainer;
    const double start = trainer.training_loss();
    EXPECT_GT(start, 0.05);
    trainer.run(3000);  // 150 epochs: a few seconds of Play in the browser
    EXPECT_LT(trainer.training_loss(), 0.02);
    EXPECT_GE(accuracy(trainer), 0.97);
}

TEST(Trainer, SameSeedGivesIdenticalWeightsAfter1000Steps) {
    TrainingSettings s;
    s.seed = 42;
    Trainer a(s), b(s);
    a.run(1000);
    b.run(1000);
    for (int l = 0; l < a.network().layer_count(); ++l) {
        EXPECT_TRUE((a.network().W[l].array() == b.network().W[l].array()).all());
        EXPECT_TRUE((a.network().b[l].array() == b.network().b[l].array()).all());
    }
    s.seed = 43;
    Trainer c(s);
    c.run(1000);
    EXPECT_FALSE((a.network().W[0].array() == c.network().W[0].array()).all());
}

TEST(Trainer, AnEpochVisitsEveryTrainingPointOnceInAFreshOrder) {
    TrainingSettings s;
    s.point_count = 50;
    s.batch_size = 7;  // 50 = 7 * 7 + 1: the epoch ends with a batch of one
    Trainer trainer(s);
    std::vector<int> first, second;
    while (trainer.epoch_count() == 0) {
        trainer.step();
        first.insert(first.end(), trainer.last_batch().begin(), trainer.last_batch().end());
    }
    EXPECT_EQ(trainer.step_count(), 8);
    EXPECT_EQ(trainer.last_batch().size(), 1u);
    while (trainer.epoch_count() == 1) {
        trainer.step();
        second.insert(second.end(), trainer.last_batch().begin(), trainer.last_batch().end());
    }
    EXPECT_EQ(first.size(), 50u);
    EXPECT_EQ(std::set<int>(first.begin(), first.end()).size(), 50u);
    EXPECT_EQ(std::set<int>(second.begin(), second.end()).size(), 50u);
    EXPECT_NE(first, second);
    EXPECT_EQ(trainer.samples_seen(), 100);
}

TEST(Trainer, RecordsTheLossAtTheStartAndAfterEveryEpoch) {
    TrainingSettings s;
    s.point_count = 40;
    s.batch_size = 10;
    Trainer trainer(s);
    ASSERT_EQ(trainer.history().samples().size(), 1u);
    EXPECT_EQ(trainer.history().samples()[0].step, 0);
    trainer.run(12);  // 3 epochs of 4 steps
    const auto& h = trainer.history().samples();
    ASSERT_EQ(h.size(), 4u);
    EXPECT_EQ(h[3].step, 12);
    EXPECT_DOUBLE_EQ(h[3].loss, trainer.training_loss());
}

TEST(Trainer, ExplodingLearningRateStopsWithAMessageAndKeepsFiniteWeights) {
    TrainingSettings s;
    s.hidden_activation = Activation::Linear;
    s.output_activation = Activation::Linear;
    s.learning_rate = 100.0;
    Trainer trainer(s);
    const int done = trainer.run(1000);
    EXPECT_LT(done, 1000);
    EXPECT_NE(trainer.error().find("diverged"), std::string::npos);
    EXPECT_NE(trainer.error().find("learning rate \u03b1 = 100 is too high"), std::string::npos);
    EXPECT_TRUE(trainer.network().all_within_limit());
    // The weights kept give numbers, not overflows: every loss and output is finite.
    EXPECT_TRUE(std::isfinite(trainer.training_loss()));
    EXPECT_TRUE(std::isfinite(predict(trainer.network(), trainer.settings().features, 2.0, -2.0)));
    EXPECT_FALSE(trainer.step());  // stays stopped until reset
    trainer.set_learning_rate(0.01);
    trainer.reset();
    EXPECT_TRUE(trainer.error().empty());
    EXPECT_TRUE(trainer.step());
    EXPECT_TRUE(std::isfinite(trainer.training_loss()));
}

TEST(Trainer, NoTrainingPointsStopsNothingForGood) {
    TrainingSettings s;
    s.point_count = 0;
    Trainer trainer(s);
    EXPECT_FALSE(trainer.step());
    EXPECT_EQ(trainer.error(), "");  // not an error of the run: adding points lets it go on
    EXPECT_EQ(trainer.training_loss(), 0.0);
    trainer.set_points({{0.5, 0.5, 1.0, false}, {-0.5, -0.5, 0.0, false}});
    EXPECT_TRUE(trainer.step());
}

TEST(Trainer, ValidateNamesTheBrokenSetting) {
    TrainingSettings s;
    EXPECT_EQ(validate(s), "");
    s.hidden = {3, 0};
    EXPECT_NE(validate(s).find("1 to 16 neurons"), std::string::npos);
    s.hidden = {1, 2, 3, 4, 5, 6, 7};
    EXPECT_NE(validate(s).find("hidden layers"), std::string::npos);
    s = {};
    s.learning_rate = std::nan("");
    EXPECT_NE(validate(s).find("learning rate"), std::string::npos);
    s = {};
    s.loss = Loss::Bce;
    s.output_activation = Activation::Tanh;
    EXPECT_NE(validate(s).find("sigmoid"), std::string::npos);
    s = {};
    s.features = {Feature::X1, Feature::X1};
    EXPECT_NE(validate(s).find("twice"), std::string::npos);
}

TEST(Trainer, PhasesWalkForwardLossBackwardUpdateAndMatchAWholeStep) {
    Trainer phased, whole;
    const std::vector<StepPhase> expected = {{Phase::Forward, 1},  {Phase::Forward, 2},  {Phase::Forward, 3},
                                             {Phase::Loss, 3},     {Phase::Backward, 3}, {Phase::Backward, 2},
                                             {Phase::Backward, 1}, {Phase::Update, 0}};
    for (int step = 0; step < 3; ++step) {
        for (const StepPhase& want : expected) {
            const StepPhase got = phased.advance_phase();
            EXPECT_EQ(got.phase, want.phase);
            EXPECT_EQ(got.layer, want.layer);
            if (got.phase == Phase::Forward) {  // layer l's activations are there, the later ones not yet used
                EXPECT_TRUE(phased.mid_step());
                EXPECT_EQ(phased.step_count(), step);
            }
        }
        whole.step();
        EXPECT_EQ(phased.step_count(), step + 1);
        for (int l = 0; l < 3; ++l) EXPECT_TRUE((phased.network().W[l].array() == whole.network().W[l].array()).all());
        EXPECT_EQ(phased.last_batch(), whole.last_batch());
    }
    // Half a step, then step(): the step is finished, not restarted.
    phased.advance_phase();
    phased.advance_phase();
    EXPECT_TRUE(phased.step());
    whole.step();
    EXPECT_EQ(phased.step_count(), 4);
    EXPECT_TRUE((phased.network().W[0].array() == whole.network().W[0].array()).all());
    EXPECT_EQ(phased.phase().phase, Phase::Ready);
}

TEST(Trainer, PassNetworkIsTheWeightsTheLastStepUsed) {
    Trainer trainer;
    const Network before = trainer.network();
    trainer.step();
    EXPECT_TRUE((trainer.pass_network().W[0].array() == before.W[0].array()).all());
    EXPECT_FALSE((trainer.network().W[0].array() == before.W[0].array()).all());
}
