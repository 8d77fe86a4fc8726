// The last step's update of one parameter written out as its rule with the numbers filled in, one
// line per equation: the gradient with the penalty's part (when regularization is on), then SGD,
// momentum or Adam. The inspector and the weight's tooltip write these lines; they are plain text
// (no drawing), so tests read them too.
#pragma once

#include <string>
#include <vector>

#include "app/lab/lab.h"

namespace bp {

// p: the parameter's symbol (w¹₁₂ or b²₁); u: lab.last_update(); bias: p is a bias (no penalty).
std::vector<std::string> update_lines(const std::string& p, const ParameterUpdate& u, const TrainingSettings& s, bool bias);

// The optimizer's state of one parameter after the last step, as one line ("" for SGD):
// "velocity v = ..." or "Adam: m = ..., v = ... (t = ...)".
std::string optimizer_state_text(const Trainer& t, const Selection& s);

}  // namespace bp
