// The chain rule in the lesson's notation: the parameter's symbol (w¹₁₂, b²₁) and each factor of a
// path (∂L/∂ŷ, ∂a²₁/∂z²₁, ∂z³₁/∂a²₂, ∂z¹₁/∂w¹₁₁), shared by the inspector on screen and window.lab.
#pragma once

#include <string>

#include "core/chain_rule.h"
#include "core/network.h"

namespace bp {

// w^layer_ij or b^layer_j: layer 1-based, i and j 0-based (as in the code); "w¹₁₂", "b²₁".
std::string parameter_symbol(int layer, int i, int j, bool is_bias);
// One factor of a path of the chain rule of a parameter of layer param_layer.
std::string factor_symbol(const Network& net, const PathFactor& factor, bool is_bias, int param_layer);

}  // namespace bp
