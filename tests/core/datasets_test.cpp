// The data-set generators, the train/test split and the CSV codec.
#include <gtest/gtest.h>

#include <cmath>

#include "core/csv.h"
#include "core/dataset.h"

using namespace bp;

TEST(Datasets, EveryGeneratorIsDeterministicForASeedAndStaysOnThePlane) {
    for (DatasetKind kind : kAllDatasets) {
        const auto a = generate_dataset(kind, 120, 0.1, 5), b = generate_dataset(kind, 120, 0.1, 5);
        const auto c = generate_dataset(kind, 120, 0.1, 6);
        ASSERT_EQ(a.size(), 120u) << dataset_name(kind);
        bool differs = false;
        for (size_t k = 0; k < a.size(); ++k) {
            EXPECT_EQ(a[k].x1, b[k].x1);
            EXPECT_EQ(a[k].x2, b[k].x2);
            EXPECT_EQ(a[k].y, b[k].y);
            differs |= a[k].x1 != c[k].x1;
            EXPECT_EQ(point_problem(a[k], is_regression(kind)), "") << dataset_name(kind) << " point " << k;
        }
        EXPECT_TRUE(differs) << dataset_name(kind) << ": another seed gives other points";
        EXPECT_EQ(parse_dataset(dataset_name(kind)), kind);
    }
}

TEST(Datasets, LabelsFollowEachSetsRule) {
    for (const Point& p : generate_xor(200, 0.0, 1)) EXPECT_EQ(p.y, p.x1 * p.x2 > 0 ? 1.0 : 0.0);
    double mean1 = 0, mean0 = 0;
    for (const Point& p : generate_gauss(200, 0.0, 1)) (p.y == 1.0 ? mean1 : mean0) += (p.x1 + p.x2) / 200;
    EXPECT_GT(mean1, 0.5);  // class 1 around (1, 1), class 0 around (-1, -1)
    EXPECT_LT(mean0, -0.5);
    int ones = 0;
    for (const Point& p : generate_spiral(200, 0.0, 1)) ones += p.y == 1.0;
    EXPECT_EQ(ones, 100);
    for (const Point& p : generate_curve(100, 0.0, 1)) {
        EXPECT_NEAR(p.y, std::sin(1.5 * p.x1), 1e-12);
        EXPECT_EQ(p.x2, 0.0);
    }
}

TEST(Datasets, SplitHoldsOutTheRequestedShareDeterministically) {
    auto a = generate_circle(200, 0.0, 1), b = a;
    split_points(a, 0.3, 9);
    split_points(b, 0.3, 9);
    int test = 0;
    for (size_t k = 0; k < a.size(); ++k) {
        test += a[k].test;
        EXPECT_EQ(a[k].test, b[k].test);
    }
    EXPECT_EQ(test, 60);
    split_points(a, 0.0, 9);
    for (const Point& p : a) EXPECT_FALSE(p.test);
}

TEST(Csv, ExportThenImportGivesTheSamePoints) {
    auto points = generate_spiral(150, 0.2, 3);
    split_points(points, 0.25, 4);
    const CsvImport in = points_from_csv(points_to_csv(points), false, 2000);
    ASSERT_EQ(in.error, "");
    ASSERT_EQ(in.points.size(), points.size());
    for (size_t k = 0; k < points.size(); ++k) {
        EXPECT_EQ(in.points[k].x1, points[k].x1);  // bit for bit: 17 significant digits
        EXPECT_EQ(in.points[k].x2, points[k].x2);
        EXPECT_EQ(in.points[k].y, points[k].y);
        EXPECT_EQ(in.points[k].test, points[k].test);
    }
}

TEST(Csv, ABadRowIsRejectedWithItsRowAndColumnAndNothingIsReturned) {
    const std::string head = "x1,x2,y\n0.5,0.5,1\n-1,1,0\n";
    struct Case {
        std::string text, message;
    };
    for (const Case& c : {Case{head + "0.2,abc,1\n", "row 4, column 2 (x2): 'abc' is not a number"},
                          Case{head + "3.5,0,1\n", "row 4, column 1 (x1): 3.5 is outside the plane (-2 to 2)"},
                          Case{head + "0,0,2\n", "row 4, column 3 (y): '2' is not a class (0 or 1)"},
                          Case{head + "0,0\n", "row 4: expected 3 or 4 values"},
                          Case{head + "0,0,1,maybe\n", "row 4, column 4 (split): 'maybe' is neither train nor test"},
                          Case{head + "0,nan,1\n", "row 4, column 2 (x2): 'nan' is not a number"}}) {
        const CsvImport in = points_from_csv(c.text, false, 2000);
        EXPECT_NE(in.error.find(c.message), std::string::npos) << in.error;
        EXPECT_TRUE(in.points.empty());
    }
    EXPECT_NE(points_from_csv(head + "0,0,1\n0,0,0\n", false, 3).error.find("row 5: more than 3 points"), std::string::npos);
    const CsvImport ok = points_from_csv("\n0.1, -0.2 ,1,TEST\r\n\n", false, 2000);
    ASSERT_EQ(ok.error, "");
    ASSERT_EQ(ok.points.size(), 1u);
    EXPECT_TRUE(ok.points[0].test);
    EXPECT_EQ(points_from_csv("x1,x2,y\n0,0,1.5\n", true, 10).error, "");  // regression accepts values
}
