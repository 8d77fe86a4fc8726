// Lab: commands on the lab state, what the views read of it (cached), and the frame's Play slice.
#include "app/lab/lab.h"

#include <algorithm>
#include <memory>

#include "core/named_values.h"
#include "core/neuron_map.h"
#include "core/prediction.h"

namespace bp {

namespace {
bool same_data(const TrainingSettings& a, const TrainingSettings& b) {
    return a.dataset == b.dataset && a.point_count == b.point_count && a.noise == b.noise && a.seed == b.seed;
}
bool same_data_and_split(const TrainingSettings& a, const TrainingSettings& b) {
    return same_data(a, b) && a.test_fraction == b.test_fraction;
}
bool same_model(const TrainingSettings& a, const TrainingSettings& b) {
    return a.hidden == b.hidden && a.hidden_activation == b.hidden_activation &&
           a.output_activation == b.output_activation && a.loss == b.loss && a.batch_size == b.batch_size &&
           a.features == b.features && a.seed == b.seed;
}
}  // namespace

std::string Lab::configure(const TrainingSettings& settings) {
    std::string error = validate(settings);
    if (!error.empty()) return error;
    const TrainingSettings old = trainer_.settings();
    // The learning rate, regularization and optimizer act from the next step: the weights stay (a new
    // optimizer kind starts from a zeroed state).
    const auto keep_run = [&] {
        trainer_.set_learning_rate(settings.learning_rate);
        trainer_.set_regularization(settings.regularization);
        trainer_.set_optimizer(settings.optimizer);
    };
    if (same_data_and_split(old, settings) && same_model(old, settings)) {
        keep_run();
    } else if (same_data(old, settings) && same_model(old, settings)) {
        keep_run();
        trainer_.resplit(settings.test_fraction);  // the edited points stay; a new share is held out
    } else {
        std::vector<Point> points = trainer_.points();
        trainer_ = Trainer(settings);
        if (same_data_and_split(old, settings)) {
            trainer_.set_points(std::move(points));
            trainer_.reset();  // the epoch order drawn as a fresh lab draws it
        }
        if (!validate_selection(selection_).empty()) selection_ = {};
        if (!same_model(old, settings)) forget_parameter_edits();  // they name parameters of the old network
        if (!same_data(old, settings)) {  // new data: edits of the old data cannot be undone into it
            history_.clear();
        }
    }
    clock_.measure_anew();  // for this network and batch
    // Play goes on with the new run, if it has anything to train on.
    if (playing_ && trainer_.training_point_count() == 0) {
        playing_ = false;
        notice_ = trainer_.points().empty()
                      ? "Play stopped: there are no points to train on. Add some (click the data view)."
                      : "Play stopped: every point is a test point now, so nothing is left to train on. Lower the "
                        "test share or add points.";
    }
    changed();
    return "";
}

std::string Lab::play(bool on) {
    playing_ = false;
    if (!on) return "";
    if (!trainer_.error().empty()) return trainer_.error();
    if (trainer_.training_point_count() == 0) return "There are no training points: add some points to train on.";
    playing_ = true;
    return "";
}

// Says why stepping does nothing when there is nothing to train on.
bool Lab::can_train() {
    if (trainer_.training_point_count() > 0) return true;
    notice_ = "There are no training points: add some points (click the data view) to train on.";
    return false;
}

void Lab::step_once() {
    playing_ = false;
    if (!can_train()) return;
    if (trainer_.step()) trainer_.record_loss();
    changed();
}

double Lab::train(int n) {
    trainer_.run(std::clamp(n, 0, 10000000));
    if (!trainer_.error().empty()) playing_ = false;
    return trainer_.training_loss();
}

namespace {
constexpr int kMaxTrainSteps = 1000000;
// Besides three multiply-adds per weight and sample (forward, backward, gradient), a step costs
// about ten per neuron and sample (activation, its derivative, the bias) and two hundred of its own
// (measured natively: the default network's step takes about 1.2 µs, the largest network's with a
// batch of 1000 about 4.7 ms; WebAssembly takes up to twice as long).
constexpr double kWorkPerNeuron = 10.0;
constexpr double kWorkPerStep = 200.0;
}  // namespace

double Lab::train_work(int n) const {
    const Network& net = trainer_.network();
    int neurons = 0;
    for (const RowVector& b : net.b) neurons += static_cast<int>(b.size());
    const double per_sample = 3.0 * net.weight_count() + kWorkPerNeuron * neurons;
    return std::max(n, 0) * (trainer_.settings().batch_size * per_sample + kWorkPerStep);
}

std::string Lab::train_refusal(int n) const {
    const int most = static_cast<int>(std::clamp(kMaxTrainWork / train_work(1), 1.0, double(kMaxTrainSteps)));
    if (n >= 0 && n <= most) return "";
    return "the number of steps must be 0 to " + std::to_string(most) +
           (most < kMaxTrainSteps ? " for this network and batch size (more would keep the page busy for more than a few "
                                    "seconds; call train() again, or press Play)"
                                  : "");
}

void Lab::reset() {
    auto before = std::make_shared<const WholeLab>(whole_lab());
    const std::string before_link = share_link(true);
    trainer_.reset();
    clock_.drop_backlog();
    changed();
    remember_whole_lab(std::move(before), before_link,
                       "Started again from fresh weights. Undo (Ctrl+Z) brings the trained network back.");
}

void Lab::new_data() {
    auto before = std::make_shared<const WholeLab>(whole_lab());
    const std::string before_link = share_link(true);
    TrainingSettings s = trainer_.settings();
    s.seed += 1;
    configure(s);
    remember_whole_lab(std::move(before), before_link,
                       "New data from seed " + std::to_string(s.seed) +
                           ", and fresh weights. Undo (Ctrl+Z) brings the previous data and network back.");
}

void Lab::set_display(const DisplayOptions& options) {
    display_ = options;
    changed();
}

void Lab::reset_to_defaults() {
    auto before = std::make_shared<const WholeLab>(whole_lab());
    const std::string before_link = share_link(true);
    trainer_ = Trainer(TrainingSettings{});
    playing_ = false;
    clock_.set_speed(PlayClock::kDefaultSpeed);
    selection_ = {};
    inspected_ = {};
    edge_mode_ = EdgeMode::Weights;
    display_ = {};
    clock_.measure_anew();
    dragging_ = false;  // the points a view may be dragging are gone
    notice_.clear();
    data_message_ = {};
    locks_ = 0;
    changed();
    remember_whole_lab(std::move(before), before_link,
                       "Reset to the lesson's defaults. Undo (Ctrl+Z) brings your lab back.");
}

StepPhase Lab::next_phase() {
    playing_ = false;
    if (!can_train()) return trainer_.phase();
    if (!inspected_.from_batch) inspected_ = {true, 0};  // the walk shows a sample of its batch
    const StepPhase phase = trainer_.advance_phase();
    if (phase.phase == Phase::Update) trainer_.record_loss();
    changed();
    return phase;
}

void Lab::step_epoch() {
    playing_ = false;
    if (!can_train()) return;
    const int64_t epoch = trainer_.epoch_count();
    while (trainer_.epoch_count() == epoch && trainer_.step()) {
    }
    trainer_.record_loss();
    changed();
}

// The selected parameter's chain rule, recomputed when the lab changed; while Play runs the numbers
// change every frame, and the inspector refreshes twice a second then (ranking the paths costs a
// large network), at once for another parameter or when it had no paths.
const ChainRule& Lab::chain_rule() const {
    const bool throttled = playing_ && chain_rule_.value().path_count > 0;
    return chain_rule_.get_throttled(
        state_key(), throttled, PlayClock::steady_now_ms(), 500.0,
        [&](ChainRule& rule) { rule = chain_rule_for(selection_, true); }, selection_);
}

double Lab::training_loss() const {
    return losses_.get(state_key(), [&](TrainingLosses& l) { l = trainer_.training_losses(); }).total;
}

double Lab::training_data_loss() const {
    return losses_.get(state_key(), [&](TrainingLosses& l) { l = trainer_.training_losses(); }).data;
}

// While Play runs, the values below change every frame; recomputing them over every point each
// frame would cost a large network its frame rate, so they refresh a few times a second then.
const Lab::ShownLoss& Lab::shown_loss() const {
    return shown_loss_.get_throttled(state_key(), playing_, PlayClock::steady_now_ms(), kPlayingRefreshMs,
                                     [&](ShownLoss& shown) { shown = {training_loss(), trainer_.penalty()}; });
}

double Lab::shown_training_loss() const { return shown_loss().loss; }

double Lab::shown_penalty() const { return shown_loss().penalty; }

const std::vector<double>& Lab::output_grid(int n) const {
    return output_grid_.get_throttled(
        state_key(), playing_, PlayClock::steady_now_ms(), kPlayingRefreshMs,
        [&](std::vector<double>& grid) {
            predict_grid(trainer_.network(), trainer_.settings().features, n, grid_pass_, grid);
        },
        n);
}

const std::vector<double>& Lab::neuron_grid(int layer, int j, int n) const {
    return neuron_grid_.get_throttled(
        state_key(), playing_, PlayClock::steady_now_ms(), kPlayingRefreshMs,
        [&](std::vector<double>& grid) {
            neuron_map(trainer_.network(), trainer_.settings().features, layer, j, n, neuron_pass_, grid);
        },
        {layer, j, n});
}

bool Lab::data_is_generated() const {
    return generated_.get(generation_, [&](bool& generated) {
        generated = trainer_.points() == generated_points(trainer_.settings());
    });
}

const std::vector<double>& Lab::output_curve() const {
    return output_curve_.get(state_key(), [&](std::vector<double>& curve) {
        predict_curve(trainer_.network(), trainer_.settings().features, 201, curve_pass_, curve);
    });
}

void Lab::advance(double dt_seconds) {
    if (!playing_) {
        clock_.idle();
        return;
    }
    clock_.advance(dt_seconds, trainer_);
    if (!trainer_.error().empty()) playing_ = false;
}

const char* lock_name(Lab::Lock lock) {
    switch (lock) {
        case Lab::LockNetwork: return "network";
        case Lab::LockTraining: return "training";
        case Lab::LockData: return "data";
        case Lab::HideTables: return "tables";
    }
    return "";
}

std::optional<Lab::Lock> parse_lock(const std::string& name) { return value_named(kAllLockKinds, lock_name, name); }

std::string lock_names() {
    std::string out;
    for (Lab::Lock lock : kAllLockKinds) out += (out.empty() ? "" : ", ") + std::string(lock_name(lock));
    return out;
}

}  // namespace bp
