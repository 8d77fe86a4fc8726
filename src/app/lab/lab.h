// Lab: what the lab *is* (the trainer with its network and data, the selection and the inspected
// sample, undo history, locks) and the commands that change it. No view state lives here: each view
// keeps its own beside its code (src/app/ui), and reads the Lab and calls its commands. The platform calls
// advance() once per frame, which trains for the frame's share of the chosen speed within a time
// budget, so the page keeps its frame rate whatever the speed.
#pragma once

#include <array>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "app/lab/cached.h"
#include "app/lab/frame_stats.h"
#include "app/lab/play_clock.h"
#include "app/lab/undo_history.h"
#include "core/chain_rule.h"
#include "core/evaluation.h"
#include "core/share_link.h"
#include "core/trainer.h"

namespace bp {

// How the data view draws: the output as a smooth ŷ or as the two classes its 0.5 threshold gives
// (classification only), and whether test points are shown.
struct DisplayOptions {
    bool discretize = false;
    bool show_test_points = true;
    bool operator==(const DisplayOptions& o) const {
        return discretize == o.discretize && show_test_points == o.show_test_points;
    }
};

// The parameter the inspector expands: w^layer_ij, or b^layer_j (core/network.h).
using Selection = ParameterRef;

// Whose values the network view and the inspector show: a sample of the last batch (on the weights
// that step used), or any data point (on the current weights).
struct Inspected {
    bool from_batch = true;
    int index = 0;  // row of the last batch, or point index
};

// The last step's update of one parameter, with every number of its rule: g = ∂L/∂w of the total
// loss (the batch mean of the data loss's gradient plus the penalty's λ·w or λ·sign(w); a bias has no
// penalty), then SGD w' = w − α g, momentum v' = β v + g, w' = w − α v', or Adam (optimizer.h).
struct ParameterUpdate {
    double before = 0, gradient = 0, after = 0;  // w, g, w'
    double data_gradient = 0, penalty_gradient = 0;  // g = data_gradient + penalty_gradient
    double velocity = 0, velocity_after = 0;     // momentum: v, v'
    double first = 0, first_after = 0, second = 0, second_after = 0;  // Adam: m, m', v, v'
    double first_hat = 0, second_hat = 0;        // Adam: m̂, v̂
    int64_t t = 0;                               // Adam: the step count of this update
};

class Lab {
public:
    Lab() : trainer_(TrainingSettings{}) {}

    // --- commands ---
    // Applies new settings. Invalid settings change nothing and return the reason. A new learning
    // rate, regularization or optimizer keeps the run (a new optimizer kind zeroes its state); a new
    // data set, point count, noise or seed regenerates the points; anything else starts a fresh
    // network (the points stay). Play goes on with the new run, unless
    // it has no training points (the notice then says so).
    std::string configure(const TrainingSettings& settings);
    // Starts or stops Play; starting fails (with the reason) after an error or without training points.
    std::string play(bool on);
    void toggle_play() { play(!playing_); }
    // One mini-batch step (pauses Play).
    void step_once();
    // n steps now (for the API and a lesson's set-up); returns the training loss after them.
    double train(int n);
    // "" or why train(n) is refused: it runs while the page waits, so it takes at most the steps
    // that fit in a few seconds (a million of the default network's, fewer of a larger one).
    std::string train_refusal(int n) const;
    // The work of n training steps of this network and batch size, in multiply-adds (about a
    // nanosecond each): the one measure of cost for train(n) and for a whole lesson's set-up.
    double train_work(int n) const;
    static constexpr double kMaxTrainWork = 3e9;  // a few seconds: the most train(n) or a lesson asks
    // Fresh weights from the seed, counters at zero; the data stays. One undo step brings the run
    // back (when there was one to lose), and the notice says so.
    void reset();
    void set_speed(double steps_per_second) { clock_.set_speed(steps_per_second); }
    void set_inspected_point(int index);  // inspect a data point on the current weights
    // Inspect row `row` of the last batch; returns the reason when there is no such row.
    std::string inspect_batch_sample(int row);
    // Selects the parameter to expand; returns the reason when it does not exist.
    std::string select(const Selection& selection);
    std::string validate_selection(const Selection& selection) const;  // "" when it exists
    // --- data edits: each is one undo step (a drag is one: begin_drag(), then moves); Reset and
    // Defaults are one undo step each too, which brings back the whole lab ---
    // Adds a point; returns "" and sets index, or the reason it cannot be added.
    std::string add_point(const Point& p, int& index);
    std::string move_point(int index, const Point& p);
    std::string remove_point(int index);
    // Replaces all points (CSV import, table edits); nothing changes on error.
    std::string replace_points(std::vector<Point> points);
    // Imports CSV text (replacing the points) and sets data_message to the outcome.
    std::string import_csv(const std::string& text);
    void begin_drag();  // the undo snapshot for a drag's moves, which then record none
    void end_drag();

    // --- a parameter set by hand: one undo step each (a drag on the value is one: begin, then
    // sets), and the run goes on from the new value (a begun step is dropped, as its pass no longer
    // matches the weights) ---
    // Sets w^layer_ij or b^layer_j; nothing changes on error (an unknown parameter, a value that is
    // not finite or beyond ±kMaxHandParameter).
    std::string set_parameter(const Selection& which, double value);
    void begin_parameter_drag(const Selection& which);  // the undo snapshot for the drag's sets
    void end_parameter_drag() { parameter_dragging_ = false; }
    double parameter(const Selection& which) const;  // the current value (which must exist)
    static constexpr double kMaxHandParameter = 1000.0;
    bool undo();
    bool redo();
    bool can_undo() const { return history_.can_undo(); }
    bool can_redo() const { return history_.can_redo(); }

    // --- share links ---
    // The state as a link's payload (base64url): "the moment" with the trained weights and
    // counters, or "the starting point" (moment = false) with initial weights from the seed.
    std::string share_link(bool moment, uint32_t link_locks) const;
    std::string share_link(bool moment) const { return share_link(moment, locks_); }
    // Opens a link's payload; a bad one changes nothing and returns what is wrong with it.
    std::string open_link(const std::string& payload);
    // Everything back to the lesson's defaults: settings, data, weights, view, locks. One undo step
    // brings the whole lab back (when it was not at the defaults already), and the notice says so.
    void reset_to_defaults();
    // Becomes `other` (its trainer, selection, inspected sample, edges, speed and locks; Play stops):
    // a lesson's step, built aside. With a notice, one undo step brings this lab back, and the
    // notice says so; without, the change is not an undo step.
    void adopt(const Lab& other, const char* notice);
    // New weights and biases for the current network (an import); shapes already checked.
    void set_parameters(const std::vector<Matrix>& W, const std::vector<RowVector>& b) {
        trainer_.set_parameters(W, b);
        changed();
    }

    // Runs the next phase of the step (pauses Play) and returns it.
    StepPhase next_phase();
    // Trains until the current epoch ends (pauses Play).
    void step_epoch();

    // Called once per frame by the platform with the time since the last frame.
    void advance(double dt_seconds);
    // Called once per frame by the platform with the frame's CPU time, after drawing it.
    void record_frame_time(double frame_ms, double dt_seconds) {
        stats_.record(frame_ms, dt_seconds, clock_.last_train_ms(), clock_.last_steps());
    }
    void clear_recent_frames() { stats_.clear_recent(); }

    // --- what the views read ---
    const Trainer& trainer() const { return trainer_; }
    const TrainingSettings& settings() const { return trainer_.settings(); }
    bool playing() const { return playing_; }
    double speed() const { return clock_.speed(); }
    const FrameStats& stats() const { return stats_; }
    const Selection& selection() const { return selection_; }
    const Inspected& inspected() const { return inspected_; }
    // True when the inspected sample is a batch row that exists (else a data point is shown).
    bool inspecting_batch() const;
    // The data point whose values the views show (-1 when there are no points).
    int inspected_point() const;
    // Forward and backward pass of the inspected sample: z, a and delta of every layer (rows = 1,
    // or 0 without points), on inspected_network().
    const Pass& inspected_pass() const;
    const Network& inspected_network() const;
    // The selected parameter's chain rule for the inspected sample, every path ranked (cached).
    const ChainRule& chain_rule() const;
    // Path `rank` of chain_rule() with its factors.
    ChainPath chain_path(size_t rank) const;
    // The last step's update of a parameter (meaningful once a step has completed), with the
    // optimizer's state before and after it.
    ParameterUpdate last_update(const Selection& s) const;
    // dL/dw of the parameter for one sample (row) of the last batch.
    double sample_gradient(const Selection& s, int row) const;
    // Any (valid) parameter's chain rule for the inspected sample (not cached).
    ChainRule chain_rule_for(const Selection& s, bool rank_all = false) const;
    static constexpr int kMaxListedPaths = 500;

    // How the network view draws its edges: the weights, or the last step's gradients. Part of the
    // lab (not of one view) because a share link carries it.
    enum class EdgeMode { Weights, Gradients };
    EdgeMode edge_mode() const { return edge_mode_; }
    void set_edge_mode(EdgeMode mode) { edge_mode_ = mode; }
    // How the data view draws the output and the points (a link carries it).
    const DisplayOptions& display() const { return display_; }
    void set_display(const DisplayOptions& options);
    // New points from the next seed (the data set, count, noise and test share as they are) and fresh
    // weights from it; one undo step brings the previous data and network back, and the notice says so.
    void new_data();

    // Messages for the user. notice(): for the whole lab (a link that could not be opened, nothing to
    // train on), "" when there is none. data_message(): the outcome of the last data import or edit,
    // shown beside the data table (a file import arrives through the API, so the lab keeps it).
    const std::string& notice() const { return notice_; }
    void set_notice(std::string text) { notice_ = std::move(text); }
    struct Message {
        std::string text;
        bool is_error = false;
    };
    const Message& data_message() const { return data_message_; }
    void set_data_message(std::string text, bool is_error) { data_message_ = {std::move(text), is_error}; }

    // Teacher mode: controls a lesson's link locks or hides (a guide for students, not security).
    enum Lock : uint32_t { LockNetwork = 1, LockTraining = 2, LockData = 4, HideTables = 8 };
    static constexpr uint32_t kAllLocks = LockNetwork | LockTraining | LockData | HideTables;
    uint32_t locks() const { return locks_; }
    bool locked(Lock lock) const { return (locks_ & lock) != 0; }
    void set_locks(uint32_t locks) { locks_ = locks & kAllLocks; }
    // True between begin_drag() and end_drag(), unless an undo or redo ended the drag: a view that
    // is dragging a point lets go of it when this turns false.
    bool drag_open() const { return dragging_; }

    // The training loss L (the mean data loss over the training points, plus the penalty when
    // regularization is on) on the current weights, and its data loss alone; both cached per step.
    double training_loss() const;
    double training_data_loss() const;
    // The training loss as the loss plot shows it: training_loss(), refreshed at most every
    // kPlayingRefreshMs while Play runs.
    double shown_training_loss() const;
    static constexpr double kPlayingRefreshMs = 250.0;
    // The regularization penalty R(W) of the weights shown_training_loss() was computed on (its data
    // loss is the difference).
    double shown_penalty() const;
    // y-hat over a grid of the plane on the current weights (cached per step; refreshed at most
    // every kPlayingRefreshMs while Play runs).
    const std::vector<double>& output_grid(int n) const;
    // y-hat along x1 (x2 = 0) at 201 points across the plane (cached per step): the fitted curve.
    const std::vector<double>& output_curve() const;
    // a^l_j (layer 0 = the inputs, j 0-based) over an n x n grid of the plane, as lab.neuronMap
    // returns it (core/neuron_map.h): what the data view draws while a neuron is hovered and the GPU
    // cannot. Cached per step and neuron, refreshed like output_grid. The caller checks the neuron.
    const std::vector<double>& neuron_grid(int layer, int j, int n) const;

    // Speeds at or above kMaxSpeed mean "as fast as the frame allows" (play_clock.h).
    static constexpr double kMaxSpeed = PlayClock::kMaxSpeed;

private:
    Trainer trainer_;
    bool playing_ = false;
    PlayClock clock_;  // the speed, and how many steps each frame of Play trains
    Inspected inspected_;
    UndoHistory history_;
    bool dragging_ = false;
    bool parameter_dragging_ = false;  // between begin_parameter_drag() and the next edit of anything else
    Selection parameter_dragged_;      // the parameter that drag sets
    void write_parameter(const Selection& which, double value);  // no checks, no undo step
    void forget_parameter_edits();  // drops the undo and redo steps of parameters set by hand
    void remember_points();  // before an edit: the undo snapshot
    void push_undo(UndoStep step);  // history_.push, which also ends a drag on a parameter's value
    WholeLab whole_lab() const;
    void restore_whole_lab(const WholeLab& lab);
    // After Reset or Defaults: `before` becomes an undo step if the lab changed (its moment link
    // `before_link` differs), and the notice says how to get it back.
    void remember_whole_lab(std::shared_ptr<const WholeLab> before, const std::string& before_link,
                            const std::string& notice);
    std::string undo_hint_;  // that notice, which an undo or redo takes away (other notices stay)
    bool can_train();        // false, with a notice, when there are no training points
    bool travel(UndoHistory::Way way);
    std::string apply_points(std::vector<Point> points);
    Selection selection_;
    EdgeMode edge_mode_ = EdgeMode::Weights;
    DisplayOptions display_;
    std::string notice_;
    Message data_message_;
    uint32_t locks_ = 0;
    FrameStats stats_;

    // What the views read, cached per state_key() (some per subject too: the parameter, the grid's
    // size, the neuron); the full-set ones refresh at most every kPlayingRefreshMs while Play runs
    // (the chain rule twice a second: ranking its paths costs a large network).
    int64_t generation_ = 0;
    mutable Cached<ChainRule, StateKey, Selection> chain_rule_;
    mutable Cached<Pass> inspected_pass_;
    mutable Gradients inspected_grad_;  // scratch for the inspected point's backward pass
    mutable Cached<TrainingLosses> losses_;
    struct ShownLoss {
        double loss = 0.0, penalty = 0.0;
    };
    mutable Cached<ShownLoss> shown_loss_;
    const ShownLoss& shown_loss() const;  // refreshed at most every kPlayingRefreshMs while Play runs
    mutable Cached<std::vector<double>, StateKey, int> output_grid_;  // subject: n
    mutable Cached<std::vector<double>> output_curve_;
    mutable Cached<std::vector<double>, StateKey, std::array<int, 3>> neuron_grid_;  // layer, j, n
    // The points are those the settings generate, unedited (cached per change: the autosave asks
    // for a link several times a second while Play runs, and training never changes the data).
    mutable Cached<bool, int64_t> generated_;
    mutable Pass grid_pass_, curve_pass_, neuron_pass_;  // the plane's forward passes
    bool data_is_generated() const;

    void changed() { ++generation_; }
    // Caches are valid for one (generation, step): any command bumps the generation, training the step.
    StateKey state_key() const { return {generation_, trainer_.step_count()}; }
};

// Everything Reset and Defaults replace, kept whole so that undoing them restores the lab exactly:
// the trainer (network, weights, settings, data, counters, loss history, last batch) and the view.
struct WholeLab {
    Trainer trainer;
    Selection selection;
    Inspected inspected;
    Lab::EdgeMode edge_mode;
    DisplayOptions display;
    double speed;
    uint32_t locks;
    Lab::Message data_message;
};

// The locks by name, as lessons, links' lock lists and window.lab spell them.
constexpr Lab::Lock kAllLockKinds[] = {Lab::LockNetwork, Lab::LockTraining, Lab::LockData, Lab::HideTables};
const char* lock_name(Lab::Lock lock);  // "network", "training", "data", "tables"
std::optional<Lab::Lock> parse_lock(const std::string& name);
std::string lock_names();  // "network, training, data, tables", for a message

}  // namespace bp
