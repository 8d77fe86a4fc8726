// Evaluation: the loss and its gradient over a whole set of points, a block of points at a time.
#include "core/evaluation.h"

#include <algorithm>

namespace bp {

namespace {
// Resizes g to net's shape (zeroed) unless it has it already.
void shape_like(Gradients& g, const Network& net) {
    bool same = g.dW.size() == net.W.size();
    for (size_t l = 0; same && l < net.W.size(); ++l)
        same = g.dW[l].rows() == net.W[l].rows() && g.dW[l].cols() == net.W[l].cols();
    if (!same) g.resize_like(net);
}
}  // namespace

void load_points(const PointRows& rows, int first, int count, const Network& net, Pass& pass) {
    if (pass.capacity() < count || !pass.fits(net, pass.capacity())) pass.reserve(net, std::max(count, 1));
    pass.rows = count;
    for (int s = 0; s < count; ++s) {
        const int k = rows.order[first + s];
        pass.a[0].row(s) = rows.features.row(k);  // a^0 = x   (count x n_0)
        pass.y(s) = rows.points[k].y;
    }
}

double add_data_losses(const Network& net, Loss loss, Pass& pass, int from_layer, double sum) {
    for (int l = from_layer; l <= net.layer_count(); ++l) forward_layer(net, pass, l);  // z^l, a^l
    mean_loss(net, loss, pass);  // each sample's loss into pass.loss
    for (int s = 0; s < pass.rows; ++s) sum += pass.loss(s);
    return sum;
}

void add_data_gradient(const Network& net, Loss loss, Pass& pass, int down_to, Gradients& scratch,
                       Gradients& grad_sum) {
    shape_like(scratch, net);
    for (int l = net.layer_count(); l >= down_to; --l) {
        backward_layer(net, loss, pass, scratch, l);  // the block's mean, (1/rows) Σ_s
        grad_sum.dW[l - 1] += pass.rows * scratch.dW[l - 1];
        grad_sum.db[l - 1] += pass.rows * scratch.db[l - 1];
    }
}

double training_loss_of(const Network& net, const Regularization& reg, double data_loss_sum, int n) {
    const double data = n > 0 ? data_loss_sum / n : 0.0;  // (1/n) Σ_s loss_s
    return reg.on() ? data + penalty(net, reg) : data;     // L = data loss + R(W)
}

void training_gradient_of(const Network& net, const Regularization& reg, const Gradients& grad_sum, int n,
                          Gradients& grad) {
    shape_like(grad, net);
    const double scale = n > 0 ? 1.0 / n : 0.0;
    for (int l = 0; l < net.layer_count(); ++l) {  // dL/dθ = (1/n) Σ_s dloss_s/dθ + dR/dθ
        grad.dW[l] = scale * grad_sum.dW[l];
        grad.db[l] = scale * grad_sum.db[l];
    }
    if (reg.on()) add_penalty_gradient(net, reg, grad);
}

TrainingLosses training_losses(const Network& net, Loss loss, const Regularization& reg, const PointRows& rows,
                               Pass& scratch) {
    const int n = rows.count();
    load_points(rows, 0, n, net, scratch);
    const double sum = n > 0 ? add_data_losses(net, loss, scratch, 1, 0.0) : 0.0;
    return {n > 0 ? sum / n : 0.0, training_loss_of(net, reg, sum, n)};
}

double mean_data_loss(const Network& net, Loss loss, const PointRows& rows, Pass& scratch) {
    load_points(rows, 0, rows.count(), net, scratch);
    forward(net, scratch);
    return mean_loss(net, loss, scratch);
}

}  // namespace bp
