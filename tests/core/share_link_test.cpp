// The share link: bit-exact round trips, the length of the seed preset's link, resuming a run bit
// for bit, and rejection (never undefined behaviour) of every truncation and single-bit flip.
#include <gtest/gtest.h>

#include "core/share_link.h"

using namespace bp;

namespace {

// A random valid state: settings, points on the grid, weights, counters and view.
LabSnapshot random_snapshot(Rng& rng) {
    LabSnapshot s;
    s.moment = rng.below(4) != 0;
    TrainingSettings& t = s.settings;
    t.dataset = kAllDatasets[rng.below(5)];
    t.features.clear();
    for (Feature f : kAllFeatures)
        if (rng.below(2)) t.features.push_back(f);
    if (t.features.empty()) t.features.push_back(Feature::X1);
    t.hidden.clear();
    for (uint64_t k = rng.below(7); k > 0; --k) t.hidden.push_back(1 + static_cast<int>(rng.below(16)));
    t.hidden_activation = kAllActivations[rng.below(4)];
    t.output_activation = rng.below(2) ? Activation::Sigmoid : kAllActivations[rng.below(4)];
    t.loss = t.output_activation == Activation::Sigmoid && rng.below(2) ? Loss::Bce : Loss::Mse;
    t.learning_rate = rng.uniform(0.0001, 5.0);
    t.batch_size = 1 + static_cast<int>(rng.below(200));
    t.seed = rng.next_u64();
    t.noise = rng.uniform(0, 1);
    t.test_fraction = rng.uniform(0, 0.9);
    t.point_count = static_cast<int>(rng.below(2001));
    const bool regression = is_regression(t.dataset);
    for (uint64_t k = rng.below(300); k > 0; --k) {
        Point p{snap(rng.uniform(-2, 2)), snap(rng.uniform(-2, 2)), 0.0, rng.below(3) == 0};
        p.y = regression ? snap(rng.uniform(-2, 2)) : static_cast<double>(rng.below(2));
        s.points.push_back(p);
    }
    int training = 0;
    for (const Point& p : s.points) training += !p.test;
    if (s.moment) {
        const std::vector<int> sizes = t.layer_sizes();
        for (size_t l = 1; l < sizes.size(); ++l) {
            s.run.W.push_back(Matrix::Random(sizes[l - 1], sizes[l]));
            s.run.b.push_back(RowVector::Random(sizes[l]));
        }
        s.run.step = static_cast<int64_t>(rng.below(1000000));
        s.run.epoch = static_cast<int64_t>(rng.below(static_cast<uint64_t>(s.run.step) + 1));
        s.run.samples_seen = s.run.step + static_cast<int64_t>(rng.below(1000));
        for (uint64_t& v : s.run.epoch_rng.s) v = rng.next_u64();
        s.run.cursor = static_cast<uint32_t>(rng.below(static_cast<uint64_t>(std::max(training, 1))));
    }
    s.view.selected_layer = 1 + static_cast<int>(rng.below(3));
    s.view.selected_i = static_cast<int>(rng.below(8));
    s.view.selected_j = static_cast<int>(rng.below(8));
    s.view.selected_bias = rng.below(2);
    s.view.inspect_batch = rng.below(2);
    s.view.inspect_index = static_cast<int>(rng.below(100));
    s.view.edge_mode = static_cast<int>(rng.below(2));
    s.view.speed = rng.uniform(1, 100000);
    return s;
}

// A decoded state must be one the lab can hold.
void expect_usable(const LinkDecode& d) {
    if (!d.error.empty()) return;
    EXPECT_EQ(validate(d.snapshot.settings), "");
    for (const Point& p : d.snapshot.points) EXPECT_EQ(point_problem(p, is_regression(d.snapshot.settings.dataset)), "");
    for (const Matrix& w : d.snapshot.run.W) EXPECT_TRUE(w.allFinite());
}

// The bytes of a link with its CRC-32 written again after an edit of the bytes before it, so a
// test reaches the check of one field rather than the check digits.
std::string resealed(std::vector<uint8_t> bytes) {
    const size_t body = bytes.size() - 4;
    const uint32_t crc = crc32(bytes.data(), body);
    for (int k = 0; k < 4; ++k) bytes[body + k] = static_cast<uint8_t>(crc >> (8 * k));
    return base64url_encode(bytes);
}

LabSnapshot seed_preset_moment() {
    Trainer trainer;
    trainer.run(137);
    LabSnapshot s;
    s.settings = trainer.settings();
    s.points = trainer.points();
    s.run = trainer.run_state();
    return s;
}

}  // namespace

TEST(ShareLink, RandomStatesSurviveTheRoundTripBitForBit) {
    Rng rng(31);
    for (int trial = 0; trial < 200; ++trial) {
        const LabSnapshot s = random_snapshot(rng);
        ASSERT_EQ(validate(s.settings), "");
        const LinkDecode d = decode_link(encode_link(s));
        ASSERT_EQ(d.error, "") << "trial " << trial;
        const LabSnapshot& r = d.snapshot;
        EXPECT_EQ(r.moment, s.moment);
        EXPECT_EQ(r.settings.features, s.settings.features);
        EXPECT_EQ(r.settings.hidden, s.settings.hidden);
        EXPECT_EQ(r.settings.learning_rate, s.settings.learning_rate);
        EXPECT_EQ(r.settings.seed, s.settings.seed);
        EXPECT_EQ(r.settings.test_fraction, s.settings.test_fraction);
        ASSERT_EQ(r.points.size(), s.points.size());
        for (size_t k = 0; k < s.points.size(); ++k) {
            EXPECT_EQ(r.points[k].x1, s.points[k].x1);
            EXPECT_EQ(r.points[k].x2, s.points[k].x2);
            EXPECT_EQ(r.points[k].y, s.points[k].y);
            EXPECT_EQ(r.points[k].test, s.points[k].test);
        }
        if (s.moment) {
            ASSERT_EQ(r.run.W.size(), s.run.W.size());
            for (size_t l = 0; l < s.run.W.size(); ++l) {
                EXPECT_TRUE((r.run.W[l].array() == s.run.W[l].array()).all());
                EXPECT_TRUE((r.run.b[l].array() == s.run.b[l].array()).all());
            }
            EXPECT_EQ(r.run.step, s.run.step);
            EXPECT_EQ(r.run.cursor, s.run.cursor);
            EXPECT_EQ(r.run.epoch_rng.s[3], s.run.epoch_rng.s[3]);
        }
        EXPECT_EQ(r.view.speed, s.view.speed);
        EXPECT_EQ(r.view.selected_j, s.view.selected_j);
    }
}

TEST(ShareLink, TheSeedPresetWith200PointsFitsIn2000Characters) {
    const std::string link = encode_link(seed_preset_moment());
    EXPECT_LE(link.size(), 2000u);
    EXPECT_GT(link.size(), 1000u);  // it really carries the points and weights
}

TEST(ShareLink, AReopenedRunTrainsToBitIdenticalWeights) {
    Trainer original;
    original.run(137);  // mid-epoch: 200 points, batch 10
    const LinkDecode d = decode_link(encode_link([&] {
        LabSnapshot s;
        s.settings = original.settings();
        s.points = original.points();
        s.run = original.run_state();
        return s;
    }()));
    ASSERT_EQ(d.error, "");
    Trainer reopened(d.snapshot.settings);
    reopened.set_points(d.snapshot.points);
    reopened.restore(d.snapshot.run);
    original.run(500);
    reopened.run(500);
    EXPECT_EQ(reopened.step_count(), original.step_count());
    EXPECT_EQ(reopened.epoch_count(), original.epoch_count());
    for (int l = 0; l < original.network().layer_count(); ++l) {
        EXPECT_TRUE((reopened.network().W[l].array() == original.network().W[l].array()).all());
        EXPECT_TRUE((reopened.network().b[l].array() == original.network().b[l].array()).all());
    }
}

TEST(ShareLink, EveryTruncationAndEveryDamagedBitOrCharacterIsRefused) {
    const std::string link = encode_link(seed_preset_moment());
    for (size_t n = 0; n < link.size(); ++n) {
        const LinkDecode d = decode_link(link.substr(0, n));
        EXPECT_NE(d.error, "") << "a link cut to " << n << " characters was accepted";
    }
    std::vector<uint8_t> bytes;
    ASSERT_TRUE(base64url_decode(link, bytes));
    for (size_t k = 0; k < bytes.size(); ++k)
        for (int bit = 0; bit < 8; ++bit) {
            std::vector<uint8_t> flipped = bytes;
            flipped[k] ^= static_cast<uint8_t>(1u << bit);
            const LinkDecode d = decode_link(base64url_encode(flipped));
            EXPECT_NE(d.error, "") << "byte " << k << ", bit " << bit << " flipped was accepted";
        }
    // And in the text as it is copied: every character changed to every other one.
    for (size_t k = 0; k < link.size(); ++k)
        for (char c : std::string("AZaz09-_Q")) {
            if (c == link[k]) continue;
            std::string damaged = link;
            damaged[k] = c;
            EXPECT_NE(decode_link(damaged).error, "") << "character " << k << " changed to " << c << " was accepted";
        }
}

TEST(ShareLink, BadLinksSayWhatIsWrong) {
    const std::string good = encode_link(seed_preset_moment());
    std::vector<uint8_t> bytes;
    base64url_decode(good, bytes);
    auto with = [&](size_t at, uint8_t value) {
        std::vector<uint8_t> b = bytes;
        b[at] = value;
        return resealed(b);
    };
    EXPECT_NE(decode_link("").error.find("no lab state"), std::string::npos);
    EXPECT_NE(decode_link("not a link!").error.find("characters"), std::string::npos);
    EXPECT_NE(decode_link(base64url_encode({'X', 'Y', 1})).error.find("not a Backprop Lab link"), std::string::npos);
    EXPECT_NE(decode_link(with(2, 9)).error.find("newer version"), std::string::npos);
    EXPECT_NE(decode_link(with(5, 200)).error.find("inputs"), std::string::npos);
    EXPECT_NE(decode_link(good + "AAAA").error.find("damaged"), std::string::npos);
    std::vector<uint8_t> longer = bytes;
    longer.insert(longer.end() - 4, {0, 0, 0});
    EXPECT_NE(decode_link(resealed(longer)).error.find("after its end"), std::string::npos);
    EXPECT_NE(decode_link(std::string(kMaxLinkLength + 1, 'A')).error.find("too long"), std::string::npos);
    // A NaN weight: the 8 bytes before the check digits are b^3's only value.
    std::vector<uint8_t> nan = bytes;
    for (size_t k = nan.size() - 12; k < nan.size() - 4; ++k) nan.at(k) = 0xFF;
    EXPECT_NE(decode_link(resealed(nan)).error.find("not a finite number"), std::string::npos);
}

// A link written by the first version of the lab (format 1: no check digits, every point listed).
const char kVersion1Link[] =
    "QkwBAQIAAgIDAgEDAASamZmZmZm5PwoAAQAAAAAAAACamZmZmZmpPwAAAAAAANA_KAABAAAAAQAAAAAAAAAAwHJAAAAAACgA0zQAgDJDAB4KAIAcZQBXOQCAxkQAxDEAgH1CAN3MAICqvQKZngCAbaoAn5QAgMCcAhu9AIAmvwA9zQCA9bsAmwIAgJZwAtewAIB_vQLUHQCA-EsAa4AAgG17AsYZAIDJVAJBXwCAu1EAZP0AgImOAMLkAIDkrAIjKwCA50wA3xgAgLZUAFeSAIB1mwDuKACA7UYASWMAgD5RAA-5AIDXwQLKDQCAJmQA2NQAgEG6AAKHAICrhAAWCACAQ3EAiOoAgBuoAmSTAIDZngA48ACAoacAah8AgJlMAKqrAIB0sgA76QCApKYA8yEAgHNLAn26AIDOwAAsRwCAgUEA06sAgEG6ANcFAIASbABi5gCA-aYAejkAgP87ADIAAAAAAAAAEAAAAAAAAAD0AQAAAAAAAHKcENcSjhaCiUpXHVlGmAKRW3hIFawkzShd0jNrOIyMFAAAAEpDxqROfZ8_MMcDlKxr2T-pD4CFqGrhPwFesS-0O9q_JERhUdJT1z8Og7RunJrjvzLVSSe1UrC_Ln-IKbIos7_N_g5sUE21PzdvFqmfxem_FgpyJz0Uzb_fMrhTX_brP6efFSwQHsM_LOKYrIGt8D--b41aIoDwP8r0Oqy3Xai_eBLzsF8HcT-bqezAlSP0P5u68uKqWeE_qRQHiXXHlr8";

TEST(ShareLink, LinksOfTheFirstFormatStillOpen) {
    const LinkDecode d = decode_link(kVersion1Link);
    ASSERT_EQ(d.error, "");
    EXPECT_TRUE(d.snapshot.moment);
    EXPECT_TRUE(is_regression(d.snapshot.settings.dataset));
    EXPECT_FALSE(d.snapshot.points.empty());
    expect_usable(d);
    // Written again in the current format, it decodes to the same state.
    const LinkDecode again = decode_link(encode_link(d.snapshot));
    ASSERT_EQ(again.error, "");
    EXPECT_EQ(encode_link(again.snapshot), encode_link(d.snapshot));
    EXPECT_EQ(again.snapshot.run.step, d.snapshot.run.step);
    EXPECT_EQ(again.snapshot.points.size(), d.snapshot.points.size());
}

TEST(ShareLink, GeneratedDataTravelsAsItsSettings) {
    LabSnapshot s;
    s.moment = false;
    s.points = generated_points(s.settings);
    const std::string listed = encode_link(s);
    s.generated_data = true;
    const std::string generated = encode_link(s);
    EXPECT_LT(generated.size(), 200u);  // the settings and the view, no points
    EXPECT_GT(listed.size(), 1000u);
    const LinkDecode d = decode_link(generated);
    ASSERT_EQ(d.error, "");
    ASSERT_EQ(d.snapshot.points.size(), s.points.size());
    for (size_t k = 0; k < s.points.size(); ++k) {
        EXPECT_EQ(d.snapshot.points[k].x1, s.points[k].x1);
        EXPECT_EQ(d.snapshot.points[k].x2, s.points[k].x2);
        EXPECT_EQ(d.snapshot.points[k].y, s.points[k].y);
        EXPECT_EQ(d.snapshot.points[k].test, s.points[k].test);
    }
}

TEST(ShareLink, TheLossHistoryAndAHalfWalkedStepTravel) {
    LabSnapshot s = seed_preset_moment();
    s.generated_data = true;
    s.phases_walked = 5;
    s.run.history = {{0, 0.25, std::nan("")}, {40, 0.125, std::nan("")}, {137, 0.0625, std::nan("")}};
    const LinkDecode d = decode_link(encode_link(s));
    ASSERT_EQ(d.error, "");
    EXPECT_EQ(d.snapshot.phases_walked, 5);
    ASSERT_EQ(d.snapshot.run.history.size(), 3u);
    EXPECT_EQ(d.snapshot.run.history[1].step, 40);
    EXPECT_EQ(d.snapshot.run.history[2].loss, 0.0625);
    EXPECT_TRUE(std::isnan(d.snapshot.run.history[2].test_loss));
    s.phases_walked = 8;  // the 4-3-2-1 network's step has 7 phases before its update
    EXPECT_NE(decode_link(encode_link(s)).error.find("half-walked"), std::string::npos);
}

TEST(ShareLink, ALinkWithAbsurdWeightsIsRefusedTruthfully) {
    LabSnapshot s = seed_preset_moment();
    s.run.W[0](0, 0) = 1e308;
    const LinkDecode d = decode_link(encode_link(s));
    EXPECT_NE(d.error.find("made by hand or damaged"), std::string::npos) << d.error;
}
