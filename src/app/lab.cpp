// Lab: commands on the lab state and the per-frame training slice.
#include "app/lab.h"

#include <algorithm>
#include <chrono>
#include <cmath>

namespace bp {

namespace {
bool same_data(const TrainingSettings& a, const TrainingSettings& b) {
    return a.dataset == b.dataset && a.point_count == b.point_count && a.noise == b.noise && a.seed == b.seed;
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
    if (same_data(old, settings) && same_model(old, settings)) {
        trainer_.set_learning_rate(settings.learning_rate);
    } else {
        std::vector<Point> points = trainer_.points();
        trainer_ = Trainer(settings);
        if (same_data(old, settings)) trainer_.set_points(std::move(points));
        playing_ = false;
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

void Lab::step_once() {
    playing_ = false;
    if (trainer_.step()) trainer_.record_loss();
}

double Lab::train(int n) {
    trainer_.run(std::clamp(n, 0, 10000000));
    if (!trainer_.error().empty()) playing_ = false;
    return trainer_.training_loss();
}

void Lab::reset() {
    trainer_.reset();
    owed_steps_ = 0.0;
    changed();
}

void Lab::set_inspected_point(int index) {
    inspected_ = index;
    changed();
}

int Lab::inspected_point() const {
    const int n = static_cast<int>(trainer_.points().size());
    return n == 0 ? -1 : std::clamp(inspected_, 0, n - 1);
}

const Pass& Lab::inspected_pass() const {
    if (inspected_key_ != state_key()) {
        const Network& net = trainer_.network();
        if (!inspected_pass_.fits(net, 1)) inspected_pass_.reserve(net, 1);
        const int k = inspected_point();
        inspected_pass_.rows = k < 0 ? 0 : 1;
        if (k >= 0) {
            const Point& p = trainer_.points()[k];
            const auto& features = trainer_.settings().features;
            for (size_t f = 0; f < features.size(); ++f)
                inspected_pass_.a[0](0, f) = feature_value(features[f], p.x1, p.x2);
            inspected_pass_.y(0) = p.y;
            forward(net, inspected_pass_);
            inspected_grad_.resize_like(net);
            backward(net, trainer_.settings().loss, inspected_pass_, inspected_grad_);  // delta of every layer
        }
        inspected_key_ = state_key();
    }
    return inspected_pass_;
}

double Lab::training_loss() const {
    if (loss_key_ != state_key()) {
        loss_ = trainer_.training_loss();
        loss_key_ = state_key();
    }
    return loss_;
}

const std::vector<double>& Lab::output_grid(int n) const {
    if (grid_key_ != state_key() || grid_n_ != n) {
        trainer_.predict_grid(n, grid_);
        grid_key_ = state_key();
        grid_n_ = n;
    }
    return grid_;
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
    while (done < want && now_ms() - start < kTrainBudgetMs) {
        const int chunk = std::min(want - done, 64);
        const int ran = trainer_.run(chunk);
        done += ran;
        if (ran < chunk) break;  // stopped on an error
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
}

}  // namespace bp
