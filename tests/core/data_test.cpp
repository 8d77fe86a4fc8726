// The RNG, the circle generator, the feature map and the loss history.
#include <gtest/gtest.h>

#include <cmath>

#include "core/dataset.h"
#include "core/loss_history.h"
#include "core/rng.h"

using namespace bp;

TEST(Rng, KnownAnswerIsTheSameOnEveryPlatform) {
    // xoshiro256** seeded by splitmix64(0): the published reference sequence. The same test runs
    // natively and as WebAssembly, so a seed means the same numbers in both.
    Rng rng(0);
    EXPECT_EQ(rng.next_u64(), 0x99EC5F36CB75F2B4ull);
    EXPECT_EQ(rng.next_u64(), 0xBF6E1F784956452Aull);
}

TEST(Rng, UniformAndBelowStayInRange) {
    Rng rng(5);
    double lo = 1, hi = 0;
    int counts[3] = {0, 0, 0};
    for (int k = 0; k < 30000; ++k) {
        const double u = rng.uniform();
        lo = std::min(lo, u);
        hi = std::max(hi, u);
        ++counts[rng.below(3)];
    }
    EXPECT_GE(lo, 0.0);
    EXPECT_LT(hi, 1.0);
    EXPECT_LT(lo, 0.001);
    EXPECT_GT(hi, 0.999);
    for (int c : counts) EXPECT_NEAR(c, 10000, 400);
}

TEST(Circle, IsDeterministicForASeedAndLabelsByRadius) {
    const auto a = generate_circle(200, 0.0, 9), b = generate_circle(200, 0.0, 9);
    const auto c = generate_circle(200, 0.0, 10);
    ASSERT_EQ(a.size(), 200u);
    int inside = 0;
    for (size_t k = 0; k < a.size(); ++k) {
        EXPECT_EQ(a[k].x1, b[k].x1);
        EXPECT_EQ(a[k].x2, b[k].x2);
        const double r = std::hypot(a[k].x1, a[k].x2);
        if (a[k].y == 1.0) {
            EXPECT_LT(r, 0.5 * kPlaneExtent);
            ++inside;
        } else {
            EXPECT_GT(r, 0.7 * kPlaneExtent);
            EXPECT_LT(r, kPlaneExtent);
        }
        EXPECT_FALSE(a[k].test);
    }
    EXPECT_EQ(inside, 100);
    EXPECT_NE(a[0].x1, c[0].x1);
}

TEST(Circle, NoiseMovesPointsButKeepsThemOnThePlane) {
    const auto clean = generate_circle(100, 0.0, 1), noisy = generate_circle(100, 0.3, 1);
    double moved = 0;
    for (size_t k = 0; k < clean.size(); ++k) {
        EXPECT_LE(std::fabs(noisy[k].x1), kPlaneExtent);
        EXPECT_LE(std::fabs(noisy[k].x2), kPlaneExtent);
        moved += std::fabs(noisy[k].x1 - clean[k].x1);
    }
    EXPECT_GT(moved / 100, 0.1);
}

TEST(Features, ValuesAndNames) {
    EXPECT_EQ(feature_value(Feature::X1, 0.5, -2), 0.5);
    EXPECT_EQ(feature_value(Feature::X2, 0.5, -2), -2);
    EXPECT_EQ(feature_value(Feature::X1Sq, 0.5, -2), 0.25);
    EXPECT_EQ(feature_value(Feature::X2Sq, 0.5, -2), 4);
    EXPECT_EQ(feature_value(Feature::X1X2, 0.5, -2), -1);
    EXPECT_NEAR(feature_value(Feature::SinX1, 0.5, -2), 0.479425538604203, 1e-15);
    EXPECT_NEAR(feature_value(Feature::SinX2, 0.5, -2), -0.909297426825682, 1e-15);
    for (Feature f : kAllFeatures) EXPECT_EQ(parse_feature(feature_name(f)), f);
    EXPECT_FALSE(parse_feature("x3").has_value());
    EXPECT_STREQ(feature_label(Feature::X1Sq), "x\u2081\u00b2");
    const auto m = feature_matrix({{0.5, -2, 1, false}}, {Feature::X2, Feature::X1Sq});
    EXPECT_EQ(m.rows(), 1);
    EXPECT_EQ(m(0, 0), -2);
    EXPECT_EQ(m(0, 1), 0.25);
}

TEST(LossHistory, HalvesItsResolutionWhenFullAndKeepsTheWholeRun) {
    LossHistory h(8);
    for (int step = 0; step < 100; ++step) h.record(step, 1.0 / (step + 1), 0.0);
    const auto& s = h.samples();
    EXPECT_LE(s.size(), 8u);
    EXPECT_EQ(s.front().step, 0);
    EXPECT_EQ(s.back().step, 99);
    for (size_t k = 1; k < s.size(); ++k) EXPECT_LT(s[k - 1].step, s[k].step);
    h.record(99, 5.0, 0.0);  // same step: replaced, not appended
    EXPECT_EQ(h.samples().back().loss, 5.0);
}
