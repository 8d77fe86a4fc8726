// How a neuron map's values become colours, on the CPU and in the GPU's shader alike: the data
// view's boundary scale. t = clamp(gain * a + offset, -1, 1) is drawn white at 0, towards blue
// (kPositive) at +1 and orange (kNegative) at -1, at most kOutputTint strong.
#pragma once

#include <imgui.h>

#include <vector>

#include "core/dataset.h"
#include "core/network.h"

namespace bp {

struct MapShade {
    double gain = 1.0, offset = 0.0;
};

// The output's map is the boundary itself (white at y-hat = 0.5: gain 2, offset -1); a hidden neuron
// is white at its activation's neutral value, as its node is (0.5 for sigmoid, else 0); an input
// spans its feature's range over the plane (x1 -2..2, x1² 0..4, sin x1 -1..1).
MapShade map_shade(const Network& net, const std::vector<Feature>& features, int layer, int j);
// The data view's output y-hat: the boundary's scale (gain 2, offset -1), or, discretized, the two
// classes its 0.5 threshold gives at full strength (a gain so steep that only a sliver of a pixel
// at the boundary is between them).
MapShade output_shade(bool discretize);
// t for a value a, clamped to [-1, 1] (0 for a value that is not finite).
double map_shade_value(MapShade shade, double a);
// The colour of a value a on a map (t scaled by kOutputTint, as the boundary).
ImU32 map_color(MapShade shade, double a);

}  // namespace bp
