// window.lab's calls that name a parameter as select() does ({layer, i, j} or {layer, j, bias: true},
// 1-based), and the loss landscape of two of them.
#pragma once

#include <nlohmann/json.hpp>
#include <string>

#include "app/api/lab_api.h"

namespace bp {

// Reads {layer, i, j} or {layer, j, bias: true} (1-based) into a 0-based Selection that exists in the
// lab's network; "" or what is wrong, naming the argument as `what` ("a", "the parameter").
std::string read_parameter(const nlohmann::json& spec, const std::string& what, const Lab& lab, Selection& out);

// landscape({a, b, span, n}) -> {losses, aValues, bValues, point, gradient}: losses[r][c] is the
// training loss with a at aValues[c] and b at bValues[r], both ascending over ±span around the
// current values (n odd, so the centre is the current point); gradient = [dL/da, dL/db] there.
// Computed at once, so a request costing more than lab.train()'s limit is refused.
nlohmann::json landscape_json(const ApiCall& call);

// Multiply-adds of a landscape of n x n on this lab (every cell a forward pass over every training
// point from the lower parameter's layer, plus the gradient's forward and backward passes).
double landscape_cost(const Lab& lab, const Selection& a, const Selection& b, int n);

}  // namespace bp
