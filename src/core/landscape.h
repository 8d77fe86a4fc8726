// Landscape: the training loss L over a grid of two parameters' values, the others held fixed, computed
// in slices a frame can afford.
//
// For parameters a and b (each a weight w^l_ij or a bias b^l_j), a span s and an odd n:
//   aValues[c] = a_c + s·(2c - (n-1))/(n-1),   bValues[r] = b_c + s·(2r - (n-1))/(n-1),   c, r = 0..n-1,
// (a_c, b_c) the grid's centre, so aValues runs from a_c - s to a_c + s and the middle value is a_c
// exactly; row r = 0 is the smallest b (a view draws it at the bottom). losses[r·n + c] = L with
// a = aValues[c] and b = bValues[r], every other parameter as in the network the computation started
// from. The gradient [dL/da, dL/db] is taken at that network's own values of a and b (the point).
//
// Cost: a cell is one forward pass over every training point, but only from layer l = the lower of
// a's and b's layers: z^m and a^m for m < l do not depend on a or b, so a^{l-1} is computed once per
// grid and kept. The gradient is one forward and backward pass. Both run over blocks of training
// points sized so a block costs about kBlockWork multiply-adds, and advance() runs a budget of
// blocks, so a view spreads even the largest network's grid over frames without stalling one
// (docs/PERFORMANCE.md, "Loss landscape").
#pragma once

#include <vector>

#include "core/network.h"
#include "core/trainer.h"

namespace bp {

// Bounds a caller keeps to (the API refuses the rest).
constexpr int kMinLandscapeSize = 3, kMaxLandscapeSize = 101;

struct LandscapeGrid {
    ParameterRef a, b;
    int n = 0;
    double span = 0.0;
    std::vector<double> a_values, b_values;  // n each, ascending
    std::vector<double> losses;              // n x n, row r (b = b_values[r]) after row r-1
    double point_a = 0.0, point_b = 0.0;     // a and b in the network the grid was computed from
    double gradient_a = 0.0, gradient_b = 0.0;  // dL/da, dL/db there
    double loss(int r, int c) const { return losses[static_cast<size_t>(r) * n + c]; }
};

// One grid being computed, a block at a time. start() copies the network (a snapshot), so the
// trainer may go on training between slices; the trainer itself must keep its network's shape and
// training points until done() (a caller that changes them starts again).
class LandscapeComputation {
public:
    // A grid of n x n (odd, kMinLandscapeSize..kMaxLandscapeSize) around (a_centre, b_centre) with
    // half-width span > 0 on `net` (the trainer's shape; a != b, both exist).
    void start(const Trainer& trainer, const Network& net, const ParameterRef& a, const ParameterRef& b,
               double a_centre, double b_centre, double span, int n);
    // Runs up to max_blocks more blocks (at least one while not done): first the gradient's, then
    // each cell's in turn. Returns how many ran (0 when done).
    int advance(const Trainer& trainer, int max_blocks);
    // Drops the grid in progress (its buffers stay for the next start()).
    void cancel() { started_ = false; }
    bool started() const { return started_; }
    bool done() const { return started_ && next_cell_ == grid_.n * grid_.n; }
    int cells_done() const { return next_cell_; }
    // Blocks a whole grid takes: the gradient's and n x n cells', each over every block of points.
    int blocks_per_grid() const { return (grid_.n * grid_.n + 1) * block_count(); }
    int block_count() const { return static_cast<int>(blocks_.size()); }
    // The lowest layer a cell computes: the lower of a's and b's layers.
    int first_layer() const { return first_layer_; }
    // The grid so far (complete when done()).
    const LandscapeGrid& grid() const { return grid_; }
    // A block's rows are chosen so one cell of it costs about this many multiply-adds (a gradient
    // block about three times as many): a fraction of a millisecond.
    static constexpr double kBlockWork = 2e5;

private:
    void split_into_blocks(const Trainer& trainer);  // the training points, a block each
    // One block of the gradient's forward and backward pass, which also caches the block's a^{l-1}.
    void gradient_block(const Trainer& trainer);
    void cell_block(const Trainer& trainer);

    LandscapeGrid grid_;
    Network net_;               // the snapshot; a and b are set to each cell's values
    std::vector<Pass> blocks_;  // the training points in blocks, each with a^{first_layer-1} cached
    Gradients grad_sum_, scratch_, grad_;
    int first_layer_ = 1;
    int next_cell_ = 0;
    int next_block_ = 0;        // the block of the gradient (while not gradient_done_) or of the cell to run next
    double loss_sum_ = 0.0;     // the data losses of this cell's blocks so far, in row order
    bool gradient_done_ = false;
    bool started_ = false;
};

// The whole grid at once (the API): start() then advance() until done().
LandscapeGrid compute_landscape(const Trainer& trainer, const ParameterRef& a, const ParameterRef& b, double span,
                                int n);

}  // namespace bp
