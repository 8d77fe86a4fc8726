// Neuron maps: one neuron's activation over a grid of the plane.
#include "core/neuron_map.h"

namespace bp {

double neuron_map_x1(int c, int n) { return -kPlaneExtent + 2.0 * kPlaneExtent * c / (n - 1); }

double neuron_map_x2(int r, int n) { return kPlaneExtent - 2.0 * kPlaneExtent * r / (n - 1); }

void neuron_map(const Network& net, const std::vector<Feature>& features, int layer, int j, int n, Pass& scratch,
                std::vector<double>& out) {
    out.resize(static_cast<size_t>(n) * n);
    if (!scratch.fits(net, n)) scratch.reserve(net, n);
    scratch.rows = n;
    for (int r = 0; r < n; ++r) {
        // a^0 of grid row r: one sample per column   (n x n_0)
        const double x2 = neuron_map_x2(r, n);
        for (int c = 0; c < n; ++c)
            for (size_t f = 0; f < features.size(); ++f)
                scratch.a[0](c, static_cast<Eigen::Index>(f)) = feature_value(features[f], neuron_map_x1(c, n), x2);
        // z^k = a^{k-1} W^k + b^k,  a^k = f_k(z^k)   for k = 1..layer only
        for (int k = 1; k <= layer; ++k) forward_layer(net, scratch, k);
        for (int c = 0; c < n; ++c) out[static_cast<size_t>(r) * n + c] = scratch.a[layer](c, j);
    }
}

}  // namespace bp
