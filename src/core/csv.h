// CSV import and export of the data points: one row per point, "x1,x2,y,split" with a header.
// Import checks every cell and names the first bad one by row and column; it never returns part of
// a file.
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

// Reads rows of x1,x2,y[,split] (split: train or test; train when absent). A first row that is not
// numeric is a header. Blank rows are skipped. x1 and x2 must lie on the plane; y must be 0 or 1
// for classification and within ±kCurveRange for regression. Rows are numbered as a spreadsheet
// shows them (the header is row 1).
CsvImport points_from_csv(const std::string& text, bool regression, int max_points);

}  // namespace bp
