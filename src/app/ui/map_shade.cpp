// The neuron maps' colour scale.
#include "app/ui/map_shade.h"

#include <algorithm>
#include <cmath>

#include "app/ui/ui_style.h"

namespace bp {

namespace {

// The largest |feature| over the plane [-e, e]^2.
double feature_range(Feature f) {
    switch (f) {
        case Feature::X1:
        case Feature::X2: return kPlaneExtent;
        case Feature::X1Sq:
        case Feature::X2Sq:
        case Feature::X1X2: return kPlaneExtent * kPlaneExtent;
        case Feature::SinX1:
        case Feature::SinX2: return 1.0;
    }
    return 1.0;
}

}  // namespace

MapShade map_shade(const Network& net, const std::vector<Feature>& features, int layer, int j) {
    if (layer == 0) return {j >= 0 && j < static_cast<int>(features.size()) ? 1.0 / feature_range(features[j]) : 1.0, 0.0};
    if (layer == net.layer_count() || net.activation(layer) == Activation::Sigmoid) return {2.0, -1.0};
    return {1.0, 0.0};
}

MapShade output_shade(bool discretize) { return discretize ? MapShade{2e6, -1e6} : MapShade{2.0, -1.0}; }

double map_shade_value(MapShade shade, double a) {
    const double t = shade.gain * a + shade.offset;
    return std::isfinite(t) ? std::clamp(t, -1.0, 1.0) : 0.0;
}

ImU32 map_color(MapShade shade, double a) { return ui::signed_color(map_shade_value(shade, a) * ui::kOutputTint); }

}  // namespace bp
