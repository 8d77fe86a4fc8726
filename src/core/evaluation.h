// Evaluation: the loss L over a whole set of points (every training point, or every test point) and
// its gradient, for any network of the run's shape. Every training loss the lab shows or plots, and
// every cell of the loss landscape, is formed here, by training_loss_of() and training_gradient_of():
//   L = (1/n) Σ_s loss(y-hat_s, y_s) + R(W): the mean data loss over the n training points, plus the
//   regularization penalty of the network's weights when regularization is on (regularization.h),
//   dL/dθ = (1/n) Σ_s dloss_s/dθ + dR/dθ.
// The sums run a block of points at a time, so the landscape can spread them over frames.
#pragma once

#include <vector>

#include "core/dataset.h"
#include "core/matrix.h"
#include "core/network.h"
#include "core/regularization.h"

namespace bp {

// Points a loss is taken over: points[order[s]] for s = 0..count()-1, with their features
// (feature_matrix(points), one row per point). It refers to the data; the data must outlive it.
struct PointRows {
    const Matrix& features;
    const std::vector<Point>& points;
    const std::vector<int>& order;
    int count() const { return static_cast<int>(order.size()); }
};

// a^0 (features) and targets y of rows first..first+count-1 into `pass`, sized for `net` (reserved
// anew only when it does not fit).
void load_points(const PointRows& rows, int first, int count, const Network& net, Pass& pass);

// sum + Σ_s loss(y-hat_s, y_s) over the rows of `pass`, added one at a time in row order (so blocks
// of points summed in turn give the same bits as one block), after running layers from_layer..L:
// for from_layer > 1, pass holds their a^{from_layer-1} computed with net's layers below from_layer,
// which this leaves as it is (the landscape's cached prefix).
double add_data_losses(const Network& net, Loss loss, Pass& pass, int from_layer, double sum);
// Adds Σ_s dloss_s/dW^l and dloss_s/db^l for l = down_to..L over the rows of `pass` (forward()
// done) to grad_sum; `scratch` is working space shaped like net.
void add_data_gradient(const Network& net, Loss loss, Pass& pass, int down_to, Gradients& scratch,
                       Gradients& grad_sum);

// L from the data losses summed over n training points: (1/n) Σ_s loss_s + R(W) (0 for n = 0).
double training_loss_of(const Network& net, const Regularization& reg, double data_loss_sum, int n);
// dL/dθ from grad_sum = Σ_s dloss_s/dθ over n training points (grad resized to net).
void training_gradient_of(const Network& net, const Regularization& reg, const Gradients& grad_sum, int n,
                          Gradients& grad);

// The mean data loss over the rows and the total loss L: one pass over every row.
struct TrainingLosses {
    double data = 0.0, total = 0.0;
};
TrainingLosses training_losses(const Network& net, Loss loss, const Regularization& reg, const PointRows& rows,
                               Pass& scratch);
// The mean data loss over the rows alone (no penalty: the test loss); the rows must not be empty.
double mean_data_loss(const Network& net, Loss loss, const PointRows& rows, Pass& scratch);

}  // namespace bp
