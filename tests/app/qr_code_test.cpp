// The share link's QR code: the encoder's sizes for the link lengths the lab makes, the refusal of a
// text no QR code holds, the orientation of the grid, and whole-pixel placement on screen.
#include <gtest/gtest.h>

#include <cmath>
#include <string>

#include "app/lab/lab.h"
#include "app/layout/qr_code.h"

using namespace bp;

namespace {
std::string link_of_length(size_t n) {
    std::string text = "https://lab.example.org/backprop/#lab=";
    while (text.size() < n) text += static_cast<char>('a' + text.size() % 26);
    return text;
}

// The finder pattern whose top-left module is (x0, y0): a dark 7x7 ring, a light ring, a dark 3x3.
bool finder_at(const QrCode& code, int x0, int y0) {
    for (int y = 0; y < 7; ++y)
        for (int x = 0; x < 7; ++x) {
            const bool ring = x == 0 || y == 0 || x == 6 || y == 6;
            const bool centre = x >= 2 && x <= 4 && y >= 2 && y <= 4;
            if (code.dark(x0 + x, y0 + y) != (ring || centre)) return false;
        }
    return true;
}
}  // namespace

TEST(QrCode, ALinkOf200CharactersIsVersion9AtLowCorrection) {
    const QrCode code = QrCode::encode(link_of_length(200));
    ASSERT_TRUE(code.valid()) << code.error();
    EXPECT_EQ(code.version(), 9);  // version 8 holds 192 bytes at Low; Medium would need version 10
    EXPECT_EQ(code.size(), 53);
    EXPECT_EQ(code.ecc(), 'L');
    EXPECT_EQ(code.error(), "");
}

TEST(QrCode, AShortTextGetsTheHighestCorrectionThatFitsTheSameSize) {
    const QrCode code = QrCode::encode("#lab=abc");  // 8 bytes: version 1 holds 17 at Low, 7 at High
    ASSERT_TRUE(code.valid());
    EXPECT_EQ(code.version(), 1);
    EXPECT_EQ(code.size(), 21);
    EXPECT_EQ(code.ecc(), 'Q');  // Quartile holds 11 bytes, High only 7
}

TEST(QrCode, TheLongestTextFitsVersion40AndOneMoreByteIsRefused) {
    const QrCode largest = QrCode::encode(std::string(QrCode::kMaxBytes, 'x'));
    ASSERT_TRUE(largest.valid()) << largest.error();
    EXPECT_EQ(largest.version(), 40);
    EXPECT_EQ(largest.size(), 177);

    const QrCode refused = QrCode::encode(std::string(QrCode::kMaxBytes + 1, 'x'));
    EXPECT_FALSE(refused.valid());
    EXPECT_EQ(refused.size(), 0);
    EXPECT_NE(refused.error().find("2954 characters"), std::string::npos) << refused.error();
    EXPECT_NE(refused.error().find("2953"), std::string::npos) << refused.error();
    EXPECT_FALSE(refused.dark(0, 0));
}

TEST(QrCode, TheGridHasItsFindersTimingAndDarkModuleWhereAReaderLooks) {
    const QrCode code = QrCode::encode(link_of_length(120));
    ASSERT_TRUE(code.valid());
    const int n = code.size();
    EXPECT_TRUE(finder_at(code, 0, 0));
    EXPECT_TRUE(finder_at(code, n - 7, 0));
    EXPECT_TRUE(finder_at(code, 0, n - 7));
    EXPECT_FALSE(finder_at(code, n - 7, n - 7));  // the fourth corner has none
    for (int k = 8; k < n - 8; ++k) {             // the timing patterns alternate, dark on even modules
        EXPECT_EQ(code.dark(k, 6), k % 2 == 0) << k;
        EXPECT_EQ(code.dark(6, k), k % 2 == 0) << k;
    }
    EXPECT_TRUE(code.dark(8, n - 8));  // the always-dark module: column 8, row n - 8 (a transposed grid fails)
    // The quiet zone around the grid is light.
    for (int k = -QrCode::kQuietZone; k < n + QrCode::kQuietZone; ++k) {
        EXPECT_FALSE(code.dark(k, -1));
        EXPECT_FALSE(code.dark(-1, k));
        EXPECT_FALSE(code.dark(k, n));
        EXPECT_FALSE(code.dark(n, k));
    }
}

TEST(QrCode, TheSameLinkGivesTheSameCodeAndAnotherLinkAnother) {
    Lab lab;
    const std::string start = "#lab=" + lab.share_link(false);
    lab.train(20);
    const std::string moment = "#lab=" + lab.share_link(true);
    const QrCode a = QrCode::encode(start), b = QrCode::encode(start), c = QrCode::encode(moment);
    ASSERT_TRUE(a.valid() && c.valid());
    int differ_ab = 0, differ_ac = 0;
    for (int y = 0; y < a.size(); ++y)
        for (int x = 0; x < a.size(); ++x) {
            differ_ab += a.dark(x, y) != b.dark(x, y);
            differ_ac += a.dark(x, y) != c.dark(x, y);
        }
    EXPECT_EQ(differ_ab, 0);
    EXPECT_TRUE(a.size() != c.size() || differ_ac > 0);
    EXPECT_LE(a.version(), 10) << "an unedited start link (" << start.size() << " characters) stays a small code";
}

TEST(QrPlacement, ModulesAreWholeDevicePixelsAndTheCodeIsCentred) {
    // 61 modules (53 and the quiet zone) in 600 CSS px at 1 device px per CSS px: 9 px modules.
    const QrPlacement one = place_qr_code({100, 50}, 600, 61, 1.0f);
    EXPECT_FLOAT_EQ(one.module, 9.0f);
    EXPECT_NEAR(one.origin.x - 100, (600 - 549) / 2.0f, 0.5f);
    EXPECT_EQ(one.origin.x, std::round(one.origin.x));
    EXPECT_EQ(one.origin.y, std::round(one.origin.y));

    // A phone at 3 device px per CSS px: 1170 device px / 61 = 19 whole device px per module.
    const QrPlacement phone = place_qr_code({10.3f, 200}, 390, 61, 3.0f);
    EXPECT_FLOAT_EQ(phone.module * 3.0f, 19.0f);
    EXPECT_NEAR(phone.origin.x * 3.0f, std::round(phone.origin.x * 3.0f), 1e-3);
    EXPECT_LE(phone.origin.x + 61 * phone.module, 10.3f + 390 + 1e-3f);
    EXPECT_GE(phone.origin.x, 10.3f);

    // Too small for one device pixel a module: the exact fraction, filling the square.
    const QrPlacement tiny = place_qr_code({0, 0}, 100, 185, 1.0f);
    EXPECT_FLOAT_EQ(tiny.module, 100.0f / 185.0f);
}
