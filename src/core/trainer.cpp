// Trainer: mini-batch steps in bounded slices (SGD, momentum or Adam), with divergence detection.
#include "core/trainer.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <iterator>
#include <limits>
#include <utility>

#include "core/layer_kernels.h"

namespace bp {

static_assert(kMaxNeurons <= kernels::kMaxWidth && kMaxInputs <= kernels::kMaxWidth,
              "every layer width needs its specialised kernel");

std::vector<int> TrainingSettings::layer_sizes() const {
    std::vector<int> sizes;
    sizes.push_back(static_cast<int>(features.size()));
    sizes.insert(sizes.end(), hidden.begin(), hidden.end());
    sizes.push_back(1);
    return sizes;
}

std::string validate(const TrainingSettings& s) {
    if (s.features.empty() || s.features.size() > static_cast<size_t>(kMaxInputs))
        return "choose between 1 and " + std::to_string(kMaxInputs) + " input features";
    for (size_t i = 0; i < s.features.size(); ++i)
        for (size_t k = 0; k < i; ++k)
            if (s.features[i] == s.features[k])
                return std::string("feature ") + feature_name(s.features[i]) + " is listed twice";
    if (s.hidden.size() > static_cast<size_t>(kMaxHiddenLayers))
        return "at most " + std::to_string(kMaxHiddenLayers) + " hidden layers";
    for (int n : s.hidden)
        if (n < 1 || n > kMaxNeurons)
            return "a hidden layer has 1 to " + std::to_string(kMaxNeurons) + " neurons";
    if (!std::isfinite(s.learning_rate) || s.learning_rate <= 0.0 || s.learning_rate > 100.0)
        return "the learning rate must be a number above 0 and at most 100";
    if (s.batch_size < 1 || s.batch_size > kMaxBatchSize)
        return "the batch size must be 1 to " + std::to_string(kMaxBatchSize);
    if (!loss_accepts_output(s.loss, s.output_activation))
        return "bce needs a sigmoid output (its prediction must lie between 0 and 1)";
    if (s.point_count < 0 || s.point_count > kMaxPoints)
        return "the number of points must be 0 to " + std::to_string(kMaxPoints);
    if (!std::isfinite(s.noise) || s.noise < 0.0 || s.noise > 1.0) return "the noise must be 0 to 1";
    if (!std::isfinite(s.test_fraction) || s.test_fraction < 0.0 || s.test_fraction > 0.9)
        return "the test share must be 0 to 0.9";
    const double lambda = s.regularization.rate;
    if (!std::isfinite(lambda) || lambda < 0.0 || lambda > kMaxRegularizationRate)
        return "the regularization rate \u03bb must be a number from 0 to 10";
    if (auto problem = validate(s.optimizer); !problem.empty()) return problem;
    return "";
}

TrainingSettings largest_settings() {
    TrainingSettings s;
    s.features.assign(std::begin(kAllFeatures), std::end(kAllFeatures));
    s.hidden.assign(kMaxHiddenLayers, kMaxNeurons);
    s.point_count = kMaxPoints;
    s.batch_size = kMaxBatchSize;
    return s;
}

std::vector<Point> generated_points(const TrainingSettings& s) {
    // The data has its own stream, so editing data never changes the initial weights.
    std::vector<Point> points = generate_dataset(s.dataset, s.point_count, s.noise, s.seed ^ 0xDA7A5E7ull);
    split_points(points, s.test_fraction, s.seed ^ 0x5E1EC7ull);
    return points;
}

Trainer::Trainer(const TrainingSettings& settings) : settings_(settings), points_(generated_points(settings)) {
    reset();
}

void Trainer::regenerate_points() {
    points_ = generated_points(settings_);
    rebuild_inputs();
    history_.clear();
    record_loss();
}

void Trainer::set_points(std::vector<Point> points) {
    points_ = std::move(points);
    rebuild_inputs();
    record_loss();
}

void Trainer::resplit(double test_fraction) {
    settings_.test_fraction = test_fraction;
    split_points(points_, test_fraction, settings_.seed ^ 0x5E1EC7ull);
    rebuild_inputs();
    record_loss();
}

void Trainer::reset() {
    net_ = Network(settings_.layer_sizes(), settings_.hidden_activation, settings_.output_activation);
    rng_.reseed(settings_.seed);
    net_.init_glorot(rng_);
    backup_ = net_;
    reset_optimizer_state();
    pass_.reserve(net_, settings_.batch_size);
    grad_.resize_like(net_);
    last_batch_.clear();
    step_ = epoch_ = samples_seen_ = 0;
    last_batch_loss_ = 0.0;
    phase_ = {};
    error_.clear();
    rebuild_inputs();
    history_.clear();
    record_loss();
}

void Trainer::rebuild_inputs() {
    inputs_ = feature_matrix(points_, settings_.features);
    train_indices_.clear();
    test_indices_.clear();
    for (size_t k = 0; k < points_.size(); ++k) (points_[k].test ? test_indices_ : train_indices_).push_back(static_cast<int>(k));
    eval_pass_.reserve(net_, static_cast<int>(std::max(train_indices_.size(), test_indices_.size())));
    pass_.rows = 0;  // the last step's pass no longer matches the data
    last_batch_.clear();
    phase_ = {};
    cursor_ = 0;
    start_epoch();
}

void Trainer::start_epoch() {
    // Fisher-Yates shuffle of the natural order with the run's Rng, so the order follows from the
    // Rng's state alone (see RunState).
    std::sort(train_indices_.begin(), train_indices_.end());
    epoch_rng_ = rng_.state();
    for (size_t k = train_indices_.size(); k > 1; --k)
        std::swap(train_indices_[k - 1], train_indices_[rng_.below(k)]);
    cursor_ = 0;
}

const char* phase_name(Phase phase) {
    switch (phase) {
        case Phase::Ready: return "ready";
        case Phase::Forward: return "forward";
        case Phase::Loss: return "loss";
        case Phase::Backward: return "backward";
        case Phase::Update: return "update";
    }
    return "?";
}

int phases_walked(const StepPhase& p, int L) {
    switch (p.phase) {
        case Phase::Forward: return p.layer;
        case Phase::Loss: return L + 1;
        case Phase::Backward: return L + 1 + (L - p.layer + 1);
        case Phase::Ready:
        case Phase::Update: break;
    }
    return 0;
}

bool Trainer::can_step() {
    // Without training points there is nothing to do; that is not an error of the run, and adding
    // points lets it go on.
    return error_.empty() && !train_indices_.empty();
}

void Trainer::gather_batch() {
    if (cursor_ >= train_indices_.size()) start_epoch();  // never an empty batch
    // The next batch_size points of this epoch's order (fewer at its end).
    const int rows = static_cast<int>(std::min<size_t>(settings_.batch_size, train_indices_.size() - cursor_));
    last_batch_.resize(rows);
    pass_.rows = rows;
    for (int s = 0; s < rows; ++s) {
        const int k = train_indices_[cursor_ + s];
        last_batch_[s] = k;
        pass_.a[0].row(s) = inputs_.row(k);
        pass_.y(s) = points_[k].y;
    }
    cursor_ += rows;
}

bool Trainer::apply_update() {
    for (int l = 0; l < net_.layer_count(); ++l) {  // keep the weights before the update
        backup_.W[l] = net_.W[l];
        backup_.b[l] = net_.b[l];
    }
    optimizer_backup_ = optimizer_;  // same shapes: copies in place, allocates nothing
    apply_optimizer(net_, grad_, settings_.learning_rate, settings_.optimizer, optimizer_);
    ++step_;
    samples_seen_ += pass_.rows;

    if (!std::isfinite(last_batch_loss_) || !net_.all_within_limit()) {
        const bool overflowed = !std::isfinite(last_batch_loss_) || !net_.all_finite();
        for (int l = 0; l < net_.layer_count(); ++l) {
            net_.W[l] = backup_.W[l];
            net_.b[l] = backup_.b[l];
        }
        optimizer_ = optimizer_backup_;
        char alpha[32];
        std::snprintf(alpha, sizeof alpha, "%g", settings_.learning_rate);
        error_ = "Training stopped at step " + std::to_string(step_) + ": gradient descent diverged (" +
                 (overflowed ? "the loss overflowed" : "a weight grew past \u00b11,000,000") +
                 "). The learning rate \u03b1 = " + alpha + " is too high for this network and data; lower it and "
                 "press Reset. The weights shown are those of step " + std::to_string(step_ - 1) + ".";
        return false;
    }
    if (cursor_ >= train_indices_.size()) {
        ++epoch_;
        if (history_.wants(epoch_)) record_loss();
        start_epoch();
    }
    return true;
}

bool Trainer::step() {
    if (mid_step()) {
        while (mid_step() && error_.empty()) advance_phase();
        phase_ = {};
        return error_.empty();
    }
    if (!can_step()) return false;
    phase_ = {};
    gather_batch();
    forward(net_, pass_);
    last_batch_loss_ = backward(net_, settings_.loss, pass_, grad_);
    if (settings_.regularization.on()) {  // the total loss: L = mean data loss + R(W)
        last_batch_loss_ += penalty();
        add_penalty_gradient(net_, settings_.regularization, grad_);
    }
    return apply_update();
}

StepPhase Trainer::advance_phase() {
    const int L = net_.layer_count();
    switch (phase_.phase) {
        case Phase::Ready:
        case Phase::Update:
            if (!can_step()) return phase_;
            gather_batch();
            forward_layer(net_, pass_, 1);
            phase_ = {Phase::Forward, 1};
            break;
        case Phase::Forward:
            if (phase_.layer < L) {
                forward_layer(net_, pass_, phase_.layer + 1);
                phase_ = {Phase::Forward, phase_.layer + 1};
            } else {
                last_batch_loss_ = mean_loss(net_, settings_.loss, pass_);
                if (settings_.regularization.on()) last_batch_loss_ += penalty();
                phase_ = {Phase::Loss, L};
            }
            break;
        case Phase::Loss:
            backward_layer(net_, settings_.loss, pass_, grad_, L);
            add_layer_penalty_gradient(net_, settings_.regularization, L, grad_);
            phase_ = {Phase::Backward, L};
            break;
        case Phase::Backward:
            if (phase_.layer > 1) {
                backward_layer(net_, settings_.loss, pass_, grad_, phase_.layer - 1);
                add_layer_penalty_gradient(net_, settings_.regularization, phase_.layer - 1, grad_);
                phase_ = {Phase::Backward, phase_.layer - 1};
            } else {
                apply_update();
                phase_ = {Phase::Update, 0};
            }
            break;
    }
    return phase_;
}

int Trainer::run(int max_steps) {
    int done = 0;
    while (done < max_steps && step()) ++done;
    return done;
}

TrainingLosses Trainer::training_losses() const {
    return bp::training_losses(net_, settings_.loss, settings_.regularization, training_rows(), eval_pass_);
}

void Trainer::set_regularization(const Regularization& reg) { settings_.regularization = reg; }

void Trainer::set_optimizer(const OptimizerSettings& optimizer) {
    const bool new_kind = optimizer.kind != settings_.optimizer.kind;
    settings_.optimizer = optimizer;
    if (new_kind) reset_optimizer_state();
}

void Trainer::reset_optimizer_state() {
    optimizer_ = fresh_state(net_, settings_.optimizer.kind);
    optimizer_backup_ = optimizer_;
}

double Trainer::test_loss() const {
    if (test_indices_.empty()) return std::numeric_limits<double>::quiet_NaN();
    return mean_data_loss(net_, settings_.loss, test_rows(), eval_pass_);
}

void Trainer::set_parameters(const std::vector<Matrix>& W, const std::vector<RowVector>& b) {
    for (int l = 0; l < net_.layer_count(); ++l) {
        net_.W[l] = W[l];
        net_.b[l] = b[l];
    }
    backup_ = net_;
    error_.clear();
    phase_ = {};
    pass_.rows = 0;
    last_batch_.clear();
    record_loss();
}

RunState Trainer::run_state() const {
    RunState s;
    const Network& weights = net_;  // mid-step the update has not happened yet: these are the weights used
    s.W = weights.W;
    s.b = weights.b;
    s.step = step_;
    s.epoch = epoch_;
    s.samples_seen = samples_seen_;
    s.epoch_rng = epoch_rng_;
    s.optimizer = optimizer_;
    s.cursor = static_cast<uint32_t>(mid_step() ? cursor_ - pass_.rows : cursor_);
    if (s.cursor >= train_indices_.size()) s.cursor = 0;  // a run stopped on its epoch's last batch
    return s;
}

void Trainer::restore(const RunState& s) {
    for (int l = 0; l < net_.layer_count(); ++l) {
        net_.W[l] = s.W[l];
        net_.b[l] = s.b[l];
    }
    backup_ = net_;
    if (state_fits(s.optimizer, net_, settings_.optimizer.kind)) {
        optimizer_ = s.optimizer;
        optimizer_backup_ = optimizer_;
    } else {
        reset_optimizer_state();
    }
    step_ = s.step;
    epoch_ = s.epoch;
    samples_seen_ = s.samples_seen;
    error_.clear();
    phase_ = {};
    pass_.rows = 0;
    last_batch_.clear();
    rng_.set_state(s.epoch_rng);
    start_epoch();
    cursor_ = std::min<size_t>(s.cursor, train_indices_.size());
    history_.clear();
    for (const LossSample& h : s.history) history_.record(h.step, h.loss, h.test_loss);
    record_loss();
}

void Trainer::record_loss() { history_.record(step_, training_loss(), test_loss()); }

}  // namespace bp
