// Contour lines of a function sampled on a grid (marching squares), and the levels to draw them at.
// Pure geometry: positions are in grid units (column c, row r), the caller maps them to the screen.
#pragma once

#include <vector>

namespace bp {

struct GridPoint {
    double c = 0.0, r = 0.0;  // column and row, fractional between samples
};

struct ContourSegment {
    GridPoint from, to;
};

// The segments where the grid crosses `level`: values[r * cols + c], rows x cols samples. Each cell
// (2 x 2 samples) gives 0, 1 or 2 segments, their ends placed on the cell's edges by linear
// interpolation. A saddle (corners alternate above and below) is resolved by the cell's mean.
// Non-finite samples leave their cells out.
std::vector<ContourSegment> contour_segments(const std::vector<double>& values, int rows, int cols, double level);

// `count` levels strictly inside (lo, hi): evenly spaced, or evenly in log10 when `log_scale` (lo > 0).
std::vector<double> contour_levels(double lo, double hi, int count, bool log_scale);

}  // namespace bp
