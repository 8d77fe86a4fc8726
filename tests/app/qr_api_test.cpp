// window.lab's showQr: it opens the QR code of this moment or of the start link in the window's view
// settings, closes it with false, and refuses anything else without changing what is shown.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "app/api/lab_api.h"

using namespace bp;

namespace {
nlohmann::json show_qr(Lab& lab, ViewSettings& view, const std::string& args) {
    return nlohmann::json::parse(call_lab_api(lab, "showQr", args, {}, view));
}
}  // namespace

TEST(QrApi, ShowQrOpensTheMomentOrTheStartLinkAndFalseClosesIt) {
    Lab lab;
    ViewSettings view;
    EXPECT_EQ(show_qr(lab, view, R"([{"start": true}])")["ok"], true);
    EXPECT_EQ(view.qr, QrShown::Start);
    EXPECT_EQ(show_qr(lab, view, R"([{"start": false}])")["ok"], true);
    EXPECT_EQ(view.qr, QrShown::Moment);
    EXPECT_EQ(show_qr(lab, view, "[false]")["ok"], true);
    EXPECT_EQ(view.qr, QrShown::None);
    EXPECT_EQ(show_qr(lab, view, "[]")["ok"], true);  // no argument: this moment
    EXPECT_EQ(view.qr, QrShown::Moment);
    EXPECT_EQ(show_qr(lab, view, "[{}]")["ok"], true);
    EXPECT_EQ(view.qr, QrShown::Moment);
}

TEST(QrApi, ShowQrRefusesWhatItDoesNotKnowAndChangesNothing) {
    Lab lab;
    ViewSettings view;
    view.qr = QrShown::Start;
    for (const char* bad : {R"(["yes"])", "[1]", "[null]", R"([{"start": "no"}])", R"([{"begin": true}])",
                            R"([{"start": true, "size": 3}])", "[false, 2]"}) {
        const nlohmann::json r = show_qr(lab, view, bad);
        EXPECT_EQ(r["ok"], false) << bad;
        EXPECT_NE(r["error"].get<std::string>().find("showQr(): takes"), std::string::npos) << bad << ": " << r["error"];
        EXPECT_EQ(view.qr, QrShown::Start) << bad;
    }
}
