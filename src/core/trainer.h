// Trainer: the network, its data and its training run, advanced in bounded slices.
//
// A step is one mini-batch: forward, backward, the gradients averaged over the batch plus the
// regularization penalty's gradient (regularization.h), then the chosen optimizer (optimizer.h;
// plain SGD w' = w - alpha * g by default). The training loss is the total loss: the mean data loss
// plus the penalty. An epoch is one pass over the training points in a fresh order drawn from the
// seeded Rng. The UI calls run(n) once per frame with a small n, never a blocking fit(). When the
// loss or a weight stops being finite (a learning rate far too high), training stops, the last good
// weights stay, and error() says what happened; reset() recovers.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/dataset.h"
#include "core/evaluation.h"
#include "core/loss_history.h"
#include "core/network.h"
#include "core/optimizer.h"
#include "core/regularization.h"
#include "core/rng.h"

namespace bp {

// Everything that defines a run; the defaults are the lesson's 4-3-2-1 network on the circle.
struct TrainingSettings {
    std::vector<int> hidden = {3, 2};  // hidden layer widths (0..6 layers of 1..16 neurons)
    Activation hidden_activation = Activation::Tanh;
    Activation output_activation = Activation::Sigmoid;
    Loss loss = Loss::Mse;
    double learning_rate = 0.1;
    int batch_size = 10;
    uint64_t seed = 1;
    std::vector<Feature> features = {Feature::X1, Feature::X2, Feature::X1Sq, Feature::X2Sq};
    DatasetKind dataset = DatasetKind::Circle;
    int point_count = 200;
    double noise = 0.05;
    double test_fraction = 0.0;  // share of the generated points held out as test points (0..0.9)
    Regularization regularization;  // none by default
    OptimizerSettings optimizer;    // plain SGD by default

    // Layer sizes n_0..n_L: features, hidden widths, one output.
    std::vector<int> layer_sizes() const;
};

// Step-through: a step split into the phases the lesson walks through. Forward and Backward carry
// the layer just computed; Update is the step's last phase; Ready means no step is in progress.
enum class Phase { Ready, Forward, Loss, Backward, Update };
struct StepPhase {
    Phase phase = Phase::Ready;
    int layer = 0;  // Forward: 1..L, Backward: L..1
    bool operator==(const StepPhase& o) const { return phase == o.phase && layer == o.layer; }
};
const char* phase_name(Phase phase);  // "ready", "forward", "loss", "backward", "update"
// The phases of one step of a network with L layers: forward 1..L, the loss, backward L..1, update.
constexpr int phases_per_step(int L) { return 2 * L + 2; }
// How many phases of a begun step have run at `p` (1 .. phases_per_step(L) - 1; 0 at Ready or
// Update, when no step is begun).
int phases_walked(const StepPhase& p, int L);

// Limits the settings must respect; validate() names the first one broken.
constexpr int kMaxInputs = 8, kMaxHiddenLayers = 6, kMaxNeurons = 16, kMaxBatchSize = 1000;
constexpr int kMaxPoints = 2000;
std::string validate(const TrainingSettings& s);  // "" when valid

// Where a run is, beyond its settings and data: enough to resume it bit for bit (a share link).
// The epoch's order is the natural order of the training points shuffled by the Rng as it was when
// the epoch began, so that state and the position in the epoch stand for the whole order.
struct RunState {
    std::vector<Matrix> W;
    std::vector<RowVector> b;
    int64_t step = 0, epoch = 0, samples_seen = 0;
    Rng::State epoch_rng{};  // the Rng when this epoch's order was drawn
    uint32_t cursor = 0;     // position in this epoch's order
    std::vector<LossSample> history;  // the loss plot up to here (restore() shows it; may be thinned)
    OptimizerState optimizer;  // velocity or moments (empty for SGD; restore() zeroes one that does not fit)
};

// The largest lab the limits allow: every input feature, kMaxHiddenLayers hidden layers of
// kMaxNeurons, kMaxPoints points, batches of kMaxBatchSize (the other settings the defaults).
TrainingSettings largest_settings();

// The points the settings' data set, count, noise, seed and test share generate.
std::vector<Point> generated_points(const TrainingSettings& settings);

class Trainer {
public:
    explicit Trainer(const TrainingSettings& settings = {});

    // Fresh weights from the seed, zeroed counters and optimizer state; the data points stay as they are.
    void reset();
    // Replaces the weights and biases (shapes must match; the caller has checked them and that
    // they are finite); the run goes on from them, the optimizer's state too (as after a data edit).
    void set_parameters(const std::vector<Matrix>& W, const std::vector<RowVector>& b);
    // The run's state at the start of the current (or, mid-step, the begun) step.
    RunState run_state() const;
    // Resumes a run: the weights, counters and epoch order of `state` (shapes must match the
    // settings; the caller has checked them). The loss history is state.history, then this step.
    void restore(const RunState& state);
    // Regenerates the points from the settings' data set, count, noise and seed.
    void regenerate_points();
    // Replaces the data points; the run, its loss history and the optimizer's state (velocity,
    // moments) go on with the new data from the next step (a fresh epoch order begins): editing a
    // point while Play runs does not jolt the weights as a restarted Adam or momentum would.
    void set_points(std::vector<Point> points);
    // Marks a new share of the points as test points (as generated data is split).
    void resplit(double test_fraction);

    // One mini-batch step (or the rest of one begun phase by phase). Returns false (and does
    // nothing) when there is nothing to train on or training has stopped on an error.
    bool step();
    // Runs the next phase of the current step, starting a new step after Update or Ready, and
    // returns the phase it ran. Nothing happens (the phase stays) when step() would return false.
    StepPhase advance_phase();
    StepPhase phase() const { return phase_; }
    bool mid_step() const { return phase_.phase != Phase::Ready && phase_.phase != Phase::Update; }
    // The weights last_pass() was computed with: the current ones mid-step, those before the update
    // once a step is complete.
    const Network& pass_network() const { return mid_step() ? net_ : backup_; }
    // Up to max_steps steps; returns how many ran.
    int run(int max_steps);

    // The training loss L on the current weights (evaluation.h: training_losses). It is the total
    // loss, training_data_loss() + penalty(): the loss history, the divergence check and the gradient
    // are of this loss.
    double training_loss() const { return training_losses().total; }
    // Mean data loss over the training points (test points excluded) on the current weights.
    double training_data_loss() const { return training_losses().data; }
    // Both from one pass over the training points.
    TrainingLosses training_losses() const;
    // The regularization penalty R(W) of the current weights (0 without regularization).
    double penalty() const { return bp::penalty(net_, settings_.regularization); }
    // Mean data loss over the test points on the current weights (no penalty: it does not depend on
    // the data); NaN when there are none.
    double test_loss() const;
    // The training points in the trainer's training order, and the test points, for evaluation.h
    // (they refer to the trainer's data: valid until its points change).
    PointRows training_rows() const { return {inputs_, points_, train_indices_}; }
    PointRows test_rows() const { return {inputs_, points_, test_indices_}; }

    const TrainingSettings& settings() const { return settings_; }
    // Changes only the learning rate (takes effect at the next step).
    void set_learning_rate(double alpha) { settings_.learning_rate = alpha; }
    // Changes only the regularization (from the next step; the weights and the run stay).
    void set_regularization(const Regularization& reg);
    // Changes only the optimizer (from the next step; the weights and the run stay). A new kind
    // starts from a zeroed state; new β, β₁, β₂ or ε keep the state.
    void set_optimizer(const OptimizerSettings& optimizer);
    // Zeroes the optimizer's state (velocity, moments, Adam's t).
    void reset_optimizer_state();
    // The optimizer's state after the last update, and before it (what the last update started from).
    const OptimizerState& optimizer_state() const { return optimizer_; }
    const OptimizerState& previous_optimizer_state() const { return mid_step() ? optimizer_ : optimizer_backup_; }
    const Network& network() const { return net_; }
    const std::vector<Point>& points() const { return points_; }
    const Gradients& gradients() const { return grad_; }   // of the last step's total loss (batch mean + penalty)
    const Pass& last_pass() const { return pass_; }         // z, a, delta of the last step
    const std::vector<int>& last_batch() const { return last_batch_; }  // point indices
    const LossHistory& history() const { return history_; }
    int64_t step_count() const { return step_; }
    int64_t epoch_count() const { return epoch_; }
    int64_t samples_seen() const { return samples_seen_; }
    double last_batch_loss() const { return last_batch_loss_; }
    const std::string& error() const { return error_; }
    // Records the current training loss in the history now (after a single step taken by hand, so
    // the plot follows every step; Play records after every epoch).
    void record_loss();
    int training_point_count() const { return static_cast<int>(train_indices_.size()); }

private:
    void rebuild_inputs();  // features of every point, and the training order
    void start_epoch();
    bool can_step();     // false (with error_ set) when there is nothing to train on
    void gather_batch();  // the next batch_size points of this epoch's order into pass_
    bool apply_update();  // the optimizer, counters, divergence check, epoch end

    TrainingSettings settings_;
    Network net_;
    Network backup_;  // weights before the last update, restored if it made them non-finite
    OptimizerState optimizer_;         // velocity or moments, in the parameters' layout
    OptimizerState optimizer_backup_;  // before the last update (restored with backup_)
    std::vector<Point> points_;
    Matrix inputs_;                    // feature_matrix(points_)   (points x n_0)
    std::vector<int> train_indices_;  // indices of non-test points, in this epoch's order
    std::vector<int> test_indices_;   // indices of test points
    size_t cursor_ = 0;               // next position in train_indices_
    Rng rng_;
    Rng::State epoch_rng_{};          // rng_ when this epoch's order was drawn
    Pass pass_;
    Gradients grad_;
    mutable Pass eval_pass_;         // every training (or test) point at once, for the losses
    std::vector<int> last_batch_;
    StepPhase phase_;
    LossHistory history_;
    int64_t step_ = 0, epoch_ = 0, samples_seen_ = 0;
    double last_batch_loss_ = 0.0;
    std::string error_;
};

}  // namespace bp
