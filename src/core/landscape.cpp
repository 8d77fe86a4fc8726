// The loss landscape of two parameters: the grid of L, a block of training points at a time, from a
// cached a^{l-1}.
#include "core/landscape.h"

#include <algorithm>

#include "core/evaluation.h"

namespace bp {

namespace {

// centre + span·(2k - (n-1))/(n-1), k = 0..n-1: the middle value is the centre itself, bit for bit.
void fill_axis(double centre, double span, int n, std::vector<double>& values) {
    values.resize(n);
    for (int k = 0; k < n; ++k) values[k] = centre + span * (2.0 * k - (n - 1)) / (n - 1);
}

// Multiply-adds per point of the forward pass through layers from..L.
double forward_work(const Network& net, int from) {
    double work = 0.0;
    for (int l = from; l <= net.layer_count(); ++l) work += double(net.sizes[l - 1]) * net.sizes[l];
    return work;
}

}  // namespace

void LandscapeComputation::start(const Trainer& trainer, const Network& net, const ParameterRef& a,
                                 const ParameterRef& b, double a_centre, double b_centre, double span, int n) {
    net_ = net;
    grid_.a = a;
    grid_.b = b;
    grid_.n = n;
    grid_.span = span;
    fill_axis(a_centre, span, n, grid_.a_values);
    fill_axis(b_centre, span, n, grid_.b_values);
    grid_.losses.assign(static_cast<size_t>(n) * n, 0.0);
    grid_.point_a = parameter(net_, a);
    grid_.point_b = parameter(net_, b);
    grid_.gradient_a = grid_.gradient_b = 0.0;
    first_layer_ = std::min(a.layer, b.layer);
    next_cell_ = next_block_ = 0;
    loss_sum_ = 0.0;
    gradient_done_ = false;
    started_ = true;
    split_into_blocks(trainer);
    grad_sum_.resize_like(net_);
}

void LandscapeComputation::split_into_blocks(const Trainer& trainer) {
    const PointRows training = trainer.training_rows();
    const int points = training.count();
    const int rows = static_cast<int>(std::clamp(kBlockWork / forward_work(net_, 1), 8.0, double(std::max(points, 1))));
    const int count = (points + rows - 1) / rows;
    blocks_.resize(count);
    for (int k = 0; k < count; ++k) {
        load_points(training, k * rows, std::min(rows, points - k * rows), net_, blocks_[k]);
    }
}

void LandscapeComputation::gradient_block(const Trainer& trainer) {
    // [dL/da, dL/db] at the point, before any cell moves a or b: the block's full forward pass, then
    // backward down to layer l. The forward pass leaves a^m for m = 1..l-1 in the block, and those
    // never change across the grid (a and b live in layers >= l): block.a[l-1] serves every cell.
    Pass& block = blocks_[next_block_];
    const TrainingSettings& s = trainer.settings();
    add_data_losses(net_, s.loss, block, 1, 0.0);
    add_data_gradient(net_, s.loss, block, first_layer_, scratch_, grad_sum_);
    if (++next_block_ < block_count()) return;
    training_gradient_of(net_, s.regularization, grad_sum_, trainer.training_point_count(), grad_);
    grid_.gradient_a = parameter_gradient(grad_, grid_.a);
    grid_.gradient_b = parameter_gradient(grad_, grid_.b);
    gradient_done_ = true;
    next_block_ = 0;
}

void LandscapeComputation::cell_block(const Trainer& trainer) {
    const int n = grid_.n, r = next_cell_ / n, c = next_cell_ % n;
    parameter(net_, grid_.a) = grid_.a_values[c];
    parameter(net_, grid_.b) = grid_.b_values[r];
    // The data losses of this block with a = aValues[c], b = bValues[r]: layers l..L from the
    // cached a^{l-1}, summed on in row order.
    const TrainingSettings& s = trainer.settings();
    loss_sum_ = add_data_losses(net_, s.loss, blocks_[next_block_], first_layer_, loss_sum_);
    if (++next_block_ < block_count()) return;
    grid_.losses[next_cell_] = training_loss_of(net_, s.regularization, loss_sum_, trainer.training_point_count());
    loss_sum_ = 0.0;
    next_block_ = 0;
    ++next_cell_;
    if (done()) {  // the snapshot back at the point
        parameter(net_, grid_.a) = grid_.point_a;
        parameter(net_, grid_.b) = grid_.point_b;
    }
}

int LandscapeComputation::advance(const Trainer& trainer, int max_blocks) {
    int blocks = 0;
    while (started_ && !done() && (blocks == 0 || blocks < max_blocks)) {
        if (block_count() == 0) {  // no training points: L = 0 everywhere
            grid_.losses[next_cell_++] = training_loss_of(net_, trainer.settings().regularization, 0.0, 0);
            gradient_done_ = true;
            continue;
        }
        if (!gradient_done_) gradient_block(trainer);
        else cell_block(trainer);
        ++blocks;
    }
    return blocks;
}

LandscapeGrid compute_landscape(const Trainer& trainer, const ParameterRef& a, const ParameterRef& b, double span,
                                int n) {
    LandscapeComputation computation;
    const Network& net = trainer.network();
    computation.start(trainer, net, a, b, parameter(net, a), parameter(net, b), span, n);
    while (!computation.done()) computation.advance(trainer, 1 << 30);
    return computation.grid();
}

}  // namespace bp
