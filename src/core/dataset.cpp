// Data-set generators and the feature map.
#include "core/dataset.h"

#include <algorithm>
#include <cmath>

#include "core/rng.h"

namespace bp {

namespace {
struct FeatureInfo {
    Feature feature;
    const char* name;
    const char* label;
};
constexpr FeatureInfo kFeatureInfo[] = {
    {Feature::X1, "x1", "x\u2081"},
    {Feature::X2, "x2", "x\u2082"},
    {Feature::X1Sq, "x1sq", "x\u2081\u00b2"},
    {Feature::X2Sq, "x2sq", "x\u2082\u00b2"},
    {Feature::X1X2, "x1x2", "x\u2081\u00b7x\u2082"},
    {Feature::SinX1, "sinx1", "sin x\u2081"},
    {Feature::SinX2, "sinx2", "sin x\u2082"},
};

double clamp_to_plane(double v) { return std::clamp(v, -kPlaneExtent, kPlaneExtent); }
}  // namespace

const char* feature_name(Feature f) { return kFeatureInfo[static_cast<int>(f)].name; }
const char* feature_label(Feature f) { return kFeatureInfo[static_cast<int>(f)].label; }

std::optional<Feature> parse_feature(const std::string& name) {
    for (const FeatureInfo& info : kFeatureInfo)
        if (name == info.name) return info.feature;
    return std::nullopt;
}

double feature_value(Feature f, double x1, double x2) {
    switch (f) {
        case Feature::X1: return x1;
        case Feature::X2: return x2;
        case Feature::X1Sq: return x1 * x1;
        case Feature::X2Sq: return x2 * x2;
        case Feature::X1X2: return x1 * x2;
        case Feature::SinX1: return std::sin(x1);
        case Feature::SinX2: return std::sin(x2);
    }
    return 0.0;
}

Matrix feature_matrix(const std::vector<Point>& points, const std::vector<Feature>& features) {
    Matrix m(points.size(), features.size());
    for (size_t k = 0; k < points.size(); ++k)
        for (size_t f = 0; f < features.size(); ++f)
            m(k, f) = feature_value(features[f], points[k].x1, points[k].x2);
    return m;
}

const char* dataset_name(DatasetKind) { return "circle"; }

std::optional<DatasetKind> parse_dataset(const std::string& name) {
    if (name == "circle") return DatasetKind::Circle;
    return std::nullopt;
}

std::vector<Point> generate_circle(int count, double noise, uint64_t seed) {
    Rng rng(seed);
    const double R = kPlaneExtent;
    std::vector<Point> points;
    points.reserve(count);
    for (int k = 0; k < count; ++k) {
        const bool inside = k % 2 == 0;
        // Rejection sampling in the square keeps to exact arithmetic (no sin/cos of an angle).
        double x1, x2, r2;
        do {
            x1 = rng.uniform(-R, R);
            x2 = rng.uniform(-R, R);
            r2 = x1 * x1 + x2 * x2;
        } while (inside ? r2 >= 0.25 * R * R : (r2 <= 0.49 * R * R || r2 >= R * R));
        Point p;
        p.x1 = clamp_to_plane(x1 + noise * R * rng.normal());
        p.x2 = clamp_to_plane(x2 + noise * R * rng.normal());
        p.y = inside ? 1.0 : 0.0;
        points.push_back(p);
    }
    return points;
}

std::vector<Point> generate_dataset(DatasetKind kind, int count, double noise, uint64_t seed) {
    switch (kind) {
        case DatasetKind::Circle: return generate_circle(count, noise, seed);
    }
    return {};
}

}  // namespace bp
