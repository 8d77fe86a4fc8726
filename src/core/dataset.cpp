// Data-set generators and the feature map.
#include "core/dataset.h"

#include <algorithm>
#include <cmath>

#include "core/named_values.h"
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

const char* dataset_name(DatasetKind kind) {
    switch (kind) {
        case DatasetKind::Circle: return "circle";
        case DatasetKind::Xor: return "xor";
        case DatasetKind::Gauss: return "gauss";
        case DatasetKind::Spiral: return "spiral";
        case DatasetKind::Curve: return "curve";
    }
    return "?";
}

std::optional<DatasetKind> parse_dataset(const std::string& name) { return value_named(kAllDatasets, dataset_name, name); }

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

std::vector<Point> generate_xor(int count, double noise, uint64_t seed) {
    Rng rng(seed);
    const double R = kPlaneExtent, gap = 0.05 * R;
    std::vector<Point> points;
    for (int k = 0; k < count; ++k) {
        Point p;
        // Each coordinate uniform in [gap, R) with a random sign: the axes stay clear.
        p.x1 = rng.uniform(gap, R) * (rng.below(2) ? 1.0 : -1.0);
        p.x2 = rng.uniform(gap, R) * (rng.below(2) ? 1.0 : -1.0);
        p.y = p.x1 * p.x2 > 0 ? 1.0 : 0.0;
        p.x1 = clamp_to_plane(p.x1 + noise * R * rng.normal());
        p.x2 = clamp_to_plane(p.x2 + noise * R * rng.normal());
        points.push_back(p);
    }
    return points;
}

std::vector<Point> generate_gauss(int count, double noise, uint64_t seed) {
    Rng rng(seed);
    const double R = kPlaneExtent, spread = (0.15 + noise) * R;
    std::vector<Point> points;
    for (int k = 0; k < count; ++k) {
        const bool one = k % 2 == 0;
        const double c = one ? 0.5 * R : -0.5 * R;
        Point p;
        p.x1 = clamp_to_plane(c + spread * rng.normal());
        p.x2 = clamp_to_plane(c + spread * rng.normal());
        p.y = one ? 1.0 : 0.0;
        points.push_back(p);
    }
    return points;
}

std::vector<Point> generate_spiral(int count, double noise, uint64_t seed) {
    Rng rng(seed);
    const double R = kPlaneExtent, pi = 3.14159265358979323846;
    const int per_arm = std::max(1, (count + 1) / 2);
    std::vector<Point> points;
    for (int k = 0; k < count; ++k) {
        const bool one = k % 2 == 0;
        const double s = static_cast<double>(k / 2) / per_arm;  // 0..1 along the arm
        const double r = s * 0.95 * R, t = 1.75 * s * 2.0 * pi + (one ? 0.0 : pi);
        Point p;
        p.x1 = clamp_to_plane(r * std::sin(t) + noise * R * 0.5 * rng.normal());
        p.x2 = clamp_to_plane(r * std::cos(t) + noise * R * 0.5 * rng.normal());
        p.y = one ? 1.0 : 0.0;
        points.push_back(p);
    }
    return points;
}

std::vector<Point> generate_curve(int count, double noise, uint64_t seed) {
    Rng rng(seed);
    const double R = kPlaneExtent;
    std::vector<Point> points;
    for (int k = 0; k < count; ++k) {
        Point p;
        p.x1 = rng.uniform(-R, R);
        p.x2 = 0.0;
        p.y = std::clamp(std::sin(1.5 * p.x1) + noise * rng.normal(), -kCurveRange, kCurveRange);
        points.push_back(p);
    }
    return points;
}

namespace {
std::vector<Point> generate_raw(DatasetKind kind, int count, double noise, uint64_t seed) {
    switch (kind) {
        case DatasetKind::Circle: return generate_circle(count, noise, seed);
        case DatasetKind::Xor: return generate_xor(count, noise, seed);
        case DatasetKind::Gauss: return generate_gauss(count, noise, seed);
        case DatasetKind::Spiral: return generate_spiral(count, noise, seed);
        case DatasetKind::Curve: return generate_curve(count, noise, seed);
    }
    return {};
}
}  // namespace

std::vector<Point> generate_dataset(DatasetKind kind, int count, double noise, uint64_t seed) {
    std::vector<Point> points = generate_raw(kind, count, noise, seed);
    for (Point& p : points) p = snapped(p);
    return points;
}

double snap(double v) { return grid_value(grid_index(v)); }

uint16_t grid_index(double v) {
    const double k = std::nearbyint(std::clamp(v, -kPlaneExtent, kPlaneExtent) * 16384.0) + 32768.0;
    return static_cast<uint16_t>(std::clamp(k, 0.0, 65535.0));
}

double grid_value(uint16_t index) { return (static_cast<double>(index) - 32768.0) / 16384.0; }

Point snapped(Point p) {
    p.x1 = snap(p.x1);
    p.x2 = snap(p.x2);
    if (p.y != 0.0 && p.y != 1.0) p.y = snap(p.y);
    return p;
}

std::string point_problem(const Point& p, bool regression) {
    if (!std::isfinite(p.x1) || !std::isfinite(p.x2) || std::fabs(p.x1) > kPlaneExtent || std::fabs(p.x2) > kPlaneExtent)
        return "the point must lie on the plane: x\u2081 and x\u2082 from -2 to 2";
    if (!regression && p.y != 0.0 && p.y != 1.0) return "the class y must be 0 or 1";
    if (regression && !(std::fabs(p.y) <= kCurveRange)) return "the value y must be from -2 to 2";
    return "";
}

void split_points(std::vector<Point>& points, double fraction, uint64_t seed) {
    std::vector<size_t> order(points.size());
    for (size_t k = 0; k < order.size(); ++k) order[k] = k;
    Rng rng(seed);
    for (size_t k = order.size(); k > 1; --k) std::swap(order[k - 1], order[rng.below(k)]);
    const size_t test = static_cast<size_t>(std::llround(std::clamp(fraction, 0.0, 0.9) * points.size()));
    for (size_t k = 0; k < order.size(); ++k) points[order[k]].test = k < test;
}

}  // namespace bp
