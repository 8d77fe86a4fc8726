// Lab: undo and redo. A data edit keeps the points it replaced, a parameter set by hand the value it
// replaced (cheap, up to UndoHistory::kDepth steps);
// Reset and Defaults keep the whole lab they replaced (a copy of the trainer and the view), so one
// undo brings back the network, weights, settings, data, counters, loss history and locks exactly.
#include "app/lab/lab.h"

#include <algorithm>

namespace bp {

void Lab::push_undo(UndoStep step) {
    history_.push(std::move(step));
    parameter_dragging_ = false;  // any other edit ends a drag on a parameter's value
}

void Lab::remember_points() {
    if (dragging_) return;  // begin_drag() took the snapshot
    push_undo({trainer_.points(), nullptr, std::nullopt});
}

void Lab::begin_drag() {
    dragging_ = false;
    remember_points();
    dragging_ = true;
}

void Lab::end_drag() { dragging_ = false; }

WholeLab Lab::whole_lab() const {
    return {trainer_, selection_, inspected_, edge_mode_, display_, clock_.speed(), locks_, data_message_};
}

// Play is left as it is (an undo neither starts nor stops training), unless the restored run cannot
// train. The undo is silent: the hint of Reset or Defaults goes; a notice of a problem stays.
void Lab::restore_whole_lab(const WholeLab& lab) {
    trainer_ = lab.trainer;
    selection_ = lab.selection;
    inspected_ = lab.inspected;
    edge_mode_ = lab.edge_mode;
    display_ = lab.display;
    clock_.set_speed(lab.speed);
    locks_ = lab.locks;
    data_message_ = lab.data_message;
    if (notice_ == undo_hint_) notice_.clear();
    if (!trainer_.error().empty() || trainer_.training_point_count() == 0) playing_ = false;
    clock_.drop_backlog();
    clock_.measure_anew();
    changed();
}

void Lab::remember_whole_lab(std::shared_ptr<const WholeLab> before, const std::string& before_link,
                             const std::string& notice) {
    // The moment link carries everything Reset and Defaults change; the same link means nothing was
    // lost, and an undo step would change nothing.
    if (share_link(true) == before_link) return;
    push_undo({{}, std::move(before), std::nullopt});
    notice_ = undo_hint_ = notice;
}

void Lab::adopt(const Lab& other, const char* notice) {
    auto before = notice ? std::make_shared<const WholeLab>(whole_lab()) : nullptr;
    const std::string before_link = notice ? share_link(true) : "";
    playing_ = false;
    dragging_ = false;
    restore_whole_lab(other.whole_lab());
    if (notice) remember_whole_lab(std::move(before), before_link, notice);
}

// Undo and redo: the lab goes back to the step `way` leads to, and what that replaces is kept for
// the other way.
bool Lab::travel(UndoHistory::Way way) {
    std::optional<UndoStep> step = history_.take(way);
    if (!step) return false;
    // Undo or redo in the middle of a drag ends the drag: later mouse moves must not edit the
    // restored points without an undo step of their own (the view sees drag_open() turn false).
    dragging_ = false;
    parameter_dragging_ = false;
    if (step->parameter) {
        const ParameterEdit& edit = *step->parameter;
        if (validate_selection(edit.which).empty()) {  // always, unless the shape changed without a whole step
            history_.keep_replaced(way, {{}, nullptr, ParameterEdit{edit.which, parameter(edit.which)}});
            write_parameter(edit.which, edit.value);
        }
    } else if (step->whole) {
        history_.keep_replaced(way, {{}, std::make_shared<const WholeLab>(whole_lab()), std::nullopt});
        restore_whole_lab(*step->whole);
    } else {
        history_.keep_replaced(way, {trainer_.points(), nullptr, std::nullopt});
        apply_points(std::move(step->points));
    }
    return true;
}

bool Lab::undo() { return travel(UndoHistory::Way::Back); }
bool Lab::redo() { return travel(UndoHistory::Way::Forward); }

}  // namespace bp
