// The chain rule, the step's phase and pass, and the selection as JSON for window.lab, with every
// factor's symbol written in the lesson's notation (∂L/∂ŷ, ∂a²₁/∂z²₁, ∂z¹₁/∂w¹₁₁).
#pragma once

#include <nlohmann/json.hpp>
#include <string>

#include "app/lab.h"

namespace bp {

// "∂z³₁/∂a²₂" and friends, for one factor of a path.
std::string factor_symbol(const Network& net, const PathFactor& factor, bool is_bias, int param_layer);
// "w¹₁₂" or "b²₁" for the selected parameter.
std::string parameter_symbol(const Selection& s);

// r is lab.chain_rule() or lab.chain_rule_for(some selection).
nlohmann::json chain_rule_json(const Lab& lab, const ChainRule& r);
nlohmann::json phase_json(const Lab& lab);
nlohmann::json pass_json(const Lab& lab);
nlohmann::json inspection_json(const Lab& lab);

}  // namespace bp
