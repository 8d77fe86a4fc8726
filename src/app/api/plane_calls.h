// window.lab's calls about the data plane: predict, neuronMap and display.
#pragma once

#include <nlohmann/json.hpp>

#include "app/api/lab_api.h"

namespace bp {

nlohmann::json predict(const ApiCall& call);     // predict(x1, x2) -> the output y-hat there
nlohmann::json neuron_map(const ApiCall& call);  // neuronMap(layer, j, n) -> {ok, error, values[r][c]}
nlohmann::json display(const ApiCall& call);     // display({discretize, showTestPoints}) -> {ok, error}

}  // namespace bp
