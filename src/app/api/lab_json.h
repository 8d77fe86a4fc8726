// The lab's state, points and gradients as window.lab writes them, and the reader of a point as
// addPoint() and movePoint() take it.
#pragma once

#include <nlohmann/json.hpp>
#include <string>

#include "app/lab/lab.h"

namespace bp {

// {layers, activations, ..., regularization, optimizer, weights, biases, step, epoch, lossHistory,
// trainingLoss (the total: dataLoss + penalty), dataLoss, penalty, optimizerState, points, ...}:
// everything lab.state() returns.
nlohmann::json state_json(const Lab& lab);
// {} (SGD), {velocity} (momentum) or {step, firstMoment, secondMoment} (Adam), each part laid out
// as {weights, biases}.
nlohmann::json optimizer_state_json(OptimizerKind kind, const OptimizerState& state);
// [{x: [x1, x2], features: [...], y, test}, ...]
nlohmann::json points_json(const Lab& lab);
// {weights, biases}: dL/dW and dL/db of the last step's total loss (batch mean data loss + penalty).
nlohmann::json gradients_json(const Lab& lab);
// {x: [x1, x2], y, test} into p; for an added point x and y are required. "" or what is wrong.
std::string read_point(const nlohmann::json& spec, Point& p, bool all_required);

}  // namespace bp
