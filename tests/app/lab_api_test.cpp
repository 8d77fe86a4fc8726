// The window.lab API as JSON: state() shape, configure() validation, train(), gradients().
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "api_test_util.h"

using namespace bp;
using nlohmann::json;

using api_test::call;

TEST(LabApi, DefaultStateIsTheLessonsNetwork) {
    Lab lab;
    const json s = call(lab, "state");
    EXPECT_EQ(s["layers"], json({4, 3, 2, 1}));
    EXPECT_EQ(s["activations"]["hidden"], "tanh");
    EXPECT_EQ(s["activations"]["output"], "sigmoid");
    EXPECT_EQ(s["loss"], "mse");
    EXPECT_EQ(s["features"], json({"x1", "x2", "x1sq", "x2sq"}));
    EXPECT_EQ(s["step"], 0);
    EXPECT_EQ(s["epoch"], 0);
    ASSERT_EQ(s["weights"].size(), 3u);
    EXPECT_EQ(s["weights"][0].size(), 4u);     // W^1 is 4x3: 4 rows (sources)
    EXPECT_EQ(s["weights"][0][0].size(), 3u);  // of 3 columns (targets)
    EXPECT_EQ(s["biases"][2].size(), 1u);      // the output's bias
    EXPECT_EQ(s["weights"][1][2][1], lab.trainer().network().W[1](2, 1));
    ASSERT_EQ(s["points"].size(), 200u);
    const json& p = s["points"][0];
    EXPECT_EQ(p["x"].size(), 2u);
    EXPECT_EQ(p["features"][2], p["x"][0].get<double>() * p["x"][0].get<double>());
    EXPECT_EQ(p["test"], false);
    EXPECT_EQ(s["lossHistory"].size(), 1u);
}

TEST(LabApi, TrainLowersTheLossAndGradientsHaveTheWeightsLayout) {
    Lab lab;
    const double start = call(lab, "state")["trainingLoss"];
    const double loss = call(lab, "train", {2000});
    EXPECT_LT(loss, start / 2);
    EXPECT_EQ(call(lab, "state")["step"], 2000);
    const json g = call(lab, "gradients");
    ASSERT_EQ(g["weights"].size(), 3u);
    EXPECT_EQ(g["weights"][0].size(), 4u);
    EXPECT_EQ(g["weights"][0][0].size(), 3u);
    EXPECT_EQ(g["weights"][0][1][2], lab.trainer().gradients().dW[0](1, 2));
    EXPECT_EQ(g["biases"][0][2], lab.trainer().gradients().db[0](2));
}

TEST(LabApi, ConfigureAppliesASubsetAndRejectsBadSettingsUnchanged) {
    Lab lab;
    json r = call(lab, "configure", {{{"layers", {4, 5, 1}}, {"activations", {{"hidden", "relu"}}}, {"learningRate", 0.05}}});
    EXPECT_EQ(r["ok"], true);
    json s = call(lab, "state");
    EXPECT_EQ(s["layers"], json({4, 5, 1}));
    EXPECT_EQ(s["activations"]["hidden"], "relu");
    EXPECT_EQ(s["learningRate"], 0.05);

    const std::string before = call(lab, "state").dump();
    for (const json& bad : {json{{"layers", {3, 2, 1}}},             // input size != features
                            json{{"layers", {4, 2, 2}}},             // two outputs
                            json{{"layers", {4, 17, 1}}},            // too wide
                            json{{"loss", "hinge"}},                 // unknown loss
                            json{{"loss", "bce"}, {"activations", {{"output", "tanh"}}}},
                            json{{"learningRate", -1}},              // not positive
                            json{{"batchSize", 0}},
                            json{{"features", {"x1", "x9"}}},
                            json{{"colour", "red"}},                 // unknown setting
                            json{{"learningRate", 0.2}, {"seed", -3}}}) {
        r = call(lab, "configure", {bad});
        EXPECT_EQ(r["ok"], false) << bad;
        EXPECT_TRUE(r["error"].is_string() && !r["error"].get<std::string>().empty()) << bad;
        EXPECT_EQ(call(lab, "state").dump(), before) << "a rejected configure changed the state: " << bad;
    }
}

TEST(LabApi, FeaturesResizeTheInputLayerAndKeepThePoints) {
    Lab lab;
    const json points = call(lab, "state")["points"];
    json r = call(lab, "configure", {{{"features", {"x1", "x2", "x1x2"}}}});
    EXPECT_EQ(r["ok"], true);
    const json s = call(lab, "state");
    EXPECT_EQ(s["layers"], json({3, 3, 2, 1}));
    EXPECT_EQ(s["points"][5]["x"], points[5]["x"]);
    EXPECT_EQ(s["points"][5]["features"].size(), 3u);
}

TEST(LabApi, UnknownMethodsAndMalformedArgumentsAreErrors) {
    Lab lab;
    EXPECT_EQ(call(lab, "explode")["ok"], false);
    EXPECT_EQ(json::parse(call_lab_api(lab, "train", "[not json"))["ok"], false);
    EXPECT_EQ(call(lab, "train", {"ten"})["ok"], false);
    EXPECT_EQ(call(lab, "state")["step"], 0);
}

TEST(LabApi, ALearningRateThatExplodesReportsTheErrorInState) {
    Lab lab;
    call(lab, "configure", {{{"activations", {{"hidden", "linear"}, {"output", "linear"}}}, {"learningRate", 100}}});
    call(lab, "train", {500});
    const json s = call(lab, "state");
    ASSERT_TRUE(s["error"].is_string());
    EXPECT_NE(s["error"].get<std::string>().find("learning rate"), std::string::npos);
    for (const json& w : s["weights"][0])
        for (const json& v : w) EXPECT_TRUE(v.is_number());  // finite (NaN would be null)
    EXPECT_EQ(call(lab, "reset")["ok"], true);
    EXPECT_TRUE(call(lab, "state")["error"].is_null());
}

TEST(LabApi, PlayFalseAlwaysStopsAndTrainIsBounded) {
    Lab lab;
    ASSERT_EQ(call(lab, "configure", {{{"pointCount", 0}}})["ok"], true);
    EXPECT_EQ(call(lab, "play", {true})["ok"], false);  // nothing to train on: says so
    EXPECT_EQ(call(lab, "play", {false})["ok"], true);  // but stopping always works
    EXPECT_EQ(call(lab, "play", {"false"})["ok"], false);
    EXPECT_EQ(call(lab, "train", {2000000})["ok"], false);
    EXPECT_EQ(call(lab, "train", {"NaN"})["ok"], false);
    EXPECT_EQ(call(lab, "setSpeed", {0})["ok"], false);
    EXPECT_EQ(call(lab, "setSpeed", {20})["ok"], true);
    EXPECT_EQ(call(lab, "state")["speed"], 20);
}

TEST(Lab, StepRecordsTheLossSoThePlotFollowsEveryStep) {
    Lab lab;
    const double before = lab.training_loss();
    lab.step_once();
    lab.step_once();
    const auto& h = lab.trainer().history().samples();
    ASSERT_EQ(h.size(), 3u);
    EXPECT_EQ(h.back().step, 2);
    EXPECT_DOUBLE_EQ(h.back().loss, lab.training_loss());
    EXPECT_NE(lab.training_loss(), before);
}

TEST(Lab, InspectedPointCarriesDeltaOfEveryLayer) {
    Lab lab;
    lab.set_inspected_point(7);
    const Pass& pass = lab.inspected_pass();
    ASSERT_EQ(pass.rows, 1);
    const Point& p = lab.trainer().points()[7];
    // delta of the output for mse and a sigmoid: (y-hat - y) y-hat (1 - y-hat)
    const double y_hat = pass.a[3](0, 0);
    EXPECT_NEAR(pass.delta[3](0, 0), (y_hat - p.y) * y_hat * (1 - y_hat), 1e-15);
    EXPECT_NE(pass.delta[1](0, 0), 0.0);
}

TEST(LabApi, PointsCanBeAddedMovedRemovedAndUndone) {
    Lab lab;
    const size_t n = call(lab, "points").size();
    json r = call(lab, "addPoint", {{{"x", {0.25, -0.5}}, {"y", 1}}});
    ASSERT_EQ(r["ok"], true);
    const int index = r["index"];
    EXPECT_EQ(index, static_cast<int>(n));
    EXPECT_EQ(call(lab, "points")[index]["x"], json({0.25, -0.5}));
    EXPECT_EQ(call(lab, "movePoint", {index, {{"x", {1.0, 1.5}}}})["ok"], true);
    EXPECT_EQ(call(lab, "points")[index]["x"], json({1.0, 1.5}));
    EXPECT_EQ(call(lab, "points")[index]["y"], 1);  // y kept when only x moves
    EXPECT_EQ(call(lab, "undo")["ok"], true);
    EXPECT_EQ(call(lab, "points")[index]["x"], json({0.25, -0.5}));
    EXPECT_EQ(call(lab, "redo")["ok"], true);
    EXPECT_EQ(call(lab, "points")[index]["x"], json({1.0, 1.5}));
    EXPECT_EQ(call(lab, "removePoint", {index})["ok"], true);
    EXPECT_EQ(call(lab, "points").size(), n);
    // Bad edits change nothing.
    const std::string before = call(lab, "points").dump();
    EXPECT_EQ(call(lab, "addPoint", {{{"x", {3, 0}}, {"y", 1}}})["ok"], false);
    EXPECT_EQ(call(lab, "addPoint", {{{"x", {0, 0}}, {"y", 0.5}}})["ok"], false);
    EXPECT_EQ(call(lab, "movePoint", {9999, {{"x", {0, 0}}}})["ok"], false);
    EXPECT_EQ(call(lab, "removePoint", {-1})["error"],
              "removePoint(): there is no point -1 (point indices are 0 to " + std::to_string(n - 1) + ")");
    // A key the lab does not know is refused by name, as configure() does; a point as points() gives
    // it (with its features) is still taken.
    EXPECT_EQ(call(lab, "addPoint", {{{"x", {0, 0}}, {"y", 1}, {"tset", true}}})["error"],
              "addPoint(): a point has no 'tset' (use x, y, test)");
    EXPECT_EQ(call(lab, "movePoint", {0, {{"X", {0, 0}}}})["error"], "movePoint(): a point has no 'X' (use x, y, test)");
    EXPECT_EQ(call(lab, "importCsv", {"x1,x2,y\n0,0,1\n0,zz,0\n"})["error"], "importCsv(): row 3, column 2 (x2): 'zz' is not a number");
    EXPECT_EQ(call(lab, "points").dump(), before);
}

TEST(LabApi, CsvImportReplacesThePointsAndTrainingGoesOn) {
    Lab lab;
    lab.train(30);
    EXPECT_EQ(call(lab, "importCsv", {"x1,x2,y,split\n0.5,0.5,1,train\n-0.5,-0.5,0,train\n1,1,1,test\n"})["ok"], true);
    EXPECT_EQ(call(lab, "points").size(), 3u);
    EXPECT_EQ(call(lab, "state")["step"], 30);  // the run goes on
    EXPECT_EQ(lab.trainer().history().samples().back().step, 30);  // and the plot shows the new data's loss
    EXPECT_DOUBLE_EQ(lab.trainer().history().samples().back().loss, lab.trainer().training_loss());
    EXPECT_TRUE(call(lab, "state")["testLoss"].is_number());
    EXPECT_EQ(call(lab, "exportCsv").get<std::string>().substr(0, 14), "x1,x2,y,split\n");
    EXPECT_EQ(call(lab, "undo")["ok"], true);
    EXPECT_EQ(call(lab, "points").size(), 200u);
}

// A file whose header puts y first is read by its names, and a header naming an unknown column
// changes nothing and says which.
TEST(LabApi, CsvImportReadsTheColumnsByTheHeadersNames) {
    Lab lab;
    ASSERT_EQ(call(lab, "importCsv", {"y,x1,x2\n1,0.5,0\n0,-0.5,1\n"})["ok"], true);
    const json points = call(lab, "points");
    ASSERT_EQ(points.size(), 2u);
    EXPECT_EQ(points[0]["x"], json({0.5, 0.0}));
    EXPECT_EQ(points[0]["y"], 1.0);
    EXPECT_EQ(points[1]["x"], json({-0.5, 1.0}));
    EXPECT_EQ(points[1]["y"], 0.0);
    EXPECT_EQ(call(lab, "importCsv", {"x1,x2,label\n0,0,1\n"})["error"],
              "importCsv(): row 1, column 3: 'label' is not a column (the columns are x1, x2, y and split)");
    EXPECT_EQ(call(lab, "points"), points);
}

TEST(LabApi, CurveDataSetSwitchesToRegressionSettings) {
    Lab lab;
    ASSERT_EQ(call(lab, "configure", {{{"dataset", "curve"}}})["ok"], true);
    const json s = call(lab, "state");
    EXPECT_EQ(s["activations"]["output"], "linear");
    EXPECT_EQ(s["loss"], "mse");
    EXPECT_EQ(s["features"], json({"x1", "x1sq"}));
    EXPECT_EQ(s["layers"], json({2, 3, 2, 1}));
    EXPECT_EQ(call(lab, "addPoint", {{{"x", {0.5, 0}}, {"y", -1.25}}})["ok"], true);  // any value, not a class
    ASSERT_EQ(call(lab, "configure", {{{"dataset", "xor"}, {"features", {"x1", "x2", "x1x2"}}}})["ok"], true);
    EXPECT_EQ(call(lab, "state")["activations"]["output"], "sigmoid");
}

TEST(LabApi, XorWithTheProductFeatureTrainsToALowLoss) {
    Lab lab;
    ASSERT_EQ(call(lab, "configure", {{{"dataset", "xor"}, {"features", {"x1", "x2", "x1x2"}}, {"learningRate", 0.3}}})["ok"], true);
    const double start = call(lab, "state")["trainingLoss"];
    const double end = call(lab, "train", {3000});
    EXPECT_LT(end, 0.02) << "from " << start;
}

TEST(LabApi, TestShareHoldsOutPointsAndRecordsTestLoss) {
    Lab lab;
    ASSERT_EQ(call(lab, "configure", {{{"testFraction", 0.25}}})["ok"], true);
    int test = 0;
    for (const json& p : call(lab, "points")) test += p["test"].get<bool>();
    EXPECT_EQ(test, 50);
    call(lab, "train", {40});
    const json h = call(lab, "state")["lossHistory"];
    EXPECT_TRUE(h.back()["testLoss"].is_number());
    EXPECT_EQ(call(lab, "configure", {{{"testFraction", 0.95}}})["ok"], false);
}

TEST(LabApi, WeightsJsonRoundTripsAndBadFilesChangeNothing) {
    Lab trained;
    call(trained, "configure", {{{"layers", {4, 5, 1}}, {"activations", {{"hidden", "relu"}}}}});
    call(trained, "train", {300});
    const std::string text = call(trained, "exportWeights").get<std::string>();
    Lab fresh;
    EXPECT_EQ(call(fresh, "importWeights", {text})["ok"], true);
    const json a = call(trained, "state"), b = call(fresh, "state");
    EXPECT_EQ(b["layers"], json({4, 5, 1}));
    EXPECT_EQ(b["activations"]["hidden"], "relu");
    EXPECT_EQ(b["weights"], a["weights"]);  // bit for bit: 17 significant digits in the JSON
    EXPECT_EQ(b["biases"], a["biases"]);
    const std::string before = call(fresh, "state").dump();
    json broken = json::parse(text);
    broken["weights"][0][0][0] = "x";
    for (const std::string& bad : {std::string("{"), std::string("[]"), std::string(R"({"format":"other"})"), broken.dump(),
                                   text.substr(0, text.size() / 2)}) {
        const json r = call(fresh, "importWeights", {bad});
        EXPECT_EQ(r["ok"], false) << bad.substr(0, 40);
        EXPECT_EQ(call(fresh, "state").dump(), before);
    }
    const std::string history = call(trained, "exportHistory").get<std::string>();
    EXPECT_EQ(history.substr(0, 30), "step,training_loss,test_loss\n0");
}

TEST(LabApi, NumbersInMessagesAreShortAndPointsAsListedAreTaken) {
    Lab lab;
    EXPECT_EQ(call(lab, "setTextScale", {1e308})["error"],
              "setTextScale(): the text scale must be from 1 (100 %) to 2 (200 %); got 1e+308");
    const json listed = call(lab, "points")[0];
    ASSERT_TRUE(listed.contains("features"));
    EXPECT_EQ(call(lab, "addPoint", json::array({listed}))["ok"], true);
}

TEST(LabApi, ALinkWithSpacesAroundItOpensAndShareLinkTakesOnlyOptions) {
    Lab teacher;
    call(teacher, "train", {12});
    const std::string link = call(teacher, "shareLink", json::array({json::object()}));
    Lab student;
    ASSERT_EQ(call(student, "openLink", {"  https://example.org/lab/#lab=" + link + " \n"})["ok"], true);
    EXPECT_EQ(call(student, "state")["step"], 12);
    EXPECT_TRUE(call(teacher, "shareLink", json::array({nullptr})).is_string());  // null: no options, as when left out
    for (const json& wrong : {json("abc"), json(1), json(true), json::array()})
        EXPECT_EQ(call(teacher, "shareLink", json::array({wrong}))["error"], "shareLink(): takes nothing, or options {start, locks}")
            << wrong.dump();
}

TEST(LabApi, AStartLinkTrainsExactlyLikeAFreshLab) {
    Lab teacher;
    call(teacher, "train", {57});
    const std::string start = call(teacher, "shareLink", {{{"start", true}}});
    Lab student, fresh;
    ASSERT_EQ(call(student, "openLink", {start})["ok"], true);
    EXPECT_EQ(call(student, "state")["step"], 0);
    call(student, "train", {100});
    call(fresh, "train", {100});
    EXPECT_EQ(call(student, "state")["weights"], call(fresh, "state")["weights"]);
}

TEST(LabApi, ABadCsvCellWithAccentsGivesAMessageNotACrash) {
    Lab lab;
    const json r = call(lab, "importCsv", {"1,1,0\na\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9,1,0"});
    EXPECT_EQ(r["ok"], false);
    EXPECT_NE(r["error"].get<std::string>().find("row 2, column 1 (x1)"), std::string::npos);
}

TEST(LabApi, ChainRuleStaysFiniteWhenABceOutputSaturates) {
    Lab lab;
    ASSERT_EQ(call(lab, "configure", {{{"loss", "bce"}}})["ok"], true);
    // A huge output bias: y-hat rounds to 1 for every point.
    json weights = json::parse(call(lab, "exportWeights").get<std::string>());
    weights["biases"][2][0] = 40.0;
    ASSERT_EQ(call(lab, "importWeights", {weights.dump()})["ok"], true);
    const json r = call(lab, "chainRule", {3, 1, 1});
    ASSERT_TRUE(r["sum"].is_number());
    EXPECT_NEAR(r["sum"].get<double>(), r["backprop"].get<double>(), 1e-12);
}

TEST(Lab, UndoDuringADragEndsTheDrag) {
    Lab lab;
    const Point start = lab.trainer().points()[3];
    lab.begin_drag();
    ASSERT_TRUE(lab.drag_open());
    Point moved = start;
    moved.x1 = 0.5;
    lab.move_point(3, moved);
    ASSERT_TRUE(lab.undo());
    EXPECT_EQ(lab.trainer().points()[3].x1, start.x1);
    EXPECT_FALSE(lab.drag_open());  // the data view sees it and lets go of the point
    moved.x1 = -0.5;
    lab.move_point(3, moved);  // a later edit is an undo step of its own
    ASSERT_TRUE(lab.undo());
    EXPECT_EQ(lab.trainer().points()[3].x1, start.x1);
}
