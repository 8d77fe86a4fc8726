// window.lab's calls that name one parameter: reading a reference {layer, i, j} or {layer, j, bias:
// true} (1-based, as on screen), and setting a parameter by hand.
#pragma once

#include <nlohmann/json.hpp>
#include <string>

#include "app/api/lab_api.h"

namespace bp {

// Reads {layer, i, j} (w^layer_ij) or {layer, j, bias: true} (b^layer_j) into a 0-based Selection;
// returns "" or what is wrong with it. `field` names the argument the reference is part of, if any
// ("a" names its parts "a.layer", "a.j").
std::string read_parameter_ref(const nlohmann::json& spec, Selection& out, const std::string& field = "");

nlohmann::json set_parameter(const ApiCall& call);  // setParameter(ref, value) -> {ok, error}

}  // namespace bp
