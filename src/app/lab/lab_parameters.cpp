// Lab: a weight or bias set by hand. Each set is one undo step that keeps the value it replaced (a
// drag on the value is one step for all its sets); the run goes on from the new value.
#include <algorithm>
#include <cmath>
#include <string>

#include "app/lab/lab.h"

namespace bp {

double Lab::parameter(const Selection& which) const {
    const Network& net = trainer_.network();
    return which.is_bias ? net.b[which.layer - 1](0, which.j) : net.W[which.layer - 1](which.i, which.j);
}

void Lab::write_parameter(const Selection& which, double value) {
    std::vector<Matrix> W = trainer_.network().W;
    std::vector<RowVector> b = trainer_.network().b;
    if (which.is_bias) b[which.layer - 1](0, which.j) = value;
    else W[which.layer - 1](which.i, which.j) = value;
    trainer_.set_parameters(W, b);  // drops a begun step and records the loss at the new value
    changed();
}

std::string Lab::set_parameter(const Selection& which, double value) {
    if (auto error = validate_selection(which); !error.empty()) return error;
    if (!std::isfinite(value)) return "the value must be a finite number";
    if (std::fabs(value) > kMaxHandParameter)
        return "a parameter set by hand must lie from -" + std::to_string(static_cast<int>(kMaxHandParameter)) +
               " to " + std::to_string(static_cast<int>(kMaxHandParameter));
    Selection exact = which;
    if (exact.is_bias) exact.i = 0;
    const double before = parameter(exact);
    if (before == value) return "";
    if (!(parameter_dragging_ && parameter_dragged_ == exact)) push_undo({{}, nullptr, ParameterEdit{exact, before}});
    write_parameter(exact, value);
    return "";
}

void Lab::begin_parameter_drag(const Selection& which) {
    if (!validate_selection(which).empty()) return;
    Selection exact = which;
    if (exact.is_bias) exact.i = 0;
    push_undo({{}, nullptr, ParameterEdit{exact, parameter(exact)}});
    parameter_dragging_ = true;
    parameter_dragged_ = exact;
}

void Lab::forget_parameter_edits() {
    history_.forget_parameter_edits();
    parameter_dragging_ = false;
}

}  // namespace bp
