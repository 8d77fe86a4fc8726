// The chain rule, the step's phase and pass, and the selection as JSON for window.lab, with every
// factor's symbol written in the lesson's notation (src/app/notation).
#pragma once

#include <nlohmann/json.hpp>
#include <string>

#include "app/lab/lab.h"

namespace bp {

// r is lab.chain_rule() or lab.chain_rule_for(some selection).
nlohmann::json chain_rule_json(const Lab& lab, const ChainRule& r);
nlohmann::json phase_json(const Lab& lab);
nlohmann::json pass_json(const Lab& lab);
nlohmann::json inspection_json(const Lab& lab);

}  // namespace bp
