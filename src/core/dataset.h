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
    double y = 0.0;     // target: class 0 or 1
    bool test = false;  // held out of training
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

enum class DatasetKind { Circle };

const char* dataset_name(DatasetKind kind);
std::optional<DatasetKind> parse_dataset(const std::string& name);

// Circle: class 1 inside radius 0.5 R, class 0 on the ring 0.7 R..R (R = kPlaneExtent), classes
// alternating, each point then moved by noise * R * (approximately normal) and kept on the plane.
std::vector<Point> generate_circle(int count, double noise, uint64_t seed);
std::vector<Point> generate_dataset(DatasetKind kind, int count, double noise, uint64_t seed);

}  // namespace bp
