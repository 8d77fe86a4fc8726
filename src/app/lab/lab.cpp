// Lab: commands on the lab state and the per-frame training slice.
#include "app/lab/lab.h"

#include "core/named_values.h"
#include "core/neuron_map.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <memory>

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
double now_ms() {
    using namespace std::chrono;
    return duration<double, std::milli>(steady_clock::now().time_since_epoch()).count();
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
            undo_.clear();
            redo_.clear();
        }
    }
    step_cost_ms_ = 0.0;  // measured anew for this network and batch
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

void Lab::reset() {
    auto before = std::make_shared<const WholeLab>(whole_lab());
    const std::string before_link = share_link(true);
    trainer_.reset();
    owed_steps_ = 0.0;
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
    speed_ = 300.0;
    selection_ = {};
    inspected_ = {};
    edge_mode_ = EdgeMode::Weights;
    display_ = {};
    step_cost_ms_ = 0.0;
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

// The selected parameter's chain rule, recomputed when the lab changed (while Play runs, every half
// second for the same parameter: ranking its paths costs a large network).
const ChainRule& Lab::chain_rule() const {
    // While Play runs the numbers change every frame; the inspector refreshes twice a second then,
    // at once for another parameter.
    const ChainRule& r = chain_rule_;
    const bool same_parameter = r.layer == selection_.layer && r.i == selection_.i && r.j == selection_.j &&
                                r.is_bias == selection_.is_bias;
    if (chain_key_ != state_key() && (!same_parameter || r.path_count == 0 || refresh_due(chain_time_ms_, 500.0))) {
        chain_rule_ = chain_rule_for(selection_, true);
        chain_key_ = state_key();
        chain_time_ms_ = now_ms();
    }
    return chain_rule_;
}

double Lab::training_loss() const {
    if (loss_key_ != state_key()) {
        losses_ = trainer_.training_losses();
        loss_key_ = state_key();
    }
    return losses_.total;
}

double Lab::training_data_loss() const {
    training_loss();  // refreshes both together
    return losses_.data;
}

// While Play runs, the values below change every frame; recomputing them over every point each
// frame would cost a large network its frame rate, so they refresh a few times a second then.
bool Lab::refresh_due(double& last_ms, double interval_ms) const {
    const double now = now_ms();
    if (playing_ && now - last_ms < interval_ms) return false;
    last_ms = now;
    return true;
}

double Lab::shown_training_loss() const {
    if (shown_loss_key_ != state_key() && refresh_due(shown_loss_ms_, kPlayingRefreshMs)) {
        shown_loss_ = training_loss();
        shown_penalty_ = trainer_.penalty();
        shown_loss_key_ = state_key();
    }
    return shown_loss_;
}

double Lab::shown_penalty() const {
    shown_training_loss();  // refreshes both together
    return shown_penalty_;
}

const std::vector<double>& Lab::output_grid(int n) const {
    if ((grid_key_ != state_key() && refresh_due(grid_ms_, kPlayingRefreshMs)) || grid_n_ != n) {
        trainer_.predict_grid(n, grid_);
        grid_key_ = state_key();
        grid_n_ = n;
    }
    return grid_;
}

const std::vector<double>& Lab::neuron_grid(int layer, int j, int n) const {
    const bool same = neuron_grid_spec_[0] == layer && neuron_grid_spec_[1] == j && neuron_grid_spec_[2] == n;
    if (!same || (neuron_grid_key_ != state_key() && refresh_due(neuron_grid_ms_, kPlayingRefreshMs))) {
        neuron_map(trainer_.network(), trainer_.settings().features, layer, j, n, neuron_grid_pass_, neuron_grid_);
        neuron_grid_key_ = state_key();
        neuron_grid_spec_[0] = layer;
        neuron_grid_spec_[1] = j;
        neuron_grid_spec_[2] = n;
    }
    return neuron_grid_;
}

bool Lab::data_is_generated() const {
    if (generated_key_ != generation_) {
        generated_ = trainer_.points() == generated_points(trainer_.settings());
        generated_key_ = generation_;
    }
    return generated_;
}

const std::vector<double>& Lab::output_curve() const {
    if (curve_key_ != state_key()) {
        trainer_.predict_curve(201, curve_);
        curve_key_ = state_key();
    }
    return curve_;
}

void Lab::advance(double dt_seconds) {
    last_steps_ = 0;
    last_train_ms_ = 0.0;
    if (!playing_) {
        owed_steps_ = 0.0;
        return;
    }
    // Steps owed at the chosen speed; the time budget caps them so the frame rate holds.
    const bool flat_out = speed_ >= kMaxSpeed;
    owed_steps_ = flat_out ? 1e6 : std::min(owed_steps_ + speed_ * std::clamp(dt_seconds, 0.0, 1.0), 1e6);
    const int want = static_cast<int>(owed_steps_);
    const double start = now_ms();
    int done = 0;
    // The budget is checked before every slice, and a slice is sized from the measured cost of a
    // step, so no frame runs far past it: cheap steps go in chunks, a step that alone costs more
    // than the budget (a large network with a large batch) is split into its phases, one layer of
    // the batch at a time, across frames.
    while (done < want && trainer_.error().empty()) {
        const double left = kTrainBudgetMs - (now_ms() - start);
        if (left <= 0.0) break;
        const double t0 = now_ms();
        int ran = 0;
        if (step_cost_ms_ > kTrainBudgetMs || trainer_.mid_step()) {
            const int64_t before = trainer_.step_count();
            trainer_.advance_phase();
            ran = static_cast<int>(trainer_.step_count() - before);
            if (ran == 0 && !trainer_.mid_step()) break;  // nothing to train on
            step_cost_ms_ += 0.1 * ((now_ms() - t0) * phases_per_step(trainer_.network().layer_count()) - step_cost_ms_);
        } else {
            const double cost = step_cost_ms_ > 0.0 ? std::max(step_cost_ms_, 1e-4) : left;  // unknown: one step
            const int chunk = std::clamp(static_cast<int>(left / cost), 1, std::min(want - done, 256));
            ran = trainer_.run(chunk);
            if (ran > 0) step_cost_ms_ += 0.5 * ((now_ms() - t0) / ran - step_cost_ms_);
            if (ran < chunk) {
                done += ran;
                break;  // stopped on an error
            }
        }
        done += ran;
    }
    owed_steps_ = done < want || flat_out ? 0.0 : owed_steps_ - done;  // behind: drop the backlog
    last_steps_ = done;
    last_train_ms_ = now_ms() - start;
    if (!trainer_.error().empty()) playing_ = false;
}

void Lab::record_frame_time(double frame_ms, double dt_seconds) {
    const double k = 0.1;  // exponential smoothing keeps the readout steady
    stats_.frame_ms += k * (frame_ms - stats_.frame_ms);
    stats_.train_ms += k * (last_train_ms_ - stats_.train_ms);
    stats_.steps_per_frame += k * (last_steps_ - stats_.steps_per_frame);
    if (dt_seconds > 0.0) stats_.fps += k * (1.0 / dt_seconds - stats_.fps);
    if (static_cast<int>(stats_.recent_ms.size()) < FrameStats::kRecentFrames) stats_.recent_ms.push_back(frame_ms);
    else stats_.recent_ms[stats_.next_recent] = frame_ms;
    stats_.next_recent = (stats_.next_recent + 1) % FrameStats::kRecentFrames;
}

double FrameStats::recent_quantile(double q) const {
    if (recent_ms.empty()) return 0.0;
    std::vector<double> sorted = recent_ms;
    std::sort(sorted.begin(), sorted.end());
    const size_t k = static_cast<size_t>(std::clamp(q, 0.0, 1.0) * static_cast<double>(sorted.size() - 1) + 0.5);
    return sorted[k];
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
