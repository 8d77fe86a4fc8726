// Neuron maps: the activation a^l_j of one neuron over the data plane, computed with the network's
// own forward pass. The network view draws these inside every neuron (on the GPU, from the same
// formulas), the data view draws one large while a neuron is hovered, and lab.neuronMap returns them.
#pragma once

#include <vector>

#include "core/dataset.h"
#include "core/network.h"

namespace bp {

// Where the samples of an n x n map lie: both ends of the plane included, row 0 at the top.
//   x1(c) = -e + 2e c / (n-1),   x2(r) = e - 2e r / (n-1),   e = kPlaneExtent,  n >= 2.
// (The data view's output grid, predict_grid, samples cell centres instead.)
double neuron_map_x1(int c, int n);
double neuron_map_x2(int r, int n);

// a^l_j at every sample point: out[r * n + c] = a^l_j(x1(c), x2(r)). Layer 0 is the input features
// (a^0 = x, the feature `features[j]` of the point); layers 1..L come from forward_layer over the
// layers up to l only. One grid row is one batch of n samples in `scratch`, so the memory stays
// O(n) whatever n is. The caller checks 0 <= layer <= L, 0 <= j < n_l and n >= 2.
void neuron_map(const Network& net, const std::vector<Feature>& features, int layer, int j, int n, Pass& scratch,
                std::vector<double>& out);

}  // namespace bp
