// Prediction: y-hat = a^L of the forward pass, at points of the plane.
#include "core/prediction.h"

#include <algorithm>

namespace bp {

double predict(const Network& net, const std::vector<Feature>& features, double x1, double x2) {
    Pass pass;
    pass.reserve(net, 1);
    pass.rows = 1;
    for (size_t f = 0; f < features.size(); ++f) pass.a[0](0, f) = feature_value(features[f], x1, x2);
    forward(net, pass);
    return pass.a[net.layer_count()](0, 0);
}

void predict_grid(const Network& net, const std::vector<Feature>& features, int n, Pass& pass,
                  std::vector<double>& out) {
    if (!pass.fits(net, n * n)) pass.reserve(net, n * n);
    pass.rows = n * n;
    const double cell = 2.0 * kPlaneExtent / n;
    for (int r = 0; r < n; ++r) {
        const double x2 = kPlaneExtent - (r + 0.5) * cell;
        for (int c = 0; c < n; ++c) {
            const double x1 = -kPlaneExtent + (c + 0.5) * cell;
            for (size_t f = 0; f < features.size(); ++f) pass.a[0](r * n + c, f) = feature_value(features[f], x1, x2);
        }
    }
    forward(net, pass);
    out.resize(n * n);
    const Matrix& y_hat = pass.a[net.layer_count()];
    for (int k = 0; k < n * n; ++k) out[k] = y_hat(k, 0);
}

void predict_curve(const Network& net, const std::vector<Feature>& features, int n, Pass& pass,
                   std::vector<double>& out) {
    if (!pass.fits(net, n)) pass.reserve(net, n);
    pass.rows = n;
    for (int k = 0; k < n; ++k) {
        const double x1 = -kPlaneExtent + 2.0 * kPlaneExtent * k / std::max(1, n - 1);
        for (size_t f = 0; f < features.size(); ++f) pass.a[0](k, f) = feature_value(features[f], x1, 0.0);
    }
    forward(net, pass);
    out.resize(n);
    for (int k = 0; k < n; ++k) out[k] = pass.a[net.layer_count()](k, 0);
}

}  // namespace bp
