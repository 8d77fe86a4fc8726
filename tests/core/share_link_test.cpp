// The share link: bit-exact round trips, the length of the seed preset's link, resuming a run bit
// for bit, and rejection (never undefined behaviour) of every truncation and single-bit flip.
#include <gtest/gtest.h>

#include "core/share_link.h"

using namespace bp;

namespace {

// A trainer's moment as a link carries it: its settings, points and run.
LabSnapshot snapshot_of(const Trainer& t) {
    LabSnapshot s;
    s.settings = t.settings();
    s.points = t.points();
    s.run = t.run_state();
    return s;
}

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
    s.view.discretize = rng.below(2);
    s.view.show_test_points = rng.below(2);
    // The regularization and the optimizer, with its state for a moment.
    t.regularization = {kAllRegularizations[rng.below(3)], rng.uniform(0, 10)};
    t.optimizer = {kAllOptimizers[rng.below(3)], rng.uniform(0, 0.999), rng.uniform(0, 0.999), rng.uniform(0, 0.9999),
                   rng.uniform(1e-12, 1)};
    if (s.moment) {
        Network shapes(t.layer_sizes(), t.hidden_activation, t.output_activation);
        s.run.optimizer = fresh_state(shapes, t.optimizer.kind);
        for (Gradients* g : {&s.run.optimizer.velocity, &s.run.optimizer.first})
            for (Matrix& m : g->dW) m.setRandom();
        for (Matrix& m : s.run.optimizer.second.dW) m = m.Random(m.rows(), m.cols()).cwiseAbs();
        for (RowVector& v : s.run.optimizer.second.db) v = v.Random(v.size()).cwiseAbs();
        if (t.optimizer.kind == OptimizerKind::Adam) s.run.optimizer.t = static_cast<int64_t>(rng.below(s.run.step + 1));
    }
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
    return snapshot_of(trainer);
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
        EXPECT_EQ(r.view.discretize, s.view.discretize);
        EXPECT_EQ(r.view.show_test_points, s.view.show_test_points);
        // The kinds, and the numbers each kind uses (the others do not travel).
        EXPECT_EQ(r.settings.regularization.kind, s.settings.regularization.kind);
        if (s.settings.regularization.on()) {
            EXPECT_EQ(r.settings.regularization.rate, s.settings.regularization.rate);
        }
        const OptimizerSettings &ro = r.settings.optimizer, &so = s.settings.optimizer;
        EXPECT_EQ(ro.kind, so.kind);
        if (so.kind == OptimizerKind::Momentum) {
            EXPECT_EQ(ro.beta, so.beta);
        }
        if (so.kind == OptimizerKind::Adam) {
            EXPECT_TRUE(ro.beta1 == so.beta1 && ro.beta2 == so.beta2 && ro.epsilon == so.epsilon);
        }
        if (s.moment) {
            const OptimizerState &a = s.run.optimizer, &b = r.run.optimizer;
            EXPECT_EQ(b.t, a.t);
            ASSERT_EQ(b.velocity.dW.size(), a.velocity.dW.size());
            ASSERT_EQ(b.second.db.size(), a.second.db.size());
            for (size_t l = 0; l < a.velocity.dW.size(); ++l)
                EXPECT_TRUE((b.velocity.dW[l].array() == a.velocity.dW[l].array()).all());
            for (size_t l = 0; l < a.second.db.size(); ++l) {
                EXPECT_TRUE((b.first.dW[l].array() == a.first.dW[l].array()).all());
                EXPECT_TRUE((b.second.db[l].array() == a.second.db[l].array()).all());
            }
        }
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
        const LabSnapshot s = snapshot_of(original);
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

// A link written by format 2 (the lab before regularization and optimizers): the seed preset with
// α = 0.3, batch 7 and a test share of 0.2 after 57 steps, 3 phases into step 58, its loss history,
// the view on w^2_11 with gradient edges. Trained on from there (the half step finished and 20
// steps more) by that version, W^1_11 and b^2_2 were the values below (plain SGD: today's SGD must
// give the same bits).
const char kVersion2Link[] =
    "QkwCAQ8EAAECAwIDAgEAAAAzMzMzMzPTPwcAAQAAAAAAAACamZmZmZmpP5qZmZmZmck_yAACAQEAAQAAAQAAAAAAAF5AAAAAADkAAAAAAAAAAgAAAAAA"
    "AACNAQAAAAAAAG7w4JTMfOe9-gI8FIybTPWbhWPZcCPykk1nKRxZJDq8TQAAABGpxK4Irds_IwLRp1Pag78QSpMRrI3BP5BO1B5rtdO_XytTayEOzT-D"
    "lK1LXVPjvx_u4GYxJOW_okEbEsjQ3T_PIyIArU3mP8Btd9upRNc_vXhRRVvF5z8Ehe7ERcjsPx9hMOEVe9a_X90_-jj84L-WZ1dG3BfLP_nclqYkyO8_"
    "sgP1mVQkuz-4UhMPS6XXPwmHgk4z5PI_8Xz_010G6r9iHrMf6czSP-i2BeqZDsm_SruqSE55w78l1rjeF9TuvyZfJyQA4_m_BBk9Yr-nyL8DCQDwfy0-"
    "tUkVPgF0YSo-SvMQPgqDXAs-znTvPQrOndg9fS3HPQIVcsw9-Gu5PQhuvqw94lidPQoEt489YoJ9PQUMZIE9xa9qPQWpmnA9iNVLPRkSl9A";

TEST(ShareLink, LinksOfTheSecondFormatStillOpenAndTrainOnAsBefore) {
    const LinkDecode d = decode_link(kVersion2Link);
    ASSERT_EQ(d.error, "");
    expect_usable(d);
    const LabSnapshot& s = d.snapshot;
    EXPECT_TRUE(s.moment);
    EXPECT_TRUE(s.generated_data);
    EXPECT_EQ(s.settings.learning_rate, 0.3);
    EXPECT_EQ(s.settings.batch_size, 7);
    EXPECT_EQ(s.settings.test_fraction, 0.2);
    EXPECT_EQ(s.run.step, 57);
    EXPECT_EQ(s.run.epoch, 2);
    EXPECT_EQ(s.run.W[0](0, 0), 0.43243615214545722);
    EXPECT_EQ(s.phases_walked, 3);
    EXPECT_EQ(s.run.history.size(), 9u);
    EXPECT_EQ(s.view.selected_layer, 2);
    EXPECT_EQ(s.view.edge_mode, 1);
    EXPECT_EQ(s.view.speed, 120.0);
    // What format 2 could not say: plain SGD, no regularization, the view's new switches at their defaults.
    EXPECT_EQ(s.settings.optimizer.kind, OptimizerKind::Sgd);
    EXPECT_EQ(s.settings.regularization.kind, RegularizationKind::None);
    EXPECT_TRUE(s.run.optimizer.empty());
    EXPECT_FALSE(s.view.discretize);
    EXPECT_TRUE(s.view.show_test_points);
    Trainer t(s.settings);
    t.set_points(s.points);
    t.restore(s.run);
    for (int k = 0; k < s.phases_walked; ++k) t.advance_phase();
    t.run(20);
    EXPECT_EQ(t.network().W[0](0, 0), 0x1.c03ff454c3135p-2);
    EXPECT_EQ(t.network().b[1](1), -0x1.b3c65731737cep-3);
    // Written again in the current format, it decodes to the same state.
    const LinkDecode again = decode_link(encode_link(s));
    ASSERT_EQ(again.error, "");
    EXPECT_EQ(encode_link(again.snapshot), encode_link(s));
}

// A moment of an Adam run with L2 travels with its moments and step count: the reopened run trains
// on to the same bits; momentum's velocity likewise.
TEST(ShareLink, AnOptimizersStateTravelsAndTheReopenedRunTrainsOnBitForBit) {
    for (OptimizerKind kind : {OptimizerKind::Momentum, OptimizerKind::Adam}) {
        TrainingSettings settings;
        settings.optimizer.kind = kind;
        if (kind == OptimizerKind::Momentum) settings.optimizer.beta = 0.7;
        if (kind == OptimizerKind::Adam) settings.optimizer.beta2 = 0.95;
        settings.regularization = {RegularizationKind::L2, 0.004};
        settings.learning_rate = 0.02;
        Trainer original(settings);
        original.run(83);
        const LabSnapshot s = snapshot_of(original);
        const LinkDecode d = decode_link(encode_link(s));
        ASSERT_EQ(d.error, "");
        EXPECT_TRUE(d.snapshot.settings.optimizer == settings.optimizer);
        EXPECT_TRUE(d.snapshot.settings.regularization == settings.regularization);
        Trainer reopened(d.snapshot.settings);
        reopened.set_points(d.snapshot.points);
        reopened.restore(d.snapshot.run);
        EXPECT_EQ(reopened.optimizer_state().t, original.optimizer_state().t);
        original.run(200);
        reopened.run(200);
        for (int l = 0; l < original.network().layer_count(); ++l) {
            EXPECT_TRUE((reopened.network().W[l].array() == original.network().W[l].array()).all()) << optimizer_name(kind);
            EXPECT_TRUE((reopened.network().b[l].array() == original.network().b[l].array()).all());
        }
    }
}

TEST(ShareLink, AnImpossibleOptimizerStateIsRefused) {
    TrainingSettings settings;
    settings.optimizer.kind = OptimizerKind::Adam;
    Trainer t(settings);
    t.run(5);
    const LabSnapshot s = snapshot_of(t);
    LabSnapshot negative = s;
    negative.run.optimizer.second.dW[1](0, 0) = -1.0;
    EXPECT_NE(decode_link(encode_link(negative)).error.find("negative second moment"), std::string::npos);
    LabSnapshot infinite = s;
    infinite.run.optimizer.first.db[0](0) = HUGE_VAL;
    EXPECT_NE(decode_link(encode_link(infinite)).error.find("optimizer state that is impossible"), std::string::npos);
    LabSnapshot ahead = s;
    ahead.run.optimizer.t = s.run.step + 1;
    EXPECT_NE(decode_link(encode_link(ahead)).error.find("more steps than the run"), std::string::npos);
    LabSnapshot bad_rate = s;
    bad_rate.settings.regularization = {RegularizationKind::L1, 11.0};
    EXPECT_NE(decode_link(encode_link(bad_rate)).error.find("λ must be"), std::string::npos);
    LabSnapshot bad_beta = s;
    bad_beta.settings.optimizer.beta2 = 1.0;
    EXPECT_NE(decode_link(encode_link(bad_beta)).error.find("beta2"), std::string::npos);
}

// The largest lab, trained with Adam (two moments per parameter) and every point listed, still fits
// the longest link the lab accepts.
TEST(ShareLink, TheLargestAdamMomentFitsTheLinkLimit) {
    TrainingSettings settings = largest_settings();
    settings.optimizer.kind = OptimizerKind::Adam;
    Trainer t(settings);
    t.run(1);
    const LabSnapshot s = snapshot_of(t);
    const std::string link = encode_link(s);
    EXPECT_LE(link.size(), kMaxLinkLength);
    EXPECT_EQ(decode_link(link).error, "");
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

// The CRC-32 the links' check digits are: IEEE 802.3's, whose standard check value is that of "123456789".
TEST(LinkBytes, Crc32IsTheIeeeCrcOfTheBytes) {
    const std::string digits = "123456789";
    EXPECT_EQ(crc32(reinterpret_cast<const uint8_t*>(digits.data()), digits.size()), 0xCBF43926u);
    EXPECT_EQ(crc32(nullptr, 0), 0u);
}
