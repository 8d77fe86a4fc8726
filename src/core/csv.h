// CSV import and export of the data points: one row per point, "x1,x2,y,split" with a header.
// Import reads the columns by the header's names (in any order), checks every cell and names the
// first bad one by row and column; it never returns part of a file.
#pragma once

#include <string>
#include <vector>

#include "core/dataset.h"

namespace bp {

// "x1,x2,y,split" then one row per point; numbers with 17 significant digits, so import gives the
// same doubles back.
std::string points_to_csv(const std::vector<Point>& points);

struct CsvImport {
    std::vector<Point> points;  // empty when error is set
    std::string error;          // "" when the whole file was read
};

// Reads rows of x1,x2,y[,split], or the columns a header names (split: train or test; train when
// absent or empty) and returns all of them or none. The rules:
//  - Rows end at "\n", "\r\n" or "\r"; a UTF-8 byte-order mark at the start is skipped. The text
//    must be UTF-8. Rows are numbered from 1 as a spreadsheet shows them (blank rows count), and
//    columns from 1.
//  - Cells are split at every comma and trimmed of spaces and tabs; a cell wrapped in double quotes
//    loses them. A row with nothing but spaces is blank and skipped; a row of commas is not blank.
//  - The first non-blank row is a header when it has text and none of its cells begins like a
//    number (a digit, a sign or point then a digit, nan or inf). No other row is ever a header.
//  - A header names each column: x1, x2, y and optionally split, in any order, in any case (x₁, x₂
//    and class, the data table's titles, are read too). A cell naming none of them, a name given
//    twice, or a missing x1, x2 or y is refused. Without a header the columns are x1, x2, y, split;
//    a header without split lets rows add it as a fourth column all the same.
//  - Every other non-blank row is a point: 3 or 4 cells (3 only when split is the last column or
//    absent); x1, x2 and y plain decimal numbers ("1", "-0.5", ".5", "2e-3"); x1 and x2 on the
//    plane, y 0 or 1 for classification and within ±kCurveRange for regression. nan, inf and
//    numbers too large for a double are refused. Regression (the curve, whose points have x2 = 0)
//    reads the same columns as classification, as the export writes them for every data set.
//  - At most max_points rows, and at least one.
// On error, `error` names the first bad row (and its column when one cell is at fault, with the
// column's name in a point row) or says the text is empty or only a header, and `points` is empty.
CsvImport points_from_csv(const std::string& text, bool regression, int max_points);

}  // namespace bp
