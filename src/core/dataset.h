// Data: 2-D points with targets, the seeded data-set generators, and the feature map that turns a
// point (x1, x2) into the network's input a^0.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/matrix.h"

namespace bp {

// Points live on the plane [-kPlaneExtent, kPlaneExtent]^2.
constexpr double kPlaneExtent = 2.0;

struct Point {
    double x1 = 0.0, x2 = 0.0;
    double y = 0.0;     // target: class 0 or 1; for the curve data set, the value at x1
    bool test = false;  // held out of training

    bool operator==(const Point& o) const { return x1 == o.x1 && x2 == o.x2 && y == o.y && test == o.test; }
    bool operator!=(const Point& o) const { return !(*this == o); }
};

enum class Feature { X1, X2, X1Sq, X2Sq, X1X2, SinX1, SinX2 };

constexpr Feature kAllFeatures[] = {Feature::X1,   Feature::X2,    Feature::X1Sq, Feature::X2Sq,
                                    Feature::X1X2, Feature::SinX1, Feature::SinX2};

// "x1", "x2", "x1sq", "x2sq", "x1x2", "sinx1", "sinx2".
const char* feature_name(Feature f);
// As drawn on screen: "x₁", "x₁²", "x₁·x₂", "sin x₁", ... (UTF-8).
const char* feature_label(Feature f);
std::optional<Feature> parse_feature(const std::string& name);
double feature_value(Feature f, double x1, double x2);

// One row per point: row k holds the features of points[k]   (points x features).
Matrix feature_matrix(const std::vector<Point>& points, const std::vector<Feature>& features);

// Classification sets label points 0 or 1 on the plane; the curve set is a 1-D regression (y of x1).
enum class DatasetKind { Circle, Xor, Gauss, Spiral, Curve };

constexpr DatasetKind kAllDatasets[] = {DatasetKind::Circle, DatasetKind::Xor, DatasetKind::Gauss,
                                        DatasetKind::Spiral, DatasetKind::Curve};

// "circle", "xor", "gauss", "spiral", "curve".
const char* dataset_name(DatasetKind kind);
std::optional<DatasetKind> parse_dataset(const std::string& name);
inline bool is_regression(DatasetKind kind) { return kind == DatasetKind::Curve; }
// Targets of the curve set stay within +-kCurveRange.
constexpr double kCurveRange = 2.0;

// Every generator is deterministic for a seed; noise in 0..1 scales the jitter. R = kPlaneExtent.
// Circle: class 1 inside radius 0.5 R, class 0 on the ring 0.7 R..R, classes alternating, each point
// then moved by noise * R * (approximately normal) and kept on the plane.
std::vector<Point> generate_circle(int count, double noise, uint64_t seed);
// XOR: uniform on the plane away from the axes; class 1 where x1 x2 > 0.
std::vector<Point> generate_xor(int count, double noise, uint64_t seed);
// Two Gaussians: class 1 around (R/2, R/2), class 0 around (-R/2, -R/2).
std::vector<Point> generate_gauss(int count, double noise, uint64_t seed);
// Spiral: two interleaved arms, one per class.
std::vector<Point> generate_spiral(int count, double noise, uint64_t seed);
// Curve: y = sin(1.5 x1) + noise, x1 spread over the plane; x2 is 0.
std::vector<Point> generate_curve(int count, double noise, uint64_t seed);
std::vector<Point> generate_dataset(DatasetKind kind, int count, double noise, uint64_t seed);

// Point coordinates (and curve targets) live on a grid of 1/16384, so a share link stores each in
// 16 bits exactly: k = 0..65535 stands for (k - 32768) / 16384, i.e. -2 to 2 - 1/16384. snap() rounds
// to it (clamping to the plane); every generated, added, moved or imported point is snapped.
double snap(double v);
uint16_t grid_index(double snapped);
double grid_value(uint16_t index);
Point snapped(Point p);

// Why a point cannot be in a data set ("" when it can): x1, x2 on the plane; y a class 0 or 1, or
// for regression a value within ±kCurveRange.
std::string point_problem(const Point& p, bool regression);

// Marks round(fraction * count) points as test points, chosen by a shuffle seeded by `seed`; the
// rest train. fraction in [0, 0.9].
void split_points(std::vector<Point>& points, double fraction, uint64_t seed);

}  // namespace bp
