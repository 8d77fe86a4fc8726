// CSV import: nothing is lost and nothing is half-read. Every text either gives all its rows as
// points or is refused with the row (and column) at fault, or with "the text is empty" or "only a
// header". Every case here was accepted, or refused without saying where, before these rules.
#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <string>
#include <vector>

#include "core/csv.h"
#include "core/trainer.h"
#include "../common/utf8_check.h"

using namespace bp;

namespace {

CsvImport classes(const std::string& text) { return points_from_csv(text, false, kMaxPoints); }

// The import is refused, returns no points, and its message contains `phrase`.
void expect_refused(const std::string& text, const std::string& phrase, bool regression = false) {
    const CsvImport in = points_from_csv(text, regression, kMaxPoints);
    EXPECT_NE(in.error.find(phrase), std::string::npos) << "error: '" << in.error << "' for text: " << text.substr(0, 80);
    EXPECT_TRUE(in.points.empty());
}


}  // namespace

TEST(CsvImport, ReadsEveryLineEndingTheSame) {
    for (const char* end : {"\n", "\r\n", "\r"}) {
        const std::string e = end;
        const CsvImport in = classes("x1,x2,y" + e + "0.1,0.2,1" + e + "0.3,0.4,0" + e);
        ASSERT_EQ(in.error, "") << "line ending " << static_cast<int>(e.back());
        ASSERT_EQ(in.points.size(), 2u);
        EXPECT_EQ(in.points[0].x1, 0.1);
        EXPECT_EQ(in.points[1].y, 0.0);
        // Rows are counted once per line ending, "\r\n" included.
        expect_refused("x1,x2,y" + e + "0,0,1" + e + "0,zz,0" + e, "row 3, column 2 (x2): 'zz' is not a number");
    }
    // Mixed endings and no ending on the last row.
    const CsvImport mixed = classes("x1,x2,y\r0.1,0.2,1\r\n0.3,0.4,0\n-1,1,1");
    ASSERT_EQ(mixed.error, "");
    EXPECT_EQ(mixed.points.size(), 3u);
}

TEST(CsvImport, EmptyTextIsRefused) {
    for (const char* text : {"", "\n", "\r\n\r\n", "   \n\t\n", "\xEF\xBB\xBF", "\xEF\xBB\xBF\r\n"})
        expect_refused(text, "the text is empty");
}

TEST(CsvImport, AHeaderWithoutDataRowsIsRefused) {
    expect_refused("x1,x2,y\n", "there are no data rows, only a header (row 1)");
    expect_refused("x1,x2,y,split", "there are no data rows, only a header (row 1)");
    expect_refused("\r\n\r\nx1,x2,y\r\n\r\n", "there are no data rows, only a header (row 3)");
    expect_refused("\xEF\xBB\xBFx1,x2,y\r", "there are no data rows, only a header (row 1)");
}

TEST(CsvImport, TenMegabytesOfCommasIsOneBadRowAndIsReadQuickly) {
    const auto start = std::chrono::steady_clock::now();
    expect_refused(std::string(10u << 20, ','), "row 1: expected 3 or 4 values (x1, x2, y, and optionally split), found 10485761");
    expect_refused("x1,x2,y\n0,0,1\n" + std::string(10u << 20, ','), "row 3: expected 3 or 4 values");
    EXPECT_LT(std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count(), 5.0);
}

TEST(CsvImport, AByteOrderMarkIsSkippedAndTheFirstRowKept) {
    const CsvImport bare = classes("\xEF\xBB\xBF" "0.1,0.2,1\n0.3,0.4,0\n");
    ASSERT_EQ(bare.error, "");
    ASSERT_EQ(bare.points.size(), 2u);
    EXPECT_EQ(bare.points[0].x1, 0.1);
    const CsvImport headed = classes("\xEF\xBB\xBFx1,x2,y\r\n0.1,0.2,1\r\n");
    ASSERT_EQ(headed.error, "");
    EXPECT_EQ(headed.points.size(), 1u);
    // Only at the very start: a mark later in the text is a bad cell.
    expect_refused("0.1,0.2,1\n\xEF\xBB\xBF" "0.3,0.4,0\n", "row 2, column 1 (x1)");
}

TEST(CsvImport, ABadFirstRowIsNotTakenForAHeader) {
    expect_refused("0.1x,0.2,1\n0.3,0.4,0\n", "row 1, column 1 (x1): '0.1x' is not a number");
    expect_refused("0.1x,abc,def\n0.3,0.4,0\n", "row 1, column 1 (x1): '0.1x' is not a number");
    expect_refused("x1,-5,y\n0.3,0.4,0\n", "row 1, column 1 (x1): 'x1' is not a number");
    expect_refused(".5,oops,1\n", "row 1, column 2 (x2): 'oops' is not a number");
    expect_refused("nan,inf,nan\n0.3,0.4,0\n", "row 1, column 1 (x1): 'nan' is not a number");
    expect_refused(",,\n0.3,0.4,0\n", "row 1, column 1 (x1): the cell is empty");
    expect_refused(" , , \n0.3,0.4,0\n", "row 1, column 1 (x1): the cell is empty");
}

TEST(CsvImport, OnlyTheFirstNonBlankRowCanBeAHeader) {
    const CsvImport in = classes("\n\n x1 , x2 , y \n0.1,0.2,1\n");
    ASSERT_EQ(in.error, "");
    EXPECT_EQ(in.points.size(), 1u);
    expect_refused("x1,x2,y\nx1,x2,y\n0.1,0.2,1\n", "row 2, column 1 (x1): 'x1' is not a number");
    expect_refused("0.1,0.2,1\nx1,x2,y\n", "row 2, column 1 (x1): 'x1' is not a number");
    // A spreadsheet's double quotes are taken off, so quoted numbers are numbers, not a header.
    const CsvImport quoted = classes("\"x1\",\"x2\",\"y\"\n\"0.5\",\"0.5\",\"1\"\n");
    ASSERT_EQ(quoted.error, "");
    ASSERT_EQ(quoted.points.size(), 1u);
    EXPECT_EQ(quoted.points[0].y, 1.0);
    const CsvImport quoted_first = classes("\"0.5\",\"0.5\",\"1\"\n");
    ASSERT_EQ(quoted_first.error, "");
    EXPECT_EQ(quoted_first.points.size(), 1u);
}

TEST(CsvImport, ARowOfCommasIsABadRowNotABlankOne) {
    const std::string head = "x1,x2,y\n0.1,0.2,1\n";
    expect_refused(head + ",,\n0.3,0.4,0\n", "row 3, column 1 (x1): the cell is empty");
    expect_refused(head + " ,\t, \n0.3,0.4,0\n", "row 3, column 1 (x1): the cell is empty");
    expect_refused(head + ",\n", "row 3: expected 3 or 4 values (x1, x2, y, and optionally split), found 2");
    expect_refused(head + "0.3,,0\n", "row 3, column 2 (x2): the cell is empty");
    // Blank rows (nothing, or only spaces) are skipped, and still counted.
    const CsvImport in = classes(head + "\n   \n\t\r\n0.3,0.4,0\n\n");
    ASSERT_EQ(in.error, "");
    EXPECT_EQ(in.points.size(), 2u);
    expect_refused(head + "\n  \n0.3,zz,0\n", "row 5, column 2 (x2)");
}

TEST(CsvImport, TextThatIsNotUtf8IsRefusedWithItsRowAndColumn) {
    // A lone surrogate (U+D800 as UTF-8), an overlong slash, a stray continuation byte, Latin-1.
    expect_refused("0.1,0.2,1\n\xED\xA0\x80,0.4,0\n", "row 2, column 1 (x1): the text is not UTF-8 here");
    expect_refused("\xED\xA0\x80,x2,y\n0.1,0.2,1\n", "row 1, column 1 (x1): the text is not UTF-8 here");
    expect_refused("x1,x2,y\n0.1,0.2,\xC0\xAF\n", "row 2, column 3 (y): the text is not UTF-8 here");
    expect_refused("x1,x2,y\n0.1,0.2,1,tr\x80in\n", "row 2, column 4 (split): the text is not UTF-8 here");
    expect_refused("x1,x2,y\n0.1,0.2,1,train,\xE9t\xE9\n", "row 2, column 5: the text is not UTF-8 here");
    expect_refused("x1,x2,y\n0.1,0.2,1,train,\xF0\x9F\x98\n", "row 2, column 5: the text is not UTF-8 here");
    // Real UTF-8 is fine in a header, and a bad cell with accents gives a UTF-8 message.
    EXPECT_EQ(classes("x\xE2\x82\x81,x\xE2\x82\x82,y\n0,0,1\n").error, "");
    const CsvImport accents = classes("0,0,1\n\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9,1,0\n");
    EXPECT_NE(accents.error.find("row 2, column 1 (x1)"), std::string::npos) << accents.error;
    EXPECT_TRUE(test_util::is_utf8(accents.error));
    // Control characters in a shown cell become '?'.
    expect_refused("x1,x2,y\n0.1,\x01\x7F,1\n", "row 2, column 2 (x2): '?\?' is not a number");
}

TEST(CsvImport, NanInfinityAndHugeNumbersAreRefusedWithRowAndColumn) {
    const std::string head = "x1,x2,y\n0.1,0.2,1\n";
    expect_refused(head + "nan,0,1\n", "row 3, column 1 (x1): 'nan' is not a number");
    expect_refused(head + "0,inf,1\n", "row 3, column 2 (x2): 'inf' is not a number");
    expect_refused(head + "0,-Infinity,1\n", "row 3, column 2 (x2): '-Infinity' is not a number");
    expect_refused(head + "0,0,NaN\n", "row 3, column 3 (y): 'NaN' is not a number", true);
    expect_refused(head + "1e999,0,1\n", "row 3, column 1 (x1): '1e999' is too large");
    expect_refused(head + "0,0,-1e999\n", "row 3, column 3 (y): '-1e999' is too large", true);
    expect_refused(head + "0x1p0,0,1\n", "row 3, column 1 (x1): '0x1p0' is not a number");  // no hex
    expect_refused(head + "1e,0,1\n", "row 3, column 1 (x1): '1e' is not a number");
    expect_refused(head + ".,0,1\n", "row 3, column 1 (x1): '.' is not a number");
    // Plain decimals in every spelling are numbers; a tiny one is zero.
    const CsvImport in = classes("+1.,-.5,1e0\n1E-2,2,0\n1e-999,0,1.000\n");
    ASSERT_EQ(in.error, "");
    ASSERT_EQ(in.points.size(), 3u);
    EXPECT_EQ(in.points[0].x2, -0.5);
    EXPECT_EQ(in.points[1].x1, 0.01);
    EXPECT_EQ(in.points[2].x1, 0.0);
}

TEST(CsvImport, ARowWithTooManyOrTooFewColumnsIsNamed) {
    for (const char* end : {"\n", "\r"}) {
        const std::string e = end;
        expect_refused("x1,x2,y" + e + "0.1,0.2" + e, "row 2: expected 3 or 4 values (x1, x2, y, and optionally split), found 2");
        expect_refused("x1,x2,y" + e + "0.1,0.2,1" + e + "0.1,0.2,1,test,x" + e, "row 3: expected 3 or 4 values (x1, x2, y, and optionally split), found 5");
        expect_refused("x1,x2,y" + e + "0.1" + e, "row 2: expected 3 or 4 values (x1, x2, y, and optionally split), found 1");
    }
    // A trailing comma is an empty split: train.
    const CsvImport in = classes("0.1,0.2,1,\n");
    ASSERT_EQ(in.error, "");
    EXPECT_FALSE(in.points.at(0).test);
}

TEST(CsvImport, MoreRowsThanTheLabHoldsAreRefusedNamingTheLimit) {
    std::string text = "x1,x2,y\n";
    for (int k = 0; k < kMaxPoints; ++k) text += "0.5,-0.5,1\n";
    const CsvImport full = classes(text);
    ASSERT_EQ(full.error, "");
    EXPECT_EQ(static_cast<int>(full.points.size()), kMaxPoints);
    expect_refused(text + "0.5,-0.5,0\n", "row " + std::to_string(kMaxPoints + 2) + ": more than " + std::to_string(kMaxPoints) +
                                             " points (the lab holds at most " + std::to_string(kMaxPoints) + ")");
    EXPECT_EQ(points_from_csv("0,0,1\n0,0,1\n\n0,0,0\n", false, 2).error, "row 4: more than 2 points (the lab holds at most 2)");
}

TEST(CsvImport, EveryRefusalNamesARowOrSaysTheTextIsEmpty) {
    const char* texts[] = {"", "\r", "x1,x2,y", ",", ",,,,", "0.1x,1,1", "\xED\xA0\x80", "\xFF", "x,y,z\n\xFF",
                           "a\rb\rc", "1,2,3,4,5", "nan", "\"", "0,0,0\r\r\r0,0,\r"};
    for (const char* text : texts) {
        const CsvImport in = classes(text);
        ASSERT_NE(in.error, "") << text;
        EXPECT_TRUE(in.points.empty());
        EXPECT_TRUE(in.error.rfind("row ", 0) == 0 || in.error == "the text is empty" ||
                    in.error.rfind("there are no data rows, only a header", 0) == 0)
            << in.error;
        EXPECT_TRUE(test_util::is_utf8(in.error)) << in.error;
    }
}

TEST(CsvImport, ExportIsUnchanged) {
    EXPECT_EQ(points_to_csv({}), "x1,x2,y,split\n");
    EXPECT_EQ(points_to_csv({Point{0.5, -0.25, 1.0, true}, Point{-2, 2, 0, false}}),
              "x1,x2,y,split\n0.5,-0.25,1,test\n-2,2,0,train\n");
}

// The columns are read by the header's names, so a file whose columns are in another order means
// what it says. The expected points are written out by hand from the text.
TEST(CsvImport, AHeaderInAnotherOrderIsReadByItsNames) {
    const CsvImport in = classes("y,x1,x2\n1,0.5,0\n0,-0.5,1\n");
    ASSERT_EQ(in.error, "");
    ASSERT_EQ(in.points.size(), 2u);
    EXPECT_EQ(in.points[0], (Point{0.5, 0.0, 1.0, false}));
    EXPECT_EQ(in.points[1], (Point{-0.5, 1.0, 0.0, false}));

    // Split first and last, names in any case, spaces and spreadsheet quotes around them.
    const CsvImport split_first = classes("split,x2,y,x1\ntest,0.25,1,-1.5\ntrain,-2,0,2\n,1,1,0.75\n");
    ASSERT_EQ(split_first.error, "");
    ASSERT_EQ(split_first.points.size(), 3u);
    EXPECT_EQ(split_first.points[0], (Point{-1.5, 0.25, 1.0, true}));
    EXPECT_EQ(split_first.points[1], (Point{2.0, -2.0, 0.0, false}));
    EXPECT_EQ(split_first.points[2], (Point{0.75, 1.0, 1.0, false}));
    const CsvImport spelled = classes(" X2 ,\"Y\",\tx1\t,SPLIT\r\n-0.125,0,1.5,TEST\r\n");
    ASSERT_EQ(spelled.error, "");
    ASSERT_EQ(spelled.points.size(), 1u);
    EXPECT_EQ(spelled.points[0], (Point{1.5, -0.125, 0.0, true}));
    // The data table's titles name columns too.
    const CsvImport titled = classes("class,x\u2082,x\u2081\n1,-1,0.5\n");
    ASSERT_EQ(titled.error, "");
    EXPECT_EQ(titled.points.at(0), (Point{0.5, -1.0, 1.0, false}));
    // The curve's values are read by name the same way.
    const CsvImport curve = points_from_csv("y,x2,x1,split\n-1.75,0,0.5,test\n", true, kMaxPoints);
    ASSERT_EQ(curve.error, "");
    EXPECT_EQ(curve.points.at(0), (Point{0.5, 0.0, -1.75, true}));
}

// Every order of the four columns (and of three, without split) reads back the points it was
// written from.
TEST(CsvImport, EveryOrderOfTheColumnsReadsBackThePointsWritten) {
    const std::vector<Point> points = {{0.5, -0.25, 1.0, true}, {-2.0, 1.75, 0.0, false}, {1.0 / 3, 2.0, 1.0, false}};
    std::vector<std::string> order = {"split", "x1", "x2", "y"};  // sorted, for next_permutation
    auto cell = [](const Point& p, const std::string& name) {
        char text[40];
        if (name == "split") return std::string(p.test ? "test" : "train");
        std::snprintf(text, sizeof text, "%.17g", name == "x1" ? p.x1 : name == "x2" ? p.x2 : p.y);
        return std::string(text);
    };
    int orders = 0;
    for (bool with_split : {true, false}) {
        do {
            std::vector<std::string> names;
            for (const std::string& name : order)
                if (with_split || name != "split") names.push_back(name);
            std::string text;
            for (size_t c = 0; c < names.size(); ++c) text += (c ? "," : "") + names[c];
            for (const Point& p : points) {
                text += "\n";
                for (size_t c = 0; c < names.size(); ++c) text += (c ? "," : "") + cell(p, names[c]);
            }
            const CsvImport in = classes(text);
            ASSERT_EQ(in.error, "") << text;
            ASSERT_EQ(in.points.size(), points.size()) << text;
            for (size_t k = 0; k < points.size(); ++k) {
                EXPECT_EQ(in.points[k].x1, points[k].x1) << text;
                EXPECT_EQ(in.points[k].x2, points[k].x2) << text;
                EXPECT_EQ(in.points[k].y, points[k].y) << text;
                EXPECT_EQ(in.points[k].test, with_split && points[k].test) << text;
            }
            ++orders;
        } while (std::next_permutation(order.begin(), order.end()));
    }
    EXPECT_EQ(orders, 48);  // 24 orders with split, each also without it
}

TEST(CsvImport, ABadCellIsNamedByTheHeadersColumn) {
    expect_refused("y,x1,x2\n1,0.5,0\n1,0.5,zz\n", "row 3, column 3 (x2): 'zz' is not a number");
    expect_refused("y,x1,x2\n2,0,0\n", "row 2, column 1 (y): '2' is not a class (0 or 1)");
    expect_refused("x2,x1,y\n0,3,1\n", "row 2, column 2 (x1): 3 is outside the plane (-2 to 2)");
    expect_refused("y,x1,x2\n1,0\n", "row 2: expected 3 or 4 values (y, x1, x2, and optionally split), found 2");
    expect_refused("y,x1,x2\n1,0,0,maybe\n", "row 2, column 4 (split): 'maybe' is neither train nor test");
    // Split in the middle must be there in every row (it may be empty).
    expect_refused("x1,split,x2,y\n0,,0,1\n0,0,1\n", "row 3: expected 4 values (x1, split, x2, y), found 3");
    expect_refused("split,x1,x2,y\n0,0,0,1\n", "row 2, column 1 (split): '0' is neither train nor test");
}

TEST(CsvImport, AHeaderCellThatNamesNoColumnIsRefusedByName) {
    expect_refused("x1,x2,z\n0,0,1\n", "row 1, column 3: 'z' is not a column (the columns are x1, x2, y and split)");
    expect_refused("\n\ny,x1,x2,note\n1,0,0,a\n", "row 3, column 4: 'note' is not a column");
    expect_refused("x1,x2,y,split,\n0,0,1,train,\n", "row 1, column 5: the column has no name");
    expect_refused("x1,x2,y,split,x1\n0,0,1,train,0\n", "row 1, column 5: x1 again (it is column 1)");
    expect_refused("X1,x1,y\n0,0,1\n", "row 1, column 2: x1 again (it is column 1)");
    // A header used to be skipped whatever it said; now its names must mean something.
    expect_refused("x,y,z\n0,0,1.5\n", "row 1, column 1: 'x' is not a column", true);
}

TEST(CsvImport, AHeaderWithoutARequiredColumnNamesIt) {
    expect_refused("x1,x2,split\n0,0,train\n", "row 1: the header has no y column (it needs x1, x2 and y in any order, and optionally split)");
    expect_refused("x2,y\n0,1\n", "row 1: the header has no x1 column");
    // The curve's points have x2 = 0, but its CSV has the x2 column all the same.
    expect_refused("x1,y,split\n0.5,0.25,train\n", "row 1: the header has no x2 column", true);
    expect_refused("\r\n y \r\n", "row 2: the header has no x1 column");
}

TEST(CsvImport, WithoutAHeaderTheColumnsAreX1X2YSplit) {
    const CsvImport in = classes("1,0.5,0\n0,-0.5,1,test\n");
    ASSERT_EQ(in.error, "");
    ASSERT_EQ(in.points.size(), 2u);
    EXPECT_EQ(in.points[0], (Point{1.0, 0.5, 0.0, false}));
    EXPECT_EQ(in.points[1], (Point{0.0, -0.5, 1.0, true}));
    expect_refused("1,0.5,0\n0,-0.5\n", "row 2: expected 3 or 4 values (x1, x2, y, and optionally split), found 2");
    // A header without split still lets rows add it, as before headers were read by name.
    const CsvImport added = classes("y,x2,x1\n1,0.5,-1,test\n0,0,0\n");
    ASSERT_EQ(added.error, "");
    ASSERT_EQ(added.points.size(), 2u);
    EXPECT_EQ(added.points[0], (Point{-1.0, 0.5, 1.0, true}));
    EXPECT_EQ(added.points[1], (Point{0.0, 0.0, 0.0, false}));
}
